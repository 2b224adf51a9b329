// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The eBPF analyzers' user-space half without a kernel: raw ring-buffer
 * records, laid out as bpf/records.h says, go through the translation
 * into bus events; the block I/O grouping and the latency histograms get
 * known sequences, and so do the report values made of a histogram and
 * the table of report rows.
 */
#include <errno.h>
#include <string.h>

#include "cpd_test.h"
#include "ebpf/hist.h"
#include "ebpf/hist_report.h"
#include "ebpf/rows.h"
#include "ebpf/translate.h"

static struct cpd_bpf_sched_rec sched_rec(uint32_t op)
{
	struct cpd_bpf_sched_rec r;

	memset(&r, 0, sizeof(r));
	r.tid = 4242;
	r.tgid = 4240;
	r.op = op;
	r.cpu = 1;
	r.runnable_ns = 5000000000ULL;
	r.delay_ns = 123456;
	memcpy(r.comm, "sleeper", 7);
	return r;
}

static void test_sched_record(void)
{
	struct cpd_bpf_sched_rec r = sched_rec(CPD_BPF_SCHED_PREEMPT);
	struct cpd_event ev;

	CU_ASSERT_EQUAL_FATAL(ebpf_sched_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.kind, CPD_EV_SCHED);
	CU_ASSERT_EQUAL(ev.size, sizeof(ev));
	CU_ASSERT_EQUAL(ev.pid, 4240);
	CU_ASSERT_EQUAL(ev.tid, 4242);
	CU_ASSERT_EQUAL(ev.u.sched.op, CPD_SCHED_PREEMPT);
	CU_ASSERT_EQUAL(ev.u.sched.cpu, 1);
	CU_ASSERT_EQUAL(ev.u.sched.delay_ns, 123456);
	CU_ASSERT_EQUAL(ev.u.sched.runnable_ns, 5000000000ULL);
	/* the event is stamped when the thread ran, on the bus' clock */
	CU_ASSERT_EQUAL(ev.ts_ns, 5000000000ULL + 123456);
	CU_ASSERT_EQUAL(ev.comm.len, 7);
	CU_ASSERT_EQUAL(memcmp(ev.comm.ptr, "sleeper", 7), 0);
	/* the record's op values are the SDK's */
	r = sched_rec(CPD_BPF_SCHED_WAKEUP);
	CU_ASSERT_EQUAL(ebpf_sched_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.u.sched.op, CPD_SCHED_WAKEUP);
	r = sched_rec(CPD_BPF_SCHED_NEW);
	CU_ASSERT_EQUAL(ebpf_sched_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.u.sched.op, CPD_SCHED_NEW);
}

static void test_sched_bad(void)
{
	struct cpd_bpf_sched_rec r = sched_rec(CPD_BPF_SCHED_WAKEUP);
	struct cpd_event ev;

	CU_ASSERT_EQUAL(ebpf_sched_event(&r, sizeof(r) - 1, &ev), -EINVAL);
	CU_ASSERT_EQUAL(ebpf_sched_event(&r, 0, &ev), -EINVAL);
	r.op = 0;
	CU_ASSERT_EQUAL(ebpf_sched_event(&r, sizeof(r), &ev), -EINVAL);
	r.op = 99;
	CU_ASSERT_EQUAL(ebpf_sched_event(&r, sizeof(r), &ev), -EINVAL);
}

static void test_comm_unterminated(void)
{
	struct cpd_bpf_sched_rec r = sched_rec(CPD_BPF_SCHED_WAKEUP);
	struct cpd_event ev;

	/* 16 bytes, no NUL: a record is only bytes */
	memset(r.comm, 'x', sizeof(r.comm));
	CU_ASSERT_EQUAL_FATAL(ebpf_sched_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.comm.len, CPD_BPF_COMM_LEN);
}

