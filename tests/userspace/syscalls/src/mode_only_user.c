/*
 * Built with __ZEPHYR_USER__ (CMakeLists.txt): every wrapper here traps,
 * without asking the thread's mode first. Meant for user threads (a
 * supervisor thread that runs it faults: mode_only_supervisor.c).
 */
#include "mode_only.h"

void mode_only_user_calls(void *sem, void *unused2, void *unused3)
{
	ARG_UNUSED(unused2);
	ARG_UNUSED(unused3);
	mode_only_calls(sem);
}
