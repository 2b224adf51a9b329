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

/* A decimal number at *p, and past the blanks after it. */
static int cputime_number(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;

	*v = 0;
	if (s == end || *s < '0' || *s > '9')
		return -EIO;
	while (s < end && *s >= '0' && *s <= '9')
		*v = *v * 10 + (uint64_t)(*s++ - '0');
	while (s < end && *s == ' ')
		s++;
	*p = s;
	return 0;
}

int cputime_sched_pread(int fd, struct cputime_sched *out)
{
	char buf[96];
	const char *p = buf;
	ssize_t n = pread(fd, buf, sizeof(buf), 0);

	if (n <= 0)
		return n < 0 ? -errno : -EIO;
	/* "run_ns wait_ns slices" */
	if (cputime_number(&p, buf + n, &out->run_ns) < 0 ||
	    cputime_number(&p, buf + n, &out->wait_ns) < 0)
		return -EIO;
	return 0;
}

/* "/proc/TID/schedstat", built by hand: this runs at every stop. */
int cputime_runq_open(pid_t tid)
{
	char path[48] = "/proc/", digits[12];
	size_t len = 6, n = 0;
	unsigned v = (unsigned)tid;
	int fd;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < sizeof(digits));
	while (n)
		path[len++] = digits[--n];
	memcpy(path + len, "/schedstat", sizeof("/schedstat"));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int cputime_runq_thread(pid_t tid, uint64_t *ns)
{
	struct cputime_sched st = { 0, 0 };
	int fd = cputime_runq_open(tid), err;

	*ns = 0;
	if (fd < 0)
		return fd;
	err = cputime_sched_pread(fd, &st);
	close(fd);
	*ns = st.wait_ns;
	return err;
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
		/* a thread gone meanwhile took its share with it */
		if (cputime_runq_thread((pid_t)atoi(de->d_name), &v) == 0) {
			*ns += v;
			err = 0;
		}
	}
	closedir(d);
	return err;
}
