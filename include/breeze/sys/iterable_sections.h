/*
 * Iterable sections: definitions scattered over many files, gathered by the
 * linker into one array per type between _<type>_list_start and _end. This is
 * how init functions, IRQ connections, static threads, statically defined
 * kernel objects and test cases are registered without any central list.
 */
#ifndef BREEZE_SYS_ITERABLE_SECTIONS_H
#define BREEZE_SYS_ITERABLE_SECTIONS_H

#include <breeze/toolchain.h>

#define Z_ITERABLE_SECTION(type, name) \
	__attribute__((section("._" #type ".static." #name), used, aligned(4)))

/* Define a struct <type> that becomes an element of the <type> array. */
#define STRUCT_SECTION_ITERABLE(type, name) Z_ITERABLE_SECTION(type, name) struct type name

#define STRUCT_SECTION_START_EXTERN(type) extern struct type _##type##_list_start[]
#define STRUCT_SECTION_END_EXTERN(type)   extern struct type _##type##_list_end[]

#define STRUCT_SECTION_FOREACH(type, iterator)                                            \
	STRUCT_SECTION_START_EXTERN(type);                                                \
	STRUCT_SECTION_END_EXTERN(type);                                                  \
	for (struct type *iterator = _##type##_list_start; iterator < _##type##_list_end; \
	     iterator++)

#define STRUCT_SECTION_COUNT(type, dst)                                             \
	do {                                                                        \
		STRUCT_SECTION_START_EXTERN(type);                                  \
		STRUCT_SECTION_END_EXTERN(type);                                    \
		*(dst) = (unsigned int)(_##type##_list_end - _##type##_list_start); \
	} while (0)

#endif /* BREEZE_SYS_ITERABLE_SECTIONS_H */
