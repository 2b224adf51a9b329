// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The net analyzer (plugins/analyzers/net.c) against the fake host: loopback by
 * address range, connect outcomes (non-blocking ones too), the byte
 * buckets (loopback is network, counted again apart), a row per connect,
 * sendmmsg/recvmmsg byte counts read from tracee memory (and when that
 * memory is unreadable or lies), and the exact report schema.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

static struct fake_host *start(bool verbose, const char *hide_loopback)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "net");

	fake_host_run_info(fh)->verbose = verbose;
	if (hide_loopback)
		fake_host_set(fh, "hide_loopback", hide_loopback);
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

/* An address from its text: "1.2.3.4" or "::1"; port in host order. */
static struct cpd_sockaddr sa_of(const char *text, uint16_t port)
{
	struct cpd_sockaddr sa;

	memset(&sa, 0, sizeof(sa));
	sa.port = port;
	if (inet_pton(AF_INET, text, sa.addr) == 1)
		sa.family = AF_INET;
	else if (inet_pton(AF_INET6, text, sa.addr) == 1)
		sa.family = AF_INET6;
	return sa;
}

static struct cpd_sockaddr sa_unix(const char *path)
{
	struct cpd_sockaddr sa;

	memset(&sa, 0, sizeof(sa));
	sa.family = AF_UNIX;
	sa.path.ptr = path;
	sa.path.len = path ? (uint32_t)strlen(path) : 0;
	return sa;
}

/* Make argument i of sc a socket fd with these endpoints. */
static void sock_arg(struct fake_syscall *sc, unsigned i, int fd, int family,
		     int type, const struct cpd_sockaddr *local,
		     const struct cpd_sockaddr *peer)
{
	fake_syscall_fd(sc, i, fd, CPD_FD_SOCKET, NULL);
	sc->fd[i].sock_family = (uint16_t)family;
	sc->fd[i].sock_type = (uint32_t)type;
	if (local)
		sc->fd[i].local = *local;
	else
		sc->fd[i].local.family = (uint16_t)family;
	if (peer)
		sc->fd[i].peer = *peer;
}

static int feed_connect_fd(struct fake_host *fh, int fd, int type,
			   const struct cpd_sockaddr *to, int64_t ret)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, "connect", ret);
	sock_arg(&sc, 0, fd, to->family, type, NULL, NULL);
	fake_syscall_sockaddr(&sc, 1, to);
	return fake_host_feed(fh, &sc.ev);
}

static int feed_connect(struct fake_host *fh, int type,
			const struct cpd_sockaddr *to, int64_t ret)
{
	return feed_connect_fd(fh, 3, type, to, ret);
}

/* name(fd, ...) = ret on a connected socket to peer. */
static int feed_io(struct fake_host *fh, const char *name, int type,
		   const struct cpd_sockaddr *peer, int64_t ret)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, name, ret);
	sock_arg(&sc, 0, 3, peer->family, type, NULL, peer);
	return fake_host_feed(fh, &sc.ev);
}

static const struct cpd_event *last_net(struct fake_host *fh)
{
	size_t n = fake_host_count(fh, CPD_EV_NET);

	return n ? fake_host_nth(fh, CPD_EV_NET, n - 1) : NULL;
}

static uint64_t kv(struct fake_host *fh, const char *topic, size_t nth,
		   const char *key)
{
	const struct cpd_event *r = fake_host_report(fh, topic, nth);
	const struct cpd_kv *k = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(k);
	return k ? k->v.u64 : UINT64_MAX;
}

static const char *kv_str(struct fake_host *fh, const char *topic, size_t nth,
			  const char *key)
{
	const struct cpd_event *r = fake_host_report(fh, topic, nth);
	const struct cpd_kv *k = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(k);
	return k && k->type == CPD_KV_STR ? k->v.str.ptr : "";
}

