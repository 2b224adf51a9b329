// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * A plugin instance's state made and unmade by plugins/lib/instance.c,
 * against the fake host (whose option parsing is the real host's): the
 * host and instance stored, options applied, setup run, release run once
 * whether setup failed or fini came, and nothing left allocated on any
 * failure (the valgrind and sanitizer runs of the suite check that).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cpd_test.h"
#include "fake_host.h"
#include "lib/instance.h"

struct probe {
	uint64_t before; /* something ahead of host, as plugins have */
	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t n;	   /* option */
	const char *label; /* option */
	bool set_up;
	char *held; /* what setup allocates and release frees */
};

static unsigned setups, releases;

static const struct cpd_option probe_options[] = {
	{ .name = "n",
	  .type = CPD_OPT_UINT,
	  .def = "5",
	  .offset = offsetof(struct probe, n),
	  .help = "13 makes setup fail" },
	{ .name = "label",
	  .type = CPD_OPT_STRING,
	  .offset = offsetof(struct probe, label),
	  .help = "a string" },
	CPD_OPTION_END
};

static int probe_setup(void *state)
{
	struct probe *p = state;

	setups++;
	p->set_up = true;
	p->held = strdup("held");
	if (!p->held)
		return -ENOMEM;
	return p->n == 13 ? -EDOM : 0;
}

static void probe_release(void *state)
{
	struct probe *p = state;

	releases++;
	free(p->held);
}

static const struct instance_type probe_type =
	INSTANCE_TYPE(struct probe, probe_setup, probe_release);

static int probe_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return instance_init(&probe_type, inst, host, statep);
}

static const struct cpd_plugin probe_plugin = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_ANALYZER,
	.name = "probe",
	.version = "1",
	.description = "an instance made by lib/instance.c",
	.options = probe_options,
	.init = probe_init,
	.fini = instance_fini,
};

static void test_init_fini(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	struct probe *p;

	setups = releases = 0;
	fake_host_set(fh, "n", "7");
	fake_host_set(fh, "label", "x y");
	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	p = fake_host_state(fh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_EQUAL(p->host, fake_host_vtable(fh));
	CU_ASSERT_PTR_EQUAL(p->inst, fake_host_instance(fh));
	CPD_ASSERT_UINT_EQ(p->before, 0);
	CPD_ASSERT_UINT_EQ(p->n, 7);
	CPD_ASSERT_STR_EQ(p->label, "x y");
	CU_ASSERT(p->set_up);
	CPD_ASSERT_STR_EQ(p->held, "held");
	/* the state is aligned for anything a plugin keeps in it */
	CPD_ASSERT_UINT_EQ((uintptr_t)p % _Alignof(max_align_t), 0);
	CPD_ASSERT_UINT_EQ(setups, 1);
	CPD_ASSERT_UINT_EQ(releases, 0);
	fake_host_free(fh);
	CPD_ASSERT_UINT_EQ(releases, 1);
}

static void test_defaults(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	struct probe *p;

	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	p = fake_host_state(fh);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CPD_ASSERT_UINT_EQ(p->n, 5);
	CU_ASSERT_PTR_NULL(p->label);
	fake_host_free(fh);
}

/* setup failed: its half is released, the state freed, fini never runs */
static void test_setup_fails(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");

	setups = releases = 0;
	fake_host_set(fh, "n", "13");
	CPD_ASSERT_INT_EQ(fake_host_init(fh), -EDOM);
	CPD_ASSERT_UINT_EQ(setups, 1);
	CPD_ASSERT_UINT_EQ(releases, 1);
	CU_ASSERT_PTR_NULL(fake_host_state(fh));
	fake_host_free(fh);
	CPD_ASSERT_UINT_EQ(releases, 1);
}

/* options the host refuses: no setup, no release, nothing kept */
static void test_options_fail(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	void *state = NULL;

	setups = releases = 0;
	fake_host_set(fh, "n", "many");
	/* past the validation the host does first, as a plugin sees it */
	CPD_ASSERT_INT_EQ(instance_init(&probe_type, fake_host_instance(fh),
					fake_host_vtable(fh), &state),
			  -EINVAL);
	CU_ASSERT_PTR_NULL(state);
	CPD_ASSERT_UINT_EQ(setups, 0);
	CPD_ASSERT_UINT_EQ(releases, 0);
	fake_host_free(fh);
}

/* a plugin with nothing to set up or release */
static void test_no_hooks(void)
{
	static const struct instance_type bare =
		INSTANCE_TYPE(struct probe, NULL, NULL);
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");
	struct probe *p = NULL;

	setups = releases = 0;
	fake_host_set(fh, "n", "9");
	CPD_ASSERT_INT_EQ(instance_init(&bare, fake_host_instance(fh),
					fake_host_vtable(fh), (void **)&p),
			  0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CPD_ASSERT_UINT_EQ(p->n, 9);
	CU_ASSERT(!p->set_up);
	instance_fini(p);
	CPD_ASSERT_UINT_EQ(setups + releases, 0);
	fake_host_free(fh);
}

static CU_TestInfo instance_tests[] = {
	{ "init_fini", test_init_fini },
	{ "defaults", test_defaults },
	{ "setup_fails", test_setup_fails },
	{ "options_fail", test_options_fail },
	{ "no_hooks", test_no_hooks },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "instance", .pTests = instance_tests },
	CU_SUITE_INFO_NULL,
};
