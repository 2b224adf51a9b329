// SPDX-License-Identifier: MIT
/* Copyright (c) 2026 the compendium developers */
/*
 * topfiles: the files a traced command moved the most bytes through, as
 * a table written when tracing ends. An output plugin built against the
 * SDK alone, like the tally.c analyzer; where tally reads raw syscalls,
 * this one reads the CPD_EV_FILE events the file analyzer publishes, so
 * the file analyzer must be enabled too (it is in the default
 * configuration).
 *
 * Build:   cc -shared -fPIC -fvisibility=hidden -Wl,-z,defs \
 *             $(pkg-config --cflags compendium-sdk) -o topfiles.so topfiles.c
 * Use:     [file]
 *
 *          [topfiles]
 *          limit = 20
 *          sort = written
 *          path = topfiles.txt
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/compendium.h>

enum tf_sort { TF_SORT_TOTAL, TF_SORT_READ, TF_SORT_WRITTEN };

static const char *const tf_sort_names[] = { "total", "read", "written", NULL };

struct tf_file {
	char *path; /* our copy: events are borrowed */
	uint32_t len;
	bool truncated; /* the host cut the path at its string limit */
	uint64_t read_bytes, written_bytes;
	uint64_t reads, writes;
};

struct topfiles {
	/* options, filled by the host from the [topfiles] section */
	const char *path;
	uint64_t limit;
	int32_t sort;

	const struct cpd_host *host;
	struct cpd_instance *inst;
	FILE *out;
	/* open addressing on the path bytes; cap is a power of two */
	struct tf_file **slots;
	size_t n, cap;
};

static const struct cpd_option topfiles_options[] = {
	{ .name = "path",
	  .type = CPD_OPT_PATH,
	  .def = "-",
	  .offset = offsetof(struct topfiles, path),
	  .help = "where to write the table; - is stderr" },
	{ .name = "limit",
	  .type = CPD_OPT_UINT,
	  .def = "10",
	  .offset = offsetof(struct topfiles, limit),
	  .min = 1,
	  .max = 1000000,
	  .help = "how many files to list" },
	{ .name = "sort",
	  .type = CPD_OPT_ENUM,
	  .def = "total",
	  .offset = offsetof(struct topfiles, sort),
	  .choices = tf_sort_names,
	  .help = "order by bytes read plus written, read, or written" },
	CPD_OPTION_END
};

static int topfiles_init(struct cpd_instance *inst, const struct cpd_host *host,
			 void **statep)
{
	struct topfiles *t = calloc(1, sizeof(*t));
	int rc;

	if (!t)
		return -ENOMEM;
	t->host = host;
	t->inst = inst;
	rc = host->apply_options(inst, t);
	if (rc < 0) {
		free(t);
		return rc;
	}
	*statep = t;
	return 0;
}

static int topfiles_start(void *state)
{
	struct topfiles *t = state;

	if (!strcmp(t->path, "-")) {
		t->out = stderr;
		return 0;
	}
	/* "e": close-on-exec, so the traced command does not inherit it */
	t->out = fopen(t->path, "we");
	if (!t->out) {
		int err = errno;

		t->host->log(t->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     t->path, strerror(err));
		return -err;
	}
	return 0;
}

/* FNV-1a: a path is any bytes the tracee chose, so hash them all. */
static size_t tf_hash(const char *s, size_t len)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return (size_t)h;
}

static struct tf_file **tf_slot(struct tf_file **slots, size_t cap,
				const char *s, size_t len)
{
	size_t i = tf_hash(s, len) & (cap - 1);

	while (slots[i] &&
	       (slots[i]->len != len || memcmp(slots[i]->path, s, len)))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int tf_grow(struct topfiles *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64, i;
	struct tf_file **slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < t->cap; i++)
		if (t->slots[i])
			*tf_slot(slots, cap, t->slots[i]->path,
				 t->slots[i]->len) = t->slots[i];
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return 0;
}

/* The entry for path, made on first sight; NULL when out of memory. */
static struct tf_file *tf_get(struct topfiles *t, const struct cpd_str *path)
{
	struct tf_file **slot, *f;

	/* keep the table at most 3/4 full, so probes stay short */
	if ((t->n + 1) * 4 > t->cap * 3 && tf_grow(t) < 0)
		return NULL;
	slot = tf_slot(t->slots, t->cap, path->ptr, path->len);
	if (*slot)
		return *slot;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->path = malloc(path->len ? path->len : 1);
	if (!f->path) {
		free(f);
		return NULL;
	}
	memcpy(f->path, path->ptr, path->len);
	f->len = path->len;
	f->truncated = path->flags & CPD_STR_TRUNCATED;
	*slot = f;
	t->n++;
	return f;
}

static int tf_count(struct topfiles *t, const struct cpd_str *path,
		    uint64_t bytes, uint32_t ops, bool write)
{
	struct tf_file *f;

	/* an fd whose file could not be named: nothing to list it under */
	if (!path->ptr || !path->len)
		return 0;
	f = tf_get(t, path);
	if (!f)
		return -ENOMEM;
	if (write) {
		f->written_bytes += bytes;
		f->writes += ops;
	} else {
		f->read_bytes += bytes;
		f->reads += ops;
	}
	return 0;
}

