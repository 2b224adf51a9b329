// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "bpfload.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>

#include "base/log.h"
#include "base/xmalloc.h"

#ifdef CPD_HAVE_BPF
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "engine.skel.h"
#endif

#define BPFLOAD_BTF "/sys/kernel/btf/vmlinux"
/* records waiting in the ring that wake the reader */
#define BPFLOAD_WAKEUP_BYTES (64u << 10)

#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

static uint64_t bpfload_clock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t bpfload_now(void)
{
	return bpfload_clock(CLOCK_MONOTONIC);
}

/* Whether the effective set holds cap (capget: no libcap needed). */
static bool bpfload_has_cap(unsigned cap)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3,
						0 };
	struct __user_cap_data_struct data[2];

	memset(data, 0, sizeof(data));
	if (syscall(SYS_capget, &hdr, data) < 0)
		return false;
	return (data[cap / 32].effective >> (cap % 32)) & 1;
}

int bpfload_usable(char *why, size_t len)
{
#ifndef CPD_HAVE_BPF
	snprintf(
		why, len,
		"this compendium was built without BPF support (it needs clang, bpftool, libbpf-dev and libelf-dev at configure time)");
	return -ENOSYS;
#else
	bool bpf = bpfload_has_cap(CAP_BPF),
	     perf = bpfload_has_cap(CAP_PERFMON);

	if (!bpf || !perf) {
		snprintf(
			why, len,
			"it needs CAP_BPF and CAP_PERFMON (run as root, or grant %s%s%s)",
			bpf ? "" : "CAP_BPF", !bpf && !perf ? " and " : "",
			perf ? "" : "CAP_PERFMON");
		return -EPERM;
	}
	if (access(BPFLOAD_BTF, R_OK) < 0) {
		int err = errno;

		snprintf(
			why, len,
			"the kernel exposes no BTF (%s: %s); it needs CONFIG_DEBUG_INFO_BTF=y",
			BPFLOAD_BTF, strerror(err));
		return -err;
	}
	return 0;
#endif
}

#ifdef CPD_HAVE_BPF

static int bpfload_print(enum libbpf_print_level level, const char *fmt,
			 va_list ap)
{
	char msg[1024];
	size_t n;

	if (level == LIBBPF_DEBUG)
		return 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	/* what failed is said by the caller; libbpf's account is for -vv */
	log_debug("libbpf: %s", msg);
	return 0;
}

/*
 * The kernel's BTF, read raw. libbpf parses it once for the relocations;
 * whether a tracepoint exists only needs its name among the strings, and
 * parsing it a second time costs more than the verifier's whole work.
 */
struct bpfload_btf {
	char *buf;
	size_t len;
	const char *str; /* the string section */
	size_t str_len;
};

/*
 * The kernel's BTF in one bpf() call: reading /sys/kernel/btf/vmlinux
 * takes a syscall per page (1300 here, 10 ms).
 */
