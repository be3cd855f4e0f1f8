/*
 * k_thread_custom_data_set/get(): one pointer per thread. It lives in the
 * thread object (kernel memory), so a user thread reaches only its own, and
 * only through these calls; the value itself is never dereferenced by the
 * kernel, so the verifiers have nothing to check.
 */
#include <ksched.h>

void z_impl_k_thread_custom_data_set(void *value)
{
	_current->ext.custom_data = value;
}

void *z_impl_k_thread_custom_data_get(void)
{
	return _current->ext.custom_data;
}

#ifdef CONFIG_USERSPACE
void z_vrfy_k_thread_custom_data_set(void *value)
{
	z_impl_k_thread_custom_data_set(value);
}

void *z_vrfy_k_thread_custom_data_get(void)
{
	return z_impl_k_thread_custom_data_get();
}
#endif
