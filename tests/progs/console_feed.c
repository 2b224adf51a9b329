// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * console_feed: a test analyzer that publishes one of every event shape
 * the console renders, with fixed values, when the traced command execs,
 * and a fixed set of reports when tracing ends. The console's golden tests
 * run it instead of the real analyzers, so they pin the console's formats
 * and not the analyzers' choices.
 *
 * On the command's exec it publishes the whole set; on any later exec
 * (a child, so two tasks are live) one read, to show the "[PID]" column.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include <compendium/compendium.h>

struct feed {
	const struct cpd_host *host;
	struct cpd_instance *inst;
	int demo_kind;
	bool fed;
	int32_t pid, tid;
	uint64_t ts;
};

/* The payload of the custom kind, at u.custom. */
struct feed_demo {
	uint64_t bytes;
	uint32_t count;
	uint32_t errnum;
	struct cpd_str name;
};

#define DEMO_OFF(m)                                        \
	((uint32_t)(offsetof(struct cpd_event, u.custom) + \
		    offsetof(struct feed_demo, m)))

static const struct cpd_field feed_demo_fields[] = {
	{ .name = "name",
	  .type = CPD_FT_STR,
	  .offset = DEMO_OFF(name),
	  .flags = CPD_FIELDF_KEY,
	  .help = "a string from the tracee" },
	{ .name = "bytes",
	  .type = CPD_FT_U64,
	  .offset = DEMO_OFF(bytes),
	  .unit = CPD_UNIT_BYTES,
	  .help = "bytes" },
	{ .name = "count",
	  .type = CPD_FT_U32,
	  .offset = DEMO_OFF(count),
	  .unit = CPD_UNIT_COUNT,
	  .help = "times" },
	{ .name = "errno",
	  .type = CPD_FT_ERRNO,
	  .offset = DEMO_OFF(errnum),
	  .flags = CPD_FIELDF_OPTIONAL,
	  .help = "an error, if any" },
};

static const struct cpd_kind_desc feed_demo_kind = {
	.struct_size = sizeof(struct cpd_kind_desc),
	.nfields = sizeof(feed_demo_fields) / sizeof(feed_demo_fields[0]),
	.name = "demo_kind",
	.description = "a third-party kind the console knows nothing about",
	.fields = feed_demo_fields,
};

static struct cpd_str feed_str(const char *s)
{
	struct cpd_str r = { s, (uint32_t)strlen(s), 0 };

	return r;
}

static void feed_ev(struct feed *f, struct cpd_event *ev, uint16_t kind)
{
	memset(ev, 0, sizeof(*ev));
	ev->size = sizeof(*ev);
	ev->kind = kind;
	ev->ts_ns = f->ts;
	ev->pid = f->pid;
	ev->tid = f->tid;
}

static void feed_file(struct feed *f, uint32_t op, uint32_t flags,
		      const char *path, const char *path2, uint64_t bytes,
		      uint32_t count, int err)
{
	struct cpd_event ev;

	feed_ev(f, &ev, CPD_EV_FILE);
	ev.u.file.op = op;
	ev.u.file.flags = flags;
	ev.u.file.fd = 3;
	ev.u.file.fd2 = -1;
	ev.u.file.err = err;
	ev.u.file.bytes = bytes;
	ev.u.file.count = count;
	ev.u.file.path = feed_str(path);
	if (path2)
		ev.u.file.path2 = feed_str(path2);
	f->host->publish(f->inst, &ev);
}

static void feed_sa4(struct cpd_sockaddr *sa, const char *ip, uint16_t port)
{
	unsigned a, b, c, d;

	memset(sa, 0, sizeof(*sa));
	sa->family = AF_INET;
	sa->port = port;
	if (sscanf(ip, "%u.%u.%u.%u", &a, &b, &c, &d) == 4) {
		sa->addr[0] = (uint8_t)a;
		sa->addr[1] = (uint8_t)b;
		sa->addr[2] = (uint8_t)c;
		sa->addr[3] = (uint8_t)d;
	}
}

