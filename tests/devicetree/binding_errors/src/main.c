/*
 * The image built with cases/good.overlay: a node that follows its binding
 * builds and is seen. The bad overlays never get this far (check.cmake).
 */
#include <zephyr/kernel.h>
#include <zephyr/devicetree.h>
#include <zephyr/ztest.h>

BUILD_ASSERT(DT_PROP(DT_NODELABEL(good), an_int) == 1);

ZTEST_SUITE(binding_errors, NULL, NULL, NULL, NULL, NULL);

ZTEST(binding_errors, test_good_node_builds) {
	zassert_str_equal(DT_NODE_PATH(DT_NODELABEL(good)), "/good@50000000");
}