static struct cpd_bpf_blkio_rec blk_rec(uint32_t req_op, uint64_t bytes,
					uint64_t lat)
{
	struct cpd_bpf_blkio_rec r;

	memset(&r, 0, sizeof(r));
	r.tid = 77;
	r.tgid = 70;
	r.dev = (254u << 20) | 1;
	r.req_op = req_op;
	r.sector = 2048;
	r.bytes = bytes;
	r.start_ns = 1000;
	r.issue_ns = 4000;
	r.done_ns = 4000 + lat;
	memcpy(r.comm, "dd", 2);
	return r;
}

static void test_blkio_record(void)
{
	struct cpd_bpf_blkio_rec r = blk_rec(1, 4096, 50000);
	struct cpd_event ev;

	CU_ASSERT_EQUAL_FATAL(ebpf_blkio_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.kind, CPD_EV_BLKIO);
	CU_ASSERT_EQUAL(ev.pid, 70);
	CU_ASSERT_EQUAL(ev.tid, 77);
	CU_ASSERT_EQUAL(ev.ts_ns, 54000);
	CU_ASSERT_EQUAL(ev.u.blkio.op, CPD_BLKIO_WRITE);
	CU_ASSERT_EQUAL(ev.u.blkio.dev, (254u << 20) | 1);
	CU_ASSERT_EQUAL(ev.u.blkio.sector, 2048);
	CU_ASSERT_EQUAL(ev.u.blkio.bytes, 4096);
	CU_ASSERT_EQUAL(ev.u.blkio.total_bytes, 4096);
	CU_ASSERT_EQUAL(ev.u.blkio.count, 1);
	CU_ASSERT_EQUAL(ev.u.blkio.latency_ns, 50000);
	CU_ASSERT_EQUAL(ev.u.blkio.max_latency_ns, 50000);
	CU_ASSERT_EQUAL(ev.u.blkio.queue_ns, 3000);
	CU_ASSERT_EQUAL(ev.u.blkio.err, 0);
	CU_ASSERT_EQUAL(ev.comm.len, 2);

	/* no owner moment (first seen at issue): queueing unknown */
	r.start_ns = 0;
	CU_ASSERT_EQUAL(ebpf_blkio_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.u.blkio.queue_ns, 0);
	/* a completion stamped before its issue does not wrap */
	r.done_ns = 10;
	CU_ASSERT_EQUAL(ebpf_blkio_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.u.blkio.latency_ns, 0);
	CU_ASSERT_EQUAL(ebpf_blkio_event(&r, sizeof(r) - 8, &ev), -EINVAL);
	r.status = 10;
	r.done_ns = 5000;
	CU_ASSERT_EQUAL(ebpf_blkio_event(&r, sizeof(r), &ev), 0);
	CU_ASSERT_EQUAL(ev.u.blkio.err, EIO);
}

static void test_blkio_ops(void)
{
	CU_ASSERT_EQUAL(ebpf_blkio_op(0), CPD_BLKIO_READ);
	CU_ASSERT_EQUAL(ebpf_blkio_op(1), CPD_BLKIO_WRITE);
	CU_ASSERT_EQUAL(ebpf_blkio_op(2), CPD_BLKIO_FLUSH);
	CU_ASSERT_EQUAL(ebpf_blkio_op(3), CPD_BLKIO_DISCARD);
	CU_ASSERT_EQUAL(ebpf_blkio_op(5), CPD_BLKIO_DISCARD);
	CU_ASSERT_EQUAL(ebpf_blkio_op(9), CPD_BLKIO_OTHER);
	CU_ASSERT_EQUAL(ebpf_blkio_errno(0), 0);
	CU_ASSERT_EQUAL(ebpf_blkio_errno(1), EOPNOTSUPP);
	CU_ASSERT_EQUAL(ebpf_blkio_errno(3), ENOSPC);
}

/* Feed a record through translation and the grouping; count flushes. */
static int feed(struct ebpf_blkio_group *g, struct cpd_bpf_blkio_rec r,
		struct cpd_event *out)
{
	struct cpd_event one;

	CU_ASSERT_EQUAL_FATAL(ebpf_blkio_event(&r, sizeof(r), &one), 0);
	return ebpf_blkio_group_add(g, &one, out);
}

