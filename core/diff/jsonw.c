// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "jsonw.h"

#include <inttypes.h>

#include "json.h"

#define JSONW_SAFE (UINT64_C(1) << 53)

void jsonw_str(struct sbuf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	sbuf_putc(b, '"');
	while (i < len) {
		unsigned char c = u[i];
		size_t n = json_utf8_len(s + i, len - i);

		if (!n) {
			sbuf_puts(b, "\\ufffd");
			i++;
		} else if (c == '"' || c == '\\') {
			sbuf_putc(b, '\\');
			sbuf_putc(b, (char)c);
			i++;
		} else if (c == '\n') {
			sbuf_puts(b, "\\n");
			i++;
		} else if (c == '\t') {
			sbuf_puts(b, "\\t");
			i++;
		} else if (c == '\r') {
			sbuf_puts(b, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' ||
			   c == '&') {
			sbuf_printf(b, "\\u%04x", c);
			i++;
		} else if (n == 3 && c == 0xe2 && u[i + 1] == 0x80 &&
			   (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
			sbuf_printf(b, "\\u%04x", 0x2000 + (u[i + 2] - 0x80));
			i += 3;
		} else {
			sbuf_put(b, u + i, n);
			i += n;
		}
	}
	sbuf_putc(b, '"');
}

void jsonw_u64(struct sbuf *b, uint64_t v)
{
	if (v > JSONW_SAFE)
		sbuf_printf(b, "\"%" PRIu64 "\"", v);
	else
		sbuf_printf(b, "%" PRIu64, v);
}

void jsonw_s64(struct sbuf *b, int64_t v)
{
	if (v < -(int64_t)JSONW_SAFE || v > (int64_t)JSONW_SAFE)
		sbuf_printf(b, "\"%" PRId64 "\"", v);
	else
		sbuf_printf(b, "%" PRId64, v);
}
