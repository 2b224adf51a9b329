// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The ABI 1.x layout, frozen (1.0, and what 1.1 appended): the offset of every field of every public
 * struct, the enum values and flag bits the headers call ABI. If this
 * file stops compiling, a change broke every plugin already built: append
 * fields at the end (and bump CPD_ABI_MINOR) instead.
 *
 * Sizes are exact where plugins or the host index arrays of the struct
 * (cpd_arg, cpd_kv, cpd_field, cpd_option, cpd_msg, cpd_argdata), embed
 * it (cpd_str, cpd_sockaddr, cpd_iov) or rely on its size (cpd_event);
 * elsewhere they may only
 * grow, which is what an append-only struct with struct_size does.
 *
 * The numbers are for LP64 (x86_64, aarch64), the only data model built.
 * Generated once from the headers of ABI 1.0 and kept by hand since.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <compendium/compendium.h>

#define OFF(s, m, n)                                 \
	_Static_assert(offsetof(struct s, m) == (n), \
		       "struct " #s ": field " #m " moved")
#define SIZE(s, n) \
	_Static_assert(sizeof(struct s) == (n), "struct " #s " changed size")
#define SIZE_MIN(s, n) \
	_Static_assert(sizeof(struct s) >= (n), "struct " #s " shrank")
#define VAL(name, v) _Static_assert((name) == (v), #name " was renumbered")

#if defined(__LP64__)

_Static_assert(CPD_ABI_MAJOR == 1, "this file freezes ABI 1");

/* struct cpd_str */
SIZE(cpd_str, 16);
OFF(cpd_str, ptr, 0);
OFF(cpd_str, len, 8);
OFF(cpd_str, flags, 12);

/* struct cpd_sockaddr */
SIZE(cpd_sockaddr, 56);
OFF(cpd_sockaddr, family, 0);
OFF(cpd_sockaddr, port, 2);
OFF(cpd_sockaddr, flags, 4);
OFF(cpd_sockaddr, addr, 8);
OFF(cpd_sockaddr, scope_id, 24);
OFF(cpd_sockaddr, port_id, 28);
OFF(cpd_sockaddr, groups, 32);
OFF(cpd_sockaddr, reserved, 36);
OFF(cpd_sockaddr, path, 40);

/* struct cpd_fdinfo */
SIZE_MIN(cpd_fdinfo, 152);
OFF(cpd_fdinfo, fd, 0);
OFF(cpd_fdinfo, kind, 4);
OFF(cpd_fdinfo, sock_family, 6);
OFF(cpd_fdinfo, sock_type, 8);
OFF(cpd_fdinfo, sock_protocol, 12);
OFF(cpd_fdinfo, open_flags, 16);
OFF(cpd_fdinfo, flags, 20);
OFF(cpd_fdinfo, path, 24);
OFF(cpd_fdinfo, local, 40);
OFF(cpd_fdinfo, peer, 96);

/* struct cpd_arg */
SIZE(cpd_arg, 56);
OFF(cpd_arg, kind, 0);
OFF(cpd_arg, xlat, 2);
OFF(cpd_arg, flags, 4);
OFF(cpd_arg, raw, 8);
OFF(cpd_arg, str, 16);
OFF(cpd_arg, fd, 32);
OFF(cpd_arg, sa, 40);
OFF(cpd_arg, pair, 48);

/* struct cpd_syscall */
SIZE_MIN(cpd_syscall, 256);
OFF(cpd_syscall, nr, 0);
OFF(cpd_syscall, arch, 4);
OFF(cpd_syscall, name, 8);
OFF(cpd_syscall, classes, 24);
OFF(cpd_syscall, nargs, 32);
OFF(cpd_syscall, flags, 36);
OFF(cpd_syscall, args, 40);
OFF(cpd_syscall, ret, 88);
OFF(cpd_syscall, err, 96);
OFF(cpd_syscall, count, 100); /* was reserved (zero) in 1.0 */
OFF(cpd_syscall, enter_ns, 104);
OFF(cpd_syscall, exit_ns, 112);
OFF(cpd_syscall, arg, 120);
OFF(cpd_syscall, retval, 128);
/* 1.1 */
OFF(cpd_syscall, argdata, 184);
OFF(cpd_syscall, runq_ns, 232);
OFF(cpd_syscall, stopped_ns, 240);
_Static_assert(sizeof(((struct cpd_syscall *)0)->argdata) == 48,
	       "struct cpd_syscall: argdata changed size");
OFF(cpd_syscall, payload, 248); /* 1.1 */

/* struct cpd_payload_rule (1.1): arrays of it are indexed */
SIZE(cpd_payload_rule, 8);
OFF(cpd_payload_rule, port, 0);
OFF(cpd_payload_rule, proto, 2);
OFF(cpd_payload_rule, max_bytes, 4);

/* struct cpd_payload (1.1) */
SIZE_MIN(cpd_payload, 16);
OFF(cpd_payload, count, 0);
OFF(cpd_payload, flags, 4);
OFF(cpd_payload, msg, 8);
_Static_assert(sizeof(struct cpd_syscall) <= CPD_EVENT_PAYLOAD_SIZE,
	       "struct cpd_syscall outgrew the event");

/* union cpd_argdata (1.1): one pointer, indexed */
_Static_assert(sizeof(union cpd_argdata) == 8,
	       "union cpd_argdata changed size");

/* struct cpd_iov (1.1) */
SIZE(cpd_iov, 16);
OFF(cpd_iov, bytes, 0);
OFF(cpd_iov, count, 8);
OFF(cpd_iov, flags, 12);

/* struct cpd_msg (1.1): indexed */
SIZE(cpd_msg, 96);
OFF(cpd_msg, name, 0);
OFF(cpd_msg, iov, 56);
OFF(cpd_msg, controllen, 72);
OFF(cpd_msg, namelen, 80);
OFF(cpd_msg, msg_flags, 84);
OFF(cpd_msg, len, 88);
OFF(cpd_msg, flags, 92);

/* struct cpd_msgs (1.1) */
SIZE_MIN(cpd_msgs, 16);
OFF(cpd_msgs, count, 0);
OFF(cpd_msgs, reserved, 4);
OFF(cpd_msgs, msg, 8);

/* struct cpd_open_how (1.1) */
SIZE_MIN(cpd_open_how, 24);
OFF(cpd_open_how, flags, 0);
OFF(cpd_open_how, mode, 8);
OFF(cpd_open_how, resolve, 16);

/* struct cpd_mmap_args (1.1) */
SIZE_MIN(cpd_mmap_args, 40);
OFF(cpd_mmap_args, addr, 0);
OFF(cpd_mmap_args, len, 8);
OFF(cpd_mmap_args, prot, 16);
OFF(cpd_mmap_args, flags, 20);
OFF(cpd_mmap_args, fd, 24);
OFF(cpd_mmap_args, reserved, 28);
OFF(cpd_mmap_args, offset, 32);

/* struct cpd_sockopt (1.1) */
SIZE_MIN(cpd_sockopt, 16);
OFF(cpd_sockopt, len, 0);
OFF(cpd_sockopt, flags, 4);
OFF(cpd_sockopt, value, 8);

/* struct cpd_ev_proc */
SIZE_MIN(cpd_ev_proc, 104);
OFF(cpd_ev_proc, op, 0);
OFF(cpd_ev_proc, flags, 4);
OFF(cpd_ev_proc, child_pid, 8);
OFF(cpd_ev_proc, child_tid, 12);
OFF(cpd_ev_proc, ppid, 16);
OFF(cpd_ev_proc, exit_code, 20);
OFF(cpd_ev_proc, signal, 24);
OFF(cpd_ev_proc, old_tid, 28);
OFF(cpd_ev_proc, path, 32);
OFF(cpd_ev_proc, argv, 48);
OFF(cpd_ev_proc, argc, 64);
OFF(cpd_ev_proc, reserved, 68);
OFF(cpd_ev_proc, cpu_ns, 72);	   /* 1.1 */
OFF(cpd_ev_proc, cpu_user_ns, 80); /* 1.1 */
OFF(cpd_ev_proc, cpu_sys_ns, 88);  /* 1.1 */
OFF(cpd_ev_proc, runq_ns, 96);	   /* 1.1 */

/* struct cpd_ev_file */
SIZE_MIN(cpd_ev_file, 96);
OFF(cpd_ev_file, op, 0);
OFF(cpd_ev_file, flags, 4);
OFF(cpd_ev_file, fd, 8);
OFF(cpd_ev_file, fd2, 12);
OFF(cpd_ev_file, err, 16);
OFF(cpd_ev_file, open_flags, 20);
OFF(cpd_ev_file, bytes, 24);
OFF(cpd_ev_file, count, 32);
OFF(cpd_ev_file, mode, 36);
OFF(cpd_ev_file, path, 40);
OFF(cpd_ev_file, path2, 56);
OFF(cpd_ev_file, syscall, 72);
OFF(cpd_ev_file, cause_seq, 88);

/* struct cpd_ev_net */
SIZE_MIN(cpd_ev_net, 176);
OFF(cpd_ev_net, op, 0);
OFF(cpd_ev_net, flags, 4);
OFF(cpd_ev_net, fd, 8);
OFF(cpd_ev_net, err, 12);
OFF(cpd_ev_net, family, 16);
OFF(cpd_ev_net, reserved, 18);
OFF(cpd_ev_net, sock_type, 20);
OFF(cpd_ev_net, protocol, 24);
OFF(cpd_ev_net, count, 28);
OFF(cpd_ev_net, bytes, 32);
OFF(cpd_ev_net, local, 40);
OFF(cpd_ev_net, peer, 96);
OFF(cpd_ev_net, syscall, 152);
OFF(cpd_ev_net, cause_seq, 168);
OFF(cpd_ev_net, peer_name, 176); /* 1.1 */

/* struct cpd_ev_mmap */
SIZE_MIN(cpd_ev_mmap, 112);
OFF(cpd_ev_mmap, op, 0);
OFF(cpd_ev_mmap, flags, 4);
OFF(cpd_ev_mmap, prot, 8);
OFF(cpd_ev_mmap, map_flags, 12);
OFF(cpd_ev_mmap, fd, 16);
OFF(cpd_ev_mmap, err, 20);
OFF(cpd_ev_mmap, addr, 24);
OFF(cpd_ev_mmap, len, 32);
OFF(cpd_ev_mmap, old_addr, 40);
OFF(cpd_ev_mmap, old_len, 48);
OFF(cpd_ev_mmap, offset, 56);
OFF(cpd_ev_mmap, delta, 64);
OFF(cpd_ev_mmap, heap_bytes, 72);
OFF(cpd_ev_mmap, mapped_bytes, 80);
OFF(cpd_ev_mmap, path, 88);
OFF(cpd_ev_mmap, cause_seq, 104);

/* struct cpd_ev_fault */
SIZE_MIN(cpd_ev_fault, 64);
OFF(cpd_ev_fault, addr, 0);
OFF(cpd_ev_fault, flags, 8);
OFF(cpd_ev_fault, count, 12);
OFF(cpd_ev_fault, region, 16);
OFF(cpd_ev_fault, prot, 20);
OFF(cpd_ev_fault, region_start, 24);
OFF(cpd_ev_fault, region_end, 32);
OFF(cpd_ev_fault, region_name, 40);
OFF(cpd_ev_fault, last_ns, 56);

/* struct cpd_ev_sched */
SIZE_MIN(cpd_ev_sched, 24);
OFF(cpd_ev_sched, op, 0);
OFF(cpd_ev_sched, cpu, 4);
OFF(cpd_ev_sched, delay_ns, 8);
OFF(cpd_ev_sched, runnable_ns, 16);

/* struct cpd_ev_blkio */
SIZE_MIN(cpd_ev_blkio, 64);
OFF(cpd_ev_blkio, op, 0);
OFF(cpd_ev_blkio, dev, 4);
OFF(cpd_ev_blkio, sector, 8);
OFF(cpd_ev_blkio, bytes, 16);
OFF(cpd_ev_blkio, latency_ns, 24);
OFF(cpd_ev_blkio, max_latency_ns, 32);
OFF(cpd_ev_blkio, total_bytes, 40);
OFF(cpd_ev_blkio, count, 48);
OFF(cpd_ev_blkio, err, 52);
OFF(cpd_ev_blkio, queue_ns, 56);

/* struct cpd_ev_lost */
SIZE_MIN(cpd_ev_lost, 32);
OFF(cpd_ev_lost, lost_kind, 0);
OFF(cpd_ev_lost, reserved, 4);
OFF(cpd_ev_lost, count, 8);
OFF(cpd_ev_lost, reason, 16);

/* struct cpd_kv */
SIZE(cpd_kv, 56);
OFF(cpd_kv, key, 0);
OFF(cpd_kv, label, 16);
OFF(cpd_kv, type, 32);
OFF(cpd_kv, unit, 34);
OFF(cpd_kv, reserved, 36);
OFF(cpd_kv, v, 40);
OFF(cpd_kv, v.s64, 40);
OFF(cpd_kv, v.u64, 40);
OFF(cpd_kv, v.dbl, 40);
OFF(cpd_kv, v.str, 40);

/* struct cpd_ev_report */
SIZE_MIN(cpd_ev_report, 56);
OFF(cpd_ev_report, topic, 0);
OFF(cpd_ev_report, title, 16);
OFF(cpd_ev_report, flags, 32);
OFF(cpd_ev_report, order, 36);
OFF(cpd_ev_report, nkv, 40);
OFF(cpd_ev_report, interval, 44); /* 1.1; reserved (zero) in 1.0 */
OFF(cpd_ev_report, kv, 48);

/* struct cpd_ev_notice */
SIZE_MIN(cpd_ev_notice, 40);
OFF(cpd_ev_notice, level, 0);
OFF(cpd_ev_notice, reserved, 4);
OFF(cpd_ev_notice, origin, 8);
OFF(cpd_ev_notice, text, 24);

/* struct cpd_ev_finding (ABI 1.1) */
SIZE_MIN(cpd_ev_finding, 120);
OFF(cpd_ev_finding, id, 0);
OFF(cpd_ev_finding, severity, 16);
OFF(cpd_ev_finding, flags, 20);
OFF(cpd_ev_finding, title, 24);
OFF(cpd_ev_finding, details, 40);
OFF(cpd_ev_finding, pids, 56);
OFF(cpd_ev_finding, paths, 72);
OFF(cpd_ev_finding, count, 88);
OFF(cpd_ev_finding, first_ns, 96);
OFF(cpd_ev_finding, last_ns, 104);
OFF(cpd_ev_finding, cause_seq, 112);

/* struct cpd_ev_dns (ABI 1.1) */
SIZE_MIN(cpd_ev_dns, 176);
OFF(cpd_ev_dns, op, 0);
OFF(cpd_ev_dns, flags, 4);
OFF(cpd_ev_dns, fd, 8);
OFF(cpd_ev_dns, qtype, 12);
OFF(cpd_ev_dns, rcode, 14);
OFF(cpd_ev_dns, id, 16);
OFF(cpd_ev_dns, nanswers, 18);
OFF(cpd_ev_dns, retries, 20);
OFF(cpd_ev_dns, latency_ns, 24);
OFF(cpd_ev_dns, name, 32);
OFF(cpd_ev_dns, type, 48);
OFF(cpd_ev_dns, rcode_name, 64);
OFF(cpd_ev_dns, answers, 80);
OFF(cpd_ev_dns, server, 96);
OFF(cpd_ev_dns, error, 152);
OFF(cpd_ev_dns, cause_seq, 168);

/* struct cpd_report_key (ABI 1.1): arrays of it are indexed */
SIZE(cpd_report_key, 40);
OFF(cpd_report_key, key, 0);
OFF(cpd_report_key, label, 8);
OFF(cpd_report_key, type, 16);
OFF(cpd_report_key, unit, 18);
OFF(cpd_report_key, flags, 20);
OFF(cpd_report_key, group, 24);
OFF(cpd_report_key, help, 32);

/* struct cpd_report_desc (ABI 1.1): arrays of it are indexed */
SIZE(cpd_report_desc, 56);
OFF(cpd_report_desc, topic, 0);
OFF(cpd_report_desc, title, 8);
OFF(cpd_report_desc, flags, 16);
OFF(cpd_report_desc, order, 20);
OFF(cpd_report_desc, keys, 24);
OFF(cpd_report_desc, nkeys, 32);
OFF(cpd_report_desc, summary_rows, 36);
OFF(cpd_report_desc, summary_row, 40);
OFF(cpd_report_desc, help, 48);

/* struct cpd_event */
SIZE(cpd_event, 368);
OFF(cpd_event, size, 0);
OFF(cpd_event, kind, 4);
OFF(cpd_event, source, 6);
OFF(cpd_event, seq, 8);
OFF(cpd_event, ts_ns, 16);
OFF(cpd_event, pid, 24);
OFF(cpd_event, tid, 28);
OFF(cpd_event, comm, 32);
OFF(cpd_event, u, 48);
OFF(cpd_event, u.syscall, 48);
OFF(cpd_event, u.proc, 48);
OFF(cpd_event, u.file, 48);
OFF(cpd_event, u.net, 48);
OFF(cpd_event, u.mmap, 48);
OFF(cpd_event, u.fault, 48);
OFF(cpd_event, u.sched, 48);
OFF(cpd_event, u.blkio, 48);
OFF(cpd_event, u.lost, 48);
OFF(cpd_event, u.report, 48);
OFF(cpd_event, u.notice, 48);
OFF(cpd_event, u.finding, 48);
OFF(cpd_event, u.dns, 48);
OFF(cpd_event, u.custom, 48);
OFF(cpd_event, u.align_, 48);

/* struct cpd_field */
SIZE(cpd_field, 32);
OFF(cpd_field, name, 0);
OFF(cpd_field, type, 8);
OFF(cpd_field, xlat, 10);
OFF(cpd_field, offset, 12);
OFF(cpd_field, unit, 16);
OFF(cpd_field, flags, 18);
OFF(cpd_field, reserved, 20);
OFF(cpd_field, help, 24);

/* struct cpd_kind_desc */
SIZE_MIN(cpd_kind_desc, 32);
OFF(cpd_kind_desc, struct_size, 0);
OFF(cpd_kind_desc, nfields, 4);
OFF(cpd_kind_desc, name, 8);
OFF(cpd_kind_desc, description, 16);
OFF(cpd_kind_desc, fields, 24);

/* struct cpd_option */
SIZE(cpd_option, 64);
OFF(cpd_option, name, 0);
OFF(cpd_option, type, 8);
OFF(cpd_option, flags, 12);
OFF(cpd_option, def, 16);
OFF(cpd_option, offset, 24);
OFF(cpd_option, choices, 32);
OFF(cpd_option, min, 40);
OFF(cpd_option, max, 48);
OFF(cpd_option, help, 56);

/* struct cpd_run_info */
SIZE_MIN(cpd_run_info, 104);
OFF(cpd_run_info, struct_size, 0);
OFF(cpd_run_info, mode, 4);
OFF(cpd_run_info, verbose, 8);
OFF(cpd_run_info, string_limit, 12);
OFF(cpd_run_info, deterministic, 16);
OFF(cpd_run_info, seccomp, 20);
OFF(cpd_run_info, start_ns, 24);
OFF(cpd_run_info, start_realtime_ns, 32);
OFF(cpd_run_info, root_pid, 40);
OFF(cpd_run_info, reserved, 44);
OFF(cpd_run_info, command, 48);
OFF(cpd_run_info, hostname, 64);
OFF(cpd_run_info, interval_ns, 80);  /* 1.1 */
OFF(cpd_run_info, duration_ns, 88);  /* 1.1 */
OFF(cpd_run_info, stop_cost_ns, 96); /* 1.1 */

/* struct cpd_interval (ABI 1.1) */
SIZE_MIN(cpd_interval, 24);
OFF(cpd_interval, struct_size, 0);
OFF(cpd_interval, index, 4);
OFF(cpd_interval, start_ns, 8);
OFF(cpd_interval, end_ns, 16);

/* struct cpd_trace_stats */
SIZE_MIN(cpd_trace_stats, 72);
OFF(cpd_trace_stats, struct_size, 0);
OFF(cpd_trace_stats, tasks_live, 4);
OFF(cpd_trace_stats, ptrace_stops, 8);
OFF(cpd_trace_stats, syscalls_seen, 16);
OFF(cpd_trace_stats, syscalls_published, 24);
OFF(cpd_trace_stats, events_published, 32);
OFF(cpd_trace_stats, tasks_seen, 40);
OFF(cpd_trace_stats, processes_seen, 48);
OFF(cpd_trace_stats, events_dropped, 56);
OFF(cpd_trace_stats, root_exit_code, 64);
OFF(cpd_trace_stats, root_exit_signal, 68);
/* ABI 1.1 */
OFF(cpd_trace_stats, totals, 72);
OFF(cpd_trace_stats, reserved, 76);
OFF(cpd_trace_stats, records_lost, 80);
OFF(cpd_trace_stats, bytes_unattributed, 88);
VAL(CPD_TOTALS_UNKNOWN, 0);
VAL(CPD_TOTALS_EXACT, 1);
VAL(CPD_TOTALS_KERNEL, 2);
VAL(CPD_TOTALS_PARTIAL, 3);

/* struct cpd_host */
SIZE_MIN(cpd_host, 144);
OFF(cpd_host, struct_size, 0);
OFF(cpd_host, abi_minor, 4);
OFF(cpd_host, version, 8);
OFF(cpd_host, log, 16);
OFF(cpd_host, publish, 24);
OFF(cpd_host, apply_options, 32);
OFF(cpd_host, instance_name, 40);
OFF(cpd_host, watch_fd, 48);
OFF(cpd_host, unwatch_fd, 56);
OFF(cpd_host, event_fields, 64);
OFF(cpd_host, event_kind_name, 72);
OFF(cpd_host, register_kind, 80);
OFF(cpd_host, format_xlat, 88);
OFF(cpd_host, errno_name, 96);
OFF(cpd_host, signal_name, 104);
OFF(cpd_host, format_syscall, 112);
OFF(cpd_host, read_tracee, 120);
OFF(cpd_host, run_info, 128);
OFF(cpd_host, trace_stats, 136);
OFF(cpd_host, report_desc, 144); /* 1.1 */
OFF(cpd_host, fail_run, 152);	 /* 1.1 */

/* struct cpd_plugin */
SIZE_MIN(cpd_plugin, 136);
OFF(cpd_plugin, abi_major, 0);
OFF(cpd_plugin, abi_minor, 4);
OFF(cpd_plugin, struct_size, 8);
OFF(cpd_plugin, role, 12);
OFF(cpd_plugin, name, 16);
OFF(cpd_plugin, version, 24);
OFF(cpd_plugin, description, 32);
OFF(cpd_plugin, subscribe, 40);
OFF(cpd_plugin, syscall_classes, 48);
OFF(cpd_plugin, syscalls, 56);
OFF(cpd_plugin, publishes, 64);
OFF(cpd_plugin, flags, 72);
OFF(cpd_plugin, reserved, 76);
OFF(cpd_plugin, options, 80);
OFF(cpd_plugin, init, 88);
OFF(cpd_plugin, start, 96);
OFF(cpd_plugin, on_event, 104);
OFF(cpd_plugin, flush, 112);
OFF(cpd_plugin, stop, 120);
OFF(cpd_plugin, fini, 128);
OFF(cpd_plugin, reports, 136);	/* 1.1 */
OFF(cpd_plugin, interval, 144); /* 1.1 */
OFF(cpd_plugin, payloads, 152); /* 1.1 */

_Static_assert(CPD_PLUGIN_SIZE_1_0 == 136, "CPD_PLUGIN_SIZE_1_0 changed");
_Static_assert(CPD_EVENT_PAYLOAD_SIZE == 320, "CPD_EVENT_PAYLOAD_SIZE changed");

/* enum values: ABI, never renumbered */
VAL(CPD_FD_UNKNOWN, 0);
VAL(CPD_FD_FILE, 1);
VAL(CPD_FD_DIR, 2);
VAL(CPD_FD_SOCKET, 3);
VAL(CPD_FD_PIPE, 4);
VAL(CPD_FD_EVENTFD, 5);
VAL(CPD_FD_TIMERFD, 6);
VAL(CPD_FD_SIGNALFD, 7);
VAL(CPD_FD_MEMFD, 8);
VAL(CPD_FD_EPOLL, 9);
VAL(CPD_FD_INOTIFY, 10);
VAL(CPD_FD_PIDFD, 11);
VAL(CPD_FD_TTY, 12);
VAL(CPD_FD_DEVICE, 13);
VAL(CPD_FD_OTHER, 14);
VAL(CPD_ARG_NONE, 0);
VAL(CPD_ARG_INT, 1);
VAL(CPD_ARG_UINT, 2);
VAL(CPD_ARG_HEX, 3);
VAL(CPD_ARG_FD, 4);
VAL(CPD_ARG_DIRFD, 5);
VAL(CPD_ARG_PATH, 6);
VAL(CPD_ARG_STR, 7);
VAL(CPD_ARG_BUF_IN, 8);
VAL(CPD_ARG_BUF_OUT, 9);
VAL(CPD_ARG_FLAGS, 10);
VAL(CPD_ARG_ENUM, 11);
VAL(CPD_ARG_MODE, 12);
VAL(CPD_ARG_SOCKADDR, 13);
VAL(CPD_ARG_SOCKADDR_OUT, 14);
VAL(CPD_ARG_SIZE, 15);
VAL(CPD_ARG_ADDR, 16);
VAL(CPD_ARG_SIGNAL, 17);
VAL(CPD_ARG_PID, 18);
VAL(CPD_ARG_PTR, 19);
VAL(CPD_ARG_FDPAIR, 20);
VAL(CPD_ARG_STRV, 21);
VAL(CPD_ARG_OFFSET, 22);
VAL(CPD_ARG_ERRNO, 23);
VAL(CPD_ARG_IOVEC, 24);
VAL(CPD_ARG_MSGHDR, 25);
VAL(CPD_ARG_MMSGHDR, 26);
VAL(CPD_ARG_OPEN_HOW, 27);
VAL(CPD_ARG_MMAP_ARGS, 28);
VAL(CPD_ARG_SOCKOPT, 29);
VAL(CPD_SOCKOPTF_INT, 1);
VAL(CPD_EV_SYSCALL, 1);
VAL(CPD_EV_PROC, 2);
VAL(CPD_EV_FILE, 3);
VAL(CPD_EV_NET, 4);
VAL(CPD_EV_MMAP, 5);
VAL(CPD_EV_FAULT, 6);
VAL(CPD_EV_SCHED, 7);
VAL(CPD_EV_BLKIO, 8);
VAL(CPD_EV_LOST, 9);
VAL(CPD_EV_REPORT, 10);
VAL(CPD_EV_NOTICE, 11);
VAL(CPD_EV_FINDING, 12);
VAL(CPD_EV_DNS, 13);
VAL(CPD_DNS_ANSWER, 1);
VAL(CPD_DNS_TIMEOUT, 2);
VAL(CPD_DNS_MALFORMED, 3);
VAL(CPD_DNSF_TCP, 1);
VAL(CPD_DNSF_TRUNCATED, 2);
VAL(CPD_DNSF_SENT, 4);
VAL(CPD_DNSF_EDNS, 8);
VAL(CPD_DNSF_AUTHORITY, 16);
VAL(CPD_XLAT_DNS_OP, 50);
VAL(CPD_XLAT_DNS_FLAGS, 51);
VAL(CPD_SEV_INFO, 1);
VAL(CPD_SEV_NOTICE, 2);
VAL(CPD_SEV_WARNING, 3);
VAL(CPD_SEV_ERROR, 4);
VAL(CPD_EV_CUSTOM_FIRST, 32);
VAL(CPD_EV_MAX, 63);
VAL(CPD_SRC_CORE, 1);
VAL(CPD_SRC_PLUGIN, 2);
VAL(CPD_SRC_KERNEL, 3);
VAL(CPD_PROC_SPAWN_PROCESS, 1);
VAL(CPD_PROC_SPAWN_THREAD, 2);
VAL(CPD_PROC_EXEC, 3);
VAL(CPD_PROC_EXIT, 4);
VAL(CPD_PROC_ATTACH, 5);
VAL(CPD_PROC_DETACH, 6);
VAL(CPD_PROC_START, 7);
VAL(CPD_FILE_OPEN, 1);
VAL(CPD_FILE_OPEN_FAILED, 2);
VAL(CPD_FILE_READ, 3);
VAL(CPD_FILE_WRITE, 4);
VAL(CPD_FILE_CLOSE, 5);
VAL(CPD_FILE_COPY, 6);
VAL(CPD_FILE_SENDFILE, 7);
VAL(CPD_FILE_SPLICE, 8);
VAL(CPD_NET_SOCKET, 1);
VAL(CPD_NET_CONNECT, 2);
VAL(CPD_NET_ACCEPT, 3);
VAL(CPD_NET_BIND, 4);
VAL(CPD_NET_LISTEN, 5);
VAL(CPD_NET_SEND, 6);
VAL(CPD_NET_RECV, 7);
VAL(CPD_NET_CLOSE, 8);
VAL(CPD_NET_SHUTDOWN, 9);
VAL(CPD_NET_CONNECT_FAILED, 10);
VAL(CPD_MMAP_BRK, 1);
VAL(CPD_MMAP_MAP, 2);
VAL(CPD_MMAP_UNMAP, 3);
VAL(CPD_MMAP_REMAP, 4);
VAL(CPD_MMAP_PROTECT, 5);
VAL(CPD_REGION_UNKNOWN, 0);
VAL(CPD_REGION_HEAP, 1);
VAL(CPD_REGION_ANON, 2);
VAL(CPD_REGION_FILE, 3);
VAL(CPD_REGION_STACK, 4);
VAL(CPD_SCHED_WAKEUP, 1);
VAL(CPD_SCHED_PREEMPT, 2);
VAL(CPD_SCHED_NEW, 3);
VAL(CPD_BLKIO_READ, 1);
VAL(CPD_BLKIO_WRITE, 2);
VAL(CPD_BLKIO_FLUSH, 3);
VAL(CPD_BLKIO_DISCARD, 4);
VAL(CPD_BLKIO_OTHER, 5);
VAL(CPD_KV_S64, 1);
VAL(CPD_KV_U64, 2);
VAL(CPD_KV_DOUBLE, 3);
VAL(CPD_KV_STR, 4);
VAL(CPD_UNIT_NONE, 0);
VAL(CPD_UNIT_BYTES, 1);
VAL(CPD_UNIT_NS, 2);
VAL(CPD_UNIT_COUNT, 3);
VAL(CPD_UNIT_ADDR, 4);
VAL(CPD_UNIT_PERCENT, 5);
VAL(CPD_UNIT_TIMESTAMP, 6);
VAL(CPD_LOG_ERROR, 1);
VAL(CPD_LOG_WARN, 2);
VAL(CPD_LOG_NOTE, 3);
VAL(CPD_LOG_INFO, 4);
VAL(CPD_LOG_DEBUG, 5);
VAL(CPD_FT_S64, 1);
VAL(CPD_FT_U64, 2);
VAL(CPD_FT_DOUBLE, 3);
VAL(CPD_FT_STR, 4);
VAL(CPD_FT_S32, 5);
VAL(CPD_FT_U32, 6);
VAL(CPD_FT_U16, 7);
VAL(CPD_FT_FD, 8);
VAL(CPD_FT_ERRNO, 9);
VAL(CPD_FT_FLAGS, 10);
VAL(CPD_FT_ENUM, 11);
VAL(CPD_FT_ADDR, 12);
VAL(CPD_FT_SOCKADDR, 13);
VAL(CPD_FT_STRV, 14);
VAL(CPD_FT_SIGNAL, 15);
VAL(CPD_FT_MODE, 16);
VAL(CPD_FT_DEV, 17);
VAL(CPD_XLAT_NONE, 0);
VAL(CPD_XLAT_OPEN_FLAGS, 1);
VAL(CPD_XLAT_PROT, 2);
VAL(CPD_XLAT_MAP_FLAGS, 3);
VAL(CPD_XLAT_AF, 4);
VAL(CPD_XLAT_SOCK_TYPE, 5);
VAL(CPD_XLAT_AT_FLAGS, 6);
VAL(CPD_XLAT_CLONE_FLAGS, 7);
VAL(CPD_XLAT_FCNTL_CMD, 8);
VAL(CPD_XLAT_MSG_FLAGS, 9);
VAL(CPD_XLAT_PROC_OP, 10);
VAL(CPD_XLAT_FILE_OP, 11);
VAL(CPD_XLAT_NET_OP, 12);
VAL(CPD_XLAT_MMAP_OP, 13);
VAL(CPD_XLAT_REGION, 14);
VAL(CPD_XLAT_SCHED_OP, 15);
VAL(CPD_XLAT_BLKIO_OP, 16);
VAL(CPD_XLAT_FD_KIND, 17);
VAL(CPD_XLAT_EVENT_KIND, 18);
VAL(CPD_XLAT_SEEK_WHENCE, 19);
VAL(CPD_XLAT_MREMAP_FLAGS, 20);
VAL(CPD_XLAT_MADVISE, 21);
VAL(CPD_XLAT_SIGPROCMASK, 22);
VAL(CPD_XLAT_WAIT_FLAGS, 23);
VAL(CPD_XLAT_ACCESS_MODE, 24);
VAL(CPD_XLAT_SHUTDOWN, 25);
VAL(CPD_XLAT_SOCK_LEVEL, 26);
VAL(CPD_XLAT_EFD_FLAGS, 27);
VAL(CPD_XLAT_PROC_FLAGS, 28);
VAL(CPD_XLAT_FILE_FLAGS, 29);
VAL(CPD_XLAT_NET_FLAGS, 30);
VAL(CPD_XLAT_MMAP_FLAGS, 31);
VAL(CPD_XLAT_SC_CLASS, 32);
VAL(CPD_XLAT_CLOSE_RANGE, 33);
VAL(CPD_XLAT_RENAME_FLAGS, 34);
VAL(CPD_XLAT_IPPROTO, 35);
VAL(CPD_XLAT_FUTEX_OP, 36);
VAL(CPD_XLAT_PRCTL, 37);
VAL(CPD_XLAT_ARCH_PRCTL, 38);
VAL(CPD_XLAT_RLIMIT, 39);
VAL(CPD_XLAT_CLOCK_ID, 40);
VAL(CPD_XLAT_EPOLL_CTL, 41);
VAL(CPD_XLAT_GRND_FLAGS, 42);
VAL(CPD_XLAT_BLKIO_FLAGS, 43);
VAL(CPD_XLAT_FAULT_FLAGS, 44);
VAL(CPD_XLAT_MEMFD_FLAGS, 45);
VAL(CPD_XLAT_PIPE_FLAGS, 46);
VAL(CPD_XLAT_SIGNAL, 47);
VAL(CPD_XLAT_SEVERITY, 48);
VAL(CPD_XLAT_FINDING_FLAGS, 49);
VAL(CPD_OPT_BOOL, 1);
VAL(CPD_OPT_INT, 2);
VAL(CPD_OPT_UINT, 3);
VAL(CPD_OPT_SIZE, 4);
VAL(CPD_OPT_DURATION, 5);
VAL(CPD_OPT_STRING, 6);
VAL(CPD_OPT_PATH, 7);
VAL(CPD_OPT_ENUM, 8);
VAL(CPD_OPT_LIST, 9);
VAL(CPD_RUN_SPAWN, 1);
VAL(CPD_RUN_ATTACH, 2);
VAL(CPD_RUN_NONE, 3);
VAL(CPD_ROLE_ANALYZER, 1);
VAL(CPD_ROLE_OUTPUT, 2);

/* flag bits: ABI */
VAL(CPD_STR_TRUNCATED, 1);
VAL(CPD_STR_PARTIAL, 2);
VAL(CPD_SA_ABSTRACT, 1);
VAL(CPD_SA_UNNAMED, 2);
VAL(CPD_SA_TRUNCATED, 4);
VAL(CPD_SA_PARTIAL, 8);
VAL(CPD_SC_FILE, 1);
VAL(CPD_SC_DESC, 2);
VAL(CPD_SC_NETWORK, 4);
VAL(CPD_SC_MEMORY, 8);
VAL(CPD_SC_PROCESS, 0x10);
VAL(CPD_SC_SIGNAL, 0x20);
VAL(CPD_SC_IPC, 0x40);
VAL(CPD_SC_CREDS, 0x80);
VAL(CPD_SC_CLOCK, 0x100);
VAL(CPD_SC_STAT, 0x200);
VAL(CPD_SC_FDLIFE, 0x400);
VAL(CPD_SC_READ, 0x800);
VAL(CPD_SC_WRITE, 0x1000);
VAL(CPD_FDF_CLOEXEC, 1);
VAL(CPD_FDF_SEEDED, 2);
VAL(CPD_FDF_LISTENING, 4);
VAL(CPD_ARGF_PARTIAL, 1);
VAL(CPD_ARGF_TRUNCATED, 2);
VAL(CPD_ARGF_AT_EXIT, 4);
VAL(CPD_IOVF_PARTIAL, 1);
VAL(CPD_IOVF_TRUNCATED, 2);
VAL(CPD_IOV_MAX, 1024);
VAL(CPD_MSGF_PARTIAL, 1);
VAL(CPD_PROTO_UDP, 1);
VAL(CPD_PROTO_TCP, 2);
VAL(CPD_PAYLOAD_MAX, 65536);
VAL(CPD_PAYLOADF_TRUNCATED, 1);
VAL(CPD_PAYLOADF_PARTIAL, 2);
VAL(CPD_SCF_PARTIAL, 1);
VAL(CPD_SCF_NO_EXIT, 2);
VAL(CPD_SCF_ENTRY_ONLY, 4);
VAL(CPD_SCF_COMPAT, 8);
VAL(CPD_SCF_RUNQ, 16);
VAL(CPD_SCF_UNTIMED, 0x20);
VAL(CPD_SCF_BATCH, 0x40);
VAL(CPD_SCF_URING, 0x80);
VAL(CPD_PROCF_ROOT, 1);
VAL(CPD_PROCF_CORE_DUMPED, 2);
VAL(CPD_PROCF_LEADER, 4);
VAL(CPD_PROCF_VFORK, 8);
VAL(CPD_PROCF_GROUP_EXIT, 0x10);
VAL(CPD_PROCF_CPU_TIME, 0x20);
VAL(CPD_PROCF_RUNQ, 0x40);
VAL(CPD_FILEF_WRITABLE, 1);
VAL(CPD_FILEF_READABLE, 2);
VAL(CPD_FILEF_CREATED, 4);
VAL(CPD_FILEF_TO_NETWORK, 8);
VAL(CPD_FILEF_HIDDEN, 0x10);
VAL(CPD_FILEF_PROBE, 0x20);
VAL(CPD_NETF_LOOPBACK, 1);
VAL(CPD_NETF_INPROGRESS, 2);
VAL(CPD_NETF_LOCAL_IPC, 4);
VAL(CPD_NETF_HIDDEN, 8);
VAL(CPD_MMAPF_ANON, 1);
VAL(CPD_MMAPF_SHARED, 2);
VAL(CPD_MMAPF_FIXED, 4);
VAL(CPD_MMAPF_STACK, 8);
VAL(CPD_MMAPF_HIDDEN, 0x10);
VAL(CPD_FAULTF_MAJOR, 1);
VAL(CPD_FINDF_COLLAPSED, 1);
VAL(CPD_FINDF_PARTIAL, 2);
VAL(CPD_REPORTF_ROW, 1);
VAL(CPD_REPORTF_INTERVAL, 2);
/* report schemas (ABI 1.1) */
VAL(CPD_RKF_SUMMARY, 1);
VAL(CPD_RKF_DETAIL, 2);
VAL(CPD_RKF_NONZERO, 4);
VAL(CPD_RKF_KEY, 8);
VAL(CPD_RKF_SORT, 16);
VAL(CPD_RKF_ALIGN, 32);
VAL(CPD_RKF_PART, 64);
VAL(CPD_RDF_TABLE, 1);
VAL(CPD_RDF_SUMMARY, 2);
VAL(CPD_FIELDF_KEY, 1);
VAL(CPD_FIELDF_OPTIONAL, 2);
VAL(CPD_OPTF_REQUIRED, 1);
VAL(CPD_PF_SYSCALL_ENTRY, 1);
VAL(CPD_PF_SINGLETON, 2);
VAL(CPD_PF_SYSCALL_VERBOSE, 4);
VAL(CPD_PF_SYSCALL_TIMING, 8);
VAL(CPD_RDF_COLUMNS, 4);
VAL(CPD_PF_LIVE_STREAM, 16);
VAL(CPD_LIVE_STREAM_MS, 50);
VAL(CPD_PF_PTRACE, 0x20);
VAL(CPD_PF_SYSCALL_BATCH, 0x40);
/* grows with each built-in kind: 1.1 added CPD_EV_FINDING, CPD_EV_DNS */
VAL(CPD_EVMASK_BUILTIN, 0x3ffe);

#endif /* __LP64__ */

int main(void)
{
#if defined(__LP64__)
	/* the checks ran when this was compiled; say what was checked */
	printf("ABI %d.%d layout as frozen: sizeof(struct cpd_event) %zu, "
	       "CPD_PLUGIN_SIZE_1_0 %zu\n",
	       CPD_ABI_MAJOR, CPD_ABI_MINOR, sizeof(struct cpd_event),
	       (size_t)CPD_PLUGIN_SIZE_1_0);
	return 0;
#else
	puts("SKIP: the ABI layout is frozen for LP64 only");
	return 77;
#endif
}