static int topfiles_on_event(void *state, const struct cpd_event *ev)
{
	struct topfiles *t = state;
	const struct cpd_ev_file *fe = &ev->u.file;
	uint32_t ops = fe->count ? fe->count : 1;
	int rc;

	/* noise (libraries, /proc) reaches outputs only with -v; leave it out */
	if (ev->kind != CPD_EV_FILE || (fe->flags & CPD_FILEF_HIDDEN))
		return 0;
	switch (fe->op) {
	case CPD_FILE_READ:
		return tf_count(t, &fe->path, fe->bytes, ops, false);
	case CPD_FILE_WRITE:
		return tf_count(t, &fe->path, fe->bytes, ops, true);
	case CPD_FILE_COPY:
	case CPD_FILE_SENDFILE:
	case CPD_FILE_SPLICE:
		/* data moved from path to path2; either may be a pipe or socket */
		rc = tf_count(t, &fe->path, fe->bytes, ops, false);
		if (rc == 0)
			rc = tf_count(t, &fe->path2, fe->bytes, ops, true);
		return rc;
	default:
		return 0;
	}
}

static uint64_t tf_key(const struct tf_file *f, int32_t sort)
{
	switch (sort) {
	case TF_SORT_READ:
		return f->read_bytes;
	case TF_SORT_WRITTEN:
		return f->written_bytes;
	default:
		return f->read_bytes + f->written_bytes;
	}
}

/*
 * qsort has no context argument; stop() sets this just before sorting.
 * Instances share it safely: callbacks never run concurrently.
 */
static int32_t tf_sort_by;

static int tf_cmp(const void *a, const void *b)
{
	const struct tf_file *x = *(const struct tf_file *const *)a;
	const struct tf_file *y = *(const struct tf_file *const *)b;
	uint64_t kx = tf_key(x, tf_sort_by), ky = tf_key(y, tf_sort_by);
	int c;

	if (kx != ky)
		return kx < ky ? 1 : -1;
	/* ties in path order, so the same run gives the same table */
	c = memcmp(x->path, y->path, x->len < y->len ? x->len : y->len);
	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

/*
 * Tracee-chosen bytes must not reach a terminal as they are: a file name
 * can hold an escape sequence or a newline that forges a table row. The
 * SDK has no service to escape a plain string (format_syscall escapes
 * only whole syscalls), so this does the minimum: printable ASCII as is,
 * a backslash doubled, every other byte (controls, DEL, and all non-ASCII,
 * valid UTF-8 too) as \xNN.
 */
static void tf_put_escaped(FILE *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\')
			fputs("\\\\", out);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, out);
		else
			fprintf(out, "\\x%02x", c);
	}
}

static int tf_width(uint64_t v, int min)
{
	char buf[24];
	int w = snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);

	return w > min ? w : min;
}

static int topfiles_stop(void *state)
{
	struct topfiles *t = state;
	struct tf_file **files;
	size_t i, k, shown;
	int wr = 4, ww = 7, wnr = 5, wnw = 6;

	files = malloc((t->n ? t->n : 1) * sizeof(*files));
	if (!files)
		return -ENOMEM;
	for (i = 0, k = 0; i < t->cap; i++)
		if (t->slots[i])
			files[k++] = t->slots[i];
	tf_sort_by = t->sort;
	qsort(files, t->n, sizeof(*files), tf_cmp);
	shown = t->n < t->limit ? t->n : (size_t)t->limit;

	fprintf(t->out, "topfiles: %zu of %zu files, by %s bytes\n", shown,
		t->n,
		t->sort == TF_SORT_TOTAL ? "total" :
		t->sort == TF_SORT_READ	 ? "read" :
					   "written");
	for (i = 0; i < shown; i++) {
		wr = tf_width(files[i]->read_bytes, wr);
		ww = tf_width(files[i]->written_bytes, ww);
		wnr = tf_width(files[i]->reads, wnr);
		wnw = tf_width(files[i]->writes, wnw);
	}
	if (shown)
		fprintf(t->out, "  %*s  %*s  %*s  %*s  PATH\n", wr, "READ", ww,
			"WRITTEN", wnr, "READS", wnw, "WRITES");
	for (i = 0; i < shown; i++) {
		const struct tf_file *f = files[i];

		fprintf(t->out, "  %*llu  %*llu  %*llu  %*llu  ", wr,
			(unsigned long long)f->read_bytes, ww,
			(unsigned long long)f->written_bytes, wnr,
			(unsigned long long)f->reads, wnw,
			(unsigned long long)f->writes);
		tf_put_escaped(t->out, f->path, f->len);
		fputs(f->truncated ? "...\n" : "\n", t->out);
	}
	free(files);
	if (fflush(t->out) || ferror(t->out)) {
		int err = errno ? errno : EIO;

		t->host->log(t->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     t->out == stderr ? "stderr" : t->path,
			     strerror(err));
		return -err;
	}
	return 0;
}

static void topfiles_fini(void *state)
{
	struct topfiles *t = state;
	size_t i;

	if (t->out && t->out != stderr)
		fclose(t->out);
	for (i = 0; i < t->cap; i++) {
		if (!t->slots[i])
			continue;
		free(t->slots[i]->path);
		free(t->slots[i]);
	}
	free(t->slots);
	free(t);
}

CPD_PLUGIN_DEFINE(
		.role = CPD_ROLE_OUTPUT, .name = "topfiles", .version = "1.0",
		.description =
			"the files with the most bytes read and written, as a table (SDK example)",
		.subscribe = CPD_EVMASK(CPD_EV_FILE),
		.options = topfiles_options, .init = topfiles_init,
		.start = topfiles_start, .on_event = topfiles_on_event,
		.stop = topfiles_stop, .fini = topfiles_fini, );
