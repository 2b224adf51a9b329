// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * netio: socket traffic the net analyzer must account for exactly, with
 * the figures computed from this program's own return values. Servers
 * run in threads on 127.0.0.1 and ::1 listeners this program opens.
 *
 *  - TCP over IPv4: send, sendmsg, and a write from a forked child on the
 *    inherited socket; the server answers with write; then a second,
 *    non-blocking connect to the same listener, a connection of its own;
 *  - TCP over IPv6: writev and readv, answered with send/recv;
 *  - UDP over IPv4, unconnected: sendto/recvfrom both ways;
 *  - UDP over IPv6, connected client: sendmmsg/recvmmsg both ways, the
 *    server replying to each message's msg_name;
 *  - a unix socketpair (local IPC, never network);
 *  - a connect refused by a closed port.
 *
 * Prints, one write(2) per line:
 *   SENT <n> / RECV <n>          network bytes moved by one call
 *   IPC_SENT <n> / IPC_RECV <n>  unix socket bytes
 *   CONNECT / ACCEPT             a connection made or accepted
 *   REFUSED <port>               the refused connect
 *   ROW <id> <proto> <dir> <peer> <sent> <recv>
 *                                bytes for a connection row; the lines of
 *                                one id add up
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
	char buf[256];
	int n = snprintf(buf, sizeof(buf), "netio: %s: %s\n", what,
			 strerror(errno));

	if (write(2, buf, (size_t)n) < 0)
		_exit(3);
	_exit(2);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof(line) || write(1, line, (size_t)n) != n)
		_exit(4);
}

/* "127.0.0.1:80" or "[::1]:80", as the analyzer formats peers. */
static void peer_str(const struct sockaddr *sa, char *out, size_t size)
{
	char addr[INET6_ADDRSTRLEN];

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;

		inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr));
		snprintf(out, size, "%s:%u", addr, ntohs(in->sin_port));
	} else {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr));
		snprintf(out, size, "[%s]:%u", addr, ntohs(in6->sin6_port));
	}
}

static int listener(int family, int type, struct sockaddr_storage *ss,
		    socklen_t *len)
{
	int s = socket(family, type | SOCK_CLOEXEC, 0);

	if (s < 0)
		die("socket");
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *in = (void *)ss;

		in->sin_family = AF_INET;
		in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		*len = sizeof(*in);
	} else {
		struct sockaddr_in6 *in6 = (void *)ss;

		in6->sin6_family = AF_INET6;
		in6->sin6_addr = in6addr_loopback;
		*len = sizeof(*in6);
	}
	if (bind(s, (struct sockaddr *)ss, *len))
		die("bind");
	if (type == SOCK_STREAM && listen(s, 8))
		die("listen");
	if (getsockname(s, (struct sockaddr *)ss, len))
		die("getsockname");
	return s;
}

/* Receive exactly len bytes with recv-family calls, saying each one. */
static size_t recv_all(int fd, size_t len, int how)
{
	char buf[4096];
	size_t got = 0;

	while (got < len) {
		size_t want = len - got < sizeof(buf) ? len - got : sizeof(buf);
		ssize_t n;

		if (how == 0) {
			n = read(fd, buf, want);
		} else if (how == 1) {
			n = recv(fd, buf, want, 0);
		} else if (how == 2) {
			struct iovec iov = { buf, want };
			struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

			n = recvmsg(fd, &mh, 0);
		} else {
			struct iovec iov[2] = { { buf, want / 2 },
						{ buf + want / 2,
						  want - want / 2 } };

			n = readv(fd, iov, 2);
		}
		if (n <= 0)
			die("recv");
		say("RECV %zd\n", n);
		got += (size_t)n;
	}
	return got;
}

static size_t send_buf(int fd, size_t len, int how)
{
	char buf[4096];
	ssize_t n;

	memset(buf, 'n', sizeof(buf));
	if (how == 0) {
		n = write(fd, buf, len);
	} else if (how == 1) {
		n = send(fd, buf, len, 0);
	} else if (how == 2) {
		struct iovec iov = { buf, len };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

		n = sendmsg(fd, &mh, 0);
	} else {
		struct iovec iov[2] = { { buf, 400 },
					{ buf + 400, len - 400 } };

		n = writev(fd, iov, 2);
	}
	if (n <= 0)
		die("send");
	say("SENT %zd\n", n);
	return (size_t)n;
}

/* ---- TCP over IPv4 -------------------------------------------------- */

static int tcp4_listener;

static void *tcp4_server(void *arg)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char peer[64];
	size_t in, out;
	int c;

	c = accept4(tcp4_listener, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
	if (c < 0)
		die("accept4");
	say("ACCEPT\n");
	in = recv_all(c, 1000 + 77 + 500, 1);
	out = send_buf(c, 2345, 0);
	peer_str((struct sockaddr *)&ss, peer, sizeof(peer));
	say("ROW a1 tcp4 accept %s %zu %zu\n", peer, out, in);
	close(c);

	/* the non-blocking client: accepted with plain accept, no data */
	len = sizeof(ss);
	c = accept(tcp4_listener, (struct sockaddr *)&ss, &len);
	if (c < 0)
		die("accept");
	say("ACCEPT\n");
	peer_str((struct sockaddr *)&ss, peer, sizeof(peer));
	say("ROW a2 tcp4 accept %s 0 0\n", peer);
	close(c);
	return arg;
}

