/*
 * Host tests of the doubly linked list (include/breeze/sys/dlist.h): every
 * operation on empty, one-element and longer lists, both iteration macros,
 * and a randomized comparison against an array model over two lists.
 */
#include <breeze/sys/dlist.h> /* first: the header must be self-contained */

#include <stdio.h>
#include <string.h>

#include "check.h"

#define POOL_SIZE    48
#define RANDOM_STEPS 5000
#define RANDOM_SEED  0x5EEDD115ULL

static sys_dnode_t pool[POOL_SIZE];

static int node_index(const sys_dnode_t *n)
{
	return (int)(n - pool);
}

/*
 * Check that @list holds exactly pool[expected[0..count-1]] in that order,
 * walking forward with peek_next, backward through prev, and with both
 * iteration macros, and that every accessor agrees.
 */
static void check_list(const sys_dlist_t *list, const int *expected, int count)
{
	sys_dnode_t *n;
	sys_dnode_t *s;
	int i;

	CHECK_EQ(sys_dlist_is_empty(list), count == 0);
	if (count == 0) {
		CHECK_PTR_EQ(sys_dlist_peek_head(list), NULL);
		CHECK_PTR_EQ(sys_dlist_peek_tail(list), NULL);
		CHECK_PTR_EQ(list->next, list);
		CHECK_PTR_EQ(list->prev, list);
	} else {
		CHECK_PTR_EQ(sys_dlist_peek_head(list), &pool[expected[0]]);
		CHECK_PTR_EQ(sys_dlist_peek_tail(list), &pool[expected[count - 1]]);
	}

	/* Forward with peek_next; the tail's successor must be NULL. */
	n = sys_dlist_peek_head(list);
	for (i = 0; i < count; i++) {
		CHECK_PTR_EQ(n, &pool[expected[i]]);
		CHECK(sys_dnode_is_linked(n));
		n = sys_dlist_peek_next(list, n);
	}
	CHECK_PTR_EQ(n, NULL);

	/* Backward through the raw prev links, ending at the sentinel. */
	n = list->prev;
	for (i = count - 1; i >= 0; i--) {
		CHECK_PTR_EQ(n, &pool[expected[i]]);
		CHECK_PTR_EQ(n->next->prev, n);
		n = n->prev;
	}
	CHECK_PTR_EQ(n, list);

	i = 0;
	SYS_DLIST_FOR_EACH_NODE(list, n) {
		CHECK(i < count);
		CHECK_EQ(node_index(n), expected[i]);
		i++;
	}
	CHECK_EQ(i, count);

	i = 0;
	SYS_DLIST_FOR_EACH_NODE_SAFE(list, n, s) {
		CHECK(i < count);
		CHECK_EQ(node_index(n), expected[i]);
		CHECK_PTR_EQ(s, i + 1 < count ? &pool[expected[i + 1]] : NULL);
		i++;
	}
	CHECK_EQ(i, count);
}

static void check_unlinked(const sys_dnode_t *n)
{
	CHECK(!sys_dnode_is_linked(n));
	CHECK_PTR_EQ(n->next, NULL);
	CHECK_PTR_EQ(n->prev, NULL);
}

static void reset_pool(void)
{
	for (int i = 0; i < POOL_SIZE; i++) {
		sys_dnode_init(&pool[i]);
	}
}

static void test_empty(void)
{
	static sys_dlist_t static_list = SYS_DLIST_STATIC_INIT(&static_list);
	sys_dlist_t list;

	check_list(&static_list, NULL, 0);
	CHECK_PTR_EQ(sys_dlist_get(&static_list), NULL);
	check_list(&static_list, NULL, 0);

	memset(&list, 0xA5, sizeof(list));
	sys_dlist_init(&list);
	check_list(&list, NULL, 0);
	CHECK_PTR_EQ(sys_dlist_get(&list), NULL);

	memset(&pool[0], 0xA5, sizeof(pool[0]));
	sys_dnode_init(&pool[0]);
	check_unlinked(&pool[0]);
}

static void test_single(void)
{
	sys_dlist_t list;

	reset_pool();
	sys_dlist_init(&list);

	sys_dlist_append(&list, &pool[3]);
	check_list(&list, (int[]){ 3 }, 1);
	CHECK_PTR_EQ(pool[3].next, &list);
	CHECK_PTR_EQ(pool[3].prev, &list);
	sys_dlist_remove(&pool[3]);
	check_list(&list, NULL, 0);
	check_unlinked(&pool[3]);

	sys_dlist_prepend(&list, &pool[4]);
	check_list(&list, (int[]){ 4 }, 1);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[4]);
	check_list(&list, NULL, 0);
	check_unlinked(&pool[4]);

	/* Inserting before the sentinel of an empty list is an append. */
	sys_dlist_insert(&list, &pool[5]);
	check_list(&list, (int[]){ 5 }, 1);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[5]);
	CHECK_PTR_EQ(sys_dlist_get(&list), NULL);
}

