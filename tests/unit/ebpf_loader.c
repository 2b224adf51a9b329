// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The loader's choice of programs against the running kernel's BTF, as it
 * would go on a kernel without a tracepoint or with an older prototype:
 * a program whose tracepoint is missing, or whose argument count does not
 * fit, is not loaded, and a missing required one turns the analyzer off
 * with one note naming it. Opening a skeleton needs no privilege; reading
 * BTF needs /sys/kernel/btf/vmlinux (skipped without it).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "cpd_test.h"
#include "fake_host.h"
#include "ebpf/loader.h"
#include "sched.skel.h"

extern const struct cpd_plugin cpd_plugin_v1; /* plugins/analyzers/sched.c */

static struct fake_host *fh;
static struct sched_bpf *skel;
static struct ebpf e;

static bool setup(void)
{
	if (access("/sys/kernel/btf/vmlinux", R_OK) < 0) {
		cpd_test_skip_test("no kernel BTF: %s", strerror(errno));
		return false;
	}
	fh = fake_host_new(&cpd_plugin_v1, "sched");
	CU_ASSERT_EQUAL_FATAL(fake_host_init(fh), 0);
	skel = sched_bpf__open();
	CU_ASSERT_PTR_NOT_NULL_FATAL(skel);
	memset(&e, 0, sizeof(e));
	e.host = fake_host_vtable(fh);
	e.inst = fake_host_instance(fh);
	e.what = "scheduler latency is not measured";
	return true;
}

static void teardown(void)
{
	sched_bpf__destroy(skel);
	skel = NULL;
	fake_host_free(fh);
	fh = NULL;
}

static bool autoload(const char *name)
{
	struct bpf_program *p =
		bpf_object__find_program_by_name(skel->obj, name);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return bpf_program__autoload(p);
}

static void test_missing_required(void)
{
	static const struct ebpf_prog_spec spec[] = {
		{ "cpd_wakeup", "cpd_no_such_tracepoint", 1, 255, true },
		{ "cpd_switch", "sched_switch", 3, 255, true },
	};

	if (!setup())
		return;
	CU_ASSERT_EQUAL(ebpf_prepare(&e, skel->obj, spec, 2), -ENOENT);
	CU_ASSERT_FALSE(autoload("cpd_wakeup"));
	CU_ASSERT_TRUE(autoload("cpd_switch"));
	/* programs no spec names are never loaded */
	CU_ASSERT_FALSE(autoload("cpd_switch_old"));
	CU_ASSERT_FALSE(autoload("cpd_wakeup_new"));
	CU_ASSERT_TRUE(
		fake_host_logged(fh, "no tracepoint cpd_no_such_tracepoint"));
	CU_ASSERT_TRUE(fake_host_logged(fh, "tracing goes on without it"));
	teardown();
}

static void test_missing_optional(void)
{
	static const struct ebpf_prog_spec spec[] = {
		{ "cpd_wakeup", "sched_wakeup", 1, 255, true },
		{ "cpd_wakeup_new", "cpd_no_such_tracepoint", 1, 255, false },
	};

	if (!setup())
		return;
	CU_ASSERT_EQUAL(ebpf_prepare(&e, skel->obj, spec, 2), 0);
	CU_ASSERT_TRUE(autoload("cpd_wakeup"));
	CU_ASSERT_FALSE(autoload("cpd_wakeup_new"));
	/* a missing optional program is no note, only a debug line */
	CU_ASSERT_FALSE(fake_host_logged(fh, "tracing goes on without it"));
	teardown();
}

/*
 * sched_switch has 4 arguments since v5.18, 3 before: pretend each in
 * turn is the kernel's shape by moving the bounds; exactly one variant
 * loads, and none when no shape fits.
 */
static void test_prototype_variants(void)
{
	static const struct ebpf_prog_spec now[] = {
		{ "cpd_switch", "sched_switch", 4, 255, true },
		{ "cpd_switch_old", "sched_switch", 3, 3, true },
	};
	static const struct ebpf_prog_spec none[] = {
		{ "cpd_switch", "sched_switch", 9, 255, true },
		{ "cpd_switch_old", "sched_switch", 1, 1, true },
	};

	if (!setup())
		return;
	CU_ASSERT_EQUAL(ebpf_prepare(&e, skel->obj, now, 2), 0);
	/* exactly one of the two shapes fits the running kernel */
	CU_ASSERT_NOT_EQUAL(autoload("cpd_switch"), autoload("cpd_switch_old"));
	CU_ASSERT_EQUAL(ebpf_prepare(&e, skel->obj, none, 2), -ENOENT);
	CU_ASSERT_FALSE(autoload("cpd_switch"));
	CU_ASSERT_FALSE(autoload("cpd_switch_old"));
	CU_ASSERT_TRUE(fake_host_logged(
		fh, "no tracepoint sched_switch of a known shape"));
	teardown();
}

static CU_TestInfo loader_tests[] = {
	{ "missing_required", test_missing_required },
	{ "missing_optional", test_missing_optional },
	{ "prototype_variants", test_prototype_variants },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "ebpf_loader", .pTests = loader_tests },
	CU_SUITE_INFO_NULL,
};
