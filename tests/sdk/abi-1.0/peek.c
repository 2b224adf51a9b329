// SPDX-License-Identifier: MIT
/* Copyright (c) 2026 the compendium developers */
/*
 * peek: a plugin written for ABI 1.0 that reads tracee memory itself, as
 * 1.0 allowed. For every openat it reads the path argument through
 * host->read_tracee and compares it with the path the core decoded; it
 * also calls read_tracee once outside any delivery, where the host must
 * refuse it. Its report says what happened:
 *
 *   peek same=N differ=0 failed=0 outside=-1 (-EPERM)
 *
 * Built by tests/sdk/abi_1_0.test against the frozen 1.0 headers only.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

struct peek {
	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t same, differ, failed;
	int64_t outside;
};

static const char *const peek_syscalls[] = { "openat", NULL };

static struct cpd_str peek_str(const char *s)
{
	struct cpd_str r = { s, (uint32_t)strlen(s), 0 };

	return r;
}

static struct cpd_kv peek_kv(const char *key, int64_t v)
{
	struct cpd_kv kv;

	memset(&kv, 0, sizeof(kv));
	kv.key = peek_str(key);
	kv.type = CPD_KV_S64;
	kv.unit = CPD_UNIT_COUNT;
	kv.v.s64 = v;
	return kv;
}

static int peek_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	struct peek *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->host = host;
	p->inst = inst;
	*statep = p;
	return 0;
}

static int peek_on_event(void *state, const struct cpd_event *ev)
{
	struct peek *p = state;
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_arg *path;
	char buf[4096];
	ssize_t n;

	if (ev->kind != CPD_EV_SYSCALL || !sc->arg || sc->nargs < 2)
		return 0;
	path = &sc->arg[1];
	if (path->kind != CPD_ARG_PATH || !path->str.ptr ||
	    path->str.len + 1 > sizeof(buf))
		return 0;
	n = p->host->read_tracee(p->inst, path->raw, buf, path->str.len + 1);
	if (n != (ssize_t)path->str.len + 1)
		p->failed++;
	else if (!memcmp(buf, path->str.ptr, path->str.len) &&
		 !buf[path->str.len])
		p->same++;
	else
		p->differ++;
	return 0;
}

static int peek_stop(void *state)
{
	struct peek *p = state;
	struct cpd_event ev;
	struct cpd_kv kv[4];
	char c;

	/* no syscall is being delivered now: the host must say no */
	p->outside = p->host->read_tracee(p->inst, 4096, &c, 1);
	memset(&ev, 0, sizeof(ev));
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = peek_str("peek");
	ev.u.report.title = peek_str("Peek");
	ev.u.report.order = 200;
	kv[0] = peek_kv("same", (int64_t)p->same);
	kv[1] = peek_kv("differ", (int64_t)p->differ);
	kv[2] = peek_kv("failed", (int64_t)p->failed);
	kv[3] = peek_kv("outside", p->outside);
	ev.u.report.kv = kv;
	ev.u.report.nkv = 4;
	return p->host->publish(p->inst, &ev);
}

static void peek_fini(void *state)
{
	free(state);
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "peek", .version = "1",
		  .description =
			  "reads openat paths with read_tracee (ABI 1.0)",
		  .subscribe = CPD_EVMASK(CPD_EV_SYSCALL),
		  .syscalls = peek_syscalls,
		  .publishes = CPD_EVMASK(CPD_EV_REPORT), .init = peek_init,
		  .on_event = peek_on_event, .stop = peek_stop,
		  .fini = peek_fini, );
