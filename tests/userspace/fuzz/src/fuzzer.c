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
};

#define T A_TIMEOUT, A_TIMEOUT_HI

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
};

/*
 * Value tables: the values a well-formed call may use come first.
 */

/* IDs out of range: the first one past the list, signed-negative, the fatal-error ecall. */
static const uint32_t bad_ids[] = {
	K_SYSCALL_LIMIT, K_SYSCALL_LIMIT + 1U, 255U,        1000U,
	0x7fffffffU,     0x80000000U,          0xfffffffeU, RV_ECALL_RUNTIME_EXCEPT,
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
	K_OBJ_SEM,  K_OBJ_MUTEX,    K_OBJ_THREAD, K_OBJ_ANY,       K_OBJ_THREAD_STACK_ELEMENT,
	K_OBJ_MSGQ, K_OBJ_MEM_SLAB, K_OBJ_LAST,   K_OBJ_LAST + 1U,
};
#define VALID_OTYPES 3U

static const int32_t odd_usecs[] = { 0, 1, 999, -1, INT32_MIN, INT32_MAX, 1000000 };
#define VALID_USECS 3U

struct fuzz_ctx {
	const struct domain_cfg *cfg;
	struct fuzz_state *st;
	uint8_t *buf; /* STACK_BUF_SIZE bytes on the thread's own stack */
	bool tame;    /* a child: no long waits, no suspending (nobody would end it) */
	bool strict;  /* this call is well-formed */
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

/* For an *_init: mostly one of its own allocations, the only objects still uninitialised. */
static uintptr_t gen_new_object(struct fuzz_ctx *c, enum pool p)
{
	return one_in(c, 2) ? allocated(c, p) : gen_object(c, p);
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
static uintptr_t (*const generators[])(struct fuzz_ctx *c) = {
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

/* Object kinds with a pool of their own; fresh: better one nobody initialised yet. */
static const struct {
	uint8_t pool;
	bool fresh;
} object_kinds[] = {
	[A_SEM] = { POOL_SEM, false },     [A_NEW_SEM] = { POOL_SEM, true },
	[A_MUTEX] = { POOL_MUTEX, false }, [A_NEW_MUTEX] = { POOL_MUTEX, true },
	[A_MSGQ] = { POOL_MSGQ, false },   [A_SLAB] = { POOL_SLAB, false },
	[A_STACK] = { POOL_STACK, false },
};

static uintptr_t gen_word(struct fuzz_ctx *c, enum kind k)
{
	switch (k) {
	case A_SEM:
	case A_NEW_SEM:
	case A_MUTEX:
	case A_NEW_MUTEX:
	case A_MSGQ:
	case A_SLAB:
	case A_STACK: {
		enum pool p = (enum pool)object_kinds[k].pool;

		return object_kinds[k].fresh ? gen_new_object(c, p) : gen_object(c, p);
	}
	case A_THREAD:
		return gen_object(c, one_in(c, 4) ? POOL_NEW_THREAD : POOL_THREAD);
	case A_NEW_THREAD:
		return gen_new_object(c, one_in(c, 4) ? POOL_THREAD : POOL_NEW_THREAD);
	case A_OBJ:
		return gen_object(c, (enum pool)below(c, NUM_OBJECT_POOLS));
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
		if (sig[i] == A_TIMEOUT) {
			uint64_t t = gen_timeout(c);

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
