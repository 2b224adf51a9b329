/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Tracee memory as the decoder reads it: two calls behind a pointer, so
 * the decoder does not care where the bytes come from. The ptrace engine
 * reads the stopped task (umem.c); an engine that captures argument
 * memory in the kernel serves the same reads from what it captured
 * (struct tmem_buf below). Addresses are the tracee's.
 *
 * A failed read is data, never an error: the decoder marks the argument
 * PARTIAL and goes on. Nothing else is asked of a source: no state, no
 * order of reads, no alignment.
 */
#ifndef CPD_CORE_TMEM_H
#define CPD_CORE_TMEM_H

#include <sys/types.h>

#include "base/cpd.h"

struct tmem {
	/*
	 * Copy len bytes at addr into buf. Returns the bytes copied (short
	 * when the memory ends), or -errno (-EFAULT) when none could be.
	 */
	ssize_t (*read)(struct tmem *m, uint64_t addr, void *buf, size_t len);
	/*
	 * Copy the NUL-terminated string at addr, at most max bytes of it,
	 * into buf (max + 1 bytes; always terminated). Returns its length,
	 * or -errno when the string is not readable up to its NUL or to max
	 * bytes (the kernel would fail on it too). *truncated is set when
	 * max bytes came without a NUL.
	 */
	ssize_t (*read_str)(struct tmem *m, uint64_t addr, char *buf,
			    size_t max, bool *truncated);
};

static inline ssize_t tmem_read(struct tmem *m, uint64_t addr, void *buf,
				size_t len)
{
	return m->read(m, addr, buf, len);
}

static inline ssize_t tmem_read_str(struct tmem *m, uint64_t addr, char *buf,
				    size_t max, bool *truncated)
{
	return m->read_str(m, addr, buf, max, truncated);
}

/*
 * read_str for a source that has only read: page by page up to the NUL,
 * so a string that ends just before an unmapped page reads whole.
 */
ssize_t tmem_read_str_paged(struct tmem *m, uint64_t addr, char *buf,
			    size_t max, bool *truncated);

/* One captured stretch of tracee memory. */
struct tmem_region {
	uint64_t addr;
	const void *bytes;
	size_t len;
};

/*
 * Memory captured beforehand: reads are served from the regions (a read
 * starting outside them fails with -EFAULT; one running off a region's
 * end goes on in a region that holds the next byte, else is short).
 * Neither the array nor the bytes are copied.
 */
struct tmem_buf {
	struct tmem mem;
	const struct tmem_region *region;
	size_t nregions;
};

void tmem_buf_init(struct tmem_buf *b, const struct tmem_region *region,
		   size_t nregions);

#endif /* CPD_CORE_TMEM_H */