static void test_order(void)
{
	sys_dlist_t list;

	reset_pool();
	sys_dlist_init(&list);

	sys_dlist_append(&list, &pool[1]);
	sys_dlist_append(&list, &pool[2]);
	sys_dlist_append(&list, &pool[3]);
	check_list(&list, (int[]){ 1, 2, 3 }, 3);

	sys_dlist_prepend(&list, &pool[0]);
	check_list(&list, (int[]){ 0, 1, 2, 3 }, 4);

	/* Insert before a middle node, before the head, and before the sentinel. */
	sys_dlist_insert(&pool[2], &pool[10]);
	check_list(&list, (int[]){ 0, 1, 10, 2, 3 }, 5);
	sys_dlist_insert(&pool[0], &pool[11]);
	check_list(&list, (int[]){ 11, 0, 1, 10, 2, 3 }, 6);
	sys_dlist_insert(&list, &pool[12]);
	check_list(&list, (int[]){ 11, 0, 1, 10, 2, 3, 12 }, 7);
	sys_dlist_insert(&pool[12], &pool[13]);
	check_list(&list, (int[]){ 11, 0, 1, 10, 2, 3, 13, 12 }, 8);

	/* Remove from the middle, the head and the tail. */
	sys_dlist_remove(&pool[10]);
	check_unlinked(&pool[10]);
	check_list(&list, (int[]){ 11, 0, 1, 2, 3, 13, 12 }, 7);
	sys_dlist_remove(&pool[11]);
	check_unlinked(&pool[11]);
	check_list(&list, (int[]){ 0, 1, 2, 3, 13, 12 }, 6);
	sys_dlist_remove(&pool[12]);
	check_unlinked(&pool[12]);
	check_list(&list, (int[]){ 0, 1, 2, 3, 13 }, 5);

	/* A removed node can be reused at once, here on the same list. */
	sys_dlist_prepend(&list, &pool[10]);
	check_list(&list, (int[]){ 10, 0, 1, 2, 3, 13 }, 6);

	/* get drains from the head in order. */
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[10]);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[0]);
	check_unlinked(&pool[0]);
	check_list(&list, (int[]){ 1, 2, 3, 13 }, 4);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[1]);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[2]);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[3]);
	CHECK_PTR_EQ(sys_dlist_get(&list), &pool[13]);
	CHECK_PTR_EQ(sys_dlist_get(&list), NULL);
	check_list(&list, NULL, 0);
}

/* Two lists sharing no nodes must not disturb each other. */
static void test_two_lists(void)
{
	sys_dlist_t a;
	sys_dlist_t b;

	reset_pool();
	sys_dlist_init(&a);
	sys_dlist_init(&b);
	for (int i = 0; i < 4; i++) {
		sys_dlist_append(&a, &pool[i]);
		sys_dlist_prepend(&b, &pool[10 + i]);
	}
	check_list(&a, (int[]){ 0, 1, 2, 3 }, 4);
	check_list(&b, (int[]){ 13, 12, 11, 10 }, 4);

	/* Move a node across: remove, then insert before a node of the other list. */
	sys_dlist_remove(&pool[2]);
	sys_dlist_insert(&pool[11], &pool[2]);
	check_list(&a, (int[]){ 0, 1, 3 }, 3);
	check_list(&b, (int[]){ 13, 12, 2, 11, 10 }, 5);
}

static void test_for_each_safe_removal(void)
{
	sys_dlist_t list;
	sys_dnode_t *n;
	sys_dnode_t *s;
	int visited[POOL_SIZE];
	int count = 0;

	reset_pool();
	sys_dlist_init(&list);
	for (int i = 0; i < 8; i++) {
		sys_dlist_append(&list, &pool[i]);
	}

	/* Removing the current node (every other one) must not break the walk. */
	SYS_DLIST_FOR_EACH_NODE_SAFE(&list, n, s) {
		visited[count++] = node_index(n);
		if (node_index(n) % 2 == 0) {
			sys_dlist_remove(n);
		}
	}
	CHECK_EQ(count, 8);
	for (int i = 0; i < 8; i++) {
		CHECK_EQ(visited[i], i);
	}
	check_list(&list, (int[]){ 1, 3, 5, 7 }, 4);

	/* Removing every node empties the list; each node is visited once. */
	count = 0;
	SYS_DLIST_FOR_EACH_NODE_SAFE(&list, n, s) {
		visited[count++] = node_index(n);
		sys_dlist_remove(n);
		check_unlinked(n);
	}
	CHECK_EQ(count, 4);
	CHECK_EQ(visited[0], 1);
	CHECK_EQ(visited[3], 7);
	check_list(&list, NULL, 0);

	/* Neither macro runs its body on an empty list. */
	count = 0;
	SYS_DLIST_FOR_EACH_NODE(&list, n) {
		count++;
	}
	SYS_DLIST_FOR_EACH_NODE_SAFE(&list, n, s) {
		count++;
	}
	CHECK_EQ(count, 0);
}

