// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * tcp_loop N SIZE: a server process on 127.0.0.1 (ephemeral port) and a
 * client; the client sends N messages of SIZE bytes, each in its own
 * write, and the server echoes each back (TCP_NODELAY): a request/response
 * protocol moving data in small writes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int full(int fd, char *buf, size_t len, int wr)
{
	size_t done = 0;

	while (done < len) {
		ssize_t r = wr ? write(fd, buf + done, len - done) :
				 read(fd, buf + done, len - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += (size_t)r;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	long i, n = argc > 1 ? atol(argv[1]) : 2000;
	size_t size = argc > 2 ? (size_t)atol(argv[2]) : 64;
	int ls, fd, one = 1, st;
	char buf[65536];
	pid_t pid;

	if (size < 1 || size > sizeof(buf))
		return 2;
	memset(buf, 'q', size);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ls = socket(AF_INET, SOCK_STREAM, 0);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(ls, 1) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sa, &len) < 0) {
		perror("tcp_loop: listen");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("tcp_loop: fork");
		return 1;
	}
	if (pid == 0) {
		fd = accept(ls, NULL, NULL);
		if (fd < 0)
			_exit(1);
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		for (i = 0; i < n; i++)
			if (full(fd, buf, size, 0) || full(fd, buf, size, 1))
				_exit(1);
		_exit(0);
	}
	close(ls);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("tcp_loop: connect");
		return 1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	for (i = 0; i < n; i++)
		if (full(fd, buf, size, 1) || full(fd, buf, size, 0)) {
			perror("tcp_loop: transfer");
			return 1;
		}
	close(fd);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "tcp_loop: the server failed\n");
		return 1;
	}
	return 0;
}
