// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The file an output writes (plugins/lib/outfile.c), with the fake host
 * recording what it logs: a path or "-" for stdout, close-on-exec, the
 * buffering asked for, and every failure said once, naming the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpd_test.h"
#include "fake_host.h"
#include "lib/outfile.h"

static int probe_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	*statep = NULL;
	return 0;
}

static void probe_fini(void *state)
{
	(void)state;
}

static const struct cpd_plugin probe_plugin = {
	.abi_major = CPD_ABI_MAJOR,
	.abi_minor = CPD_ABI_MINOR,
	.struct_size = sizeof(struct cpd_plugin),
	.role = CPD_ROLE_OUTPUT,
	.name = "probe",
	.version = "1",
	.description = "opens files",
	.init = probe_init,
	.fini = probe_fini,
};

static struct fake_host *probe_host(void)
{
	struct fake_host *fh = fake_host_new(&probe_plugin, "probe");

	CPD_ASSERT_INT_EQ(fake_host_init(fh), 0);
	return fh;
}

static int probe_open(struct fake_host *fh, struct outfile *o, const char *path,
		      size_t bufsize, unsigned flags)
{
	return outfile_open(o, fake_host_vtable(fh), fake_host_instance(fh),
			    path, bufsize, flags);
}

static bool cloexec(FILE *fp)
{
	int fl = fcntl(fileno(fp), F_GETFD);

	return fl >= 0 && (fl & FD_CLOEXEC);
}

static void test_file(void)
{
	struct fake_host *fh = probe_host();
	char *path = NULL, *text;
	struct outfile o;

	CU_ASSERT_FATAL(asprintf(&path, "%s/out.txt", cpd_test_tmpdir()) > 0);
	CPD_ASSERT_INT_EQ(probe_open(fh, &o, path, 4096, 0), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o.fp);
	CU_ASSERT(cloexec(o.fp));
	CPD_ASSERT_INT_EQ(outfile_write(&o, "abc\n", 4), 0);
	CPD_ASSERT_INT_EQ(outfile_write(&o, "", 0), 0);
	/* buffered until asked */
	text = cpd_test_read_file(path);
	CPD_ASSERT_STR_EQ(text, "");
	free(text);
	CPD_ASSERT_INT_EQ(outfile_flush(&o), 0);
	text = cpd_test_read_file(path);
	CPD_ASSERT_STR_EQ(text, "abc\n");
	free(text);
	CPD_ASSERT_INT_EQ(outfile_write(&o, "d", 1), 0);
	CPD_ASSERT_INT_EQ(outfile_close(&o), 0);
	CU_ASSERT_PTR_NULL(o.fp);
	text = cpd_test_read_file(path);
	CPD_ASSERT_STR_EQ(text, "abc\nd");
	free(text);
	/* closing twice does nothing */
	CPD_ASSERT_INT_EQ(outfile_close(&o), 0);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 0);
	free(path);
	fake_host_free(fh);
}

static void test_cannot_open(void)
{
	struct fake_host *fh = probe_host();
	char *path = NULL, *want = NULL;
	struct outfile o;

	CU_ASSERT_FATAL(
		asprintf(&path, "%s/no/such/dir/x.csv", cpd_test_tmpdir()) > 0);
	CU_ASSERT_FATAL(asprintf(&want,
				 "cannot open '%s': No such file or directory",
				 path) > 0);
	CPD_ASSERT_INT_EQ(probe_open(fh, &o, path, 0, 0), -ENOENT);
	CU_ASSERT_PTR_NULL(o.fp);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 1);
	CPD_ASSERT_STR_EQ(fake_host_log_text(fh, 0), want);
	CPD_ASSERT_INT_EQ(fake_host_log_level(fh, 0), CPD_LOG_ERROR);
	CPD_ASSERT_INT_EQ(outfile_close(&o), 0);
	free(want);
	free(path);
	fake_host_free(fh);
}

/*
 * "-" with stdout on a file: our own close-on-exec stream, the process's
 * stdout left open; line by line only when asked (it is no terminal).
 */
