// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * webtracee DIR: the tracee of the browser tests. In DIR (absolute,
 * empty) it writes and reads back a plain file and two files whose paths
 * are HTML ("…/</script><img src=x onerror=alert(1)>" and "…/<b>x</b>",
 * each under a directory named for the part before the last '/'), starts
 * a thread that writes one file and a child process (itself re-executed)
 * that writes one file and exits 3. It prints what it did, one line each:
 *   ROOT <pid>
 *   FILE <pid> <tid> <written> <read> <path>
 *   CHILD <pid> EXIT <code>
 * webtracee DIR many N: N one-byte writes alternating between two files
 * (so no two consecutive writes have the same target and none coalesce),
 * then prints "FILE <pid> <tid> <written> 0 <path>" for both.
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

static const char *dir;

static pid_t my_tid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/* Write TEXT to DIR/NAME (making DIR/SUB first when SUB is set), read
 * it back when READ, and say so on stdout. */
static int put_file(const char *sub, const char *name, const char *text,
		    int read_back)
{
	char path[PATH_MAX];
	char buf[256];
	size_t len = strlen(text);
	ssize_t got = 0;
	int fd;

	if (sub) {
		snprintf(path, sizeof(path), "%s/%s", dir, sub);
		if (mkdir(path, 0755) && errno != EEXIST) {
			perror(path);
			return -1;
		}
		snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
	} else {
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	}
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd)) {
		perror(path);
		return -1;
	}
	if (read_back) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			perror(path);
			return -1;
		}
		got = read(fd, buf, sizeof(buf));
		close(fd);
		if (got != (ssize_t)len) {
			fprintf(stderr, "%s: read %zd of %zu bytes\n", path,
				got, len);
			return -1;
		}
	}
	printf("FILE %d %d %zu %zd %s\n", (int)getpid(), (int)my_tid(), len,
	       got, path);
	fflush(stdout);
	return 0;
}

static void *thread_main(void *arg)
{
	(void)arg;
	return (void *)(long)put_file(NULL, "thread-out.txt", "thread\n", 0);
}

static int run_child(void)
{
	return put_file(NULL, "child-out.txt", "child\n", 0) ? 1 : 3;
}

static int run_many(long n)
{
	char path[2][PATH_MAX];
	long done[2] = { 0, 0 };
	int fd[2];
	long i;

	for (i = 0; i < 2; i++) {
		snprintf(path[i], sizeof(path[i]), "%s/many-%ld.dat", dir, i);
		fd[i] = open(path[i], O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC,
			     0644);
		if (fd[i] < 0) {
			perror(path[i]);
			return 1;
		}
	}
	for (i = 0; i < n; i++) {
		if (write(fd[i & 1], "x", 1) != 1) {
			perror("write");
			return 1;
		}
		done[i & 1]++;
	}
	for (i = 0; i < 2; i++) {
		close(fd[i]);
		printf("FILE %d %d %ld 0 %s\n", (int)getpid(), (int)my_tid(),
		       done[i], path[i]);
	}
	return 0;
}

int main(int argc, char **argv)
{
	char self[PATH_MAX];
	pthread_t th;
	void *th_ret;
	ssize_t n;
	pid_t pid;
	int status;

	if (argc < 2 || argv[1][0] != '/') {
		fprintf(stderr, "usage: webtracee /DIR [child | many N]\n");
		return 2;
	}
	dir = argv[1];
	if (argc == 3 && !strcmp(argv[2], "child"))
		return run_child();
	if (argc == 4 && !strcmp(argv[2], "many"))
		return run_many(strtol(argv[3], NULL, 10));

	printf("ROOT %d\n", (int)getpid());
	fflush(stdout);
	if (put_file(NULL, "plain.txt", "hello world\n", 1) ||
	    put_file("<", "script><img src=x onerror=alert(1)>",
		     "not markup\n", 1) ||
	    put_file("<b>x<", "b>", "bold?\n", 1))
		return 1;
	if (pthread_create(&th, NULL, thread_main, NULL) ||
	    pthread_join(th, &th_ret) || th_ret)
		return 1;
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		/* by its real name: exec of /proc/self/exe makes comm "exe" */
		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n < 0)
			_exit(127);
		self[n] = '\0';
		execl(self, argv[0], dir, "child", (char *)NULL);
		perror("exec");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		fprintf(stderr, "child did not exit normally\n");
		return 1;
	}
	printf("CHILD %d EXIT %d\n", (int)pid, WEXITSTATUS(status));
	return 0;
}
