// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * perfetto: a Chrome Trace Event file (JSON array format) that
 * ui.perfetto.dev and chrome://tracing open. Documented in
 * doc/outputs.md:
 *
 *  - "M" process_name/thread_name metadata for every task seen, again
 *    when its name changes (exec);
 *  - syscalls (when subscribed: -v or events = syscall) as "X" slices
 *    from entry to exit, with the strace-style call in args;
 *  - domain events (proc, file, net, mmap, fault, lost, custom kinds) as
 *    thread-scoped "i" instants named "<kind>:<type>", fields in args;
 *  - "C" counters "memory" (heap_bytes, mapped_bytes) per process;
 *  - scheduler and block-I/O latencies as async "b"/"e" slices, which
 *    the viewers draw on tracks of their own;
 *  - every task's lifetime as a "B"/"E" slice on its own track, from its
 *    spawn (or first sight) to its exit (or the end of tracing), under
 *    which its syscall slices nest;
 *  - an "s"/"f" flow arrow from a fork or clone to the child's first
 *    event; both ends lie in a slice (the lifetimes, the clone's syscall
 *    slice with -v), which is what the viewers attach arrows to.
 * Timestamps are microseconds since the start of tracing, with ns
 * precision. The array format needs no closing bracket, so the file stays
 * usable when compendium is killed; it is closed when tracing ends.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <compendium/compendium.h>

#include "lib/escape.h"
#include "lib/evfield.h"
#include "lib/evjson.h"
#include "lib/instance.h"
#include "lib/outfile.h"

#define PF_IOBUF (1u << 20)
#define PF_HEAD                                                           \
	"[\n{\"ph\":\"M\",\"pid\":0,\"tid\":0,\"name\":\"process_name\"," \
	"\"args\":{\"name\":\"compendium\"}}"

struct perfetto_task {
	int32_t tid;
	int32_t pid;
	bool flow_pending; /* a spawn arrow waits for its first event */
	bool named;	   /* its name metadata is written */
	bool alive;	   /* its lifetime slice is open ("B" written) */
	bool ended;	   /* and closed: a tid seen again is a new task */
	uint64_t spawn_ts; /* when its parent spawned it, 0 if unseen */
	char comm[32];
	/*
	 * Its process events (exec, spawn, exit), which the core publishes
	 * while a syscall is in progress: the syscall's slice, which starts
	 * earlier, is delivered only at its exit, and is written first.
	 * Analyzer events come after their syscall and are not held.
	 */
	struct escape_buf pending;
	uint64_t pending_ts;  /* time of the first held record */
	uint64_t pending_seq; /* and the seq of its event */
};

struct perfetto {
	const char *path;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	uint64_t start_ns;
	/*
	 * [core] deterministic: a record's ts is the seq of the event it
	 * comes from (cur_seq), in microseconds, and durations are 0, so
	 * golden files hold no clock yet each track keeps its order.
	 */
	bool deterministic;
	uint64_t cur_seq;
	struct outfile out;
	bool syscalls; /* syscall slices are being delivered */
	uint64_t next_id;
	struct perfetto_task *tasks;
	size_t ntasks, cap;
	struct escape_buf line;
	struct evjson_keys keys; /* of the args, made once */
	/* the event whose args are being written: its kind's fields */
	uint32_t kind;
	const struct cpd_field *fields;
	uint32_t nfields;
};

static const struct cpd_option perfetto_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .flags = CPD_OPTF_REQUIRED,
	  .offset = offsetof(struct perfetto, path),
	  .help = "Chrome/Perfetto trace file to write (JSON)" },
	CPD_OPTION_END
};

static int perfetto_start(void *state)
{
	struct perfetto *p = state;
	int rc;

	p->start_ns = p->host->run_info(p->inst)->start_ns;
	p->deterministic = p->host->run_info(p->inst)->deterministic;
	rc = outfile_open(&p->out, p->host, p->inst, p->path, PF_IOBUF, 0);
	if (rc < 0)
		return rc;
	/* every record after this one starts with ",\n" */
	return outfile_write(&p->out, PF_HEAD, strlen(PF_HEAD));
}

/* Start a record: the separator, then the common keys. */
/* ns as microseconds with three decimals: "12.345" */
static void perfetto_us(struct perfetto *p, uint64_t ns)
{
	char frac[4];

	escape_u64(&p->line, ns / 1000);
	frac[0] = '.';
	frac[1] = (char)('0' + ns % 1000 / 100);
	frac[2] = (char)('0' + ns % 100 / 10);
	frac[3] = (char)('0' + ns % 10);
	escape_put(&p->line, frac, 4);
}

