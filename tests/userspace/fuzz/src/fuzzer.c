/*
 * The fuzzing threads (user mode): random system calls through the raw
 * arch_syscall_invoke0..6, every ID of the generated list and IDs out of
 * range, with argument words drawn from the domain's pools.
 *
 * Half of the calls are well-formed: every word is a valid value of the kind
 * the call's prototype asks for (a semaphore the caller holds where a
 * semaphore goes, its own buffer where the kernel writes, a short timeout),
 * so that threads live long enough to build state (allocate, initialise, use,
 * hand over) and calls reach the code past their checks. The other half are
 * fuzzed: each word may also be an object of another type or owner, a stale
 * one, kernel or foreign memory, a misaligned or wrapping address, a huge or
 * negative number, and any word may be anything.
 *
 * Everything here is user-mode code: it reads only the domain's configuration
 * (read-only) and writes only its own stack, its scratch area and its stats.
 * The generator state lives in the stats partition and moves on before each
 * call, so a fuzzer respawned after a fault goes on with the next call of the
 * same deterministic sequence.
 *
 * A call made with fewer than six argument registers (invoke0..5) passes in
 * the others whatever the compiler left there, often pointers into the
 * fuzzer's own frames and records, and the kernel may write there: a thread
 * may wreck only itself. So nothing the supervisor checks lives in a fuzzer's
 * memory, and its reaper repairs its call count (main.c).
 */
#include <string.h>
#include "fuzz.h"

/* What an argument word should be. */
enum kind {
	A_ANY, /* anything (also the unused words) */
	A_SEM,
	A_NEW_SEM, /* for k_sem_init: better one nobody initialised yet */
	A_MUTEX,
	A_NEW_MUTEX,
	A_MSGQ,
	A_SLAB,
	A_THREAD,
	A_NEW_THREAD, /* for k_thread_create */
	A_STACK,
	A_OBJ,        /* an object of any type */
	A_BUF,        /* a user buffer (read or written by the kernel) */
	A_STR,        /* a NUL-terminated string */
	A_SIZE,       /* a buffer size */
	A_STACK_SIZE, /* a stack size */
	A_INT,
	A_USEC,
	A_PRIO,
	A_OTYPE,      /* an enum k_objects value */
	A_ENTRY,      /* a thread entry point */
	A_TIMEOUT,    /* a k_timeout_t: this word and the next */
	A_TIMEOUT_HI, /* (filled with the word before) */
	A_MORE,       /* the block of k_thread_create's words 6-11 */
	A_BLOCK,      /* a slab block */
	A_QUEUE,
	A_NEW_QUEUE,
	A_KSTACK, /* a k_stack */
	A_NEW_KSTACK,
	A_EVENT,
	A_NEW_EVENT,
	A_TIMER,
	A_PIPE,
	A_NEW_PIPE,
	A_CONDVAR,
	A_NEW_CONDVAR,
	A_SIGNAL,
	A_NEW_SIGNAL,
	A_DEVICE,
	A_EVENTS,     /* a k_poll_event array in the stack buffer */
	A_NUM_EVENTS, /* its length (after A_EVENTS) */
	A_PERIOD,     /* a timer period: this word and the next */
	NUM_KINDS
};

#define T A_TIMEOUT, A_TIMEOUT_HI
#define P A_PERIOD, A_TIMEOUT_HI

