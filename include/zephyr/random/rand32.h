/* Zephyr source compatibility: <zephyr/random/rand32.h>, Zephyr's former name of
 * <zephyr/random/random.h>. */
#ifndef ZEPHYR_FWD_RANDOM_RAND32_H
#define ZEPHYR_FWD_RANDOM_RAND32_H
#include <breeze/random/random.h>
#endif
