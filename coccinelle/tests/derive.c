// SPDX-License-Identifier: GPL-2.0
/*
 * Self-test of scripts/sched_liveupdate/derive.cocci (in the tree): an
 * object of each data class and a function of each kind. derive.out is
 * what an update's copy keeps of them.
 */

/* Shared, non-critical: a tunable; the update uses the kernel's. */
unsigned int sysctl_tunable = 3;
SCHED_LU_SHARED(sysctl_tunable);

/* Shared, critical: state that must survive the switch. */
struct balance_state balance_state;
SCHED_LU_SHARED(balance_state);
DEFINE_PER_CPU(cpumask_var_t, scratch_mask);
SCHED_LU_SHARED(scratch_mask);
DEFINE_MUTEX(shares_lock);
SCHED_LU_SHARED(shares_lock);
DEFINE_SPINLOCK(shared_lock);
SCHED_LU_SHARED(shared_lock);
DEFINE_RAW_SPINLOCK(shared_raw_lock);
SCHED_LU_SHARED(shared_raw_lock);
LIST_HEAD(shared_list);
SCHED_LU_SHARED(shared_list);
DEFINE_STATIC_KEY_FALSE(shared_key);
SCHED_LU_SHARED(shared_key);

/* Exported data is the kernel's too (boundary.cocci takes it as marked). */
int exported_value;
EXPORT_SYMBOL_GPL(exported_value);

/* Private, non-critical: the update's own copy, from its initialiser. */
static unsigned int private_counter = 5;
static DEFINE_MUTEX(private_lock);

/* Sysctl tables and boot-time code stay the kernel's. */
static struct ctl_table tunables[] = {
	{ .procname = "tunable", .data = &sysctl_tunable },
};

static int __init boot_setup(void)
{
	return 0;
}
late_initcall(boot_setup);

/* External: too small to redirect; the update calls the kernel's. */
void external_inc(void)
{
	sysctl_tunable++;
}
SCHED_LU_EXTERNAL(external_inc);

/* Internal and interface functions are the update's own. */
static int internal(int a)
{
	return a + private_counter;
}

int interface(int a)
{
	external_inc();
	return internal(a);
}