static void test_blkio_grouping(void)
{
	struct ebpf_blkio_group g;
	struct cpd_event out;
	int i, flushed = 0;

	memset(&g, 0, sizeof(g));
	/* 2000 writes of 4 KiB, latencies 10..2009 us */
	for (i = 0; i < 2000; i++)
		flushed +=
			feed(&g, blk_rec(1, 4096, 10000 + 1000ULL * i), &out);
	CU_ASSERT_EQUAL(flushed, 0);
	/* an 8 KiB write ends the group */
	CU_ASSERT_EQUAL(feed(&g, blk_rec(1, 8192, 7000), &out), 1);
	CU_ASSERT_EQUAL(out.u.blkio.count, 2000);
	CU_ASSERT_EQUAL(out.u.blkio.bytes, 4096);
	CU_ASSERT_EQUAL(out.u.blkio.total_bytes, 2000ULL * 4096);
	CU_ASSERT_EQUAL(out.u.blkio.latency_ns, 10000 + 1000ULL * 1999 / 2);
	CU_ASSERT_EQUAL(out.u.blkio.max_latency_ns, 10000 + 1000ULL * 1999);
	CU_ASSERT_EQUAL(out.u.blkio.op, CPD_BLKIO_WRITE);
	CU_ASSERT_EQUAL(out.pid, 70);
	CU_ASSERT_EQUAL(out.comm.len, 2);
	CU_ASSERT_EQUAL(memcmp(out.comm.ptr, "dd", 2), 0);
	CU_ASSERT_EQUAL(out.u.blkio.sector, 0); /* many sectors */
	/* a read of the same size is another group */
	CU_ASSERT_EQUAL(feed(&g, blk_rec(0, 8192, 7000), &out), 1);
	CU_ASSERT_EQUAL(out.u.blkio.count, 1);
	CU_ASSERT_EQUAL(out.u.blkio.bytes, 8192);
	CU_ASSERT_EQUAL(out.u.blkio.sector, 2048); /* a group of one */
	/* another process too */
	{
		struct cpd_bpf_blkio_rec r = blk_rec(0, 8192, 9000);

		r.tgid = 71;
		CU_ASSERT_EQUAL(feed(&g, r, &out), 1);
		CU_ASSERT_EQUAL(out.pid, 70);
		CU_ASSERT_EQUAL(out.u.blkio.op, CPD_BLKIO_READ);
	}
	CU_ASSERT_EQUAL(ebpf_blkio_group_take(&g, &out), 1);
	CU_ASSERT_EQUAL(out.pid, 71);
	CU_ASSERT_EQUAL(out.u.blkio.latency_ns, 9000);
	CU_ASSERT_EQUAL(ebpf_blkio_group_take(&g, &out), 0);
}

static void test_hist(void)
{
	struct hist h;
	char buf[256];
	uint64_t v;
	int i;

	memset(&h, 0, sizeof(h));
	CU_ASSERT_EQUAL(hist_percentile(&h, 50), 0);
	CU_ASSERT_EQUAL(hist_format(&h, buf, sizeof(buf)), 0);
	for (i = 1; i <= 100; i++)
		hist_add(&h, (uint64_t)i * 1000); /* 1..100 us */
	CU_ASSERT_EQUAL(h.n, 100);
	CU_ASSERT_EQUAL(h.min, 1000);
	CU_ASSERT_EQUAL(h.max, 100000);
	/* within a quarter-octave bucket: at most 25 % above the truth */
	v = hist_percentile(&h, 50);
	CU_ASSERT(v >= 50000 && v <= 62500);
	v = hist_percentile(&h, 99);
	CU_ASSERT(v >= 99000 && v <= 100000);
	CU_ASSERT_EQUAL(hist_percentile(&h, 100), 100000);
	CU_ASSERT_EQUAL(hist_percentile(&h, 0), 1000);
	/* the log2 buckets hold every sample once */
	{
		uint64_t sum = 0;
		unsigned k;

		for (k = 0; k < 64; k++)
			sum += hist_log2(&h, k);
		CU_ASSERT_EQUAL(sum, 100);
	}
	/* 1000 ns sits in [512, 1024) */
	CU_ASSERT_EQUAL(hist_log2(&h, 9), 1);
	memset(&h, 0, sizeof(h));
	hist_add(&h, 0);
	hist_add(&h, 1);
	hist_add(&h, 3);
	hist_add(&h, UINT64_MAX);
	CU_ASSERT_EQUAL(hist_log2(&h, 0), 2);
	CU_ASSERT_EQUAL(hist_log2(&h, 1), 1);
	CU_ASSERT_EQUAL(hist_log2(&h, 63), 1);
	CU_ASSERT_EQUAL(hist_percentile(&h, 100), UINT64_MAX);
	memset(&h, 0, sizeof(h));
	for (i = 0; i < 3; i++)
		hist_add(&h, 20000);
	hist_add(&h, 40000);
	hist_format(&h, buf, sizeof(buf));
	CPD_ASSERT_STR_EQ(buf, "16us-32us:3 32us-65us:1");
	/* a short buffer is cut, the length still told */
	CU_ASSERT_EQUAL(hist_format(&h, buf, 8),
			strlen("16us-32us:3 32us-65us:1"));
	CU_ASSERT_EQUAL(strlen(buf), 7);
}

