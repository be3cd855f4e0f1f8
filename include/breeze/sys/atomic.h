/*
 * Atomic variables (Zephyr's atomic_t API) on the compiler's __atomic builtins,
 * sequentially consistent. On RV32IMAC they become AMO and LR/SC instructions.
 */
#ifndef BREEZE_SYS_ATOMIC_H
#define BREEZE_SYS_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef long atomic_t;
typedef long atomic_val_t;
typedef void *atomic_ptr_t;

#define ATOMIC_INIT(i) (i)

static inline bool atomic_cas(atomic_t *target, atomic_val_t old_value, atomic_val_t new_value)
{
	return __atomic_compare_exchange_n(target, &old_value, new_value, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_get(const atomic_t *target)
{
	return __atomic_load_n(target, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_set(atomic_t *target, atomic_val_t value)
{
	return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_add(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_add(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_sub(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_sub(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_inc(atomic_t *target)
{
	return atomic_add(target, 1);
}

static inline atomic_val_t atomic_dec(atomic_t *target)
{
	return atomic_sub(target, 1);
}

static inline atomic_val_t atomic_or(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_or(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_and(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_and(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_xor(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_xor(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_nand(atomic_t *target, atomic_val_t value)
{
	return __atomic_fetch_nand(target, value, __ATOMIC_SEQ_CST);
}

static inline atomic_val_t atomic_clear(atomic_t *target)
{
	return atomic_set(target, 0);
}

/* Pointers */

#define ATOMIC_PTR_INIT(p) (p)

static inline bool atomic_ptr_cas(atomic_ptr_t *target, void *old_value, void *new_value)
{
	return __atomic_compare_exchange_n(target, &old_value, new_value, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

static inline void *atomic_ptr_get(const atomic_ptr_t *target)
{
	return __atomic_load_n(target, __ATOMIC_SEQ_CST);
}

static inline void *atomic_ptr_set(atomic_ptr_t *target, void *value)
{
	return __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST);
}

static inline void *atomic_ptr_clear(atomic_ptr_t *target)
{
	return atomic_ptr_set(target, NULL);
}

/*
 * Bit arrays: ATOMIC_DEFINE(name, bits) declares one, each bit set, cleared
 * and tested atomically (one AMO on the word that holds it).
 */
#define ATOMIC_BITS               (sizeof(atomic_val_t) * 8)
#define ATOMIC_MASK(bit)          ((atomic_val_t)1 << ((uint32_t)(bit) & (ATOMIC_BITS - 1U)))
#define ATOMIC_ELEM(addr, bit)    ((addr) + ((bit) / ATOMIC_BITS))
#define ATOMIC_BITMAP_SIZE(bits)  (((bits) + ATOMIC_BITS - 1) / ATOMIC_BITS)
#define ATOMIC_DEFINE(name, bits) atomic_t name[ATOMIC_BITMAP_SIZE(bits)]

static inline bool atomic_test_bit(const atomic_t *target, int bit)
{
	return (atomic_get(ATOMIC_ELEM(target, bit)) & ATOMIC_MASK(bit)) != 0;
}

static inline bool atomic_test_and_set_bit(atomic_t *target, int bit)
{
	return (atomic_or(ATOMIC_ELEM(target, bit), ATOMIC_MASK(bit)) & ATOMIC_MASK(bit)) != 0;
}

static inline bool atomic_test_and_clear_bit(atomic_t *target, int bit)
{
	return (atomic_and(ATOMIC_ELEM(target, bit), ~ATOMIC_MASK(bit)) & ATOMIC_MASK(bit)) != 0;
}

static inline void atomic_set_bit(atomic_t *target, int bit)
{
	(void)atomic_or(ATOMIC_ELEM(target, bit), ATOMIC_MASK(bit));
}

static inline void atomic_clear_bit(atomic_t *target, int bit)
{
	(void)atomic_and(ATOMIC_ELEM(target, bit), ~ATOMIC_MASK(bit));
}

static inline void atomic_set_bit_to(atomic_t *target, int bit, bool val)
{
	if (val) {
		atomic_set_bit(target, bit);
	} else {
		atomic_clear_bit(target, bit);
	}
}

#endif /* BREEZE_SYS_ATOMIC_H */
