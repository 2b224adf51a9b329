// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "tmem.h"

#include <errno.h>
#include <string.h>

#define TMEM_PAGE 4096u

ssize_t tmem_read_str_paged(struct tmem *m, uint64_t addr, char *buf,
			    size_t max, bool *truncated)
{
	size_t done = 0;

	*truncated = false;
	buf[0] = '\0';
	if (!addr)
		return -EFAULT;
	while (done < max) {
		uint64_t a = addr + done;
		size_t page_left = TMEM_PAGE - (size_t)(a & (TMEM_PAGE - 1));
		size_t want = MIN(page_left, max - done);
		ssize_t n = tmem_read(m, a, buf + done, want);
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

static ssize_t tmem_buf_read(struct tmem *m, uint64_t addr, void *buf,
			     size_t len)
{
	struct tmem_buf *b = container_of(m, struct tmem_buf, mem);
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < b->nregions; i++) {
		const struct tmem_region *r = &b->region[i];
		size_t off, n;

		if (addr < r->addr || addr - r->addr >= r->len)
			continue;
		off = (size_t)(addr - r->addr);
		n = MIN(len, r->len - off);
		memcpy(buf, (const char *)r->bytes + off, n);
		return (ssize_t)n;
	}
	return -EFAULT;
}

void tmem_buf_init(struct tmem_buf *b, const struct tmem_region *region,
		   size_t nregions)
{
	b->mem.read = tmem_buf_read;
	b->mem.read_str = tmem_read_str_paged;
	b->region = region;
	b->nregions = nregions;
}
