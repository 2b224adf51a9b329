// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The mmap analyzer (plugins/analyzers/mmap.c) against the fake host: the interval
 * set checked against a page-by-page model under random maps, unmaps and
 * remaps; brk per process; fork, exec and exit; hidden mappings; hostile
 * arguments; the exact "memory" report schema.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* MREMAP_MAYMOVE */
#endif
#include <linux/audit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cpd_test.h"
#include "fake_host.h"

extern const struct cpd_plugin cpd_plugin_v1;

#define PG   4096u
#define LIBC "/usr/lib/x86_64-linux-gnu/libc.so.6"

static struct fake_host *start(bool verbose)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "mmap");

	fake_host_run_info(fh)->verbose = verbose;
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

static int feed_brk(struct fake_host *fh, int pid, int tid, uint64_t ret)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, pid, "brk", (int64_t)ret);
	sc.ev.tid = tid;
	return fake_host_feed(fh, &sc.ev);
}

static int feed_mmap(struct fake_host *fh, int pid, uint64_t ret, uint64_t len,
		     uint64_t flags, const char *path)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, pid, "mmap", (int64_t)ret);
	fake_syscall_raw(&sc, 0, (flags & MAP_FIXED) ? ret : 0);
	fake_syscall_raw(&sc, 1, len);
	fake_syscall_raw(&sc, 2, PROT_READ | PROT_WRITE);
	fake_syscall_raw(&sc, 3, flags);
	if (path)
		fake_syscall_fd(&sc, 4, 3, CPD_FD_FILE, path);
	else
		fake_syscall_raw(&sc, 4, (uint64_t)-1);
	return fake_host_feed(fh, &sc.ev);
}

static int feed_munmap(struct fake_host *fh, int pid, uint64_t addr,
		       uint64_t len)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, pid, "munmap", 0);
	fake_syscall_raw(&sc, 0, addr);
	fake_syscall_raw(&sc, 1, len);
	return fake_host_feed(fh, &sc.ev);
}

static int feed_mremap(struct fake_host *fh, int pid, uint64_t old,
		       uint64_t old_len, uint64_t new_len, uint64_t ret)
{
	struct fake_syscall sc;

	fake_syscall_init(&sc, pid, "mremap", (int64_t)ret);
	fake_syscall_raw(&sc, 0, old);
	fake_syscall_raw(&sc, 1, old_len);
	fake_syscall_raw(&sc, 2, new_len);
	fake_syscall_raw(&sc, 3, MREMAP_MAYMOVE);
	return fake_host_feed(fh, &sc.ev);
}

static int feed_proc(struct fake_host *fh, int pid, uint32_t op, uint32_t flags,
		     int child)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_PROC;
	ev.source = CPD_SRC_CORE;
	ev.pid = pid;
	ev.tid = pid;
	ev.u.proc.op = op;
	ev.u.proc.flags = flags;
	ev.u.proc.child_pid = child;
	ev.u.proc.child_tid = child;
	ev.u.proc.exit_code = -1;
	return fake_host_feed(fh, &ev);
}

static const struct cpd_event *last_mmap(struct fake_host *fh)
{
	size_t n = fake_host_count(fh, CPD_EV_MMAP);

	return n ? fake_host_nth(fh, CPD_EV_MMAP, n - 1) : NULL;
}

static uint64_t kv(struct fake_host *fh, const char *key)
{
	const struct cpd_event *r = fake_host_report(fh, "memory", 0);
	const struct cpd_kv *k = r ? fake_host_kv(r, key) : NULL;

	CU_ASSERT_PTR_NOT_NULL(k);
	return k ? k->v.u64 : UINT64_MAX;
}

/* ---- the interval set against a page model ------------------------- */

#define NPAGES 64
#define BASE   UINT64_C(0x7f0000000000)

struct model {
	char page[NPAGES]; /* 0 unmapped, 'v' visible, 'h' hidden */
};

static uint64_t model_bytes(const struct model *m, char what)
{
	uint64_t n = 0;
	int i;

	for (i = 0; i < NPAGES; i++)
		n += m->page[i] == what;
	return n * PG;
}

