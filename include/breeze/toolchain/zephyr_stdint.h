/*
 * Fixed-width integer types as Zephyr's toolchains define them: on 32-bit
 * targets, (u)int32_t is (unsigned) int rather than (unsigned) long, so that
 * "%u" and "%d" match them without warnings. Read with -imacros before every
 * source, ahead of <stdint.h>, whose types follow these compiler macros.
 */
#ifndef BREEZE_TOOLCHAIN_ZEPHYR_STDINT_H
#define BREEZE_TOOLCHAIN_ZEPHYR_STDINT_H

#if __SIZEOF_INT__ == 4
#undef __INT32_TYPE__
#undef __UINT32_TYPE__
#undef __INT_LEAST32_TYPE__
#undef __UINT_LEAST32_TYPE__
#define __INT32_TYPE__        int
#define __UINT32_TYPE__       unsigned int
#define __INT_LEAST32_TYPE__  __INT32_TYPE__
#define __UINT_LEAST32_TYPE__ __UINT32_TYPE__
#endif

#endif /* BREEZE_TOOLCHAIN_ZEPHYR_STDINT_H */
