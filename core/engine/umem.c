// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "umem.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

static bool umem_peek_only;
static const struct umem_snapshot *umem_snap;

void umem_force_peek(bool on)
{
	umem_peek_only = on;
}

void umem_set_snapshot(const struct umem_snapshot *snap)
{
	umem_snap = snap;
}

/* The chunk holding addr, or NULL. */
static const struct umem_chunk *umem_snap_find(uint64_t addr)
{
	size_t i;

	for (i = 0; i < umem_snap->n; i++) {
		const struct umem_chunk *c = &umem_snap->c[i];

		if (addr == c->addr ||
		    (addr > c->addr && addr - c->addr < c->len))
			return c;
	}
	return NULL;
}

static ssize_t umem_snap_read(uint64_t addr, void *buf, size_t len)
{
	const struct umem_chunk *c = umem_snap_find(addr);
	size_t skip, n;

	if (!c)
		return -ENODATA;
	if (c->flags & UMEM_CHUNK_FAULT)
		return -EFAULT;
	skip = (size_t)(addr - c->addr);
	if (skip >= c->len)
		return -ENODATA;
	n = MIN(len, (size_t)c->len - skip);
	memcpy(buf, c->data + skip, n);
	return (ssize_t)n;
}

static ssize_t umem_snap_read_str(uint64_t addr, char *buf, size_t max,
				  bool *truncated)
{
	const struct umem_chunk *c = umem_snap_find(addr);
	size_t skip, avail;
	const char *p, *nul;

	if (!c)
		return -ENODATA;
	if (c->flags & UMEM_CHUNK_FAULT)
		return -EFAULT;
	skip = (size_t)(addr - c->addr);
	if (skip >= c->len)
		return -ENODATA;
	p = c->data + skip;
	avail = c->len - skip;
	nul = memchr(p, '\0', avail);
	if (nul && (size_t)(nul - p) <= max) {
		memcpy(buf, p, (size_t)(nul - p) + 1);
		/* a string cut in the kernel ends in the NUL it was given */
		*truncated = (c->flags & UMEM_CHUNK_TRUNC) &&
			     (size_t)(nul - p) + 1 == avail;
		return nul - p;
	}
	if (!nul && !(c->flags & UMEM_CHUNK_TRUNC) && avail <= max)
		return -EFAULT;
	avail = MIN(avail, max);
	memcpy(buf, p, avail);
	buf[avail] = '\0';
	*truncated = true;
	return (ssize_t)avail;
}

static ssize_t umem_peek(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t a = addr + done;
		uint64_t aligned = a & ~(uint64_t)(sizeof(long) - 1);
		size_t skip = (size_t)(a - aligned);
		size_t n = MIN(sizeof(long) - skip, len - done);
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, (void *)(uintptr_t)aligned,
			      NULL);
		if (errno)
			return done ? (ssize_t)done : -errno;
		memcpy((char *)buf + done, (char *)&word + skip, n);
		done += n;
	}
	return (ssize_t)done;
}

ssize_t umem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	ssize_t n;

	if (!len)
		return 0;
	if (!addr)
		return -EFAULT;
	if (umem_snap)
		return umem_snap_read(addr, buf, len);
	if (!umem_peek_only) {
		n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (n > 0)
			return n;
		/* EFAULT is the tracee's bad pointer: PEEKDATA won't do better */
		if (n < 0 && (errno == EFAULT || errno == ESRCH))
			return -errno;
	}
	return umem_peek(tid, addr, buf, len);
}

ssize_t umem_read_str(pid_t tid, uint64_t addr, char *buf, size_t max,
		      bool *truncated)
{
	size_t done = 0;

	*truncated = false;
	if (!addr)
		return -EFAULT;
	if (umem_snap)
		return umem_snap_read_str(addr, buf, max, truncated);
	/*
	 * Read page by page: a string that ends just before an unmapped page
	 * must not fail because we asked for bytes beyond it.
	 */
	while (done < max) {
		uint64_t a = addr + done;
		size_t page_left = 4096 - (size_t)(a & 4095);
		size_t want = MIN(page_left, max - done);
		ssize_t n = umem_read(tid, a, buf + done, want);
		char *nul;

		if (n <= 0) {
			/*
			 * No NUL before the fault: the kernel fails on this
			 * string too, so the bytes read are not the string.
			 */
			buf[done] = '\0';
			return n < 0 ? n : -EFAULT;
		}
		nul = memchr(buf + done, '\0', (size_t)n);
		if (nul)
			return nul - buf;
		done += (size_t)n;
		if ((size_t)n < want) {
			buf[done] = '\0';
			return -EFAULT;
		}
	}
	buf[max] = '\0';
	*truncated = true;
	return (ssize_t)max;
}