static void model_set(struct model *m, int first, int count, char what)
{
	int i;

	for (i = first; i < first + count && i < NPAGES; i++)
		if (i >= 0)
			m->page[i] = what;
}

static void test_fuzz_intervals(void)
{
	struct fake_host *fh = start(true);
	struct model m;
	uint64_t peak = 0;
	unsigned seed = 12345, step;

	memset(&m, 0, sizeof(m));
	for (step = 0; step < 4000; step++) {
		int op = (int)(rand_r(&seed) % 4);
		int first = (int)(rand_r(&seed) % NPAGES);
		int count = 1 + (int)(rand_r(&seed) % 12);
		const struct cpd_event *ev;
		char what = 'v';
		uint64_t len;
		int i;

		if (first + count > NPAGES)
			count = NPAGES - first;
		/* odd lengths: the analyzer rounds up to pages */
		len = (uint64_t)count * PG - rand_r(&seed) % PG;
		if (op == 0 || op == 1) {
			/* anonymous, or a library file */
			const char *path = op == 1 ? LIBC : NULL;
			bool ovis = false, ohid = false;

			for (i = first; i < first + count; i++) {
				ovis |= m.page[i] == 'v';
				ohid |= m.page[i] == 'h';
			}
			if (path)
				what = 'h';
			else if (ohid && !ovis)
				what = 'h'; /* .bss fixed inside a library */
			CU_ASSERT_EQUAL(
				feed_mmap(fh, 1, BASE + first * PG, len,
					  MAP_PRIVATE | MAP_FIXED |
						  (path ? 0 : MAP_ANONYMOUS),
					  path),
				0);
			model_set(&m, first, count, what);
		} else if (op == 2) {
			CU_ASSERT_EQUAL(
				feed_munmap(fh, 1, BASE + first * PG, len), 0);
			model_set(&m, first, count, 0);
		} else {
			/* move [first, +count) to the top, grown by one page */
			int to = NPAGES - count - 1;

			if (to < 0 || first + count > to)
				continue;
			what = m.page[first] == 'h' ? 'h' : 'v';
			CU_ASSERT_EQUAL(feed_mremap(fh, 1, BASE + first * PG,
						    (uint64_t)count * PG,
						    (uint64_t)(count + 1) * PG,
						    BASE + to * PG),
					0);
			model_set(&m, first, count, 0);
			model_set(&m, to, count + 1, what);
		}
		ev = last_mmap(fh);
		CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
		if (ev->u.mmap.mapped_bytes != model_bytes(&m, 'v')) {
			CU_FAIL("mapped bytes differ from the page model");
			fprintf(stderr, "  step %u op %d: %llu, model %llu\n",
				step, op,
				(unsigned long long)ev->u.mmap.mapped_bytes,
				(unsigned long long)model_bytes(&m, 'v'));
			break;
		}
		if (model_bytes(&m, 'v') > peak)
			peak = model_bytes(&m, 'v');
		fake_host_clear(fh);
	}
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_bytes"), model_bytes(&m, 'v'));
	CPD_ASSERT_UINT_EQ(kv(fh, "hidden_mapped_bytes"), model_bytes(&m, 'h'));
	CPD_ASSERT_UINT_EQ(kv(fh, "peak_mapped_bytes"), peak);
	fake_host_free(fh);
}

/* Regions are mappings: a hole splits one, an overlay keeps the count. */
static void test_regions(void)
{
	struct fake_host *fh = start(false);

	feed_mmap(fh, 1, BASE, 10 * PG, MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	feed_munmap(fh, 1, BASE + 3 * PG, 2 * PG);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.delta, -2 * (int64_t)PG);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.len, 2 * PG);
	/* the same hole again: nothing left to remove */
	feed_munmap(fh, 1, BASE + 3 * PG, 2 * PG);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.delta, 0);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.len, 0);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.old_len, 2 * PG);
	/* a reservation and a fixed mapping inside it: 3 regions, 8 pages */
	feed_mmap(fh, 1, BASE + 20 * PG, 8 * PG, MAP_PRIVATE | MAP_ANONYMOUS,
		  NULL);
	feed_mmap(fh, 1, BASE + 22 * PG, 3 * PG,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.delta, 0);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.mapped_bytes, 16 * PG);
	CU_ASSERT_TRUE(last_mmap(fh)->u.mmap.flags & CPD_MMAPF_FIXED);
	CU_ASSERT_TRUE(last_mmap(fh)->u.mmap.flags & CPD_MMAPF_ANON);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_regions"), 5);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_bytes"), 16 * PG);
	fake_host_free(fh);
}

