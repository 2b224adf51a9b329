// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A loopback echo server and its client, separate processes, so that a
 * tracer can attach to a server that is already busy:
 *
 *   echo serve PORTFILE        listen on 127.0.0.1 (ephemeral port), write
 *                              the port to PORTFILE, echo every
 *                              connection in a thread of its own, until
 *                              killed
 *   echo client PORT N SIZE    N round trips of SIZE bytes (TCP_NODELAY),
 *                              then print "ECHO <bytes sent> <ns> <port>"
 *                              (its own port)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int echo_full(int fd, char *buf, size_t len, int wr)
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

static void *echo_conn(void *arg)
{
	int fd = (int)(long)arg, one = 1;
	static __thread char buf[65536];
	ssize_t n;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (echo_full(fd, buf, (size_t)n, 1))
			break;
	close(fd);
	return NULL;
}

static int echo_serve(const char *portfile)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	pthread_t th;
	int ls, fd;
	FILE *fp;

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(ls, 8) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sa, &len) < 0) {
		perror("echo: listen");
		return 1;
	}
	fp = fopen(portfile, "w");
	if (!fp || fprintf(fp, "%u\n", ntohs(sa.sin_port)) < 0 || fclose(fp)) {
		perror("echo: port file");
		return 1;
	}
	for (;;) {
		fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EINTR)
				continue;
			perror("echo: accept");
			return 1;
		}
		if (pthread_create(&th, NULL, echo_conn, (void *)(long)fd)) {
			close(fd);
			continue;
		}
		pthread_detach(th);
	}
}

static int echo_client(int port, long n, size_t size)
{
	struct sockaddr_in sa = { .sin_family = AF_INET }, me;
	socklen_t melen = sizeof(me);
	struct timespec t0, t1;
	char buf[65536];
	int fd, one = 1;
	long i;

	if (size < 1 || size > sizeof(buf) || port <= 0 || port > 65535)
		return 2;
	memset(buf, 'e', size);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons((unsigned short)port);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("echo: connect");
		return 1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		if (echo_full(fd, buf, size, 1) ||
		    echo_full(fd, buf, size, 0)) {
			perror("echo: transfer");
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (getsockname(fd, (struct sockaddr *)&me, &melen) < 0)
		me.sin_port = 0;
	close(fd);
	printf("ECHO %lld %lld %u\n", (long long)n * (long long)size,
	       (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL +
		       (t1.tv_nsec - t0.tv_nsec),
	       ntohs(me.sin_port));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "serve"))
		return echo_serve(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "client"))
		return echo_client(atoi(argv[2]), atol(argv[3]),
				   (size_t)atol(argv[4]));
	fprintf(stderr,
		"usage: echo serve PORTFILE | echo client PORT N SIZE\n");
	return 2;
}
