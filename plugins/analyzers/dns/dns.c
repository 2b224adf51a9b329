// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * dns: which names a program looked up, what it got back and how long it
 * waited, from the messages it sent to and received from port 53 (UDP,
 * and TCP with its length prefix). The core captures those bytes for us
 * (a payload rule, cpd_plugin.payloads); dnsmsg.c reads each message and
 * dnsflow.c pairs questions with answers per socket. This file publishes
 * a CPD_EV_DNS event per lookup, findings (dns-failed, dns-slow,
 * dns-search) and the report.
 *
 * Only what went over the wire is reported: names a program found in
 * /etc/hosts, or in a cache of its own, made no message and are not
 * guessed at.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <compendium/compendium.h>

#include "dnsflow.h"
#include "dnsmsg.h"
#include "lib/callmap.h"
#include "lib/format.h"
#include "lib/instance.h"
#include "lib/report.h"

/* Names (with their type) the report keeps a row for; more are counted. */
#define DNS_NAMES_MAX 4096
/* Failed lookups of a process kept to see whether a search ends well. */
#define DNS_TRIES_MAX 32
/* Processes followed for searches at once. */
#define DNS_PROCS_MAX 1024
/* Answers kept as text per event. */
#define DNS_ANSWERS_TEXT (4 * DNSMSG_DATA_MAX)

/* One row of the report: a name and a record type. */
struct dns_name {
	char *name;
	uint16_t qtype;
	uint16_t rcode; /* the last answer's */
	bool answered;	/* at least once */
	uint64_t lookups;
	uint64_t failures; /* an error code, no answer, or malformed */
	uint64_t wait_ns;
	uint64_t max_ns;
	char *first_answer;
};

/* A lookup that found nothing, waiting to see if a search explains it. */
struct dns_try {
	char *name;
	uint16_t qtype;
	uint16_t rcode;
	uint64_t sent_ns;
	uint64_t done_ns;
};

/* A process's failed lookups since its last success. */
struct dns_proc {
	int32_t pid;
	char comm[32];
	struct dns_try tries[DNS_TRIES_MAX];
	size_t ntries;
};

struct dns {
	/* options */
	uint64_t slow_ns;
	uint64_t search_min;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	struct callmap calls;
	struct dnsflow flow;
	/* the syscall event being delivered, while it is */
	const struct cpd_event *cur;
	uint64_t last_ns;

	struct dns_name *names;
	size_t nnames, capnames;
	uint64_t names_dropped;
	struct dns_proc *procs[DNS_PROCS_MAX];
	size_t nprocs;
	uint64_t tries_dropped;

	uint64_t lookups, failed, timeouts, malformed, truncated, retries;
	uint64_t wait_ns, slowest_ns;
	char slowest[DNSMSG_NAME_MAX + 16];

	char answers[DNS_ANSWERS_TEXT];
};

static const struct cpd_option dns_options[] = {
	{ .name = "slow",
	  .type = CPD_OPT_DURATION,
	  .def = "500ms",
	  .offset = offsetof(struct dns, slow_ns),
	  .help = "a lookup waiting this long is a dns-slow finding" },
	{ .name = "search_min",
	  .type = CPD_OPT_UINT,
	  .def = "2",
	  .min = 1,
	  .max = 1000,
	  .offset = offsetof(struct dns, search_min),
	  .help = "names tried in vain before the one that resolved that make "
		  "a dns-search finding" },
	CPD_OPTION_END
};

/* Every call that moves data on a socket, and close to end a socket. */
enum dns_call { DC_DATA, DC_CLOSE };

static const struct {
	const char *name;
	enum dns_call call;
} dns_calls[] = {
	{ "sendto", DC_DATA },	 { "sendmsg", DC_DATA },
	{ "sendmmsg", DC_DATA }, { "recvfrom", DC_DATA },
	{ "recvmsg", DC_DATA },	 { "recvmmsg", DC_DATA },
	{ "read", DC_DATA },	 { "write", DC_DATA },
	{ "readv", DC_DATA },	 { "writev", DC_DATA },
	{ "close", DC_CLOSE },
};

