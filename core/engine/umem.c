// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "umem.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

static bool umem_peek_only;

void umem_force_peek(bool on)
{
	umem_peek_only = on;
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

/* The slot holding page pg, loading it if it can be read whole; or NULL. */
static const unsigned char *umem_page(struct umem *u, uint64_t pg)
{
	struct iovec local, remote;
	unsigned i = u->next, k;

	for (k = 0; k < UMEM_SLOTS; k++)
		if (u->loaded[k] && u->page[k] == pg)
			return u->data[k];
	/* PEEKDATA would take 512 stops for a page: read only what is asked */
	if (umem_peek_only || !pg)
		return NULL;
	local.iov_base = u->data[i];
	local.iov_len = UMEM_PAGE;
	remote.iov_base = (void *)(uintptr_t)pg;
	remote.iov_len = UMEM_PAGE;
	u->loaded[i] = false;
	if (process_vm_readv(u->tid, &local, 1, &remote, 1, 0) != UMEM_PAGE)
		return NULL;
	u->loaded[i] = true;
	u->page[i] = pg;
	u->next = (i + 1) % UMEM_SLOTS;
	return u->data[i];
}

static ssize_t umem_source_read(struct tmem *m, uint64_t addr, void *buf,
				size_t len)
{
	struct umem *u = container_of(m, struct umem, mem);
	size_t done = 0;

	/* a big read is one syscall as it is */
	if (len >= UMEM_PAGE)
		return umem_read(u->tid, addr, buf, len);
	while (done < len) {
		uint64_t a = addr + done, pg = a & ~(uint64_t)(UMEM_PAGE - 1);
		size_t off = (size_t)(a - pg),
		       n = MIN(UMEM_PAGE - off, len - done);
		const unsigned char *p = umem_page(u, pg);
		ssize_t r;

		if (!p) {
			/* not readable whole (a guard page, a fault): exactly */
			r = umem_read(u->tid, a, (char *)buf + done,
				      len - done);
			if (r < 0)
				return done ? (ssize_t)done : r;
			return (ssize_t)(done + (size_t)r);
		}
		memcpy((char *)buf + done, p + off, n);
		done += n;
	}
	return (ssize_t)done;
}

void umem_init(struct umem *u, pid_t tid)
{
	u->mem.read = umem_source_read;
	u->mem.read_str = tmem_read_str_paged;
	u->tid = tid;
	u->next = 0;
	memset(u->loaded, 0, sizeof(u->loaded));
}
