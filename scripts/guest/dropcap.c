// SPDX-License-Identifier: GPL-2.0
/*
 * dropcap CMD [ARGS...]: run CMD as root without CAP_SYS_MODULE, to test
 * that the update interface asks for that capability and not only for
 * root. Static, so that it runs in the busybox guest.
 */
#include <linux/capability.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: dropcap CMD [ARGS...]\n");
		return 2;
	}
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_MODULE, 0, 0, 0) ||
	    syscall(SYS_capget, &hdr, data)) {
		perror("dropcap");
		return 1;
	}
	for (i = 0; i < 2; i++) {
		data[i].effective &= ~(i == CAP_SYS_MODULE / 32 ? CAP_TO_MASK(CAP_SYS_MODULE) : 0);
		data[i].permitted = data[i].effective;
		data[i].inheritable = 0;
	}
	if (syscall(SYS_capset, &hdr, data)) {
		perror("dropcap");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 1;
}