static void tcp4(void)
{
	struct sockaddr_storage ss;
	socklen_t len;
	char peer[64];
	size_t out, in;
	pthread_t th;
	pid_t pid;
	int c, status, err;
	socklen_t elen = sizeof(err);
	struct pollfd pfd;

	tcp4_listener = listener(AF_INET, SOCK_STREAM, &ss, &len);
	peer_str((struct sockaddr *)&ss, peer, sizeof(peer));
	if (pthread_create(&th, NULL, tcp4_server, NULL))
		die("pthread_create");
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&ss, len))
		die("connect tcp4");
	say("CONNECT\n");
	out = send_buf(c, 1000, 1);
	/* the fd table is copied at fork: the child's write is ours too */
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		say("ROW c1 tcp4 connect %s %zu 0\n", peer, send_buf(c, 77, 0));
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || status)
		die("child");
	out += send_buf(c, 500, 2);
	in = recv_all(c, 2345, 0);
	say("ROW c1 tcp4 connect %s %zu %zu\n", peer, out, in);
	close(c);

	/* non-blocking: EINPROGRESS counts as a connection */
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c < 0)
		die("socket");
	if (connect(c, (struct sockaddr *)&ss, len) && errno != EINPROGRESS)
		die("connect non-blocking");
	say("CONNECT\n");
	/* a connection of its own, though to the same listener */
	say("ROW c2 tcp4 connect %s 0 0\n", peer);
	pfd.fd = c;
	pfd.events = POLLOUT;
	if (poll(&pfd, 1, 10000) != 1 ||
	    getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &elen) || err)
		die("non-blocking connect did not complete");
	if (pthread_join(th, NULL))
		die("pthread_join");
	close(c);
	close(tcp4_listener);
}

/* ---- TCP over IPv6 -------------------------------------------------- */

static int tcp6_listener;

static void *tcp6_server(void *arg)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char peer[64];
	size_t in, out;
	int c;

	c = accept(tcp6_listener, (struct sockaddr *)&ss, &len);
	if (c < 0)
		die("accept tcp6");
	say("ACCEPT\n");
	in = recv_all(c, 1000, 3);
	out = send_buf(c, 123, 1);
	peer_str((struct sockaddr *)&ss, peer, sizeof(peer));
	say("ROW a3 tcp6 accept %s %zu %zu\n", peer, out, in);
	close(c);
	return arg;
}

static void tcp6(void)
{
	struct sockaddr_storage ss;
	socklen_t len;
	char peer[64];
	size_t out, in;
	pthread_t th;
	int c;

	tcp6_listener = listener(AF_INET6, SOCK_STREAM, &ss, &len);
	peer_str((struct sockaddr *)&ss, peer, sizeof(peer));
	if (pthread_create(&th, NULL, tcp6_server, NULL))
		die("pthread_create");
	c = socket(AF_INET6, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&ss, len))
		die("connect tcp6");
	say("CONNECT\n");
	out = send_buf(c, 1000, 3);
	in = recv_all(c, 123, 1);
	say("ROW c3 tcp6 connect %s %zu %zu\n", peer, out, in);
	if (pthread_join(th, NULL))
		die("pthread_join");
	close(c);
	close(tcp6_listener);
}

/* ---- UDP over IPv4, unconnected ------------------------------------- */

