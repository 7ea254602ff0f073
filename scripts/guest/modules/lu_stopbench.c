// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: time bare stop_machine() calls, the floor of an update's
 * downtime, on the same guest that times the updates: "runs" of them when
 * it is loaded (the median is logged), and one each time "1" is written
 * to /sys/module/lu_stopbench/parameters/sample, which then reads back
 * its time in ns (scripts/bench-downtime pairs each switch with one). It
 * is also a module that is not a scheduler update, for the bad-input
 * tests.
 */
#include <linux/kstrtox.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sysfs.h>
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

/*
 * Timed as sched_lu times a switch's downtime: around the stop_machine()
 * call, so that the two include the same wake-ups and rendezvous.
 */
static u64 lu_stopbench_time(void)
{
	u64 start = ktime_get_ns();

	stop_machine(lu_stopbench_nop, NULL, cpu_online_mask);
	return ktime_get_ns() - start;
}

static u64 lu_stopbench_last_ns;

static int lu_stopbench_sample_set(const char *val, const struct kernel_param *kp)
{
	bool run;
	int ret;

	ret = kstrtobool(val, &run);
	if (ret || !run)
		return ret ? ret : -EINVAL;
	WRITE_ONCE(lu_stopbench_last_ns, lu_stopbench_time());
	return 0;
}

static int lu_stopbench_sample_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%llu\n", READ_ONCE(lu_stopbench_last_ns));
}

static const struct kernel_param_ops lu_stopbench_sample_ops = {
	.set = lu_stopbench_sample_set,
	.get = lu_stopbench_sample_get,
};
module_param_cb(sample, &lu_stopbench_sample_ops, NULL, 0644);
MODULE_PARM_DESC(sample, "write 1: time one stop_machine(); read: that time in ns");

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
	for (i = 0; i < runs; i++)
		ns[i] = lu_stopbench_time();
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
