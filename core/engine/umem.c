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

static ssize_t umem_source_read(const struct tmem *m, uint64_t addr, void *buf,
				size_t len)
{
	return umem_read(container_of(m, struct umem, mem)->tid, addr, buf,
			 len);
}

void umem_init(struct umem *u, pid_t tid)
{
	u->mem.read = umem_source_read;
	u->mem.read_str = tmem_read_str_paged;
	u->tid = tid;
}
