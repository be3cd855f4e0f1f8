/*
 * Console capture: while on, everything printk() prints (supervisor and user
 * threads alike) is also kept, without the CR of each line end, so that a
 * test can compare it with what it expects.
 */
#ifndef CAPTURE_H
#define CAPTURE_H

void capture_start(void);
/* Stop and return what was printed since capture_start(). */
const char *capture_stop(void);

#endif /* CAPTURE_H */