/* Array model of one list: node indices in list order. */
struct model_list {
	int items[POOL_SIZE];
	int count;
};

static void model_insert_at(struct model_list *m, int pos, int node)
{
	memmove(&m->items[pos + 1], &m->items[pos], (size_t)(m->count - pos) * sizeof(int));
	m->items[pos] = node;
	m->count++;
}

static void model_remove_at(struct model_list *m, int pos)
{
	memmove(&m->items[pos], &m->items[pos + 1], (size_t)(m->count - pos - 1) * sizeof(int));
	m->count--;
}

static int model_find(const struct model_list *m, int node)
{
	for (int i = 0; i < m->count; i++) {
		if (m->items[i] == node) {
			return i;
		}
	}
	return -1;
}

/* Which of the two model lists holds @node, or -1 if it is free. */
static int model_owner(const struct model_list models[2], int node)
{
	for (int l = 0; l < 2; l++) {
		if (model_find(&models[l], node) >= 0) {
			return l;
		}
	}
	return -1;
}

/*
 * Random operations on two lists against the array model. The node pool is
 * shared, so nodes migrate between lists; each step checks both lists in
 * full and the linked state of every node.
 */
static void test_random_model(void)
{
	sys_dlist_t lists[2];
	struct model_list models[2] = { 0 };
	unsigned long ops[6] = { 0 };

	reset_pool();
	sys_dlist_init(&lists[0]);
	sys_dlist_init(&lists[1]);
	check_rng_seed(RANDOM_SEED);

	for (uint64_t step = 0; step < RANDOM_STEPS; step++) {
		int l = (int)check_rng_below(2);
		sys_dlist_t *list = &lists[l];
		struct model_list *m = &models[l];
		int node = (int)check_rng_below(POOL_SIZE);
		int owner = model_owner(models, node);
		uint32_t op = check_rng_below(6);

		check_set_context("random step", step);
		if (owner < 0) {
			/* A free node can only be inserted. */
			op %= 3;
		} else if (op < 3) {
			op += 3;
		}

		switch (op) {
		case 0:
			sys_dlist_append(list, &pool[node]);
			model_insert_at(m, m->count, node);
			break;
		case 1:
			sys_dlist_prepend(list, &pool[node]);
			model_insert_at(m, 0, node);
			break;
		case 2: {
			/* Before a random position; position == count means the sentinel. */
			int pos = (int)check_rng_below((uint32_t)m->count + 1U);
			sys_dnode_t *succ = pos == m->count ? list : &pool[m->items[pos]];

			sys_dlist_insert(succ, &pool[node]);
			model_insert_at(m, pos, node);
			break;
		}
		case 3:
		case 4:
			sys_dlist_remove(&pool[node]);
			model_remove_at(&models[owner], model_find(&models[owner], node));
			check_unlinked(&pool[node]);
			break;
		case 5: {
			sys_dnode_t *got = sys_dlist_get(list);

			if (m->count == 0) {
				CHECK_PTR_EQ(got, NULL);
			} else {
				CHECK_PTR_EQ(got, &pool[m->items[0]]);
				check_unlinked(got);
				model_remove_at(m, 0);
			}
			break;
		}
		}
		ops[op]++;

		check_list(&lists[0], models[0].items, models[0].count);
		check_list(&lists[1], models[1].items, models[1].count);
		for (int i = 0; i < POOL_SIZE; i++) {
			CHECK_EQ(sys_dnode_is_linked(&pool[i]), model_owner(models, i) >= 0);
		}
	}
	check_set_context(NULL, 0);

	/* The walk must actually have exercised every operation and long lists. */
	for (int i = 0; i < 6; i++) {
		CHECK(ops[i] > RANDOM_STEPS / 20);
	}
	CHECK(models[0].count + models[1].count > 4);
}

int main(void)
{
	test_empty();
	test_single();
	test_order();
	test_two_lists();
	test_for_each_safe_removal();
	test_random_model();
	return check_done("host.dlist");
}
