#include "fatal_hook.h"

static volatile bool expecting;
static struct fatal_seen seen;

void fatal_expect(void)
{
	seen = (struct fatal_seen){ 0 };
	expecting = true;
}

struct fatal_seen fatal_seen_take(void)
{
	expecting = false;
	return seen;
}

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	if (!expecting) {
		printk("unexpected fatal error %u\n", reason);
		k_fatal_halt(reason);
	}
	seen.count++;
	seen.reason = reason;
	seen.thread = k_current_get();
}