static const char *const dns_syscalls[] = {
	"sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg",
	"read",	  "write",   "readv",	 "writev",   "close",	NULL,
};

/* The messages of port 53, whole: DNS over TCP can be 64 KiB. */
static const struct cpd_payload_rule dns_payloads[] = {
	{ 53, CPD_PROTO_UDP | CPD_PROTO_TCP, CPD_PAYLOAD_MAX },
	CPD_PAYLOAD_RULE_END,
};

static const char *dns_call_name(size_t i)
{
	return dns_calls[i].name;
}

/* ---- the report ------------------------------------------------------- */

static const struct cpd_report_key dns_total_keys[] = {
	/* a run that looked nothing up has no DNS block: all NONZERO */
	REPORT_KEY("lookups", "Lookups", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		   "questions sent and answered or given up"),
	REPORT_KEY("names", "names", CPD_KV_U64, CPD_UNIT_COUNT,
		   CPD_RKF_SUMMARY | CPD_RKF_DETAIL | CPD_RKF_NONZERO, NULL,
		   "different names and types asked"),
	REPORT_KEY(
		"failed", "Failed", CPD_KV_U64, CPD_UNIT_COUNT,
		CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		"lookups with an error code, no answer, or a malformed message"),
	REPORT_KEY("timeouts", "Unanswered", CPD_KV_U64, CPD_UNIT_COUNT, 0,
		   NULL, "questions no answer came for (among the failed)"),
	REPORT_KEY("retries", "Asked again", CPD_KV_U64, CPD_UNIT_COUNT, 0,
		   NULL, "questions sent again before their answer"),
	REPORT_KEY("truncated", "Truncated", CPD_KV_U64, CPD_UNIT_COUNT, 0,
		   NULL, "answers too big for UDP (TC), asked again over TCP"),
	REPORT_KEY("malformed", "Malformed", CPD_KV_U64, CPD_UNIT_COUNT, 0,
		   NULL, "messages that broke the rules of DNS"),
	REPORT_KEY("slowest_ns", "Slowest", CPD_KV_U64, CPD_UNIT_NS,
		   CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		   "the longest wait for one answer"),
	REPORT_KEY("wait_ns", "Waiting", CPD_KV_U64, CPD_UNIT_NS,
		   CPD_RKF_SUMMARY | CPD_RKF_NONZERO, NULL,
		   "time spent waiting for answers, summed over lookups"),
	REPORT_KEY("slowest", "Slowest name", CPD_KV_STR, CPD_UNIT_NONE, 0,
		   NULL, "the name and type of that lookup"),
};

static const struct cpd_report_key dns_name_keys[] = {
	REPORT_KEY("name", "Name", CPD_KV_STR, CPD_UNIT_NONE, CPD_RKF_KEY, NULL,
		   "the name asked"),
	REPORT_KEY("type", "Type", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "the record type asked for"),
	REPORT_KEY("result", "Result", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "the last answer's code, or 'no answer'"),
	REPORT_KEY("answer", "First answer", CPD_KV_STR, CPD_UNIT_NONE, 0, NULL,
		   "the first record of the first answer"),
	REPORT_KEY("lookups", "Lookups", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "times it was looked up"),
	REPORT_KEY("failures", "Failures", CPD_KV_U64, CPD_UNIT_COUNT, 0, NULL,
		   "lookups with an error code, no answer, or malformed"),
	REPORT_KEY("wait_ns", "Waiting", CPD_KV_U64, CPD_UNIT_NS, CPD_RKF_SORT,
		   NULL, "time spent waiting, summed"),
	REPORT_KEY("max_ns", "Slowest", CPD_KV_U64, CPD_UNIT_NS, 0, NULL,
		   "the longest wait"),
};

enum { DNS_REP_TOTALS, DNS_REP_NAMES };

