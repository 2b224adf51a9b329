// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The decoder's struct kinds (core/engine/decode_struct.c) fed from
 * captured memory through the tmem interface, as any engine would feed
 * it: iovec sums, sendmsg/recvmsg and sendmmsg/recvmmsg headers,
 * open_how and i386 old_mmap, in the x86_64 and the i386 layouts, with
 * the lengths a tracee can lie about; then how -v prints them and that a
 * deep copy of the event keeps them once the decoder's memory is gone.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "cpd_test.h"
#include "engine/decode.h"
#include "engine/payload.h"
#include "engine/fdtable.h"
#include "engine/sysfmt.h"
#include "engine/tmem.h"
#include "host/evcopy.h"

#define X64  AUDIT_ARCH_X86_64
#define I386 AUDIT_ARCH_I386
#define BASE 0x10000u

/* The tracee's memory: one region at BASE, filled by the test. */
static uint8_t mem[32768];

static void put(uint64_t addr, const void *v, size_t n)
{
	CU_ASSERT_FATAL(addr >= BASE && addr - BASE + n <= sizeof(mem));
	memcpy(mem + (addr - BASE), v, n);
}

static void put64(uint64_t addr, uint64_t v)
{
	put(addr, &v, sizeof(v));
}

static void put32(uint64_t addr, uint32_t v)
{
	put(addr, &v, sizeof(v));
}

static struct fdtable *fds;
/* what a payload rule asks for, when a test sets it */
static const struct payload_rules *rules;

static struct fd_entry *lookup(void *arg, int fd)
{
	return fdtable_get(arg, fd);
}

/*
 * Decode name(args) on arch against mem[0..memlen) at BASE, as the
 * ptrace engine does (entry, then exit with ret), into ev.
 */
static void run(struct decode_call *c, struct cpd_event *ev, uint32_t arch,
		const char *name, const uint64_t args[6], int64_t ret,
		size_t memlen)
{
	struct tmem_region r = { BASE, mem, memlen };
	struct tmem_buf buf;
	struct decode_ctx ctx = {
		.mem = &buf.mem,
		.string_limit = 32,
		.fd_lookup = lookup,
		.arg = fds,
		.payload = rules,
	};
	int nr = sysent_number(arch, name);

	CU_ASSERT_FATAL(nr >= 0);
	tmem_buf_init(&buf, &r, 1);
	decode_entry(c, &ctx, arch, nr, args, 1);
	decode_exit(c, &ctx, ret);
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = CPD_EV_SYSCALL;
	decode_fill(c, &ev->u.syscall, ret, 2);
}

static const char *text(const struct cpd_event *ev)
{
	static char buf[2048];

	sysfmt_format(ev, buf, sizeof(buf));
	return buf;
}

/* struct sockaddr_in for a.b.c.d:port at addr; its size. */
static uint32_t put_sin(uint64_t addr, uint32_t ip, uint16_t port)
{
	struct sockaddr_in in;

	memset(&in, 0, sizeof(in));
	in.sin_family = AF_INET;
	in.sin_port = htons(port);
	in.sin_addr.s_addr = htonl(ip);
	put(addr, &in, sizeof(in));
	return sizeof(in);
}

/* ---- iovecs ------------------------------------------------------------ */

