// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Where the report's bytes go: to the file as they are, or, for the data
 * block, through gzip (zlib, when the build has it) and then base64, so
 * that a report of 75,000 events stays small enough to attach to a ticket
 * and the HTML parser still sees only letters, digits, '+', '/' and '='.
 * The viewer undoes both with atob() and DecompressionStream('gzip').
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef CPD_HTML_ZLIB
#include <zlib.h>
#endif

#include "html.h"

#define HTML_SINK_CHUNK 16384

static void html_sink_raw(struct html_sink *s, const void *p, size_t n)
{
	if (s->err || !n)
		return;
	if (fwrite(p, 1, n, s->fp) != n)
		s->err = errno ? errno : EIO;
}

#ifdef CPD_HTML_ZLIB
static const char html_b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void html_b64_quantum(const unsigned char *in, char *out)
{
	out[0] = html_b64[in[0] >> 2];
	out[1] = html_b64[(in[0] & 3) << 4 | in[1] >> 4];
	out[2] = html_b64[(in[1] & 15) << 2 | in[2] >> 6];
	out[3] = html_b64[in[2] & 63];
}

/* base64 of n bytes; up to two wait in s->b64 for the next call. */
static void html_sink_b64(struct html_sink *s, const unsigned char *p, size_t n)
{
	char out[4 * (HTML_SINK_CHUNK / 3 + 2)];
	size_t o = 0;

	while (n) {
		if (s->nb64 || n < 3) {
			s->b64[s->nb64++] = *p++;
			n--;
			if (s->nb64 == 3) {
				html_b64_quantum(s->b64, out + o);
				o += 4;
				s->nb64 = 0;
			}
		} else {
			html_b64_quantum(p, out + o);
			o += 4;
			p += 3;
			n -= 3;
		}
		if (o + 4 > sizeof(out)) {
			html_sink_raw(s, out, o);
			o = 0;
		}
	}
	html_sink_raw(s, out, o);
}

static void html_sink_b64_end(struct html_sink *s)
{
	unsigned char in[3] = { 0 };
	char out[4];

	if (!s->nb64)
		return;
	memcpy(in, s->b64, s->nb64);
	html_b64_quantum(in, out);
	if (s->nb64 == 1)
		out[2] = '=';
	out[3] = '=';
	s->nb64 = 0;
	html_sink_raw(s, out, 4);
}

/* Run the compressor over what it was given, flushing with flush. */
static void html_sink_deflate(struct html_sink *s, int flush)
{
	z_stream *z = s->z;
	unsigned char buf[HTML_SINK_CHUNK];
	int rc;

	do {
		z->next_out = buf;
		z->avail_out = sizeof(buf);
		rc = deflate(z, flush);
		if (rc == Z_STREAM_ERROR) {
			if (!s->err)
				s->err = EIO;
			return;
		}
		html_sink_b64(s, buf, sizeof(buf) - z->avail_out);
	} while (z->avail_out == 0 ||
		 (flush == Z_FINISH && rc != Z_STREAM_END));
}

bool html_sink_can_compress(void)
{
	return true;
}

int html_sink_begin_gzip(struct html_sink *s)
{
	z_stream *z = calloc(1, sizeof(*z));

	if (!z)
		return -ENOMEM;
	/* 15 + 16: a gzip header and trailer, as DecompressionStream wants */
	if (deflateInit2(z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK) {
		free(z);
		return -ENOMEM;
	}
	s->z = z;
	s->nb64 = 0;
	return 0;
}

void html_sink_end_gzip(struct html_sink *s)
{
	z_stream *z = s->z;

	if (!z)
		return;
	z->next_in = NULL;
	z->avail_in = 0;
	html_sink_deflate(s, Z_FINISH);
	html_sink_b64_end(s);
	deflateEnd(z);
	free(z);
	s->z = NULL;
}

void html_sink_write(struct html_sink *s, const void *p, size_t n)
{
	z_stream *z = s->z;

	if (!z) {
		html_sink_raw(s, p, n);
		return;
	}
	if (s->err)
		return;
	/* zlib takes a const buffer though its field is not const */
	z->next_in = (Bytef *)(uintptr_t)p;
	while (n) {
		uInt part = n > UINT32_MAX ? UINT32_MAX : (uInt)n;

		z->avail_in = part;
		html_sink_deflate(s, Z_NO_FLUSH);
		n -= part;
	}
}
#else  /* !CPD_HTML_ZLIB */
bool html_sink_can_compress(void)
{
	return false;
}

int html_sink_begin_gzip(struct html_sink *s)
{
	(void)s;
	return -ENOTSUP;
}

void html_sink_end_gzip(struct html_sink *s)
{
	(void)s;
}

void html_sink_write(struct html_sink *s, const void *p, size_t n)
{
	html_sink_raw(s, p, n);
}
#endif /* CPD_HTML_ZLIB */
