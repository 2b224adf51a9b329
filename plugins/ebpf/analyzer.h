/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * The plugin side the sched and blkio analyzers share: the skeleton
 * opened, fitted to this kernel, loaded and attached, or the analyzer
 * stepping aside with one note; the ring drained on the host's flush
 * timer, records it had no room for published as CPD_EV_LOST; the traced
 * thread groups followed from CPD_EV_PROC; the ring_kb option; the
 * report at the end, its totals then its rows sorted. An analyzer
 * describes itself in a struct ebpf_source and keeps only what its
 * records mean and what its report says.
 */
#ifndef CPD_PLUGINS_EBPF_ANALYZER_H
#define CPD_PLUGINS_EBPF_ANALYZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

#include "loader.h"
#include "rows.h"

#ifdef CPD_HAVE_BPF
#include <unistd.h>
#include <bpf/libbpf.h>
#endif

/* A generated skeleton behind void pointers: see EBPF_SKELETON_OPS(). */
struct ebpf_skel_ops {
	void *(*open)(void);
	struct bpf_object *(*obj)(void *skel);
	/* the ring's size and the rodata of bpf/common.bpf.h */
	void (*fit)(void *skel, uint32_t ring_bytes);
	int (*load)(void *skel);
	int (*attach)(void *skel);
	void (*destroy)(void *skel);
};

/* What one analyzer brings; static for the plugin's life. */
struct ebpf_source {
	const char *what;      /* "scheduler latency is not measured" */
	uint16_t lost_kind;    /* what a lost record would have been */
	bool counts_unissued;  /* programs count CPD_BPF_STAT_UNISSUED */
	ebpf_record_fn record; /* gets the plugin's state */
	/* NULL without BPF support */
	const struct ebpf_skel_ops *skel;
	const struct ebpf_prog_spec *progs;
	size_t nprogs;
	/* Optional: the analyzer's own rodata, before load. */
	void (*configure)(void *state, void *skel);
	/*
	 * Optional: after the ring was drained for a thread group that
	 * ended (tgid), or for good (tgid 0), publish what is held back.
	 */
	void (*settle)(void *state, int32_t tgid);
	/* At stop: the totals, then each row, in row_cmp order. */
	void (*report)(void *state);
	/* a qsort comparator over rows.v */
	int (*row_cmp)(const void *a, const void *b);
	void (*report_row)(void *state, const void *row);
};

/*
 * The first member of the analyzer's state, so that state and analyzer
 * are one pointer (and the ring's fd callback, which gets the state,
 * finds its struct ebpf first of all).
 */
struct ebpf_analyzer {
	struct ebpf e;
	const struct ebpf_source *src;
	void *skel;
	uint64_t ring_kb; /* option */
	uint64_t lost;	  /* records the ring had no room for */
	bool disabled;
	struct ebpf_rows rows; /* the report's: per thread, per device */
};

/* bpf/common.bpf.h's fork follower, for each analyzer's program list. */
#define EBPF_PROG_FOLLOW_FORK                                        \
	{                                                            \
		"cpd_follow_fork", "sched_process_fork", 2, 2, false \
	}

/* The ring_kb option; the analyzer must be the state's first member. */
#define EBPF_OPTION_RING_KB                                                          \
	{                                                                            \
		.name = "ring_kb", .type = CPD_OPT_UINT, .def = "1024",              \
		.offset = offsetof(struct ebpf_analyzer, ring_kb), .min = 16,        \
		.max = 1048576,                                                      \
		.help = "BPF ring buffer size in KiB (rounded up to a power of two)" \
	}

/*
 * The analyzer's init(): size bytes of zeroed state beginning with a
 * struct ebpf_analyzer for src, the instance's options applied; its
 * fini() is instance_fini() (lib/instance.h).
 */
int ebpf_analyzer_init(struct cpd_instance *inst, const struct cpd_host *host,
		       void **statep, size_t size,
		       const struct ebpf_source *src);
/* The plugin callbacks, as they are. */
int ebpf_analyzer_start(void *state);
int ebpf_analyzer_on_event(void *state, const struct cpd_event *ev);
int ebpf_analyzer_flush(void *state);
int ebpf_analyzer_stop(void *state);

#ifdef CPD_HAVE_BPF
/*
 * struct ebpf_skel_ops name_ops for the skeleton "name" (bpftool gen
 * skeleton ... name NAME) of a program built on bpf/common.bpf.h, whose
 * maps and rodata it fits.
 */
#define EBPF_SKELETON_OPS(name)                                       \
	static void *name##_ops_open(void)                            \
	{                                                             \
		return name##__open();                                \
	}                                                             \
	static struct bpf_object *name##_ops_obj(void *skel)          \
	{                                                             \
		return ((struct name *)skel)->obj;                    \
	}                                                             \
	static void name##_ops_fit(void *skel, uint32_t ring_bytes)   \
	{                                                             \
		struct name *k = skel;                                \
                                                                      \
		bpf_map__set_max_entries(k->maps.events, ring_bytes); \
		k->rodata->tracer_tgid = (__u32)getpid();             \
		k->rodata->wakeup_bytes = ring_bytes / 4;             \
	}                                                             \
	static int name##_ops_load(void *skel)                        \
	{                                                             \
		return name##__load(skel);                            \
	}                                                             \
	static int name##_ops_attach(void *skel)                      \
	{                                                             \
		return name##__attach(skel);                          \
	}                                                             \
	static void name##_ops_destroy(void *skel)                    \
	{                                                             \
		name##__destroy(skel);                                \
	}                                                             \
	static const struct ebpf_skel_ops name##_ops = {              \
		.open = name##_ops_open,                              \
		.obj = name##_ops_obj,                                \
		.fit = name##_ops_fit,                                \
		.load = name##_ops_load,                              \
		.attach = name##_ops_attach,                          \
		.destroy = name##_ops_destroy,                        \
	}
#endif

#endif /* CPD_PLUGINS_EBPF_ANALYZER_H */
