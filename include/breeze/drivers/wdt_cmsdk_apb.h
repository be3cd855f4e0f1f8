/*
 * The Arm CMSDK APB watchdog beyond the watchdog class: the NMI handler the
 * arch port calls, and the register offsets that tests and board code
 * reach directly (integration test mode, raw status).
 */
#ifndef BREEZE_DRIVERS_WDT_CMSDK_APB_H
#define BREEZE_DRIVERS_WDT_CMSDK_APB_H

#define WDT_CMSDK_APB_VALUE 0x004U
#define WDT_CMSDK_APB_RIS   0x010U /* bit 0: the count expired, raw */
#define WDT_CMSDK_APB_MIS   0x014U /* the same, masked by INTEN: the NMI line */
#define WDT_CMSDK_APB_LOCK  0xc00U
#define WDT_CMSDK_APB_ITCR  0xf00U /* bit 0: outputs driven from ITOP */
#define WDT_CMSDK_APB_ITOP  0xf04U /* bit 0: WDOGRES, bit 1: WDOGINT */

/* Written to LOCK, opens the other registers; any other value closes them. */
#define WDT_CMSDK_APB_UNLOCK_KEY 0x1ACCE551U

/*
 * Serve every CMSDK watchdog whose interrupt is raised: call its timeout's
 * callback, restart a timeout that resets nothing. For the NMI handler of
 * the arch port, which runs it in handler mode on the main stack.
 */
void wdt_cmsdk_apb_nmi(void);

#endif /* BREEZE_DRIVERS_WDT_CMSDK_APB_H */