static void test_stdout(void)
{
	struct fake_host *fh = probe_host();
	char *path = NULL, *text;
	struct outfile lines, full;
	int saved, fd;

	CU_ASSERT_FATAL(asprintf(&path, "%s/stdout.txt", cpd_test_tmpdir()) >
			0);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	CU_ASSERT_FATAL(saved >= 0 && fd >= 0);
	CU_ASSERT_FATAL(dup2(fd, STDOUT_FILENO) == STDOUT_FILENO);
	close(fd);

	CPD_ASSERT_INT_EQ(probe_open(fh, &lines, "-", 4096, OUTFILE_LINES), 0);
	CPD_ASSERT_INT_EQ(probe_open(fh, &full, "-", 4096, 0), 0);
	CU_ASSERT_FATAL(lines.fp && full.fp);
	CU_ASSERT(fileno(lines.fp) != STDOUT_FILENO);
	CU_ASSERT(cloexec(lines.fp));
	CU_ASSERT(cloexec(full.fp));
	outfile_write(&full, "held\n", 5);
	outfile_write(&lines, "line\n", 5);
	text = cpd_test_read_file(path);
	CPD_ASSERT_STR_EQ(text, "line\n");
	free(text);
	CPD_ASSERT_INT_EQ(outfile_close(&full), 0);
	CPD_ASSERT_INT_EQ(outfile_close(&lines), 0);
	text = cpd_test_read_file(path);
	CPD_ASSERT_STR_EQ(text, "line\nheld\n");
	free(text);
	CU_ASSERT(fcntl(STDOUT_FILENO, F_GETFD) >= 0);

	dup2(saved, STDOUT_FILENO);
	close(saved);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 0);
	free(path);
	fake_host_free(fh);
}

/* a full disk: said once, with the file, then quiet */
static void test_full(void)
{
	struct fake_host *fh = probe_host();
	struct outfile o;

	if (access("/dev/full", W_OK)) {
		fake_host_free(fh);
		cpd_test_skip_test("no writable /dev/full here");
		return;
	}
	CPD_ASSERT_INT_EQ(probe_open(fh, &o, "/dev/full", 4096, 0), 0);
	CPD_ASSERT_INT_EQ(outfile_write(&o, "abc", 3), 0);
	CPD_ASSERT_INT_EQ(outfile_flush(&o), -ENOSPC);
	CU_ASSERT(o.failed);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 1);
	CPD_ASSERT_STR_EQ(fake_host_log_text(fh, 0),
			  "cannot write '/dev/full': No space left on device");
	CPD_ASSERT_INT_EQ(outfile_flush(&o), 0);
	CPD_ASSERT_INT_EQ(outfile_write(&o, "abc", 3), -EIO);
	outfile_close(&o);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 1);
	fake_host_free(fh);
}

/* the output's own failure (no memory for a record): also said once */
static void test_error(void)
{
	struct fake_host *fh = probe_host();
	char *path = NULL, *want = NULL;
	struct outfile o;

	CU_ASSERT_FATAL(asprintf(&path, "%s/oom.txt", cpd_test_tmpdir()) > 0);
	CU_ASSERT_FATAL(asprintf(&want, "out of memory writing '%s'", path) >
			0);
	CPD_ASSERT_INT_EQ(probe_open(fh, &o, path, 0, 0), 0);
	CPD_ASSERT_INT_EQ(outfile_error(&o, ENOMEM), -ENOMEM);
	CPD_ASSERT_INT_EQ(outfile_error(&o, EIO), -EIO);
	CPD_ASSERT_INT_EQ(outfile_write(&o, "x", 1), -EIO);
	CPD_ASSERT_UINT_EQ(fake_host_nlogs(fh), 1);
	CPD_ASSERT_STR_EQ(fake_host_log_text(fh, 0), want);
	CPD_ASSERT_INT_EQ(outfile_close(&o), 0);
	free(want);
	free(path);
	fake_host_free(fh);
}

static CU_TestInfo outfile_tests[] = {
	{ "file", test_file },	   { "cannot_open", test_cannot_open },
	{ "stdout", test_stdout }, { "full", test_full },
	{ "error", test_error },   CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "outfile", .pTests = outfile_tests },
	CU_SUITE_INFO_NULL,
};