static const uint8_t signature[K_SYSCALL_LIMIT][6] = {
	[K_SYSCALL_K_THREAD_CREATE] = { A_NEW_THREAD, A_STACK, A_STACK_SIZE, A_ENTRY, A_INT,
					A_MORE },
	[K_SYSCALL_K_THREAD_START] = { A_THREAD },
	[K_SYSCALL_K_THREAD_ABORT] = { A_THREAD },
	[K_SYSCALL_K_THREAD_JOIN] = { A_THREAD, T },
	[K_SYSCALL_K_THREAD_NAME_SET] = { A_THREAD, A_STR },
	[K_SYSCALL_K_THREAD_NAME_COPY] = { A_THREAD, A_BUF, A_SIZE },
	[K_SYSCALL_K_THREAD_PRIORITY_GET] = { A_THREAD },
	[K_SYSCALL_K_THREAD_PRIORITY_SET] = { A_THREAD, A_PRIO },
	[K_SYSCALL_K_THREAD_SUSPEND] = { A_THREAD },
	[K_SYSCALL_K_THREAD_RESUME] = { A_THREAD },
	[K_SYSCALL_K_SLEEP] = { T },
	[K_SYSCALL_K_USLEEP] = { A_USEC },
	[K_SYSCALL_K_WAKEUP] = { A_THREAD },
	[K_SYSCALL_K_SEM_INIT] = { A_NEW_SEM, A_INT, A_INT },
	[K_SYSCALL_K_SEM_TAKE] = { A_SEM, T },
	[K_SYSCALL_K_SEM_GIVE] = { A_SEM },
	[K_SYSCALL_K_SEM_RESET] = { A_SEM },
	[K_SYSCALL_K_SEM_COUNT_GET] = { A_SEM },
	[K_SYSCALL_K_MUTEX_INIT] = { A_NEW_MUTEX },
	[K_SYSCALL_K_MUTEX_LOCK] = { A_MUTEX, T },
	[K_SYSCALL_K_MUTEX_UNLOCK] = { A_MUTEX },
	[K_SYSCALL_K_OBJECT_ACCESS_GRANT_TYPED] = { A_OBJ, A_THREAD, A_OTYPE },
	[K_SYSCALL_K_OBJECT_RELEASE] = { A_OBJ },
	[K_SYSCALL_K_OBJECT_ALLOC] = { A_OTYPE },
	[K_SYSCALL_K_STR_OUT] = { A_BUF, A_SIZE },
	[K_SYSCALL_K_MSGQ_PUT] = { A_MSGQ, A_BUF, T },
	[K_SYSCALL_K_MSGQ_GET] = { A_MSGQ, A_BUF, T },
	[K_SYSCALL_K_MSGQ_PEEK] = { A_MSGQ, A_BUF },
	[K_SYSCALL_K_MSGQ_PURGE] = { A_MSGQ },
	[K_SYSCALL_K_MSGQ_NUM_FREE_GET] = { A_MSGQ },
	[K_SYSCALL_K_MSGQ_NUM_USED_GET] = { A_MSGQ },
	[K_SYSCALL_K_MSGQ_GET_ATTRS] = { A_MSGQ, A_BUF },
	[K_SYSCALL_K_MEM_SLAB_ALLOC] = { A_SLAB, A_BUF, T },
	[K_SYSCALL_K_MEM_SLAB_FREE] = { A_SLAB, A_BLOCK },
	[K_SYSCALL_K_MEM_SLAB_NUM_USED_GET] = { A_SLAB },
	[K_SYSCALL_K_MEM_SLAB_NUM_FREE_GET] = { A_SLAB },
	[K_SYSCALL_K_THREAD_TIMEOUT_EXPIRES_TICKS] = { A_THREAD },
	[K_SYSCALL_K_THREAD_TIMEOUT_REMAINING_TICKS] = { A_THREAD },
	[K_SYSCALL_K_MSGQ_ALLOC_INIT] = { A_MSGQ, A_SIZE, A_INT },
	[K_SYSCALL_K_MSGQ_CLEANUP] = { A_MSGQ },
	[K_SYSCALL_K_MSGQ_PUT_FRONT] = { A_MSGQ, A_BUF },
	[K_SYSCALL_K_MSGQ_PEEK_AT] = { A_MSGQ, A_BUF, A_INT },
	[K_SYSCALL_K_STACK_PUSH] = { A_KSTACK, A_INT },
	[K_SYSCALL_K_STACK_POP] = { A_KSTACK, A_BUF, T },
	[K_SYSCALL_K_STACK_ALLOC_INIT] = { A_NEW_KSTACK, A_INT },
	[K_SYSCALL_K_QUEUE_INIT] = { A_NEW_QUEUE },
	[K_SYSCALL_K_QUEUE_CANCEL_WAIT] = { A_QUEUE },
	[K_SYSCALL_K_QUEUE_ALLOC_APPEND] = { A_QUEUE, A_BUF },
	[K_SYSCALL_K_QUEUE_ALLOC_PREPEND] = { A_QUEUE, A_BUF },
	[K_SYSCALL_K_QUEUE_GET] = { A_QUEUE, T },
	[K_SYSCALL_K_QUEUE_IS_EMPTY] = { A_QUEUE },
	[K_SYSCALL_K_QUEUE_PEEK_HEAD] = { A_QUEUE },
	[K_SYSCALL_K_QUEUE_PEEK_TAIL] = { A_QUEUE },
	[K_SYSCALL_K_EVENT_INIT] = { A_NEW_EVENT },
	[K_SYSCALL_K_EVENT_POST] = { A_EVENT, A_INT },
	[K_SYSCALL_K_EVENT_SET] = { A_EVENT, A_INT },
	[K_SYSCALL_K_EVENT_SET_MASKED] = { A_EVENT, A_INT, A_INT },
	[K_SYSCALL_K_EVENT_CLEAR] = { A_EVENT, A_INT },
	[K_SYSCALL_K_EVENT_WAIT] = { A_EVENT, A_INT, A_INT, T },
	[K_SYSCALL_K_EVENT_WAIT_ALL] = { A_EVENT, A_INT, A_INT, T },
	[K_SYSCALL_K_EVENT_WAIT_SAFE] = { A_EVENT, A_INT, A_INT, T },
	[K_SYSCALL_K_EVENT_WAIT_ALL_SAFE] = { A_EVENT, A_INT, A_INT, T },
	[K_SYSCALL_K_PIPE_INIT] = { A_NEW_PIPE, A_BUF, A_SIZE },
	[K_SYSCALL_K_PIPE_WRITE] = { A_PIPE, A_BUF, A_SIZE, T },
	[K_SYSCALL_K_PIPE_READ] = { A_PIPE, A_BUF, A_SIZE, T },
	[K_SYSCALL_K_PIPE_RESET] = { A_PIPE },
	[K_SYSCALL_K_PIPE_CLOSE] = { A_PIPE },
	[K_SYSCALL_K_TIMER_START] = { A_TIMER, T, P },
	[K_SYSCALL_K_TIMER_STOP] = { A_TIMER },
	[K_SYSCALL_K_TIMER_STATUS_GET] = { A_TIMER },
	[K_SYSCALL_K_TIMER_STATUS_SYNC] = { A_TIMER },
	[K_SYSCALL_K_TIMER_EXPIRES_TICKS] = { A_TIMER },
	[K_SYSCALL_K_TIMER_REMAINING_TICKS] = { A_TIMER },
	[K_SYSCALL_K_TIMER_USER_DATA_SET] = { A_TIMER, A_BUF },
	[K_SYSCALL_K_TIMER_USER_DATA_GET] = { A_TIMER },
	[K_SYSCALL_K_POLL] = { A_EVENTS, A_NUM_EVENTS, T },
	[K_SYSCALL_K_POLL_SIGNAL_INIT] = { A_NEW_SIGNAL },
	[K_SYSCALL_K_POLL_SIGNAL_RESET] = { A_SIGNAL },
	[K_SYSCALL_K_POLL_SIGNAL_CHECK] = { A_SIGNAL, A_BUF, A_BUF },
	[K_SYSCALL_K_POLL_SIGNAL_RAISE] = { A_SIGNAL, A_INT },
	[K_SYSCALL_K_CONDVAR_INIT] = { A_NEW_CONDVAR },
	[K_SYSCALL_K_CONDVAR_SIGNAL] = { A_CONDVAR },
	[K_SYSCALL_K_CONDVAR_BROADCAST] = { A_CONDVAR },
	[K_SYSCALL_K_CONDVAR_WAIT] = { A_CONDVAR, A_MUTEX, T },
#ifdef CONFIG_FUTEX
	/* A futex is any word the caller may write: buffers are the words to try. */
	[K_SYSCALL_K_FUTEX_WAIT] = { A_BUF, A_INT, T },
	[K_SYSCALL_K_FUTEX_WAKE] = { A_BUF, A_INT },
	[K_SYSCALL_K_FUTEX_LOCK_PI] = { A_BUF, T },
	[K_SYSCALL_K_FUTEX_UNLOCK_PI] = { A_BUF },
#endif
	[K_SYSCALL_SYS_RAND_GET] = { A_BUF, A_SIZE },
	[K_SYSCALL_SYS_CSRAND_GET] = { A_BUF, A_SIZE },
	[K_SYSCALL_K_THREAD_CUSTOM_DATA_SET] = { A_ANY },
	[K_SYSCALL_K_THREAD_STACK_SPACE_GET] = { A_THREAD, A_BUF },
	[K_SYSCALL_DEVICE_IS_READY] = { A_DEVICE },
/* A driver class that is off has no system call IDs (scripts/gen_syscalls.py). */
#ifdef CONFIG_SERIAL
	[K_SYSCALL_UART_POLL_IN] = { A_DEVICE, A_BUF },
	[K_SYSCALL_UART_POLL_OUT] = { A_DEVICE, A_INT },
	[K_SYSCALL_UART_ERR_CHECK] = { A_DEVICE },
	[K_SYSCALL_UART_CONFIGURE] = { A_DEVICE, A_BUF },
	[K_SYSCALL_UART_CONFIG_GET] = { A_DEVICE, A_BUF },
#endif
#ifdef CONFIG_RTC
	[K_SYSCALL_RTC_SET_TIME] = { A_DEVICE, A_BUF },
	[K_SYSCALL_RTC_GET_TIME] = { A_DEVICE, A_BUF },
#endif
#ifdef CONFIG_ENTROPY_GENERATOR
	[K_SYSCALL_ENTROPY_GET_ENTROPY] = { A_DEVICE, A_BUF, A_SIZE },
#endif
};

