// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * htmlio: the tracee of the html report's tests. Prints what the report
 * must show, one fact a line, computed from its own return values.
 *
 *   htmlio names DIR
 *	In DIR, writes files with paths that would break out of the report
 *	if they were not escaped ("DIR/</script><img ...>", through a
 *	directory named "<"), each in CHUNKS write() calls in a row
 *	(one coalesced row) then reads it back in one read(); from a thread
 *	too, and a child process. Prints
 *	  LANE <pid> <tid> <thread 0|1> <parent pid or tid>
 *	  FILE <hex of the path> <bytes read> <bytes written> <writes>
 *   htmlio storm DIR N
 *	N single-byte writes alternating between two files, so no two in a
 *	row coalesce: N report rows. Prints FILE lines likewise.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNKS	5
#define CHUNK	100

static const char *dir;

static void print_file(const char *path, long rd, long wr, int writes)
{
	const unsigned char *p = (const unsigned char *)path;

	printf("FILE ");
	for (; *p; p++)
		printf("%02x", *p);
	printf(" %ld %ld %d\n", rd, wr, writes);
}

/* Write name in CHUNKS calls, read it back; print its FILE line. */
static int churn(const char *name)
{
	char path[PATH_MAX], buf[CHUNK * CHUNKS];
	long wr = 0, rd;
	int fd, i;

	/* "</script>" holds a '/': its "<" is a directory */
	if (strchr(name, '/')) {
		snprintf(path, sizeof(path), "%s/%.*s", dir,
			 (int)(strchr(name, '/') - name), name);
		if (mkdir(path, 0755) && errno != EEXIST) {
			perror(path);
			return -1;
		}
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	memset(buf, 'x', sizeof(buf));
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	for (i = 0; i < CHUNKS; i++)
		wr += write(fd, buf, CHUNK);
	close(fd);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	rd = read(fd, buf, sizeof(buf));
	close(fd);
	print_file(path, rd, wr, CHUNKS);
	return 0;
}

static void *thread_main(void *arg)
{
	printf("LANE %d %ld 1 %d\n", getpid(), (long)syscall(SYS_gettid),
	       getpid());
	fflush(stdout);
	churn("<b>x</b>");
	fflush(stdout);
	return arg;
}

static int names(void)
{
	pthread_t th;
	pid_t child;
	int status;

	printf("LANE %d %d 0 %d\n", getpid(), getpid(), getppid());
	if (churn("</script><img src=x onerror=alert(1)>"))
		return 1;
	fflush(stdout);
	if (pthread_create(&th, NULL, thread_main, NULL) ||
	    pthread_join(th, NULL))
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (!child) {
		printf("LANE %d %d 0 %d\n", getpid(), getpid(), getppid());
		churn("amp&\xe2\x80\xa8line\xe2\x80\xa9sep\xff.txt");
		fflush(stdout);
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

static int storm(long n)
{
	char a[PATH_MAX], b[PATH_MAX];
	long wa = 0, wb = 0, i;
	int fa, fb;

	snprintf(a, sizeof(a), "%s/storm-a", dir);
	snprintf(b, sizeof(b), "%s/storm-b", dir);
	fa = open(a, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	fb = open(b, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	if (fa < 0 || fb < 0) {
		perror("storm");
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (i % 2)
			wb += write(fb, "y", 1);
		else
			wa += write(fa, "x", 1);
	}
	close(fa);
	close(fb);
	print_file(a, 0, wa, (int)((n + 1) / 2));
	print_file(b, 0, wb, (int)(n / 2));
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "names")) {
		dir = argv[2];
		return names();
	}
	if (argc == 4 && !strcmp(argv[1], "storm")) {
		dir = argv[2];
		return storm(strtol(argv[3], NULL, 10));
	}
	fprintf(stderr, "usage: htmlio names DIR | htmlio storm DIR N\n");
	return 2;
}