static void feed_net(struct feed *f, uint32_t op, uint16_t family,
		     uint32_t type, const struct cpd_sockaddr *local,
		     const struct cpd_sockaddr *peer, uint64_t bytes,
		     uint32_t count, int err)
{
	struct cpd_event ev;

	feed_ev(f, &ev, CPD_EV_NET);
	ev.u.net.op = op;
	ev.u.net.family = family;
	ev.u.net.sock_type = type;
	ev.u.net.fd = 4;
	ev.u.net.err = err;
	ev.u.net.bytes = bytes;
	ev.u.net.count = count;
	if (local)
		ev.u.net.local = *local;
	if (peer)
		ev.u.net.peer = *peer;
	f->host->publish(f->inst, &ev);
}

static void feed_mmap(struct feed *f, uint32_t op, uint32_t flags,
		      uint32_t prot, uint64_t addr, uint64_t len, int fd,
		      const char *path, int64_t delta)
{
	struct cpd_event ev;

	feed_ev(f, &ev, CPD_EV_MMAP);
	ev.u.mmap.op = op;
	ev.u.mmap.flags = flags;
	ev.u.mmap.prot = prot;
	ev.u.mmap.addr = addr;
	ev.u.mmap.len = len;
	ev.u.mmap.old_addr = 0x7f0000100000ULL;
	ev.u.mmap.old_len = 4096;
	ev.u.mmap.fd = fd;
	ev.u.mmap.delta = delta;
	if (path)
		ev.u.mmap.path = feed_str(path);
	f->host->publish(f->inst, &ev);
}

