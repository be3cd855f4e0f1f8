/*
 * Singly-linked list with head and tail pointers (Zephyr's sys_slist API).
 *
 * A node is one pointer, the first word of whatever embeds it, which is also
 * the word kernel queues link items through: a list built here can be handed
 * to k_queue_merge_slist() / k_fifo_put_slist(). Appending, prepending and
 * taking the head are O(1); removing a node needs its predecessor (O(1) when
 * given, a walk otherwise). The list does no locking.
 */
#ifndef BREEZE_SYS_SLIST_H
#define BREEZE_SYS_SLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <breeze/sys/util.h>

struct _snode {
	struct _snode *next;
};
typedef struct _snode sys_snode_t;

struct _slist {
	sys_snode_t *head;
	sys_snode_t *tail; /* NULL when empty */
};
typedef struct _slist sys_slist_t;

#define SYS_SLIST_STATIC_INIT(ptr_to_list) \
	{                                  \
		NULL, NULL                 \
	}

static inline void sys_slist_init(sys_slist_t *list)
{
	list->head = NULL;
	list->tail = NULL;
}

static inline bool sys_slist_is_empty(const sys_slist_t *list)
{
	return list->head == NULL;
}

static inline sys_snode_t *sys_slist_peek_head(const sys_slist_t *list)
{
	return list->head;
}

static inline sys_snode_t *sys_slist_peek_tail(const sys_slist_t *list)
{
	return list->tail;
}

static inline sys_snode_t *sys_slist_peek_next_no_check(const sys_snode_t *node)
{
	return node->next;
}

static inline sys_snode_t *sys_slist_peek_next(const sys_snode_t *node)
{
	return node != NULL ? node->next : NULL;
}

static inline void sys_slist_prepend(sys_slist_t *list, sys_snode_t *node)
{
	node->next = list->head;
	list->head = node;
	if (list->tail == NULL) {
		list->tail = node;
	}
}

static inline void sys_slist_append(sys_slist_t *list, sys_snode_t *node)
{
	node->next = NULL;
	if (list->tail == NULL) {
		list->head = node;
	} else {
		list->tail->next = node;
	}
	list->tail = node;
}

/* Append the NULL-terminated chain @head .. @tail (nothing if either is NULL). */
static inline void sys_slist_append_list(sys_slist_t *list, void *head, void *tail)
{
	if (head == NULL || tail == NULL) {
		return;
	}
	if (list->tail == NULL) {
		list->head = (sys_snode_t *)head;
	} else {
		list->tail->next = (sys_snode_t *)head;
	}
	list->tail = (sys_snode_t *)tail;
}

/* Move every node of @list_to_append to the end of @list, which empties the former. */
static inline void sys_slist_merge_slist(sys_slist_t *list, sys_slist_t *list_to_append)
{
	sys_slist_append_list(list, list_to_append->head, list_to_append->tail);
	sys_slist_init(list_to_append);
}

/* Insert @node after @prev, or at the head when @prev is NULL. */
static inline void sys_slist_insert(sys_slist_t *list, sys_snode_t *prev, sys_snode_t *node)
{
	if (prev == NULL) {
		sys_slist_prepend(list, node);
	} else if (prev->next == NULL) {
		sys_slist_append(list, node);
	} else {
		node->next = prev->next;
		prev->next = node;
	}
}

/* Take the head of a list known not to be empty. */
static inline sys_snode_t *sys_slist_get_not_empty(sys_slist_t *list)
{
	sys_snode_t *node = list->head;

	list->head = node->next;
	if (list->tail == node) {
		list->tail = NULL;
	}
	return node;
}

static inline sys_snode_t *sys_slist_get(sys_slist_t *list)
{
	return sys_slist_is_empty(list) ? NULL : sys_slist_get_not_empty(list);
}

/* Unlink @node, whose predecessor is @prev_node (NULL: @node is the head). */
static inline void sys_slist_remove(sys_slist_t *list, sys_snode_t *prev_node, sys_snode_t *node)
{
	if (prev_node == NULL) {
		list->head = node->next;
		if (list->tail == node) {
			list->tail = list->head;
		}
	} else {
		prev_node->next = node->next;
		if (list->tail == node) {
			list->tail = prev_node;
		}
	}
	node->next = NULL;
}

/* Whether @node is on @list; its predecessor goes to *@prev (NULL for the head). */
static inline bool sys_slist_find(const sys_slist_t *list, const sys_snode_t *node,
				  sys_snode_t **prev)
{
	sys_snode_t *before = NULL;

	for (sys_snode_t *n = list->head; n != NULL; before = n, n = n->next) {
		if (n == node) {
			if (prev != NULL) {
				*prev = before;
			}
			return true;
		}
	}
	if (prev != NULL) {
		*prev = NULL;
	}
	return false;
}

static inline bool sys_slist_find_and_remove(sys_slist_t *list, sys_snode_t *node)
{
	sys_snode_t *prev;

	if (!sys_slist_find(list, node, &prev)) {
		return false;
	}
	sys_slist_remove(list, prev, node);
	return true;
}

static inline size_t sys_slist_len(const sys_slist_t *list)
{
	size_t len = 0;

	for (const sys_snode_t *n = list->head; n != NULL; n = n->next) {
		len++;
	}
	return len;
}

#define SYS_SLIST_FOR_EACH_NODE(list, node) \
	for ((node) = sys_slist_peek_head(list); (node) != NULL; (node) = (node)->next)

/* The body may remove @node: the next one is read first. */
#define SYS_SLIST_FOR_EACH_NODE_SAFE(list, node, safe_node)                               \
	for ((node) = sys_slist_peek_head(list), (safe_node) = sys_slist_peek_next(node); \
	     (node) != NULL; (node) = (safe_node), (safe_node) = sys_slist_peek_next(node))

/* The structure embedding @ln (NULL for NULL), @cn being a pointer of its type. */
#define SYS_SLIST_CONTAINER(ln, cn, n) \
	((ln) != NULL ? CONTAINER_OF((ln), __typeof__(*(cn)), n) : NULL)
#define SYS_SLIST_PEEK_HEAD_CONTAINER(list, cn, n) \
	SYS_SLIST_CONTAINER(sys_slist_peek_head(list), cn, n)
#define SYS_SLIST_PEEK_TAIL_CONTAINER(list, cn, n) \
	SYS_SLIST_CONTAINER(sys_slist_peek_tail(list), cn, n)
#define SYS_SLIST_PEEK_NEXT_CONTAINER(cn, n) \
	((cn) != NULL ? SYS_SLIST_CONTAINER(sys_slist_peek_next(&((cn)->n)), cn, n) : NULL)

#define SYS_SLIST_FOR_EACH_CONTAINER(list, cn, n)                             \
	for ((cn) = SYS_SLIST_PEEK_HEAD_CONTAINER(list, cn, n); (cn) != NULL; \
	     (cn) = SYS_SLIST_PEEK_NEXT_CONTAINER(cn, n))

#define SYS_SLIST_FOR_EACH_CONTAINER_SAFE(list, cn, cns, n)     \
	for ((cn) = SYS_SLIST_PEEK_HEAD_CONTAINER(list, cn, n), \
	    (cns) = SYS_SLIST_PEEK_NEXT_CONTAINER(cn, n);       \
	     (cn) != NULL; (cn) = (cns), (cns) = SYS_SLIST_PEEK_NEXT_CONTAINER(cn, n))

#endif /* BREEZE_SYS_SLIST_H */