static void test_iovec(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_iov *iov;
	uint64_t args[6] = { 3, BASE, 3 };

	memset(mem, 0, sizeof(mem));
	put64(BASE + 8, 100);
	put64(BASE + 24, 200);
	put64(BASE + 40, 300);
	run(&c, &ev, X64, "writev", args, 600, 64);
	iov = ev.u.syscall.argdata[1].iov;
	CU_ASSERT_PTR_NOT_NULL_FATAL(iov);
	CPD_ASSERT_UINT_EQ(iov->bytes, 600);
	CPD_ASSERT_UINT_EQ(iov->count, 3);
	CPD_ASSERT_UINT_EQ(iov->flags, 0);
	CPD_ASSERT_UINT_EQ(ev.u.syscall.flags & CPD_SCF_PARTIAL, 0);
	CPD_ASSERT_STR_EQ(text(&ev),
			  "writev(3, [3 iovecs, 600 bytes], 3) = 600");
	/* nothing but iovecs gets a struct */
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[0].ptr);
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[2].ptr);

	/* the array ends in the middle of the third: two are summed */
	run(&c, &ev, X64, "readv", args, 0, 40);
	iov = ev.u.syscall.argdata[1].iov;
	CU_ASSERT_PTR_NOT_NULL_FATAL(iov);
	CPD_ASSERT_UINT_EQ(iov->bytes, 300);
	CPD_ASSERT_UINT_EQ(iov->count, 2);
	CPD_ASSERT_UINT_EQ(iov->flags, CPD_IOVF_PARTIAL);
	CU_ASSERT_TRUE(ev.u.syscall.arg[1].flags & CPD_ARGF_PARTIAL);
	CU_ASSERT_TRUE(ev.u.syscall.flags & CPD_SCF_PARTIAL);
	CPD_ASSERT_STR_EQ(text(&ev),
			  "readv(3, [2 iovecs, 300 bytes...], 3) = 0");

	/* a count past UIO_MAXIOV, lengths that overflow: bounded */
	put64(BASE + 24, UINT64_MAX - 50);
	args[2] = UINT64_C(1) << 40;
	run(&c, &ev, X64, "writev", args, -EINVAL, sizeof(mem));
	iov = ev.u.syscall.argdata[1].iov;
	CU_ASSERT_PTR_NOT_NULL_FATAL(iov);
	CPD_ASSERT_UINT_EQ(iov->bytes, UINT64_MAX);
	CPD_ASSERT_UINT_EQ(iov->count, CPD_IOV_MAX);
	CPD_ASSERT_UINT_EQ(iov->flags, CPD_IOVF_TRUNCATED);

	/* no array, or none to read: not decoded */
	args[1] = 0;
	args[2] = 2;
	run(&c, &ev, X64, "writev", args, -EFAULT, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[1].ptr);
	CPD_ASSERT_STR_EQ(text(&ev),
			  "writev(3, NULL, 2) = -1 EFAULT (Bad address)");
	args[1] = BASE + 0x100000;
	run(&c, &ev, X64, "writev", args, -EFAULT, sizeof(mem));
	CPD_ASSERT_UINT_EQ(ev.u.syscall.argdata[1].iov->count, 0);
	CU_ASSERT_TRUE(ev.u.syscall.arg[1].flags & CPD_ARGF_PARTIAL);

	/* i386: { u32 base; u32 len } */
	memset(mem, 0, sizeof(mem));
	put32(BASE + 4, 7);
	put32(BASE + 12, 9);
	args[1] = BASE;
	args[2] = 2;
	run(&c, &ev, I386, "writev", args, 16, 16);
	iov = ev.u.syscall.argdata[1].iov;
	CU_ASSERT_PTR_NOT_NULL_FATAL(iov);
	CPD_ASSERT_UINT_EQ(iov->bytes, 16);
	CPD_ASSERT_UINT_EQ(iov->count, 2);
	/* a zero count reads nothing and is no error */
	args[2] = 0;
	run(&c, &ev, X64, "preadv2", args, 0, 0);
	CPD_ASSERT_UINT_EQ(ev.u.syscall.argdata[1].iov->bytes, 0);
	CPD_ASSERT_UINT_EQ(ev.u.syscall.argdata[1].iov->flags, 0);
	decode_call_free(&c);
}

/* ---- sendmsg, recvmsg ----------------------------------------------------- */

/* An x86_64 struct msghdr at addr. */
static void put_msghdr64(uint64_t addr, uint64_t name, uint32_t namelen,
			 uint64_t iov, uint64_t iovlen, uint64_t controllen,
			 uint32_t flags)
{
	put64(addr, name);
	put32(addr + 8, namelen);
	put64(addr + 16, iov);
	put64(addr + 24, iovlen);
	put64(addr + 32, controllen ? addr + 0x800 : 0);
	put64(addr + 40, controllen);
	put32(addr + 48, flags);
}

/* The compat one: seven 32-bit words. */
static void put_msghdr32(uint64_t addr, uint32_t name, uint32_t namelen,
			 uint32_t iov, uint32_t iovlen, uint32_t controllen,
			 uint32_t flags)
{
	put32(addr, name);
	put32(addr + 4, namelen);
	put32(addr + 8, iov);
	put32(addr + 12, iovlen);
	put32(addr + 16, 0);
	put32(addr + 20, controllen);
	put32(addr + 24, flags);
}