/*
 * Value tables: the values a well-formed call may use come first.
 */

/* The ID a user-mode fatal error (k_oops()) traps with. */
#if defined(CONFIG_ARM)
#define SYSCALL_ID_EXCEPT Z_ARM_SYSCALL_EXCEPT
#else
#define SYSCALL_ID_EXCEPT RV_ECALL_RUNTIME_EXCEPT
#endif

/* IDs out of range: the first one past the list, signed-negative, the fatal-error trap. */
static const uint32_t bad_ids[] = {
	K_SYSCALL_LIMIT, K_SYSCALL_LIMIT + 1U, 255U,        1000U,
	0x7fffffffU,     0x80000000U,          0xfffffffeU, SYSCALL_ID_EXCEPT,
};

static const uint32_t sizes[] = { 0U,   1U,    2U,          4U,          8U,          12U,
				  15U,  16U,   17U,         63U,         64U,         65U,
				  256U, 4096U, 0x7fffffffU, 0x80000000U, 0xfffffffcU, 0xffffffffU };

/* For a user thread of FUZZ_PRIO: not more urgent than itself, not the idle level. */
static const int32_t prios[] = { 5, 6, 7, 10, 14, -16, -1, 0, 1, 4, 15, 16, 127, -128 };
#define VALID_PRIOS 5U

