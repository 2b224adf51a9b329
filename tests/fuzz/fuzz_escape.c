// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: the escapers every tracee string goes through before
 * it reaches a terminal, a CSV cell or a JSON string. Besides not
 * crashing, the terminal form must hold no control byte and the JSON
 * form no raw control byte, quote or angle bracket.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "util/format.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data;
	struct esc_buf b = { 0 };
	char term[1024];
	size_t i, n;

	n = format_escape(s, size, term, sizeof(term));
	(void)n;
	for (i = 0; term[i]; i++)
		if ((unsigned char)term[i] < 0x20 || term[i] == 0x7f)
			abort();
	format_escape(s, size, term, 7);

	esc_csv_cell(&b, s, size, true);
	esc_reset(&b);
	esc_csv_cell(&b, s, size, false);
	esc_reset(&b);
	esc_json_str(&b, s, size);
	for (i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.p[i];

		if (c < 0x20 || c == '<' || c == '>')
			abort();
	}
	esc_free(&b);
	return 0;
}