static int bpfload_btf_fetch(struct bpfload_btf *b)
{
	__u32 id = 0;

	while (!bpf_btf_get_next_id(id, &id)) {
		struct bpf_btf_info info;
		__u32 ilen = sizeof(info);
		char name[16] = "";
		int fd = bpf_btf_get_fd_by_id(id);
		int err;

		if (fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		info.name = (__u64)(unsigned long)name;
		info.name_len = sizeof(name);
		err = bpf_obj_get_info_by_fd(fd, &info, &ilen);
		if (err || !info.kernel_btf || strcmp(name, "vmlinux")) {
			close(fd);
			continue;
		}
		b->len = info.btf_size;
		b->buf = xmalloc(b->len ? b->len : 1);
		memset(&info, 0, sizeof(info));
		info.btf = (__u64)(unsigned long)b->buf;
		info.btf_size = (__u32)b->len;
		ilen = sizeof(info);
		err = bpf_obj_get_info_by_fd(fd, &info, &ilen) ? -errno : 0;
		close(fd);
		return err;
	}
	return -ENOENT;
}

static int bpfload_btf_read(struct bpfload_btf *b)
{
	struct {
		uint16_t magic;
		uint8_t version, flags;
		uint32_t hdr_len, type_off, type_len, str_off, str_len;
	} hdr;
	int err;

	memset(b, 0, sizeof(*b));
	err = bpfload_btf_fetch(b);
	if (err)
		return err;
	if (b->len < sizeof(hdr))
		return -EINVAL;
	memcpy(&hdr, b->buf, sizeof(hdr));
	if (hdr.magic != 0xeB9F || (size_t)hdr.hdr_len + hdr.str_off > b->len ||
	    hdr.str_len > b->len - hdr.hdr_len - hdr.str_off)
		return -EINVAL;
	b->str = b->buf + hdr.hdr_len + hdr.str_off;
	b->str_len = hdr.str_len;
	return 0;
}

/* Whether the kernel has tracepoint tp (a btf_trace_<tp> typedef). */
static bool bpfload_btf_has_tp(const struct bpfload_btf *b, const char *tp)
{
	char name[128];
	size_t n = (size_t)snprintf(name, sizeof(name), "btf_trace_%s", tp);
	const char *p = b->str, *end = b->str + b->str_len;

	/* names are NUL-terminated and NUL-preceded: match whole ones */
	while ((p = memmem(p, (size_t)(end - p), name, n + 1)))
		if (p == b->str || p[-1] == '\0')
			return true;
		else
			p++;
	return false;
}

/*
 * A program and the tracepoint it is attached to (sys is its group in
 * tracefs). Without a required one the engine is blind; without an
 * optional one it does without what the program gives (what says what),
 * with a note.
 */
static const struct {
	const char *prog, *sys, *tp;
	const char *what; /* NULL: required */
} bpfload_progs[] = {
	{ "eng_sys_exit", "raw_syscalls", "sys_exit", NULL },
	{ "eng_sys_enter", "raw_syscalls", "sys_enter",
	  "syscall durations are not measured" },
	{ "eng_newtask", "task", "task_newtask", NULL },
	{ "eng_exec", "sched", "sched_process_exec", NULL },
	{ "eng_exit", "sched", "sched_process_exit", NULL },
	{ "eng_uring_submit", "io_uring", "io_uring_submit_req",
	  "I/O done through io_uring is not counted" },
	{ "eng_uring_complete", "io_uring", "io_uring_complete",
	  "I/O done through io_uring is not counted" },
};

#define BPFLOAD_TRACEFS "/sys/kernel/tracing/events"

/*
 * Whether tracepoint sys/tp is there. tracefs says it for the cost of a
 * stat; without tracefs the BTF's strings do (read once, into *b). The
 * programs are tp_btf: they need neither, only the tracepoint.
 * $COMPENDIUM_BPF_HIDE (a comma-separated list of tracepoints), for tests
 * only, makes the engine believe some are not there.
 */
static bool bpfload_has_tp(struct bpfload_btf *b, const char *sys,
			   const char *tp)
{
	const char *hide = getenv("COMPENDIUM_BPF_HIDE");
	size_t n = strlen(tp);
	char path[256];

	while (hide && *hide) {
		if (!strncmp(hide, tp, n) && (hide[n] == ',' || !hide[n]))
			return false;
		hide = strchr(hide, ',');
		hide = hide ? hide + 1 : NULL;
	}
	snprintf(path, sizeof(path), "%s/%s/%s", BPFLOAD_TRACEFS, sys, tp);
	if (access(path, F_OK) == 0)
		return true;
	if (access(BPFLOAD_TRACEFS, F_OK) == 0)
		return false;
	if (!b->buf && bpfload_btf_read(b) < 0)
		return true; /* the load will say */
	return bpfload_btf_has_tp(b, tp);
}

/*
 * Switch off what this kernel or this trace cannot use. A tracepoint of
 * another shape than ours fails the load, which says so.
 */
static int bpfload_fit(struct bpfload *l, const struct bpfspec *sp, char *why,
		       size_t len)
{
	struct bpfload_btf b = { 0 };
	const char *noted = NULL;
	size_t i;
	int err = 0;

	for (i = 0; i < ARRAY_SIZE(bpfload_progs) && !err; i++) {
		struct bpf_program *p = bpf_object__find_program_by_name(
			l->skel->obj, bpfload_progs[i].prog);
		/* io_uring's when an operation is counted, entries when timed */
		bool want = !bpfload_progs[i].what ||
			    (!strcmp(bpfload_progs[i].tp, "sys_enter") ?
				     sp->entries :
				     sp->uring);
		bool have = want && bpfload_has_tp(&b, bpfload_progs[i].sys,
						   bpfload_progs[i].tp);

		if (!have && !bpfload_progs[i].what) {
			snprintf(why, len, "this kernel has no tracepoint %s",
				 bpfload_progs[i].tp);
			err = -ENOENT;
			break;
		}
		if (want && !have && bpfload_progs[i].what != noted) {
			log_note("%s: this kernel has no tracepoint %s",
				 bpfload_progs[i].what, bpfload_progs[i].tp);
			noted = bpfload_progs[i].what;
		}
		if (p && !have)
			bpf_program__set_autoload(p, false);
	}
	free(b.buf);
	return err;
}

static uint32_t bpfload_pid_words(void)
{
	FILE *fp = fopen("/proc/sys/kernel/pid_max", "re");
	unsigned long pid_max = 4194304; /* PID_MAX_LIMIT on 64-bit */

	if (fp) {
		if (fscanf(fp, "%lu", &pid_max) != 1)
			pid_max = 4194304;
		fclose(fp);
	}
	return (uint32_t)((pid_max + 63) / 64);
}

static void bpfload_failed(char *why, size_t len, const char *step, int err)
{
	if (err < 0)
		err = -err;
	if (err == EPERM || err == EACCES)
		snprintf(
			why, len,
			"cannot %s the BPF programs (%s); run as root, or give compendium CAP_BPF and CAP_PERFMON",
			step, strerror(err));
	else
		snprintf(
			why, len,
			"cannot %s the BPF programs (%s); run with -vv for libbpf's account",
			step, strerror(err));
}

/* The payload rules into their map, before anything is attached. */
static int bpfload_prules(struct bpfload *l, const struct bpfspec *sp,
			  char *why, size_t len)
{
	size_t i;

	for (i = 0; i < sp->nprules; i++)
		if (bpf_map__update_elem(l->skel->maps.payload_rules,
					 &sp->prule[i], sizeof(sp->prule[i]),
					 &sp->prule_max[i],
					 sizeof(sp->prule_max[i]), BPF_ANY)) {
			int err = -errno;

			snprintf(why, len, "cannot fill the payload rules: %s",
				 strerror(-err));
			return err;
		}
	return 0;
}

int bpfload_open(struct bpfload *l, const struct bpfspec *sp,
		 uint32_t ring_bytes, bpfload_record_fn fn, void *ctx,
		 char *why, size_t len)
{
	libbpf_print_fn_t saved = libbpf_set_print(bpfload_print);
	uint64_t t0 = bpfload_now();
	/* wall time says little on a busy machine: the CPU time too */
	uint64_t c0 = bpfload_clock(CLOCK_PROCESS_CPUTIME_ID);
	int err;

	memset(l, 0, sizeof(*l));
	l->skel = engine_bpf__open();
	if (!l->skel) {
		err = -errno;
		bpfload_failed(why, len, "open", err);
		goto out_print;
	}
	err = bpfload_fit(l, sp, why, len);
	if (err)
		goto out_print;
	l->nwords = bpfload_pid_words();
	bpf_map__set_max_entries(l->skel->maps.tgid_bits, l->nwords);
	bpf_map__set_max_entries(l->skel->maps.events, ring_bytes);
	l->skel->rodata->str_limit = sp->str_limit;
	l->skel->rodata->buf_limit = sp->buf_limit;
	/*
	 * A few hundred records: the reader wakes while the command runs
	 * and works beside it, on another CPU, rather than after it exits.
	 * A wakeup costs the command little; the records of a short run
	 * all left to its end would cost it their whole processing time.
	 */
	l->skel->rodata->wakeup_bytes = ring_bytes / 4 < BPFLOAD_WAKEUP_BYTES ?
						ring_bytes / 4 :
						BPFLOAD_WAKEUP_BYTES;
	l->skel->rodata->timed = sp->timed;
	l->skel->rodata->entries = sp->entries;
	l->skel->rodata->payloads = sp->nprules > 0;
	memcpy(l->skel->bss->eng_spec, sp->e, sizeof(sp->e));
	memcpy(l->skel->bss->eng_uring_op, sp->uring_op, sizeof(sp->uring_op));
	err = engine_bpf__load(l->skel);
	if (err) {
		bpfload_failed(why, len, "load", err);
		goto out_print;
	}
	err = bpfload_prules(l, sp, why, len);
	if (err)
		goto out_print;
	l->bits_len = (size_t)l->nwords * sizeof(uint64_t);
	l->bits = mmap(NULL, l->bits_len, PROT_READ | PROT_WRITE, MAP_SHARED,
		       bpf_map__fd(l->skel->maps.tgid_bits), 0);
	if (l->bits == MAP_FAILED) {
		err = -errno;
		l->bits = NULL;
		snprintf(why, len, "cannot map the traced-process bitmap: %s",
			 strerror(-err));
		goto out_print;
	}
	l->rb = ring_buffer__new(bpf_map__fd(l->skel->maps.events), fn, ctx,
				 NULL);
	if (!l->rb) {
		err = -errno;
		snprintf(why, len, "cannot read the BPF ring buffer: %s",
			 strerror(-err));
		goto out_print;
	}
	err = libbpf_num_possible_cpus();
	l->ncpu = err > 0 ? err : 1;
	err = 0;
	l->load_ns = bpfload_now() - t0;
	l->load_cpu_ns = bpfload_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
out_print:
	libbpf_set_print(saved);
	if (err)
		bpfload_close(l);
	return err;
}

int bpfload_attach(struct bpfload *l, char *why, size_t len)
{
	libbpf_print_fn_t saved = libbpf_set_print(bpfload_print);
	uint64_t t0 = bpfload_now();
	int err = engine_bpf__attach(l->skel);

	libbpf_set_print(saved);
	if (err) {
		bpfload_failed(why, len, "attach", err);
		return err;
	}
	l->attach_ns = bpfload_now() - t0;
	return 0;
}

void bpfload_close(struct bpfload *l)
{
	if (l->bits)
		munmap(l->bits, l->bits_len);
	ring_buffer__free(l->rb);
	if (l->skel)
		engine_bpf__destroy(l->skel);
	memset(l, 0, sizeof(*l));
}

void bpfload_follow(struct bpfload *l, pid_t tgid, bool on)
{
	uint64_t bit;
	uint32_t w;

	if (!l->bits || tgid <= 0 || (uint32_t)tgid / 64 >= l->nwords)
		return;
	w = (uint32_t)tgid / 64;
	bit = UINT64_C(1) << ((uint32_t)tgid % 64);
	/* the programs change the same words with atomics */
	if (on)
		__atomic_fetch_or(&l->bits[w], bit, __ATOMIC_SEQ_CST);
	else
		__atomic_fetch_and(&l->bits[w], ~bit, __ATOMIC_SEQ_CST);
}

bool bpfload_followed(const struct bpfload *l, pid_t tgid)
{
	uint32_t w = (uint32_t)tgid / 64;

	if (!l->bits || tgid <= 0 || w >= l->nwords)
		return false;
	return (__atomic_load_n(&l->bits[w], __ATOMIC_RELAXED) >>
		((uint32_t)tgid % 64)) &
	       1;
}

bool bpfload_any(const struct bpfload *l)
{
	uint32_t w;

	for (w = 0; l->bits && w < l->nwords; w++)
		if (__atomic_load_n(&l->bits[w], __ATOMIC_RELAXED))
			return true;
	return false;
}

int bpfload_ring_fd(const struct bpfload *l)
{
	return l->rb ? ring_buffer__epoll_fd(l->rb) : -1;
}

int bpfload_sums_fd(const struct bpfload *l)
{
	return l->skel ? bpf_map__fd(l->skel->maps.iosum) : -1;
}

int bpfload_drain(struct bpfload *l)
{
	return l->rb ? ring_buffer__consume(l->rb) : 0;
}

uint64_t bpfload_stat(const struct bpfload *l, unsigned slot)
{
	__u64 stackv[64], *v = stackv, sum = 0;
	__u32 key = slot;
	int i;

	if (!l->skel)
		return 0;
	if (l->ncpu > 64) {
		v = calloc((size_t)l->ncpu, sizeof(*v));
		if (!v)
			return 0;
	}
	if (bpf_map__lookup_elem(l->skel->maps.stats, &key, sizeof(key), v,
				 sizeof(*v) * (size_t)l->ncpu, 0) == 0)
		for (i = 0; i < l->ncpu; i++)
			sum += v[i];
	if (v != stackv)
		free(v);
	return sum;
}

uint64_t bpfload_missed(const struct bpfload *l)
{
	struct bpf_program *p;
	uint64_t n = 0;

	if (!l->skel)
		return 0;
	bpf_object__for_each_program(p, l->skel->obj)
	{
		struct bpf_prog_info info;
		__u32 ilen = sizeof(info);
		int fd = bpf_program__fd(p);

		if (fd < 0)
			continue;
		memset(&info, 0, sizeof(info));
		if (bpf_obj_get_info_by_fd(fd, &info, &ilen) == 0)
			n += info.recursion_misses;
	}
	return n;
}

void bpfload_ids(const struct bpfload *l, char *buf, size_t len)
{
	struct bpf_program *p;
	size_t n = 0;
	int i;

	buf[0] = '\0';
	if (!l->skel)
		return;
	bpf_object__for_each_program(p, l->skel->obj)
	{
		struct bpf_prog_info info;
		__u32 ilen = sizeof(info);
		int fd = bpf_program__fd(p);

		memset(&info, 0, sizeof(info));
		if (fd < 0 || bpf_obj_get_info_by_fd(fd, &info, &ilen))
			continue;
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0,
				      "%sprog:%u", n ? "," : "", info.id);
	}
	for (i = 0; i < l->skel->skeleton->prog_cnt; i++) {
		struct bpf_link *link = *l->skel->skeleton->progs[i].link;
		struct bpf_link_info info;
		__u32 ilen = sizeof(info);

		memset(&info, 0, sizeof(info));
		if (!link ||
		    bpf_obj_get_info_by_fd(bpf_link__fd(link), &info, &ilen))
			continue;
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0,
				      "%slink:%u", n ? "," : "", info.id);
	}
}