static const struct cpd_report_desc dns_reports[] = {
	[DNS_REP_TOTALS] = { .topic = "dns",
			     .title = "DNS",
			     .flags = CPD_RDF_SUMMARY,
			     .order = 35,
			     .keys = dns_total_keys,
			     .nkeys = REPORT_NKEYS(dns_total_keys),
			     .help = "the names looked up over the wire" },
	[DNS_REP_NAMES] = { .topic = "dns.names",
			    .title = "Names looked up",
			    .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			    .order = 36,
			    .keys = dns_name_keys,
			    .nkeys = REPORT_NKEYS(dns_name_keys),
			    .summary_rows = 10,
			    .summary_row =
				    "{name} {type} {result}{answer|=|*= *} "
				    "({lookups}×, {wait_ns})",
			    .help = "one row per name and record type asked" },
	CPD_REPORT_END
};

/* ---- names ------------------------------------------------------------ */

static struct dns_name *dns_name_get(struct dns *d, const char *name,
				     uint16_t qtype)
{
	struct dns_name *n;
	size_t i;

	for (i = 0; i < d->nnames; i++) {
		n = &d->names[i];
		if (n->qtype == qtype && dnsmsg_name_eq(n->name, name))
			return n;
	}
	if (d->nnames == DNS_NAMES_MAX) {
		d->names_dropped++;
		return NULL;
	}
	if (d->nnames == d->capnames) {
		size_t cap = d->capnames ? 2 * d->capnames : 32;
		struct dns_name *v = realloc(d->names, cap * sizeof(*v));

		if (!v)
			return NULL;
		d->names = v;
		d->capnames = cap;
	}
	n = &d->names[d->nnames];
	memset(n, 0, sizeof(*n));
	n->name = strdup(name);
	if (!n->name)
		return NULL;
	n->qtype = qtype;
	d->nnames++;
	return n;
}

/* ---- findings --------------------------------------------------------- */

/*
 * Publish a finding about process pid; paths is a NUL-separated list of
 * plen bytes (the names concerned).
 */
static void dns_finding(struct dns *d, int32_t pid, const char *comm,
			const char *id, uint32_t sev, const char *title,
			const char *paths, size_t plen, uint64_t count,
			uint64_t first_ns, uint64_t last_ns)
{
	struct cpd_event ev;
	char pids[16];
	int n;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_FINDING;
	ev.ts_ns = last_ns;
	ev.pid = ev.tid = pid;
	ev.comm = report_str(comm, comm ? strlen(comm) : 0);
	ev.u.finding.id = report_str(id, strlen(id));
	ev.u.finding.severity = sev;
	ev.u.finding.title = report_str(title, strlen(title));
	n = snprintf(pids, sizeof(pids), "%d", pid);
	ev.u.finding.pids = report_str(pids, (size_t)n);
	ev.u.finding.paths = report_str(paths, plen);
	ev.u.finding.count = count ? count : 1;
	ev.u.finding.first_ns = first_ns;
	ev.u.finding.last_ns = last_ns;
	d->host->publish(d->inst, &ev);
}

/* One name as a finding's list. */
static void dns_finding1(struct dns *d, int32_t pid, const char *comm,
			 const char *id, const char *title, const char *name,
			 uint64_t count, uint64_t first_ns, uint64_t last_ns)
{
	if (!name)
		name = "";
	dns_finding(d, pid, comm, id, CPD_SEV_WARNING, title, name,
		    strlen(name), count, first_ns, last_ns);
}

/* Add name to a NUL-separated list of *len bytes, once. */
static void dns_list_add(char *list, size_t size, size_t *len, const char *name)
{
	size_t n = strlen(name) + 1;

	if (*len + n > size || memmem(list, *len, name, n))
		return;
	memcpy(list + *len, name, n);
	*len += n;
}