static const uint32_t options[] = {
	K_USER, K_USER | K_INHERIT_PERMS, K_USER | K_FP_REGS, 0U, K_USER | K_ESSENTIAL, 0xffU,
};
#define VALID_OPTIONS 3U

/* Allocatable types first (for k_object_alloc). */
static const uint32_t otypes[] = {
	K_OBJ_SEM,    K_OBJ_MUTEX,
	K_OBJ_THREAD, K_OBJ_QUEUE,
	K_OBJ_STACK,  K_OBJ_EVENT,
	K_OBJ_PIPE,   K_OBJ_CONDVAR,
	K_OBJ_MSGQ,   K_OBJ_POLL_SIGNAL,
	K_OBJ_TIMER,  K_OBJ_MEM_SLAB,
	K_OBJ_ANY,    K_OBJ_THREAD_STACK_ELEMENT,
	K_OBJ_DEVICE, K_OBJ_DRIVER_UART,
	K_OBJ_LAST,   K_OBJ_LAST + 1U,
};
#define VALID_OTYPES 10U

static const int32_t odd_usecs[] = { 0, 1, 999, -1, INT32_MIN, INT32_MAX, 1000000 };
#define VALID_USECS 3U

struct fuzz_ctx {
	const struct domain_cfg *cfg;
	struct fuzz_state *st;
	uint8_t *buf;         /* STACK_BUF_SIZE bytes on the thread's own stack */
	bool tame;            /* a child: no long waits, no suspending (nobody would end it) */
	bool strict;          /* this call is well-formed */
	uintptr_t num_events; /* of the last k_poll event array made */
};

/* xorshift32 */
static uint32_t rnd(struct fuzz_ctx *c)
{
	uint32_t x = c->st->rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	c->st->rng = x;
	return x;
}

static uint32_t below(struct fuzz_ctx *c, uint32_t n)
{
	return rnd(c) % n;
}

static bool one_in(struct fuzz_ctx *c, uint32_t n)
{
	return below(c, n) == 0U;
}

/* One of @n choices; a well-formed call takes one of the first @valid only. */
static uint32_t choose(struct fuzz_ctx *c, uint32_t valid, uint32_t n)
{
	return below(c, c->strict ? valid : n);
}

static uintptr_t pick(struct fuzz_ctx *c, enum pool p)
{
	const struct domain_cfg *cfg = c->cfg;

	return cfg->pool[p][choose(c, cfg->valid[p], cfg->count[p])];
}

static uintptr_t gen_any(struct fuzz_ctx *c);

/* An object this fuzzer allocated, of the pool's type if it has one. */
static uintptr_t allocated(struct fuzz_ctx *c, enum pool p)
{
	static const uint8_t type_of[NUM_OBJECT_POOLS] = {
		[POOL_SEM] = K_OBJ_SEM,
		[POOL_MUTEX] = K_OBJ_MUTEX,
		[POOL_THREAD] = K_OBJ_THREAD,
		[POOL_NEW_THREAD] = K_OBJ_THREAD,
		[POOL_QUEUE] = K_OBJ_QUEUE,
		[POOL_KSTACK] = K_OBJ_STACK,
		[POOL_EVENT] = K_OBJ_EVENT,
		[POOL_TIMER] = K_OBJ_TIMER,
		[POOL_PIPE] = K_OBJ_PIPE,
		[POOL_CONDVAR] = K_OBJ_CONDVAR,
		[POOL_SIGNAL] = K_OBJ_POLL_SIGNAL,
	};
	const struct fuzz_state *st = c->st;
	uint32_t start = rnd(c);

	for (uint32_t i = 0; i < DYN_MAX; i++) {
		uint32_t at = (start + i) % DYN_MAX;

		if (st->dyn[at] != 0U && st->dyn_type[at] == type_of[p]) {
			return st->dyn[at];
		}
	}
	return pick(c, p);
}