#else /* !CPD_HAVE_BPF */

int bpfload_open(struct bpfload *l, const struct bpfspec *sp,
		 uint32_t ring_bytes, bpfload_record_fn fn, void *ctx,
		 char *why, size_t len)
{
	(void)sp;
	(void)ring_bytes;
	(void)fn;
	(void)ctx;
	memset(l, 0, sizeof(*l));
	return bpfload_usable(why, len);
}

int bpfload_attach(struct bpfload *l, char *why, size_t len)
{
	(void)l;
	return bpfload_usable(why, len);
}

void bpfload_close(struct bpfload *l)
{
	memset(l, 0, sizeof(*l));
}

void bpfload_ids(const struct bpfload *l, char *buf, size_t len)
{
	(void)l;
	if (len)
		buf[0] = '\0';
}

void bpfload_follow(struct bpfload *l, pid_t tgid, bool on)
{
	(void)l;
	(void)tgid;
	(void)on;
}

bool bpfload_followed(const struct bpfload *l, pid_t tgid)
{
	(void)l;
	(void)tgid;
	return false;
}

bool bpfload_any(const struct bpfload *l)
{
	(void)l;
	return false;
}

int bpfload_ring_fd(const struct bpfload *l)
{
	(void)l;
	return -1;
}

int bpfload_sums_fd(const struct bpfload *l)
{
	(void)l;
	return -1;
}

int bpfload_drain(struct bpfload *l)
{
	(void)l;
	return 0;
}

uint64_t bpfload_stat(const struct bpfload *l, unsigned slot)
{
	(void)l;
	(void)slot;
	return 0;
}

uint64_t bpfload_missed(const struct bpfload *l)
{
	(void)l;
	return 0;
}

#endif /* CPD_HAVE_BPF */