static void test_brk(void)
{
	struct fake_host *fh = start(false);
	const struct cpd_event *ev;

	/* the first break is the start; growth up to 4096 is quiet */
	feed_brk(fh, 10, 10, 0x1000000);
	feed_brk(fh, 10, 10, 0x1000000 + 4096);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 0);
	feed_brk(fh, 10, 10, 0x1000000 + 4096 + 4097);
	ev = last_mmap(fh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.op, CPD_MMAP_BRK);
	CPD_ASSERT_INT_EQ(ev->u.mmap.delta, 4097);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.old_addr, 0x1000000 + 4096);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.heap_bytes, 8193);
	/* a thread's brk moves the process' break, not a break of its own */
	feed_brk(fh, 10, 11, 0x1000000 + 20000);
	ev = last_mmap(fh);
	CPD_ASSERT_INT_EQ(ev->tid, 11);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.heap_bytes, 20000);
	CPD_ASSERT_INT_EQ(ev->u.mmap.delta, 20000 - 8193);
	/* a shrink is quiet, and the heap is what is left */
	feed_brk(fh, 10, 11, 0x1000000 + 10000);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 2);
	/* a failed brk returns the old break: nothing changes */
	feed_brk(fh, 10, 10, 0x1000000 + 10000);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 2);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "heap_bytes"), 10000);
	CPD_ASSERT_UINT_EQ(kv(fh, "total_bytes"), 10000);
	fake_host_free(fh);
}

/* exec folds the old image in, then a new heap starts; so does exit. */
static void test_exec_fork_exit(void)
{
	struct fake_host *fh = start(false);
	const struct cpd_event *ev;

	feed_brk(fh, 20, 20, 0x2000000);
	feed_brk(fh, 20, 20, 0x2000000 + 50000);
	feed_mmap(fh, 20, BASE, 5 * PG, MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	/* a child's heap starts at its parent's break, its mappings empty */
	feed_proc(fh, 20, CPD_PROC_SPAWN_PROCESS, 0, 21);
	feed_brk(fh, 21, 21, 0x2000000 + 50000 + 8192);
	ev = last_mmap(fh);
	CPD_ASSERT_INT_EQ(ev->pid, 21);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.heap_bytes, 8192);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.mapped_bytes, 0);
	feed_mmap(fh, 21, BASE + 100 * PG, 2 * PG, MAP_PRIVATE | MAP_ANONYMOUS,
		  NULL);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.mapped_bytes, 2 * PG);
	/* a thread exiting is not the process exiting */
	feed_proc(fh, 21, CPD_PROC_EXIT, 0, 0);
	feed_proc(fh, 21, CPD_PROC_EXIT,
		  CPD_PROCF_LEADER | CPD_PROCF_GROUP_EXIT, 0);

	/* exec: 50000 of heap and 5 pages are folded, then a fresh start */
	feed_proc(fh, 20, CPD_PROC_EXEC, 0, 0);
	feed_brk(fh, 20, 20, 0x9000000);
	feed_brk(fh, 20, 20, 0x9000000 + 30000);
	ev = last_mmap(fh);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.heap_bytes, 30000);
	CPD_ASSERT_UINT_EQ(ev->u.mmap.mapped_bytes, 0);
	feed_mmap(fh, 20, BASE + 7 * PG, 3 * PG, MAP_PRIVATE | MAP_ANONYMOUS,
		  NULL);

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "heap_bytes"), 50000 + 8192 + 30000);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_bytes"), (5 + 2 + 3) * PG);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_regions"), 3);
	CPD_ASSERT_UINT_EQ(kv(fh, "total_bytes"),
			   50000 + 8192 + 30000 + (5 + 2 + 3) * PG);
	/* the parent's 5 pages and the child's 2 were live together */
	CPD_ASSERT_UINT_EQ(kv(fh, "peak_mapped_bytes"), 7 * PG);
	fake_host_free(fh);
}