/* A report value is exactly key = v, with no label or unit of its own. */
static void assert_kv(const struct cpd_kv *kv, const char *key, uint64_t v)
{
	CU_ASSERT_EQUAL(kv->type, CPD_KV_U64);
	CU_ASSERT_EQUAL(kv->v.u64, v);
	CU_ASSERT_EQUAL(kv->key.len, strlen(key));
	CU_ASSERT(kv->key.ptr && !memcmp(kv->key.ptr, key, strlen(key)));
	/* a report with a schema carries values: the host adds the rest */
	CU_ASSERT_PTR_NULL(kv->label.ptr);
	CU_ASSERT_EQUAL(kv->unit, CPD_UNIT_NONE);
}

/* The values come in the order and with the types the keys declare. */
static void assert_declared(const struct cpd_kv *kv, size_t n,
			    const struct cpd_report_key *keys, size_t nkeys)
{
	size_t i;

	CU_ASSERT_EQUAL_FATAL(n, nkeys);
	for (i = 0; i < n; i++) {
		CU_ASSERT_EQUAL(kv[i].key.len, strlen(keys[i].key));
		CU_ASSERT(!memcmp(kv[i].key.ptr, keys[i].key, kv[i].key.len));
		CU_ASSERT_EQUAL(kv[i].type, keys[i].type);
		CU_ASSERT_EQUAL(keys[i].unit, keys[i].type == CPD_KV_STR ?
						      CPD_UNIT_NONE :
						      CPD_UNIT_NS);
	}
}