/* ,"key": for keys of our own (no quote or backslash in them) */
static void perfetto_key(struct perfetto *p, const char *key)
{
	escape_puts(&p->line, ",\"");
	escape_puts(&p->line, key);
	escape_puts(&p->line, "\":");
}

static void perfetto_begin(struct perfetto *p, const char *ph, int32_t pid,
			   int32_t tid, uint64_t ts_ns)
{
	int64_t rel = (int64_t)(ts_ns - p->start_ns);

	if (rel < 0)
		rel = 0;
	/* metadata is timeless; everything else is ordered by seq */
	if (p->deterministic)
		rel = strcmp(ph, "M") ? (int64_t)p->cur_seq * 1000 : 0;
	escape_puts(&p->line, ",\n{\"ph\":\"");
	escape_puts(&p->line, ph);
	escape_puts(&p->line, "\",\"pid\":");
	escape_s64(&p->line, pid);
	escape_puts(&p->line, ",\"tid\":");
	escape_s64(&p->line, tid);
	escape_puts(&p->line, ",\"ts\":");
	perfetto_us(p, (uint64_t)rel);
}

static void perfetto_str(struct perfetto *p, const char *key, const char *s,
			 size_t n)
{
	perfetto_key(p, key);
	escape_json_str(&p->line, s ? s : "", s ? n : 0);
}

static void perfetto_dur(struct perfetto *p, const char *key, uint64_t ns)
{
	if (p->deterministic)
		ns = 0;
	perfetto_key(p, key);
	perfetto_us(p, ns);
}

static struct perfetto_task *perfetto_task(struct perfetto *p, int32_t pid,
					   int32_t tid, bool *is_new)
{
	size_t i;

	*is_new = false;
	for (i = p->ntasks; i-- > 0;)
		if (p->tasks[i].tid == tid)
			return &p->tasks[i];
	if (p->ntasks == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct perfetto_task *t = realloc(p->tasks, cap * sizeof(*t));

		if (!t)
			return NULL;
		p->tasks = t;
		p->cap = cap;
	}
	memset(&p->tasks[p->ntasks], 0, sizeof(p->tasks[0]));
	p->tasks[p->ntasks].tid = tid;
	p->tasks[p->ntasks].pid = pid;
	*is_new = true;
	return &p->tasks[p->ntasks++];
}

/* Name metadata for a task seen for the first time or renamed. */
static void perfetto_names(struct perfetto *p, const struct cpd_event *ev,
			   struct perfetto_task *t, bool is_new)
{
	size_t n = ev->comm.ptr ? ev->comm.len : 0;

	if (n >= sizeof(t->comm))
		n = sizeof(t->comm) - 1;
	(void)is_new;
	if (t->named && strlen(t->comm) == n &&
	    (!n || !memcmp(t->comm, ev->comm.ptr, n)))
		return;
	if (n)
		memcpy(t->comm, ev->comm.ptr, n);
	t->comm[n] = '\0';
	t->pid = ev->pid;
	t->named = true;
	if (ev->pid == ev->tid) {
		perfetto_begin(p, "M", ev->pid, ev->tid, p->start_ns);
		escape_puts(&p->line, ",\"name\":\"process_name\",\"args\":{");
		escape_puts(&p->line, "\"name\":");
		escape_json_str(&p->line, t->comm, n);
		escape_puts(&p->line, "}}");
	}
	perfetto_begin(p, "M", ev->pid, ev->tid, p->start_ns);
	escape_puts(&p->line, ",\"name\":\"thread_name\",\"args\":{\"name\":");
	escape_json_str(&p->line, t->comm, n);
	escape_puts(&p->line, "}}");
}

/*
 * Open a task's lifetime slice, on its first record: from its spawn when
 * that was seen, else from now. Its own track then starts with it, so
 * everything after on the track nests under it.
 */
static void perfetto_born(struct perfetto *p, struct perfetto_task *t,
			  uint64_t ts)
{
	/* after its exit a task gets no new life, but a new task of its tid */
	if (t->alive || t->ended)
		return;
	t->alive = true;
	perfetto_begin(p, "B", t->pid, t->tid,
		       t->spawn_ts && t->spawn_ts < ts ? t->spawn_ts : ts);
	escape_printf(&p->line,
		      ",\"name\":\"%s\",\"cat\":\"lifetime\",\"args\":"
		      "{\"pid\":%d,\"tid\":%d}}",
		      t->pid == t->tid ? "process" : "thread", t->pid, t->tid);
}

