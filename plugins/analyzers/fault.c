// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * fault: page faults of every traced thread, sampled by the kernel with
 * perf_event_open (software PAGE_FAULTS_MIN, optionally PAGE_FAULTS_MAJ),
 * attributed to the region they hit and grouped like the original:
 * "<n> faults in <region> @ <start> (<prot>)".
 *
 * One event per task, not per CPU. An inherited per-task event (cpu=-1)
 * cannot be mmapped (the kernel refuses it with EINVAL), so the choice is between
 * one event per traced thread, opened while the tracer holds it stopped
 * at its clone/fork/exec/attach, and per-CPU inherited events on the root.
 * Per task wins here: the tracer already stops at every new task, so
 * nothing is missed; the tid of every sample is exact without trusting
 * inheritance; an attached process' existing threads are covered the same
 * way (inheritance only follows tasks created after the open); and a task
 * ends cleanly (final drain, close) at its exit. The cost is one fd and
 * one small ring per live thread. The rings cannot be merged with
 * PERF_EVENT_IOC_SET_OUTPUT: the kernel only redirects a cpu=-1 event into
 * a ring of the same task.
 *
 * Attribution uses the kernel's view of the address space, not the mmap
 * analyzer's events: those leave out library mappings without -v and
 * know nothing of the stack or of what was mapped before an attach; the
 * kernel has it all, with paths, protections and the bounds of merged
 * mappings. Each process has a cache of its regions, read whole from
 * /proc/PID/maps when it starts, execs or is attached, then kept up to
 * date at the exit of every call that changes the address space (brk,
 * mmap, munmap, mremap, mprotect) while the tracer holds the caller
 * stopped: an unmapped range is cut out of it, and the region a call made
 * is asked of the kernel alone, by address (PROCMAP_QUERY, Linux 6.11),
 * a few microseconds where reading and parsing the whole maps took tens.
 * On older kernels the whole maps are read again at each such call.
 * Just before, the process' rings are drained with the cache as it was:
 * every fault sampled so far happened under that layout, so a region
 * unmapped right after being touched, or mapped again at the same
 * address, is attributed to what it was then. Doing it at the exit, not
 * lazily later, matters because a process' maps are gone once it is
 * reaped, and its last faults are usually drained after that; when the
 * mmap analyzer runs these calls stop there anyway, so this costs no
 * extra stop. A fault outside every known region (a mapping made by a
 * call we do not watch, the stack growing) asks the kernel about its
 * address, at most once per drain when the answer is "nothing there".
 *
 * Grouping is per task: consecutive samples of one thread in one region
 * make one FAULT event, flushed when the region changes and at the end of
 * every drain. "pages" counts a page once per run of faults on it (a
 * read fault then a write fault on the same page is one page), not the
 * distinct pages of the whole run, which would need a set per process;
 * "bytes" is pages times the page size.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <compendium/compendium.h>

#include "lib/instance.h"
#include "lib/report.h"

/* Default ring: 16 data pages (64 KiB) per thread, ~1600 faults. */
#define FLT_RING_PAGES_DEF "16"

/*
 * PROCMAP_QUERY (linux/fs.h since 6.11, newer than the headers we may
 * build with): one mapping of /proc/PID/maps by address, as an ioctl on
 * that file. The layout is the kernel's ABI.
 */
struct fault_vma_query {
	uint64_t size;
	uint64_t query_flags;
	uint64_t query_addr;
	uint64_t vma_start;
	uint64_t vma_end;
	uint64_t vma_flags;
	uint64_t vma_page_size;
	uint64_t vma_offset;
	uint64_t inode;
	uint32_t dev_major;
	uint32_t dev_minor;
	uint32_t vma_name_size;
	uint32_t build_id_size;
	uint64_t vma_name_addr;
	uint64_t build_id_addr;
};

#define FLT_PROCMAP_QUERY  _IOWR('f', 17, struct fault_vma_query)
#define FLT_VMA_READABLE   0x01
#define FLT_VMA_WRITABLE   0x02
#define FLT_VMA_EXECUTABLE 0x04
#define FLT_VMA_NAME_MAX   4096

/* One line of /proc/PID/maps. */
struct fault_region {
	uint64_t start, end;
	uint32_t prot;
	uint32_t kind;	  /* enum cpd_region_kind */
	const char *name; /* in the proc's text or names; "" for anonymous */
};

/* A process (thread group): its address-space view and its totals. */
struct fault_proc {
	int32_t pid;
	char comm[16];
	bool alive;
	bool stale;		/* maps changed since we read them */
	uint64_t reread_seq;	/* drain that last read them on a miss */
	struct fault_region *r; /* sorted by start */
	size_t n, rcap;
	char *text; /* the maps as read, names cut out in place */
	size_t tcap;
	char **names; /* of regions learnt one at a time, kept to the end */
	size_t nnames, capnames;
	int mapsfd; /* /proc/PID/maps while the process lives, or -1 */
	uint64_t faults;
	uint64_t pages;
};

/* Faults of one task in one region, waiting to be published. */
struct fault_group {
	uint32_t count;
	uint32_t flags;
	uint64_t addr;
	uint64_t last_page;
	uint64_t first_ns, last_ns;
	/* in the process' current view; NULL: outside every region */
	const struct fault_region *reg;
};

/*
 * One traced task and its perf event; or a per-CPU ring inherited by
 * every task of the command (inherited, tid < 0), whose samples go to a
 * task of their own with no event (fd < 0).
 */
struct fault_task {
	int32_t tid, pid;
	int fd;
	bool watched;
	bool inherited;
	struct perf_event_mmap_page *mp;
	size_t mlen;
	uint64_t lost;	     /* not yet published */
	uint64_t seen;	     /* samples read from the ring */
	uint64_t lost_total; /* lost, published or not */
	struct fault_group g;
};