static void test_msghdr(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_msgs *ms;
	const struct cpd_msg *m;
	struct sockaddr_un un;
	uint64_t args[6] = { 4, BASE, 0 };

	/* recvmsg: the name and flags as the kernel left them */
	memset(mem, 0, sizeof(mem));
	put_msghdr64(BASE, BASE + 0x100, 16, BASE + 0x200, 2, 24, MSG_TRUNC);
	put_sin(BASE + 0x100, 0x0a010203, 53);
	put64(BASE + 0x208, 512);
	put64(BASE + 0x218, 1024);
	run(&c, &ev, X64, "recvmsg", args, 700, sizeof(mem));
	ms = ev.u.syscall.argdata[1].msgs;
	CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
	CPD_ASSERT_UINT_EQ(ms->count, 1);
	m = &ms->msg[0];
	CPD_ASSERT_UINT_EQ(m->name.family, AF_INET);
	CPD_ASSERT_UINT_EQ(m->name.port, 53);
	CPD_ASSERT_UINT_EQ(m->namelen, 16);
	CPD_ASSERT_UINT_EQ(m->iov.bytes, 1536);
	CPD_ASSERT_UINT_EQ(m->iov.count, 2);
	CPD_ASSERT_UINT_EQ(m->controllen, 24);
	CPD_ASSERT_UINT_EQ(m->msg_flags, MSG_TRUNC);
	CPD_ASSERT_UINT_EQ(m->len, 700);
	CPD_ASSERT_UINT_EQ(m->flags, 0);
	CU_ASSERT_TRUE(ev.u.syscall.arg[1].flags & CPD_ARGF_AT_EXIT);
	CPD_ASSERT_STR_EQ(
		text(&ev),
		"recvmsg(4, {msg_name={sa_family=AF_INET, 10.1.2.3:53}, "
		"msg_namelen=16, msg_iov=[2 iovecs, 1536 bytes], "
		"msg_controllen=24, msg_flags=MSG_TRUNC}, 0) = 700");

	/* a failed call is not decoded: the kernel wrote nothing */
	run(&c, &ev, X64, "recvmsg", args, -EAGAIN, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[1].ptr);
	CPD_ASSERT_UINT_EQ(ev.u.syscall.flags & CPD_SCF_PARTIAL, 0);

	/* a namelen past any address is cut to sockaddr_storage's size */
	put_msghdr64(BASE, BASE + 0x100, 0x7fffffff, BASE + 0x200, 0, 0, 0);
	run(&c, &ev, X64, "sendmsg", args, 0, sizeof(mem));
	m = &ev.u.syscall.argdata[1].msgs->msg[0];
	CPD_ASSERT_UINT_EQ(m->name.family, AF_INET);
	CPD_ASSERT_UINT_EQ(m->name.port, 53);
	/* ... and where that runs off the memory, the name is lost */
	run(&c, &ev, X64, "sendmsg", args, 0, 0x100 + 64);
	m = &ev.u.syscall.argdata[1].msgs->msg[0];
	CPD_ASSERT_UINT_EQ(m->name.family, 0);
	CPD_ASSERT_UINT_EQ(m->name.flags, CPD_SA_PARTIAL);
	CU_ASSERT_TRUE(ev.u.syscall.arg[1].flags & CPD_ARGF_PARTIAL);
	CU_ASSERT_TRUE(strstr(text(&ev), "{msg_name=?, ") != NULL);

	/* an iovlen past UIO_MAXIOV is cut; no name is NULL */
	put_msghdr64(BASE, 0, 16, BASE + 0x200, UINT64_MAX, 0, 0);
	run(&c, &ev, X64, "sendmsg", args, 1, sizeof(mem));
	m = &ev.u.syscall.argdata[1].msgs->msg[0];
	CPD_ASSERT_UINT_EQ(m->name.family, 0);
	CPD_ASSERT_UINT_EQ(m->iov.count, CPD_IOV_MAX);
	CU_ASSERT_TRUE(m->iov.flags & CPD_IOVF_TRUNCATED);
	CU_ASSERT_TRUE(strstr(text(&ev), "{msg_name=NULL, ") != NULL);

	/* the header itself unreadable: the length is still the return value */
	args[1] = BASE + 0x100000;
	run(&c, &ev, X64, "sendmsg", args, 5, sizeof(mem));
	ms = ev.u.syscall.argdata[1].msgs;
	CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
	CPD_ASSERT_UINT_EQ(ms->count, 1);
	CPD_ASSERT_UINT_EQ(ms->msg[0].flags, CPD_MSGF_PARTIAL);
	CPD_ASSERT_UINT_EQ(ms->msg[0].len, 5);
	CPD_ASSERT_STR_EQ(text(&ev), "sendmsg(4, 0x110000, 0) = 5");

	/* i386 sendmsg to an abstract unix name */
	memset(mem, 0, sizeof(mem));
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	memcpy(un.sun_path, "\0cpd-x", 6);
	put(BASE + 0x100, &un, offsetof(struct sockaddr_un, sun_path) + 6);
	put_msghdr32(BASE, BASE + 0x100,
		     offsetof(struct sockaddr_un, sun_path) + 6, BASE + 0x200,
		     1, 0, 0);
	put32(BASE + 0x204, 33);
	args[1] = BASE;
	run(&c, &ev, I386, "sendmsg", args, 33, sizeof(mem));
	m = &ev.u.syscall.argdata[1].msgs->msg[0];
	CPD_ASSERT_UINT_EQ(m->name.family, AF_UNIX);
	CU_ASSERT_TRUE(m->name.flags & CPD_SA_ABSTRACT);
	CPD_ASSERT_STR_EQ(m->name.path.ptr, "cpd-x");
	CPD_ASSERT_UINT_EQ(m->name.path.len, 5);
	CPD_ASSERT_UINT_EQ(m->namelen,
			   offsetof(struct sockaddr_un, sun_path) + 6);
	CPD_ASSERT_UINT_EQ(m->iov.bytes, 33);
	decode_call_free(&c);
}

