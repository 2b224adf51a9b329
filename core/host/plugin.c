// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "optval.h"
#include "reports.h"
#include "engine/payload.h"
#include "base/xmalloc.h"

void plugin_path_add(struct plugin_path *pp, const char *dir)
{
	size_t i;

	if (!dir || !*dir)
		return;
	for (i = 0; i < pp->ndirs; i++)
		if (!strcmp(pp->dirs[i], dir))
			return;
	pp->dirs = xgrow(pp->dirs, &pp->cap, pp->ndirs, sizeof(*pp->dirs));
	pp->dirs[pp->ndirs++] = xstrdup(dir);
}

/* Whether /proc/self/exe sits in build_dir (or its .libs). */
static bool plugin_running_uninstalled(const char *build_dir)
{
	char exe[PATH_MAX], real_build[PATH_MAX];
	ssize_t n;
	char *dir;

	if (!build_dir || !realpath(build_dir, real_build))
		return false;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	dir = dirname(exe);
	if (!strcmp(dir, real_build))
		return true;
	return !strncmp(dir, real_build, strlen(real_build)) &&
	       !strcmp(dir + strlen(real_build), "/.libs");
}

void plugin_path_init(struct plugin_path *pp, char *const *cli_dirs,
		      size_t ncli, const char *env, const char *build_dir,
		      const char *install_dir)
{
	size_t i;

	memset(pp, 0, sizeof(*pp));
	for (i = 0; i < ncli; i++)
		plugin_path_add(pp, cli_dirs[i]);
	if (env) {
		char *copy = xstrdup(env), *save = NULL, *tok;

		for (tok = strtok_r(copy, ":", &save); tok;
		     tok = strtok_r(NULL, ":", &save))
			plugin_path_add(pp, tok);
		free(copy);
	}
	/*
	 * An uninstalled binary must not pick up an installed plugin of
	 * another version, so the build tree replaces the install dir.
	 */
	if (plugin_running_uninstalled(build_dir)) {
		char *d = xasprintf("%s/plugins/.libs", build_dir);

		plugin_path_add(pp, d);
		free(d);
	} else {
		plugin_path_add(pp, install_dir);
	}
}

void plugin_path_free(struct plugin_path *pp)
{
	size_t i;

	for (i = 0; i < pp->ndirs; i++)
		free(pp->dirs[i]);
	free(pp->dirs);
	memset(pp, 0, sizeof(*pp));
}

char *plugin_path_string(const struct plugin_path *pp)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; i < pp->ndirs; i++)
		len += strlen(pp->dirs[i]) + 1;
	s = xmalloc(len);
	s[0] = '\0';
	for (i = 0; i < pp->ndirs; i++) {
		if (i)
			strcat(s, ":");
		strcat(s, pp->dirs[i]);
	}
	return s;
}

int plugin_check_perms(const char *path, uid_t euid, char *why, size_t whylen)
{
	char dirbuf[PATH_MAX];
	const char *what[2] = { path, NULL };
	struct stat st;
	int i;

	snprintf(dirbuf, sizeof(dirbuf), "%s", path);
	what[1] = dirname(dirbuf);
	for (i = 0; i < 2; i++) {
		if (stat(what[i], &st) < 0) {
			snprintf(why, whylen, "cannot stat %s: %s", what[i],
				 strerror(errno));
			return -errno;
		}
		if (i == 0 && !S_ISREG(st.st_mode)) {
			snprintf(why, whylen, "%s is not a regular file",
				 what[i]);
			return -EINVAL;
		}
		/* Only root's loads are a privilege boundary worth guarding. */
		if (euid != 0)
			continue;
		if (st.st_mode & (S_IWGRP | S_IWOTH)) {
			snprintf(
				why, whylen,
				"%s %s is writable by group or others; refusing to load it as root",
				i ? "directory" : "file", what[i]);
			return -EPERM;
		}
		if (st.st_uid != 0 && st.st_uid != euid) {
			snprintf(
				why, whylen,
				"%s %s is owned by uid %u; refusing to load it as root",
				i ? "directory" : "file", what[i],
				(unsigned)st.st_uid);
			return -EPERM;
		}
	}
	return 0;
}