static uintptr_t gen_object(struct fuzz_ctx *c, enum pool p)
{
	switch (choose(c, 14, 16)) {
	case 0:
	case 1:
		return allocated(c, p);
	default:
		return pick(c, p);
	case 14:
		return pick(c, POOL_FOREIGN);
	case 15:
		/* Another type, or an allocation that may be stale (its holder died). */
		return one_in(c, 2) ? pick(c, (enum pool)below(c, NUM_OBJECT_POOLS))
				    : c->st->dyn[below(c, DYN_MAX)];
	}
}

/*
 * For an *_init: mostly one of its own allocations or one of the pool's
 * registered, never-initialised objects (past its valid ones), the only
 * objects an init may still take.
 */
static uintptr_t gen_new_object(struct fuzz_ctx *c, enum pool p)
{
	const struct domain_cfg *cfg = c->cfg;

	switch (below(c, 4)) {
	case 0:
	case 1:
		return allocated(c, p);
	case 2:
		return cfg->pool[p][below(c, cfg->count[p])];
	default:
		return gen_object(c, p);
	}
}

static uintptr_t gen_user_addr(struct fuzz_ctx *c)
{
	const struct domain_cfg *cfg = c->cfg;
	uintptr_t a;

	switch (choose(c, 10, 16)) {
	case 0 ... 5:
		a = (uintptr_t)c->buf + below(c, STACK_BUF_SIZE);
		break;
	case 6 ... 8:
		/* Well-formed: room for the longest message before the partition ends. */
		a = cfg->scratch + below(c, cfg->scratch_size - (c->strict ? 64U : 0U));
		break;
	case 9:
		a = cfg->shared + below(c, cfg->shared_size - (c->strict ? 64U : 0U));
		break;
	case 10:
		return pick(c, POOL_OWN); /* its partitions' ends, misaligned, just outside */
	case 11:
		/* Own stack: its lowest word, the last one (thread-local data), one past it. */
		if (c->st->stack_hi == 0U) {
			return (uintptr_t)c->buf;
		}
		return one_in(c, 3) ? c->st->stack_lo : c->st->stack_hi - 4U * below(c, 2);
	case 12:
		return pick(c, POOL_OTHER);
	case 13:
		return pick(c, POOL_KERNEL);
	default:
		return gen_any(c);
	}
	return c->strict || !one_in(c, 8) ? a & ~(uintptr_t)3 : a;
}

static uintptr_t gen_int(struct fuzz_ctx *c)
{
	switch (choose(c, 1, 4)) {
	case 0:
		return below(c, 16);
	case 1:
	case 2:
		return pick(c, POOL_INT);
	default:
		return rnd(c);
	}
}

static uintptr_t gen_size(struct fuzz_ctx *c)
{
	switch (choose(c, 1, 4)) {
	case 0:
		return below(c, 65);
	case 1:
		return below(c, 512);
	case 2:
		return sizes[below(c, ARRAY_SIZE(sizes))];
	default:
		return gen_int(c);
	}
}

static uint64_t gen_timeout(struct fuzz_ctx *c)
{
	uint64_t t;

	switch (choose(c, 10, 16)) {
	case 0 ... 4:
		return 0; /* K_NO_WAIT */
	case 5 ... 9:
		return 1U + below(c, 20);
	case 10:
		t = (uint64_t)K_TICKS_FOREVER;
		break;
	case 11 ... 12:
		t = 20U + below(c, 80); /* up to 10 ms: less than the watchdog's patience */
		break;
	case 13:
		t = (uint64_t)-2 - below(c, 100); /* negative, not K_FOREVER */
		break;
	case 14:
		t = (uint64_t)rnd(c) << 32 | rnd(c);
		break;
	default:
		t = (uint64_t)gen_int(c) << 32 | gen_int(c);
		break;
	}
	return c->tame ? below(c, 20) : t;
}

static uintptr_t gen_prio(struct fuzz_ctx *c)
{
	return (uintptr_t)prios[choose(c, VALID_PRIOS, ARRAY_SIZE(prios))];
}

static uintptr_t gen_stack_size(struct fuzz_ctx *c)
{
	return choose(c, 3, 4) < 3U ? 256U + below(c, CHILD_STACK_SIZE - 255U) : gen_size(c);
}

static uintptr_t gen_usec(struct fuzz_ctx *c)
{
	if (c->tame || choose(c, 3, 4) < 3U) {
		return below(c, 2000);
	}
	return (uintptr_t)odd_usecs[below(c, ARRAY_SIZE(odd_usecs))];
}

