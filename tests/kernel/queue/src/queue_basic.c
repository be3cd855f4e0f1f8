/*
 * k_queue, k_fifo and k_lifo from supervisor threads, without waiters: order,
 * insert, remove, unique append, lists, peeking, the alloc_ variants and
 * their node pool, and the K_*_DEFINE objects.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

struct item {
	void *reserved; /* the kernel's link */
	int value;
};

static struct item items[6];
static struct k_queue queue;
static struct k_fifo fifo;
static struct k_lifo lifo;

K_QUEUE_DEFINE(defined_queue);
K_FIFO_DEFINE(defined_fifo);
K_LIFO_DEFINE(defined_lifo);

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	for (int i = 0; i < (int)ARRAY_SIZE(items); i++) {
		items[i].value = i;
	}
	k_queue_init(&queue);
	k_fifo_init(&fifo);
	k_lifo_init(&lifo);
}

ZTEST_SUITE(queue_basic, NULL, NULL, before, NULL, NULL);

static int get_value(struct k_queue *q)
{
	struct item *it = k_queue_get(q, K_NO_WAIT);

	return it == NULL ? -1 : it->value;
}

ZTEST(queue_basic, test_fifo_and_lifo_order) {
	for (int i = 0; i < 3; i++) {
		k_fifo_put(&fifo, &items[i]);
		k_lifo_put(&lifo, &items[3 + i]);
	}
	for (int i = 0; i < 3; i++) {
		zassert_equal(((struct item *)k_fifo_get(&fifo, K_NO_WAIT))->value, i);
		zassert_equal(((struct item *)k_lifo_get(&lifo, K_NO_WAIT))->value, 5 - i);
	}
	zassert_is_null(k_fifo_get(&fifo, K_NO_WAIT));
	zassert_is_null(k_lifo_get(&lifo, K_NO_WAIT));
	zassert_true(k_fifo_is_empty(&fifo));
}

ZTEST(queue_basic, test_insert_remove_unique) {
	k_queue_append(&queue, &items[0]);
	k_queue_append(&queue, &items[2]);
	k_queue_insert(&queue, &items[0], &items[1]);
	k_queue_insert(&queue, NULL, &items[3]); /* at the front */
	zassert_equal_ptr(k_queue_peek_head(&queue), &items[3]);
	zassert_equal_ptr(k_queue_peek_tail(&queue), &items[2]);
	zassert_true(k_queue_remove(&queue, &items[2]));
	zassert_false(k_queue_remove(&queue, &items[2]));
	zassert_equal_ptr(k_queue_peek_tail(&queue), &items[1], "the tail follows a removal");
	zassert_false(k_queue_unique_append(&queue, &items[0]));
	zassert_true(k_queue_unique_append(&queue, &items[4]));
	int expect[] = { 3, 0, 1, 4 };

	for (unsigned int i = 0; i < ARRAY_SIZE(expect); i++) {
		zassert_equal(get_value(&queue), expect[i]);
	}
	zassert_true(k_queue_is_empty(&queue));
	zassert_is_null(k_queue_peek_head(&queue));
}

ZTEST(queue_basic, test_append_list) {
	items[0].reserved = &items[1];
	items[1].reserved = &items[2];
	items[2].reserved = NULL;
	zassert_equal(k_queue_append_list(&queue, NULL, &items[2]), -EINVAL);
	k_queue_append(&queue, &items[5]);
	zassert_equal(k_fifo_put_list((struct k_fifo *)&queue, &items[0], &items[2]), 0);
	zassert_equal_ptr(k_queue_peek_tail(&queue), &items[2]);
	int expect[] = { 5, 0, 1, 2 };

	for (unsigned int i = 0; i < ARRAY_SIZE(expect); i++) {
		zassert_equal(get_value(&queue), expect[i]);
	}
}

/* The nodes of the alloc_ variants come from the caller's resource pool. */
K_HEAP_DEFINE(node_pool, 256);
#define MAX_NODES 32

ZTEST(queue_basic, test_alloc_variants_and_pool) {
	static int values[MAX_NODES];
	int n = 0;

	k_thread_heap_assign(k_current_get(), NULL);
	zassert_equal(k_fifo_alloc_put(&fifo, &values[0]), -ENOMEM, "no pool, no node");
	k_thread_heap_assign(k_current_get(), &node_pool);
	/* Any pointer: the kernel holds it in a node, the pointee is never touched. */
	while (n < MAX_NODES && k_fifo_alloc_put(&fifo, &values[n]) == 0) {
		n++;
	}
	zassert_true(n >= 3 && n < MAX_NODES, "%d nodes from the pool", n);
	k_fifo_put(&fifo, &items[0]); /* mixed with an item */
	zassert_equal_ptr(k_fifo_peek_head(&fifo), &values[0]);
	zassert_true(k_queue_remove(&fifo._queue, &values[1]), "a node is found by its data");
	for (int i = 0; i < n; i++) {
		if (i != 1) {
			zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &values[i]);
		}
	}
	zassert_equal_ptr(k_fifo_get(&fifo, K_NO_WAIT), &items[0]);
	/* Every node came back to the pool. */
	for (int i = 0; i < n; i++) {
		zassert_equal(k_lifo_alloc_put(&lifo, &values[i]), 0);
	}
	zassert_equal(k_lifo_alloc_put(&lifo, &values[n]), -ENOMEM);
	for (int i = n - 1; i >= 0; i--) {
		zassert_equal_ptr(k_lifo_get(&lifo, K_NO_WAIT), &values[i]);
	}
	k_thread_heap_assign(k_current_get(), NULL);
}

ZTEST(queue_basic, test_get_times_out) {
	int64_t start = k_uptime_get();

	zassert_is_null(k_queue_get(&queue, K_MSEC(20)));
	zassert_true(k_uptime_get() - start >= 20);
}

ZTEST(queue_basic, test_defined_objects) {
	k_queue_append(&defined_queue, &items[0]);
	k_fifo_put(&defined_fifo, &items[1]);
	k_lifo_put(&defined_lifo, &items[2]);
	zassert_equal(get_value(&defined_queue), 0);
	zassert_equal(((struct item *)k_fifo_get(&defined_fifo, K_NO_WAIT))->value, 1);
	zassert_equal(((struct item *)k_lifo_get(&defined_lifo, K_NO_WAIT))->value, 2);
}
