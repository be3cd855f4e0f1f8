/*
 * Init levels and priorities: devices (DEVICE_DEFINE) and SYS_INIT functions
 * run level by level, by priority within a level, interleaved; a device
 * whose init fails is not ready and the boot goes on.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/ztest.h>
#include "order.h"

const char *init_steps[MAX_STEPS];
int init_step_count;

struct step_config {
	const char *step;
	int result;
};

static int record_dev(const struct device *dev)
{
	const struct step_config *cfg = dev->config;

	init_step(cfg->step);
	return cfg->result;
}

#define STEP_DEVICE(id, level, prio, result_)                                            \
	static const struct step_config cfg_##id = { .step = #id, .result = (result_) }; \
	DEVICE_DEFINE(id, #id, record_dev, NULL, NULL, &cfg_##id, level, prio, NULL)

/* Defined out of order on purpose: the table sorts them. */
STEP_DEVICE(app_90, APPLICATION, 90, 0);
STEP_DEVICE(post_40, POST_KERNEL, 40, 0);
STEP_DEVICE(pre1_20, PRE_KERNEL_1, 20, 0);
STEP_DEVICE(pre2_5, PRE_KERNEL_2, 5, 0);
STEP_DEVICE(pre1_5, PRE_KERNEL_1, 5, 0);
STEP_DEVICE(post_60_fails, POST_KERNEL, 60, -ENODEV);
STEP_DEVICE(post_60_after, POST_KERNEL, 61, 0);

static int sys_init_post_50(void)
{
	init_step("sys_init_post_50");
	return 0;
}
SYS_INIT(sys_init_post_50, POST_KERNEL, 50);

ZTEST_SUITE(init_order, NULL, NULL, NULL, NULL, NULL);

ZTEST(init_order, test_levels_then_priorities) {
	static const char *const expected[] = {
		"pre1_5",        "pre1_20",                    /* PRE_KERNEL_1 */
		"pre2_5",                                      /* PRE_KERNEL_2 */
		"post_40",       "sys_init_post_50",           /* POST_KERNEL, with SYS_INIT */
		"post_60_fails", "post_60_after",    "app_90", /* APPLICATION */
	};
	int found = 0;

	/* The devicetree devices of dt_devices.c record themselves too: skip them. */
	for (int i = 0; i < init_step_count; i++) {
		if (strncmp(init_steps[i], "dt:", 3) == 0) {
			continue;
		}
		zassert_true(found < (int)ARRAY_SIZE(expected), "extra step %s", init_steps[i]);
		zassert_str_equal(init_steps[i], expected[found], "step %d", found);
		found++;
	}
	zassert_equal(found, ARRAY_SIZE(expected));
}

ZTEST(init_order, test_failed_init_not_ready) {
	zassert_true(device_is_ready(DEVICE_GET(pre1_5)));
	zassert_true(device_is_ready(DEVICE_GET(post_60_after)));
	zassert_false(device_is_ready(DEVICE_GET(post_60_fails)));
	zassert_equal(DEVICE_GET(post_60_fails)->state->init_res, ENODEV);
	zassert_true(DEVICE_GET(post_60_fails)->state->initialized);
	zassert_false(device_is_ready(NULL));
}

ZTEST(init_order, test_get_binding) {
	zassert_equal_ptr(device_get_binding("pre2_5"), DEVICE_GET(pre2_5));
	/* Another copy of the text finds it too. */
	char name[8];

	strcpy(name, "app_90");
	zassert_equal_ptr(device_get_binding(name), DEVICE_GET(app_90));
	zassert_is_null(device_get_binding("post_60_fails"), "a device that is not ready");
	zassert_is_null(device_get_binding("no_such_device"));
	zassert_is_null(device_get_binding(""));
	zassert_is_null(device_get_binding(NULL));
}
