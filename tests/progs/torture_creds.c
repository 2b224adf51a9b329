// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * torture_creds N: rename itself (PR_SET_NAME) and, when root, drop to
 * nobody with setresgid/setresuid, making markers before, between and
 * after, then N more, opening a file by name once per marker so string
 * decoding is exercised under the new credentials (the task may turn
 * non-dumpable). Prints COMM, CREDS and MARK lines.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "marker.h"

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 20, i, k = 1;
	uid_t ru, eu, su;
	gid_t rg, eg, sg;
	char comm[17] = "";

	marker(k++);
	if (prctl(PR_SET_NAME, "cpd-renamed", 0, 0, 0) < 0)
		return 2;
	prctl(PR_GET_NAME, comm, 0, 0, 0);
	printf("COMM %s\n", comm);
	marker(k++);
	if (geteuid() == 0) {
		/* group first: without CAP_SETGID we could not do it after */
		if (setresgid(65534, 65534, 65534) < 0 ||
		    setresuid(65534, 65534, 65534) < 0) {
			perror("setres[ug]id");
			return 3;
		}
	}
	getresuid(&ru, &eu, &su);
	getresgid(&rg, &eg, &sg);
	printf("CREDS %d %d %d %d %d %d\n", (int)ru, (int)eu, (int)su, (int)rg,
	       (int)eg, (int)sg);
	for (i = 0; i < n; i++) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd >= 0)
			close(fd);
		marker(k++);
	}
	return 0;
}
