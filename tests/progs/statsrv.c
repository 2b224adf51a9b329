// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * statsrv DIR SECONDS: a small TCP server on 127.0.0.1 to attach to, busy
 * for SECONDS. The process that runs it first forks a client, which
 * connects every 10 ms and sends a line; the server accepts, reads it,
 * answers and closes. The server writes its port to DIR/port when it
 * listens, and the number of requests it served to DIR/served every 20
 * of them, so a test can see it keeps serving after a tracer detached.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void put(const char *dir, const char *name, unsigned long v)
{
	char path[4096], tmp[4200];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fp = fopen(tmp, "w");
	if (!fp)
		return;
	fprintf(fp, "%lu\n", v);
	fclose(fp);
	rename(tmp, path);
}

static void client(unsigned short port, time_t until)
{
	const struct timespec pause = { 0, 10000000 };
	struct sockaddr_in sa = { .sin_family = AF_INET,
				  .sin_port = htons(port) };
	char reply[64];

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	while (time(NULL) < until) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);

		if (fd >= 0 &&
		    connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
		    write(fd, "ping\n", 5) == 5 &&
		    read(fd, reply, sizeof(reply)) < 0)
			break;
		if (fd >= 0)
			close(fd);
		nanosleep(&pause, NULL);
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	unsigned long served = 0;
	time_t until;
	pid_t kid;
	int lfd, one = 1;

	if (argc != 3)
		return 2;
	until = time(NULL) + atoi(argv[2]);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0 ||
	    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 64) ||
	    getsockname(lfd, (struct sockaddr *)&sa, &len))
		return 1;
	kid = fork();
	if (kid == 0)
		client(ntohs(sa.sin_port), until);
	put(argv[1], "port", ntohs(sa.sin_port));
	while (time(NULL) < until) {
		struct pollfd p = { .fd = lfd, .events = POLLIN };
		char line[64];
		int fd;

		if (poll(&p, 1, 100) <= 0)
			continue;
		fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		if (read(fd, line, sizeof(line)) > 0 &&
		    write(fd, "pong\n", 5) == 5 && ++served % 20 == 0)
			put(argv[1], "served", served);
		close(fd);
	}
	kill(kid, SIGTERM);
	waitpid(kid, NULL, 0);
	return 0;
}
