/*
 * Suites whose tests must run alone on one CPU name these as their before()
 * and after() hooks. On SMP they would keep the other CPUs busy for the
 * duration of each test; Breeze runs on one CPU (arch_num_cpus() is 1), where
 * a test is alone already and there is nothing to hold or release.
 */
#include <breeze/ztest.h>

BUILD_ASSERT(CONFIG_MP_MAX_NUM_CPUS == 1, "holding the other CPUs is not written yet");

void ztest_simple_1cpu_before(void *data)
{
	ARG_UNUSED(data);
}

void ztest_simple_1cpu_after(void *data)
{
	ARG_UNUSED(data);
}