/* Close it: at its exit (with how it ended) or when tracing ends. */
static void perfetto_died(struct perfetto *p, struct perfetto_task *t,
			  uint64_t ts, const struct cpd_ev_proc *exit)
{
	if (!t->alive)
		return;
	t->alive = false;
	t->ended = true;
	perfetto_begin(p, "E", t->pid, t->tid, ts);
	if (exit)
		escape_printf(&p->line,
			      ",\"args\":{\"exit_code\":%d,\"signal\":%d}}",
			      exit->exit_code, exit->signal);
	else
		escape_puts(&p->line, ",\"args\":{\"running\":true}}");
}

static void perfetto_arg(void *ctx, const struct evfield *v)
{
	struct perfetto *p = ctx;
	const char *key;

	/* nth is the field's index when the walk left none out */
	if (p->fields && v->nth < p->nfields &&
	    v->field == &p->fields[v->nth] &&
	    (key = evjson_keys_get(&p->keys, p->kind, p->fields, p->nfields,
				   v->nth))) {
		/* the key's comma only between two args */
		evjson_value_keyed(&p->line, v, v->nth ? key : key + 1,
				   EVJSON_FLAT);
		return;
	}
	evjson_value(&p->line, v, v->nth ? "," : "", v->field->name,
		     EVJSON_FLAT);
}

/* The fields of an event as the args object (flat, as the viewers list them). */
static void perfetto_args(struct perfetto *p, const struct cpd_event *ev)
{
	escape_puts(&p->line, ",\"args\":{");
	p->kind = ev->kind;
	p->fields = p->host->event_fields(ev->kind, &p->nfields);
	evfield_walk(p->host, ev, 0, perfetto_arg, p);
	escape_putc(&p->line, '}');
}

/* "file:open": the kind and its key enum. */
static void perfetto_name(struct perfetto *p, const struct cpd_event *ev)
{
	const char *kind = p->host->event_kind_name(ev->kind);
	const struct cpd_field *f;
	struct evfield v;
	char buf[256];

	snprintf(buf, sizeof(buf), "%s", kind ? kind : "event");
	f = evfield_key(p->host, ev->kind, EVFIELD_TYPE(CPD_FT_ENUM));
	if (f && evfield_decode(p->host, ev, f, &v))
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), ":%s",
			 v.name);
	escape_puts(&p->line, ",\"name\":");
	escape_json_str(&p->line, buf, strlen(buf));
	perfetto_str(p, "cat", kind ? kind : "event", kind ? strlen(kind) : 5);
}

static void perfetto_syscall(struct perfetto *p, const struct cpd_event *ev)
{
	const struct cpd_syscall *sc = &ev->u.syscall;
	uint64_t enter = sc->enter_ns ? sc->enter_ns : ev->ts_ns;
	uint64_t exit = sc->exit_ns > enter ? sc->exit_ns : enter;
	char small[1024];
	size_t need;

	perfetto_begin(p, "X", ev->pid, ev->tid, enter);
	perfetto_str(p, "name", sc->name.ptr, sc->name.len);
	escape_puts(&p->line, ",\"cat\":\"syscall\"");
	perfetto_dur(p, "dur", exit - enter);
	escape_puts(&p->line, ",\"args\":{\"call\":");
	need = p->host->format_syscall(ev, small, sizeof(small));
	if (need < sizeof(small)) {
		escape_json_str(&p->line, small, need);
	} else {
		char *big = malloc(need + 1);

		if (big) {
			p->host->format_syscall(ev, big, need + 1);
			escape_json_str(&p->line, big, need);
			free(big);
		} else {
			escape_json_str(&p->line, small, sizeof(small) - 1);
		}
	}
	escape_printf(&p->line, ",\"nr\":%d,\"ret\":", sc->nr);
	escape_json_s64(&p->line, sc->ret);
	escape_printf(&p->line, ",\"errno\":%d}}", sc->err);
}

