// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * --expect-out FILE: what the run did, as a rule file that a run doing
 * the same passes: the directories it wrote in (each one once, none under
 * another), the hosts it reached besides loopback, the programs it ran,
 * its exit status. A start for a policy, to read and loosen by hand.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memrchr */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "expect.h"

void expect_observe(struct expect *x, const struct cpd_event *ev)
{
	char addr[64];
	const char *slash;

	switch (ev->kind) {
	case CPD_EV_FILE: {
		const struct cpd_ev_file *f = &ev->u.file;

		if (f->op != CPD_FILE_OPEN ||
		    !(f->flags & CPD_FILEF_WRITABLE) ||
		    (f->flags & CPD_FILEF_HIDDEN) || !f->path.len ||
		    f->path.ptr[0] != '/')
			return;
		slash = memrchr(f->path.ptr, '/', f->path.len);
		expect_set_add(&x->seen.dirs_written, f->path.ptr,
			       slash == f->path.ptr ?
				       1 :
				       (size_t)(slash - f->path.ptr));
		return;
	}
	case CPD_EV_NET: {
		const struct cpd_ev_net *n = &ev->u.net;

		if ((n->flags & (CPD_NETF_HIDDEN | CPD_NETF_LOOPBACK |
				 CPD_NETF_LOCAL_IPC)) ||
		    (n->peer.family != AF_INET && n->peer.family != AF_INET6))
			return;
		if (n->op != CPD_NET_CONNECT && n->op != CPD_NET_ACCEPT &&
		    n->op != CPD_NET_SEND && n->op != CPD_NET_RECV &&
		    n->op != CPD_NET_CONNECT_FAILED)
			return;
		expect_set_add(&x->seen.hosts, addr,
			       expect_addr_text(&n->peer, addr, sizeof(addr)));
		return;
	}
	case CPD_EV_PROC:
		if (ev->u.proc.op == CPD_PROC_EXEC && ev->u.proc.path.len)
			expect_set_add(&x->seen.programs, ev->u.proc.path.ptr,
				       ev->u.proc.path.len);
		return;
	default:
		return;
	}
}

/* Path order with '/' first, so what is under a directory follows it. */
static int expect_dir_cmp(const void *pa, const void *pb)
{
	const unsigned char *a = *(const unsigned char *const *)pa;
	const unsigned char *b = *(const unsigned char *const *)pb;

	for (; *a && *a == *b; a++, b++)
		;
	if (*a == *b)
		return 0;
	/* the end first, then '/', then every other byte */
	return (*a == '/' ? 1 :
		*a	  ? *a + 1 :
			    0) -
	       (*b == '/' ? 1 :
		*b	  ? *b + 1 :
			    0);
}

/* Directories none of which is under another: /a/b goes with /a. */
static size_t expect_outermost(const char **dirs, size_t n)
{
	size_t i, k = 0;

	if (n > 1)
		qsort(dirs, n, sizeof(*dirs), expect_dir_cmp);
	for (i = 0; i < n; i++) {
		if (k && expect_under(dirs[i], strlen(dirs[i]), dirs[k - 1]))
			continue;
		dirs[k++] = dirs[i];
	}
	return k;
}

/* A program path as a glob matching only itself, quoted as needed. */
static void expect_put_program(FILE *fp, const char *path)
{
	char *glob = malloc(2 * strlen(path) + 1), *o = glob, *q;
	const char *p;
	size_t len;

	if (!glob)
		return;
	for (p = path; *p; p++) {
		if (strchr("*?[\\", *p))
			*o++ = '\\';
		*o++ = *p;
	}
	*o = '\0';
	len = expect_quote(glob, NULL, 0) + 1;
	q = malloc(len);
	if (q) {
		expect_quote(glob, q, len);
		fprintf(fp, " %s", q);
	}
	free(q);
	free(glob);
}

static void expect_put_words(FILE *fp, const char **words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = expect_quote(words[i], NULL, 0) + 1;
		char *q = malloc(len);

		if (!q)
			continue;
		expect_quote(words[i], q, len);
		fprintf(fp, " %s", q);
		free(q);
	}
}

int expect_observe_write(struct expect *x)
{
	const struct cpd_run_info *run = x->host->run_info(x->inst);
	const char **dirs, **hosts, **progs;
	size_t nd, nh, np, i;
	FILE *fp;
	int rc = 0;

	fp = fopen(x->out, "we");
	if (!fp) {
		rc = -errno;
		x->host->log(x->inst, CPD_LOG_ERROR, "cannot open '%s': %s",
			     x->out, strerror(errno));
		return rc;
	}
	dirs = expect_set_sorted(&x->seen.dirs_written, &nd);
	hosts = expect_set_sorted(&x->seen.hosts, &nh);
	progs = expect_set_sorted(&x->seen.programs, &np);
	fprintf(fp,
		"# compendium expectations: what a run of\n"
		"#   %.*s\n"
		"# did (--expect-out). Check another run against them with\n"
		"#   compendium --expect-file FILE -- COMMAND\n"
		"# and loosen them by hand where the run may differ.\n",
		(int)run->command.len,
		run->command.ptr ? run->command.ptr : "");
	if (dirs) {
		nd = expect_outermost(dirs, nd);
		fputs("\n# the directories it wrote in\n", fp);
		if (nd) {
			fputs("writes-under", fp);
			expect_put_words(fp, dirs, nd);
			fputc('\n', fp);
		} else {
			fputs("# (none)\n", fp);
		}
	}
	fputs("\n# the hosts it reached besides loopback\nno-network", fp);
	if (hosts)
		expect_put_words(fp, hosts, nh);
	fputs("\n\n# the programs it ran\n", fp);
	if (progs && np) {
		fputs("exec-only", fp);
		for (i = 0; i < np; i++)
			expect_put_program(fp, progs[i]);
		fputc('\n', fp);
	} else {
		fputs("# (none)\n", fp);
	}
	if (x->root_exited && !x->root_signal)
		fprintf(fp, "\n# its exit status\nexit %d\n",
			x->root_exit_code);
	free(dirs);
	free(hosts);
	free(progs);
	if (fflush(fp) == EOF || ferror(fp)) {
		rc = -errno;
		x->host->log(x->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     x->out, strerror(errno));
	}
	if (fclose(fp) == EOF && !rc) {
		rc = -errno;
		x->host->log(x->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     x->out, strerror(errno));
	}
	if (!rc)
		x->host->log(x->inst, CPD_LOG_INFO,
			     "what the run did is in '%s' (--expect-out)",
			     x->out);
	return rc;
}
