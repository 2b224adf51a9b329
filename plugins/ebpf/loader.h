/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What the sched and blkio analyzers share around libbpf: picking the
 * programs the running kernel can take, saying clearly why BPF cannot be
 * used, the traced-process filter map, the ring buffer on the host's
 * loop, and the loss counters.
 */
#ifndef CPD_PLUGINS_EBPF_LOADER_H
#define CPD_PLUGINS_EBPF_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

struct bpf_object;
struct ring_buffer;

/*
 * A tp_btf program and the tracepoint prototypes it fits: the number of
 * tracepoint arguments (without the context) must be in [min, max].
 * required: the analyzer is useless unless some program on tp loads.
 */
struct ebpf_prog_spec {
	const char *prog;
	const char *tp;
	uint8_t min_args, max_args;
	bool required;
};

typedef int (*ebpf_record_fn)(void *ctx, void *data, size_t len);

/*
 * The first member of the analyzer's state: the host hands that state to
 * the ring's fd callback.
 */
struct ebpf {
	const struct cpd_host *host;
	struct cpd_instance *inst;
	const char *what; /* "scheduler latency is not measured" */
	struct bpf_object *obj;
	struct ring_buffer *rb;
	int rb_fd; /* the ring's epoll fd, on the host loop */
	bool watched;
	int tgids_fd, stats_fd;
	int ncpu;
	uint64_t lost_seen; /* kernel count already handed out */
	uint64_t sent;	    /* records the kernel submitted */
};

/*
 * Say once, as a note, that the analyzer is off and why; fmt says what
 * is missing and how to get it.
 */
void ebpf_note(struct ebpf *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* CLOCK_MONOTONIC in ns: the clock of the bus and of bpf_ktime_get_ns(). */
uint64_t ebpf_now(void);

/* The note for a build without BPF support. */
void ebpf_note_unbuilt(struct ebpf *e);

#ifdef CPD_HAVE_BPF
/*
 * Before load: BTF present, libbpf messages routed to the host's debug
 * log, and every program of obj not fitting this kernel switched off.
 * Returns 0, or -errno after the note.
 */
int ebpf_prepare(struct ebpf *e, struct bpf_object *obj,
		 const struct ebpf_prog_spec *spec, size_t nspec);
/* Note for a failed skeleton load or attach, by errno. */
void ebpf_note_failed(struct ebpf *e, const char *step, int err);
/* After attach: the ring on the host loop. Returns 0 or -errno. */
int ebpf_run(struct ebpf *e, ebpf_record_fn fn, void *ctx);
/* Follow (on) or forget a thread group. */
void ebpf_track(struct ebpf *e, int32_t tgid, bool on);
/* Read every record the kernel has written so far. */
void ebpf_drain(struct ebpf *e);
/* Sum over the CPUs of a CPD_BPF_STAT_* counter. */
uint64_t ebpf_stat(struct ebpf *e, uint32_t slot);
/*
 * Runs of our programs the kernel skipped because one was already running
 * on that CPU (an interrupt nesting into it): events never seen.
 */
uint64_t ebpf_missed(struct ebpf *e);
/* Records the kernel dropped since the last call (ring full). */
uint64_t ebpf_lost(struct ebpf *e);
/* Unwatch and free the ring; the skeleton is the caller's. */
void ebpf_close(struct ebpf *e);
/* libbpf's messages go to the host log while e is working. */
void ebpf_log_begin(struct ebpf *e);
void ebpf_log_end(void);
#endif

#endif /* CPD_PLUGINS_EBPF_LOADER_H */
