// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "optval.h"
#include "base/xmalloc.h"

static const char *const host_keys[] = { "enabled", "plugin", "events",
					 "syscalls" };

bool options_host_key(const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(host_keys); i++)
		if (!strcmp(key, host_keys[i]))
			return true;
	return false;
}

static const struct cpd_option *options_find(const struct cpd_option *opts,
					     const char *key)
{
	for (; opts && opts->name; opts++)
		if (!strcmp(opts->name, key))
			return opts;
	return NULL;
}

static size_t options_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65], prev, tmp;

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1),
				     prev + (a[i - 1] != b[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

const char *options_suggest(const struct cpd_option *opts, const char *key)
{
	const char *best = NULL;
	size_t best_d = 3, d, i;

	for (; opts && opts->name; opts++) {
		d = options_distance(key, opts->name);
		if (d < best_d) {
			best_d = d;
			best = opts->name;
		}
	}
	for (i = 0; i < ARRAY_SIZE(host_keys); i++) {
		d = options_distance(key, host_keys[i]);
		if (d < best_d) {
			best_d = d;
			best = host_keys[i];
		}
	}
	return best;
}

unsigned options_validate(struct config *cfg, const struct config_section *sec,
			  const struct cpd_option *opts)
{
	unsigned before = cfg->errors;
	const struct cpd_option *o;
	char why[256];
	size_t i, j;

	for (i = 0; i < sec->nentries; i++) {
		const struct config_entry *e = &sec->entries[i];
		struct optval v;

		if (options_host_key(e->key))
			continue;
		o = options_find(opts, e->key);
		if (!o) {
			const char *hint = options_suggest(opts, e->key);

			config_error(cfg, e->origin, e->line,
				     "%s: unknown key '%s'%s%s%s", sec->name,
				     e->key, hint ? " (did you mean '" : "",
				     hint ? hint : "", hint ? "'?)" : "");
			continue;
		}
		if (optval_parse(o, e->value, &v, why, sizeof(why)) < 0) {
			config_error(cfg, e->origin, e->line,
				     "%s: bad value '%s' for key '%s': %s",
				     sec->name, e->value, e->key, why);
			continue;
		}
		/* name the closest earlier value: that is the one overridden */
		for (j = i; j-- > 0 && o->type != CPD_OPT_LIST;) {
			if (strcmp(sec->entries[j].key, e->key))
				continue;
			if (e->line)
				log_warn(
					"%s:%u: %s: key '%s' set again; the value from line %u is ignored",
					e->origin, e->line, sec->name, e->key,
					sec->entries[j].line);
			break;
		}
	}
	for (o = opts; o && o->name; o++) {
		if ((o->flags & CPD_OPTF_REQUIRED) &&
		    !config_lookup(sec, o->name))
			config_error(cfg, sec->origin, sec->line,
				     "%s: required key '%s' is not set",
				     sec->name, o->name);
	}
	return cfg->errors - before;
}

static void options_own(void ***owned, size_t *nowned, size_t *capowned,
			void *p)
{
	*owned = xgrow(*owned, capowned, *nowned, sizeof(**owned));
	(*owned)[(*nowned)++] = p;
}

/* All values of a LIST key, joined with commas; malloc'd. */
static char *options_join(const struct config_section *sec, const char *key)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; sec && i < sec->nentries; i++)
		if (!strcmp(sec->entries[i].key, key))
			len += strlen(sec->entries[i].value) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; sec && i < sec->nentries; i++) {
		if (strcmp(sec->entries[i].key, key))
			continue;
		if (s[0])
			strcat(s, ",");
		strcat(s, sec->entries[i].value);
	}
	return s;
}

int options_apply(const struct cpd_option *opts,
		  const struct config_section *sec, void *state, void ***owned,
		  size_t *nowned, size_t *capowned)
{
	const struct cpd_option *o;
	char why[256];

	for (o = opts; o && o->name; o++) {
		const struct config_entry *e =
			sec ? config_lookup(sec, o->name) : NULL;
		const char *text = e ? e->value : o->def;
		char *at = (char *)state + o->offset;
		struct optval v;

		if (o->type == CPD_OPT_LIST) {
			char *joined = e ? options_join(sec, o->name) : NULL;
			char **list = optval_split_list(
				joined ? joined : (o->def ? o->def : ""), NULL);
			char **p;

			free(joined);
			options_own(owned, nowned, capowned, list);
			for (p = list; *p; p++)
				options_own(owned, nowned, capowned, *p);
			memcpy(at, &list, sizeof(list));
			continue;
		}
		if (!text) {
			/* no value and no default: the zero value */
			switch (o->type) {
			case CPD_OPT_BOOL:
				*(bool *)(void *)at = false;
				break;
			case CPD_OPT_ENUM:
				*(int32_t *)(void *)at = 0;
				break;
			case CPD_OPT_STRING:
			case CPD_OPT_PATH:
				*(const char **)(void *)at = NULL;
				break;
			default:
				*(uint64_t *)(void *)at = 0;
			}
			continue;
		}
		if (optval_parse(o, text, &v, why, sizeof(why)) < 0)
			return -EINVAL;
		switch (o->type) {
		case CPD_OPT_BOOL:
			*(bool *)(void *)at = v.v.b;
			break;
		case CPD_OPT_INT:
			*(int64_t *)(void *)at = v.v.i;
			break;
		case CPD_OPT_UINT:
		case CPD_OPT_SIZE:
		case CPD_OPT_DURATION:
			*(uint64_t *)(void *)at = v.v.u;
			break;
		case CPD_OPT_ENUM:
			*(int32_t *)(void *)at = v.v.e;
			break;
		case CPD_OPT_STRING:
		case CPD_OPT_PATH: {
			char *copy = xstrdup(text);

			options_own(owned, nowned, capowned, copy);
			*(const char **)(void *)at = copy;
			break;
		}
		default:
			return -EINVAL;
		}
	}
	return 0;
}

void options_free_owned(void **owned, size_t nowned)
{
	size_t i;

	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
}