static void feed_kinds(struct feed *f)
{
	struct cpd_sockaddr a, b;
	struct cpd_event ev;
	struct feed_demo demo;

	/* files */
	feed_file(f, CPD_FILE_OPEN, CPD_FILEF_READABLE, "/etc/hosts", NULL, 0,
		  1, 0);
	feed_file(f, CPD_FILE_OPEN, CPD_FILEF_READABLE | CPD_FILEF_WRITABLE,
		  "/tmp/out.log", NULL, 0, 1, 0);
	feed_file(f, CPD_FILE_OPEN_FAILED, 0, "/etc/missing.conf", NULL, 0, 1,
		  ENOENT);
	/* a probe of a search: a line with -v only */
	feed_file(f, CPD_FILE_OPEN_FAILED, CPD_FILEF_PROBE,
		  "/usr/local/include/probe.h", NULL, 0, 1, ENOENT);
	feed_file(f, CPD_FILE_OPEN, CPD_FILEF_HIDDEN, "/usr/lib/libhidden.so",
		  NULL, 0, 1, 0);
	feed_file(f, CPD_FILE_READ, 0, "/etc/hosts", NULL, 999, 1, 0);
	feed_file(f, CPD_FILE_READ, 0, "/etc/hosts", NULL, 4096, 4, 0);
	feed_file(f, CPD_FILE_WRITE, 0, "/tmp/out.log", NULL, 1048575, 1, 0);
	feed_file(f, CPD_FILE_COPY, 0, "/tmp/a.bin", "/tmp/b.bin", 1536, 1, 0);
	feed_file(f, CPD_FILE_SENDFILE, CPD_FILEF_TO_NETWORK, "/srv/index.html",
		  NULL, 2048, 1, 0);
	feed_file(f, CPD_FILE_SENDFILE, 0, "/srv/index.html", "/tmp/copy.html",
		  0, 1, 0);
	feed_file(f, CPD_FILE_SPLICE, 0, "/tmp/a.bin", "/tmp/c.bin", 100, 1, 0);
	feed_file(f, CPD_FILE_CLOSE, 0, "/etc/hosts", NULL, 0, 1, 0);
	/* tracee-controlled names that try to drive the terminal */
	feed_file(f, CPD_FILE_OPEN, CPD_FILEF_WRITABLE, "/tmp/\033[31mred",
		  NULL, 0, 1, 0);
	feed_file(f, CPD_FILE_OPEN, CPD_FILEF_WRITABLE,
		  "/tmp/new\n[+0.000s] open /etc/shadow (read)", NULL, 0, 1, 0);
	feed_file(f, CPD_FILE_WRITE, 0, "/tmp/tab\there", NULL, 5, 1, 0);

	/* network */
	feed_sa4(&b, "93.184.216.34", 443);
	feed_net(f, CPD_NET_SOCKET, AF_INET, SOCK_STREAM, NULL, NULL, 0, 1, 0);
	feed_net(f, CPD_NET_CONNECT, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, NULL,
		 &b, 0, 1, 0);
	memset(&b, 0, sizeof(b));
	b.family = AF_INET6;
	b.port = 8080;
	b.addr[15] = 1;
	feed_net(f, CPD_NET_CONNECT_FAILED, AF_INET6, SOCK_STREAM, NULL, &b, 0,
		 1, ECONNREFUSED);
	feed_sa4(&a, "0.0.0.0", 8080);
	feed_net(f, CPD_NET_LISTEN, AF_INET, SOCK_STREAM, &a, NULL, 0, 1, 0);
	feed_sa4(&b, "10.0.0.2", 51000);
	feed_net(f, CPD_NET_ACCEPT, AF_INET, SOCK_STREAM, &a, &b, 0, 1, 0);
	memset(&b, 0, sizeof(b));
	b.family = AF_UNIX;
	b.path = feed_str("/run/demo.sock");
	feed_net(f, CPD_NET_CONNECT, AF_UNIX, SOCK_STREAM, NULL, &b, 0, 1, 0);
	feed_sa4(&b, "8.8.8.8", 53);
	feed_net(f, CPD_NET_CONNECT, AF_INET, SOCK_DGRAM, NULL, &b, 0, 1, 0);
	feed_net(f, CPD_NET_SEND, AF_INET, SOCK_STREAM, NULL, NULL, 1024, 1, 0);
	feed_net(f, CPD_NET_RECV, AF_INET, SOCK_STREAM, NULL, NULL, 3000, 3, 0);
	feed_sa4(&b, "127.0.0.1", 9);
	feed_ev(f, &ev, CPD_EV_NET);
	ev.u.net.op = CPD_NET_CONNECT;
	ev.u.net.flags = CPD_NETF_LOOPBACK | CPD_NETF_HIDDEN;
	ev.u.net.family = AF_INET;
	ev.u.net.sock_type = SOCK_STREAM;
	ev.u.net.peer = b;
	f->host->publish(f->inst, &ev);

	/* memory */
	feed_mmap(f, CPD_MMAP_BRK, 0, 0, 0x555555559000ULL, 4096, -1, NULL,
		  4096);
	feed_mmap(f, CPD_MMAP_BRK, 0, 0, 0x55555555a000ULL, 135168, -1, NULL,
		  135168);
	feed_mmap(f, CPD_MMAP_MAP, CPD_MMAPF_ANON, PROT_READ | PROT_WRITE,
		  0x7f0000000000ULL, 8192, -1, NULL, 8192);
	feed_mmap(f, CPD_MMAP_MAP, 0, PROT_READ | PROT_EXEC, 0x7f0000010000ULL,
		  1536, 5, "/opt/lib/libdemo.so.1", 1536);
	feed_mmap(f, CPD_MMAP_MAP, 0, PROT_READ, 0x7f0000020000ULL, 4096, 6,
		  NULL, 4096);
	feed_mmap(f, CPD_MMAP_MAP, CPD_MMAPF_SHARED, PROT_READ,
		  0x7f0000030000ULL, 4096, -1, NULL, 4096);
	feed_mmap(f, CPD_MMAP_MAP, CPD_MMAPF_HIDDEN, PROT_READ,
		  0x7f0000040000ULL, 4096, 7, "/usr/lib/libc.so.6", 4096);
	feed_mmap(f, CPD_MMAP_UNMAP, 0, 0, 0x7f0000000000ULL, 8192, -1, NULL,
		  -8192);
	feed_mmap(f, CPD_MMAP_REMAP, CPD_MMAPF_ANON, PROT_READ | PROT_WRITE,
		  0x7f0000200000ULL, 8192, -1, NULL, 4096);
	feed_mmap(f, CPD_MMAP_PROTECT, 0, PROT_READ, 0x7f0000010000ULL, 4096,
		  -1, NULL, 0);

	/* kernel sources */
	feed_ev(f, &ev, CPD_EV_FAULT);
	ev.u.fault.addr = 0x555555559010ULL;
	ev.u.fault.count = 1;
	ev.u.fault.region = CPD_REGION_HEAP;
	ev.u.fault.prot = PROT_READ | PROT_WRITE;
	ev.u.fault.region_start = 0x555555559000ULL;
	f->host->publish(f->inst, &ev);
	ev.u.fault.count = 3;
	ev.u.fault.region = CPD_REGION_ANON;
	ev.u.fault.region_start = 0x7f0000000000ULL;
	f->host->publish(f->inst, &ev);
	feed_ev(f, &ev, CPD_EV_SCHED);
	ev.u.sched.op = CPD_SCHED_WAKEUP;
	ev.u.sched.delay_ns = 50000; /* under the 100us default: silent */
	f->host->publish(f->inst, &ev);
	ev.u.sched.delay_ns = 250000;
	f->host->publish(f->inst, &ev);
	feed_ev(f, &ev, CPD_EV_BLKIO);
	ev.u.blkio.op = CPD_BLKIO_READ;
	ev.u.blkio.bytes = 4096;
	ev.u.blkio.latency_ns = 1500000;
	ev.u.blkio.count = 1;
	f->host->publish(f->inst, &ev);
	ev.u.blkio.count = 12;
	ev.u.blkio.latency_ns = 800000;
	ev.u.blkio.max_latency_ns = 2500000;
	ev.u.blkio.total_bytes = 49152;
	f->host->publish(f->inst, &ev);
	feed_ev(f, &ev, CPD_EV_LOST);
	ev.u.lost.lost_kind = CPD_EV_FAULT;
	ev.u.lost.count = 7;
	ev.u.lost.reason = feed_str("perf ring full");
	f->host->publish(f->inst, &ev);

	/* a kind the console has never heard of */
	if (f->demo_kind > 0) {
		feed_ev(f, &ev, (uint16_t)f->demo_kind);
		memset(&demo, 0, sizeof(demo));
		demo.bytes = 2048;
		demo.count = 2;
		demo.name = feed_str("x\ty");
		memcpy(ev.u.custom, &demo, sizeof(demo));
		f->host->publish(f->inst, &ev);
	}
}