static struct dns_proc *dns_proc_get(struct dns *d, int32_t pid,
				     const struct cpd_str *comm)
{
	struct dns_proc *p;
	size_t i;

	for (i = 0; i < d->nprocs; i++)
		if (d->procs[i]->pid == pid)
			return d->procs[i];
	if (d->nprocs == DNS_PROCS_MAX || !(p = calloc(1, sizeof(*p)))) {
		d->tries_dropped++;
		return NULL;
	}
	p->pid = pid;
	if (comm && comm->ptr)
		snprintf(p->comm, sizeof(p->comm), "%.*s",
			 (int)(comm->len < sizeof(p->comm) ?
				       comm->len :
				       sizeof(p->comm) - 1),
			 comm->ptr);
	d->procs[d->nprocs++] = p;
	return p;
}

/* The first label of a name: what every try of one search shares. */
static size_t dns_first_label(const char *name)
{
	size_t i;

	for (i = 0; name[i]; i++) {
		if (name[i] == '\\' && name[i + 1])
			i++;
		else if (name[i] == '.')
			return i;
	}
	return i;
}

static bool dns_same_search(const char *a, const char *b)
{
	size_t la = dns_first_label(a), lb = dns_first_label(b);

	return la == lb && !strncasecmp(a, b, la);
}

static void dns_try_free(struct dns_try *t)
{
	free(t->name);
	t->name = NULL;
}

/*
 * What is left of a process's tries found nothing after all: one
 * dns-failed finding per search (the names sharing a first label).
 */
static void dns_proc_failed(struct dns *d, struct dns_proc *p)
{
	char title[512], names[2048], rc[16];
	size_t i, j, len;

	for (i = 0; i < p->ntries; i++) {
		struct dns_try *t = &p->tries[i];
		uint64_t count = 0, last = t->done_ns;
		const char *shortest;

		if (!t->name)
			continue;
		len = 0;
		names[0] = '\0';
		for (j = i; j < p->ntries; j++) {
			struct dns_try *u = &p->tries[j];

			if (!u->name || !dns_same_search(t->name, u->name))
				continue;
			dns_list_add(names, sizeof(names), &len, u->name);
			count++;
			if (u->done_ns > last)
				last = u->done_ns;
		}
		/* the search is best named by the name it started from */
		shortest = names;
		for (j = 0; j < len; j += strlen(names + j) + 1)
			if (strlen(names + j) < strlen(shortest))
				shortest = names + j;
		/* how many lookups is the finding's count: outputs show it */
		snprintf(title, sizeof(title), "%s: %.255s not found (%s)",
			 p->comm, shortest,
			 dnsmsg_rcode_name(t->rcode, rc, sizeof(rc)));
		for (j = i + 1; j < p->ntries; j++)
			if (p->tries[j].name &&
			    dns_same_search(t->name, p->tries[j].name))
				dns_try_free(&p->tries[j]);
		dns_finding(d, p->pid, p->comm, "dns-failed", CPD_SEV_WARNING,
			    title, names, len ? len - 1 : 0, count, t->sent_ns,
			    last);
		dns_try_free(t);
	}
	p->ntries = 0;
}

/* A lookup that found nothing: it may be a search's try. */
static void dns_try(struct dns *d, const struct dnsflow_lookup *l,
		    uint16_t rcode, const struct cpd_str *comm)
{
	struct dns_proc *p = dns_proc_get(d, l->pid, comm);
	struct dns_try *t;

	if (!p)
		return;
	if (p->ntries == DNS_TRIES_MAX) {
		/* the oldest is the one least likely to be explained */
		struct dns_proc one = *p;

		one.ntries = 1;
		dns_proc_failed(d, &one);
		memmove(&p->tries[0], &p->tries[1],
			(DNS_TRIES_MAX - 1) * sizeof(p->tries[0]));
		p->ntries--;
		d->tries_dropped++;
	}
	t = &p->tries[p->ntries];
	t->name = strdup(l->qname ? l->qname : "");
	if (!t->name)
		return;
	t->qtype = l->qtype;
	t->rcode = rcode;
	t->sent_ns = l->sent_ns;
	t->done_ns = l->done_ns;
	p->ntries++;
}