/* A string in the stack buffer: printable, of up to 40 characters, now and then unterminated. */
static uintptr_t gen_str(struct fuzz_ctx *c)
{
	uint32_t choice = choose(c, 6, 8);

	if (choice == 7U) {
		return gen_user_addr(c);
	}
	uint32_t at = below(c, STACK_BUF_SIZE - 48U);
	uint32_t len = below(c, 41);

	for (uint32_t i = 0; i < len; i++) {
		c->buf[at + i] = (uint8_t)(' ' + below(c, 95));
	}
	if (choice < 6U) {
		c->buf[at + len] = '\0';
	}
	return (uintptr_t)&c->buf[at];
}

/* k_thread_create's words 6-11 (p2, p3, prio, options, delay) in the stack buffer. */
static uintptr_t gen_more(struct fuzz_ctx *c)
{
	if (choose(c, 7, 8) == 7U) {
		return gen_user_addr(c);
	}
	uintptr_t *w = (uintptr_t *)&c->buf[below(c, STACK_BUF_SIZE - 24U) & ~3U];
	uint64_t delay = gen_timeout(c);

	w[0] = gen_int(c);
	w[1] = gen_int(c);
	w[2] = gen_prio(c);
	w[3] = options[choose(c, VALID_OPTIONS, ARRAY_SIZE(options))];
	w[4] = (uintptr_t)delay;
	w[5] = (uintptr_t)(delay >> 32);
	return (uintptr_t)w;
}

static uintptr_t gen_block(struct fuzz_ctx *c)
{
	switch (choose(c, 6, 8)) {
	default:
		return c->st->block[below(c, BLOCK_MAX)];
	case 6:
		return c->st->block[below(c, BLOCK_MAX)] + 1U + below(c, 8);
	case 7:
		return gen_user_addr(c);
	}
}

static uintptr_t gen_any(struct fuzz_ctx *c)
{
	switch (below(c, 8)) {
	case 0:
		return gen_object(c, (enum pool)below(c, NUM_OBJECT_POOLS));
	case 1:
		return pick(c, POOL_FOREIGN);
	case 2:
		return pick(c, POOL_KERNEL);
	case 3:
		return gen_user_addr(c);
	case 4:
		return pick(c, POOL_OTHER);
	case 5:
		return gen_int(c);
	case 6:
		return gen_size(c);
	default:
		return pick(c, POOL_ENTRY);
	}
}

static uintptr_t gen_otype(struct fuzz_ctx *c)
{
	return otypes[choose(c, VALID_OTYPES, ARRAY_SIZE(otypes))];
}

static uintptr_t gen_entry(struct fuzz_ctx *c)
{
	return pick(c, POOL_ENTRY);
}

/* The kinds that are not objects. */
static uintptr_t (*const generators[NUM_KINDS])(struct fuzz_ctx *c) = {
	[A_ANY] = gen_any,
	[A_BUF] = gen_user_addr,
	[A_STR] = gen_str,
	[A_SIZE] = gen_size,
	[A_STACK_SIZE] = gen_stack_size,
	[A_INT] = gen_int,
	[A_USEC] = gen_usec,
	[A_PRIO] = gen_prio,
	[A_OTYPE] = gen_otype,
	[A_ENTRY] = gen_entry,
	[A_MORE] = gen_more,
	[A_BLOCK] = gen_block,
};

/*
 * Object kinds with a pool of their own (pool + 1: 0 is not an object kind);
 * fresh: better one nobody initialised yet.
 */
static const struct {
	uint8_t pool_plus_1;
	bool fresh;
} object_kinds[NUM_KINDS] = {
	[A_SEM] = { POOL_SEM + 1, false },          [A_NEW_SEM] = { POOL_SEM + 1, true },
	[A_MUTEX] = { POOL_MUTEX + 1, false },      [A_NEW_MUTEX] = { POOL_MUTEX + 1, true },
	[A_MSGQ] = { POOL_MSGQ + 1, false },        [A_SLAB] = { POOL_SLAB + 1, false },
	[A_STACK] = { POOL_STACK + 1, false },      [A_QUEUE] = { POOL_QUEUE + 1, false },
	[A_NEW_QUEUE] = { POOL_QUEUE + 1, true },   [A_KSTACK] = { POOL_KSTACK + 1, false },
	[A_NEW_KSTACK] = { POOL_KSTACK + 1, true }, [A_EVENT] = { POOL_EVENT + 1, false },
	[A_NEW_EVENT] = { POOL_EVENT + 1, true },   [A_TIMER] = { POOL_TIMER + 1, false },
	[A_PIPE] = { POOL_PIPE + 1, false },        [A_NEW_PIPE] = { POOL_PIPE + 1, true },
	[A_CONDVAR] = { POOL_CONDVAR + 1, false },  [A_NEW_CONDVAR] = { POOL_CONDVAR + 1, true },
	[A_SIGNAL] = { POOL_SIGNAL + 1, false },    [A_NEW_SIGNAL] = { POOL_SIGNAL + 1, true },
	[A_DEVICE] = { POOL_DEVICE + 1, false },
};