/* ---- sendmmsg, recvmmsg ---------------------------------------------------- */

static void test_mmsghdr(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_msgs *ms;
	uint64_t args[6] = { 5, BASE, 3 };
	unsigned i;

	memset(mem, 0, sizeof(mem));
	for (i = 0; i < 3; i++) {
		uint64_t h = BASE + i * 64;

		put_msghdr64(h, BASE + 0x400 + i * 16, 16,
			     BASE + 0x600 + i * 16, 1, 0, 0);
		put32(h + 56, 100 * (i + 1));
		put_sin(BASE + 0x400 + i * 16, 0xc0000200 + i, 5000 + i);
		put64(BASE + 0x608 + i * 16, 4096);
	}
	/* the kernel went through two of the three */
	run(&c, &ev, X64, "recvmmsg", args, 2, sizeof(mem));
	ms = ev.u.syscall.argdata[1].msgs;
	CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
	CPD_ASSERT_UINT_EQ(ms->count, 2);
	CPD_ASSERT_UINT_EQ(ms->msg[0].len, 100);
	CPD_ASSERT_UINT_EQ(ms->msg[1].len, 200);
	CPD_ASSERT_UINT_EQ(ms->msg[1].name.port, 5001);
	CPD_ASSERT_UINT_EQ(ms->msg[1].iov.bytes, 4096);
	CPD_ASSERT_STR_EQ(
		text(&ev),
		"recvmmsg(5, [{msg_hdr={msg_name={sa_family=AF_INET, "
		"192.0.2.0:5000}, msg_namelen=16, msg_iov=[1 iovec, 4096 "
		"bytes], msg_controllen=0, msg_flags=0}, msg_len=100}, "
		"{msg_hdr={msg_name={sa_family=AF_INET, 192.0.2.1:5001}, "
		"msg_namelen=16, msg_iov=[1 iovec, 4096 bytes], "
		"msg_controllen=0, msg_flags=0}, msg_len=200}], 3, 0, NULL) = 2");

	/* a count past vlen is not the kernel's: vlen bounds it */
	args[2] = 1;
	run(&c, &ev, X64, "sendmmsg", args, 3, sizeof(mem));
	CPD_ASSERT_UINT_EQ(ev.u.syscall.argdata[1].msgs->count, 1);

	/*
	 * A huge count and vlen: UIO_MAXIOV bounds it; the headers past the
	 * memory still count as messages, with nothing known of them.
	 */
	args[2] = UINT64_MAX;
	run(&c, &ev, X64, "sendmmsg", args, INT32_MAX, 3 * 64 + 32);
	ms = ev.u.syscall.argdata[1].msgs;
	CPD_ASSERT_UINT_EQ(ms->count, CPD_IOV_MAX);
	CPD_ASSERT_UINT_EQ(ms->msg[2].len, 300);
	CPD_ASSERT_UINT_EQ(ms->msg[2].flags, 0);
	CPD_ASSERT_UINT_EQ(ms->msg[3].flags, CPD_MSGF_PARTIAL);
	CPD_ASSERT_UINT_EQ(ms->msg[CPD_IOV_MAX - 1].flags, CPD_MSGF_PARTIAL);
	CPD_ASSERT_UINT_EQ(ms->msg[CPD_IOV_MAX - 1].len, 0);
	CU_ASSERT_TRUE(ev.u.syscall.arg[1].flags & CPD_ARGF_PARTIAL);
	CU_ASSERT_TRUE(strstr(text(&ev), "}, ?, ...], ") != NULL);

	/* i386: 28-byte headers, msg_len after them, 32 bytes apart */
	memset(mem, 0, sizeof(mem));
	for (i = 0; i < 2; i++) {
		put_msghdr32(BASE + i * 32, 0, 0, BASE + 0x600 + i * 8, 1, 0,
			     0);
		put32(BASE + i * 32 + 28, 10 + i);
		put32(BASE + 0x604 + i * 8, 64);
	}
	args[2] = 2;
	run(&c, &ev, I386, "sendmmsg", args, 2, sizeof(mem));
	ms = ev.u.syscall.argdata[1].msgs;
	CPD_ASSERT_UINT_EQ(ms->count, 2);
	CPD_ASSERT_UINT_EQ(ms->msg[0].len, 10);
	CPD_ASSERT_UINT_EQ(ms->msg[1].len, 11);
	CPD_ASSERT_UINT_EQ(ms->msg[1].iov.bytes, 64);
	CPD_ASSERT_UINT_EQ(ms->msg[1].name.family, 0);
	decode_call_free(&c);
}

/* ---- open_how, old_mmap --------------------------------------------------------- */

