// SPDX-License-Identifier: GPL-2.0
/* Self-test of sched_lu_state_write.cocci: lines marked "report" must be reported, no others. */
static int sched_lu_cur_state;

int sched_lu_set_state(int to)
{
	WRITE_ONCE(sched_lu_cur_state, to);
	return 0;
}

void bad_plain(void)
{
	sched_lu_cur_state = 1;	/* report */
}

void bad_write_once(void)
{
	WRITE_ONCE(sched_lu_cur_state, 2);	/* report */
}

int good_read(void)
{
	return READ_ONCE(sched_lu_cur_state);
}
