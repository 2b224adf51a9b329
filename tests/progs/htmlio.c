// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * htmlio: the tracee of the html report's tests, both the integration
 * test (html_check.py) and the browser tests (tests/browser). Prints what
 * the report must show, one fact a line, computed from its own return
 * values.
 *
 *   htmlio names DIR
 *	In DIR (absolute) writes a plain file and files with paths that
 *	would break out of the report if they were not escaped
 *	("DIR/</script><img ...>", through a directory named "<"), each in
 *	CHUNKS write() calls in a row (one coalesced row), then reads it
 *	back in one read(); from a thread too, and from a child process
 *	(itself re-executed, so it has its own command line) whose file name
 *	holds '&', U+2028, U+2029 and a byte that is not UTF-8, and which
 *	exits 3. Prints
 *	  LANE <pid> <tid> <thread 0|1> <parent pid or tid>
 *	  FILE <pid> <tid> <hex of the path> <bytes read> <bytes written>
 *	       <writes>
 *	  CHILD <pid> EXIT <code>
 *	and exits 0 when the child exited 3.
 *   htmlio storm DIR N
 *	N single-byte writes alternating between DIR/storm-a and
 *	DIR/storm-b, so no two in a row coalesce: N report rows. Prints FILE
 *	lines likewise.
 *   htmlio long DIR N K
 *	N writes of 1 to 97 bytes spread over LONG_FILES files (never the
 *	same one twice in a row: N report rows), and K child processes
 *	forked evenly among them, each of which maps and touches some
 *	memory, writes a file of its own and exits 0. Prints FILE lines
 *	and, for each child, CHILD <pid> EXIT <code>.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNKS	   5
#define CHUNK	   100
#define CHILD_EXIT 3
#define LONG_FILES 64

static const char *dir;

static void print_file(const char *path, long rd, long wr, int writes)
{
	const unsigned char *p = (const unsigned char *)path;

	printf("FILE %d %ld ", (int)getpid(), (long)syscall(SYS_gettid));
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

static void print_lane(int thread, long parent)
{
	printf("LANE %d %ld %d %ld\n", getpid(), (long)syscall(SYS_gettid),
	       thread, parent);
}

static void *thread_main(void *arg)
{
	print_lane(1, getpid());
	return (void *)(long)churn("<b>x</b>");
}

/* The re-executed child of "names". */
static int child(void)
{
	print_lane(0, getppid());
	return churn("amp&\xe2\x80\xa8line\xe2\x80\xa9sep\xff.txt") ?
		       1 :
		       CHILD_EXIT;
}

static int names(const char *argv0)
{
	char self[PATH_MAX];
	pthread_t th;
	void *th_ret;
	ssize_t n;
	pid_t pid;
	int status;

	print_lane(0, getppid());
	if (churn("plain.txt") ||
	    churn("</script><img src=x onerror=alert(1)>"))
		return 1;
	if (pthread_create(&th, NULL, thread_main, NULL) ||
	    pthread_join(th, &th_ret) || th_ret)
		return 1;
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (!pid) {
		/* by its real name: exec of /proc/self/exe makes comm "exe" */
		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n < 0)
			_exit(127);
		self[n] = '\0';
		execl(self, argv0, "child", dir, (char *)NULL);
		perror("exec");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		fprintf(stderr, "child did not exit normally\n");
		return 1;
	}
	printf("CHILD %d EXIT %d\n", (int)pid, WEXITSTATUS(status));
	return WEXITSTATUS(status) == CHILD_EXIT ? 0 : 1;
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
	return wa + wb == n ? 0 : 1;
}

/* A child of "long": some memory of its own, one file, exit 0. */
static void long_child(int k)
{
	char path[PATH_MAX];
	size_t len = (size_t)(k % 8 + 1) << 16;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long wr;
	int fd;

	if (m == MAP_FAILED)
		_exit(1);
	memset(m, k, len);
	snprintf(path, sizeof(path), "%s/child-%d", dir, k);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		_exit(1);
	wr = write(fd, m, 100);
	close(fd);
	print_file(path, 0, wr, 1);
	fflush(stdout);
	_exit(wr == 100 ? 0 : 1);
}

static int long_run(long n, long kids)
{
	static char buf[97];
	long wr[LONG_FILES] = { 0 }, writes[LONG_FILES] = { 0 }, i;
	char path[PATH_MAX];
	int fd[LONG_FILES], f, status, k = 0;
	pid_t pid;

	memset(buf, 'z', sizeof(buf));
	for (f = 0; f < LONG_FILES; f++) {
		snprintf(path, sizeof(path), "%s/long-%02d", dir, f);
		fd[f] = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC,
			     0644);
		if (fd[f] < 0) {
			perror(path);
			return 1;
		}
	}
	for (i = 0; i < n; i++) {
		if (kids && i % (n / kids) == n / kids / 2 && k < kids) {
			fflush(stdout);
			pid = fork();
			if (pid < 0) {
				perror("fork");
				return 1;
			}
			if (!pid)
				long_child(k);
			if (waitpid(pid, &status, 0) != pid ||
			    !WIFEXITED(status))
				return 1;
			printf("CHILD %d EXIT %d\n", (int)pid,
			       WEXITSTATUS(status));
			k++;
		}
		f = (int)(i * 7 % LONG_FILES);
		wr[f] += write(fd[f], buf, (size_t)(i % 97 + 1));
		writes[f]++;
	}
	for (f = 0; f < LONG_FILES; f++) {
		close(fd[f]);
		snprintf(path, sizeof(path), "%s/long-%02d", dir, f);
		print_file(path, 0, wr[f], (int)writes[f]);
	}
	return k == kids ? 0 : 1;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && argv[2][0] == '/') {
		dir = argv[2];
		if (argc == 3 && !strcmp(argv[1], "names"))
			return names(argv[0]);
		if (argc == 3 && !strcmp(argv[1], "child"))
			return child();
		if (argc == 4 && !strcmp(argv[1], "storm"))
			return storm(strtol(argv[3], NULL, 10));
		if (argc == 5 && !strcmp(argv[1], "long"))
			return long_run(strtol(argv[3], NULL, 10),
					strtol(argv[4], NULL, 10));
	}
	fprintf(stderr, "usage: htmlio names /DIR | htmlio storm /DIR N | "
			"htmlio long /DIR N K\n");
	return 2;
}
