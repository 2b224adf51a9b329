// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: the decoders that read tracee-controlled bytes:
 * socket addresses of any length and family, and option values of every
 * type, rendered as the console and strace-style text would.
 */
#include <stdlib.h>
#include <string.h>

#include <compendium/option.h>

#include "engine/fdproc.h"
#include "host/optval.h"
#include "engine/sysfmt.h"
#include "engine/xlat.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const choices[] = { "a", "bb", NULL };
	static const struct cpd_option opts[] = {
		{ .name = "b", .type = CPD_OPT_BOOL },
		{ .name = "i", .type = CPD_OPT_INT, .min = -5, .max = 5 },
		{ .name = "u", .type = CPD_OPT_UINT },
		{ .name = "s", .type = CPD_OPT_SIZE },
		{ .name = "d", .type = CPD_OPT_DURATION },
		{ .name = "e", .type = CPD_OPT_ENUM, .choices = choices },
		{ .name = "l", .type = CPD_OPT_LIST },
	};
	struct cpd_sockaddr sa;
	char path[128], out[512], why[256], *text;
	struct optval v;
	uint64_t flags = 0;
	size_t i;

	fdproc_decode_sockaddr(data, size, &sa, path, sizeof(path));
	sysfmt_sockaddr(&sa, out, sizeof(out));
	sysfmt_sockaddr(&sa, out, 8);

	memcpy(&flags, data, size < sizeof(flags) ? size : sizeof(flags));
	for (i = 1; i <= 47; i++) {
		xlat_format((uint32_t)i, flags, out, sizeof(out));
		xlat_format((uint32_t)i, flags, out, 5);
	}

	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		optval_parse(&opts[i], text, &v, why, sizeof(why));
	optval_free_list(optval_split_list(text, NULL));
	free(text);
	return 0;
}
