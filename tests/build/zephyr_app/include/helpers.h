/* Reached through zephyr_include_directories(). */
#ifndef HELPERS_H
#define HELPERS_H

int helper_value(void);
int extra_value(void);

#endif
