// SPDX-License-Identifier: GPL-2.0
/*
 * Guest helper for scripts/bench-hotpath: two scheduler-bound workloads,
 * each timed with CLOCK_MONOTONIC, printing the elapsed nanoseconds.
 *
 *   hotpath pingpong N   two processes pass one byte back and forth N
 *                        times over two pipes: a context switch each way
 *   hotpath pipes G L    hackbench's pipe mode: G groups of 10 senders and
 *                        10 receivers; each sender writes L messages of
 *                        100 bytes to each receiver of its group
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GROUP	10	/* senders, and receivers, per group */
#define MSG	100	/* bytes a message */

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Read exactly @len bytes: a pipe may return a message in pieces. */
static void read_all(int fd, char *buf, size_t len)
{
	while (len) {
		ssize_t n = read(fd, buf, len);

		if (n <= 0)
			die("read");
		buf += n;
		len -= n;
	}
}

static void write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n <= 0)
			die("write");
		buf += n;
		len -= n;
	}
}

static long long pingpong(long n)
{
	int ping[2], pong[2];
	long long start;
	char c = 0;
	pid_t pid;
	long i;

	if (pipe(ping) || pipe(pong))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		for (i = 0; i < n; i++) {
			read_all(ping[0], &c, 1);
			write_all(pong[1], &c, 1);
		}
		_exit(0);
	}
	start = now_ns();
	for (i = 0; i < n; i++) {
		write_all(ping[1], &c, 1);
		read_all(pong[0], &c, 1);
	}
	start = now_ns() - start;
	waitpid(pid, NULL, 0);
	return start;
}

static long long pipes(long groups, long loops)
{
	int fds[GROUP][2], ready[2], go[2];
	long long start;
	char msg[MSG];
	long g, i, j, k;
	pid_t pid;

	memset(msg, 'x', sizeof(msg));
	if (pipe(ready) || pipe(go))
		die("pipe");
	for (g = 0; g < groups; g++) {
		for (i = 0; i < GROUP; i++)
			if (pipe(fds[i]))
				die("pipe");
		/* Receivers, then senders; each tells it is ready, waits for go. */
		for (i = 0; i < 2 * GROUP; i++) {
			pid = fork();
			if (pid < 0)
				die("fork");
			if (pid)
				continue;
			write_all(ready[1], "r", 1);
			read_all(go[0], msg, 1);
			if (i < GROUP) {
				for (k = 0; k < GROUP * loops; k++)
					read_all(fds[i][0], msg, MSG);
			} else {
				for (k = 0; k < loops; k++)
					for (j = 0; j < GROUP; j++)
						write_all(fds[j][1], msg, MSG);
			}
			_exit(0);
		}
		for (i = 0; i < GROUP; i++) {
			close(fds[i][0]);
			close(fds[i][1]);
		}
	}
	for (i = 0; i < 2 * GROUP * groups; i++)
		read_all(ready[0], msg, 1);
	start = now_ns();
	for (i = 0; i < 2 * GROUP * groups; i++)
		write_all(go[1], "g", 1);
	while (wait(NULL) > 0)
		;
	return now_ns() - start;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "pingpong"))
		printf("%lld\n", pingpong(strtol(argv[2], NULL, 10)));
	else if (argc == 4 && !strcmp(argv[1], "pipes"))
		printf("%lld\n", pipes(strtol(argv[2], NULL, 10), strtol(argv[3], NULL, 10)));
	else {
		fprintf(stderr, "usage: hotpath pingpong N | hotpath pipes GROUPS LOOPS\n");
		return 2;
	}
	return 0;
}
