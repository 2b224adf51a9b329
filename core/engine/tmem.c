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

/* The region holding addr that goes on furthest past it, or NULL. */
static const struct tmem_region *tmem_buf_find(const struct tmem_buf *b,
					       uint64_t addr)
{
	const struct tmem_region *best = NULL;
	size_t i;

	for (i = 0; i < b->nregions; i++) {
		const struct tmem_region *r = &b->region[i];

		if (addr < r->addr || addr - r->addr >= r->len)
			continue;
		if (!best || r->addr + r->len > best->addr + best->len)
			best = r;
	}
	return best;
}

/*
 * A read may span regions that follow one another: a long buffer comes
 * in pieces, and a payload's may overlap the shorter copy made for -v.
 */
static ssize_t tmem_buf_read(struct tmem *m, uint64_t addr, void *buf,
			     size_t len)
{
	struct tmem_buf *b = container_of(m, struct tmem_buf, mem);
	size_t got = 0;

	while (got < len) {
		const struct tmem_region *r = tmem_buf_find(b, addr + got);
		size_t off, n;

		if (!r)
			break;
		off = (size_t)(addr + got - r->addr);
		n = MIN(len - got, r->len - off);
		memcpy((char *)buf + got, (const char *)r->bytes + off, n);
		got += n;
	}
	if (!got && len)
		return -EFAULT;
	return (ssize_t)got;
}

void tmem_buf_init(struct tmem_buf *b, const struct tmem_region *region,
		   size_t nregions)
{
	b->mem.read = tmem_buf_read;
	b->mem.read_str = tmem_read_str_paged;
	b->region = region;
	b->nregions = nregions;
}
