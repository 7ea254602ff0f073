// SPDX-License-Identifier: GPL-2.0
/*
 * policy: run a command under a real-time or deadline policy (the
 * guest's busybox has no chrt), or print a task's round-robin time slice.
 *
 *   policy fifo PRIO CMD [ARGS...]
 *   policy rr PRIO CMD [ARGS...]
 *   policy deadline RUNTIME_US PERIOD_US CMD [ARGS...]
 *   policy interval PID		(sched_rr_get_interval(), in ms)
 *
 * A deadline task's deadline is its period.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE	6
#endif

/* The kernel's struct sched_attr, version 1 (without the clamps). */
struct attr {
	uint32_t size;
	uint32_t policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime;
	uint64_t deadline;
	uint64_t period;
};

static int usage(void)
{
	fprintf(stderr, "usage: policy fifo|rr PRIO CMD... | deadline RUNTIME_US PERIOD_US CMD... | interval PID\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct attr a = { .size = sizeof(a) };
	struct timespec ts;
	int cmd;

	if (argc == 3 && !strcmp(argv[1], "interval")) {
		if (sched_rr_get_interval(atoi(argv[2]), &ts)) {
			perror("sched_rr_get_interval");
			return 1;
		}
		printf("%lld\n", (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
		return 0;
	}
	if (argc < 4)
		return usage();
	if (!strcmp(argv[1], "fifo") || !strcmp(argv[1], "rr")) {
		a.policy = argv[1][0] == 'f' ? SCHED_FIFO : SCHED_RR;
		a.priority = atoi(argv[2]);
		cmd = 3;
	} else if (!strcmp(argv[1], "deadline") && argc >= 5) {
		a.policy = SCHED_DEADLINE;
		a.runtime = strtoull(argv[2], NULL, 10) * 1000;
		a.period = strtoull(argv[3], NULL, 10) * 1000;
		a.deadline = a.period;
		cmd = 4;
	} else {
		return usage();
	}
	if (syscall(SYS_sched_setattr, 0, &a, 0)) {
		perror("sched_setattr");
		return 1;
	}
	execvp(argv[cmd], argv + cmd);
	perror(argv[cmd]);
	return 1;
}