static int feed_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	struct feed *f = calloc(1, sizeof(*f));

	if (!f)
		return -ENOMEM;
	f->host = host;
	f->inst = inst;
	f->demo_kind = host->register_kind(inst, &feed_demo_kind);
	*statep = f;
	return 0;
}

static int feed_on_event(void *state, const struct cpd_event *ev)
{
	struct feed *f = state;

	if (ev->kind != CPD_EV_PROC || ev->u.proc.op != CPD_PROC_EXEC)
		return 0;
	f->pid = ev->pid;
	f->tid = ev->tid;
	f->ts = ev->ts_ns;
	if (!f->fed) {
		f->fed = true;
		feed_kinds(f);
	} else {
		feed_file(f, CPD_FILE_READ, 0, "/etc/child.conf", NULL, 10, 1,
			  0);
	}
	return 0;
}

/* ---- findings ------------------------------------------------------- */

static void feed_finding(struct feed *f, const char *id, uint32_t severity,
			 const char *title, uint64_t count)
{
	struct cpd_event ev;

	feed_ev(f, &ev, CPD_EV_FINDING);
	ev.u.finding.id = feed_str(id);
	ev.u.finding.severity = severity;
	ev.u.finding.title = feed_str(title);
	ev.u.finding.count = count;
	f->host->publish(f->inst, &ev);
}

/*
 * Findings of every severity: the console's Problems block lists the
 * warnings and errors, errors first, ten of them, and no others.
 */
static void feed_findings(struct feed *f)
{
	char title[64];
	int i;

	feed_finding(f, "probe", CPD_SEV_INFO, "cc1 found 3 files", 3);
	for (i = 0; i < 10; i++) {
		snprintf(title, sizeof(title),
			 "app could not open /etc/w%02d.conf: ENOENT", i);
		feed_finding(f, "failed-open", CPD_SEV_WARNING, title,
			     (uint64_t)i + 1);
	}
	feed_finding(f, "repeat", CPD_SEV_NOTICE, "app opened /etc/x 40 times",
		     40);
	feed_finding(f, "exit", CPD_SEV_ERROR,
		     "cc -c \033[2Jbad.c exited with status 1", 1);
	feed_finding(f, "signal", CPD_SEV_ERROR,
		     "app was killed by SIGSEGV (core dumped)", 1);
}