static void test_open_how(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_open_how *how;
	uint64_t args[6] = { (uint64_t)(int64_t)AT_FDCWD, BASE + 0x100, BASE,
			     24 };

	memset(mem, 0, sizeof(mem));
	put64(BASE, O_WRONLY | O_CREAT);
	put64(BASE + 8, 0640);
	put64(BASE + 16, 0x08);
	put(BASE + 0x100, "/tmp/x", 7);
	run(&c, &ev, X64, "openat2", args, 3, sizeof(mem));
	how = ev.u.syscall.argdata[2].how;
	CU_ASSERT_PTR_NOT_NULL_FATAL(how);
	CPD_ASSERT_UINT_EQ(how->flags, O_WRONLY | O_CREAT);
	CPD_ASSERT_UINT_EQ(how->mode, 0640);
	CPD_ASSERT_UINT_EQ(how->resolve, 0x08);
	CPD_ASSERT_STR_EQ(
		text(&ev),
		"openat2(AT_FDCWD, \"/tmp/x\", {flags=O_WRONLY|O_CREAT, "
		"mode=0640, resolve=0x8}, 24) = 3");
	/* smaller than the first version: the kernel refuses it, so do we */
	args[3] = 16;
	run(&c, &ev, X64, "openat2", args, -EINVAL, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[2].ptr);
	CPD_ASSERT_UINT_EQ(ev.u.syscall.arg[2].flags, 0);
	/* unreadable */
	args[3] = 24;
	args[2] = BASE + 0x100000;
	run(&c, &ev, X64, "openat2", args, -EFAULT, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[2].ptr);
	CU_ASSERT_TRUE(ev.u.syscall.arg[2].flags & CPD_ARGF_PARTIAL);
	decode_call_free(&c);
}

/* getsockopt's value, as the kernel wrote it back: net's SO_ERROR. */
static void test_sockopt(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_sockopt *so;
	uint64_t args[6] = { 3, SOL_SOCKET, SO_ERROR, BASE, BASE + 8 };

	memset(mem, 0, sizeof(mem));
	put32(BASE, ECONNREFUSED);
	put32(BASE + 8, 4);
	run(&c, &ev, X64, "getsockopt", args, 0, sizeof(mem));
	so = ev.u.syscall.argdata[3].sockopt;
	CU_ASSERT_PTR_NOT_NULL_FATAL(so);
	CPD_ASSERT_UINT_EQ(so->len, 4);
	CPD_ASSERT_UINT_EQ(so->flags, CPD_SOCKOPTF_INT);
	CPD_ASSERT_INT_EQ(so->value, ECONNREFUSED);
	CU_ASSERT_PTR_NOT_NULL(strstr(text(&ev), ", [111], "));
	/* a negative int stays negative */
	put32(BASE, (uint32_t)-1);
	run(&c, &ev, X64, "getsockopt", args, 0, sizeof(mem));
	CPD_ASSERT_INT_EQ(ev.u.syscall.argdata[3].sockopt->value, -1);
	/* a struct (SO_RCVTIMEO's timeval): only its length */
	put32(BASE + 8, 16);
	run(&c, &ev, X64, "getsockopt", args, 0, sizeof(mem));
	so = ev.u.syscall.argdata[3].sockopt;
	CU_ASSERT_PTR_NOT_NULL_FATAL(so);
	CPD_ASSERT_UINT_EQ(so->len, 16);
	CPD_ASSERT_UINT_EQ(so->flags, 0);
	/* a failed call wrote nothing */
	run(&c, &ev, X64, "getsockopt", args, -ENOTSOCK, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[3].ptr);
	/* the length unreadable */
	args[4] = BASE + 0x100000;
	run(&c, &ev, X64, "getsockopt", args, 0, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[3].ptr);
	CU_ASSERT_TRUE(ev.u.syscall.arg[3].flags & CPD_ARGF_PARTIAL);
	decode_call_free(&c);
}