/* A name resolved: the tries of its search were expected, not failures. */
static void dns_resolved(struct dns *d, const struct dnsflow_lookup *l,
			 const struct cpd_str *comm)
{
	char title[512], names[2048], dur[32];
	struct dns_proc *p;
	uint64_t first;
	size_t i, k = 0, distinct, len = 0;

	p = dns_proc_get(d, l->pid, comm);
	if (!p || !l->qname)
		return;
	first = l->sent_ns;
	for (i = 0; i < p->ntries; i++) {
		struct dns_try *t = &p->tries[i];

		if (!dns_same_search(t->name, l->qname)) {
			p->tries[k++] = *t;
			continue;
		}
		if (t->sent_ns < first)
			first = t->sent_ns;
		dns_list_add(names, sizeof(names), &len, t->name);
		dns_try_free(t);
	}
	p->ntries = k;
	/* the names tried in vain: A and AAAA of one name are one try */
	for (i = 0, distinct = 0; i < len; i += strlen(names + i) + 1)
		distinct++;
	if (distinct < d->search_min)
		return;
	format_ns(l->done_ns - first, dur, sizeof(dur));
	snprintf(title, sizeof(title),
		 "%s: resolved %.*s as %s after %zu NXDOMAIN search-domain "
		 "tries: %s",
		 p->comm, (int)dns_first_label(l->qname), l->qname, l->qname,
		 distinct, dur);
	dns_finding(d, l->pid, p->comm, "dns-search", CPD_SEV_NOTICE, title,
		    names, len ? len - 1 : 0, distinct, first, l->done_ns);
}

/* ---- events ----------------------------------------------------------- */

/* Answers as NUL-separated text: the address, or "TYPE data". */
static size_t dns_answers_text(struct dns *d, const struct dnsmsg *m)
{
	size_t len = 0;
	uint16_t i;

	for (i = 0; i < m->an_kept; i++) {
		const struct dnsmsg_rr *rr = &m->an[i];
		char tn[16];
		int n;

		if (rr->type == DNSMSG_T_A || rr->type == DNSMSG_T_AAAA)
			n = snprintf(d->answers + len, sizeof(d->answers) - len,
				     "%s", rr->data);
		else
			n = snprintf(d->answers + len, sizeof(d->answers) - len,
				     "%s %s",
				     dnsmsg_type_name(rr->type, tn, sizeof(tn)),
				     rr->data);
		if (n < 0 || (size_t)n + 1 >= sizeof(d->answers) - len)
			break;
		len += (size_t)n + 1;
	}
	return len ? len - 1 : 0;
}

static void dns_event(struct dns *d, const struct dnsflow_lookup *l,
		      const struct cpd_str *comm, struct cpd_event *ev)
{
	const struct dnsmsg *m = l->msg;
	char tn[16], rn[16];
	const char *type, *rcode;

	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = CPD_EV_DNS;
	ev->ts_ns = l->done_ns;
	ev->pid = l->pid;
	ev->tid = l->tid ? l->tid : l->pid;
	if (comm)
		ev->comm = *comm;
	if (d->cur && d->cur->kind == CPD_EV_SYSCALL)
		ev->u.dns.cause_seq = d->cur->seq;
	ev->u.dns.fd = l->fd;
	ev->u.dns.qtype = l->qtype;
	ev->u.dns.id = l->id;
	ev->u.dns.retries = l->retries;
	ev->u.dns.latency_ns = l->done_ns - l->sent_ns;
	ev->u.dns.server = l->server;
	if (l->tcp)
		ev->u.dns.flags |= CPD_DNSF_TCP;
	if (l->qname)
		ev->u.dns.name = report_str(l->qname, strlen(l->qname));
	type = dnsmsg_type_name(l->qtype, tn, sizeof(tn));
	ev->u.dns.type = report_str(type, strlen(type));
	switch (l->what) {
	case DNSFLOW_ANSWER:
		ev->u.dns.op = CPD_DNS_ANSWER;
		ev->u.dns.rcode = m->rcode;
		rcode = dnsmsg_rcode_name(m->rcode, rn, sizeof(rn));
		ev->u.dns.rcode_name = report_str(rcode, strlen(rcode));
		ev->u.dns.nanswers = m->an_seen;
		ev->u.dns.answers =
			report_str(d->answers, dns_answers_text(d, m));
		if (m->tc)
			ev->u.dns.flags |= CPD_DNSF_TRUNCATED;
		if (m->edns)
			ev->u.dns.flags |= CPD_DNSF_EDNS;
		if (m->aa)
			ev->u.dns.flags |= CPD_DNSF_AUTHORITY;
		break;
	case DNSFLOW_TIMEOUT:
		ev->u.dns.op = CPD_DNS_TIMEOUT;
		break;
	case DNSFLOW_MALFORMED:
		ev->u.dns.op = CPD_DNS_MALFORMED;
		ev->u.dns.latency_ns = 0;
		if (l->sent)
			ev->u.dns.flags |= CPD_DNSF_SENT;
		ev->u.dns.error = report_str(dnsmsg_err_text(m->err),
					     strlen(dnsmsg_err_text(m->err)));
		break;
	}
}