static void test_hist_report(void)
{
	static const struct cpd_report_key section[] = {
		HIST_KEY_AVG("Avg"), HIST_KEY_P50,	  HIST_KEY_P95,
		HIST_KEY_P99,	     HIST_KEY_MAX("Max"),
	};
	static const struct cpd_report_key row[] = {
		HIST_KEY_P50,
		HIST_KEY_P99,
		HIST_KEY_MAX("Max"),
		HIST_KEY_HISTOGRAM,
	};
	struct cpd_kv kv[6];
	struct hist h;
	char buf[64];
	size_t n;
	int i;

	memset(&h, 0, sizeof(h));
	memset(kv, 0, sizeof(kv));
	/* empty: no division by zero, every value 0 */
	n = hist_report_section(kv, &h);
	assert_declared(kv, n, section, 5);
	assert_kv(&kv[0], "avg", 0);
	assert_kv(&kv[4], "max", 0);
	for (i = 1; i <= 100; i++)
		hist_add(&h, (uint64_t)i * 1000);
	CU_ASSERT_EQUAL(hist_report_section(kv, &h), 5);
	assert_kv(&kv[0], "avg", 50500);
	assert_kv(&kv[1], "p50", hist_percentile(&h, 50));
	assert_kv(&kv[2], "p95", hist_percentile(&h, 95));
	assert_kv(&kv[3], "p99", hist_percentile(&h, 99));
	assert_kv(&kv[4], "max", 100000);
	CU_ASSERT_EQUAL(kv[5].type, 0);

	/* a row: only the asked percentiles, ascending, then max, text */
	memset(&h, 0, sizeof(h));
	for (i = 0; i < 3; i++)
		hist_add(&h, 20000);
	hist_add(&h, 40000);
	memset(kv, 0, sizeof(kv));
	n = hist_report_row(kv, &h, HIST_P99 | HIST_P50, buf, sizeof(buf));
	assert_declared(kv, n, row, 4);
	assert_kv(&kv[0], "p50", hist_percentile(&h, 50));
	assert_kv(&kv[1], "p99", hist_percentile(&h, 99));
	assert_kv(&kv[2], "max", 40000);
	CU_ASSERT_EQUAL(kv[3].type, CPD_KV_STR);
	CU_ASSERT_EQUAL(kv[3].key.len, strlen("histogram"));
	CU_ASSERT_EQUAL(kv[3].v.str.ptr, buf);
	CU_ASSERT_EQUAL(kv[3].v.str.len, strlen("16us-32us:3 32us-65us:1"));
	CU_ASSERT_EQUAL(kv[4].type, 0);
	CU_ASSERT_EQUAL(hist_report_row(kv, &h, HIST_P50 | HIST_P95 | HIST_P99,
					buf, sizeof(buf)),
			5);
	assert_kv(&kv[1], "p95", hist_percentile(&h, 95));
	/* cut to the buffer, not past it: the value is what buf holds */
	CU_ASSERT_EQUAL(hist_report_row(kv, &h, 0, buf, 8), 2);
	CU_ASSERT_EQUAL(kv[1].v.str.len, 7);
	CU_ASSERT_EQUAL(memcmp(buf, "16us-32", 7), 0);
	/* exactly as long as the buffer: the NUL took the last byte */
	hist_report_row(kv, &h, 0, buf, strlen("16us-32us:3 32us-65us:1"));
	CU_ASSERT_EQUAL(kv[1].v.str.len, strlen("16us-32us:3 32us-65us:"));
}

static void test_rows(void)
{
	struct ebpf_rows r;
	uint64_t *row;
	size_t i;

	memset(&r, 0, sizeof(r));
	/* past the first growth: earlier rows stay where they were */
	for (i = 0; i < 40; i++) {
		row = ebpf_rows_add(&r, 3 * sizeof(*row));
		CU_ASSERT_PTR_NOT_NULL_FATAL(row);
		CU_ASSERT(row[0] == 0 && row[1] == 0 && row[2] == 0);
		row[0] = i;
		row[2] = i * 7;
	}
	CU_ASSERT_EQUAL(r.n, 40);
	CU_ASSERT(r.cap >= 40);
	for (i = 0; i < r.n; i++) {
		row = r.v[i];
		CU_ASSERT_EQUAL(row[0], i);
		CU_ASSERT_EQUAL(row[2], i * 7);
	}
	ebpf_rows_free(&r);
	CU_ASSERT_EQUAL(r.n, 0);
	CU_ASSERT_PTR_NULL(r.v);
	/* usable again after being freed */
	CU_ASSERT_PTR_NOT_NULL(ebpf_rows_add(&r, 1));
	CU_ASSERT_EQUAL(r.n, 1);
	ebpf_rows_free(&r);
}

static CU_TestInfo translate_tests[] = {
	{ "sched_record", test_sched_record },
	{ "sched_bad", test_sched_bad },
	{ "comm_unterminated", test_comm_unterminated },
	{ "blkio_record", test_blkio_record },
	{ "blkio_ops", test_blkio_ops },
	{ "blkio_grouping", test_blkio_grouping },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo hist_tests[] = {
	{ "hist", test_hist },
	{ "hist_report", test_hist_report },
	{ "rows", test_rows },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "ebpf_translate", .pTests = translate_tests },
	{ .pName = "ebpf_hist", .pTests = hist_tests },
	CU_SUITE_INFO_NULL,
};
