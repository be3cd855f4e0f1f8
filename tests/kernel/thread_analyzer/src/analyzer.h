/* What the thread analyzer reported for one thread, found by name. */
#ifndef ANALYZER_H
#define ANALYZER_H

#include <stdbool.h>
#include <zephyr/debug/thread_analyzer.h>

/* Run the analyzer; true and *@out if it reported a thread named @name (once). */
bool analyze(const char *name, struct thread_analyzer_info *out);

#endif
