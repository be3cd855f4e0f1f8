/* Zephyr source compatibility. */
#include <breeze/app_memory/mem_domain.h>