static void test_old_mmap(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_mmap_args *m;
	struct cpd_fdinfo info;
	uint64_t args[6] = { BASE };
	uint32_t v[6] = { 0, 8192, PROT_READ, MAP_PRIVATE, 7, 4096 };

	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_FILE;
	info.path.ptr = "/lib/libc.so";
	info.path.len = 12;
	fdtable_set(fds, 7, &info);
	memset(mem, 0, sizeof(mem));
	put(BASE, v, sizeof(v));
	run(&c, &ev, I386, "mmap", args, 0x40000000, sizeof(mem));
	m = ev.u.syscall.argdata[0].mmap;
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CPD_ASSERT_UINT_EQ(m->len, 8192);
	CPD_ASSERT_UINT_EQ(m->prot, PROT_READ);
	CPD_ASSERT_UINT_EQ(m->flags, MAP_PRIVATE);
	CPD_ASSERT_INT_EQ(m->fd, 7);
	CPD_ASSERT_INT_EQ(m->offset, 4096);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev.u.syscall.arg[0].fd);
	CPD_ASSERT_STR_EQ(ev.u.syscall.arg[0].fd->path.ptr, "/lib/libc.so");
	CPD_ASSERT_STR_EQ(text(&ev),
			  "mmap({addr=NULL, len=8192, prot=PROT_READ, "
			  "flags=MAP_PRIVATE, fd=7</lib/libc.so>, "
			  "offset=4096}) = 0x40000000");
	/* fd -1 of an anonymous map is no fd */
	v[3] = MAP_PRIVATE | MAP_ANONYMOUS;
	v[4] = (uint32_t)-1;
	put(BASE, v, sizeof(v));
	run(&c, &ev, I386, "mmap", args, 0x40000000, sizeof(mem));
	CPD_ASSERT_INT_EQ(ev.u.syscall.argdata[0].mmap->fd, -1);
	CU_ASSERT_PTR_NULL(ev.u.syscall.arg[0].fd);
	/* five words of six: nothing made up */
	run(&c, &ev, I386, "mmap", args, 0x40000000, 20);
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[0].ptr);
	CU_ASSERT_TRUE(ev.u.syscall.arg[0].flags & CPD_ARGF_PARTIAL);
	CPD_ASSERT_STR_EQ(text(&ev), "mmap(0x10000) = 0x40000000");
	/* x86_64's mmap has its arguments in registers: no struct */
	run(&c, &ev, X64, "mmap", args, 0x40000000, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.argdata[0].ptr);
	fdtable_close(fds, 7);
	decode_call_free(&c);
}

/* ---- a deep copy outlives the decoder ------------------------------------------- */

static void test_evcopy(void)
{
	struct decode_call c = { 0 };
	struct cpd_event ev;
	const struct cpd_msgs *ms;
	struct cpd_event *copy;
	struct sockaddr_un un;
	uint64_t args[6] = { 5, BASE, 2 };
	char before[2048];
	unsigned i;

	memset(mem, 0, sizeof(mem));
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/run/cpd.sock");
	for (i = 0; i < 2; i++) {
		put_msghdr64(BASE + i * 64, BASE + 0x400, sizeof(un),
			     BASE + 0x600, 1, 0, 0);
		put32(BASE + i * 64 + 56, 11 + i);
	}
	put(BASE + 0x400, &un, sizeof(un));
	put64(BASE + 0x608, 2048);
	run(&c, &ev, X64, "recvmmsg", args, 2, sizeof(mem));
	snprintf(before, sizeof(before), "%s", text(&ev));
	CU_ASSERT_TRUE(strstr(before, "/run/cpd.sock") != NULL);

	copy = evcopy_dup(&ev, sizeof(ev));
	/* the decoder's memory is reused for the next call, and freed */
	memset(mem, 0xa5, sizeof(mem));
	args[1] = BASE + 0x100000;
	run(&c, &ev, X64, "recvmmsg", args, 1, sizeof(mem));
	decode_call_free(&c);
	memset(&c, 0x5a, sizeof(c));

	ms = copy->u.syscall.argdata[1].msgs;
	CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
	CPD_ASSERT_UINT_EQ(ms->count, 2);
	CPD_ASSERT_UINT_EQ(ms->msg[1].len, 12);
	CPD_ASSERT_STR_EQ(ms->msg[1].name.path.ptr, "/run/cpd.sock");
	CPD_ASSERT_STR_EQ(text(copy), before);
	free(copy);
}

/* ---- payloads by rule -------------------------------------------------- */

/* fd as an inet socket of type with the given peer port (0: none). */
static void set_sock(int fd, int type, uint16_t peer_port)
{
	struct cpd_fdinfo info;

	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_SOCKET;
	info.sock_family = AF_INET;
	info.sock_type = (uint32_t)type;
	info.peer.family = peer_port ? AF_INET : 0;
	info.peer.port = peer_port;
	fdtable_set(fds, fd, &info);
}

