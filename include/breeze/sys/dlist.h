/*
 * Doubly-linked circular list with a sentinel head (Zephyr's sys_dlist API).
 *
 * Every operation is O(1) except the explicit walks. A node that is not on any
 * list has next == NULL, so membership can be tested without a search.
 */
#ifndef BREEZE_SYS_DLIST_H
#define BREEZE_SYS_DLIST_H

#include <stdbool.h>
#include <stddef.h>

struct _dnode {
	struct _dnode *next;
	struct _dnode *prev;
};
typedef struct _dnode sys_dlist_t;
typedef struct _dnode sys_dnode_t;

#define SYS_DLIST_STATIC_INIT(list) \
	{                           \
		(list), (list)      \
	}

static inline void sys_dlist_init(sys_dlist_t *list)
{
	list->next = list;
	list->prev = list;
}

static inline void sys_dnode_init(sys_dnode_t *node)
{
	node->next = NULL;
	node->prev = NULL;
}

static inline bool sys_dnode_is_linked(const sys_dnode_t *node)
{
	return node->next != NULL;
}

static inline bool sys_dlist_is_empty(const sys_dlist_t *list)
{
	return list->next == list;
}

static inline sys_dnode_t *sys_dlist_peek_head(const sys_dlist_t *list)
{
	return sys_dlist_is_empty(list) ? NULL : list->next;
}

/* The first node of a list known not to be empty. */
static inline sys_dnode_t *sys_dlist_peek_head_not_empty(const sys_dlist_t *list)
{
	return list->next;
}

static inline sys_dnode_t *sys_dlist_peek_tail(const sys_dlist_t *list)
{
	return sys_dlist_is_empty(list) ? NULL : list->prev;
}

static inline sys_dnode_t *sys_dlist_peek_next(const sys_dlist_t *list, const sys_dnode_t *node)
{
	return node->next == list ? NULL : node->next;
}

/* Insert @node before @successor (which may be the list head: append). */
static inline void sys_dlist_insert(sys_dnode_t *successor, sys_dnode_t *node)
{
	sys_dnode_t *prev = successor->prev;

	node->prev = prev;
	node->next = successor;
	prev->next = node;
	successor->prev = node;
}

static inline void sys_dlist_append(sys_dlist_t *list, sys_dnode_t *node)
{
	sys_dlist_insert(list, node);
}

static inline void sys_dlist_prepend(sys_dlist_t *list, sys_dnode_t *node)
{
	sys_dlist_insert(list->next, node);
}

static inline void sys_dlist_remove(sys_dnode_t *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	sys_dnode_init(node);
}

static inline sys_dnode_t *sys_dlist_get(sys_dlist_t *list)
{
	sys_dnode_t *node = sys_dlist_peek_head(list);

	if (node != NULL) {
		sys_dlist_remove(node);
	}
	return node;
}

#define SYS_DLIST_FOR_EACH_NODE(list, n) \
	for ((n) = sys_dlist_peek_head(list); (n) != NULL; (n) = sys_dlist_peek_next(list, n))

#define SYS_DLIST_FOR_EACH_NODE_SAFE(list, n, s)                                               \
	for ((n) = sys_dlist_peek_head(list), (s) = (n) ? sys_dlist_peek_next(list, n) : NULL; \
	     (n) != NULL; (n) = (s), (s) = (n) ? sys_dlist_peek_next(list, n) : NULL)

#endif /* BREEZE_SYS_DLIST_H */
