// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * fileio DIR: file I/O the file analyzer must account for exactly, with
 * the figures computed from this program's own return values. DIR should
 * be empty and absolute; files are made in it, one with hostile bytes in
 * its name.
 *
 * Each process prints one line per fact, in one write(2) so lines from
 * forked and exec'd copies do not mix:
 *   OPEN <r|w|rw|-> "<path>"      a successful open (readable/writable)
 *   FAIL "<path>" <ERRNO>         a failed open
 *   READ "<path>" <bytes>         bytes read from the file (one operation)
 *   WRITE "<path>" <bytes>        bytes written to it (one operation)
 *   HIDDEN_READ <bytes>           bytes read from a file the noise filter hides
 * Paths are escaped the way the capture test plugin escapes strings.
 * stdout must not be a file compendium counts (a pipe, or a hidden file).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

/* The fd numbers the exec'd copy gets: one survives exec, one does not. */
#define KEPT_FD	   60
#define CLOEXEC_FD 61

static char dir[PATH_MAX];

static void die(const char *what)
{
	char buf[512];
	int n = snprintf(buf, sizeof(buf), "fileio: %s: %s\n", what,
			 strerror(errno));

	/* stderr may be a counted file: this only happens on failure */
	if (write(2, buf, (size_t)n) < 0)
		_exit(3);
	_exit(2);
}

