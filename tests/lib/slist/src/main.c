/*
 * sys_slist: every operation checked against the list's full contents (walked
 * from the head, with the tail pointer and the length), including the edge
 * cases of one node, removing the tail, and merging into an empty list.
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/slist.h>
#include <zephyr/ztest.h>

struct item {
	sys_snode_t node; /* first word: what queues link through too */
	int value;
};

static struct item items[6];

/* @list must hold exactly the values of @expected, in order. */
static void check_list(sys_slist_t *list, const int *expected, size_t n)
{
	struct item *it;
	size_t i = 0;

	zassert_equal(sys_slist_len(list), n);
	zassert_equal(sys_slist_is_empty(list), n == 0U);
	SYS_SLIST_FOR_EACH_CONTAINER(list, it, node)
	{
		zassert_true(i < n);
		zassert_equal(it->value, expected[i], "at %u: %d", (unsigned int)i, it->value);
		i++;
	}
	zassert_equal(i, n);
	if (n == 0U) {
		zassert_is_null(sys_slist_peek_head(list));
		zassert_is_null(sys_slist_peek_tail(list));
	} else {
		zassert_equal(SYS_SLIST_PEEK_TAIL_CONTAINER(list, it, node)->value,
			      expected[n - 1]);
		zassert_is_null(sys_slist_peek_tail(list)->next, "the tail ends the chain");
	}
}

static void *setup(void)
{
	for (int i = 0; i < (int)ARRAY_SIZE(items); i++) {
		items[i].value = i;
	}
	return NULL;
}

ZTEST(slist, test_append_prepend_insert) {
	sys_slist_t list = SYS_SLIST_STATIC_INIT(&list);

	check_list(&list, NULL, 0);
	sys_slist_append(&list, &items[1].node);
	sys_slist_prepend(&list, &items[0].node);
	sys_slist_append(&list, &items[3].node);
	sys_slist_insert(&list, &items[1].node, &items[2].node);
	sys_slist_insert(&list, &items[3].node, &items[4].node); /* after the tail */
	sys_slist_insert(&list, NULL, &items[5].node);           /* at the head */
	check_list(&list, (const int[]){ 5, 0, 1, 2, 3, 4 }, 6);
}

ZTEST(slist, test_get) {
	sys_slist_t list;

	sys_slist_init(&list);
	zassert_is_null(sys_slist_get(&list));
	sys_slist_append(&list, &items[0].node);
	sys_slist_append(&list, &items[1].node);
	zassert_equal_ptr(sys_slist_get(&list), &items[0].node);
	check_list(&list, (const int[]){ 1 }, 1);
	zassert_equal_ptr(sys_slist_get_not_empty(&list), &items[1].node);
	check_list(&list, NULL, 0);
	/* An emptied list takes nodes again. */
	sys_slist_append(&list, &items[2].node);
	check_list(&list, (const int[]){ 2 }, 1);
}

ZTEST(slist, test_remove) {
	sys_slist_t list;
	sys_snode_t *prev;

	sys_slist_init(&list);
	for (int i = 0; i < 4; i++) {
		sys_slist_append(&list, &items[i].node);
	}
	zassert_true(sys_slist_find(&list, &items[3].node, &prev));
	zassert_equal_ptr(prev, &items[2].node);
	sys_slist_remove(&list, prev, &items[3].node); /* the tail */
	check_list(&list, (const int[]){ 0, 1, 2 }, 3);
	sys_slist_remove(&list, NULL, &items[0].node); /* the head */
	check_list(&list, (const int[]){ 1, 2 }, 2);
	zassert_false(sys_slist_find_and_remove(&list, &items[0].node), "not on the list");
	zassert_true(sys_slist_find_and_remove(&list, &items[2].node));
	zassert_true(sys_slist_find_and_remove(&list, &items[1].node));
	check_list(&list, NULL, 0);
	zassert_false(sys_slist_find(&list, &items[1].node, &prev));
	zassert_is_null(prev);
}

ZTEST(slist, test_merge_and_append_list) {
	sys_slist_t a, b;

	sys_slist_init(&a);
	sys_slist_init(&b);
	sys_slist_append(&b, &items[0].node);
	sys_slist_append(&b, &items[1].node);
	sys_slist_merge_slist(&a, &b); /* into an empty list */
	check_list(&a, (const int[]){ 0, 1 }, 2);
	check_list(&b, NULL, 0);
	sys_slist_append(&b, &items[2].node);
	sys_slist_merge_slist(&a, &b);
	sys_slist_merge_slist(&a, &b); /* merging an empty list changes nothing */
	check_list(&a, (const int[]){ 0, 1, 2 }, 3);

	/* A bare chain, linked by hand through the first words. */
	items[3].node.next = &items[4].node;
	items[4].node.next = NULL;
	sys_slist_append_list(&a, &items[3], &items[4]);
	sys_slist_append_list(&a, NULL, NULL);
	check_list(&a, (const int[]){ 0, 1, 2, 3, 4 }, 5);
}

ZTEST(slist, test_safe_iteration_removes) {
	sys_slist_t list;
	sys_snode_t *node, *next;
	struct item *it, *it_next;

	sys_slist_init(&list);
	for (int i = 0; i < 6; i++) {
		sys_slist_append(&list, &items[i].node);
	}
	/* Remove the even values while walking, then the rest by container. */
	SYS_SLIST_FOR_EACH_NODE_SAFE(&list, node, next)
	{
		if (CONTAINER_OF(node, struct item, node)->value % 2 == 0) {
			zassert_true(sys_slist_find_and_remove(&list, node));
		}
	}
	check_list(&list, (const int[]){ 1, 3, 5 }, 3);
	SYS_SLIST_FOR_EACH_CONTAINER_SAFE(&list, it, it_next, node)
	{
		zassert_true(sys_slist_find_and_remove(&list, &it->node));
	}
	check_list(&list, NULL, 0);
	zassert_is_null(sys_slist_peek_next(NULL));
}

ZTEST_SUITE(slist, NULL, setup, NULL, NULL, NULL);