static void test_hidden(void)
{
	struct fake_host *fh = start(false);

	/* a library and the anonymous .bss the loader puts inside it */
	feed_mmap(fh, 1, BASE, 10 * PG, MAP_PRIVATE, LIBC);
	feed_mmap(fh, 1, BASE + 8 * PG, 2 * PG,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);
	feed_mmap(fh, 1, BASE + 20 * PG, 1 * PG, MAP_SHARED, "/dev/zero");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 0);
	feed_munmap(fh, 1, BASE + 9 * PG, PG);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 0);
	/* the program's own file is not noise */
	feed_mmap(fh, 1, BASE + 30 * PG, 100, MAP_SHARED, "/home/u/data.bin");
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 1);
	CPD_ASSERT_STR_EQ(last_mmap(fh)->u.mmap.path.ptr, "/home/u/data.bin");
	CU_ASSERT_TRUE(last_mmap(fh)->u.mmap.flags & CPD_MMAPF_SHARED);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.delta, PG);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_bytes"), PG);
	CPD_ASSERT_UINT_EQ(kv(fh, "hidden_mapped_bytes"), 10 * PG);
	fake_host_free(fh);

	/* -v: published, flagged */
	fh = start(true);
	feed_mmap(fh, 1, BASE, 10 * PG, MAP_PRIVATE, LIBC);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 1);
	CU_ASSERT_TRUE(last_mmap(fh)->u.mmap.flags & CPD_MMAPF_HIDDEN);
	fake_host_free(fh);

	/* noise_filter = no: a library is a mapping like another */
	fh = fake_host_new(&cpd_plugin_v1, "mmap");
	fake_host_set(fh, "noise_filter", "no");
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	feed_mmap(fh, 1, BASE, 10 * PG, MAP_PRIVATE, LIBC);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 1);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.mapped_bytes, 10 * PG);
	fake_host_free(fh);
}

/* Arguments that would wrap or make no sense change nothing. */
static void test_hostile(void)
{
	struct fake_host *fh = start(true);
	struct fake_syscall sc;

	feed_mmap(fh, 1, BASE, PG, MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	fake_host_clear(fh);
	feed_mmap(fh, 1, UINT64_MAX - PG, 10 * PG, MAP_PRIVATE | MAP_ANONYMOUS,
		  NULL);
	feed_mmap(fh, 1, BASE, UINT64_MAX, MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	feed_munmap(fh, 1, UINT64_MAX & ~(uint64_t)(PG - 1), UINT64_MAX);
	feed_mremap(fh, 1, BASE, UINT64_MAX, PG, BASE);
	feed_mremap(fh, 1, BASE, PG, UINT64_MAX - 1, BASE);
	feed_mmap(fh, 1, BASE, 0, MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	/* failures and unfinished calls are not accounted */
	fake_host_clear(fh);
	fake_syscall_init(&sc, 1, "munmap", -22);
	fake_syscall_raw(&sc, 0, BASE);
	fake_syscall_raw(&sc, 1, PG);
	fake_host_feed(fh, &sc.ev);
	fake_syscall_init(&sc, 1, "munmap", 0);
	fake_syscall_raw(&sc, 0, BASE);
	fake_syscall_raw(&sc, 1, PG);
	sc.ev.u.syscall.flags |= CPD_SCF_NO_EXIT;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 0);
	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(kv(fh, "mmap_bytes"), PG);
	fake_host_free(fh);
}

/* i386: old mmap passes its arguments in memory, mmap2 counts pages. */
static void test_compat(void)
{
	struct fake_host *fh = start(false);
	struct cpd_mmap_args args = {
		.len = 3 * PG,
		.prot = PROT_READ,
		.flags = MAP_PRIVATE | MAP_ANONYMOUS,
		.fd = -1,
	};
	struct fake_syscall sc;

	/* old_mmap: i386's "mmap" with its arguments decoded by the core */
	fake_syscall_init(&sc, 1, "mmap", 0x40000000);
	sc.ev.u.syscall.arch = AUDIT_ARCH_I386;
	sc.ev.u.syscall.nargs = 1;
	sc.arg[0].kind = CPD_ARG_MMAP_ARGS;
	fake_syscall_raw(&sc, 0, 0x8000);
	sc.ev.u.syscall.argdata[0].mmap = &args;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 1);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.len, 3 * PG);
	CPD_ASSERT_UINT_EQ(last_mmap(fh)->u.mmap.mapped_bytes, 3 * PG);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.fd, -1);
	/* unreadable arguments: nothing is made up */
	sc.ev.u.syscall.argdata[0].mmap = NULL;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 1);
	/* a file: the fd in the block, described like mmap2's */
	args.addr = 0;
	args.flags = MAP_PRIVATE;
	args.fd = 5;
	args.offset = 2 * PG;
	sc.ev.u.syscall.argdata[0].mmap = &args;
	fake_syscall_fd(&sc, 0, 5, CPD_FD_FILE, "/data/blob");
	sc.arg[0].raw = 0x8000;
	sc.ev.u.syscall.ret = 0x50000000;
	fake_host_feed(fh, &sc.ev);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_MMAP), 2);
	CPD_ASSERT_STR_EQ(last_mmap(fh)->u.mmap.path.ptr, "/data/blob");
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.fd, 5);
	CPD_ASSERT_INT_EQ(last_mmap(fh)->u.mmap.offset, 2 * PG);
	fake_host_free(fh);
}