/* By value, not by text: 127/8, ::1, ::ffff:127/104, nothing else. */
static void test_loopback_ranges(void)
{
	static const struct {
		const char *addr;
		bool loopback;
	} cases[] = {
		{ "127.0.0.1", true },
		{ "127.0.0.53", true },
		{ "127.255.255.254", true },
		{ "128.0.0.1", false },
		{ "10.127.0.1", false },
		{ "1.127.0.0", false },
		{ "93.184.216.34", false },
		{ "::1", true },
		{ "::2", false },
		{ "::ffff:127.0.0.1", true },
		{ "::ffff:127.1.2.3", true },
		{ "::ffff:10.0.0.1", false },
		{ "::127.0.0.1", false },
		{ "fe80::1", false },
		{ "2001:db8::1", false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fake_host *fh = start(false, NULL);
		struct cpd_sockaddr to = sa_of(cases[i].addr, 80);
		const struct cpd_event *ev;

		CU_ASSERT_NOT_EQUAL_FATAL(to.family, 0);
		feed_connect(fh, SOCK_STREAM, &to, 0);
		ev = last_net(fh);
		CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
		if (!!(ev->u.net.flags & CPD_NETF_LOOPBACK) !=
		    cases[i].loopback) {
			CU_FAIL("loopback misjudged");
			fprintf(stderr, "  %s\n", cases[i].addr);
		}
		fake_host_free(fh);
	}
}

static void test_connect_outcomes(void)
{
	struct fake_host *fh = start(false, "no");
	struct cpd_sockaddr to = sa_of("192.0.2.1", 443), unspec;
	struct fake_syscall sc;

	feed_connect(fh, SOCK_STREAM, &to, -EINPROGRESS);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_CONNECT);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags, CPD_NETF_INPROGRESS);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 443);
	/* the same non-blocking connect, asked again: no second connection */
	feed_connect(fh, SOCK_STREAM, &to, -EALREADY);
	feed_connect(fh, SOCK_STREAM, &to, -EISCONN);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 1);
	/* a blocking connect that fails on another socket */
	feed_connect_fd(fh, 4, SOCK_STREAM, &to, -ECONNREFUSED);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_CONNECT_FAILED);
	CPD_ASSERT_INT_EQ(last_net(fh)->u.net.err, ECONNREFUSED);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags, 0);
	/* AF_UNSPEC dissolves a UDP association; no address, no event */
	memset(&unspec, 0, sizeof(unspec));
	feed_connect(fh, SOCK_DGRAM, &unspec, 0);
	fake_syscall_init(&sc, 1, "connect", 0);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, NULL);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 2);
	/* UDP connects count too */
	feed_connect(fh, SOCK_DGRAM, &to, 0);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "connections"), 2);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "proto"), "tcp4");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "proto"), "udp4");
	fake_host_free(fh);
}

/*
 * A non-blocking connect is pending until the program learns how it
 * went: getsockopt(SO_ERROR), a failing read or write, or connect again.
 * A failure then is a CONNECT_FAILED flagged INPROGRESS, and the
 * connection is no longer counted or listed.
 */