/* What dnsflow found: an event, the counts, and what findings follow. */
static void dns_lookup(void *arg, const struct dnsflow_lookup *l)
{
	struct dns *d = arg;
	const struct cpd_str *comm =
		d->cur && d->cur->pid == l->pid ? &d->cur->comm : NULL;
	struct dns_name *n = NULL;
	uint64_t wait = l->done_ns - l->sent_ns;
	struct cpd_event ev;
	char title[512], dur[32], tn[16];
	bool failed;

	dns_event(d, l, comm, &ev);
	d->host->publish(d->inst, &ev);
	if (l->what == DNSFLOW_MALFORMED) {
		d->malformed++;
		snprintf(title, sizeof(title),
			 "a malformed DNS message %s (%s)",
			 l->sent ? "sent" : "received",
			 dnsmsg_err_text(l->msg->err));
		dns_finding1(d, l->pid, comm ? comm->ptr : NULL, "dns-failed",
			     title, l->qname, 1, l->done_ns, l->done_ns);
		return;
	}
	d->lookups++;
	d->retries += l->retries;
	d->wait_ns += wait;
	if (l->qname)
		n = dns_name_get(d, l->qname, l->qtype);
	if (n) {
		n->lookups++;
		n->wait_ns += wait;
		if (wait > n->max_ns)
			n->max_ns = wait;
	}
	if (wait > d->slowest_ns) {
		d->slowest_ns = wait;
		snprintf(d->slowest, sizeof(d->slowest), "%s %s",
			 l->qname ? l->qname : "?",
			 dnsmsg_type_name(l->qtype, tn, sizeof(tn)));
	}
	if (l->what == DNSFLOW_TIMEOUT) {
		d->timeouts++;
		d->failed++;
		if (n)
			n->failures++;
		format_ns(wait, dur, sizeof(dur));
		snprintf(title, sizeof(title),
			 "%.*s: no answer for %s %s after %s", 31,
			 comm && comm->ptr ? comm->ptr : "a process",
			 l->qname ? l->qname : "?",
			 dnsmsg_type_name(l->qtype, tn, sizeof(tn)), dur);
		dns_finding1(d, l->pid, comm ? comm->ptr : NULL, "dns-failed",
			     title, l->qname, 1 + l->retries, l->sent_ns,
			     l->done_ns);
		return;
	}
	if (l->msg->tc)
		d->truncated++;
	failed = l->msg->rcode != DNSMSG_RC_NOERROR;
	if (n) {
		n->rcode = l->msg->rcode;
		n->answered = true;
		if (!n->first_answer && l->msg->an_kept)
			n->first_answer = strdup(l->msg->an[0].data);
	}
	if (failed) {
		d->failed++;
		if (n)
			n->failures++;
	}
	if (wait >= d->slow_ns) {
		format_ns(wait, dur, sizeof(dur));
		snprintf(title, sizeof(title), "slow lookup of %s %s: %s",
			 l->qname ? l->qname : "?",
			 dnsmsg_type_name(l->qtype, tn, sizeof(tn)), dur);
		dns_finding1(d, l->pid, comm ? comm->ptr : NULL, "dns-slow",
			     title, l->qname, 1, l->sent_ns, l->done_ns);
	}
	if (l->msg->rcode == DNSMSG_RC_NXDOMAIN)
		dns_try(d, l, l->msg->rcode, comm);
	else if (failed) {
		char rc[16];

		snprintf(title, sizeof(title), "%s %s: %s from the server",
			 l->qname ? l->qname : "?",
			 dnsmsg_type_name(l->qtype, tn, sizeof(tn)),
			 dnsmsg_rcode_name(l->msg->rcode, rc, sizeof(rc)));
		dns_finding1(d, l->pid, comm ? comm->ptr : NULL, "dns-failed",
			     title, l->qname, 1, l->sent_ns, l->done_ns);
	} else if (l->msg->an_kept || !l->msg->tc)
		dns_resolved(d, l, comm);
}