/*
 * Up to three k_poll events in the stack buffer: well-formed ones wait on a
 * semaphore, a signal, queue data or message data of the caller's pools (or
 * are ignored); fuzzed ones also get any type bits, mode, state and object.
 */
static uintptr_t gen_events(struct fuzz_ctx *c)
{
	static const uint8_t types[] = { K_POLL_TYPE_SEM_AVAILABLE, K_POLL_TYPE_SIGNAL,
					 K_POLL_TYPE_DATA_AVAILABLE,
					 K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_TYPE_IGNORE };
	static const uint8_t pools[] = { POOL_SEM, POOL_SIGNAL, POOL_QUEUE, POOL_MSGQ, POOL_SEM };
	const uint32_t size = sizeof(struct k_poll_event);

	if (choose(c, 7, 8) == 7U) {
		c->num_events = gen_int(c);
		return gen_user_addr(c);
	}
	uint32_t n = 1U + below(c, 3);
	struct k_poll_event *ev =
	    (struct k_poll_event *)&c->buf[below(c, STACK_BUF_SIZE - 3U * size) & ~3U];

	for (uint32_t i = 0; i < n; i++) {
		uint32_t t = below(c, ARRAY_SIZE(types));

		memset(&ev[i], 0, size);
		ev[i].type = types[t];
		ev[i].mode = K_POLL_MODE_NOTIFY_ONLY;
		ev[i].state = K_POLL_STATE_NOT_READY;
		ev[i].obj = (void *)gen_object(c, (enum pool)pools[t]);
		if (!c->strict && one_in(c, 4)) {
			ev[i].type = rnd(c);
			ev[i].mode = rnd(c);
			ev[i].state = rnd(c);
			ev[i].poller = (void *)gen_any(c);
		}
	}
	c->num_events = c->strict || !one_in(c, 4) ? n : gen_int(c);
	return (uintptr_t)ev;
}

static uintptr_t gen_num_events(struct fuzz_ctx *c)
{
	return c->num_events;
}

/*
 * A timer period: none, or at least 100 ticks (1 ms) when well-formed; never
 * below 50 ticks, so that a fuzzer's periodic timer cannot drown the run in
 * interrupts, but negative, absolute and huge periods too.
 */
static uint64_t gen_period(struct fuzz_ctx *c)
{
	switch (choose(c, 3, 4)) {
	case 0:
		return 0; /* one-shot */
	case 1:
		return (uint64_t)K_TICKS_FOREVER;
	case 2:
		return 100U + below(c, 900);
	default: {
		uint64_t t = gen_timeout(c);

		return (int64_t)t > 0 && t < 50U ? 50U : t;
	}
	}
}

static uintptr_t gen_word(struct fuzz_ctx *c, enum kind k)
{
	if (object_kinds[k].pool_plus_1 != 0U) {
		enum pool p = (enum pool)(object_kinds[k].pool_plus_1 - 1U);

		return object_kinds[k].fresh ? gen_new_object(c, p) : gen_object(c, p);
	}
	switch (k) {
	case A_THREAD:
		return gen_object(c, one_in(c, 4) ? POOL_NEW_THREAD : POOL_THREAD);
	case A_NEW_THREAD:
		return gen_new_object(c, one_in(c, 4) ? POOL_THREAD : POOL_NEW_THREAD);
	case A_OBJ:
		return gen_object(c, (enum pool)below(c, NUM_OBJECT_POOLS));
	case A_EVENTS:
		return gen_events(c);
	case A_NUM_EVENTS:
		return gen_num_events(c);
	default:
		return generators[k](c); /* timeouts, two words, are gen_args' */
	}
}

static uint32_t pick_id(struct fuzz_ctx *c)
{
	switch (choose(c, 62, 64)) {
	default: {
		uint32_t id = below(c, K_SYSCALL_LIMIT);

		return c->tame && id == K_SYSCALL_K_THREAD_SUSPEND ? K_SYSCALL_K_YIELD : id;
	}
	case 62:
		return bad_ids[below(c, ARRAY_SIZE(bad_ids))];
	case 63:
		return rnd(c);
	}
}

