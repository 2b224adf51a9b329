// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * uring_read FILE [MODE]: read FILE through io_uring, 64 KiB per request,
 * with the raw syscalls (io_uring_setup, mmap, io_uring_enter; no
 * liburing), and print what compendium must report:
 *   URING <bytes> <requests>
 * MODE: inline (the default: the kernel does each read at submit),
 * async (IOSQE_ASYNC: io-wq worker threads do them), fixed (a registered
 * file, IOSQE_FIXED_FILE, and its fd closed before any read), depth4
 * (four requests in flight). No syscall reads the file: under ptrace its
 * bytes are not visible at all.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CHUNK (64 * 1024)
#define DEPTH 4

struct ring {
	int fd;
	unsigned *sq_tail, *sq_mask, *sq_array;
	unsigned *cq_head, *cq_tail, *cq_mask;
	struct io_uring_sqe *sqes;
	struct io_uring_cqe *cqes;
};

static void die(const char *what)
{
	fprintf(stderr, "uring_read: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void ring_setup(struct ring *r)
{
	struct io_uring_params p;
	size_t sq_len, cq_len;
	char *sq, *cq;

	memset(&p, 0, sizeof(p));
	r->fd = (int)syscall(SYS_io_uring_setup, 8, &p);
	if (r->fd < 0)
		die("io_uring_setup");
	sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
	cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_SQ_RING);
	cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_CQ_RING);
	r->sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe),
		       PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
		       IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || r->sqes == MAP_FAILED)
		die("mmap");
	r->sq_tail = (unsigned *)(sq + p.sq_off.tail);
	r->sq_mask = (unsigned *)(sq + p.sq_off.ring_mask);
	r->sq_array = (unsigned *)(sq + p.sq_off.array);
	r->cq_head = (unsigned *)(cq + p.cq_off.head);
	r->cq_tail = (unsigned *)(cq + p.cq_off.tail);
	r->cq_mask = (unsigned *)(cq + p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
}

static void ring_submit(struct ring *r, int fd, unsigned flags, char *buf,
			unsigned long long off, unsigned long long tag)
{
	unsigned tail = *r->sq_tail, i = tail & *r->sq_mask;
	struct io_uring_sqe *sqe = &r->sqes[i];

	memset(sqe, 0, sizeof(*sqe));
	sqe->opcode = IORING_OP_READ;
	sqe->fd = fd;
	sqe->flags = (unsigned char)flags;
	sqe->addr = (unsigned long long)(unsigned long)buf;
	sqe->len = CHUNK;
	sqe->off = off;
	sqe->user_data = tag;
	r->sq_array[i] = i;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
}

/* Wait for one completion; its result. */
static int ring_reap(struct ring *r, unsigned long long *tag)
{
	unsigned head;
	int res;

	while ((head = *r->cq_head) ==
	       __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		if (syscall(SYS_io_uring_enter, r->fd, 0, 1,
			    IORING_ENTER_GETEVENTS, NULL, 0) < 0 &&
		    errno != EINTR)
			die("io_uring_enter");
	res = r->cqes[head & *r->cq_mask].res;
	*tag = r->cqes[head & *r->cq_mask].user_data;
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return res;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "inline";
	static char buf[DEPTH][CHUNK];
	unsigned long long total = 0, next = 0, tag;
	unsigned flags = 0, inflight = 0, depth = 1, requests = 0;
	int fd, sfd;
	struct ring r;

	if (argc < 2) {
		fprintf(stderr,
			"usage: uring_read FILE [inline|async|fixed|depth4]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die(argv[1]);
	ring_setup(&r);
	sfd = fd;
	if (!strcmp(mode, "async")) {
		flags = IOSQE_ASYNC;
	} else if (!strcmp(mode, "fixed")) {
		if (syscall(SYS_io_uring_register, r.fd, IORING_REGISTER_FILES,
			    &fd, 1) < 0)
			die("io_uring_register");
		/* the ring holds the file now: no fd names it any more */
		close(fd);
		sfd = 0;
		flags = IOSQE_FIXED_FILE;
	} else if (!strcmp(mode, "depth4")) {
		depth = DEPTH;
	} else if (strcmp(mode, "inline")) {
		fprintf(stderr, "uring_read: unknown mode '%s'\n", mode);
		return 2;
	}
	for (;;) {
		while (inflight < depth) {
			ring_submit(&r, sfd, flags, buf[next % depth],
				    next * CHUNK, next);
			next++;
			inflight++;
		}
		if (syscall(SYS_io_uring_enter, r.fd, inflight, 0, 0, NULL, 0) <
		    0)
			die("io_uring_enter");
		{
			int res = ring_reap(&r, &tag);

			inflight--;
			requests++;
			if (res < 0) {
				errno = -res;
				die("read");
			}
			total += (unsigned long long)res;
			if (res < CHUNK)
				break;
		}
	}
	/* the reads past the end that were still in flight */
	while (inflight--) {
		int res = ring_reap(&r, &tag);

		requests++;
		if (res > 0)
			total += (unsigned long long)res;
	}
	printf("URING %llu %u\n", total, requests);
	return 0;
}