static void test_connect_async(void)
{
	struct cpd_sockaddr to = sa_of("192.0.2.1", 443);
	struct cpd_sockaddr ok = sa_of("192.0.2.2", 80);
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;
	/* the values the core decoded: the analyzer reads no memory */
	struct cpd_sockopt refused = { 4, CPD_SOCKOPTF_INT, ECONNREFUSED };
	struct cpd_sockopt fine = { 4, CPD_SOCKOPTF_INT, 0 };
	const struct cpd_event *ev;

	/* 1: getsockopt says it was refused */
	feed_connect_fd(fh, 3, SOCK_STREAM, &to, -EINPROGRESS);
	fake_syscall_init(&sc, 1, "getsockopt", 0);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &to);
	fake_syscall_raw(&sc, 1, SOL_SOCKET);
	fake_syscall_raw(&sc, 2, SO_ERROR);
	fake_syscall_raw(&sc, 3, 0x30000);
	sc.ev.u.syscall.argdata[3].sockopt = &refused;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 2);
	ev = last_net(fh);
	CPD_ASSERT_UINT_EQ(ev->u.net.op, CPD_NET_CONNECT_FAILED);
	CPD_ASSERT_INT_EQ(ev->u.net.err, ECONNREFUSED);
	CPD_ASSERT_UINT_EQ(ev->u.net.flags, CPD_NETF_INPROGRESS);
	CPD_ASSERT_UINT_EQ(ev->u.net.peer.port, 443);
	CPD_ASSERT_INT_EQ(ev->u.net.fd, 3);
	CPD_ASSERT_STR_EQ(ev->u.net.syscall.ptr, "getsockopt");
	/* asked again: said once */
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 2);

	/* 2: getsockopt says 0: connected, and its traffic is its own */
	feed_connect_fd(fh, 5, SOCK_STREAM, &ok, -EINPROGRESS);
	fake_syscall_init(&sc, 1, "getsockopt", 0);
	sock_arg(&sc, 0, 5, AF_INET, SOCK_STREAM, NULL, &ok);
	fake_syscall_raw(&sc, 1, SOL_SOCKET);
	fake_syscall_raw(&sc, 2, SO_ERROR);
	fake_syscall_raw(&sc, 3, 0x30004);
	sc.ev.u.syscall.argdata[3].sockopt = &fine;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 3);
	/* a later failing read is a failed read, not a failed connect */
	fake_syscall_init(&sc, 1, "read", -ECONNREFUSED);
	sock_arg(&sc, 0, 5, AF_INET, SOCK_STREAM, NULL, &ok);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 3);

	/* 3: the first write fails: that was the connect's answer */
	feed_connect_fd(fh, 6, SOCK_STREAM, &to, -EINPROGRESS);
	fake_syscall_init(&sc, 1, "write", -EAGAIN);
	sock_arg(&sc, 0, 6, AF_INET, SOCK_STREAM, NULL, &to);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 4);
	fake_syscall_init(&sc, 1, "write", -ETIMEDOUT);
	sock_arg(&sc, 0, 6, AF_INET, SOCK_STREAM, NULL, &to);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 5);
	CPD_ASSERT_INT_EQ(last_net(fh)->u.net.err, ETIMEDOUT);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags, CPD_NETF_INPROGRESS);

	/* 4: connect again on the pending socket gives the answer */
	feed_connect_fd(fh, 7, SOCK_STREAM, &to, -EINPROGRESS);
	feed_connect_fd(fh, 7, SOCK_STREAM, &to, -ECONNREFUSED);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 7);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags, CPD_NETF_INPROGRESS);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	/* only the one that worked */
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "connections"), 1);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "192.0.2.2:80");
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "net.connections", 1));
	fake_host_free(fh);
}

/* Each connect is a connection of its own, even to the same server. */
static void test_repeated_connects(void)
{
	struct cpd_sockaddr srv = sa_of("127.0.0.1", 8000);
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;

	feed_connect_fd(fh, 3, SOCK_STREAM, &srv, 0);
	feed_connect_fd(fh, 4, SOCK_STREAM, &srv, 0);
	/* traffic goes to the connection its fd made, in any order */
	fake_syscall_init(&sc, 1, "write", 10);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &srv);
	fake_host_feed(fh, &sc.ev);
	fake_syscall_init(&sc, 1, "read", 2000);
	sock_arg(&sc, 0, 4, AF_INET, SOCK_STREAM, NULL, &srv);
	fake_host_feed(fh, &sc.ev);
	/* fd 3 closed and made again for a third connect */
	feed_connect_fd(fh, 3, SOCK_STREAM, &srv, 0);
	fake_syscall_init(&sc, 1, "read", 300);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &srv);
	fake_host_feed(fh, &sc.ev);
	/* another process with the socket inherited: the newest */
	fake_syscall_init(&sc, 2, "read", 4);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &srv);
	fake_host_feed(fh, &sc.ev);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "connections"), 3);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "sent_bytes"), 10);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "recv_bytes"), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 1, "recv_bytes"), 2000);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 2, "recv_bytes"), 304);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 2, "scope"),
			  "loopback");
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "net.connections", 3));
	fake_host_free(fh);
}

