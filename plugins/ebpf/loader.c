// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#ifdef CPD_HAVE_BPF
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "records.h"
#endif

#include "loader.h"

void ebpf_note(struct ebpf *e, const char *fmt, ...)
{
	char why[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	e->host->log(e->inst, CPD_LOG_NOTE,
		     "%s: %s; tracing goes on without it", e->what, why);
}

uint64_t ebpf_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void ebpf_note_unbuilt(struct ebpf *e)
{
	ebpf_note(
		e,
		"this compendium was built without BPF support; install clang, bpftool, libbpf-dev and libelf-dev, then configure --enable-bpf and rebuild");
}

#ifdef CPD_HAVE_BPF

#define EBPF_BTF_PATH "/sys/kernel/btf/vmlinux"

/* libbpf's print hook is process-wide: whoever is working owns it. */
static struct ebpf *ebpf_current;
static libbpf_print_fn_t ebpf_saved_print;

static int ebpf_print(enum libbpf_print_level level, const char *fmt,
		      va_list ap)
{
	char msg[1024];
	size_t n;

	(void)level;
	if (!ebpf_current)
		return 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	/* what failed is said in the note; the details are for -vv */
	ebpf_current->host->log(ebpf_current->inst, CPD_LOG_DEBUG, "libbpf: %s",
				msg);
	return 0;
}

void ebpf_log_begin(struct ebpf *e)
{
	ebpf_current = e;
	ebpf_saved_print = libbpf_set_print(ebpf_print);
}

void ebpf_log_end(void)
{
	libbpf_set_print(ebpf_saved_print);
	ebpf_current = NULL;
}

/* Arguments of tracepoint tp in the kernel's BTF, or -1 if it has none. */
static int ebpf_tp_args(const struct btf *vmlinux, const char *tp)
{
	char name[128];
	const struct btf_type *t;
	int id;

	snprintf(name, sizeof(name), "btf_trace_%s", tp);
	id = btf__find_by_name_kind(vmlinux, name, BTF_KIND_TYPEDEF);
	if (id <= 0)
		return -1;
	/* typedef void (*btf_trace_X)(void *ctx, args...) */
	t = btf__type_by_id(vmlinux, (__u32)id);
	t = t ? btf__type_by_id(vmlinux, t->type) : NULL;
	if (t && btf_is_ptr(t))
		t = btf__type_by_id(vmlinux, t->type);
	if (!t || !btf_is_func_proto(t) || btf_vlen(t) < 1)
		return -1;
	return btf_vlen(t) - 1;
}

int ebpf_prepare(struct ebpf *e, struct bpf_object *obj,
		 const struct ebpf_prog_spec *spec, size_t nspec)
{
	struct bpf_program *p;
	struct btf *vmlinux;
	bool *on;
	size_t i, j;
	int err = 0;

	e->obj = obj;
	e->rb_fd = -1;
	e->tgids_fd = e->stats_fd = -1;
	if (access(EBPF_BTF_PATH, R_OK) < 0) {
		err = -errno;
		ebpf_note(
			e,
			"the kernel exposes no BTF (%s: %s); it needs CONFIG_DEBUG_INFO_BTF=y",
			EBPF_BTF_PATH, strerror(-err));
		return err;
	}
	vmlinux = btf__load_vmlinux_btf();
	if (!vmlinux) {
		err = -errno;
		ebpf_note(e, "cannot read the kernel's BTF (%s): %s",
			  EBPF_BTF_PATH, strerror(-err));
		return err;
	}
	on = calloc(nspec, sizeof(*on));
	if (!on) {
		btf__free(vmlinux);
		return -ENOMEM;
	}
	for (i = 0; i < nspec; i++) {
		int n = ebpf_tp_args(vmlinux, spec[i].tp);

		on[i] = n >= spec[i].min_args && n <= spec[i].max_args;
		if (n < 0)
			e->host->log(
				e->inst, CPD_LOG_DEBUG,
				"this kernel has no tracepoint %s: program %s is off",
				spec[i].tp, spec[i].prog);
	}
	for (i = 0; i < nspec && !err; i++) {
		bool any = false;

		if (!spec[i].required)
			continue;
		for (j = 0; j < nspec; j++)
			if (!strcmp(spec[j].tp, spec[i].tp) && on[j])
				any = true;
		if (!any) {
			err = -ENOENT;
			ebpf_note(
				e,
				"this kernel has no tracepoint %s of a known shape (its BTF has no fitting btf_trace_%s)",
				spec[i].tp, spec[i].tp);
		}
	}
	bpf_object__for_each_program(p, obj)
	{
		bool load = false;

		for (i = 0; i < nspec; i++)
			if (!strcmp(bpf_program__name(p), spec[i].prog))
				load = on[i];
		bpf_program__set_autoload(p, load);
	}
	free(on);
	btf__free(vmlinux);
	return err;
}

void ebpf_note_failed(struct ebpf *e, const char *step, int err)
{
	if (err < 0)
		err = -err;
	if (err == EPERM || err == EACCES)
		ebpf_note(
			e,
			"cannot %s the BPF programs (%s); run as root, or give compendium CAP_BPF and CAP_PERFMON",
			step, strerror(err));
	else if (err == ENOSYS || err == EOPNOTSUPP || err == ENOTSUP)
		ebpf_note(
			e,
			"cannot %s the BPF programs (%s); this kernel lacks BPF tracing programs (CONFIG_BPF_SYSCALL, CONFIG_BPF_EVENTS)",
			step, strerror(err));
	else
		ebpf_note(
			e,
			"cannot %s the BPF programs (%s); run with -vv for libbpf's account",
			step, strerror(err));
}

static int ebpf_ready(void *state, int fd, uint32_t revents)
{
	struct ebpf *e = state;

	(void)fd;
	(void)revents;
	ebpf_drain(e);
	return 0;
}

int ebpf_run(struct ebpf *e, ebpf_record_fn fn, void *ctx)
{
	struct bpf_map *m;
	int n, rc;

	n = libbpf_num_possible_cpus();
	e->ncpu = n > 0 ? n : 1;
	m = bpf_object__find_map_by_name(e->obj, "tgids");
	e->tgids_fd = m ? bpf_map__fd(m) : -1;
	m = bpf_object__find_map_by_name(e->obj, "stats");
	e->stats_fd = m ? bpf_map__fd(m) : -1;
	m = bpf_object__find_map_by_name(e->obj, "events");
	if (!m || e->tgids_fd < 0 || e->stats_fd < 0)
		return -ENOENT;
	e->rb = ring_buffer__new(bpf_map__fd(m), fn, ctx, NULL);
	if (!e->rb)
		return -errno;
	e->rb_fd = ring_buffer__epoll_fd(e->rb);
	/*
	 * The programs wake this fd only when the ring is filling up; the
	 * host's flush timer drains the rest.
	 */
	rc = e->host->watch_fd(e->inst, e->rb_fd, EPOLLIN, ebpf_ready);
	if (rc == 0)
		e->watched = true;
	return 0;
}

void ebpf_track(struct ebpf *e, int32_t tgid, bool on)
{
	__u32 key = (__u32)tgid;
	__u8 one = 1;

	if (e->tgids_fd < 0 || tgid <= 0)
		return;
	if (on)
		bpf_map_update_elem(e->tgids_fd, &key, &one, BPF_ANY);
	else
		bpf_map_delete_elem(e->tgids_fd, &key);
}

void ebpf_drain(struct ebpf *e)
{
	if (e->rb)
		ring_buffer__consume(e->rb);
}

/* Sum of one slot of the per-CPU counters. */
uint64_t ebpf_stat(struct ebpf *e, uint32_t slot)
{
	__u64 stackv[64], *v = stackv, sum = 0;
	__u32 key = slot;
	int i;

	if (e->stats_fd < 0)
		return 0;
	if (e->ncpu > 64) {
		v = calloc((size_t)e->ncpu, sizeof(*v));
		if (!v)
			return 0;
	}
	if (bpf_map_lookup_elem(e->stats_fd, &key, v) == 0)
		for (i = 0; i < e->ncpu; i++)
			sum += v[i];
	if (v != stackv)
		free(v);
	return sum;
}

uint64_t ebpf_missed(struct ebpf *e)
{
	struct bpf_program *p;
	uint64_t n = 0;

	if (!e->obj)
		return 0;
	bpf_object__for_each_program(p, e->obj)
	{
		struct bpf_prog_info info;
		__u32 len = sizeof(info);
		int fd = bpf_program__fd(p);

		if (fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0)
			n += info.recursion_misses;
	}
	return n;
}

uint64_t ebpf_lost(struct ebpf *e)
{
	uint64_t now = ebpf_stat(e, CPD_BPF_STAT_LOST), d;

	e->sent = ebpf_stat(e, CPD_BPF_STAT_SENT);
	d = now > e->lost_seen ? now - e->lost_seen : 0;
	e->lost_seen = now;
	return d;
}

void ebpf_close(struct ebpf *e)
{
	if (e->watched)
		e->host->unwatch_fd(e->inst, e->rb_fd);
	e->watched = false;
	ring_buffer__free(e->rb);
	e->rb = NULL;
}

#endif /* CPD_HAVE_BPF */
