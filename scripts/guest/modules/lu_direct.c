// SPDX-License-Identifier: GPL-2.0
/*
 * An ftrace direct call on one kernel function, for the guest test of the
 * text patchers next to a scheduler update. A BPF fentry program attaches
 * this way: its trampoline is asked for by the function's address
 * (ftrace_set_filter_ip()) and called straight from the fentry site
 * (register_ftrace_direct()). The distro lane has no BTF, so no BPF
 * program can be attached there; this module takes the same path with a
 * trampoline of its own, which counts its calls in the parameter "hits".
 */
#include <linux/ftrace.h>
#include <linux/linkage.h>
#include <linux/module.h>
#include <asm/ibt.h>
#include <asm/nospec-branch.h>

static unsigned long ip;
module_param(ip, ulong, 0400);
MODULE_PARM_DESC(ip, "address of the function, as /proc/kallsyms gives it");

/* Global: the trampoline, written in assembly, increments it by name. */
unsigned long lu_direct_hits;
module_param_named(hits, lu_direct_hits, ulong, 0444);
MODULE_PARM_DESC(hits, "calls of the function since the module was loaded");

void lu_direct_tramp(void);

/*
 * Called at the function's entry, before its frame is set up: it may
 * use no register the function's arguments are in, nor the stack, so it
 * only counts. The flags are not live across a call.
 */
asm(".pushsection .text, \"ax\", @progbits\n"
    ".type lu_direct_tramp, @function\n"
    ".globl lu_direct_tramp\n"
    "lu_direct_tramp:\n"
    ASM_ENDBR
    CALL_DEPTH_ACCOUNT
    "lock incq lu_direct_hits(%rip)\n"
    ASM_RET
    ".size lu_direct_tramp, .-lu_direct_tramp\n"
    ".popsection\n");

static struct ftrace_ops lu_direct_ops;

static int __init lu_direct_init(void)
{
	int err;

	if (!ip)
		return -EINVAL;
	/* A site another text patcher has claimed is refused here: EBUSY. */
	err = ftrace_set_filter_ip(&lu_direct_ops, ip, 0, 0);
	if (err)
		return err;
	err = register_ftrace_direct(&lu_direct_ops, (unsigned long)lu_direct_tramp);
	if (err)
		ftrace_free_filter(&lu_direct_ops);
	return err;
}

static void __exit lu_direct_exit(void)
{
	unregister_ftrace_direct(&lu_direct_ops, (unsigned long)lu_direct_tramp, true);
}

module_init(lu_direct_init);
module_exit(lu_direct_exit);
MODULE_DESCRIPTION("ftrace direct call, as a BPF trampoline, for the sched_lu guest test");
MODULE_LICENSE("GPL");
