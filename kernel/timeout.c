/*
 * Timeouts on the system timer, tickless.
 *
 * Expiries are absolute hardware cycles, so a timeout of N ticks lasts exactly
 * N * (cycles per tick) from the moment it was armed, whatever the phase of the
 * tick. The timer is programmed only for the earliest expiry; removing the head
 * leaves it programmed, and the early interrupt then finds nothing due and
 * reprograms (cheaper than reprogramming on every abort).
 */
#include <ksched.h>
#include <timeout_q.h>
#include <arch_interface.h>
#include <thread_ext_internal.h>

#define CYC_PER_TICK \
	((uint32_t)(CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC / CONFIG_SYS_CLOCK_TICKS_PER_SEC))

BUILD_ASSERT(CONFIG_SYS_CLOCK_HW_CYCLES_PER_SEC % CONFIG_SYS_CLOCK_TICKS_PER_SEC == 0,
	     "the tick must be a whole number of timer cycles");

static sys_dlist_t timeout_list = SYS_DLIST_STATIC_INIT(&timeout_list);

static void program_timer(void)
{
	sys_dnode_t *head = sys_dlist_peek_head(&timeout_list);

	sys_clock_set_deadline(head == NULL ? UINT64_MAX : CONTAINER_OF_TIMEOUT(head)->expiry);
}

static void add_at(struct _timeout *to, _timeout_func_t fn, uint64_t expiry)
{
	__ASSERT(z_is_inactive_timeout(to), "timeout armed twice");
	to->fn = fn;
	to->expiry = expiry;
	z_timeout_list_insert(&timeout_list, to);
	if (sys_dlist_peek_head(&timeout_list) == &to->node) {
		program_timer();
	}
}

void z_add_timeout(struct _timeout *to, _timeout_func_t fn, k_ticks_t ticks)
{
	add_at(to, fn, z_timeout_deadline(sys_clock_cycle_get_64(), ticks, CYC_PER_TICK));
}

void z_readd_timeout(struct _timeout *to, _timeout_func_t fn, k_ticks_t ticks)
{
	add_at(to, fn, z_timeout_expiry(to->expiry, ticks, CYC_PER_TICK));
}

int z_abort_timeout(struct _timeout *to)
{
	if (z_is_inactive_timeout(to)) {
		return -EINVAL;
	}
	sys_dlist_remove(&to->node);
	return 0;
}

uint64_t z_timeout_remaining_cycles(const struct _timeout *to)
{
	uint64_t now = sys_clock_cycle_get_64();

	if (z_is_inactive_timeout(to) || to->expiry <= now) {
		return 0;
	}
	return to->expiry - now;
}

k_ticks_t z_timeout_remaining_ticks(const struct _timeout *to)
{
	/* Rounded up: a timeout still armed has at least one tick to go. */
	return (k_ticks_t)DIV_ROUND_UP(z_timeout_remaining_cycles(to), (uint64_t)CYC_PER_TICK);
}

k_ticks_t z_timeout_expires_ticks(const struct _timeout *to)
{
	return z_impl_k_uptime_ticks() + z_timeout_remaining_ticks(to);
}

void z_timeout_announce(void)
{
	k_spinlock_key_t key = k_spin_lock(&_sched_spinlock);
	struct _timeout *to;

	/* Re-read the clock each round: handlers take time and may arm new timeouts. */
	while ((to = z_timeout_list_pop_due(&timeout_list, sys_clock_cycle_get_64())) != NULL) {
		to->fn(to);
	}
	program_timer();
	k_spin_unlock(&_sched_spinlock, key);
	/* Outside the lock, still in the interrupt: a callback may use the kernel. */
	z_thread_slice_callback_run();
}

int64_t z_impl_k_uptime_ticks(void)
{
	return (int64_t)(sys_clock_cycle_get_64() / CYC_PER_TICK);
}

/* Through the k_uptime_ticks() system call, so that user threads can use it. */
int64_t k_uptime_get(void)
{
	return (int64_t)k_ticks_to_ms_floor64((uint64_t)k_uptime_ticks());
}

/* Usable in user mode too: the cycle counter is readable there. */
void k_busy_wait(uint32_t usec)
{
	uint64_t end = k_cycle_get_64() + k_us_to_cyc_ceil64(usec);

	while (k_cycle_get_64() < end) {
	}
}