/*
 * Each byte in one bucket: network (loopback included, and counted again
 * apart) or local IPC.
 */
static void test_buckets(void)
{
	struct cpd_sockaddr far = sa_of("198.51.100.7", 80);
	struct cpd_sockaddr lo = sa_of("::1", 8080);
	struct cpd_sockaddr un = sa_unix("/run/x.sock");
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;

	feed_io(fh, "write", SOCK_STREAM, &far, 100);
	feed_io(fh, "read", SOCK_STREAM, &far, 1000);
	feed_io(fh, "sendto", SOCK_STREAM, &lo, 7);
	feed_io(fh, "recvfrom", SOCK_STREAM, &lo, 9);
	feed_io(fh, "writev", SOCK_STREAM, &un, 11);
	feed_io(fh, "readv", SOCK_STREAM, &un, 13);
	/* the network ones are published, loopback too: not unix */
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 4);
	CPD_ASSERT_UINT_EQ(fake_host_nth(fh, CPD_EV_NET, 2)->u.net.flags,
			   CPD_NETF_LOOPBACK);
	/* a file read is not the net analyzer's */
	fake_syscall_init(&sc, 1, "read", 50);
	fake_syscall_fd(&sc, 0, 4, CPD_FD_FILE, "/etc/hosts");
	fake_host_feed(fh, &sc.ev);
	/* a zero-byte read is EOF, not traffic */
	feed_io(fh, "read", SOCK_STREAM, &far, 0);
	/* sendfile into a socket, splice out of one */
	fake_syscall_init(&sc, 1, "sendfile", 30);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &far);
	fake_syscall_fd(&sc, 1, 4, CPD_FD_FILE, "/srv/f");
	fake_host_feed(fh, &sc.ev);
	fake_syscall_init(&sc, 1, "splice", 40);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, &far);
	fake_syscall_fd(&sc, 2, 5, CPD_FD_PIPE, NULL);
	fake_host_feed(fh, &sc.ev);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "sent_bytes"), 137);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "recv_bytes"), 1049);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "loopback_sent_bytes"), 7);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "loopback_recv_bytes"), 9);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "ipc_sent_bytes"), 11);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "ipc_recv_bytes"), 13);
	/* network rows, loopback marked; unix ones only with -v */
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "198.51.100.7:80");
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "sent_bytes"), 130);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "recv_bytes"), 1040);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "scope"), "network");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "peer"),
			  "[::1]:8080");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "scope"),
			  "loopback");
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "net.connections", 2));
	fake_host_free(fh);

	/* hide_loopback: off the stream, counted and listed all the same */
	fh = start(false, "yes");
	feed_io(fh, "sendto", SOCK_STREAM, &lo, 7);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 0);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "sent_bytes"), 7);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "loopback_sent_bytes"), 7);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "[::1]:8080");
	fake_host_free(fh);

	/* -v: everything published, flagged, and listed */
	fh = start(true, "yes");
	feed_io(fh, "sendto", SOCK_STREAM, &lo, 7);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags,
			   CPD_NETF_LOOPBACK | CPD_NETF_HIDDEN);
	feed_io(fh, "writev", SOCK_STREAM, &un, 11);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags,
			   CPD_NETF_LOCAL_IPC | CPD_NETF_HIDDEN);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "[::1]:8080");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "proto"), "tcp6");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "peer"),
			  "/run/x.sock");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "proto"), "unix");
	fake_host_free(fh);
}

/* Argument 1 of sc: the n messages the core decoded, kept in *ms. */
static void msgs_arg(struct fake_syscall *sc, struct cpd_msgs *ms,
		     const struct cpd_msg *msg, uint32_t n)
{
	memset(ms, 0, sizeof(*ms));
	ms->count = n;
	ms->msg = msg;
	sc->ev.u.syscall.argdata[1].msgs = ms;
}

