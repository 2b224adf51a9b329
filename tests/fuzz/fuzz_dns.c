// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness for the DNS message reader: any bytes, as a traced
 * program or a hostile server may send them. Besides the sanitizers'
 * checks, what it returns must hold together: strings terminated inside
 * their buffers, counts within bounds, an error offset inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzers/dns/dnsmsg.h"

static struct dnsmsg msg;

static void check_str(const char *s, size_t size)
{
	if (!memchr(s, '\0', size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[16];
	int rc = dnsmsg_parse(data, size, &msg);
	unsigned i;

	if (rc != 0 && msg.err == DNSMSG_OK)
		abort();
	if (rc == 0 && msg.err != DNSMSG_OK)
		abort();
	if (msg.err_off > size || msg.an_kept > DNSMSG_AN_MAX ||
	    msg.an_kept > msg.an_seen)
		abort();
	check_str(msg.qname, sizeof(msg.qname));
	if (msg.has_question && !dnsmsg_name_eq(msg.qname, msg.qname))
		abort();
	for (i = 0; i < msg.an_kept; i++) {
		check_str(msg.an[i].name, sizeof(msg.an[i].name));
		check_str(msg.an[i].data, sizeof(msg.an[i].data));
		dnsmsg_type_name(msg.an[i].type, buf, sizeof(buf));
	}
	dnsmsg_rcode_name(msg.rcode, buf, sizeof(buf));
	dnsmsg_err_text(msg.err);
	return 0;
}
