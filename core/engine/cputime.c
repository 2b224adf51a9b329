// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "cputime.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * The kernel's encoding of another process's CPU clocks (posix-timers.h):
 * what clock_getcpuclockid(3) returns for the runtime clock, and its two
 * siblings, which it has no function for.
 */
#define CPUTIME_PROF  0 /* user + system, sampled */
#define CPUTIME_VIRT  1 /* user, sampled */
#define CPUTIME_SCHED 2 /* runtime, exact */
#define CPUTIME_CLOCK(pid, which) \
	((clockid_t)((~(unsigned)(pid) << 3) | (unsigned)(which)))

static int cputime_clock(pid_t pid, int which, uint64_t *ns)
{
	struct timespec ts;

	if (clock_gettime(CPUTIME_CLOCK(pid, which), &ts) < 0)
		return -errno;
	*ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	return 0;
}

int cputime_read(pid_t pid, struct cputime *out)
{
	uint64_t prof = 0, virt = 0;
	int err;

	memset(out, 0, sizeof(*out));
	if (pid <= 0)
		return -EINVAL;
	err = cputime_clock(pid, CPUTIME_SCHED, &out->total_ns);
	if (err)
		return err;
	if (cputime_clock(pid, CPUTIME_PROF, &prof) < 0 ||
	    cputime_clock(pid, CPUTIME_VIRT, &virt) < 0 || virt > prof)
		prof = virt = 0;
	/* no sample of either kind yet: the kernel calls it all user time */
	if (!prof || prof == virt)
		out->user_ns = out->total_ns;
	else
		out->user_ns = (uint64_t)((unsigned __int128)out->total_ns *
					  virt / prof);
	out->sys_ns = out->total_ns - out->user_ns;
	return 0;
}

/* The second number of a schedstat file: "run_ns wait_ns slices". */
static int cputime_schedstat(const char *path, uint64_t *ns)
{
	char buf[128];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = '\0';
	if (sscanf(buf, "%*s %" SCNu64, ns) != 1)
		return -EIO;
	return 0;
}

int cputime_runq_thread(pid_t tid, uint64_t *ns)
{
	char path[64];

	*ns = 0;
	snprintf(path, sizeof(path), "/proc/%d/schedstat", tid);
	return cputime_schedstat(path, ns);
}

int cputime_runq_process(pid_t pid, uint64_t *ns)
{
	char path[96];
	struct dirent *de;
	uint64_t v;
	int err = -ENOENT;
	DIR *d;

	*ns = 0;
	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%.20s/schedstat",
			 pid, de->d_name);
		/* a thread gone meanwhile took its share with it */
		if (cputime_schedstat(path, &v) == 0) {
			*ns += v;
			err = 0;
		}
	}
	closedir(d);
	return err;
}