static void udp4(void)
{
	struct sockaddr_storage srv, from;
	socklen_t len, flen;
	char buf[1024], speer[64], cpeer[64];
	ssize_t n;
	int s, c;

	s = listener(AF_INET, SOCK_DGRAM, &srv, &len);
	peer_str((struct sockaddr *)&srv, speer, sizeof(speer));
	c = socket(AF_INET, SOCK_DGRAM, 0);
	if (c < 0)
		die("socket udp4");
	memset(buf, 'u', sizeof(buf));
	n = sendto(c, buf, 300, 0, (struct sockaddr *)&srv, len);
	if (n != 300)
		die("sendto");
	say("SENT %zd\n", n);
	flen = sizeof(from);
	n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	if (n != 300)
		die("recvfrom");
	say("RECV %zd\n", n);
	peer_str((struct sockaddr *)&from, cpeer, sizeof(cpeer));
	n = sendto(s, buf, 400, 0, (struct sockaddr *)&from, flen);
	if (n != 400)
		die("sendto back");
	say("SENT %zd\n", n);
	say("ROW u1 udp4 accept %s 400 300\n", cpeer);
	flen = sizeof(from);
	n = recvfrom(c, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	if (n != 400)
		die("recvfrom back");
	say("RECV %zd\n", n);
	say("ROW u2 udp4 sendto %s 300 400\n", speer);
	close(c);
	close(s);
}

/* ---- UDP over IPv6, connected client, sendmmsg/recvmmsg ------------- */

static void udp6(void)
{
	static const unsigned sizes[3] = { 100, 200, 300 };
	static const unsigned back[2] = { 50, 70 };
	struct sockaddr_storage srv, from[3];
	struct mmsghdr mm[3];
	struct iovec iov[3];
	char bufs[3][512], speer[64], cpeer[64];
	size_t out = 0, in = 0;
	socklen_t len;
	int s, c, i, got, n;

	s = listener(AF_INET6, SOCK_DGRAM, &srv, &len);
	peer_str((struct sockaddr *)&srv, speer, sizeof(speer));
	c = socket(AF_INET6, SOCK_DGRAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&srv, len))
		die("connect udp6");
	say("CONNECT\n");

	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 3; i++) {
		memset(bufs[i], 'm', sizeof(bufs[i]));
		iov[i].iov_base = bufs[i];
		iov[i].iov_len = sizes[i];
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	n = sendmmsg(c, mm, 3, 0);
	if (n != 3)
		die("sendmmsg");
	for (i = 0; i < n; i++) {
		say("SENT %u\n", mm[i].msg_len);
		out += mm[i].msg_len;
	}

	/* the server: each message says who sent it */
	for (got = 0; got < 3; got += n) {
		memset(mm, 0, sizeof(mm));
		for (i = 0; i < 3 - got; i++) {
			iov[i].iov_base = bufs[i];
			iov[i].iov_len = sizeof(bufs[i]);
			mm[i].msg_hdr.msg_iov = &iov[i];
			mm[i].msg_hdr.msg_iovlen = 1;
			mm[i].msg_hdr.msg_name = &from[i];
			mm[i].msg_hdr.msg_namelen = sizeof(from[i]);
		}
		n = recvmmsg(s, mm, (unsigned)(3 - got), 0, NULL);
		if (n <= 0)
			die("recvmmsg");
		for (i = 0; i < n; i++) {
			say("RECV %u\n", mm[i].msg_len);
			in += mm[i].msg_len;
		}
	}
	peer_str((struct sockaddr *)&from[0], cpeer, sizeof(cpeer));
	say("ROW u3 udp6 accept %s 0 %zu\n", cpeer, in);

	/* replies go to msg_name: the server socket is not connected */
	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 2; i++) {
		iov[i].iov_base = bufs[i];
		iov[i].iov_len = back[i];
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
		mm[i].msg_hdr.msg_name = &from[0];
		mm[i].msg_hdr.msg_namelen = sizeof(struct sockaddr_in6);
	}
	n = sendmmsg(s, mm, 2, 0);
	if (n != 2)
		die("sendmmsg back");
	for (i = 0; i < n; i++) {
		say("SENT %u\n", mm[i].msg_len);
		say("ROW u3 udp6 accept %s %u 0\n", cpeer, mm[i].msg_len);
	}

	for (got = 0; got < 2; got += n) {
		memset(mm, 0, sizeof(mm));
		for (i = 0; i < 2 - got; i++) {
			iov[i].iov_base = bufs[i];
			iov[i].iov_len = sizeof(bufs[i]);
			mm[i].msg_hdr.msg_iov = &iov[i];
			mm[i].msg_hdr.msg_iovlen = 1;
		}
		n = recvmmsg(c, mm, (unsigned)(2 - got), 0, NULL);
		if (n <= 0)
			die("recvmmsg back");
		for (i = 0; i < n; i++) {
			say("RECV %u\n", mm[i].msg_len);
			say("ROW u4 udp6 connect %s 0 %u\n", speer,
			    mm[i].msg_len);
		}
	}
	say("ROW u4 udp6 connect %s %zu 0\n", speer, out);
	close(c);
	close(s);
}

/* ---- local IPC and a refused connect -------------------------------- */

static void ipc(void)
{
	char buf[256];
	int sv[2];
	ssize_t n;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		die("socketpair");
	memset(buf, 'i', sizeof(buf));
	n = write(sv[0], buf, 111);
	if (n != 111)
		die("write unix");
	say("IPC_SENT %zd\n", n);
	n = read(sv[1], buf, sizeof(buf));
	if (n != 111)
		die("read unix");
	say("IPC_RECV %zd\n", n);
	close(sv[0]);
	close(sv[1]);
}

static void refused(void)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int s, c;

	/* a port that was just free: nobody listens there */
	s = listener(AF_INET, SOCK_DGRAM, &ss, &len);
	close(s);
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0)
		die("socket");
	if (!connect(c, (struct sockaddr *)&ss, len) || errno != ECONNREFUSED)
		die("connect to a closed port");
	say("REFUSED %u\n", ntohs(((struct sockaddr_in *)&ss)->sin_port));
	close(c);
}

int main(void)
{
	tcp4();
	tcp6();
	udp4();
	udp6();
	ipc();
	refused();
	return 0;
}
