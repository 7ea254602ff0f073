// SPDX-License-Identifier: GPL-2.0
/*
 * Stalls the CPU or the loading task on purpose, for scripts/check-guest:
 * it proves that a lane's hung-task and soft-lockup detectors are on and
 * that run-guest's console scan fails a run on their reports. Loading
 * fails once the stall is over, so that nothing stays behind.
 *
 *   insmod lu_stall.ko mode=hang     sleeps 4 s, uninterruptibly
 *   insmod lu_stall.ko mode=lockup   spins 4 s with preemption off
 *
 * The guest first lowers kernel.hung_task_timeout_secs and
 * kernel.watchdog_thresh to 1 s, so that 4 s is well past both.
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/string.h>

static char *mode = "hang";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "hang (uninterruptible sleep) or lockup (spin, preemption off)");

static int __init lu_stall_init(void)
{
	if (!strcmp(mode, "hang")) {
		msleep(4000);
	} else if (!strcmp(mode, "lockup")) {
		preempt_disable();
		mdelay(4000);
		preempt_enable();
	} else {
		return -EINVAL;
	}
	return -EAGAIN;
}
module_init(lu_stall_init);

MODULE_DESCRIPTION("Stalls on purpose, for the detectors' test of sched_lu's guest runs");
MODULE_LICENSE("GPL");