/* The bytes are each message's msg_len, as the core decoded them. */
static void test_mmsg(void)
{
	struct cpd_sockaddr dns = sa_of("192.0.2.53", 53);
	struct fake_host *fh = start(false, NULL);
	struct cpd_msg v[3];
	struct cpd_msgs ms;
	struct fake_syscall sc;

	memset(v, 0, sizeof(v));
	v[0].len = 30;
	v[1].len = 45;
	v[2].len = 1000;

	fake_syscall_init(&sc, 1, "sendmmsg", 2);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, &dns);
	fake_syscall_raw(&sc, 1, 0x10000);
	fake_syscall_raw(&sc, 2, 3);
	msgs_arg(&sc, &ms, v, 2);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.bytes, 75);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.count, 2);
	CPD_ASSERT_STR_EQ(last_net(fh)->u.net.syscall.ptr, "sendmmsg");

	fake_syscall_init(&sc, 1, "recvmmsg", 1);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, &dns);
	fake_syscall_raw(&sc, 1, 0x10000);
	fake_syscall_raw(&sc, 2, 1);
	msgs_arg(&sc, &ms, v, 1);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_RECV);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.bytes, 30);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.count, 1);

	/* unreadable: the messages count, their bytes are unknown (0) */
	memset(v, 0, sizeof(v));
	v[0].flags = v[1].flags = v[2].flags = CPD_MSGF_PARTIAL;
	fake_syscall_init(&sc, 1, "sendmmsg", 3);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, &dns);
	fake_syscall_raw(&sc, 1, 0x90000);
	fake_syscall_raw(&sc, 2, 3);
	msgs_arg(&sc, &ms, v, 3);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.bytes, 0);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.count, 3);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "sent_bytes"), 75);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "recv_bytes"), 30);
	fake_host_free(fh);
}

/* sendmsg, recvmsg: msg_name names the peer of an unconnected socket. */
static void test_msg(void)
{
	struct cpd_sockaddr srv = sa_of("198.51.100.7", 4433);
	struct cpd_sockaddr other = sa_of("198.51.100.8", 53);
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;
	struct cpd_msg m;
	struct cpd_msgs ms;

	memset(&m, 0, sizeof(m));
	m.name = srv;
	m.len = 120;
	fake_syscall_init(&sc, 1, "sendmsg", 120);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, NULL);
	msgs_arg(&sc, &ms, &m, 1);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_SEND);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 4433);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.bytes, 120);

	m.len = 80;
	fake_syscall_init(&sc, 1, "recvmsg", 80);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, NULL);
	msgs_arg(&sc, &ms, &m, 1);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_RECV);
	/* a connected socket's peer is the fd's, whatever msg_name says */
	m.name = other;
	fake_syscall_init(&sc, 1, "sendmsg", 7);
	sock_arg(&sc, 0, 4, AF_INET, SOCK_DGRAM, NULL, &srv);
	msgs_arg(&sc, &ms, &m, 1);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 4433);
	/* no decoded header (another kind's data is not one): no peer, bytes count */
	fake_syscall_init(&sc, 1, "sendmsg", 9);
	sock_arg(&sc, 0, 5, AF_INET, SOCK_DGRAM, NULL, NULL);
	msgs_arg(&sc, &ms, &m, 1);
	sc.arg[1].kind = CPD_ARG_PTR;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.family, 0);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "sent_bytes"), 136);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "recv_bytes"), 80);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "direction"),
			  "sendto");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "198.51.100.7:4433");
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "sent_bytes"), 127);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "recv_bytes"), 80);
	fake_host_free(fh);
}