static void test_payload(void)
{
	static const struct cpd_payload_rule dns[] = {
		{ 53, CPD_PROTO_UDP | CPD_PROTO_TCP, 64 },
		CPD_PAYLOAD_RULE_END,
	};
	static struct payload_rules u;
	struct decode_call c = { 0 };
	const struct cpd_payload *pl;
	struct cpd_event ev, *copy;
	uint64_t args[6];
	unsigned i;

	memset(&u, 0, sizeof(u));
	CPD_ASSERT_INT_EQ(payload_add(&u, dns), 0);
	rules = &u;
	memset(mem, 0, sizeof(mem));
	for (i = 0; i < 256; i++)
		mem[0x100 + i] = (uint8_t)i;
	set_sock(5, SOCK_DGRAM, 53);  /* a connected resolver socket */
	set_sock(6, SOCK_STREAM, 53); /* DNS over TCP */
	set_sock(8, SOCK_DGRAM, 0);   /* unconnected: the address says */
	set_sock(9, SOCK_DGRAM, 443); /* not ours: nothing is read */

	/* recvfrom: the bytes received, one message */
	args[0] = 5, args[1] = BASE + 0x100, args[2] = 512, args[3] = 0;
	args[4] = 0, args[5] = 0;
	run(&c, &ev, X64, "recvfrom", args, 40, sizeof(mem));
	pl = ev.u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->count, 1);
	CPD_ASSERT_UINT_EQ(pl->flags, 0);
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 40);
	CU_ASSERT_EQUAL(memcmp(pl->msg[0].ptr, mem + 0x100, 40), 0);

	/* more than the rule keeps: cut, and said */
	run(&c, &ev, X64, "recvfrom", args, 100, sizeof(mem));
	pl = ev.u.syscall.payload;
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 64);
	CPD_ASSERT_UINT_EQ(pl->flags, CPD_PAYLOADF_TRUNCATED);

	/* a failed call moved nothing; another port is not read at all */
	run(&c, &ev, X64, "recvfrom", args, -11, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.payload);
	args[0] = 9;
	run(&c, &ev, X64, "recvfrom", args, 40, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.payload);

	/* sendto on an unconnected socket: the address names port 53 */
	args[0] = 8, args[4] = BASE + 0x800;
	args[5] = put_sin(BASE + 0x800, 0x7f000001, 53);
	run(&c, &ev, X64, "sendto", args, 30, sizeof(mem));
	pl = ev.u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 30);
	args[5] = put_sin(BASE + 0x800, 0x7f000001, 54);
	run(&c, &ev, X64, "sendto", args, 30, sizeof(mem));
	CU_ASSERT_PTR_NULL(ev.u.syscall.payload);

	/* writev over TCP: the two iovecs gathered, as far as it wrote */
	put64(BASE + 0x900, BASE + 0x100);
	put64(BASE + 0x908, 2);
	put64(BASE + 0x910, BASE + 0x180);
	put64(BASE + 0x918, 30);
	args[0] = 6, args[1] = BASE + 0x900, args[2] = 2;
	run(&c, &ev, X64, "writev", args, 20, sizeof(mem));
	pl = ev.u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 20);
	CU_ASSERT_EQUAL(memcmp(pl->msg[0].ptr, mem + 0x100, 2), 0);
	CU_ASSERT_EQUAL(memcmp(pl->msg[0].ptr + 2, mem + 0x180, 18), 0);

	/* sendmmsg: each message apart, msg_len bytes each */
	memset(mem + 0x400, 0, 0x400);
	for (i = 0; i < 2; i++) {
		uint64_t h = BASE + 0x400 + i * 64;

		put_msghdr64(h, 0, 0, BASE + 0x700 + i * 16, 1, 0, 0);
		put32(h + 56, 10 + i);
		put64(BASE + 0x700 + i * 16, BASE + 0x100 + i * 32);
		put64(BASE + 0x708 + i * 16, 64);
	}
	args[0] = 5, args[1] = BASE + 0x400, args[2] = 2, args[3] = 0;
	run(&c, &ev, X64, "sendmmsg", args, 2, sizeof(mem));
	pl = ev.u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->count, 2);
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 10);
	CPD_ASSERT_UINT_EQ(pl->msg[1].len, 11);
	CU_ASSERT_EQUAL(memcmp(pl->msg[1].ptr, mem + 0x120, 11), 0);

	/* the copy outlives the decoder's memory */
	copy = evcopy_dup(&ev, sizeof(ev));
	memset(mem, 0xa5, sizeof(mem));
	args[0] = 5, args[1] = BASE + 0x100, args[2] = 512, args[3] = 0;
	args[4] = 0, args[5] = 0;
	run(&c, &ev, X64, "recvfrom", args, 5, sizeof(mem));
	pl = copy->u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->count, 2);
	CU_ASSERT_EQUAL(pl->msg[1].ptr[0], 0x20);
	free(copy);

	/* unreadable: what could be read, and said */
	args[1] = BASE + sizeof(mem) - 8;
	run(&c, &ev, X64, "recvfrom", args, 40, sizeof(mem));
	pl = ev.u.syscall.payload;
	CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
	CPD_ASSERT_UINT_EQ(pl->msg[0].len, 8);
	CU_ASSERT_TRUE(pl->flags & CPD_PAYLOADF_PARTIAL);

	rules = NULL;
	for (i = 5; i <= 9; i++)
		fdtable_close(fds, (int)i);
	decode_call_free(&c);
}

/*
 * Captured memory read across the regions the eBPF engine makes: a long
 * buffer in pieces that follow one another, a payload's copy over the
 * shorter one -v made, a hole that makes a read short.
 */