struct fault {
	/* options, written by host->apply_options */
	bool major;
	uint64_t ring_pages;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t page;
	bool disabled;	     /* perf is not usable: we only say so */
	bool exclude_kernel; /* what perf_event_paranoid lets us do */
	bool inherit;	     /* per-CPU rings inherited from the command */
	bool noted_mmap;
	bool no_query;	    /* no PROCMAP_QUERY: read the whole maps */
	uint64_t drain_seq; /* counts drains, to bound re-reads */

	struct fault_task **t;
	size_t nt, tcap;
	struct fault_proc **p;
	size_t np, pcap;

	/* totals for the report */
	uint64_t faults, pages, lost;
	uint64_t by_kind[5]; /* indexed by enum cpd_region_kind */
};

static const struct cpd_option fault_options[] = {
	{ .name = "major",
	  .type = CPD_OPT_BOOL,
	  .def = "no",
	  .offset = offsetof(struct fault, major),
	  .help = "sample major faults (ones that read from disk) instead of minor ones" },
	{ .name = "ring_pages",
	  .type = CPD_OPT_UINT,
	  .def = FLT_RING_PAGES_DEF,
	  .offset = offsetof(struct fault, ring_pages),
	  .min = 1,
	  .max = 4096,
	  .help = "perf ring size per thread in pages (rounded up to a power of two)" },
	CPD_OPTION_END
};

/* The calls that change the layout; i386's mmap2 as the mmap analyzer. */
static const char *const fault_syscalls[] = { "brk",	       "mmap",
					      "munmap",	       "mremap",
					      "mmap2",	       "mprotect",
					      "pkey_mprotect", NULL };

/* ---- processes and their maps -------------------------------------- */

static struct fault_proc *fault_proc_find(struct fault *f, int32_t pid)
{
	size_t i;

	for (i = 0; i < f->np; i++)
		if (f->p[i]->pid == pid)
			return f->p[i];
	return NULL;
}

static struct fault_proc *fault_proc_get(struct fault *f, int32_t pid)
{
	struct fault_proc *p = fault_proc_find(f, pid), **np;