/* An unconnected socket: each message's address is its peer. */
static void test_unconnected(void)
{
	struct cpd_sockaddr srv = sa_of("203.0.113.9", 9000);
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;
	struct cpd_msg v[2];
	struct cpd_msgs ms;

	fake_syscall_init(&sc, 1, "sendto", 300);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, NULL);
	fake_syscall_sockaddr(&sc, 4, &srv);
	fake_host_feed(fh, &sc.ev);
	fake_syscall_init(&sc, 1, "recvfrom", 400);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, NULL);
	fake_syscall_sockaddr(&sc, 4, &srv);
	fake_host_feed(fh, &sc.ev);
	/* no address asked for: counted, but no row to put it in */
	fake_syscall_init(&sc, 1, "recvfrom", 5);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_DGRAM, NULL, NULL);
	fake_host_feed(fh, &sc.ev);

	/* recvmmsg on an IPv6 server socket: two senders */
	memset(v, 0, sizeof(v));
	v[0].name = sa_of("2001:db8::1", 5353);
	v[0].len = 10;
	v[1].name.family = AF_INET; /* a name too short to say who */
	v[1].name.flags = CPD_SA_TRUNCATED;
	v[1].len = 20;
	fake_syscall_init(&sc, 1, "recvmmsg", 2);
	sock_arg(&sc, 0, 4, AF_INET6, SOCK_DGRAM, NULL, NULL);
	fake_syscall_raw(&sc, 1, 0x20000);
	fake_syscall_raw(&sc, 2, 2);
	msgs_arg(&sc, &ms, v, 2);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.bytes, 30);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 5353);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "recv_bytes"), 435);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "direction"),
			  "sendto");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "203.0.113.9:9000");
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "sent_bytes"), 300);
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 0, "recv_bytes"), 400);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "direction"),
			  "accept");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "peer"),
			  "[2001:db8::1]:5353");
	CPD_ASSERT_UINT_EQ(kv(fh, "net.connections", 1, "recv_bytes"), 10);
	CU_ASSERT_PTR_NULL(fake_host_report(fh, "net.connections", 2));
	fake_host_free(fh);
}

static void test_accept_bind_listen(void)
{
	struct cpd_sockaddr any = sa_of("0.0.0.0", 8080);
	struct cpd_sockaddr lo = sa_of("127.0.0.1", 8080);
	struct cpd_sockaddr client = sa_of("198.51.100.2", 40000);
	struct fake_host *fh = start(false, NULL);
	struct fake_syscall sc;

	fake_syscall_init(&sc, 1, "bind", 0);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, NULL);
	fake_syscall_sockaddr(&sc, 1, &any);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_BIND);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.local.port, 8080);
	fake_syscall_init(&sc, 1, "listen", 0);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, &any, NULL);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_LISTEN);
	/* a server on loopback only is loopback */
	fake_syscall_init(&sc, 1, "bind", 0);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, NULL, NULL);
	fake_syscall_sockaddr(&sc, 1, &lo);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 3);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.flags, CPD_NETF_LOOPBACK);

	/* accept: the peer from the new fd, else from the address argument */
	fake_syscall_init(&sc, 1, "accept4", 5);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, &any, NULL);
	fake_syscall_ret_fd(&sc, CPD_FD_SOCKET, NULL);
	sc.ret_fd.sock_family = AF_INET;
	sc.ret_fd.sock_type = SOCK_STREAM;
	sc.ret_fd.local = any;
	sc.ret_fd.peer = client;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.op, CPD_NET_ACCEPT);
	CPD_ASSERT_INT_EQ(last_net(fh)->u.net.fd, 5);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 40000);
	fake_syscall_init(&sc, 1, "accept", 6);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, &any, NULL);
	client.port = 40001;
	fake_syscall_sockaddr(&sc, 1, &client);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(last_net(fh)->u.net.peer.port, 40001);
	/* a failed accept (EAGAIN) is nothing */
	fake_syscall_init(&sc, 1, "accept", -EAGAIN);
	sock_arg(&sc, 0, 3, AF_INET, SOCK_STREAM, &any, NULL);
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_NET), 5);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "accepted"), 2);
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "connections"), 0);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "direction"),
			  "accept");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "198.51.100.2:40000");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "peer"),
			  "198.51.100.2:40001");
	fake_host_free(fh);
}

