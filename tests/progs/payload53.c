// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * payload53: moves known bytes through every kind of data call on
 * sockets of port 53 of 127.0.0.1 (UDP and TCP, both ends its own), and
 * some to port 54 that no rule wants. For each call that moved bytes on a
 * port-53 socket it prints "CALL HEX" (what moved, whole), so a test can
 * compare what the engines captured for a payload rule with what went
 * over the wire. Run it in a network namespace of its own: it binds 53.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void said(const char *call, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t i;

	printf("%s ", call);
	for (i = 0; i < len; i++)
		printf("%02x", p[i]);
	putchar('\n');
}

/* An iovec of a constant: sendmsg and writev do not write to it. */
static struct iovec cv(const char *s, size_t len)
{
	return (struct iovec){ (void *)(uintptr_t)s, len };
}

static struct sockaddr_in at(unsigned short port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int bound(int type, unsigned short port)
{
	struct sockaddr_in a = at(port);
	int one = 1, fd = socket(AF_INET, type, 0);

	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("bind");
	return fd;
}

/* A message of n bytes that says which it is. */
static char *msg(const char *tag, size_t n)
{
	char *m = malloc(n);
	size_t i, t = strlen(tag);

	if (!m)
		die("malloc");
	for (i = 0; i < n; i++)
		m[i] = i < t ? tag[i] : (char)('a' + i % 26);
	return m;
}

static void udp(void)
{
	struct sockaddr_in to = at(53), other = at(54), from;
	socklen_t fromlen = sizeof(from);
	int srv = bound(SOCK_DGRAM, 53), far = bound(SOCK_DGRAM, 54);
	int c = socket(AF_INET, SOCK_DGRAM, 0);
	char buf[8192], a[16], b[16], *big = msg("big-sendto", 7000);
	struct iovec iov[2];
	struct mmsghdr mm[2];
	struct msghdr mh;
	ssize_t n;

	if (c < 0)
		die("socket");
	/* no rule for 54: nothing captured of these */
	if (sendto(c, "not-for-us", 10, 0, (struct sockaddr *)&other,
		   sizeof(other)) != 10 ||
	    recv(far, buf, sizeof(buf), 0) != 10)
		die("port 54");

	/* unconnected: the address names the port */
	if (sendto(c, "alpha-sendto", 12, 0, (struct sockaddr *)&to,
		   sizeof(to)) != 12)
		die("sendto");
	said("sendto", "alpha-sendto", 12);
	n = recvfrom(srv, buf, sizeof(buf), 0, (struct sockaddr *)&from,
		     &fromlen);
	if (n != 12)
		die("recvfrom");
	said("recvfrom", buf, (size_t)n);

	/* longer than any copy keeps */
	if (sendto(c, big, 7000, 0, (struct sockaddr *)&to, sizeof(to)) != 7000)
		die("sendto big");
	said("sendto", big, 7000);
	n = recv(srv, buf, sizeof(buf), 0);
	if (n != 7000)
		die("recv big");
	said("recvfrom", buf, (size_t)n);

	/* connected: the socket's peer is port 53 */
	if (connect(c, (struct sockaddr *)&to, sizeof(to)) < 0)
		die("connect");
	if (write(c, "bravo-write", 11) != 11)
		die("write");
	said("write", "bravo-write", 11);
	n = read(srv, buf, sizeof(buf));
	if (n != 11)
		die("read");
	said("read", buf, (size_t)n);

	iov[0] = cv("charlie-", 8);
	iov[1] = cv("sendmsg", 7);
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	if (sendmsg(c, &mh, 0) != 15)
		die("sendmsg");
	said("sendmsg", "charlie-sendmsg", 15);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	iov[0] = (struct iovec){ a, 5 };
	iov[1] = (struct iovec){ b, sizeof(b) };
	n = recvmsg(srv, &mh, 0);
	if (n != 15)
		die("recvmsg");
	memcpy(buf, a, 5);
	memcpy(buf + 5, b, 10);
	said("recvmsg", buf, 15);

	memset(mm, 0, sizeof(mm));
	iov[0] = cv("delta-1", 7);
	iov[1] = cv("delta-22", 8);
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	if (sendmmsg(c, mm, 2, 0) != 2)
		die("sendmmsg");
	said("sendmmsg", "delta-1", 7);
	said("sendmmsg", "delta-22", 8);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	iov[0] = (struct iovec){ a, sizeof(a) };
	iov[1] = (struct iovec){ b, sizeof(b) };
	if (recvmmsg(srv, mm, 2, MSG_WAITFORONE, NULL) != 2)
		die("recvmmsg");
	said("recvmmsg", a, mm[0].msg_len);
	said("recvmmsg", b, mm[1].msg_len);

	iov[0] = cv("echo-", 5);
	iov[1] = cv("writev", 6);
	if (writev(c, iov, 2) != 11)
		die("writev");
	said("writev", "echo-writev", 11);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	iov[0] = (struct iovec){ a, 3 };
	iov[1] = (struct iovec){ b, sizeof(b) };
	if (readv(srv, iov, 2) != 11)
		die("readv");
	memcpy(buf, a, 3);
	memcpy(buf + 3, b, 8);
	said("readv", buf, 11);

	free(big);
	close(c);
	close(srv);
	close(far);
}

static void tcp(void)
{
	struct sockaddr_in to = at(53);
	int l = bound(SOCK_STREAM, 53), c = socket(AF_INET, SOCK_STREAM, 0), s;
	char *big = msg("foxtrot-tcp", 5000), *buf = malloc(5000);
	size_t got = 0;
	ssize_t n;

	if (c < 0 || !buf)
		die("socket");
	if (listen(l, 1) < 0 ||
	    connect(c, (struct sockaddr *)&to, sizeof(to)) < 0)
		die("listen, connect");
	s = accept(l, NULL, NULL);
	if (s < 0)
		die("accept");
	/* past a page of the kernel side's copies: it comes in pieces */
	if (send(c, big, 5000, 0) != 5000)
		die("send");
	said("sendto", big, 5000);
	while (got < 5000) {
		n = recv(s, buf + got, 5000 - got, 0);
		if (n <= 0)
			die("recv");
		said("recvfrom", buf + got, (size_t)n);
		got += (size_t)n;
	}
	free(big);
	free(buf);
	close(s);
	close(c);
	close(l);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	udp();
	tcp();
	return 0;
}