/* ---- syscalls ----------------------------------------------------------- */

/* The server a call talked to: the socket's peer, else the address named. */
static const struct cpd_sockaddr *dns_server(const struct cpd_syscall *sc)
{
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	uint32_t i;

	if (fd && fd->peer.family)
		return &fd->peer;
	for (i = 0; i < sc->nargs && i < 6; i++)
		if (sc->arg[i].sa && sc->arg[i].sa->port == 53)
			return sc->arg[i].sa;
	return NULL;
}

static void dns_data(struct dns *d, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	const struct cpd_fdinfo *fd = report_arg_fd(sc, 0);
	const struct cpd_payload *pl = sc->payload;
	bool sent = sc->classes & CPD_SC_WRITE;
	uint32_t i;

	if (!pl || !fd)
		return;
	for (i = 0; i < pl->count; i++)
		dnsflow_data(&d->flow, ev->pid, ev->tid, fd->fd,
			     fd->sock_type == SOCK_STREAM, sent, dns_server(sc),
			     (const uint8_t *)pl->msg[i].ptr, pl->msg[i].len,
			     ev->ts_ns);
}

static int dns_on_event(void *state, const struct cpd_event *ev)
{
	struct dns *d = state;
	int i;

	d->cur = ev;
	d->last_ns = ev->ts_ns;
	if (ev->kind == CPD_EV_PROC) {
		/* a process gone: its pending questions are given up */
		if (ev->u.proc.op == CPD_PROC_EXIT &&
		    ev->u.proc.flags & CPD_PROCF_GROUP_EXIT) {
			size_t k;

			dnsflow_exit(&d->flow, ev->pid, ev->ts_ns);
			for (k = 0; k < d->nprocs; k++)
				if (d->procs[k]->pid == ev->pid) {
					dns_proc_failed(d, d->procs[k]);
					free(d->procs[k]);
					d->procs[k] = d->procs[--d->nprocs];
					break;
				}
		}
		d->cur = NULL;
		return 0;
	}
	i = callmap_find_completed(&d->calls, ev);
	if (i >= 0) {
		if (dns_calls[i].call == DC_DATA)
			dns_data(d, ev);
		else if (!ev->u.syscall.err)
			dnsflow_close(&d->flow, ev->pid,
				      (int32_t)ev->u.syscall.args[0],
				      ev->ts_ns);
	}
	d->cur = NULL;
	return 0;
}

static int dns_name_cmp(const void *a, const void *b)
{
	const struct dns_name *x = a, *y = b;

	if (x->wait_ns != y->wait_ns)
		return x->wait_ns < y->wait_ns ? 1 : -1;
	return 0;
}

