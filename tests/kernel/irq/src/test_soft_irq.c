/*
 * Connecting, enabling and masking an interrupt, with the machine software
 * interrupt: the ISR runs at once with its argument and in ISR context; a
 * disabled line keeps the request pending until enabled; irq_lock() defers it
 * until the outermost irq_unlock().
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include "soft_irq.h"

ZTEST(irq_soft, test_isr_runs_with_its_argument) {
	irq_enable(LOCAL_SOFT_IRQ);
	soft_irq_raise();

	zassert_equal(soft_irq_runs, 1, "ISR ran %u times", soft_irq_runs);
	zassert_equal_ptr(soft_irq_last_arg, &soft_irq_token, "wrong ISR argument");
	zassert_true(soft_irq_last_in_isr, "k_is_in_isr() false inside the ISR");
	zassert_false(k_is_in_isr(), "k_is_in_isr() true in a thread");
	zassert_false(soft_irq_is_pending(), "the ISR did not clear the request");

	soft_irq_raise();
	zassert_equal(soft_irq_runs, 2, "second raise: ISR ran %u times", soft_irq_runs);
}

ZTEST(irq_soft, test_enable_disable_state) {
	zassert_false(irq_is_enabled(LOCAL_SOFT_IRQ), "enabled before irq_enable");
	irq_enable(LOCAL_SOFT_IRQ);
	zassert_true(irq_is_enabled(LOCAL_SOFT_IRQ));
	irq_disable(LOCAL_SOFT_IRQ);
	zassert_false(irq_is_enabled(LOCAL_SOFT_IRQ));
	irq_enable(LOCAL_SOFT_IRQ);
	irq_enable(LOCAL_SOFT_IRQ);
	zassert_true(irq_is_enabled(LOCAL_SOFT_IRQ), "enabling twice must keep it enabled");
	irq_disable(LOCAL_SOFT_IRQ);
	zassert_false(irq_is_enabled(LOCAL_SOFT_IRQ), "one disable undoes any enables");
}

ZTEST(irq_soft, test_disabled_line_stays_pending) {
	soft_irq_raise();
	k_busy_wait(100);
	zassert_equal(soft_irq_runs, 0, "ISR ran on a disabled line");
	zassert_true(soft_irq_is_pending(), "request lost while the line was disabled");

	irq_enable(LOCAL_SOFT_IRQ);
	zassert_equal(soft_irq_runs, 1, "pending request not taken on irq_enable");
	zassert_false(soft_irq_is_pending());
}

ZTEST(irq_soft, test_irq_lock_defers_until_unlock) {
	irq_enable(LOCAL_SOFT_IRQ);

	unsigned int key = irq_lock();

	soft_irq_raise();
	k_busy_wait(100);
	unsigned int runs_locked = soft_irq_runs;
	bool pending_locked = soft_irq_is_pending();

	irq_unlock(key);

	zassert_equal(runs_locked, 0, "ISR ran inside irq_lock()");
	zassert_true(pending_locked, "request lost under irq_lock()");
	zassert_equal(soft_irq_runs, 1, "ISR did not run at irq_unlock()");
}

ZTEST(irq_soft, test_nested_irq_lock) {
	irq_enable(LOCAL_SOFT_IRQ);

	unsigned int outer = irq_lock();
	unsigned int inner = irq_lock();

	soft_irq_raise();
	irq_unlock(inner);
	/* Interrupts must stay masked: the outer section is still open. */
	unsigned int runs_after_inner = soft_irq_runs;

	irq_unlock(outer);

	zassert_equal(runs_after_inner, 0, "inner irq_unlock() unmasked interrupts");
	zassert_equal(soft_irq_runs, 1, "ISR did not run at the outer irq_unlock()");
	zassert_true(arch_irq_unlocked(outer), "outer key must record 'was unlocked'");
	zassert_false(arch_irq_unlocked(inner), "inner key must record 'was locked'");
}