static void test_report_schema(void)
{
	static const struct {
		const char *key, *label;
		uint16_t unit;
	} want[] = {
		{ "sent_bytes", "Net sent", CPD_UNIT_BYTES },
		{ "recv_bytes", "Net received", CPD_UNIT_BYTES },
		{ "connections", "Connections", CPD_UNIT_COUNT },
		{ "accepted", NULL, CPD_UNIT_COUNT },
		{ "ipc_sent_bytes", NULL, CPD_UNIT_BYTES },
		{ "ipc_recv_bytes", NULL, CPD_UNIT_BYTES },
		{ "loopback_sent_bytes", NULL, CPD_UNIT_BYTES },
		{ "loopback_recv_bytes", NULL, CPD_UNIT_BYTES },
	};
	static const char *const rowkeys[] = {
		"proto",      "direction", "peer", "sent_bytes",
		"recv_bytes", "scope",	   "name",
	};
	struct cpd_sockaddr to = sa_of("2001:db8::1", 443);
	struct cpd_sockaddr abs = sa_unix("bus\n\"x");
	struct fake_host *fh = start(true, NULL);
	const struct cpd_event *r;
	size_t i;

	abs.flags = CPD_SA_ABSTRACT;
	feed_connect(fh, SOCK_STREAM, &to, 0);
	feed_connect(fh, SOCK_STREAM, &abs, 0);
	CU_ASSERT_TRUE(last_net(fh)->u.net.flags & CPD_NETF_LOCAL_IPC);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);

	r = fake_host_report(fh, "net", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Network");
	CPD_ASSERT_INT_EQ(r->u.report.order, 30);
	CPD_ASSERT_UINT_EQ(r->u.report.nkv, 8);
	for (i = 0; i < 8 && i < r->u.report.nkv; i++) {
		const struct cpd_kv *k = &r->u.report.kv[i];

		CPD_ASSERT_STR_EQ(k->key.ptr, want[i].key);
		if (want[i].label)
			CPD_ASSERT_STR_EQ(k->label.ptr, want[i].label);
		CPD_ASSERT_UINT_EQ(k->unit, want[i].unit);
		CPD_ASSERT_UINT_EQ(k->type, CPD_KV_U64);
	}
	CPD_ASSERT_UINT_EQ(kv(fh, "net", 0, "connections"), 1);
	r = fake_host_report(fh, "net.connections", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Network connections");
	CPD_ASSERT_INT_EQ(r->u.report.order, 31);
	CPD_ASSERT_UINT_EQ(r->u.report.flags, CPD_REPORTF_ROW);
	CPD_ASSERT_UINT_EQ(r->u.report.nkv, 7);
	for (i = 0; i < 7 && i < r->u.report.nkv; i++)
		CPD_ASSERT_STR_EQ(r->u.report.kv[i].key.ptr, rowkeys[i]);
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "peer"),
			  "[2001:db8::1]:443");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 0, "direction"),
			  "connect");
	CPD_ASSERT_STR_EQ(kv_str(fh, "net.connections", 1, "peer"),
			  "@bus\n\"x");
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 0);
	fake_host_free(fh);
}

static CU_TestInfo net_tests[] = {
	{ "loopback_ranges", test_loopback_ranges },
	{ "connect_outcomes", test_connect_outcomes },
	{ "connect_async", test_connect_async },
	{ "repeated_connects", test_repeated_connects },
	{ "buckets", test_buckets },
	{ "mmsg", test_mmsg },
	{ "msg", test_msg },
	{ "unconnected", test_unconnected },
	{ "accept_bind_listen", test_accept_bind_listen },
	{ "report_schema", test_report_schema },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "net", .pTests = net_tests },
	CU_SUITE_INFO_NULL,
};
