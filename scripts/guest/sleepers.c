// SPDX-License-Identifier: GPL-2.0
/*
 * Guest helper for scripts/bench-downtime: start N threads that sleep
 * until the guest ends, so that a switch's stack check has N more tasks
 * to look at. Threads, not processes: ten thousand of them fit in a
 * small guest. Prints one line once they all exist.
 *
 *   sleepers N
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_attr_t attr;
	pthread_t thread;
	long i, n;

	n = argc == 2 ? strtol(argv[1], NULL, 10) : -1;
	if (n < 0) {
		fprintf(stderr, "usage: sleepers N\n");
		return 2;
	}
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < n; i++) {
		if (pthread_create(&thread, &attr, sleeper, NULL)) {
			fprintf(stderr, "sleepers: cannot create thread %ld\n", i + 1);
			return 1;
		}
	}
	printf("sleepers: %ld threads\n", n);
	fflush(stdout);
	for (;;)
		pause();
}
