// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * sockaddrs DIR: bind and connect unix sockets (a path in DIR and an
 * abstract name), an IPv4 and an IPv6 UDP socket to loopback, and bind a
 * netlink socket, so the decoder meets every address family it knows.
 * Prints "FAMILY <fd> <address>" lines for the test to find.
 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_un un;
	struct sockaddr_in in4;
	struct sockaddr_in6 in6;
	struct sockaddr_nl nl;
	socklen_t len;
	int srv, cli, fd;

	if (argc != 2)
		return 2;
	/* a named unix socket */
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	snprintf(un.sun_path, sizeof(un.sun_path), "%s/sock", argv[1]);
	srv = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(srv, (struct sockaddr *)&un, sizeof(un)) < 0 ||
	    listen(srv, 1) < 0)
		return 3;
	cli = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(cli, (struct sockaddr *)&un, sizeof(un)) < 0)
		return 4;
	printf("UNIX %d %s\n", cli, un.sun_path);
	close(cli);
	close(srv);

	/* an abstract one: the name starts with a NUL */
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	memcpy(un.sun_path, "\0cpd-abstract", 13);
	len = offsetof(struct sockaddr_un, sun_path) + 13;
	srv = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (bind(srv, (struct sockaddr *)&un, len) < 0)
		return 5;
	cli = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (connect(cli, (struct sockaddr *)&un, len) < 0)
		return 6;
	printf("ABSTRACT %d @cpd-abstract\n", cli);
	close(cli);
	close(srv);

	/* UDP "connections" to loopback: no listener needed */
	memset(&in4, 0, sizeof(in4));
	in4.sin_family = AF_INET;
	in4.sin_port = htons(9);
	in4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (connect(fd, (struct sockaddr *)&in4, sizeof(in4)) < 0)
		return 7;
	printf("INET %d 127.0.0.1:9\n", fd);
	close(fd);
	memset(&in6, 0, sizeof(in6));
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(9);
	in6.sin6_addr = in6addr_loopback;
	fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&in6, sizeof(in6)) == 0)
		printf("INET6 %d [::1]:9\n", fd);
	if (fd >= 0)
		close(fd);

	memset(&nl, 0, sizeof(nl));
	nl.nl_family = AF_NETLINK;
	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&nl, sizeof(nl)) < 0)
		return 8;
	printf("NETLINK %d netlink:0\n", fd);
	close(fd);
	return 0;
}
