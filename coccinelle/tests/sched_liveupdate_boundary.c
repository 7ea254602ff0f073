// SPDX-License-Identifier: GPL-2.0
/* Self-test of scripts/coccinelle/misc/sched_liveupdate_boundary.cocci (in the tree): reports on the marked lines only. */

unsigned int sysctl_marked = 7;
SCHED_LU_SHARED(sysctl_marked);
static unsigned int private_counter = 3;
extern unsigned int declared_elsewhere;
unsigned int unmarked = 4; /* report */
struct foo unmarked_struct; /* report */
DEFINE_MUTEX(unmarked_mutex); /* report */
static DEFINE_MUTEX(private_mutex);
DEFINE_MUTEX(marked_mutex);
SCHED_LU_SHARED(marked_mutex);
DEFINE_PER_CPU(cpumask_var_t, unmarked_mask); /* report */
DEFINE_STATIC_KEY_FALSE(unmarked_key); /* report */
DEFINE_STATIC_KEY_TRUE(unmarked_true_key); /* report */
DEFINE_SPINLOCK(unmarked_lock); /* report */
DEFINE_RAW_SPINLOCK(unmarked_raw_lock); /* report */
LIST_HEAD(unmarked_list); /* report */
static DEFINE_PER_CPU(cpumask_var_t, private_mask);
static DEFINE_STATIC_KEY_FALSE(private_key);
static DEFINE_SPINLOCK(private_lock);
static LIST_HEAD(private_list);
DEFINE_PER_CPU(cpumask_var_t, marked_mask);
SCHED_LU_SHARED(marked_mask);
DEFINE_STATIC_KEY_FALSE(exported_key);
EXPORT_SYMBOL_GPL(exported_key);
int exported_value;
EXPORT_SYMBOL(exported_value);

int f(int a)
{
	int local = a;
	static int static_local;

	return local + static_local + private_counter;
}

#define field_of(field, p) ((p)->field)

static void cb(void)
{
}

static int helper(int x)
{
	return x;
}

/* The kernel's copy stores the kernel's addresses. */
void keeper(struct foo *o)
{
	o->fn = cb;
	spin_lock_init(&o->lock);
}
SCHED_LU_EXTERNAL(keeper);

void replaced(struct foo *o, int cb_count)
{
	int helper = cb_count;

	o->fn = cb; /* report */
	o->fnp = &cb; /* report */
	raw_spin_lock_init(&o->lock); /* report */
	mutex_init(&o->mutex); /* report */
	walk_tg_tree_from(o->tg, cb, cb, o);
	cb();
	o->x = helper + field_of(cb, o);
}

static void __init boot(struct foo *o)
{
	o->fn = cb;
	spin_lock_init(&o->lock);
}

void with_local_list(void)
{
	LIST_HEAD(local_list);

	list_empty(&local_list);
}
