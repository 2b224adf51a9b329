// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * findings_demo: one behaviour per subcommand that a findings rule must
 * catch, and its look-alike that it must not, in a work directory:
 *
 *   findings_demo DIR search        x.h probed in d1, d2, found in d3
 *   findings_demo DIR missing [N]   a config that is not there; exits N
 *   findings_demo DIR created       a file missing, then made
 *   findings_demo DIR fail-child N  a child (this program, "exit N")
 *                                   exits N, and so does this one
 *   findings_demo DIR handled N     a child exits N; this one exits 0
 *   findings_demo DIR crash         a child aborts (SIGABRT); this one
 *                                   exits 0
 *   findings_demo DIR term          a child is killed by SIGTERM; this
 *                                   one exits 0
 *   findings_demo DIR exit N        exits N
 *   findings_demo DIR reopen N      opens and reads one file N times
 *   findings_demo DIR tiny N SIZE   N writes of SIZE bytes to one file
 *   findings_demo DIR refused [N]   connects to a closed port on
 *                                   127.0.0.1, blocking and not; exits N
 *   findings_demo DIR connected     connects to a port it listens on
 *   findings_demo DIR hostile [N]   a failed open of a name with an
 *                                   escape sequence and a newline; exits N
 *
 * Prints what it did, one line each, so a test knows the port or names.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *dir;

static void die(const char *what)
{
	fprintf(stderr, "findings_demo: %s: %s\n", what, strerror(errno));
	exit(99);
}

static char *at(const char *name)
{
	static char buf[4][4096];
	static int i;
	char *p = buf[i++ % 4];

	snprintf(p, sizeof(buf[0]), "%s/%s", dir, name);
	return p;
}

static void put(const char *name, const char *text)
{
	int fd = open(at(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) < 0 || close(fd))
		die(name);
}

static void search(void)
{
	int fd, i;

	if (mkdir(at("d1"), 0755) || mkdir(at("d2"), 0755) ||
	    mkdir(at("d3"), 0755))
		die("mkdir");
	put("d3/x.h", "int x;\n");
	for (i = 1; i <= 3; i++) {
		char name[32];

		snprintf(name, sizeof(name), "d%d/x.h", i);
		fd = open(at(name), O_RDONLY);
		if (fd >= 0) {
			printf("FOUND %s after %d\n", at(name), i - 1);
			close(fd);
			return;
		}
	}
	die("x.h not found");
}

static void missing(void)
{
	if (open(at("app.conf"), O_RDONLY) >= 0 || errno != ENOENT)
		die("app.conf is there");
	printf("MISSING %s\n", at("app.conf"));
}

static void created(void)
{
	int fd;

	if (open(at("lock"), O_RDONLY) >= 0)
		die("lock is there");
	fd = open(at("lock"), O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		die("lock");
	close(fd);
	printf("CREATED %s\n", at("lock"));
}

/* Run this program with args as a child; its wait status. */
static int child(char *self, char *const args[], int sig)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		char *argv[8] = { self, (char *)dir };
		int i;

		for (i = 0; args[i] && i < 5; i++)
			argv[2 + i] = args[i];
		if (sig) {
			struct rlimit no = { 0, 0 };

			/* a crash, not a core file in the test's directory */
			setrlimit(RLIMIT_CORE, &no);
			raise(sig);
			_exit(98);
		}
		execv(self, argv);
		_exit(97);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	return status;
}

static void reopen(int n)
{
	char buf[64];
	int i, fd;

	put("data.txt", "0123456789");
	for (i = 0; i < n; i++) {
		fd = open(at("data.txt"), O_RDONLY);
		if (fd < 0 || read(fd, buf, sizeof(buf)) != 10)
			die("data.txt");
		close(fd);
	}
	printf("REOPENED %s %d\n", at("data.txt"), n);
}

static void tiny(int n, int size)
{
	static char buf[65536];
	int i, fd = open(at("out.log"), O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || size < 1 || size > (int)sizeof(buf))
		die("out.log");
	memset(buf, 'x', sizeof(buf));
	for (i = 0; i < n; i++)
		if (write(fd, buf, (size_t)size) != size)
			die("write");
	close(fd);
	printf("WROTE %s %d %d\n", at("out.log"), n, size);
}

