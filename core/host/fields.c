// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "fields.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "optval.h"

#define F(kind_, member, name_, type_, xlat_, unit_, flags_, help_)   \
	{                                                             \
		.name = name_, .type = type_, .xlat = xlat_,          \
		.offset = offsetof(struct cpd_event, u.kind_.member), \
		.unit = unit_, .flags = flags_, .help = help_         \
	}

static const struct cpd_field syscall_fields[] = {
	F(syscall, name, "name", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY,
	  "syscall name"),
	F(syscall, nr, "nr", CPD_FT_S32, 0, 0, 0, "syscall number"),
	F(syscall, arch, "arch", CPD_FT_U32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "AUDIT_ARCH_* of the call"),
	F(syscall, classes, "classes", CPD_FT_FLAGS, CPD_XLAT_SC_CLASS, 0,
	  CPD_FIELDF_OPTIONAL, "syscall classes"),
	F(syscall, args[0], "arg0", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 0"),
	F(syscall, args[1], "arg1", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 1"),
	F(syscall, args[2], "arg2", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 2"),
	F(syscall, args[3], "arg3", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 3"),
	F(syscall, args[4], "arg4", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 4"),
	F(syscall, args[5], "arg5", CPD_FT_U64, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "raw argument 5"),
	F(syscall, ret, "ret", CPD_FT_S64, 0, 0, 0, "return value"),
	F(syscall, err, "errno", CPD_FT_ERRNO, 0, 0, 0, "error, if it failed"),
	F(syscall, flags, "flags", CPD_FT_U32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "CPD_SCF_* flags"),
	F(syscall, enter_ns, "enter_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP, 0,
	  "entry time"),
	F(syscall, exit_ns, "exit_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP, 0,
	  "exit time"),
	F(syscall, runq_ns, "runq_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "of which waiting for a CPU (with --stats)"),
	F(syscall, stopped_ns, "stopped_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL,
	  "stopped since the previous timed call returned (with --stats)"),
};

static const struct cpd_field proc_fields[] = {
	F(proc, op, "op", CPD_FT_ENUM, CPD_XLAT_PROC_OP, 0, CPD_FIELDF_KEY,
	  "what happened"),
	F(proc, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_PROC_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(proc, child_pid, "child_pid", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "spawn: new process"),
	F(proc, child_tid, "child_tid", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "spawn: new task"),
	F(proc, ppid, "ppid", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "parent process"),
	F(proc, exit_code, "exit_code", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "exit: status"),
	F(proc, signal, "signal", CPD_FT_SIGNAL, 0, 0, CPD_FIELDF_OPTIONAL,
	  "exit: killed by"),
	F(proc, old_tid, "old_tid", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "exec: calling thread"),
	F(proc, path, "path", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "exec: program"),
	F(proc, argv, "argv", CPD_FT_STRV, 0, 0, CPD_FIELDF_OPTIONAL,
	  "exec: arguments"),
	F(proc, argc, "argc", CPD_FT_U32, 0, CPD_UNIT_COUNT,
	  CPD_FIELDF_OPTIONAL, "exec: argument count"),
	F(proc, cpu_ns, "cpu_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "exit, attach, detach: CPU time of the process"),
	F(proc, cpu_user_ns, "cpu_user_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "of which in user space"),
	F(proc, cpu_sys_ns, "cpu_sys_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "of which in the kernel"),
	F(proc, runq_ns, "runq_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "exit, attach, detach: its wait for a CPU"),
};

static const struct cpd_field file_fields[] = {
	F(file, op, "op", CPD_FT_ENUM, CPD_XLAT_FILE_OP, 0, CPD_FIELDF_KEY,
	  "what happened"),
	F(file, path, "path", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY, "file"),
	F(file, bytes, "bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES, 0,
	  "bytes moved"),
	F(file, count, "count", CPD_FT_U32, 0, CPD_UNIT_COUNT, 0, "operations"),
	F(file, fd, "fd", CPD_FT_FD, 0, 0, 0, "descriptor"),
	F(file, err, "errno", CPD_FT_ERRNO, 0, 0, CPD_FIELDF_OPTIONAL,
	  "why an open failed"),
	F(file, open_flags, "open_flags", CPD_FT_FLAGS, CPD_XLAT_OPEN_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "O_* flags"),
	F(file, mode, "mode", CPD_FT_MODE, 0, 0, CPD_FIELDF_OPTIONAL,
	  "creation mode"),
	F(file, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_FILE_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(file, fd2, "fd2", CPD_FT_FD, 0, 0, CPD_FIELDF_OPTIONAL,
	  "destination descriptor"),
	F(file, path2, "path2", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "destination file"),
	F(file, syscall, "syscall", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "syscall behind it"),
	F(file, cause_seq, "cause_seq", CPD_FT_U64, 0, 0, CPD_FIELDF_OPTIONAL,
	  "seq of that syscall event"),
};

static const struct cpd_field net_fields[] = {
	F(net, op, "op", CPD_FT_ENUM, CPD_XLAT_NET_OP, 0, CPD_FIELDF_KEY,
	  "what happened"),
	F(net, peer, "peer", CPD_FT_SOCKADDR, 0, 0, CPD_FIELDF_KEY,
	  "remote address"),
	F(net, local, "local", CPD_FT_SOCKADDR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "local address"),
	F(net, bytes, "bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES, 0, "bytes moved"),
	F(net, count, "count", CPD_FT_U32, 0, CPD_UNIT_COUNT, 0, "operations"),
	F(net, fd, "fd", CPD_FT_FD, 0, 0, 0, "descriptor"),
	F(net, family, "family", CPD_FT_U16, CPD_XLAT_AF, 0, 0,
	  "address family"),
	F(net, sock_type, "sock_type", CPD_FT_ENUM, CPD_XLAT_SOCK_TYPE, 0, 0,
	  "socket type"),
	F(net, protocol, "protocol", CPD_FT_U32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "protocol"),
	F(net, err, "errno", CPD_FT_ERRNO, 0, 0, CPD_FIELDF_OPTIONAL,
	  "why it failed"),
	F(net, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_NET_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(net, syscall, "syscall", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "syscall behind it"),
	F(net, cause_seq, "cause_seq", CPD_FT_U64, 0, 0, CPD_FIELDF_OPTIONAL,
	  "seq of that syscall event"),
	F(net, peer_name, "peer_name", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the name the peer was looked up as"),
};

static const struct cpd_field dns_fields[] = {
	F(dns, op, "op", CPD_FT_ENUM, CPD_XLAT_DNS_OP, 0, CPD_FIELDF_KEY,
	  "what happened"),
	F(dns, name, "name", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY,
	  "the name looked up"),
	F(dns, type, "qtype", CPD_FT_STR, 0, 0, 0, "the record type asked for"),
	F(dns, rcode_name, "rcode", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the answer's response code"),
	F(dns, answers, "answers", CPD_FT_STRV, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the answer records"),
	F(dns, latency_ns, "latency_ns", CPD_FT_U64, 0, CPD_UNIT_NS, 0,
	  "first sent to answered or given up"),
	F(dns, retries, "retries", CPD_FT_U32, 0, CPD_UNIT_COUNT,
	  CPD_FIELDF_OPTIONAL, "times asked again"),
	F(dns, server, "server", CPD_FT_SOCKADDR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the server asked"),
	F(dns, qtype, "qtype_num", CPD_FT_U16, 0, 0, 0,
	  "the record type, as a number"),
	F(dns, rcode, "rcode_num", CPD_FT_U16, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the response code, as a number"),
	F(dns, id, "id", CPD_FT_U16, 0, 0, CPD_FIELDF_OPTIONAL, "message id"),
	F(dns, nanswers, "nanswers", CPD_FT_U16, 0, CPD_UNIT_COUNT,
	  CPD_FIELDF_OPTIONAL, "answer records"),
	F(dns, fd, "fd", CPD_FT_FD, 0, 0, 0, "the socket"),
	F(dns, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_DNS_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(dns, error, "error", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the rule a malformed message broke"),
	F(dns, cause_seq, "cause_seq", CPD_FT_U64, 0, 0, CPD_FIELDF_OPTIONAL,
	  "seq of the syscall event"),
};

static const struct cpd_field mmap_fields[] = {
	F(mmap, op, "op", CPD_FT_ENUM, CPD_XLAT_MMAP_OP, 0, CPD_FIELDF_KEY,
	  "what happened"),
	F(mmap, addr, "addr", CPD_FT_ADDR, 0, CPD_UNIT_ADDR, 0, "start"),
	F(mmap, len, "len", CPD_FT_U64, 0, CPD_UNIT_BYTES, 0, "length"),
	F(mmap, prot, "prot", CPD_FT_FLAGS, CPD_XLAT_PROT, 0, 0, "protection"),
	F(mmap, path, "path", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "backing file"),
	F(mmap, delta, "delta", CPD_FT_S64, 0, CPD_UNIT_BYTES, 0,
	  "change of mapped bytes"),
	F(mmap, heap_bytes, "heap_bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES,
	  CPD_FIELDF_OPTIONAL, "heap after"),
	F(mmap, mapped_bytes, "mapped_bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES,
	  CPD_FIELDF_OPTIONAL, "mappings after"),
	F(mmap, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_MMAP_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(mmap, map_flags, "map_flags", CPD_FT_FLAGS, CPD_XLAT_MAP_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "MAP_* flags"),
	F(mmap, fd, "fd", CPD_FT_FD, 0, 0, CPD_FIELDF_OPTIONAL, "descriptor"),
	F(mmap, offset, "offset", CPD_FT_S64, 0, CPD_UNIT_BYTES,
	  CPD_FIELDF_OPTIONAL, "file offset"),
	F(mmap, old_addr, "old_addr", CPD_FT_ADDR, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "previous start or break"),
	F(mmap, old_len, "old_len", CPD_FT_U64, 0, CPD_UNIT_BYTES,
	  CPD_FIELDF_OPTIONAL, "previous length"),
	F(mmap, err, "errno", CPD_FT_ERRNO, 0, 0, CPD_FIELDF_OPTIONAL,
	  "why it failed"),
	F(mmap, cause_seq, "cause_seq", CPD_FT_U64, 0, 0, CPD_FIELDF_OPTIONAL,
	  "seq of the syscall event"),
};

static const struct cpd_field fault_fields[] = {
	F(fault, region, "region", CPD_FT_ENUM, CPD_XLAT_REGION, 0,
	  CPD_FIELDF_KEY, "region kind"),
	F(fault, addr, "addr", CPD_FT_ADDR, 0, CPD_UNIT_ADDR, 0,
	  "first faulting address"),
	F(fault, count, "count", CPD_FT_U32, 0, CPD_UNIT_COUNT, 0,
	  "faults in the group"),
	F(fault, region_name, "region_name", CPD_FT_STR, 0, 0,
	  CPD_FIELDF_OPTIONAL, "file or [heap]"),
	F(fault, region_start, "region_start", CPD_FT_ADDR, 0, CPD_UNIT_ADDR, 0,
	  "region start"),
	F(fault, region_end, "region_end", CPD_FT_ADDR, 0, CPD_UNIT_ADDR,
	  CPD_FIELDF_OPTIONAL, "region end"),
	F(fault, prot, "prot", CPD_FT_FLAGS, CPD_XLAT_PROT, 0, 0,
	  "region protection"),
	F(fault, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_FAULT_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(fault, last_ns, "last_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP,
	  CPD_FIELDF_OPTIONAL, "time of the last fault"),
};

static const struct cpd_field sched_fields[] = {
	F(sched, op, "op", CPD_FT_ENUM, CPD_XLAT_SCHED_OP, 0, CPD_FIELDF_KEY,
	  "why it waited"),
	F(sched, delay_ns, "delay_ns", CPD_FT_U64, 0, CPD_UNIT_NS, 0,
	  "runnable to running"),
	F(sched, cpu, "cpu", CPD_FT_U32, 0, 0, 0, "CPU it ran on"),
	F(sched, runnable_ns, "runnable_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP,
	  CPD_FIELDF_OPTIONAL, "when it became runnable"),
};

static const struct cpd_field blkio_fields[] = {
	F(blkio, op, "op", CPD_FT_ENUM, CPD_XLAT_BLKIO_OP, 0, CPD_FIELDF_KEY,
	  "operation"),
	F(blkio, latency_ns, "latency_ns", CPD_FT_U64, 0, CPD_UNIT_NS, 0,
	  "issue to completion"),
	F(blkio, bytes, "bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES, 0,
	  "bytes per operation"),
	F(blkio, count, "count", CPD_FT_U32, 0, CPD_UNIT_COUNT, 0,
	  "operations in the group"),
	F(blkio, total_bytes, "total_bytes", CPD_FT_U64, 0, CPD_UNIT_BYTES, 0,
	  "bytes in the group"),
	F(blkio, max_latency_ns, "max_latency_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  0, "slowest in the group"),
	F(blkio, dev, "dev", CPD_FT_DEV, 0, 0, 0, "device"),
	F(blkio, sector, "sector", CPD_FT_U64, 0, 0, CPD_FIELDF_OPTIONAL,
	  "first sector"),
	F(blkio, queue_ns, "queue_ns", CPD_FT_U64, 0, CPD_UNIT_NS,
	  CPD_FIELDF_OPTIONAL, "queued before issue"),
	F(blkio, err, "errno", CPD_FT_ERRNO, 0, 0, CPD_FIELDF_OPTIONAL,
	  "I/O error"),
};

static const struct cpd_field lost_fields[] = {
	F(lost, lost_kind, "lost_kind", CPD_FT_ENUM, CPD_XLAT_EVENT_KIND, 0,
	  CPD_FIELDF_KEY, "kind of the lost records"),
	F(lost, count, "count", CPD_FT_U64, 0, CPD_UNIT_COUNT, 0,
	  "records lost"),
	F(lost, reason, "reason", CPD_FT_STR, 0, 0, 0, "why"),
};

static const struct cpd_field report_fields[] = {
	F(report, topic, "topic", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY,
	  "report topic"),
	F(report, title, "title", CPD_FT_STR, 0, 0, 0, "heading"),
	F(report, flags, "flags", CPD_FT_U32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "CPD_REPORTF_*"),
	F(report, order, "order", CPD_FT_S32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "display order"),
	F(report, nkv, "nkv", CPD_FT_U32, 0, CPD_UNIT_COUNT,
	  CPD_FIELDF_OPTIONAL, "values"),
	F(report, interval, "interval", CPD_FT_U32, 0, 0, CPD_FIELDF_OPTIONAL,
	  "the period of --interval it is about, else 0"),
};

static const struct cpd_field notice_fields[] = {
	F(notice, level, "level", CPD_FT_U32, 0, 0, 0, "CPD_LOG_* level"),
	F(notice, origin, "origin", CPD_FT_STR, 0, 0, 0, "who said it"),
	F(notice, text, "text", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY, "message"),
};

static const struct cpd_field finding_fields[] = {
	F(finding, id, "id", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY,
	  "the rule that made it"),
	F(finding, severity, "severity", CPD_FT_ENUM, CPD_XLAT_SEVERITY, 0, 0,
	  "how much it matters"),
	F(finding, title, "title", CPD_FT_STR, 0, 0, CPD_FIELDF_KEY,
	  "one line to read first"),
	F(finding, count, "count", CPD_FT_U64, 0, CPD_UNIT_COUNT, 0,
	  "occurrences it stands for"),
	F(finding, details, "details", CPD_FT_STR, 0, 0, CPD_FIELDF_OPTIONAL,
	  "more lines"),
	F(finding, pids, "pids", CPD_FT_STRV, 0, 0, CPD_FIELDF_OPTIONAL,
	  "processes concerned"),
	F(finding, paths, "paths", CPD_FT_STRV, 0, 0, CPD_FIELDF_OPTIONAL,
	  "files, endpoints or names concerned"),
	F(finding, flags, "flags", CPD_FT_FLAGS, CPD_XLAT_FINDING_FLAGS, 0,
	  CPD_FIELDF_OPTIONAL, "details"),
	F(finding, first_ns, "first_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP,
	  CPD_FIELDF_OPTIONAL, "first occurrence"),
	F(finding, last_ns, "last_ns", CPD_FT_U64, 0, CPD_UNIT_TIMESTAMP,
	  CPD_FIELDF_OPTIONAL, "last occurrence"),
	F(finding, cause_seq, "cause_seq", CPD_FT_U64, 0, 0,
	  CPD_FIELDF_OPTIONAL, "seq of the event behind it"),
};

#undef F

struct kind_info {
	const char *name;
	const struct cpd_field *fields;
	uint32_t nfields;
	size_t payload;
};

#define K(name_, table, member)                                   \
	{                                                         \
		name_, table, ARRAY_SIZE(table),                  \
			sizeof(((struct cpd_event *)0)->u.member) \
	}

static const struct kind_info builtin_kinds[] = {
	[CPD_EV_SYSCALL] = K("syscall", syscall_fields, syscall),
	[CPD_EV_PROC] = K("proc", proc_fields, proc),
	[CPD_EV_FILE] = K("file", file_fields, file),
	[CPD_EV_NET] = K("net", net_fields, net),
	[CPD_EV_MMAP] = K("mmap", mmap_fields, mmap),
	[CPD_EV_FAULT] = K("fault", fault_fields, fault),
	[CPD_EV_SCHED] = K("sched", sched_fields, sched),
	[CPD_EV_BLKIO] = K("blkio", blkio_fields, blkio),
	[CPD_EV_LOST] = K("lost", lost_fields, lost),
	[CPD_EV_REPORT] = K("report", report_fields, report),
	[CPD_EV_NOTICE] = K("notice", notice_fields, notice),
	[CPD_EV_FINDING] = K("finding", finding_fields, finding),
	[CPD_EV_DNS] = K("dns", dns_fields, dns),
};

#undef K

static struct kind_info custom_kinds[CPD_EV_MAX - CPD_EV_CUSTOM_FIRST + 1];

static const struct kind_info *fields_info(uint32_t kind)
{
	if (kind < ARRAY_SIZE(builtin_kinds) && builtin_kinds[kind].name)
		return &builtin_kinds[kind];
	if (kind >= CPD_EV_CUSTOM_FIRST && kind <= CPD_EV_MAX &&
	    custom_kinds[kind - CPD_EV_CUSTOM_FIRST].name)
		return &custom_kinds[kind - CPD_EV_CUSTOM_FIRST];
	return NULL;
}

const struct cpd_field *fields_of(uint32_t kind, uint32_t *nfields)
{
	const struct kind_info *k = fields_info(kind);

	if (nfields)
		*nfields = k ? k->nfields : 0;
	return k ? k->fields : NULL;
}

const char *fields_kind_name(uint32_t kind)
{
	const struct kind_info *k = fields_info(kind);

	return k ? k->name : NULL;
}

size_t fields_payload_size(uint32_t kind)
{
	const struct kind_info *k = fields_info(kind);

	return k ? k->payload : 0;
}

int fields_kind_by_name(const char *name)
{
	uint32_t k;

	for (k = 1; k <= CPD_EV_MAX; k++) {
		const char *n = fields_kind_name(k);

		if (n && !strcmp(n, name))
			return (int)k;
	}
	return -1;
}

/* Size in the event of one field of a given type; 0 for unknown types. */
static size_t fields_type_size(uint16_t type)
{
	switch (type) {
	case CPD_FT_S64:
	case CPD_FT_U64:
	case CPD_FT_DOUBLE:
	case CPD_FT_ADDR:
		return 8;
	case CPD_FT_STR:
	case CPD_FT_STRV:
		return sizeof(struct cpd_str);
	case CPD_FT_SOCKADDR:
		return sizeof(struct cpd_sockaddr);
	case CPD_FT_U16:
		return 2;
	case CPD_FT_S32:
	case CPD_FT_U32:
	case CPD_FT_FD:
	case CPD_FT_ERRNO:
	case CPD_FT_FLAGS:
	case CPD_FT_ENUM:
	case CPD_FT_SIGNAL:
	case CPD_FT_MODE:
	case CPD_FT_DEV:
		return 4;
	default:
		return 0;
	}
}

int fields_register(const struct cpd_kind_desc *desc, char *why, size_t whylen)
{
	const size_t base = offsetof(struct cpd_event, u);
	size_t end = 0, i, j;
	uint32_t k;

	if (!desc || desc->struct_size < sizeof(struct cpd_kind_desc) ||
	    !desc->fields || !desc->nfields) {
		snprintf(why, whylen, "kind descriptor is incomplete");
		return -EINVAL;
	}
	if (!optval_valid_name(desc->name, 31)) {
		snprintf(why, whylen, "kind name '%s' is not [a-z0-9_]+",
			 desc->name ? desc->name : "(null)");
		return -EINVAL;
	}
	if (fields_kind_by_name(desc->name) >= 0) {
		snprintf(why, whylen, "event kind '%s' already exists",
			 desc->name);
		return -EEXIST;
	}
	for (i = 0; i < desc->nfields; i++) {
		const struct cpd_field *f = &desc->fields[i];
		size_t sz = fields_type_size(f->type);

		if (!f->name || !sz || f->offset < base ||
		    f->offset + sz > base + CPD_EVENT_PAYLOAD_SIZE) {
			snprintf(
				why, whylen,
				"field %zu of kind '%s' has a bad name, type or offset",
				i, desc->name);
			return -EINVAL;
		}
		for (j = 0; j < i; j++)
			if (!strcmp(desc->fields[j].name, f->name)) {
				snprintf(
					why, whylen,
					"field '%s' of kind '%s' is declared twice",
					f->name, desc->name);
				return -EINVAL;
			}
		end = MAX(end, f->offset + sz - base);
	}
	for (k = 0; k < ARRAY_SIZE(custom_kinds); k++) {
		if (custom_kinds[k].name)
			continue;
		custom_kinds[k].name = desc->name;
		custom_kinds[k].fields = desc->fields;
		custom_kinds[k].nfields = desc->nfields;
		custom_kinds[k].payload = end;
		return (int)(k + CPD_EV_CUSTOM_FIRST);
	}
	snprintf(why, whylen, "no event kind numbers left");
	return -ENOSPC;
}

void fields_reset(void)
{
	memset(custom_kinds, 0, sizeof(custom_kinds));
}
