// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * umem as the decoder's memory source (core/engine/umem.c), read from
 * this very process (process_vm_readv works on oneself): reads across a
 * page boundary, up to and into an unmapped page, strings that end just
 * before one, big reads, and the per-stop page cache: a page is read
 * once per umem, so a change made after it was loaded is seen only by a
 * fresh one, as at the next stop.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cpd_test.h"
#include "engine/umem.h"

#define PG UMEM_PAGE

/* Three pages, the last one unmapped: a guard after two readable ones. */
static unsigned char *map_two(void)
{
	unsigned char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t i;

	CU_ASSERT_FATAL(p != MAP_FAILED);
	CU_ASSERT_EQUAL_FATAL(munmap(p + 2 * PG, PG), 0);
	for (i = 0; i < 2 * PG; i++)
		p[i] = (unsigned char)(i * 7);
	return p;
}

static uint64_t at(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static void test_reads(void)
{
	unsigned char *p = map_two(), buf[3 * PG];
	struct umem u;

	umem_init(&u, getpid());
	/* across the boundary between the two pages */
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + PG - 10), buf, 20), 20);
	CU_ASSERT_EQUAL(memcmp(buf, p + PG - 10, 20), 0);
	/* running into the guard: short, up to it */
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + 2 * PG - 8), buf, 64), 8);
	CU_ASSERT_EQUAL(memcmp(buf, p + 2 * PG - 8, 8), 0);
	/* on it, and at NULL: nothing */
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + 2 * PG), buf, 4), -EFAULT);
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, 0, buf, 4), -EFAULT);
	/* a page or more: read as asked, short at the guard */
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + 16), buf, 3 * PG),
			  (int)(2 * PG - 16));
	CU_ASSERT_EQUAL(memcmp(buf, p + 16, 2 * PG - 16), 0);
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p), buf, 0), 0);
	munmap(p, 2 * PG);
}

static void test_strings(void)
{
	unsigned char *p = map_two();
	struct umem u;
	char s[64];
	bool truncated;

	/* ends with the last byte before the guard */
	memcpy(p + 2 * PG - 6, "hello", 6);
	umem_init(&u, getpid());
	CPD_ASSERT_INT_EQ(
		tmem_read_str(&u.mem, at(p + 2 * PG - 6), s, 32, &truncated),
		5);
	CPD_ASSERT_STR_EQ(s, "hello");
	CU_ASSERT_FALSE(truncated);
	/* no NUL before the guard: not a string the kernel would take */
	memset(p + 2 * PG - 6, 'x', 6);
	umem_init(&u, getpid());
	CPD_ASSERT_INT_EQ(
		tmem_read_str(&u.mem, at(p + 2 * PG - 6), s, 32, &truncated),
		-EFAULT);
	/* longer than max: cut */
	memset(p, 'y', 100);
	CPD_ASSERT_INT_EQ(tmem_read_str(&u.mem, at(p), s, 10, &truncated), 10);
	CU_ASSERT_TRUE(truncated);
	CPD_ASSERT_STR_EQ(s, "yyyyyyyyyy");
	munmap(p, 2 * PG);
}

static void test_cache(void)
{
	unsigned char *p = map_two(), b[8];
	struct umem u, fresh;
	int i;

	umem_init(&u, getpid());
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + 100), b, 4), 4);
	/* the same stop: the page already read is what is served */
	p[100] = 0xee;
	CPD_ASSERT_INT_EQ(tmem_read(&u.mem, at(p + 100), b, 4), 4);
	CU_ASSERT_NOT_EQUAL(b[0], 0xee);
	/* the next stop reads it again */
	umem_init(&fresh, getpid());
	CPD_ASSERT_INT_EQ(tmem_read(&fresh.mem, at(p + 100), b, 4), 4);
	CPD_ASSERT_UINT_EQ(b[0], 0xee);
	/* more pages than slots: every read still right */
	for (i = 0; i < 3 * (int)UMEM_SLOTS; i++) {
		unsigned char *q = p + (size_t)(i % 2) * PG + (size_t)i * 3;

		CPD_ASSERT_INT_EQ(tmem_read(&fresh.mem, at(q), b, sizeof(b)),
				  (int)sizeof(b));
		CU_ASSERT_EQUAL(memcmp(b, q, sizeof(b)), 0);
	}
	munmap(p, 2 * PG);
}

static CU_TestInfo umem_tests[] = {
	{ "reads", test_reads },
	{ "strings", test_strings },
	{ "cache", test_cache },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "umem", .pTests = umem_tests },
	CU_SUITE_INFO_NULL,
};