/* An async slice [start, end] on a track of its own. */
static void perfetto_async(struct perfetto *p, const struct cpd_event *ev,
			   uint64_t start, uint64_t end)
{
	uint64_t id = ++p->next_id;

	perfetto_begin(p, "b", ev->pid, ev->tid, start);
	perfetto_name(p, ev);
	escape_printf(&p->line, ",\"id\":%" PRIu64, id);
	perfetto_args(p, ev);
	escape_putc(&p->line, '}');
	perfetto_begin(p, "e", ev->pid, ev->tid, end);
	perfetto_name(p, ev);
	escape_printf(&p->line, ",\"id\":%" PRIu64 "}", id);
}

static void perfetto_instant(struct perfetto *p, const struct cpd_event *ev)
{
	perfetto_begin(p, "i", ev->pid, ev->tid, ev->ts_ns);
	perfetto_name(p, ev);
	escape_puts(&p->line, ",\"s\":\"t\"");
	perfetto_args(p, ev);
	escape_putc(&p->line, '}');
}

static struct perfetto_task *perfetto_find(struct perfetto *p, int32_t tid)
{
	size_t i;

	for (i = p->ntasks; i-- > 0;)
		if (p->tasks[i].tid == tid)
			return &p->tasks[i];
	return NULL;
}

/*
 * Move the thread-track records built since mark (at time ts) to the
 * task's pending buffer, while syscall slices are delivered (see struct
 * perfetto_task).
 */
static void perfetto_hold(struct perfetto *p, struct perfetto_task *t,
			  size_t mark, uint64_t ts)
{
	if (!t || !p->syscalls || mark > p->line.len)
		return;
	if (!t->pending.len) {
		t->pending_ts = ts;
		t->pending_seq = p->cur_seq;
	}
	escape_put(&t->pending, p->line.p + mark, p->line.len - mark);
	p->line.len = mark;
	if (t->pending.oom)
		p->line.oom = true;
}

static int perfetto_on_event(void *state, const struct cpd_event *ev)
{
	struct perfetto *p = state;
	uint64_t ts = ev->ts_ns;
	struct perfetto_task *t = NULL;
	size_t mark = 0;
	bool is_new;

	if (!p->out.fp || p->out.failed || ev->kind == CPD_EV_REPORT ||
	    ev->kind == CPD_EV_NOTICE)
		return 0;
	escape_reset(&p->line);
	p->cur_seq = ev->seq;
	if (ev->kind == CPD_EV_SYSCALL && ev->u.syscall.enter_ns)
		ts = ev->u.syscall.enter_ns;
	if (ev->tid > 0) {
		t = perfetto_task(p, ev->pid, ev->tid, &is_new);
		if (!t)
			return -ENOMEM;
		perfetto_names(p, ev, t, is_new);
		mark = p->line.len;
		/*
		 * Deterministic: a syscall's seq is given at its exit, after
		 * the process events held during it, which follow its slice
		 * on the track; the slice takes the first one's seq so that
		 * the track's ts still never go back.
		 */
		if (p->deterministic && ev->kind == CPD_EV_SYSCALL &&
		    t->pending.len && t->pending_ts >= ts &&
		    t->pending_seq < p->cur_seq)
			p->cur_seq = t->pending_seq;
		perfetto_born(p, t, ts);
		if (t->flow_pending) {
			perfetto_begin(p, "f", ev->pid, ev->tid, ts);
			escape_printf(&p->line,
				      ",\"bp\":\"e\",\"cat\":\"spawn\","
				      "\"name\":\"spawn\",\"id\":%d}",
				      ev->tid);
			t->flow_pending = false;
		}
	}
	switch (ev->kind) {
	case CPD_EV_SYSCALL:
		p->syscalls = true;
		/* held records from before the call, the slice, then those
		 * from during it */
		if (t && t->pending.len && t->pending_ts < ts) {
			escape_put(&p->line, t->pending.p, t->pending.len);
			escape_reset(&t->pending);
		}
		perfetto_syscall(p, ev);
		if (t) {
			escape_put(&p->line, t->pending.p, t->pending.len);
			escape_reset(&t->pending);
		}
		break;
	case CPD_EV_SCHED: {
		uint64_t start = ev->u.sched.runnable_ns ?
					 ev->u.sched.runnable_ns :
					 ev->ts_ns - ev->u.sched.delay_ns;

		perfetto_async(p, ev, start, start + ev->u.sched.delay_ns);
		break;
	}
	case CPD_EV_BLKIO:
		perfetto_async(p, ev, ev->ts_ns - ev->u.blkio.latency_ns,
			       ev->ts_ns);
		break;
	case CPD_EV_MMAP:
		perfetto_instant(p, ev);
		perfetto_begin(p, "C", ev->pid, ev->pid, ev->ts_ns);
		escape_puts(&p->line,
			    ",\"name\":\"memory\",\"args\":{\"heap_bytes\":");
		escape_json_u64(&p->line, ev->u.mmap.heap_bytes);
		escape_puts(&p->line, ",\"mapped_bytes\":");
		escape_json_u64(&p->line, ev->u.mmap.mapped_bytes);
		escape_puts(&p->line, "}}");
		break;
	case CPD_EV_PROC:
		perfetto_instant(p, ev);
		if ((ev->u.proc.op == CPD_PROC_SPAWN_PROCESS ||
		     ev->u.proc.op == CPD_PROC_SPAWN_THREAD) &&
		    ev->u.proc.child_tid > 0) {
			t = perfetto_task(p, ev->u.proc.child_pid,
					  ev->u.proc.child_tid, &is_new);
			if (!t)
				return -ENOMEM;
			if (!is_new && t->ended) {
				/* a tid used again: a new task on the track */
				t->pid = ev->u.proc.child_pid;
				t->named = false;
				t->ended = false;
				is_new = true;
			}
			if (is_new) {
				t->spawn_ts = ev->ts_ns;
				perfetto_begin(p, "s", ev->pid, ev->tid,
					       ev->ts_ns);
				escape_printf(&p->line,
					      ",\"cat\":\"spawn\","
					      "\"name\":\"spawn\",\"id\":%d}",
					      ev->u.proc.child_tid);
				t->flow_pending = true;
			}
		}
		t = perfetto_find(p, ev->tid);
		if (t && ev->u.proc.op == CPD_PROC_EXIT)
			perfetto_died(p, t, ev->ts_ns, &ev->u.proc);
		perfetto_hold(p, t, mark, ts);
		break;
	default:
		perfetto_instant(p, ev);
	}
	if (p->line.oom)
		return outfile_error(&p->out, ENOMEM);
	return outfile_write(&p->out, p->line.p, p->line.len);
}

