// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "diff.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "host/optval.h"
#include "output.h"

enum {
	OPT_JSON = 256,
	OPT_MAP,
	OPT_TMPDIR,
	OPT_KEEP_TEMP,
	OPT_BYTES,
	OPT_TIME,
	OPT_TIME_MIN,
	OPT_IGNORE,
};

static const struct option diff_options[] = {
	{ "json", no_argument, NULL, OPT_JSON },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "tmpdir", required_argument, NULL, OPT_TMPDIR },
	{ "keep-temp-names", no_argument, NULL, OPT_KEEP_TEMP },
	{ "bytes-threshold", required_argument, NULL, OPT_BYTES },
	{ "time-threshold", required_argument, NULL, OPT_TIME },
	{ "time-min", required_argument, NULL, OPT_TIME_MIN },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

void diff_usage(FILE *fp)
{
	fputs("usage: compendium diff [OPTIONS] A.jsonl B.jsonl\n"
	      "\n"
	      "Compare two traces written by --json: files read and written (and\n"
	      "their bytes), programs and command lines run, network endpoints, DNS\n"
	      "names, exit statuses, findings and wall time per process. '-' reads\n"
	      "one of them from stdin.\n"
	      "\n"
	      "      --json               one JSON document for tools, not text\n"
	      "      --map OLD=NEW        read paths under OLD as under NEW, in both\n"
	      "                           traces (repeatable): two checkouts compare\n"
	      "      --tmpdir DIR         make the random part of temporary names\n"
	      "                           general under DIR too (besides /tmp, /var/tmp,\n"
	      "                           /dev/shm and $TMPDIR)\n"
	      "      --keep-temp-names    compare temporary names as they are\n"
	      "      --bytes-threshold N[%]  a byte count changes when it moves by more\n"
	      "                           than N bytes (4k, 1M) or N % (default: any)\n"
	      "      --time-threshold PCT a process's wall time changes when it moves\n"
	      "                           by PCT % (default 50) and --time-min\n"
	      "      --time-min DURATION  ... and by at least this (default 100ms)\n"
	      "      --ignore WHAT,...    leave out exit, findings, network, dns,\n"
	      "                           programs, commands, files, writes, reads,\n"
	      "                           bytes (the counts, not what appeared), time\n"
	      "  -h, --help               print this help\n"
	      "\n"
	      "Exit status: 0 the traces did the same, 1 they differ, 2 an error\n"
	      "(a file that cannot be read, a trace of another schema, bad usage).\n"
	      "A damaged trace is compared up to its damage, with a warning.\n",
	      fp);
}

/* "4k" bytes, or "5%". */
static int diff_parse_bytes(const char *arg, struct diff_opts *o)
{
	size_t len = strlen(arg);
	char *end;

	if (len && arg[len - 1] == '%') {
		errno = 0;
		o->bytes_pct = strtod(arg, &end);
		if (errno || end != arg + len - 1 || o->bytes_pct < 0 ||
		    o->bytes_pct > 100)
			return -EINVAL;
		return 0;
	}
	return optval_parse_size(arg, &o->bytes_min);
}

static int diff_parse_ignore(const char *arg, struct diff_opts *o)
{
	char **words = optval_split_list(arg, NULL), **w;
	int rc = 0;

	for (w = words; *w; w++) {
		unsigned bits = diff_cat_bits(*w);

		if (!bits) {
			log_error(
				"--ignore: unknown category '%s' (see --help)",
				*w);
			rc = -EINVAL;
		}
		o->ignore |= bits;
	}
	optval_free_list(words);
	return rc;
}

/*
 * Options into o and n; the index of the first file, 0 when --help was
 * printed, or -1.
 */
static int diff_parse(int argc, char **argv, struct diff_opts *o,
		      struct norm *n, bool *json)
{
	char why[160], *end;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", diff_options, NULL)) != -1) {
		switch (c) {
		case OPT_JSON:
			*json = true;
			break;
		case OPT_MAP:
			if (norm_add_map(n, optarg, why, sizeof(why)) < 0) {
				log_error("--map '%s': %s", optarg, why);
				return -1;
			}
			break;
		case OPT_TMPDIR:
			norm_add_tmpdir(n, optarg);
			break;
		case OPT_KEEP_TEMP:
			n->temp_names = false;
			break;
		case OPT_BYTES:
			if (diff_parse_bytes(optarg, o) < 0) {
				log_error(
					"--bytes-threshold '%s': expected a size (4k) or a percentage (5%%)",
					optarg);
				return -1;
			}
			break;
		case OPT_TIME:
			errno = 0;
			o->time_pct = strtod(optarg, &end);
			if (errno || end == optarg ||
			    (*end && strcmp(end, "%")) || o->time_pct < 0) {
				log_error(
					"--time-threshold '%s': expected a percentage",
					optarg);
				return -1;
			}
			break;
		case OPT_TIME_MIN:
			if (optval_parse_duration(optarg, &o->time_min_ns) <
			    0) {
				log_error(
					"--time-min '%s': expected a duration (100ms, 2s)",
					optarg);
				return -1;
			}
			break;
		case OPT_IGNORE:
			if (diff_parse_ignore(optarg, o) < 0)
				return -1;
			break;
		case 'h':
			diff_usage(stdout);
			return 0;
		default:
			log_error(
				"diff: unknown or incomplete option '%s' (see compendium diff --help)",
				argv[optind - 1]);
			return -1;
		}
	}
	if (argc - optind != 2) {
		log_error(
			"diff: expected two traces, A.jsonl and B.jsonl (see compendium diff --help)");
		return -1;
	}
	if (!strcmp(argv[optind], "-") && !strcmp(argv[optind + 1], "-")) {
		log_error(
			"diff: only one of the traces can be read from stdin");
		return -1;
	}
	return optind;
}

static bool diff_write(const struct escape_buf *out)
{
	if (out->oom)
		log_die("out of memory");
	if (fwrite(out->p, 1, out->len, stdout) != out->len ||
	    fflush(stdout) == EOF) {
		log_error("cannot write the comparison: %s", strerror(errno));
		return false;
	}
	return true;
}

int diff_main(int argc, char **argv)
{
	struct trace_info ia, ib;
	struct profile pa, pb;
	struct diff_result r;
	struct diff_opts o;
	struct escape_buf out = { 0 };
	struct norm n;
	bool json = false;
	int first, status = DIFF_ERROR;

	diff_opts_init(&o);
	norm_init(&n);
	first = diff_parse(argc, argv, &o, &n, &json);
	if (first <= 0) {
		status = first ? DIFF_ERROR : DIFF_SAME;
		goto out_norm;
	}
	profile_init(&pa, &n);
	profile_init(&pb, &n);
	if (trace_read(argv[first], &pa, &ia) < 0 ||
	    trace_read(argv[first + 1], &pb, &ib) < 0)
		goto out_profiles;
	diff_compare(&pa, &pb, &o, &r);
	{
		struct diff_side a = { argv[first], &pa, &ia };
		struct diff_side b = { argv[first + 1], &pb, &ib };

		if (json)
			diff_write_json(&out, &a, &b, &r);
		else
			diff_write_text(&out, &a, &b, &r);
	}
	if (diff_write(&out))
		status = r.n ? DIFF_DIFFERENT : DIFF_SAME;
	escape_free(&out);
	diff_result_free(&r);
out_profiles:
	profile_free(&pa);
	profile_free(&pb);
out_norm:
	norm_free(&n);
	log_flush();
	return status;
}
