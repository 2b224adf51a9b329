// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "plugin_list.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "base/log.h"
#include "optval.h"
#include "reports.h"
#include "base/xmalloc.h"

static int plugin_list_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void plugin_list_kinds(FILE *fp, const char *label, uint64_t mask)
{
	uint32_t k;
	bool first = true;

	if (!mask)
		return;
	fprintf(fp, "    %s:", label);
	for (k = 1; k < CPD_EV_CUSTOM_FIRST; k++) {
		const char *name;

		if (!(mask & CPD_EVMASK(k)))
			continue;
		name = fields_kind_name(k);
		fprintf(fp, "%s%s", first ? " " : ", ", name ? name : "?");
		first = false;
	}
	if (mask >> CPD_EV_CUSTOM_FIRST)
		fprintf(fp, "%scustom kinds", first ? " " : ", ");
	fputc('\n', fp);
}

static void plugin_list_one(const struct plugin *p, FILE *fp)
{
	const struct cpd_plugin *d = &p->desc;
	const struct cpd_option *o;

	fprintf(fp, "%s %s (%s) - %s\n", d->name, d->version,
		d->role == CPD_ROLE_ANALYZER ? "analyzer" : "output",
		d->description);
	fprintf(fp, "    file: %s\n", p->path);
	plugin_list_kinds(fp, "subscribes to", d->subscribe);
	plugin_list_kinds(fp, "publishes", d->publishes);
	if (d->reports && d->reports->topic) {
		const struct cpd_report_desc *r;

		fprintf(fp, "    reports:");
		for (r = d->reports; r->topic; r++)
			fprintf(fp, "%s%s", r == d->reports ? " " : ", ",
				r->topic);
		fputc('\n', fp);
	}
	if (!d->options || !d->options->name) {
		fprintf(fp, "    options: none\n");
		return;
	}
	fprintf(fp, "    options:\n");
	for (o = d->options; o->name; o++) {
		fprintf(fp, "      %-18s %-8s", o->name,
			optval_type_name(o->type));
		if (o->flags & CPD_OPTF_REQUIRED)
			fprintf(fp, " (required)");
		else if (o->def)
			fprintf(fp, " [%s]", o->def);
		if (o->help)
			fprintf(fp, "  %s", o->help);
		if (o->type == CPD_OPT_ENUM) {
			const char *const *c;

			fprintf(fp, " (");
			for (c = o->choices; *c; c++)
				fprintf(fp, "%s%s", c == o->choices ? "" : "|",
					*c);
			fprintf(fp, ")");
		}
		fputc('\n', fp);
	}
}

/*
 * Load every plugin on the search path (an earlier directory's shadows a
 * later one's), hand each to show, and say why the others did not load.
 */
static int plugin_list_each(const struct plugin_path *pp, FILE *fp,
			    void (*show)(const struct plugin *p, FILE *fp))
{
	char **seen = NULL;
	size_t nseen = 0, cap = 0, d, i;
	int rc = 0;

	for (d = 0; d < pp->ndirs; d++) {
		DIR *dir = opendir(pp->dirs[d]);
		char **names = NULL;
		size_t n = 0, ncap = 0;
		struct dirent *de;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			size_t len = strlen(de->d_name);

			if (len < 4 || strcmp(de->d_name + len - 3, ".so"))
				continue;
			names = xgrow(names, &ncap, n, sizeof(*names));
			names[n++] = xstrndup(de->d_name, len - 3);
		}
		closedir(dir);
		qsort(names, n, sizeof(*names), plugin_list_cmp);
		for (i = 0; i < n; i++) {
			char path[PATH_MAX], why[768];
			struct plugin *p;
			size_t j;
			bool dup = false;

			for (j = 0; j < nseen && !dup; j++)
				dup = !strcmp(seen[j], names[i]);
			/* an earlier directory's plugin shadows this one */
			if (dup || !optval_valid_name(names[i], 31)) {
				free(names[i]);
				continue;
			}
			snprintf(path, sizeof(path), "%s/%s.so", pp->dirs[d],
				 names[i]);
			if (plugin_load_file(path, names[i], &p, why,
					     sizeof(why)) < 0) {
				log_warn("%s", why);
				rc = 1;
			} else {
				show(p, fp);
				plugin_unload(p);
			}
			seen = xgrow(seen, &cap, nseen, sizeof(*seen));
			seen[nseen++] = names[i];
		}
		free(names);
	}
	if (!nseen) {
		char *dirs = plugin_path_string(pp);

		log_error("no plugins found in %s",
			  *dirs ? dirs : "(empty plugin path)");
		free(dirs);
		rc = 1;
	}
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	return rc;
}

int plugin_list(const struct plugin_path *pp, FILE *fp)
{
	return plugin_list_each(pp, fp, plugin_list_one);
}

static void plugin_list_reports_one(const struct plugin *p, FILE *fp)
{
	reports_print(fp, p->name, p->desc.reports);
}

int plugin_list_reports(const struct plugin_path *pp, FILE *fp)
{
	return plugin_list_each(pp, fp, plugin_list_reports_one);
}