/* ---- reports -------------------------------------------------------- */

static struct cpd_kv feed_kv(const char *key, const char *label, uint16_t unit,
			     uint64_t v)
{
	struct cpd_kv kv;

	memset(&kv, 0, sizeof(kv));
	kv.key = feed_str(key);
	if (label)
		kv.label = feed_str(label);
	kv.type = CPD_KV_U64;
	kv.unit = unit;
	kv.v.u64 = v;
	return kv;
}

static struct cpd_kv feed_kv_str(const char *key, const char *label,
				 const char *v)
{
	struct cpd_kv kv;

	memset(&kv, 0, sizeof(kv));
	kv.key = feed_str(key);
	if (label)
		kv.label = feed_str(label);
	kv.type = CPD_KV_STR;
	kv.v.str = feed_str(v);
	return kv;
}

static void feed_report(struct feed *f, const char *topic, const char *title,
			uint32_t flags, int32_t order, const struct cpd_kv *kv,
			uint32_t nkv)
{
	struct cpd_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_REPORT;
	ev.u.report.topic = feed_str(topic);
	ev.u.report.title = feed_str(title);
	ev.u.report.flags = flags;
	ev.u.report.order = order;
	ev.u.report.nkv = nkv;
	ev.u.report.kv = kv;
	f->host->publish(f->inst, &ev);
}

