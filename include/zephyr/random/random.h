/* Zephyr source compatibility: <zephyr/random/random.h> is Breeze's <breeze/random/random.h>. */
#ifndef ZEPHYR_FWD_RANDOM_RANDOM_H
#define ZEPHYR_FWD_RANDOM_RANDOM_H
#include <breeze/random/random.h>
#endif