static void test_tmem_regions(void)
{
	static const char bytes[] = "0123456789abcdefghij";
	struct tmem_region r[4] = {
		{ BASE, bytes, 4 },	     /* -v's copy: 4 bytes */
		{ BASE, bytes, 8 },	     /* the payload's first piece */
		{ BASE + 8, bytes + 8, 6 },  /* and its second */
		{ BASE + 16, bytes + 16, 4 } /* after a hole of 2 */
	};
	struct tmem_buf b;
	char out[32];

	tmem_buf_init(&b, r, 4);
	memset(out, 0, sizeof(out));
	CU_ASSERT_EQUAL(tmem_read(&b.mem, BASE, out, 14), 14);
	CU_ASSERT_NSTRING_EQUAL(out, "0123456789abcd", 14);
	memset(out, 0, sizeof(out));
	CU_ASSERT_EQUAL(tmem_read(&b.mem, BASE + 2, out, 20), 12);
	CU_ASSERT_NSTRING_EQUAL(out, "23456789abcd", 12);
	CU_ASSERT_EQUAL(tmem_read(&b.mem, BASE + 14, out, 2), -EFAULT);
	CU_ASSERT_EQUAL(tmem_read(&b.mem, BASE + 17, out, 8), 3);
	CU_ASSERT_NSTRING_EQUAL(out, "hij", 3);
}

static void test_payload_rules(void)
{
	static const struct cpd_payload_rule bad_port[] = {
		{ 0, CPD_PROTO_UDP, 10 }, CPD_PAYLOAD_RULE_END
	};
	static const struct cpd_payload_rule bad_proto[] = {
		{ 53, 4, 10 }, CPD_PAYLOAD_RULE_END
	};
	static const struct cpd_payload_rule bad_max[] = {
		{ 53, CPD_PROTO_TCP, CPD_PAYLOAD_MAX + 1 }, CPD_PAYLOAD_RULE_END
	};
	static const struct cpd_payload_rule a[] = { { 53, CPD_PROTO_UDP, 100 },
						     { 853, CPD_PROTO_TCP, 10 },
						     CPD_PAYLOAD_RULE_END };
	static const struct cpd_payload_rule b[] = { { 53, CPD_PROTO_UDP, 300 },
						     CPD_PAYLOAD_RULE_END };
	static struct payload_rules u;
	uint16_t ports[2] = { 40000, 53 };
	char why[128];

	CPD_ASSERT_INT_EQ(payload_check(NULL, why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(payload_check(a, why, sizeof(why)), 0);
	CPD_ASSERT_INT_EQ(payload_check(bad_port, why, sizeof(why)), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "payload rule 0: port 0");
	CPD_ASSERT_INT_EQ(payload_check(bad_proto, why, sizeof(why)), -EINVAL);
	CPD_ASSERT_STR_EQ(why, "payload rule 0: unknown protocol bits 0x4");
	CPD_ASSERT_INT_EQ(payload_check(bad_max, why, sizeof(why)), -EINVAL);
	CPD_ASSERT_STR_EQ(
		why,
		"payload rule 0: max_bytes 65537 is not between 1 and 65536");

	/* the union keeps the largest size per port and protocol */
	memset(&u, 0, sizeof(u));
	CPD_ASSERT_INT_EQ(payload_add(&u, a), 0);
	CPD_ASSERT_INT_EQ(payload_add(&u, b), 0);
	CPD_ASSERT_UINT_EQ(u.n, 2);
	CPD_ASSERT_UINT_EQ(payload_match(&u, CPD_PROTO_UDP, ports, 2), 300);
	CPD_ASSERT_UINT_EQ(payload_match(&u, CPD_PROTO_TCP, ports, 2), 0);
	ports[1] = 853;
	CPD_ASSERT_UINT_EQ(payload_match(&u, CPD_PROTO_TCP, ports, 2), 10);
	CPD_ASSERT_UINT_EQ(payload_match(NULL, CPD_PROTO_TCP, ports, 2), 0);
}

static int decode_suite_init(void)
{
	fds = fdtable_new();
	return fds ? 0 : -1;
}

static int decode_suite_clean(void)
{
	fdtable_unref(fds);
	return 0;
}

static CU_TestInfo decode_tests[] = {
	{ "iovec", test_iovec },
	{ "msghdr", test_msghdr },
	{ "mmsghdr", test_mmsghdr },
	{ "open_how", test_open_how },
	{ "old_mmap", test_old_mmap },
	{ "sockopt", test_sockopt },
	{ "evcopy", test_evcopy },
	{ "payload", test_payload },
	{ "payload_rules", test_payload_rules },
	{ "tmem_regions", test_tmem_regions },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "decode",
	  .pInitFunc = decode_suite_init,
	  .pCleanupFunc = decode_suite_clean,
	  .pTests = decode_tests },
	CU_SUITE_INFO_NULL,
};