static int feed_stop(void *state)
{
	struct feed *f = state;
	struct cpd_kv kv[6];
	char path[64];
	int i;

	/* third-party sections first: the console sorts them itself */
	kv[0] = feed_kv_str("banner", "Banner", "\033]0;pwned\a");
	kv[1] = feed_kv("ratio", "Ratio", CPD_UNIT_PERCENT, 42);
	feed_report(f, "zeta", "Zeta", 0, 50, kv, 2);
	kv[0] = feed_kv("slowest", "Slowest call", CPD_UNIT_NS, 1500000);
	kv[1] = feed_kv("calls", NULL, CPD_UNIT_COUNT, 12);
	feed_report(f, "alpha", "Alpha", 0, 50, kv, 2);
	/* published twice: the console shows the second */
	kv[0] = feed_kv("first", "First", CPD_UNIT_BYTES, 1);
	feed_report(f, "early", "Early", 0, -1, kv, 1);
	kv[0] = feed_kv("first", "First", CPD_UNIT_BYTES, 2048);
	feed_report(f, "early", "Early", 0, -1, kv, 1);

	kv[0] = feed_kv("heap_bytes", "Heap", CPD_UNIT_BYTES, 135168);
	kv[1] = feed_kv("mmap_bytes", "Mmap", CPD_UNIT_BYTES, 1048576);
	kv[2] = feed_kv("mmap_regions", "Regions", CPD_UNIT_COUNT, 3);
	kv[3] = feed_kv("total_bytes", "Total", CPD_UNIT_BYTES, 1183744);
	feed_report(f, "memory", "Memory", 0, 10, kv, 4);
	kv[0] = feed_kv("count", "Count", CPD_UNIT_COUNT, 4);
	kv[1] = feed_kv("page_size", "Page size", CPD_UNIT_BYTES, 4096);
	kv[2] = feed_kv("total_bytes", "Total", CPD_UNIT_BYTES, 16384);
	feed_report(f, "fault", "Page faults (heap/anon)", 0, 12, kv, 3);
	kv[0] = feed_kv("delays", "Delays", CPD_UNIT_COUNT, 2);
	kv[1] = feed_kv("avg_delay", "Avg delay", CPD_UNIT_NS, 150000);
	kv[2] = feed_kv("max_delay", "Max delay", CPD_UNIT_NS, 250000);
	feed_report(f, "sched", "Scheduler latency", 0, 13, kv, 3);
	kv[0] = feed_kv("read_bytes", "Files read", CPD_UNIT_BYTES, 5095);
	kv[1] = feed_kv("written_bytes", "Files written", CPD_UNIT_BYTES,
			1048580);
	kv[2] = feed_kv("opened_read", "Opened for read", CPD_UNIT_COUNT, 1);
	kv[3] = feed_kv("opened_write", "Opened for write", CPD_UNIT_COUNT, 3);
	kv[4] = feed_kv("files_read", "files", CPD_UNIT_COUNT, 7);
	kv[5] = feed_kv("files_written", "files", CPD_UNIT_COUNT, 2);
	feed_report(f, "file", "Files", 0, 20, kv, 6);
	kv[0] = feed_kv("sent_bytes", "Net sent", CPD_UNIT_BYTES, 1024);
	kv[1] = feed_kv("recv_bytes", "Net received", CPD_UNIT_BYTES, 3000);
	kv[2] = feed_kv("loopback_sent_bytes", "Loopback sent", CPD_UNIT_BYTES,
			0);
	kv[3] = feed_kv("loopback_recv_bytes", "Loopback received",
			CPD_UNIT_BYTES, 2048);
	feed_report(f, "net", "Network", 0, 30, kv, 4);
	feed_findings(f);
	kv[0] = feed_kv("errors", "Errors", CPD_UNIT_COUNT, 2);
	kv[1] = feed_kv("warnings", "Warnings", CPD_UNIT_COUNT, 10);
	feed_report(f, "findings", "Problems", 0, -10, kv, 2);

	/* failed opens: the findings say which matter, not this table */
	for (i = 0; i < 12; i++) {
		snprintf(path, sizeof(path), "/etc/missing%02d.conf", i);
		kv[0] = feed_kv_str("path", "Path", i ? path : "/tmp/\033[2Jx");
		kv[1] = feed_kv_str("error", "Error",
				    i % 2 ? "EACCES" : "ENOENT");
		kv[2] = feed_kv("count", "Count", CPD_UNIT_COUNT,
				(uint64_t)i + 1);
		feed_report(f, "file.failed", "Failed opens", CPD_REPORTF_ROW,
			    22, kv, 3);
	}
	kv[0] = feed_kv_str("proto", "Protocol", "tcp4");
	kv[1] = feed_kv_str("direction", "Direction", "connect");
	kv[2] = feed_kv_str("peer", "Peer", "93.184.216.34:443");
	kv[3] = feed_kv_str("scope", "Scope", "network");
	feed_report(f, "net.connections", "Network connections",
		    CPD_REPORTF_ROW, 31, kv, 4);
	kv[1] = feed_kv_str("direction", "Direction", "accept");
	kv[2] = feed_kv_str("peer", "Peer", "10.0.0.2:51000");
	feed_report(f, "net.connections", "Network connections",
		    CPD_REPORTF_ROW, 31, kv, 4);
	kv[1] = feed_kv_str("direction", "Direction", "connect");
	kv[2] = feed_kv_str("peer", "Peer", "127.0.0.1:8000");
	kv[3] = feed_kv_str("scope", "Scope", "loopback");
	/* the same line three times running: one line, "(3×)" */
	for (i = 0; i < 3; i++)
		feed_report(f, "net.connections", "Network connections",
			    CPD_REPORTF_ROW, 31, kv, 4);
	/* the largest five by read and by written: a list under I/O */
	for (i = 6; i > 1; i--) {
		snprintf(path, sizeof(path), "/data/f%d.bin", i);
		kv[0] = feed_kv_str("path", "Path",
				    i == 3 ? "/tmp/\033[2Jtop" : path);
		kv[1] = feed_kv("read_bytes", "Read", CPD_UNIT_BYTES,
				(uint64_t)(i * 1000 + 1));
		feed_report(f, "file.top_read", "Most read", CPD_REPORTF_ROW,
			    20, kv, 2);
	}
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/data/f%d.bin", i);
		kv[0] = feed_kv_str("path", "Path", path);
		kv[1] = feed_kv("written_bytes", "Written", CPD_UNIT_BYTES,
				(uint64_t)(2 - i) * 4096);
		feed_report(f, "file.top_written", "Most written",
			    CPD_REPORTF_ROW, 20, kv, 2);
	}
	/* a table the console leaves to the HTML and CSV outputs */
	kv[0] = feed_kv_str("path", "Path", "/etc/hosts");
	feed_report(f, "file.files", "Files", CPD_REPORTF_ROW, 21, kv, 1);
	return 0;
}

