// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * What the html output's unit tests share (see html_fixture.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef CPD_HTML_ZLIB
#include <zlib.h>
#endif

#include "cpd_test.h"
#include "html_fixture.h"

char html_fx_path[4096];
uint64_t html_fx_now = 1000;

struct fake_host *html_fx_start(const char *max, const char *const *extra)
{
	struct fake_host *fh = fake_host_new(&cpd_plugin_v1, "html");

	snprintf(html_fx_path, sizeof(html_fx_path), "%s/r.html",
		 cpd_test_tmpdir());
	fake_host_set(fh, "path", html_fx_path);
	fake_host_set(fh, "max_events", max);
	if (extra)
		fake_host_set_many(fh, extra);
	CU_ASSERT_EQUAL_FATAL(fake_host_start(fh), 0);
	return fh;
}

struct html_data *html_fx_data(struct fake_host *fh)
{
	return &((struct html *)fake_host_state(fh))->data;
}

void html_fx_event(struct cpd_event *ev, uint32_t kind, int32_t pid,
		   int32_t tid)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = (uint16_t)kind;
	ev->source = CPD_SRC_PLUGIN;
	ev->ts_ns = html_fx_now += 10;
	ev->pid = pid;
	ev->tid = tid;
	ev->comm.ptr = "t";
	ev->comm.len = 1;
}

void html_fx_io(struct fake_host *fh, int32_t tid, uint32_t op,
		const char *path, uint64_t bytes)
{
	struct cpd_event ev;

	html_fx_event(&ev, CPD_EV_FILE, 100, tid);
	ev.u.file.op = op;
	ev.u.file.fd = 3;
	ev.u.file.fd2 = -1;
	ev.u.file.bytes = bytes;
	ev.u.file.count = 1;
	ev.u.file.path.ptr = path;
	ev.u.file.path.len = (uint32_t)strlen(path);
	if (op == CPD_FILE_OPEN && strstr(path, "/proc/"))
		ev.u.file.flags |= CPD_FILEF_HIDDEN;
	CU_ASSERT_EQUAL(fake_host_feed(fh, &ev), 0);
}

bool html_fx_row_has(const struct html_row *r, const char *s)
{
	return memmem(r->text, r->len, s, strlen(s)) != NULL;
}

char *html_fx_slurp(void)
{
	FILE *fp = fopen(html_fx_path, "re");
	char *buf;
	long n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_EQUAL(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return buf;
}

#ifdef CPD_HTML_ZLIB
static int b64val(char c)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				"abcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(a, c) : NULL;

	return p ? (int)(p - a) : -1;
}

/* base64 text to bytes, in place; the length, or -1 on a bad byte. */
static long unbase64(char *s, size_t n)
{
	size_t i, o = 0;
	unsigned acc = 0, bits = 0;

	for (i = 0; i < n && s[i] != '='; i++) {
		int v = b64val(s[i]);

		if (v < 0)
			return -1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			s[o++] = (char)(acc >> bits & 0xff);
		}
	}
	return (long)o;
}

static char *gunzip(const char *in, size_t n)
{
	z_stream z = { 0 };
	size_t cap = 4 * n + 4096, len = 0;
	char *out = malloc(cap);
	int rc = Z_OK;

	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_EQUAL_FATAL(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	while (rc == Z_OK) {
		if (cap - len < 4096) {
			cap *= 2;
			out = realloc(out, cap);
			CU_ASSERT_PTR_NOT_NULL_FATAL(out);
		}
		z.next_out = (Bytef *)out + len;
		z.avail_out = (uInt)(cap - len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		len = cap - 1 - z.avail_out;
	}
	CU_ASSERT_EQUAL(rc, Z_STREAM_END);
	inflateEnd(&z);
	out[len] = '\0';
	return out;
}
#endif

char *html_fx_block(bool *compressed)
{
	static const char plain[] =
		"<script type=\"application/json\" id=\"cpd-data\">";
	static const char gz[] = "<script type=\"application/gzip\" "
				 "data-encoding=\"base64\" id=\"cpd-data\">";
	char *doc = html_fx_slurp(), *block, *end, *out;

	*compressed = false;
	block = strstr(doc, plain);
	if (block) {
		block += sizeof(plain) - 1;
	} else {
		block = strstr(doc, gz);
		CU_ASSERT_PTR_NOT_NULL_FATAL(block);
		block += sizeof(gz) - 1;
		*compressed = true;
	}
	end = strstr(block, "</script>");
	CU_ASSERT_PTR_NOT_NULL_FATAL(end);
	*end = '\0';
	if (!*compressed) {
		out = strdup(block);
		free(doc);
		return out;
	}
	/* nothing but base64 may stand between the tags */
	CU_ASSERT_EQUAL(strspn(block, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"
				      "nopqrstuvwxyz0123456789+/="),
			strlen(block));
#ifdef CPD_HTML_ZLIB
	{
		long n = unbase64(block, strlen(block));

		CU_ASSERT_FATAL(n > 0);
		out = gunzip(block, (size_t)n);
	}
#else
	CU_FAIL_FATAL("a compressed report from a build without zlib");
	out = NULL;
#endif
	free(doc);
	return out;
}