static bool plugin_callbacks_zero_tail(const struct cpd_plugin *d)
{
	const unsigned char *p = (const unsigned char *)d;
	size_t i;

	for (i = sizeof(struct cpd_plugin); i < d->struct_size; i++)
		if (p[i])
			return false;
	return true;
}

int plugin_check_desc(const struct cpd_plugin *d, const char *name,
		      const char *path, struct cpd_plugin *copy, char *why,
		      size_t whylen)
{
	char reason[512];

	if (d->abi_major != CPD_ABI_MAJOR) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): descriptor declares ABI major %u but this compendium implements ABI %d",
			name, path, d->abi_major, CPD_ABI_MAJOR);
		return -EPROTO;
	}
	if (d->abi_minor > CPD_ABI_MINOR) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s) needs plugin ABI %u.%u but this compendium implements %d.%d: upgrade compendium or rebuild the plugin",
			name, path, d->abi_major, d->abi_minor, CPD_ABI_MAJOR,
			CPD_ABI_MINOR);
		return -EPROTO;
	}
	if (d->struct_size < CPD_PLUGIN_SIZE_1_0) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): descriptor struct_size is %u bytes, smaller than the %zu bytes of ABI %d.0",
			name, path, d->struct_size, (size_t)CPD_PLUGIN_SIZE_1_0,
			CPD_ABI_MAJOR);
		return -EPROTO;
	}
	if (d->struct_size > sizeof(struct cpd_plugin) &&
	    !plugin_callbacks_zero_tail(d)) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): descriptor has %u bytes with non-zero fields past the %zu this compendium knows",
			name, path, d->struct_size, sizeof(struct cpd_plugin));
		return -EPROTO;
	}
	memset(copy, 0, sizeof(*copy));
	memcpy(copy, d, MIN((size_t)d->struct_size, sizeof(*copy)));

	if (!copy->name || strcmp(copy->name, name)) {
		snprintf(
			why, whylen,
			"plugin file %s declares the name '%s': a plugin's name must equal its file name ('%s')",
			path, copy->name ? copy->name : "(null)", name);
		return -EINVAL;
	}
	if (copy->role != CPD_ROLE_ANALYZER && copy->role != CPD_ROLE_OUTPUT) {
		snprintf(why, whylen, "plugin '%s' (%s): unknown role %u", name,
			 path, copy->role);
		return -EINVAL;
	}
	if (!copy->version || !copy->description) {
		snprintf(why, whylen,
			 "plugin '%s' (%s): required field %s is missing", name,
			 path, copy->version ? "description" : "version");
		return -EINVAL;
	}
	if (!copy->init || !copy->fini) {
		snprintf(why, whylen,
			 "plugin '%s' (%s): required callback %s is missing",
			 name, path, copy->init ? "fini" : "init");
		return -EINVAL;
	}
	if (copy->subscribe && !copy->on_event) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): required callback on_event is missing (it subscribes to events)",
			name, path);
		return -EINVAL;
	}
	if (copy->subscribe & ~(CPD_EVMASK_BUILTIN |
				~((UINT64_C(1) << CPD_EV_CUSTOM_FIRST) - 1))) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): subscribes to undefined event kinds (mask 0x%llx)",
			name, path, (unsigned long long)copy->subscribe);
		return -EINVAL;
	}
	if (copy->role == CPD_ROLE_OUTPUT && !copy->subscribe) {
		snprintf(
			why, whylen,
			"plugin '%s' (%s): an output must subscribe to at least one event kind",
			name, path);
		return -EINVAL;
	}
	if (optval_check_table(copy->options, reason, sizeof(reason)) < 0) {
		snprintf(why, whylen, "plugin '%s' (%s): %s", name, path,
			 reason);
		return -EINVAL;
	}
	/* a 1.0 descriptor has no reports: whatever lies there is not ours */
	if (copy->abi_minor < 1) {
		copy->reports = NULL;
		copy->payloads = NULL;
	}
	if (payload_check(copy->payloads, reason, sizeof(reason)) < 0) {
		snprintf(why, whylen, "plugin '%s' (%s): %s", name, path,
			 reason);
		return -EINVAL;
	}
	if (reports_check(copy->reports, reason, sizeof(reason)) < 0) {
		snprintf(why, whylen, "plugin '%s' (%s): %s", name, path,
			 reason);
		return -EINVAL;
	}
	return 0;
}