static void feed_fini(void *state)
{
	free(state);
}

/*
 * The schemas of the reports above that have one, laid out as the real
 * analyzers lay out theirs: the console's golden summary is drawn from
 * these. zeta, alpha and early have none, as a plugin built against ABI
 * 1.0 would not: they show the console's generic sections.
 */
#define FEED_KEY(k, l, t, u, f, g)                                      \
	{                                                               \
		.key = k, .label = l, .type = t, .unit = u, .flags = f, \
		.group = g                                              \
	}
#define FEED_U64(k, l, u, f) FEED_KEY(k, l, CPD_KV_U64, u, f, NULL)
#define FEED_STR(k, l)	     FEED_KEY(k, l, CPD_KV_STR, CPD_UNIT_NONE, 0, NULL)
#define FEED_SUM	     CPD_RKF_SUMMARY
#define FEED_N(a)	     ((uint32_t)(sizeof(a) / sizeof((a)[0])))

static const struct cpd_report_key feed_memory_keys[] = {
	FEED_U64("heap_bytes", "Heap", CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN),
	FEED_U64("mmap_bytes", "Mmap", CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN),
	FEED_U64("mmap_regions", "regions", CPD_UNIT_COUNT,
		 FEED_SUM | CPD_RKF_DETAIL),
	FEED_U64("total_bytes", "Total", CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN),
};
static const struct cpd_report_key feed_fault_keys[] = {
	FEED_U64("count", "Count", CPD_UNIT_COUNT, FEED_SUM),
	FEED_U64("page_size", "Page size", CPD_UNIT_BYTES, FEED_SUM),
	FEED_U64("total_bytes", "Total", CPD_UNIT_BYTES, FEED_SUM),
};
static const struct cpd_report_key feed_sched_keys[] = {
	FEED_U64("delays", "Delays", CPD_UNIT_COUNT, FEED_SUM),
	FEED_U64("avg_delay", "Avg delay", CPD_UNIT_NS, FEED_SUM),
	FEED_U64("max_delay", "Max delay", CPD_UNIT_NS, FEED_SUM),
};
static const struct cpd_report_key feed_file_keys[] = {
	FEED_KEY("read_bytes", "Files read", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN, "I/O"),
	FEED_KEY("files_read", "files", CPD_KV_U64, CPD_UNIT_COUNT,
		 FEED_SUM | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O"),
	FEED_KEY("written_bytes", "Files written", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN, "I/O"),
	FEED_KEY("files_written", "files", CPD_KV_U64, CPD_UNIT_COUNT,
		 FEED_SUM | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O"),
	FEED_U64("opened_read", "Opened for read", CPD_UNIT_COUNT,
		 FEED_SUM | CPD_RKF_NONZERO),
	FEED_U64("opened_write", "Opened for write", CPD_UNIT_COUNT,
		 FEED_SUM | CPD_RKF_NONZERO),
};
static const struct cpd_report_key feed_net_keys[] = {
	FEED_KEY("sent_bytes", "Net sent", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN, "I/O"),
	FEED_KEY("loopback_sent_bytes", "loopback", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O"),
	FEED_KEY("recv_bytes", "Net received", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN, "I/O"),
	FEED_KEY("loopback_recv_bytes", "loopback", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_DETAIL | CPD_RKF_NONZERO, "I/O"),
};
static const struct cpd_report_key feed_failed_keys[] = {
	FEED_STR("path", "Path"),
	FEED_STR("error", "Error"),
	FEED_U64("count", "Count", CPD_UNIT_COUNT, 0),
};
static const struct cpd_report_key feed_conn_keys[] = {
	FEED_STR("proto", "Protocol"),
	FEED_STR("direction", "Direction"),
	FEED_STR("peer", "Peer"),
	FEED_STR("scope", "Scope"),
};
static const struct cpd_report_key feed_files_keys[] = {
	FEED_STR("path", "Path"),
};
static const struct cpd_report_key feed_top_read_keys[] = {
	FEED_STR("path", "Path"),
	FEED_U64("read_bytes", "Read", CPD_UNIT_BYTES, CPD_RKF_SORT),
};
static const struct cpd_report_key feed_top_written_keys[] = {
	FEED_STR("path", "Path"),
	FEED_U64("written_bytes", "Written", CPD_UNIT_BYTES, CPD_RKF_SORT),
};
static const struct cpd_report_key feed_findings_keys[] = {
	FEED_U64("errors", "Errors", CPD_UNIT_COUNT, 0),
	FEED_U64("warnings", "Warnings", CPD_UNIT_COUNT, 0),
};

#define FEED_SECTION(t, ti, o, k)                                              \
	{                                                                      \
		.topic = t, .title = ti, .flags = CPD_RDF_SUMMARY, .order = o, \
		.keys = k, .nkeys = FEED_N(k)                                  \
	}

static const struct cpd_report_desc feed_reports[] = {
	FEED_SECTION("memory", "Memory", 10, feed_memory_keys),
	FEED_SECTION("fault", "Page faults (heap/anon)", 12, feed_fault_keys),
	FEED_SECTION("sched", "Scheduler latency", 13, feed_sched_keys),
	FEED_SECTION("file", "Files", 20, feed_file_keys),
	FEED_SECTION("net", "Network", 30, feed_net_keys),
	/* the Problems block is the findings themselves, not this */
	{ .topic = "findings",
	  .title = "Problems",
	  .order = -10,
	  .keys = feed_findings_keys,
	  .nkeys = FEED_N(feed_findings_keys) },
	{ .topic = "file.failed",
	  .title = "Failed opens",
	  .flags = CPD_RDF_TABLE,
	  .order = 22,
	  .keys = feed_failed_keys,
	  .nkeys = FEED_N(feed_failed_keys),
	  .summary_row = "{path} ({error}, {count}×)" },
	{ .topic = "net.connections",
	  .title = "Network connections",
	  .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
	  .order = 31,
	  .keys = feed_conn_keys,
	  .nkeys = FEED_N(feed_conn_keys),
	  .summary_row = "{proto} {direction|connect=→|accept=←|sendto=→} "
			 "{peer}{scope|loopback= (loopback)|network=|local=}" },
	{ .topic = "file.top_read",
	  .title = "Most read",
	  .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
	  .order = 20,
	  .keys = feed_top_read_keys,
	  .nkeys = FEED_N(feed_top_read_keys),
	  .summary_rows = 5,
	  .summary_row = "{read_bytes}  {path}" },
	{ .topic = "file.top_written",
	  .title = "Most written",
	  .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
	  .order = 20,
	  .keys = feed_top_written_keys,
	  .nkeys = FEED_N(feed_top_written_keys),
	  .summary_rows = 5,
	  .summary_row = "{written_bytes}  {path}" },
	{ .topic = "file.files",
	  .title = "Files",
	  .flags = CPD_RDF_TABLE,
	  .order = 21,
	  .keys = feed_files_keys,
	  .nkeys = FEED_N(feed_files_keys) },
	CPD_REPORT_END
};

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "console_feed",
		.version = "1.0",
		.description =
			"test analyzer: one of every event and report the console shows",
		.subscribe = CPD_EVMASK(CPD_EV_PROC),
		.publishes = CPD_EVMASK(CPD_EV_FILE) | CPD_EVMASK(CPD_EV_NET) |
			     CPD_EVMASK(CPD_EV_MMAP) |
			     CPD_EVMASK(CPD_EV_FAULT) |
			     CPD_EVMASK(CPD_EV_SCHED) |
			     CPD_EVMASK(CPD_EV_BLKIO) |
			     CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_REPORT) |
			     CPD_EVMASK(CPD_EV_FINDING),
		.init = feed_init, .on_event = feed_on_event, .stop = feed_stop,
		.fini = feed_fini, .reports = feed_reports, );