static void test_report_schema(void)
{
	static const struct {
		const char *key, *label;
		uint16_t unit;
	} want[] = {
		{ "heap_bytes", "Heap", CPD_UNIT_BYTES },
		{ "mmap_bytes", "Mmap", CPD_UNIT_BYTES },
		{ "mmap_regions", "regions", CPD_UNIT_COUNT },
		{ "total_bytes", "Total", CPD_UNIT_BYTES },
		{ "peak_mapped_bytes", "Peak mapped", CPD_UNIT_BYTES },
		{ "hidden_mapped_bytes", "Library and system mappings",
		  CPD_UNIT_BYTES },
	};
	struct fake_host *fh = start(false);
	const struct cpd_event *r;
	size_t i;

	CU_ASSERT_EQUAL(fake_host_stop(fh), 0);
	CPD_ASSERT_UINT_EQ(fake_host_count(fh, CPD_EV_REPORT), 1);
	r = fake_host_report(fh, "memory", 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CPD_ASSERT_STR_EQ(r->u.report.title.ptr, "Memory");
	CPD_ASSERT_INT_EQ(r->u.report.order, 10);
	CPD_ASSERT_UINT_EQ(r->u.report.flags, 0);
	CPD_ASSERT_UINT_EQ(r->u.report.nkv, 6);
	for (i = 0; i < 6 && i < r->u.report.nkv; i++) {
		const struct cpd_kv *k = &r->u.report.kv[i];

		CPD_ASSERT_STR_EQ(k->key.ptr, want[i].key);
		CPD_ASSERT_STR_EQ(k->label.ptr, want[i].label);
		CPD_ASSERT_UINT_EQ(k->unit, want[i].unit);
		CPD_ASSERT_UINT_EQ(k->type, CPD_KV_U64);
	}
	CPD_ASSERT_UINT_EQ(fake_host_refused(fh), 0);
	fake_host_free(fh);
}

static CU_TestInfo mmap_tests[] = {
	{ "fuzz_intervals", test_fuzz_intervals },
	{ "regions", test_regions },
	{ "brk", test_brk },
	{ "exec_fork_exit", test_exec_fork_exit },
	{ "hidden", test_hidden },
	{ "hostile", test_hostile },
	{ "compat", test_compat },
	{ "report_schema", test_report_schema },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "mmap", .pTests = mmap_tests },
	CU_SUITE_INFO_NULL,
};