static void gen_args(struct fuzz_ctx *c, uint32_t id, uintptr_t w[6])
{
	static const uint8_t none[6];
	const uint8_t *sig = id < K_SYSCALL_LIMIT ? signature[id] : none;

	for (unsigned int i = 0; i < 6U; i++) {
		if (sig[i] == A_TIMEOUT || sig[i] == A_PERIOD) {
			uint64_t t = sig[i] == A_TIMEOUT ? gen_timeout(c) : gen_period(c);

			w[i] = (uintptr_t)t;
			w[i + 1U] = (uintptr_t)(t >> 32);
			i++;
		} else {
			w[i] = gen_word(c, (enum kind)sig[i]);
		}
		if (!c->strict && one_in(c, 16)) {
			w[i] = gen_any(c);
		}
	}
}

static uint64_t invoke(uint32_t id, const uintptr_t w[6], unsigned int arity)
{
	switch (arity) {
	case 0:
		return arch_syscall_invoke0(id);
	case 1:
		return arch_syscall_invoke1(w[0], id);
	case 2:
		return arch_syscall_invoke2(w[0], w[1], id);
	case 3:
		return arch_syscall_invoke3(w[0], w[1], w[2], id);
	case 4:
		return arch_syscall_invoke4(w[0], w[1], w[2], w[3], id);
	case 5:
		return arch_syscall_invoke5(w[0], w[1], w[2], w[3], w[4], id);
	default:
		return arch_syscall_invoke6(w[0], w[1], w[2], w[3], w[4], w[5], id);
	}
}

/* @a is a word of the caller's own writable memory (where a call may have stored a pointer). */
static bool own_word(const struct fuzz_ctx *c, uintptr_t a)
{
	uintptr_t buf = (uintptr_t)c->buf;
	const struct domain_cfg *cfg = c->cfg;

	return (a & 3U) == 0U && ((a >= buf && a - buf < STACK_BUF_SIZE) ||
				  (a >= cfg->scratch && a - cfg->scratch < cfg->scratch_size) ||
				  (a >= c->st->stack_lo && a < c->st->stack_hi));
}

/* Results worth reusing: allocated objects and slab blocks. */
static void learn(struct fuzz_ctx *c, uint32_t id, const uintptr_t w[6], uint64_t ret)
{
	struct fuzz_state *st = c->st;

	if (id == K_SYSCALL_K_OBJECT_ALLOC && (uintptr_t)ret != 0U) {
		st->dyn_type[st->dyn_next % DYN_MAX] = (uint8_t)w[0];
		st->dyn[st->dyn_next++ % DYN_MAX] = (uintptr_t)ret;
	} else if (id == K_SYSCALL_K_MEM_SLAB_ALLOC && (int)ret == 0 && own_word(c, w[1])) {
		st->block[st->block_next++ % BLOCK_MAX] = *(const uintptr_t *)w[1];
	}
}

static void fuzz_one(struct fuzz_ctx *c)
{
	struct fuzz_state *st = c->st;

	c->strict = one_in(c, 2);

	uint32_t id = pick_id(c);
	uintptr_t w[6];
	unsigned int arity = c->strict || !one_in(c, 8) ? 6U : below(c, 7);

	gen_args(c, id, w);
	for (unsigned int i = 0; i < 6U; i++) {
		st->args[i] = w[i];
	}
	st->arity = arity;
	st->per_id[MIN(id, (uint32_t)K_SYSCALL_LIMIT)]++;
	st->calls++;
	st->id = id;
	st->in_call = true;

	uint64_t ret = invoke(id, w, arity);

	st->in_call = false;
	if (arity == 6U) {
		learn(c, id, w, ret);
	}
}

void fuzzer_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	/* Kernel writes land in the first STACK_BUF_SIZE + 64 bytes: never past the array. */
	uint8_t buf[STACK_BUF_SIZE + STACK_BUF_PAD];
	struct fuzz_ctx c = { .cfg = p1, .st = p2, .buf = buf };

	while (c.st->calls < c.st->budget) {
		fuzz_one(&c);
	}
}

/* Up to 7 calls with a state of its own (seeded by its creator's p1), counted per domain. */
static void child_run(const struct domain_cfg *cfg, uint32_t seed, uint32_t count)
{
	uint8_t buf[STACK_BUF_SIZE + STACK_BUF_PAD];
	struct fuzz_state st = { .rng = seed | 1U, .budget = count % 8U };
	struct fuzz_ctx c = { .cfg = cfg, .st = &st, .buf = buf, .tame = true };

	while (st.calls < st.budget) {
		fuzz_one(&c);
		atomic_inc(&cfg->stats->child_calls);
	}
}

void child_entry_a(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	child_run(&ro_area[0].cfg, (uint32_t)(uintptr_t)p1, (uint32_t)(uintptr_t)p2);
}

void child_entry_b(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p3);
	child_run(&ro_area[1].cfg, (uint32_t)(uintptr_t)p1, (uint32_t)(uintptr_t)p2);
}