/* A port nothing listens on: bound, then closed. */
static int closed_port(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	int s = socket(AF_INET, SOCK_STREAM, 0);

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) ||
	    getsockname(s, (struct sockaddr *)&sa, &len))
		die("bind");
	close(s);
	return ntohs(sa.sin_port);
}

static void refused(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	struct pollfd pfd;
	socklen_t elen;
	int s, err = 0, port = closed_port();

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((uint16_t)port);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || !connect(s, (struct sockaddr *)&sa, sizeof(sa)) ||
	    errno != ECONNREFUSED)
		die("blocking connect was not refused");
	close(s);
	printf("REFUSED %d\n", port);

	/* non-blocking: EINPROGRESS (or refused at once), then SO_ERROR */
	s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (s < 0)
		die("socket");
	if (!connect(s, (struct sockaddr *)&sa, sizeof(sa)))
		die("non-blocking connect worked");
	if (errno == EINPROGRESS) {
		pfd.fd = s;
		pfd.events = POLLOUT;
		elen = sizeof(err);
		if (poll(&pfd, 1, 10000) != 1 ||
		    getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &elen))
			die("poll");
		errno = err;
	}
	if (errno != ECONNREFUSED)
		die("non-blocking connect was not refused");
	close(s);
	printf("REFUSED_ASYNC %d\n", port);
}

static void connected(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	int l = socket(AF_INET, SOCK_STREAM, 0), s, c;

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l < 0 || bind(l, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(l, 1) || getsockname(l, (struct sockaddr *)&sa, &len))
		die("listen");
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)))
		die("connect");
	c = accept(l, NULL, NULL);
	if (c < 0 || write(s, "hi", 2) != 2)
		die("accept");
	close(c);
	close(s);
	close(l);
	printf("CONNECTED %d\n", ntohs(sa.sin_port));
}

static void hostile(void)
{
	if (open(at("\033[2J\033]0;pwned\a\nx.conf"), O_RDONLY) >= 0)
		die("the hostile name exists");
	printf("HOSTILE\n");
}

int main(int argc, char **argv)
{
	const char *what = argc > 2 ? argv[2] : "";
	int n = argc > 3 ? atoi(argv[3]) : 0, status;

	if (argc < 3) {
		fprintf(stderr, "usage: findings_demo DIR WHAT [N [SIZE]]\n");
		return 2;
	}
	dir = argv[1];
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(what, "search")) {
		search();
	} else if (!strcmp(what, "missing")) {
		missing();
		return n;
	} else if (!strcmp(what, "created")) {
		created();
	} else if (!strcmp(what, "exit")) {
		return n;
	} else if (!strcmp(what, "fail-child") || !strcmp(what, "handled")) {
		static char exit_word[] = "exit";
		char *args[] = { exit_word, argv[3], NULL };

		status = child(argv[0], args, 0);
		printf("CHILD %d\n", WEXITSTATUS(status));
		return !strcmp(what, "handled") ? 0 : WEXITSTATUS(status);
	} else if (!strcmp(what, "crash") || !strcmp(what, "term")) {
		char *args[] = { NULL };

		status = child(argv[0], args,
			       !strcmp(what, "crash") ? SIGABRT : SIGTERM);
		printf("KILLED %d\n", WTERMSIG(status));
	} else if (!strcmp(what, "reopen")) {
		reopen(n);
	} else if (!strcmp(what, "tiny")) {
		tiny(n, argc > 4 ? atoi(argv[4]) : 1);
	} else if (!strcmp(what, "refused")) {
		refused();
		return n;
	} else if (!strcmp(what, "connected")) {
		connected();
	} else if (!strcmp(what, "hostile")) {
		hostile();
		return n;
	} else {
		fprintf(stderr, "findings_demo: unknown '%s'\n", what);
		return 2;
	}
	return 0;
}