static int perfetto_flush(void *state)
{
	struct perfetto *p = state;

	return outfile_flush(&p->out);
}

static uint64_t perfetto_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int perfetto_stop(void *state)
{
	struct perfetto *p = state;
	uint64_t now = perfetto_now();
	size_t i;

	for (i = 0; p->out.fp && i < p->ntasks; i++) {
		struct perfetto_task *t = &p->tasks[i];
		struct escape_buf *b = &t->pending;

		outfile_write(&p->out, b->p, b->len);
		escape_reset(b);
		/* still running: its lifetime ends with the trace */
		escape_reset(&p->line);
		perfetto_died(p, t, now, NULL);
		outfile_write(&p->out, p->line.p, p->line.len);
	}
	if (p->out.fp)
		outfile_write(&p->out, "\n]\n", 3);
	return perfetto_flush(p);
}

static void perfetto_release(void *state)
{
	struct perfetto *p = state;
	size_t i;

	outfile_close(&p->out);
	for (i = 0; i < p->ntasks; i++)
		escape_free(&p->tasks[i].pending);
	free(p->tasks);
	escape_free(&p->line);
	evjson_keys_free(&p->keys);
}

static const struct instance_type perfetto_type =
	INSTANCE_TYPE(struct perfetto, NULL, perfetto_release);

static int perfetto_init(struct cpd_instance *inst, const struct cpd_host *host,
			 void **statep)
{
	return instance_init(&perfetto_type, inst, host, statep);
}

#define PF_EVENTS                                                     \
	((CPD_EVMASK_BUILTIN &                                        \
	  ~(CPD_EVMASK(CPD_EV_NOTICE) | CPD_EVMASK(CPD_EV_REPORT))) | \
	 ~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_OUTPUT, .name = "perfetto", .version = "1.0",
		.description =
			"a Chrome Trace Event file for ui.perfetto.dev and chrome://tracing",
		.subscribe = PF_EVENTS, .flags = CPD_PF_SYSCALL_VERBOSE,
		.options = perfetto_options, .init = perfetto_init,
		.start = perfetto_start, .on_event = perfetto_on_event,
		.flush = perfetto_flush, .stop = perfetto_stop,
		.fini = instance_fini, );
