/*
 * The list of live threads behind k_thread_foreach(): a thread joins it when
 * created (complete, after its user-mode setup) and leaves it when it ends,
 * both under the scheduler lock. O(1) each way.
 */
#include <ksched.h>
#include <thread_ext_internal.h>

static sys_dlist_t threads = SYS_DLIST_STATIC_INIT(&threads);

void z_thread_monitor_add(struct k_thread *t)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);

	sys_dlist_append(&threads, &t->ext.monitor_node);
	k_spin_unlock(&_sched_spinlock, key);
}

void z_thread_monitor_remove_locked(struct k_thread *t)
{
	if (sys_dnode_is_linked(&t->ext.monitor_node)) {
		sys_dlist_remove(&t->ext.monitor_node);
	}
}

static struct k_thread *thread_of(sys_dnode_t *n)
{
	return n == NULL ? NULL : CONTAINER_OF(n, struct k_thread, ext.monitor_node);
}

void k_thread_foreach(k_thread_user_cb_t user_cb, void *user_data)
{
	__ASSERT(user_cb != NULL, "NULL callback");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	sys_dnode_t *n;

	SYS_DLIST_FOR_EACH_NODE(&threads, n) {
		user_cb(thread_of(n), user_data);
	}
	k_spin_unlock(&_sched_spinlock, key);
}

void k_thread_foreach_unlocked(k_thread_user_cb_t user_cb, void *user_data)
{
	__ASSERT(user_cb != NULL, "NULL callback");
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct k_thread *t = thread_of(sys_dlist_peek_head(&threads));

	while (t != NULL) {
		k_spin_unlock(&_sched_spinlock, key);
		user_cb(t, user_data);
		key = k_spin_lock(&_sched_spinlock);
		/* Ended meanwhile: its node is unlinked, and the walk ends here. */
		t = sys_dnode_is_linked(&t->ext.monitor_node)
			? thread_of(sys_dlist_peek_next(&threads, &t->ext.monitor_node))
			: NULL;
	}
	k_spin_unlock(&_sched_spinlock, key);
}
