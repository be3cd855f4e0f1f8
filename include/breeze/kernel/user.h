/*
 * User mode (CONFIG_USERSPACE): threads created with K_USER, or that drop to
 * user mode themselves, run unprivileged. Such a thread can access only its
 * own stack, the partitions of its memory domain and the shared code and
 * read-only data; it reaches kernel objects only through system calls, and
 * only those it was granted.
 */
#ifndef BREEZE_KERNEL_USER_H
#define BREEZE_KERNEL_USER_H

#include <breeze/kernel/thread.h>

/*
 * Drop the calling supervisor thread to user mode for good and run
 * entry(p1, p2, p3) there, on a fresh user stack. The thread keeps its domain
 * and its grants, and stops being essential. Without CONFIG_USERSPACE the
 * entry simply runs (and the thread ends when it returns), as in Zephyr.
 */
#ifdef CONFIG_USERSPACE
FUNC_NORETURN void k_thread_user_mode_enter(k_thread_entry_t entry, void *p1, void *p2, void *p3);
#else
static inline FUNC_NORETURN void k_thread_user_mode_enter(k_thread_entry_t entry, void *p1,
							  void *p2, void *p3)
{
	k_current_get()->base.user_options &= ~K_ESSENTIAL;
	entry(p1, p2, p3);
	k_thread_abort(k_current_get());
	CODE_UNREACHABLE;
}
#endif

/* Grant the objects listed after the thread name to a K_THREAD_DEFINE thread at boot. */
struct z_static_grant {
	struct k_thread *thread;
	void *const *objects; /* NULL-terminated */
};

#ifdef CONFIG_USERSPACE
#define K_THREAD_ACCESS_GRANT(name_, ...)                                                 \
	static void *const _k_thread_grant_objs_##name_[] = { __VA_ARGS__, NULL };        \
	static const STRUCT_SECTION_ITERABLE(z_static_grant, _k_thread_grant_##name_) = { \
		.thread = &_k_thread_obj_##name_,                                         \
		.objects = _k_thread_grant_objs_##name_,                                  \
	}
#else
#define K_THREAD_ACCESS_GRANT(name_, ...)
#endif

#endif /* BREEZE_KERNEL_USER_H */
