// SPDX-License-Identifier: GPL-2.0
/*
 * A live patch of a fair class method, for the guest test of the text
 * patchers next to a scheduler update: while it is enabled, an update
 * that redirects the same function must be refused, and while an update
 * is active, this live patch must be. It makes sched_rr_get_interval()
 * of a fair task report 0, nothing more.
 */
#include <linux/livepatch.h>
#include <linux/module.h>

struct rq;
struct task_struct;

static unsigned int lu_livepatch_rr_interval(struct rq *rq, struct task_struct *task)
{
	return 0;
}

static struct klp_func lu_livepatch_funcs[] = {
	{
		.old_name = "get_rr_interval_fair",
		.new_func = lu_livepatch_rr_interval,
	},
	{}
};

static struct klp_object lu_livepatch_objs[] = {
	{
		/* name NULL: vmlinux */
		.funcs = lu_livepatch_funcs,
	},
	{}
};

static struct klp_patch lu_livepatch_patch = {
	.mod = THIS_MODULE,
	.objs = lu_livepatch_objs,
};

static int __init lu_livepatch_init(void)
{
	return klp_enable_patch(&lu_livepatch_patch);
}

static void __exit lu_livepatch_exit(void)
{
}

module_init(lu_livepatch_init);
module_exit(lu_livepatch_exit);
MODULE_DESCRIPTION("Live patch of get_rr_interval_fair for the sched_lu guest test");
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
