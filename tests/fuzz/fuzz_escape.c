// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: the escapers every tracee string goes through before
 * it reaches a terminal, a CSV cell or a JSON string. Besides not
 * crashing, the terminal form must hold no control byte, and the JSON
 * form -- also the HTML report's data block, inside a script element --
 * no raw control byte, angle bracket or ampersand, no raw U+2028/U+2029
 * (line ends to JavaScript), and only well-formed UTF-8.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/escape.h"
#include "lib/format.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Well-formed UTF-8: no overlongs, no surrogates, nothing past U+10FFFF. */
static int fuzz_utf8_ok(const unsigned char *p, size_t n)
{
	size_t i = 0, k, len;
	unsigned cp, min;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			len = 2, cp = p[i] & 0x1f, min = 0x80;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			len = 3, cp = p[i] & 0x0f, min = 0x800;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			len = 4, cp = p[i] & 0x07, min = 0x10000;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data;
	struct escape_buf b = { 0 };
	char term[1024];
	size_t i, n;

	n = format_escape(s, size, term, sizeof(term));
	(void)n;
	for (i = 0; term[i]; i++)
		if ((unsigned char)term[i] < 0x20 || term[i] == 0x7f)
			abort();
	format_escape(s, size, term, 7);

	escape_csv_cell(&b, s, size, true);
	escape_reset(&b);
	escape_csv_cell(&b, s, size, false);
	escape_reset(&b);
	escape_json_str(&b, s, size);
	for (i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.p[i];

		if (c < 0x20 || c == '<' || c == '>' || c == '&')
			abort();
		if (c == 0xe2 && i + 2 < b.len &&
		    (unsigned char)b.p[i + 1] == 0x80 &&
		    ((unsigned char)b.p[i + 2] == 0xa8 ||
		     (unsigned char)b.p[i + 2] == 0xa9))
			abort();
	}
	if (!fuzz_utf8_ok((const unsigned char *)b.p, b.len))
		abort();
	escape_free(&b);
	return 0;
}
