// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * structargs: syscalls whose arguments are structs the core decodes, each
 * made once natively and, where the kernel has an i386 side (int $0x80
 * from this 64-bit process, with every struct below 4 GiB), once in the
 * i386 layout:
 *
 *  - openat2 with a struct open_how (O_CREAT, mode 0640);
 *  - writev, readv, pwritev2 with iovec arrays;
 *  - sendmsg and recvmsg on an unconnected UDP socket on 127.0.0.1, the
 *    peer in msg_name both ways;
 *  - sendmmsg and recvmmsg, each message with its own length;
 *  - i386: writev, sendmsg, sendmmsg and old_mmap of a file.
 *
 * Prints, one write(2) per line, what the tracer must decode:
 *   OPENAT2 <fd> <flags> <mode>          the open_how passed
 *   IOV <call> <fd> <iovecs> <bytes> <ret>   an iovec array and its sum
 *   MSG <call> <fd> <port> <iov bytes> <ret>  a message and its peer's port
 *   MMSG <call> <fd> <n> <port> <len>...      messages and each msg_len
 *   COMPAT <call> ...                         as above, made through int 0x80
 *   MAP32 <addr> <len> <offset>               old_mmap of the file
 *   NOCOMPAT <why>                            no i386 side here
 *
 *   structargs WORKDIR
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* i386 syscall numbers (asm/unistd_32.h) */
#define I386_OLD_MMAP 90
#define I386_WRITEV   146
#define I386_SENDMMSG 345
#define I386_SENDMSG  370

static void die(const char *what)
{
	char buf[256];
	int n = snprintf(buf, sizeof(buf), "structargs: %s: %s\n", what,
			 strerror(errno));

	if (write(2, buf, (size_t)n) < 0)
		_exit(3);
	_exit(2);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (write(1, line, (size_t)n) != n)
		die("write stdout");
}

static uint16_t port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len) < 0)
		die("getsockname");
	return ntohs(a.sin_port);
}

static int udp_socket(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		die("socket");
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("bind");
	return fd;
}

static void files(const char *dir)
{
	struct open_how how = { .flags = O_RDWR | O_CREAT | O_TRUNC,
				.mode = 0640 };
	char a[300], b[200], c[100], in[1024];
	struct iovec iov[3] = { { a, sizeof(a) },
				{ b, sizeof(b) },
				{ c, sizeof(c) } };
	struct iovec rd[2] = { { in, 256 }, { in + 256, 768 } };
	int dfd, fd;
	long n;

	memset(a, 'a', sizeof(a));
	memset(b, 'b', sizeof(b));
	memset(c, 'c', sizeof(c));
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		die("open dir");
	fd = (int)syscall(SYS_openat2, dfd, "how.txt", &how, sizeof(how));
	if (fd < 0)
		die("openat2");
	say("OPENAT2 %d %llu %llo\n", fd, (unsigned long long)how.flags,
	    (unsigned long long)how.mode);
	n = writev(fd, iov, 3);
	if (n < 0)
		die("writev");
	say("IOV writev %d 3 600 %ld\n", fd, n);
	n = pwritev2(fd, iov + 1, 2, 600, 0);
	if (n < 0)
		die("pwritev2");
	say("IOV pwritev2 %d 2 300 %ld\n", fd, n);
	if (lseek(fd, 0, SEEK_SET) < 0)
		die("lseek");
	n = readv(fd, rd, 2);
	if (n < 0)
		die("readv");
	say("IOV readv %d 2 1024 %ld\n", fd, n);
	close(fd);
	close(dfd);
}

/* A message header naming name, over n iovecs. */
static void msg_set(struct msghdr *mh, struct sockaddr_in *name,
		    struct iovec *iov, size_t n)
{
	memset(mh, 0, sizeof(*mh));
	mh->msg_name = name;
	mh->msg_namelen = sizeof(*name);
	mh->msg_iov = iov;
	mh->msg_iovlen = n;
}

