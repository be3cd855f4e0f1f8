/*
 * Devices from the devicetree: one per enabled "breeze,test-device" node
 * (DT_INST_FOREACH_STATUS_OKAY), configured from its properties; the one
 * with fail-init is not ready; the disabled node has no device.
 */
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/ztest.h>
#include "order.h"

#define DT_DRV_COMPAT breeze_test_device

struct test_dev_config {
	const char *step;
	bool fail;
};

struct test_dev_data {
	int inits;
};

static int test_dev_init(const struct device *dev)
{
	const struct test_dev_config *cfg = dev->config;
	struct test_dev_data *data = dev->data;

	data->inits++;
	init_step(cfg->step);
	return cfg->fail ? -EIO : 0;
}

#define TEST_DEV(inst)                                                                 \
	static struct test_dev_data data_##inst;                                       \
	static const struct test_dev_config config_##inst = {                          \
		.step = "dt:" DT_INST_NODE_FULL_NAME(inst),                            \
		.fail = DT_INST_PROP(inst, fail_init),                                 \
	};                                                                             \
	DEVICE_DT_INST_DEFINE(inst, test_dev_init, NULL, &data_##inst, &config_##inst, \
			      PRE_KERNEL_2, DT_INST_PROP(inst, init_priority), NULL);

DT_INST_FOREACH_STATUS_OKAY(TEST_DEV)

ZTEST_SUITE(dt_devices, NULL, NULL, NULL, NULL, NULL);

ZTEST(dt_devices, test_one_device_per_enabled_node) {
	const struct device *a = DEVICE_DT_GET(DT_NODELABEL(dev_a));
	const struct device *b = DEVICE_DT_GET(DT_NODELABEL(dev_b));
	const struct device *broken = DEVICE_DT_GET(DT_NODELABEL(dev_broken));

	zassert_true(device_is_ready(a));
	zassert_true(device_is_ready(b));
	zassert_false(device_is_ready(broken));
	zassert_equal(((struct test_dev_data *)a->data)->inits, 1, "init runs once");
	zassert_equal(((struct test_dev_data *)broken->data)->inits, 1);
	zassert_is_null(DEVICE_DT_GET_OR_NULL(DT_NODELABEL(dev_off)));
	zassert_equal_ptr(DEVICE_DT_GET_OR_NULL(DT_NODELABEL(dev_a)), a);
	zassert_equal_ptr(DEVICE_DT_GET_ONE(breeze_test_device), DEVICE_DT_INST_GET(0));
	zassert_equal_ptr(DEVICE_DT_INST_GET(0), a, "instances in tree order");
}

ZTEST(dt_devices, test_names) {
	/* The label when there is one, else the node's name. */
	zassert_str_equal(DEVICE_DT_GET(DT_NODELABEL(dev_a))->name, "DEV_A");
	zassert_str_equal(DEVICE_DT_GET(DT_NODELABEL(dev_b))->name, "device-b");
	zassert_equal_ptr(device_get_binding("DEV_A"), DEVICE_DT_GET(DT_NODELABEL(dev_a)));
	zassert_equal_ptr(device_get_binding("device-b"), DEVICE_DT_GET(DT_NODELABEL(dev_b)));
	zassert_is_null(device_get_binding("device-broken"));
	zassert_is_null(device_get_binding("device-off"));
}

ZTEST(dt_devices, test_priorities_from_the_tree) {
	int b = -1, broken = -1, a = -1;

	for (int i = 0; i < init_step_count; i++) {
		if (strcmp(init_steps[i], "dt:device-b") == 0) {
			b = i;
		} else if (strcmp(init_steps[i], "dt:device-broken") == 0) {
			broken = i;
		} else if (strcmp(init_steps[i], "dt:device-a") == 0) {
			a = i;
		}
	}
	zassert_true(b >= 0 && b < broken && broken < a, "b %d, broken %d, a %d", b, broken, a);
}
