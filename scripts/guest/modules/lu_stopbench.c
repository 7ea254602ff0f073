// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: time bare stop_machine() calls, the floor of an update's
 * downtime, on the same guest that times the updates. It is also a
 * module that is not a scheduler update, for the bad-input tests.
 */
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/stop_machine.h>

static unsigned int runs = 21;
module_param(runs, uint, 0444);
MODULE_PARM_DESC(runs, "stop_machine() calls to time (1-1000)");

static int lu_stopbench_nop(void *arg)
{
	return 0;
}

static int lu_stopbench_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int __init lu_stopbench_init(void)
{
	unsigned int i;
	u64 *ns;

	if (!runs || runs > 1000)
		return -EINVAL;
	ns = kcalloc(runs, sizeof(*ns), GFP_KERNEL);
	if (!ns)
		return -ENOMEM;
	for (i = 0; i < runs; i++) {
		u64 start = ktime_get_ns();

		stop_machine(lu_stopbench_nop, NULL, cpu_online_mask);
		ns[i] = ktime_get_ns() - start;
	}
	sort(ns, runs, sizeof(*ns), lu_stopbench_cmp, NULL);
	pr_info("lu_stopbench: runs=%u cpus=%u median_ns=%llu min_ns=%llu max_ns=%llu\n",
		runs, num_online_cpus(), ns[runs / 2], ns[0], ns[runs - 1]);
	kfree(ns);
	return 0;
}
module_init(lu_stopbench_init);

static void __exit lu_stopbench_exit(void)
{
}
module_exit(lu_stopbench_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Time bare stop_machine() calls");