	if (p)
		return p;
	if (f->np == f->pcap) {
		size_t cap = f->pcap ? f->pcap * 2 : 16;

		np = realloc(f->p, cap * sizeof(*np));
		if (!np)
			return NULL;
		f->p = np;
		f->pcap = cap;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->pid = pid;
	p->alive = true;
	p->stale = true;
	p->mapsfd = -1;
	f->p[f->np++] = p;
	return p;
}

static void fault_maps_close(struct fault_proc *p)
{
	if (p->mapsfd >= 0)
		close(p->mapsfd);
	p->mapsfd = -1;
}

static void fault_regions_free(struct fault_proc *p)
{
	size_t i;

	fault_maps_close(p);
	free(p->r);
	free(p->text);
	for (i = 0; i < p->nnames; i++)
		free(p->names[i]);
	free(p->names);
	p->r = NULL;
	p->text = NULL;
	p->names = NULL;
	p->n = p->rcap = p->tcap = p->nnames = p->capnames = 0;
}

static uint32_t fault_kind(const char *name)
{
	if (!*name || !strncmp(name, "[anon", 5))
		return CPD_REGION_ANON;
	if (!strcmp(name, "[heap]"))
		return CPD_REGION_HEAP;
	if (!strncmp(name, "[stack", 6))
		return CPD_REGION_STACK;
	if (*name == '/')
		return CPD_REGION_FILE;
	return CPD_REGION_UNKNOWN; /* [vdso], [vvar], ... */
}

/* Skip n space-separated fields of a maps line. */
static char *fault_skip(char *s, int n)
{
	while (n-- > 0) {
		s += strcspn(s, " \n");
		s += strspn(s, " ");
	}
	return s;
}

/*
 * Parse one line of /proc/PID/maps ("start-end perms offset dev inode
 * name"), cutting the name out in place. Returns the next line.
 */
static char *fault_parse_line(char *line, struct fault_region *r, bool *ok)
{
	char *end = strchr(line, '\n'), *q;

	if (end)
		*end++ = '\0';
	else
		end = line + strlen(line);
	r->start = strtoull(line, &q, 16);
	*ok = *q == '-';
	if (!*ok)
		return end;
	r->end = strtoull(q + 1, &q, 16);
	*ok = *q == ' ' && strlen(q) >= 5;
	if (!*ok)
		return end;
	r->prot = (q[1] == 'r' ? PROT_READ : 0) |
		  (q[2] == 'w' ? PROT_WRITE : 0) |
		  (q[3] == 'x' ? PROT_EXEC : 0);
	r->name = fault_skip(q + 1, 4);
	r->kind = fault_kind(r->name);
	return end;
}

/*
 * Read /proc/PID/maps into p->r. This runs at every brk/mmap/munmap/
 * mremap of a traced process, so it reads the file in one go into a
 * buffer kept between reads, and the regions point into it: no
 * allocation per line. If the process is gone, the old view stays:
 * nothing can have been mapped since its last change we saw.
 */
static void fault_maps_read(struct fault_proc *p)
{
	char path[64];
	size_t len = 0, n = 0;
	char *line;
	ssize_t got;
	int fd = p->mapsfd;

	/* kept open for the queries; after an exec, the new image's */
	if (fd < 0) {
		snprintf(path, sizeof(path), "/proc/%d/maps", p->pid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	} else if (lseek(fd, 0, SEEK_SET) < 0) {
		fault_maps_close(p);
		fd = -1;
	}
	if (fd < 0) {
		/* gone: keep what we had, and stop asking */
		p->stale = false;
		p->alive = false;
		return;
	}
	p->mapsfd = fd;
	for (;;) {
		if (p->tcap - len < 4096) {
			size_t cap = p->tcap ? p->tcap * 2 : 16384;
			char *t = realloc(p->text, cap);

			if (!t)
				break;
			p->text = t;
			p->tcap = cap;
		}
		got = read(fd, p->text + len, p->tcap - len - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	p->stale = false;
	if (!p->text)
		return;
	p->text[len] = '\0';
	for (line = p->text; *line;) {
		bool ok;

		if (n == p->rcap) {
			size_t cap = p->rcap ? p->rcap * 2 : 64;
			struct fault_region *r =
				realloc(p->r, cap * sizeof(*r));

			if (!r)
				break;
			p->r = r;
			p->rcap = cap;
		}
		line = fault_parse_line(line, &p->r[n], &ok);
		if (ok)
			n++;
	}
	p->n = n;
}

static const struct fault_region *fault_lookup(const struct fault_proc *p,
					       uint64_t addr)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->r[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->n && p->r[lo].start <= addr)
		return &p->r[lo];
	return NULL;
}

/* ---- the cache, a mapping at a time ------------------------------- */

/* A region's name, kept for the process' life: a few distinct ones. */
static const char *fault_name_keep(struct fault_proc *p, const char *name)
{
	size_t i;
	char *copy;

	if (!*name)
		return "";
	for (i = p->nnames; i-- > 0;)
		if (!strcmp(p->names[i], name))
			return p->names[i];
	if (p->nnames == p->capnames) {
		size_t cap = p->capnames ? p->capnames * 2 : 16;
		char **nn = realloc(p->names, cap * sizeof(*nn));

		if (!nn)
			return NULL;
		p->names = nn;
		p->capnames = cap;
	}
	copy = strdup(name);
	if (!copy)
		return NULL;
	p->names[p->nnames++] = copy;
	return copy;
}

/* Room for k more regions. */
static bool fault_regions_room(struct fault_proc *p, size_t k)
{
	struct fault_region *r;
	size_t cap;

	if (p->n + k <= p->rcap)
		return true;
	cap = p->rcap ? p->rcap * 2 : 64;
	while (cap < p->n + k)
		cap *= 2;
	r = realloc(p->r, cap * sizeof(*r));
	if (!r)
		return false;
	p->r = r;
	p->rcap = cap;
	return true;
}

/*
 * Cut [start, end) out of the cache, as munmap does to the mappings:
 * regions inside go, those across an edge are trimmed, one around it
 * is split in two. Returns false when memory ran out (the cache is then
 * stale).
 */
static bool fault_cache_cut(struct fault_proc *p, uint64_t start, uint64_t end)
{
	size_t i = 0, j;

	if (start >= end)
		return true;
	while (i < p->n && p->r[i].end <= start)
		i++;
	if (i < p->n && p->r[i].start < start && p->r[i].end > end) {
		if (!fault_regions_room(p, 1))
			return false;
		memmove(&p->r[i + 1], &p->r[i], (p->n - i) * sizeof(*p->r));
		p->n++;
		p->r[i].end = start;
		p->r[i + 1].start = end;
		return true;
	}
	if (i < p->n && p->r[i].start < start) {
		p->r[i].end = start;
		i++;
	}
	for (j = i; j < p->n && p->r[j].end <= end; j++)
		;
	if (j < p->n && p->r[j].start < end)
		p->r[j].start = end;
	memmove(&p->r[i], &p->r[j], (p->n - j) * sizeof(*p->r));
	p->n -= j - i;
	return true;
}

/* Put a region the kernel described in the cache, over what it covers. */
static const struct fault_region *
fault_cache_put(struct fault_proc *p, const struct fault_region *reg)
{
	size_t i = 0;

	if (!fault_cache_cut(p, reg->start, reg->end) ||
	    !fault_regions_room(p, 1))
		return NULL;
	while (i < p->n && p->r[i].start < reg->start)
		i++;
	memmove(&p->r[i + 1], &p->r[i], (p->n - i) * sizeof(*p->r));
	p->r[i] = *reg;
	p->n++;
	return &p->r[i];
}

/*
 * Ask the kernel for the mapping at addr and put it in the cache. NULL
 * when nothing is mapped there, or the kernel cannot say (then f->no_query
 * is set and the caller reads the whole maps).
 */
static const struct fault_region *
fault_cache_learn(struct fault *f, struct fault_proc *p, uint64_t addr)
{
	static char name[FLT_VMA_NAME_MAX];
	struct fault_vma_query q;
	struct fault_region reg;

	if (p->mapsfd < 0)
		return NULL;
	memset(&q, 0, sizeof(q));
	q.size = sizeof(q);
	q.query_addr = addr;
	q.vma_name_addr = (uint64_t)(uintptr_t)name;
	q.vma_name_size = sizeof(name);
	if (ioctl(p->mapsfd, FLT_PROCMAP_QUERY, &q) < 0) {
		/* ENOENT: nothing there; ESRCH: the process is gone */
		if (errno != ENOENT && errno != ESRCH && errno != ENAMETOOLONG)
			f->no_query = true;
		return NULL;
	}
	if (!q.vma_name_size)
		name[0] = '\0';
	reg.start = q.vma_start;
	reg.end = q.vma_end;
	reg.prot = (q.vma_flags & FLT_VMA_READABLE ? PROT_READ : 0) |
		   (q.vma_flags & FLT_VMA_WRITABLE ? PROT_WRITE : 0) |
		   (q.vma_flags & FLT_VMA_EXECUTABLE ? PROT_EXEC : 0);
	reg.name = fault_name_keep(p, name);
	if (!reg.name)
		return NULL;
	reg.kind = fault_kind(reg.name);
	return fault_cache_put(p, &reg);
}

/* Learn every mapping in [start, end) (an mprotect splits and merges). */
static void fault_cache_learn_range(struct fault *f, struct fault_proc *p,
				    uint64_t start, uint64_t end)
{
	const struct fault_region *r;

	while (start < end && (r = fault_cache_learn(f, p, start)))
		start = r->end;
}

static uint64_t fault_page_up(const struct fault *f, uint64_t len)
{
	return (len + f->page - 1) & ~(f->page - 1);
}

/*
 * A call that changed p's address space returned: bring the cache up to
 * date. The layout before it is gone, so its faults were drained first.
 */
static void fault_cache_update(struct fault *f, struct fault_proc *p,
			       const struct cpd_syscall *sc)
{
	const char *name = sc->name.ptr;
	uint64_t ret = (uint64_t)sc->ret;
	size_t i;
	bool ok = true;

	if (p->stale || f->no_query || !p->alive || p->mapsfd < 0) {
		fault_maps_read(p);
		return;
	}
	if (!strcmp(name, "mmap") || !strcmp(name, "mmap2")) {
		fault_cache_learn(f, p, ret);
	} else if (!strcmp(name, "munmap")) {
		ok = fault_cache_cut(p, sc->args[0],
				     sc->args[0] +
					     fault_page_up(f, sc->args[1]));
	} else if (!strcmp(name, "mremap")) {
		ok = fault_cache_cut(p, sc->args[0],
				     sc->args[0] +
					     fault_page_up(f, sc->args[1]));
		/* MREMAP_DONTUNMAP leaves the old range mapped */
		fault_cache_learn(f, p, sc->args[0]);
		fault_cache_learn(f, p, ret);
	} else if (!strcmp(name, "brk")) {
		/* a whole region goes: no split, nothing to allocate */
		for (i = 0; i < p->n;)
			if (p->r[i].kind == CPD_REGION_HEAP)
				fault_cache_cut(p, p->r[i].start, p->r[i].end);
			else
				i++;
		if (ret)
			fault_cache_learn(f, p, ret - 1);
	} else {
		/* mprotect, pkey_mprotect */
		uint64_t end = sc->args[0] + fault_page_up(f, sc->args[1]);

		ok = fault_cache_cut(p, sc->args[0], end);
		fault_cache_learn_range(f, p, sc->args[0], end);
	}
	if (!ok || f->no_query)
		fault_maps_read(p);
}

/* ---- publishing ---------------------------------------------------- */

static void fault_group_flush(struct fault *f, struct fault_task *t)
{
	struct fault_group *g = &t->g;
	struct fault_proc *p = fault_proc_find(f, t->pid);
	struct cpd_event ev;
	struct cpd_ev_fault *e = &ev.u.fault;

	if (!g->count)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_FAULT;
	ev.ts_ns = g->first_ns;
	ev.pid = t->pid;
	ev.tid = t->tid;
	if (p)
		ev.comm =
			report_str(p->comm, strnlen(p->comm, sizeof(p->comm)));
	e->addr = g->addr;
	e->flags = g->flags;
	e->count = g->count;
	e->last_ns = g->last_ns;
	if (g->reg) {
		e->region = g->reg->kind;
		e->prot = g->reg->prot;
		e->region_start = g->reg->start;
		e->region_end = g->reg->end;
		if (g->reg->kind == CPD_REGION_ANON && !*g->reg->name)
			e->region_name = report_str("[anon]", 6);
		else
			e->region_name =
				report_str(g->reg->name, strlen(g->reg->name));
	}
	/* a refusal is logged by the host; the totals are ours either way */
	f->host->publish(f->inst, &ev);
	g->count = 0;
	g->reg = NULL;
}

static void fault_lost_flush(struct fault *f, struct fault_task *t,
			     const char *reason)
{
	struct cpd_event ev;

	if (!t->lost)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_LOST;
	ev.pid = t->pid;
	ev.tid = t->tid;
	ev.u.lost.lost_kind = CPD_EV_FAULT;
	ev.u.lost.count = t->lost;
	ev.u.lost.reason = report_str(reason, strlen(reason));
	f->host->publish(f->inst, &ev);
	t->lost = 0;
}

/* One sampled fault of task t. */
static void fault_sample(struct fault *f, struct fault_task *t, uint64_t ns,
			 uint64_t addr)
{
	struct fault_proc *p = fault_proc_get(f, t->pid);
	const struct fault_region *reg = NULL;
	struct fault_group *g = &t->g;
	uint64_t pg = addr & ~(f->page - 1);
	bool new_page;

	if (p) {
		reg = fault_lookup(p, addr);
		/*
		 * Stale, or mapped without a call we watch: ask again. The
		 * open group borrows a region from the old view, so it goes
		 * out first.
		 */
		if (p->stale ||
		    (!reg && p->alive && p->reread_seq != f->drain_seq)) {
			fault_group_flush(f, t);
			if (p->stale || f->no_query) {
				if (!p->stale)
					p->reread_seq = f->drain_seq;
				fault_maps_read(p);
				reg = fault_lookup(p, addr);
			} else {
				reg = fault_cache_learn(f, p, addr);
				if (!reg)
					p->reread_seq = f->drain_seq;
			}
		}
	}
	if (g->count && (reg != g->reg))
		fault_group_flush(f, t);
	new_page = !g->count || pg != g->last_page;
	if (!g->count) {
		g->addr = addr;
		g->first_ns = ns;
		g->flags = f->major ? CPD_FAULTF_MAJOR : 0;
		g->reg = reg;
	}
	g->count++;
	g->last_ns = ns;
	g->last_page = pg;
	f->faults++;
	f->by_kind[reg ? reg->kind : CPD_REGION_UNKNOWN]++;
	if (new_page)
		f->pages++;
	if (p) {
		p->faults++;
		if (new_page)
			p->pages++;
	}
}

/* ---- the rings ----------------------------------------------------- */

static void fault_copy_out(const char *data, uint64_t dsz, uint64_t off,
			   void *dst, size_t len)
{
	size_t first = (size_t)(dsz - off);

	/* a record may wrap around the end of the ring */
	if (first >= len) {
		memcpy(dst, data + off, len);
	} else {
		memcpy(dst, data + off, first);
		memcpy((char *)dst + first, data, len - first);
	}
}

static struct fault_task *fault_task_find(struct fault *f, int32_t tid,
					  size_t *ip);
static void fault_task_add(struct fault *f, struct fault_task *t);

/* The task an inherited ring's sample is about: one with no event. */
static struct fault_task *fault_task_of(struct fault *f, int32_t pid,
					int32_t tid)
{
	struct fault_task *t = fault_task_find(f, tid, NULL);

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->pid = pid;
	t->tid = tid;
	t->fd = -1;
	fault_task_add(f, t);
	if (!t->tid) {
		free(t);
		return NULL;
	}
	return t;
}

/* The groups an inherited ring's drain left open. */
static void fault_flush_groups(struct fault *f)
{
	size_t i;

	for (i = 0; i < f->nt; i++)
		if (f->t[i]->fd < 0)
			fault_group_flush(f, f->t[i]);
}

/* Read everything the kernel wrote into t's ring so far. */
static void fault_drain(struct fault *f, struct fault_task *t)
{
	struct perf_event_mmap_page *mp = t->mp;
	struct fault_task *dst;
	uint64_t dsz, head, tail;
	const char *data;

	if (!mp)
		return;
	f->drain_seq++;
	data = (const char *)mp + f->page;
	dsz = f->ring_pages * f->page;
	head = __atomic_load_n(&mp->data_head, __ATOMIC_ACQUIRE);
	tail = mp->data_tail;
	while (tail < head) {
		struct perf_event_header h;
		uint64_t rec[3]; /* TID, TIME, ADDR; LOST: id, lost */

		fault_copy_out(data, dsz, tail % dsz, &h, sizeof(h));
		if (h.size < sizeof(h))
			break; /* cannot happen; do not spin on it */
		if (h.type == PERF_RECORD_SAMPLE &&
		    h.size >= sizeof(h) + 3 * sizeof(uint64_t)) {
			/* sample_type order: TID (pid, tid), TIME, ADDR */
			fault_copy_out(data, dsz, (tail + sizeof(h)) % dsz, rec,
				       3 * sizeof(uint64_t));
			/* TID is { u32 pid, u32 tid } */
			dst = t->inherited ?
				      fault_task_of(f,
						    (int32_t)(uint32_t)rec[0],
						    (int32_t)(rec[0] >> 32)) :
				      t;
			if (dst)
				fault_sample(f, dst, rec[1], rec[2]);
			t->seen++;
		} else if (h.type == PERF_RECORD_LOST &&
			   h.size >= sizeof(h) + 2 * sizeof(uint64_t)) {
			fault_copy_out(data, dsz, (tail + sizeof(h)) % dsz, rec,
				       2 * sizeof(uint64_t));
			t->lost += rec[1];
			t->lost_total += rec[1];
			f->lost += rec[1];
		}
		tail += h.size;
	}
	__atomic_store_n(&mp->data_tail, tail, __ATOMIC_RELEASE);
	if (t->inherited)
		fault_flush_groups(f);
	else
		fault_group_flush(f, t);
	fault_lost_flush(f, t, "perf ring full");
}

/*
 * After the last drain: the event's count is every fault, sampled or not.
 * The ring does not account for all of them: a LOST record still pending
 * when the ring stays full to the end is never written, and throttled
 * samples (kernel.perf_event_max_sample_rate) leave no record at all.
 * Whatever the count says beyond what was seen and reported lost is lost
 * too, so the totals never come out silently low.
 */
static void fault_reconcile(struct fault *f, struct fault_task *t)
{
	uint64_t count;

	if (t->fd < 0 || read(t->fd, &count, sizeof(count)) != sizeof(count))
		return;
	if (count <= t->seen + t->lost_total)
		return;
	count -= t->seen + t->lost_total;
	t->lost += count;
	t->lost_total += count;
	f->lost += count;
	fault_lost_flush(f, t, "perf ring full or throttled, unreported");
}

static void fault_drain_all(struct fault *f)
{
	size_t i;

	for (i = 0; i < f->nt; i++)
		fault_drain(f, f->t[i]);
}

static void fault_drain_pid(struct fault *f, int32_t pid)
{
	size_t i;

	/* an inherited ring holds every task's samples */
	if (f->inherit) {
		fault_drain_all(f);
		return;
	}
	for (i = 0; i < f->nt; i++)
		if (f->t[i]->pid == pid)
			fault_drain(f, f->t[i]);
}

static void fault_task_close(struct fault *f, struct fault_task *t)
{
	if (t->watched)
		f->host->unwatch_fd(f->inst, t->fd);
	if (t->mp)
		munmap(t->mp, t->mlen);
	if (t->fd >= 0)
		close(t->fd);
	free(t);
}

static struct fault_task *fault_task_find(struct fault *f, int32_t tid,
					  size_t *ip)
{
	size_t i;

	for (i = 0; i < f->nt; i++) {
		if (f->t[i]->tid == tid) {
			if (ip)
				*ip = i;
			return f->t[i];
		}
	}
	return NULL;
}

/* The task is gone (or detached): drain what it left, then close. */
static void fault_task_end(struct fault *f, int32_t tid)
{
	size_t i;
	struct fault_task *t = fault_task_find(f, tid, &i);

	if (!t)
		return;
	/* its last samples may be in the inherited rings */
	if (f->inherit)
		fault_drain_all(f);
	fault_drain(f, t);
	fault_group_flush(f, t);
	fault_reconcile(f, t);
	t = fault_task_find(f, tid, &i);
	f->t[i] = f->t[--f->nt];
	fault_task_close(f, t);
}

static int fault_fd_ready(void *state, int fd, uint32_t revents)
{
	struct fault *f = state;
	size_t i;

	for (i = 0; i < f->nt; i++) {
		struct fault_task *t = f->t[i];

		if (t->fd != fd)
			continue;
		fault_drain(f, t);
		/*
		 * The task exited: nothing more will come, and a hung-up fd
		 * would wake the loop forever. An inherited ring still gets
		 * the command's children's samples: flush() drains it.
		 */
		if ((revents & EPOLLHUP) && t->inherited) {
			f->host->unwatch_fd(f->inst, t->fd);
			t->watched = false;
		} else if (revents & EPOLLHUP) {
			fault_reconcile(f, t);
			f->t[i] = f->t[--f->nt];
			fault_task_close(f, t);
		}
		return 0;
	}
	return 0;
}

/* An event on task tid, or inherited by its children on one cpu (>= 0). */
static int fault_perf_open(struct fault *f, int32_t tid, int cpu,
			   bool exclude_kernel)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = PERF_TYPE_SOFTWARE;
	a.config = f->major ? PERF_COUNT_SW_PAGE_FAULTS_MAJ :
			      PERF_COUNT_SW_PAGE_FAULTS_MIN;
	a.sample_period = 1;
	a.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_ADDR;
	a.exclude_kernel = exclude_kernel;
	a.exclude_hv = 1;
	/* the bus' clock, so fault times line up with syscalls */
	a.use_clockid = 1;
	a.clockid = CLOCK_MONOTONIC;
	/* wake us at half a ring; flush() drains the rest */
	a.watermark = 1;
	a.wakeup_watermark = (uint32_t)(f->ring_pages * f->page / 2);
	/* the kernel refuses to map an inherited event on every cpu */
	a.inherit = cpu >= 0;
	return (int)syscall(SYS_perf_event_open, &a, tid, cpu, -1,
			    PERF_FLAG_FD_CLOEXEC);
}

/*
 * Append t to the tasks; on failure free it and set t->tid to 0 (callers
 * check it).
 */
static void fault_task_add(struct fault *f, struct fault_task *t)
{
	struct fault_task **nt;

	if (f->nt == f->tcap) {
		size_t cap = f->tcap ? f->tcap * 2 : 16;

		nt = realloc(f->t, cap * sizeof(*nt));
		if (!nt) {
			t->tid = 0;
			return;
		}
		f->t = nt;
		f->tcap = cap;
	}
	f->t[f->nt++] = t;
}

/*
 * A task (or an inherited ring) for event fd: its ring mapped and
 * watched, added to the tasks. Takes fd; false (fd closed) on failure.
 */
static bool fault_ring_add(struct fault *f, int fd, int32_t pid, int32_t tid,
			   bool inherited)
{
	struct fault_task *t = calloc(1, sizeof(*t));

	if (!t) {
		close(fd);
		return false;
	}
	t->tid = tid;
	t->pid = pid;
	t->fd = fd;
	t->inherited = inherited;
	t->mlen = (1 + f->ring_pages) * f->page;
	t->mp = mmap(NULL, t->mlen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (t->mp == MAP_FAILED) {
		t->mp = NULL;
		if (!f->noted_mmap) {
			f->noted_mmap = true;
			f->host->log(
				f->inst, CPD_LOG_NOTE,
				"cannot map a perf ring for task %d (%s): its page faults are not counted; raise kernel.perf_event_mlock_kb or ulimit -l, lower [fault] ring_pages, or run as root",
				pid, strerror(errno));
		}
		close(fd);
		free(t);
		return false;
	}
	fault_task_add(f, t);
	if (!t->tid) {
		fault_task_close(f, t);
		return false;
	}
	if (f->host->watch_fd(f->inst, fd, EPOLLIN, fault_fd_ready) == 0)
		t->watched = true;
	return true;
}

/* Start sampling task tid of process pid; it is stopped by the tracer. */
static void fault_task_open(struct fault *f, int32_t pid, int32_t tid)
{
	int fd;

	/* inherited rings follow every task already */
	if (f->disabled || f->inherit || fault_task_find(f, tid, NULL))
		return;
	if (!fault_proc_get(f, pid))
		return;
	fd = fault_perf_open(f, tid, -1, f->exclude_kernel);
	if (fd < 0) {
		/* gone already (ESRCH) is normal for short-lived tasks */
		if (errno != ESRCH)
			f->host->log(f->inst, CPD_LOG_DEBUG,
				     "perf_event_open on task %d: %s", tid,
				     strerror(errno));
		return;
	}
	fault_ring_add(f, fd, pid, tid, false);
}

/*
 * The command is held before it runs (CPD_PROC_START): one ring per CPU,
 * inherited by every task it will make, follows them all from their first
 * instruction, with no stop needed to open an event per task. Samples
 * carry their task; a ring's tid is minus one minus its cpu. Without
 * them, an event per task as it is seen.
 */
static void fault_rings_open(struct fault *f, int32_t pid)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF);
	int cpu, fd, opened = 0;

	if (f->disabled || f->inherit)
		return;
	for (cpu = 0; cpu < ncpu; cpu++) {
		fd = fault_perf_open(f, pid, cpu, f->exclude_kernel);
		if (fd < 0) {
			f->host->log(f->inst, CPD_LOG_DEBUG,
				     "perf_event_open inherited on cpu %d: %s",
				     cpu, strerror(errno));
			continue;
		}
		opened += fault_ring_add(f, fd, pid, -1 - cpu, true);
	}
	f->inherit = opened > 0;
}

/* Every thread of an attached process; only its leader gets an event. */
static void fault_open_threads(struct fault *f, int32_t pid)
{
	char dir[64];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	d = opendir(dir);
	if (!d) {
		fault_task_open(f, pid, pid);
		return;
	}
	while ((de = readdir(d))) {
		long tid = strtol(de->d_name, NULL, 10);

		if (tid > 0)
			fault_task_open(f, pid, (int32_t)tid);
	}
	closedir(d);
}

/* ---- events -------------------------------------------------------- */

static void fault_set_comm(struct fault_proc *p, const struct cpd_str *comm)
{
	size_t n;

	if (!p || !comm->ptr)
		return;
	n = comm->len < sizeof(p->comm) - 1 ? comm->len : sizeof(p->comm) - 1;
	memcpy(p->comm, comm->ptr, n);
	p->comm[n] = '\0';
}

static void fault_proc_event(struct fault *f, const struct cpd_event *ev)
{
	const struct cpd_ev_proc *pr = &ev->u.proc;
	struct fault_proc *p;
	struct fault_task *t;

	switch (pr->op) {
	case CPD_PROC_START:
		p = fault_proc_get(f, ev->pid);
		fault_set_comm(p, &ev->comm);
		fault_rings_open(f, ev->pid);
		break;
	case CPD_PROC_SPAWN_PROCESS:
		p = fault_proc_get(f, pr->child_pid);
		if (p) {
			/*
			 * A reused pid is a new process. Read its maps now,
			 * while it is held: it may be reaped before its
			 * faults are drained.
			 */
			p->alive = true;
			fault_maps_close(p);
			fault_maps_read(p);
			fault_set_comm(p, &ev->comm);
		}
		fault_task_open(f, pr->child_pid, pr->child_tid);
		break;
	case CPD_PROC_SPAWN_THREAD:
		fault_task_open(f, pr->child_pid, pr->child_tid);
		break;
	case CPD_PROC_EXEC:
		p = fault_proc_get(f, ev->pid);
		if (p) {
			/* what ran before was the old image's */
			fault_drain_pid(f, ev->pid);
			fault_maps_close(p);
			fault_maps_read(p);
			fault_set_comm(p, &ev->comm);
		}
		/*
		 * A non-leader exec took the leader's tid: the event we had
		 * under that tid watched the old leader, now gone.
		 */
		t = fault_task_find(f, ev->tid, NULL);
		if (t && pr->old_tid)
			fault_task_end(f, ev->tid);
		/* the spawned command: its first stop we can use */
		fault_task_open(f, ev->pid, ev->tid);
		break;
	case CPD_PROC_ATTACH:
		p = fault_proc_get(f, ev->pid);
		if (p)
			fault_maps_read(p);
		fault_set_comm(p, &ev->comm);
		fault_open_threads(f, ev->pid);
		break;
	case CPD_PROC_EXIT:
	case CPD_PROC_DETACH:
		/*
		 * Also the execing thread of a non-leader exec: it takes the
		 * leader's tid, and EXEC opens a new event under that tid.
		 */
		fault_task_end(f, ev->tid);
		if (pr->flags & CPD_PROCF_GROUP_EXIT) {
			p = fault_proc_find(f, ev->pid);
			if (p) {
				p->alive = false;
				fault_maps_close(p);
			}
		}
		break;
	default:
		break;
	}
}

static int fault_on_event(void *state, const struct cpd_event *ev)
{
	struct fault *f = state;
	struct fault_proc *p;

	if (f->disabled)
		return 0;
	if (ev->kind == CPD_EV_PROC) {
		fault_proc_event(f, ev);
		return 0;
	}
	if (ev->kind != CPD_EV_SYSCALL)
		return 0;
	/*
	 * The address space just changed: attribute what was sampled so
	 * far with the layout it happened in, then read the new one while
	 * the caller is stopped.
	 */
	fault_drain_pid(f, ev->pid);
	p = fault_proc_get(f, ev->pid);
	if (p && !ev->u.syscall.err && ev->u.syscall.name.ptr)
		fault_cache_update(f, p, &ev->u.syscall);
	return 0;
}

/* ---- reports ------------------------------------------------------- */

static int fault_cmp_proc(const void *a, const void *b)
{
	const struct fault_proc *x = *(const struct fault_proc *const *)a;
	const struct fault_proc *y = *(const struct fault_proc *const *)b;

	if (x->faults != y->faults)
		return x->faults < y->faults ? 1 : -1;
	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

static int fault_flush(void *state)
{
	struct fault *f = state;

	if (!f->disabled)
		fault_drain_all(f);
	return 0;
}

#define FAULT_COUNT(key, label, help)                                       \
	REPORT_KEY(key, label, CPD_KV_U64, CPD_UNIT_COUNT, CPD_RKF_SUMMARY, \
		   NULL, help)

/* What fault_stop() publishes; outputs lay it out from this alone. */
static const struct cpd_report_key fault_total_keys[] = {
	FAULT_COUNT("faults", "Faults", "page faults of the traced tasks"),
	FAULT_COUNT("pages", "Pages",
		    "pages faulted on, once per run of faults on a page"),
	REPORT_KEY("bytes", "Touched", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL, "pages times the page size"),
	FAULT_COUNT("heap_faults", "In the heap", "faults in the brk heap"),
	FAULT_COUNT("anon_faults", "In anonymous mappings",
		    "faults in anonymous mappings"),
	FAULT_COUNT("file_faults", "In file mappings",
		    "faults in mapped files"),
	FAULT_COUNT("stack_faults", "On the stack", "faults on a stack"),
	FAULT_COUNT("other_faults", "Elsewhere (vdso, unmapped)",
		    "faults in no region the analyzer knew"),
	FAULT_COUNT("lost", "Lost samples (ring full, throttled)",
		    "faults perf could not hand over"),
};

static const struct cpd_report_key fault_proc_keys[] = {
	REPORT_KEY("pid", "PID", CPD_KV_U64, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY | CPD_RKF_KEY, NULL, "the process"),
	REPORT_KEY("comm", "Command", CPD_KV_STR, CPD_UNIT_NONE,
		   CPD_RKF_SUMMARY, NULL, "its name"),
	FAULT_COUNT("faults", "Faults", "its page faults"),
	REPORT_KEY("bytes", "Touched", CPD_KV_U64, CPD_UNIT_BYTES,
		   CPD_RKF_SUMMARY, NULL, "the pages it touched, in bytes"),
};

enum { FAULT_REP_TOTALS, FAULT_REP_PROCS };

static const struct cpd_report_desc fault_reports[] = {
	[FAULT_REP_TOTALS] = { .topic = "fault",
			       .title = "Page faults",
			       .flags = CPD_RDF_SUMMARY,
			       .order = 12,
			       .keys = fault_total_keys,
			       .nkeys = REPORT_NKEYS(fault_total_keys),
			       .help = "page faults of the traced tasks, by region" },
	[FAULT_REP_PROCS] = { .topic = "fault.processes",
			      .title = "Page faults by process",
			      .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			      .order = 41,
			      .keys = fault_proc_keys,
			      .nkeys = REPORT_NKEYS(fault_proc_keys),
			      .help = "the faults of each process that had any, the most first" },
	CPD_REPORT_END
};

static int fault_stop(void *state)
{
	struct fault *f = state;
	struct cpd_kv kv[10];
	size_t i;

	if (f->disabled)
		return 0;
	fault_drain_all(f);
	for (i = 0; i < f->nt; i++)
		fault_reconcile(f, f->t[i]);
	kv[0] = report_val_u64("faults", f->faults);
	kv[1] = report_val_u64("pages", f->pages);
	kv[2] = report_val_u64("bytes", f->pages * f->page);
	kv[3] = report_val_u64("heap_faults", f->by_kind[CPD_REGION_HEAP]);
	kv[4] = report_val_u64("anon_faults", f->by_kind[CPD_REGION_ANON]);
	kv[5] = report_val_u64("file_faults", f->by_kind[CPD_REGION_FILE]);
	kv[6] = report_val_u64("stack_faults", f->by_kind[CPD_REGION_STACK]);
	kv[7] = report_val_u64("other_faults", f->by_kind[CPD_REGION_UNKNOWN]);
	kv[8] = report_val_u64("lost", f->lost);
	report_publish_desc(f->host, f->inst, &fault_reports[FAULT_REP_TOTALS],
			    kv, 9);

	if (f->np)
		qsort(f->p, f->np, sizeof(*f->p), fault_cmp_proc);
	for (i = 0; i < f->np; i++) {
		const struct fault_proc *p = f->p[i];

		if (!p->faults)
			continue;
		kv[0] = report_val_u64("pid", (uint64_t)p->pid);
		kv[1] = report_val_text("comm", p->comm,
					strnlen(p->comm, sizeof(p->comm)));
		kv[2] = report_val_u64("faults", p->faults);
		kv[3] = report_val_u64("bytes", p->pages * f->page);
		report_publish_desc(f->host, f->inst,
				    &fault_reports[FAULT_REP_PROCS], kv, 4);
	}
	return 0;
}

/* ---- lifecycle ----------------------------------------------------- */

/*
 * Whether perf lets us sample faults, and with which exclusions: try on
 * ourselves, as the paranoid setting applies the same way to our own
 * children (at perf_event_paranoid 2, EACCES unless exclude_kernel).
 */
static void fault_probe(struct fault *f)
{
	int fd = fault_perf_open(f, 0, -1, false);
	int err;
	FILE *fp;
	int paranoid = -9;

	if (fd >= 0) {
		close(fd);
		return;
	}
	fd = fault_perf_open(f, 0, -1, true);
	if (fd >= 0) {
		close(fd);
		f->exclude_kernel = true;
		return;
	}
	err = errno;
	f->disabled = true;
	fp = fopen("/proc/sys/kernel/perf_event_paranoid", "re");
	if (fp) {
		if (fscanf(fp, "%d", &paranoid) != 1)
			paranoid = -9;
		fclose(fp);
	}
	if (err == ENOENT || err == ENOSYS || err == EOPNOTSUPP)
		f->host->log(
			f->inst, CPD_LOG_NOTE,
			"page faults are not counted: this kernel has no software perf events (%s)",
			strerror(err));
	else if (paranoid > -9)
		f->host->log(
			f->inst, CPD_LOG_NOTE,
			"page faults are not counted: perf_event_open is not permitted (%s, kernel.perf_event_paranoid is %d); run as root or allow it with sysctl kernel.perf_event_paranoid=1",
			strerror(err), paranoid);
	else
		f->host->log(
			f->inst, CPD_LOG_NOTE,
			"page faults are not counted: perf_event_open is not permitted (%s); run as root or allow it with sysctl kernel.perf_event_paranoid=1",
			strerror(err));
}

static int fault_start(void *state)
{
	struct fault *f = state;

	/* a missing permission is a note, never a failed session */
	fault_probe(f);
	return 0;
}

/* What the options do not say, and the ring size made one perf takes. */
static int fault_setup(void *state)
{
	struct fault *f = state;
	long page = sysconf(_SC_PAGESIZE);
	uint64_t n = 1;

	/* the tracees share our kernel, so they share our page size */
	f->page = page > 0 && !(page & (page - 1)) ? (uint64_t)page : 4096;
	/* perf wants a power-of-two data area */
	while (n < f->ring_pages)
		n <<= 1;
	f->ring_pages = n;
	return 0;
}

static void fault_release(void *state)
{
	struct fault *f = state;
	size_t i;

	for (i = 0; i < f->nt; i++)
		fault_task_close(f, f->t[i]);
	free(f->t);
	for (i = 0; i < f->np; i++) {
		fault_regions_free(f->p[i]);
		free(f->p[i]);
	}
	free(f->p);
}

static const struct instance_type fault_type =
	INSTANCE_TYPE(struct fault, fault_setup, fault_release);

static int fault_init(struct cpd_instance *inst, const struct cpd_host *host,
		      void **statep)
{
	return instance_init(&fault_type, inst, host, statep);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_ANALYZER, .name = "fault", .version = "1.0",
		.description =
			"page faults of every traced thread (perf sampling), by region and process",
		.subscribe = CPD_EVMASK(CPD_EV_SYSCALL) |
			     CPD_EVMASK(CPD_EV_PROC),
		.syscall_classes = 0, .syscalls = fault_syscalls,
		.publishes = CPD_EVMASK(CPD_EV_FAULT) |
			     CPD_EVMASK(CPD_EV_LOST) |
			     CPD_EVMASK(CPD_EV_REPORT),
		/*
		 * Regions come from /proc/PID/maps, read at the stops of the
		 * calls that change them; without stops (the eBPF engine) it is
		 * read later, and a process that exited has none: its faults
		 * are counted, not placed. auto picks ptrace for it.
		 */
		.flags = CPD_PF_SINGLETON | CPD_PF_PTRACE,
		.options = fault_options, .init = fault_init,
		.start = fault_start, .on_event = fault_on_event,
		.flush = fault_flush, .stop = fault_stop, .fini = instance_fini,
		.reports = fault_reports, );
