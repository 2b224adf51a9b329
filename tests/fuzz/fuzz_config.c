// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: any bytes as a config file. The reader must report
 * errors, never crash, read out of bounds or leak.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/config.h"
#include "base/log.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static FILE *devnull;
	struct config cfg;
	char *text;
	size_t i;

	if (!devnull) {
		devnull = fopen("/dev/null", "w");
		log_set_stream(devnull);
	}
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	config_init(&cfg);
	config_load_string(&cfg, "fuzz", text);
	/* what was parsed must be consistent */
	for (i = 0; i < cfg.nsections; i++) {
		char plugin[64], why[256];

		if (strcmp(cfg.sections[i].name, "core"))
			config_parse_section_name(cfg.sections[i].name, plugin,
						  sizeof(plugin), why,
						  sizeof(why));
	}
	config_free(&cfg);
	free(text);
	return 0;
}
