/*
 * Parameterized tests: the value of the run in progress. It lives in the
 * ztest partition, so that ZTEST_USER_P bodies read it from user mode; the
 * values themselves are read-only data, which user threads may read.
 */
#include <stdio.h>
#include "ztest_internal.h"

static Z_ZTEST_STATE struct {
	const void *value;
	size_t index;
	size_t size;
	bool active;
} current;

void z_ztest_param_begin(const struct ztest_param_inst *inst, size_t index, char *label,
			 size_t label_size)
{
	const struct ztest_param_values *v = inst->values;

	current.value = (const char *)v->values + index * v->elem_size;
	current.index = index;
	current.size = v->elem_size;
	current.active = true;
	snprintf(label, label_size, "%s[%s/%u]", inst->test_name, inst->instance_name,
		 (unsigned int)index);
}

void z_ztest_param_end(void)
{
	current.value = NULL;
	current.index = 0U;
	current.size = 0U;
	current.active = false;
}

const void *ztest_get_current_param(void)
{
	return current.value;
}

size_t ztest_get_current_param_index(void)
{
	return current.index;
}

size_t ztest_get_current_param_size(void)
{
	return current.size;
}

bool ztest_has_current_param(void)
{
	return current.active;
}
