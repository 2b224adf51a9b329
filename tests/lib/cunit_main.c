// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The main() of every CUnit test binary. The exit status comes from the
 * number of failed assertions: CU_basic_run_tests() returns CUE_SUCCESS
 * even when every test failed, so its value is deliberately ignored.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <CUnit/Basic.h>

#include "cpd_test.h"

static unsigned cpd_skipped_tests;

void cpd_test_skip(const char *fmt, ...)
{
	va_list ap;

	fputs("SKIP: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	exit(77);
}

void cpd_test_skip_test(const char *fmt, ...)
{
	CU_pTest test = CU_get_current_test();
	va_list ap;

	printf("\n    SKIP: %s: ", test && test->pName ? test->pName : "?");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	cpd_skipped_tests++;
}

bool cpd_test_is_root(void)
{
	return geteuid() == 0;
}

void cpd_test_require_root(void)
{
	if (!cpd_test_is_root())
		cpd_test_skip("needs root (euid is %u)", (unsigned)geteuid());
}

int main(void)
{
	unsigned failed, tests_failed, suites_failed;

	/* CUnit and the code under test both print; keep them in order. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr,
			"ERROR: cannot initialise the CUnit registry: %s\n",
			CU_get_error_msg());
		return 99;
	}
	if (CU_register_suites(cpd_test_suites) != CUE_SUCCESS) {
		fprintf(stderr, "ERROR: cannot register the test suites: %s\n",
			CU_get_error_msg());
		CU_cleanup_registry();
		return 99;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	(void)CU_basic_run_tests();
	failed = CU_get_number_of_failures();
	tests_failed = CU_get_number_of_tests_failed();
	suites_failed = CU_get_number_of_suites_failed();
	printf("\n%u assertions in %u tests: %u failed",
	       CU_get_number_of_asserts(), CU_get_number_of_tests_run(),
	       failed);
	if (cpd_skipped_tests)
		printf(", %u tests skipped part of their checks",
		       cpd_skipped_tests);
	putchar('\n');
	CU_cleanup_registry();

	if (failed || tests_failed)
		return 1;
	/* a suite whose init failed ran nothing: not a pass */
	if (suites_failed) {
		fprintf(stderr, "ERROR: %u suites could not be set up\n",
			suites_failed);
		return 99;
	}
	return cpd_skipped_tests ? 77 : 0;
}