static int dns_stop(void *state)
{
	struct dns *d = state;
	struct cpd_kv kv[10];
	size_t i;

	dnsflow_end(&d->flow, d->last_ns);
	for (i = 0; i < d->nprocs; i++)
		dns_proc_failed(d, d->procs[i]);
	kv[0] = report_val_u64("lookups", d->lookups);
	kv[1] = report_val_u64("names", d->nnames + d->names_dropped);
	kv[2] = report_val_u64("failed", d->failed);
	kv[3] = report_val_u64("timeouts", d->timeouts);
	kv[4] = report_val_u64("retries", d->retries);
	kv[5] = report_val_u64("truncated", d->truncated);
	kv[6] = report_val_u64("malformed", d->malformed);
	kv[7] = report_val_u64("wait_ns", d->wait_ns);
	kv[8] = report_val_u64("slowest_ns", d->slowest_ns);
	kv[9] = report_val_text("slowest", d->slowest, strlen(d->slowest));
	report_publish_desc(d->host, d->inst, &dns_reports[DNS_REP_TOTALS], kv,
			    10);
	/* the names that cost the most waiting first: the summary's list */
	if (d->nnames)
		qsort(d->names, d->nnames, sizeof(*d->names), dns_name_cmp);
	for (i = 0; i < d->nnames; i++) {
		const struct dns_name *n = &d->names[i];
		char tn[16], rn[16];
		const char *type = dnsmsg_type_name(n->qtype, tn, sizeof(tn));
		const char *result =
			n->answered ?
				dnsmsg_rcode_name(n->rcode, rn, sizeof(rn)) :
				"no answer";
		const char *answer = n->first_answer ? n->first_answer : "";

		kv[0] = report_val_text("name", n->name, strlen(n->name));
		kv[1] = report_val_text("type", type, strlen(type));
		kv[2] = report_val_text("result", result, strlen(result));
		kv[3] = report_val_text("answer", answer, strlen(answer));
		kv[4] = report_val_u64("lookups", n->lookups);
		kv[5] = report_val_u64("failures", n->failures);
		kv[6] = report_val_u64("wait_ns", n->wait_ns);
		kv[7] = report_val_u64("max_ns", n->max_ns);
		report_publish_desc(d->host, d->inst,
				    &dns_reports[DNS_REP_NAMES], kv, 8);
	}
	if (d->names_dropped || d->tries_dropped || d->flow.dropped)
		d->host->log(d->inst, CPD_LOG_NOTE,
			     "bounds reached: %" PRIu64 " names, %" PRIu64
			     " searches and %" PRIu64
			     " queries or sockets not followed",
			     d->names_dropped, d->tries_dropped,
			     d->flow.dropped);
	return 0;
}

static int dns_setup(void *state)
{
	struct dns *d = state;

	callmap_init(&d->calls, dns_call_name,
		     sizeof(dns_calls) / sizeof(dns_calls[0]));
	return dnsflow_init(&d->flow, dns_lookup, d);
}

static void dns_release(void *state)
{
	struct dns *d = state;
	size_t i;

	dnsflow_free(&d->flow);
	for (i = 0; i < d->nnames; i++) {
		free(d->names[i].name);
		free(d->names[i].first_answer);
	}
	free(d->names);
	for (i = 0; i < d->nprocs; i++) {
		size_t j;

		for (j = 0; j < d->procs[i]->ntries; j++)
			dns_try_free(&d->procs[i]->tries[j]);
		free(d->procs[i]);
	}
}

static const struct instance_type dns_type =
	INSTANCE_TYPE(struct dns, dns_setup, dns_release);

static int dns_init(struct cpd_instance *inst, const struct cpd_host *host,
		    void **statep)
{
	return instance_init(&dns_type, inst, host, statep);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "dns", .version = "1.0",
		.description =
			"names looked up over the wire: answers, failures, waits",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC),
		.syscalls = dns_syscalls,
		.publishes = CPD_EVMASK(CPD_EV_DNS) |
			     CPD_EVMASK(CPD_EV_FINDING) |
			     CPD_EVMASK(CPD_EV_REPORT),
		/*
		 * a batch of reads or writes is never of a socket a payload
		 * rule matches: those calls come one by one, with their bytes
		 */
		.flags = CPD_PF_SINGLETON | CPD_PF_SYSCALL_BATCH,
		.options = dns_options, .init = dns_init,
		.on_event = dns_on_event, .stop = dns_stop,
		.fini = instance_fini, .reports = dns_reports,
		.payloads = dns_payloads, );