static void messages(void)
{
	int s1 = udp_socket(), s2 = udp_socket();
	struct sockaddr_in to = { .sin_family = AF_INET }, from;
	char buf[4][64], out[] = "twenty-three bytes long";
	struct iovec iov[4];
	struct msghdr mh;
	struct mmsghdr mm[3];
	long n;
	int i;

	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	to.sin_port = htons(port_of(s2));

	/* sendmsg from s1 to s2, named in msg_name; recvmsg names s1 */
	iov[0].iov_base = out;
	iov[0].iov_len = 23;
	msg_set(&mh, &to, iov, 1);
	n = sendmsg(s1, &mh, 0);
	if (n < 0)
		die("sendmsg");
	say("MSG sendmsg %d %u 23 %ld\n", s1, port_of(s2), n);
	iov[0].iov_base = buf[0];
	iov[0].iov_len = 40;
	iov[1].iov_base = buf[1];
	iov[1].iov_len = 24;
	msg_set(&mh, &from, iov, 2);
	n = recvmsg(s2, &mh, 0);
	if (n < 0)
		die("recvmsg");
	say("MSG recvmsg %d %u 64 %ld\n", s2, ntohs(from.sin_port), n);

	/* three messages of 5, 10 and 15 bytes, each named */
	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 3; i++) {
		iov[i].iov_base = out;
		iov[i].iov_len = (size_t)(5 * (i + 1));
		msg_set(&mm[i].msg_hdr, &to, &iov[i], 1);
	}
	n = sendmmsg(s1, mm, 3, 0);
	if (n != 3)
		die("sendmmsg");
	say("MMSG sendmmsg %d 3 %u %u %u %u\n", s1, port_of(s2), mm[0].msg_len,
	    mm[1].msg_len, mm[2].msg_len);
	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 3; i++) {
		iov[i].iov_base = buf[i];
		iov[i].iov_len = sizeof(buf[i]);
		msg_set(&mm[i].msg_hdr, &from, &iov[i], 1);
	}
	/* no MSG_WAITFORONE: it waits for all three */
	n = recvmmsg(s2, mm, 3, 0, NULL);
	if (n != 3)
		die("recvmmsg");
	say("MMSG recvmmsg %d 3 %u %u %u %u\n", s2, ntohs(from.sin_port),
	    mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
	close(s1);
	close(s2);
}

static long int80(long nr, long a, long b, long c, long d)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d)
			 : "memory");
	return ret;
}

/* The i386 layouts, in memory below 4 GiB. */
struct iov32 {
	uint32_t base, len;
};

struct msghdr32 {
	uint32_t name, namelen, iov, iovlen, control, controllen, flags;
};

struct mmsghdr32 {
	struct msghdr32 hdr;
	uint32_t len;
};

struct low {
	struct iov32 iov[3];
	struct msghdr32 mh;
	struct mmsghdr32 mm[2];
	struct sockaddr_in to;
	uint32_t mmap_args[6];
	char data[64];
};

static uint32_t lo32(const void *p)
{
	return (uint32_t)(uintptr_t)p;
}

static void compat(const char *dir)
{
	struct low *l = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	int fd, s1, s2;
	char path[4096];
	long n;

	if (l == MAP_FAILED)
		die("mmap MAP_32BIT");
	/* getpid (20) tells whether this kernel has an i386 side */
	if (int80(20, 0, 0, 0, 0) != getpid()) {
		say("NOCOMPAT int 0x80 does not work here\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/how.txt", dir);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die("open how.txt");
	memset(l->data, 'x', sizeof(l->data));
	l->iov[0] = (struct iov32){ lo32(l->data), 7 };
	l->iov[1] = (struct iov32){ lo32(l->data), 9 };
	n = int80(I386_WRITEV, fd, lo32(l->iov), 2, 0);
	if (n < 0) {
		errno = (int)-n;
		die("int 0x80 writev");
	}
	say("COMPAT IOV writev %d 2 16 %ld\n", fd, n);

	/* old_mmap: its six arguments in memory; offset in bytes */
	l->mmap_args[0] = 0;
	l->mmap_args[1] = 4096;
	l->mmap_args[2] = PROT_READ;
	l->mmap_args[3] = MAP_PRIVATE;
	l->mmap_args[4] = (uint32_t)fd;
	l->mmap_args[5] = 0;
	n = int80(I386_OLD_MMAP, lo32(l->mmap_args), 0, 0, 0);
	if (n < 0 && n > -4096) {
		errno = (int)-n;
		die("int 0x80 old_mmap");
	}
	say("MAP32 %#lx 4096 0\n", (unsigned long)(uint32_t)n);
	close(fd);

	s1 = udp_socket();
	s2 = udp_socket();
	l->to.sin_family = AF_INET;
	l->to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l->to.sin_port = htons(port_of(s2));
	l->iov[2] = (struct iov32){ lo32(l->data), 11 };
	l->mh = (struct msghdr32){ .name = lo32(&l->to),
				   .namelen = sizeof(l->to),
				   .iov = lo32(&l->iov[2]),
				   .iovlen = 1 };
	n = int80(I386_SENDMSG, s1, lo32(&l->mh), 0, 0);
	if (n < 0) {
		errno = (int)-n;
		die("int 0x80 sendmsg");
	}
	say("COMPAT MSG sendmsg %d %u 11 %ld\n", s1, port_of(s2), n);
	l->mm[0].hdr = l->mh;
	l->mm[1].hdr = l->mh;
	l->mm[1].hdr.iov = lo32(&l->iov[0]);
	n = int80(I386_SENDMMSG, s1, lo32(l->mm), 2, 0);
	if (n < 0) {
		errno = (int)-n;
		die("int 0x80 sendmmsg");
	}
	say("COMPAT MMSG sendmmsg %d %ld %u %u %u\n", s1, n, port_of(s2),
	    l->mm[0].len, l->mm[1].len);
	close(s1);
	close(s2);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: structargs WORKDIR\n");
		return 2;
	}
	files(argv[1]);
	messages();
	compat(argv[1]);
	return 0;
}
