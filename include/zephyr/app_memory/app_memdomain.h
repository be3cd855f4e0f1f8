/* Zephyr source compatibility. */
#include <breeze/app_memory/app_memdomain.h>
