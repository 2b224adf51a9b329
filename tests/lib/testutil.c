// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Helpers for the unit tests: temp dirs that clean up after themselves,
 * files written and read whole, the core's log captured into a string,
 * and assertions that print what they compared.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpd_test.h"
#include "base/log.h"

static char *cpd_tmpdir;
static pid_t cpd_tmpdir_owner;

static int cpd_rm_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	/* a test may leave a directory unwritable: make it removable */
	if (flag == FTW_DP)
		chmod(path, 0700);
	remove(path);
	return 0;
}

static void cpd_tmpdir_cleanup(void)
{
	/* forked children exit through here too: only the creator cleans */
	if (!cpd_tmpdir || getpid() != cpd_tmpdir_owner)
		return;
	if (!getenv("CPD_TEST_KEEP"))
		nftw(cpd_tmpdir, cpd_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(cpd_tmpdir);
	cpd_tmpdir = NULL;
}

const char *cpd_test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[PATH_MAX];

	if (cpd_tmpdir)
		return cpd_tmpdir;
	snprintf(tmpl, sizeof(tmpl), "%s/cpd-unit.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl)) {
		fprintf(stderr, "ERROR: mkdtemp %s: %s\n", tmpl,
			strerror(errno));
		exit(99);
	}
	cpd_tmpdir = strdup(tmpl);
	cpd_tmpdir_owner = getpid();
	atexit(cpd_tmpdir_cleanup);
	return cpd_tmpdir;
}

char *cpd_test_write_file(const char *dir, const char *name, const void *data,
			  size_t len)
{
	char *path;
	FILE *fp;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		return NULL;
	fp = fopen(path, "we");
	if (!fp) {
		free(path);
		return NULL;
	}
	if (fwrite(data, 1, len, fp) != len) {
		fclose(fp);
		free(path);
		return NULL;
	}
	if (fclose(fp)) {
		free(path);
		return NULL;
	}
	return path;
}

char *cpd_test_write_text(const char *dir, const char *name, const char *text)
{
	return cpd_test_write_file(dir, name, text, strlen(text));
}

int cpd_test_copy_file(const char *from, const char *to)
{
	char buf[65536];
	struct stat st;
	int in, out, err = 0;
	ssize_t n;

	in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	if (fstat(in, &st) < 0) {
		err = -errno;
		close(in);
		return err;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		   st.st_mode & 07777);
	if (out < 0) {
		err = -errno;
		close(in);
		return err;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, (size_t)n) != n) {
			err = -EIO;
			break;
		}
	}
	if (n < 0)
		err = -errno;
	/* the umask may have narrowed what open() created */
	if (!err && fchmod(out, st.st_mode & 07777) < 0)
		err = -errno;
	close(in);
	if (close(out) < 0 && !err)
		err = -errno;
	return err;
}

char *cpd_test_read_file(const char *path)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	FILE *fp = fopen(path, "re");
	size_t n;

	if (!fp)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *nb = realloc(buf, cap + 65536);

			if (!nb) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = nb;
			cap += 65536;
		}
		n = fread(buf + len, 1, cap - len - 1, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	buf[len] = '\0';
	return buf;
}

static FILE *cpd_capture_fp;
static char *cpd_capture_buf;
static size_t cpd_capture_len;

void cpd_log_capture_start(void)
{
	/* a message folded as a repeat would otherwise leak into the capture */
	log_flush();
	cpd_capture_buf = NULL;
	cpd_capture_len = 0;
	cpd_capture_fp = open_memstream(&cpd_capture_buf, &cpd_capture_len);
	if (!cpd_capture_fp) {
		fprintf(stderr, "ERROR: open_memstream: %s\n", strerror(errno));
		exit(99);
	}
	log_set_stream(cpd_capture_fp);
}

char *cpd_log_capture_stop(void)
{
	char *text;

	log_flush();
	log_set_stream(NULL);
	if (!cpd_capture_fp)
		return strdup("");
	fclose(cpd_capture_fp);
	cpd_capture_fp = NULL;
	text = cpd_capture_buf ? cpd_capture_buf : strdup("");
	cpd_capture_buf = NULL;
	/* failed assertions print their haystack; this is for debugging */
	if (*text && getenv("CPD_TEST_VERBOSE"))
		fprintf(stderr, "    [log] %s", text);
	return text;
}

unsigned cpd_count(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);
	unsigned n = 0;
	const char *p;

	if (!haystack || !nlen)
		return 0;
	for (p = strstr(haystack, needle); p; p = strstr(p + nlen, needle))
		n++;
	return n;
}

char *cpd_test_exe_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	return strdup(dirname(exe));
}

static void cpd_report(bool ok, unsigned line, const char *file,
		       const char *expr)
{
	CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, expr, file, "",
				CU_FALSE);
}

bool cpd_assert_str(const char *actual, const char *expected, bool equal,
		    unsigned line, const char *file, const char *expr)
{
	bool same = actual && expected ? !strcmp(actual, expected) :
					 actual == expected;
	bool ok = same == equal;

	if (!ok)
		fprintf(stderr, "\n%s:%u: %s\n      got: \"%s\"\n %s \"%s\"\n",
			file, line, expr, actual ? actual : "(null)",
			equal ? "expected:" : "  not to:",
			expected ? expected : "(null)");
	cpd_report(ok, line, file, expr);
	return ok;
}

bool cpd_assert_has(const char *haystack, const char *needle, bool has,
		    unsigned line, const char *file, const char *expr)
{
	bool found = haystack && needle && strstr(haystack, needle);
	bool ok = found == has;

	if (!ok)
		fprintf(stderr, "\n%s:%u: %s\n  %s \"%s\"\n  in: \"%s\"\n",
			file, line, expr, has ? "missing:" : "unwanted:",
			needle ? needle : "(null)",
			haystack ? haystack : "(null)");
	cpd_report(ok, line, file, expr);
	return ok;
}

bool cpd_assert_i64(int64_t actual, int64_t expected, unsigned line,
		    const char *file, const char *expr)
{
	bool ok = actual == expected;

	if (!ok)
		fprintf(stderr,
			"\n%s:%u: %s\n      got: %" PRId64
			"\n expected: %" PRId64 "\n",
			file, line, expr, actual, expected);
	cpd_report(ok, line, file, expr);
	return ok;
}

bool cpd_assert_u64(uint64_t actual, uint64_t expected, unsigned line,
		    const char *file, const char *expr)
{
	bool ok = actual == expected;

	if (!ok)
		fprintf(stderr,
			"\n%s:%u: %s\n      got: %" PRIu64 " (0x%" PRIx64
			")\n expected: %" PRIu64 " (0x%" PRIx64 ")\n",
			file, line, expr, actual, actual, expected, expected);
	cpd_report(ok, line, file, expr);
	return ok;
}