/* Say which ABI a plugin without our symbol was built for, if any. */
static void plugin_explain_missing(void *handle, const char *name,
				   const char *path, char *why, size_t whylen)
{
	char sym[32];
	int major;

	for (major = 0; major <= 9; major++) {
		if (major == CPD_ABI_MAJOR)
			continue;
		snprintf(sym, sizeof(sym), "cpd_plugin_v%d", major);
		if (dlsym(handle, sym)) {
			snprintf(
				why, whylen,
				"plugin '%s' (%s) was built for plugin ABI %d but this compendium implements ABI %d",
				name, path, major, CPD_ABI_MAJOR);
			return;
		}
	}
	snprintf(
		why, whylen,
		"plugin '%s' (%s) exports no %s symbol: not a compendium plugin",
		name, path, CPD_PLUGIN_SYMBOL_STR);
}

int plugin_load_file(const char *given, const char *name, struct plugin **out,
		     char *why, size_t whylen)
{
	char reason[512], path[PATH_MAX];
	const struct cpd_plugin *d;
	struct plugin *p;
	void *handle;
	int err;

	/* dlopen must get an absolute path, never a bare name. */
	if (!realpath(given, path)) {
		snprintf(why, whylen, "plugin '%s': cannot resolve %s: %s",
			 name, given, strerror(errno));
		return -errno;
	}
	err = plugin_check_perms(path, geteuid(), reason, sizeof(reason));
	if (err) {
		snprintf(why, whylen, "plugin '%s': %s", name, reason);
		return err;
	}
	dlerror();
	handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		const char *e = dlerror();

		snprintf(why, whylen, "cannot load plugin '%s': %s", name,
			 e ? e : "unknown dlopen error");
		return -ENOEXEC;
	}
	d = dlsym(handle, CPD_PLUGIN_SYMBOL_STR);
	if (!d) {
		plugin_explain_missing(handle, name, path, why, whylen);
		dlclose(handle);
		return -ENOEXEC;
	}
	p = xcalloc(1, sizeof(*p));
	err = plugin_check_desc(d, name, path, &p->desc, why, whylen);
	if (err) {
		free(p);
		dlclose(handle);
		return err;
	}
	p->name = xstrdup(name);
	p->path = xstrdup(path);
	p->handle = handle;
	p->refs = 1;
	*out = p;
	return 0;
}

int plugin_load(const struct plugin_path *pp, const char *name,
		struct plugin **out, char *why, size_t whylen)
{
	char path[PATH_MAX], *dirs;
	size_t i;

	if (!optval_valid_name(name, 31)) {
		snprintf(
			why, whylen,
			"bad plugin name '%s': plugin names are [a-z0-9_]+, at most 31 characters",
			name);
		return -EINVAL;
	}
	for (i = 0; i < pp->ndirs; i++) {
		snprintf(path, sizeof(path), "%s/%s.so", pp->dirs[i], name);
		if (access(path, F_OK) < 0)
			continue;
		return plugin_load_file(path, name, out, why, whylen);
	}
	dirs = plugin_path_string(pp);
	snprintf(why, whylen, "unknown plugin '%s': no %s.so in %s", name, name,
		 *dirs ? dirs : "(empty plugin path)");
	free(dirs);
	return -ENOENT;
}

void plugin_unload(struct plugin *p)
{
	if (!p || --p->refs)
		return;
	if (p->handle)
		dlclose(p->handle);
	free(p->name);
	free(p->path);
	free(p);
}
