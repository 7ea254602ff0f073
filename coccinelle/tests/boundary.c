// SPDX-License-Identifier: GPL-2.0
/* Self-test of scripts/sched_liveupdate/boundary.cocci (in the tree): reports on the marked lines only. */

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

int f(int a)
{
	int local = a;
	static int static_local;

	return local + static_local + private_counter;
}