/* Append s escaped as the capture plugin does: \" \\ and \xNN. */
static size_t esc(char *out, size_t size, const char *s)
{
	size_t k = 0;

	for (; *s && k + 5 < size; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			k += (size_t)snprintf(out + k, size - k, "\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			k += (size_t)snprintf(out + k, size - k, "\\x%02x", ch);
		else
			out[k++] = (char)ch;
	}
	out[k] = '\0';
	return k;
}

/* One fact, one write(2): TAG "path" rest, or TAG rest without a path. */
static void say(const char *tag, const char *path, const char *rest)
{
	char line[3 * PATH_MAX], e[2 * PATH_MAX];
	int n;

	esc(e, sizeof(e), path ? path : "");
	if (path)
		n = snprintf(line, sizeof(line), "%s \"%s\"%s%s\n", tag, e,
			     rest ? " " : "", rest ? rest : "");
	else
		n = snprintf(line, sizeof(line), "%s %s\n", tag, rest);
	if (write(1, line, (size_t)n) != n)
		_exit(4);
}

static void say_n(const char *tag, const char *path, long long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", v);
	say(tag, path, num);
}

static void in_dir(char *out, const char *name)
{
	if (snprintf(out, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX)
		_exit(2);
}

static int do_open(const char *path, int flags, const char *mode)
{
	int fd = open(path, flags, 0600);

	if (fd < 0)
		die(path);
	say("OPEN", path, mode);
	return fd;
}

static void do_write(int fd, const char *path, size_t len)
{
	char buf[4096];
	ssize_t n;

	memset(buf, 'w', sizeof(buf));
	n = write(fd, buf, len < sizeof(buf) ? len : sizeof(buf));
	if (n < 0)
		die("write");
	if (n > 0)
		say_n("WRITE", path, n);
}

static void do_read(int fd, const char *path, size_t len)
{
	char buf[8192];
	ssize_t n = read(fd, buf, len < sizeof(buf) ? len : sizeof(buf));

	if (n < 0)
		die("read");
	if (n > 0)
		say_n("READ", path, n);
}

/* The exec'd copy: write through the fd that survived exec. */
static int after_exec(const char *kept_path)
{
	char buf[64];

	memset(buf, 'e', sizeof(buf));
	if (write(KEPT_FD, buf, 33) != 33)
		die("write kept fd");
	say_n("WRITE", kept_path, 33);
	/* close-on-exec: gone, so this fails and counts nothing */
	if (write(CLOEXEC_FD, buf, 7) >= 0 || errno != EBADF)
		die("close-on-exec fd survived exec");
	return 0;
}

int main(int argc, char **argv)
{
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX], d[PATH_MAX], e[PATH_MAX];
	char f[PATH_MAX], g[PATH_MAX], odd[PATH_MAX], missing[PATH_MAX];
	char buf[8192], n1[16];
	struct iovec iov[3];
	int fd, fd2, dup1, dfd, status;
	ssize_t n;
	off_t off;
	pid_t pid;

	if (argc == 4 && !strcmp(argv[1], "--exec"))
		return after_exec(argv[3]);
	if (argc != 2 || !realpath(argv[1], dir))
		return 2;
	in_dir(a, "a.txt");
	in_dir(b, "b.txt");
	in_dir(c, "kept.txt");
	in_dir(d, "cloexec.txt");
	in_dir(e, "copy.txt");
	in_dir(f, "sendfile.txt");
	in_dir(g, "at.txt");
	/* a name with a quote, a backslash, a newline and a high byte */
	in_dir(odd, "we\"ird\\na\nme\xe9.txt");
	in_dir(missing, "missing.txt");

	/* write, pwrite64, writev */
	fd = do_open(a, O_WRONLY | O_CREAT | O_TRUNC, "w");
	do_write(fd, a, 1000);
	memset(buf, 'p', 100);
	n = pwrite(fd, buf, 100, 1000);
	if (n < 0)
		die("pwrite");
	say_n("WRITE", a, n);
	iov[0].iov_base = buf;
	iov[0].iov_len = 300;
	iov[1].iov_base = buf + 300;
	iov[1].iov_len = 200;
	n = writev(fd, iov, 2);
	if (n < 0)
		die("writev");
	say_n("WRITE", a, n);
	close(fd);

	/* read, pread64, readv (the last one at EOF reads nothing) */
	fd = do_open(a, O_RDONLY, "r");
	do_read(fd, a, 700);
	n = pread(fd, buf, 128, 50);
	if (n < 0)
		die("pread");
	say_n("READ", a, n);
	iov[0].iov_base = buf;
	iov[0].iov_len = 512;
	iov[1].iov_base = buf + 512;
	iov[1].iov_len = 4096;
	n = readv(fd, iov, 2);
	if (n < 0)
		die("readv");
	say_n("READ", a, n);
	do_read(fd, a, 100);

	/* dup'd fds carry the file: O_RDWR is readable and writable */
	fd2 = do_open(b, O_RDWR | O_CREAT | O_TRUNC, "rw");
	dup1 = dup(fd2);
	do_write(dup1, b, 123);
	if (dup2(fd2, 40) != 40)
		die("dup2");
	do_write(40, b, 77);
	dup1 = fcntl(fd2, F_DUPFD_CLOEXEC, 45);
	if (dup1 < 0)
		die("F_DUPFD_CLOEXEC");
	do_write(dup1, b, 11);

	/* a forked child inherits both fds */
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		do_write(40, b, 50);
		if (lseek(fd, 0, SEEK_SET) < 0)
			die("lseek");
		do_read(fd, a, 333);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || status)
		die("child");
	close(fd);

	/* kept across exec (no CLOEXEC), and one that is not */
	fd = do_open(c, O_RDWR | O_CREAT | O_TRUNC, "rw");
	if (dup2(fd, KEPT_FD) != KEPT_FD)
		die("dup2 kept");
	close(fd);
	do_write(KEPT_FD, c, 10);
	fd = do_open(d, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, "w");
	if (dup3(fd, CLOEXEC_FD, O_CLOEXEC) != CLOEXEC_FD)
		die("dup3");
	close(fd);
	do_write(CLOEXEC_FD, d, 5);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		snprintf(n1, sizeof(n1), "%d", KEPT_FD);
		execl("/proc/self/exe", "fileio", "--exec", n1, c,
		      (char *)NULL);
		die("exec");
	}
	if (waitpid(pid, &status, 0) != pid || status)
		die("exec'd child");

	/* a missing file: the failed open is kept, with its errno */
	if (open(missing, O_RDONLY) >= 0 || errno != ENOENT)
		die("missing file exists");
	say("FAIL", missing, "ENOENT");

	/* openat relative to a directory fd: reported with the full path */
	dfd = do_open(dir, O_RDONLY | O_DIRECTORY, "r");
	fd = openat(dfd, "at.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		die("openat");
	say("OPEN", g, "w");
	do_write(fd, g, 42);
	close(fd);
	if (openat(dfd, "missing.txt", O_RDONLY) >= 0 || errno != ENOENT)
		die("openat missing");
	say("FAIL", missing, "ENOENT");
	close(dfd);

	/* hostile bytes in a name are just bytes */
	fd = do_open(odd, O_WRONLY | O_CREAT | O_TRUNC, "w");
	do_write(fd, odd, 9);
	close(fd);

	/* copy_file_range: a read of the source, a write of the target */
	fd = do_open(a, O_RDONLY, "r");
	fd2 = do_open(e, O_WRONLY | O_CREAT | O_TRUNC, "w");
	off = 0;
	n = copy_file_range(fd, &off, fd2, NULL, 1200, 0);
	if (n < 0)
		die("copy_file_range");
	if (n > 0) {
		say_n("READ", a, n);
		say_n("WRITE", e, n);
	}
	close(fd2);

	/* sendfile from file to file: both sides are files */
	fd2 = do_open(f, O_WRONLY | O_CREAT | O_TRUNC, "w");
	off = 100;
	n = sendfile(fd2, fd, &off, 250);
	if (n < 0)
		die("sendfile");
	if (n > 0) {
		say_n("READ", a, n);
		say_n("WRITE", f, n);
	}
	close(fd2);
	close(fd);

	/* hidden: /proc is noise, and so is its I/O; /dev/null is no file */
	fd = open("/proc/self/status", O_RDONLY);
	if (fd < 0)
		die("/proc/self/status");
	n = read(fd, buf, sizeof(buf));
	if (n < 0)
		die("read /proc");
	say_n("HIDDEN_READ", NULL, n);
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0 || write(fd, buf, 64) != 64)
		die("/dev/null");
	close(fd);
	return 0;
}
