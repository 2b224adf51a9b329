// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * every_kind: a test analyzer that registers a kind of its own, "every",
 * with one field of each type (CPD_FT_*) and a few units, and publishes
 * it in four shapes when the traced command execs: ordinary values; all
 * zero and empty; hostile strings and extreme numbers; the socket
 * addresses and lists left over. No output has code for this kind, so
 * tests/integration/outputs_kinds.test shows what every output makes of
 * a kind it has never heard of. The events are about no task (pid 0),
 * so their lines hold nothing that varies between runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <compendium/compendium.h>

#include "every_kind.h"

struct every_kind {
	const struct cpd_host *host;
	struct cpd_instance *inst;
	int kind;
	bool fed;
};

static struct cpd_str every_str(const char *s, size_t len)
{
	struct cpd_str r = { s, (uint32_t)len, 0 };

	return r;
}

#define EVERY_LIT(lit) every_str(lit, sizeof(lit) - 1)

static void every_publish(struct every_kind *k, const struct every *p)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = (uint16_t)k->kind;
	memcpy(ev.u.custom, p, sizeof(*p));
	k->host->publish(k->inst, &ev);
}

static void every_feed(struct every_kind *k)
{
	static const uint8_t v6_loopback[16] = { [15] = 1 };
	struct every p;

	/* ordinary */
	memset(&p, 0, sizeof(p));
	p.s64 = -42;
	p.u64 = 123456;
	p.dbl = 0.25;
	p.addr = 0x7f0012345678;
	p.str = EVERY_LIT("hello");
	p.strv = EVERY_LIT("ls\0-l\0/tmp");
	p.sa.family = AF_INET;
	p.sa.port = 8080;
	p.sa.addr[0] = 127;
	p.sa.addr[3] = 1;
	p.s32 = -7;
	p.u32 = 7;
	p.u16 = 65535;
	p.fd = 3;
	p.err = ENOENT;
	p.flags = O_WRONLY | O_CREAT;
	p.en = AF_INET6;
	p.sig = SIGKILL;
	p.mode = 0644;
	p.dev = (8u << 20) | 1;
	p.raw = 5;
	p.bytes32 = 2048;
	p.ns = 1500000;
	p.pct = 42;
	every_publish(k, &p);

	/* nothing: optional fields drop out where outputs leave them out */
	memset(&p, 0, sizeof(p));
	every_publish(k, &p);

	/* hostile: terminal escapes, quotes, separators, invalid UTF-8,
	 * markup, formulas; numbers at their limits; unknown numbers */
	memset(&p, 0, sizeof(p));
	p.s64 = INT64_MIN;
	p.u64 = UINT64_MAX;
	p.dbl = 1e300;
	p.addr = UINT64_MAX;
	p.str = EVERY_LIT("=cmd|'\033[31m\"x\",\n\xff\xfe</script>\t@");
	p.strv = EVERY_LIT("-a\0\0\"b\",\n\0");
	p.sa.family = AF_UNIX;
	p.sa.flags = CPD_SA_ABSTRACT;
	p.sa.path = EVERY_LIT("\033]0;evil\007");
	p.s32 = INT32_MIN;
	p.u32 = UINT32_MAX;
	p.u16 = 1;
	p.fd = -1;
	p.err = 9999;
	p.flags = UINT32_MAX;
	p.en = 12345;
	p.sig = 99;
	p.mode = 0107777;
	p.dev = UINT32_MAX;
	p.raw = UINT32_MAX;
	p.bytes32 = 1;
	p.ns = UINT64_MAX;
	p.pct = 1000;
	every_publish(k, &p);

	/* the other addresses; empty strings that are there */
	memset(&p, 0, sizeof(p));
	p.str = EVERY_LIT("");
	p.strv = EVERY_LIT("\0");
	p.sa.family = AF_INET6;
	p.sa.port = 443;
	memcpy(p.sa.addr, v6_loopback, sizeof(v6_loopback));
	p.sa.scope_id = 2;
	p.err = EPERM;
	p.sig = SIGSEGV;
	every_publish(k, &p);
	memset(&p, 0, sizeof(p));
	p.sa.family = AF_NETLINK;
	p.sa.port_id = 77;
	p.sa.groups = 3;
	every_publish(k, &p);
	memset(&p, 0, sizeof(p));
	p.sa.family = 99;
	p.sa.flags = CPD_SA_PARTIAL;
	every_publish(k, &p);
}

static int every_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	struct every_kind *k = calloc(1, sizeof(*k));

	if (!k)
		return -ENOMEM;
	k->host = host;
	k->inst = inst;
	k->kind = host->register_kind(inst, &every_desc);
	if (k->kind < 0) {
		int rc = k->kind;

		free(k);
		return rc;
	}
	*statep = k;
	return 0;
}

static int every_on_event(void *state, const struct cpd_event *ev)
{
	struct every_kind *k = state;

	if (ev->kind == CPD_EV_PROC && ev->u.proc.op == CPD_PROC_EXEC &&
	    !k->fed) {
		k->fed = true;
		every_feed(k);
	}
	return 0;
}

static void every_fini(void *state)
{
	free(state);
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "every_kind",
		  .version = "1",
		  .description = "test analyzer: a kind with every field type",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC),
		  .publishes = ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1),
		  .init = every_init, .on_event = every_on_event,
		  .fini = every_fini, );
