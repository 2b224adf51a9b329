/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Event fields decoded once, for every output: a walk over the field
 * table of an event's kind (built in, or registered by a third party)
 * that reads each value as its type says and asks the host for the names
 * of errnos, signals, flags, enums and address families, then hands each
 * field to a callback of the output that only formats it. An output
 * written this way renders every kind, new ones included, with no code
 * for any of them.
 */
#ifndef CPD_PLUGINS_UTIL_EVFIELD_H
#define CPD_PLUGINS_UTIL_EVFIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compendium/compendium.h>

/* Room for the longest name the host gives a value (a set of flags). */
#define EVFIELD_NAME_MAX 512

/* One field of one event, decoded. */
struct evfield {
	const struct cpd_field *field; /* name, type, xlat, unit, flags */
	unsigned nth; /* fields the walk handed out before this one */
	/*
	 * An integer of any width: s and u hold the same value, s
	 * sign-extended for the signed types (S64, S32, FD, ERRNO, SIGNAL).
	 * A type newer than this library is read as a 32-bit unsigned.
	 */
	bool is_signed;
	int64_t s;
	uint64_t u;
	double d;		       /* DOUBLE */
	const struct cpd_str *str;     /* STR and STRV; ptr NULL: absent */
	const struct cpd_sockaddr *sa; /* SOCKADDR; family 0: none */
	/* zero, an absent or empty string, or no address family */
	bool empty;
	/*
	 * What the host calls the value, or NULL: ERRNO and SIGNAL when it
	 * knows the number, FLAGS and ENUM always (the digits when the field
	 * has no xlat), SOCKADDR its family. Points into buf.
	 */
	const char *name;
	char buf[EVFIELD_NAME_MAX];
};

/* evfield_walk() flags */
/* Leave out the fields marked optional whose value is empty. */
#define EVFIELD_SKIP_EMPTY_OPTIONAL (1u << 0)

typedef void (*evfield_fn)(void *ctx, const struct evfield *v);

/*
 * Decode field f of ev into v. False when ev is too short to hold the
 * field (a producer older than the table): v is then not filled.
 */
bool evfield_decode(const struct cpd_host *host, const struct cpd_event *ev,
		    const struct cpd_field *f, struct evfield *v);

/*
 * Decode the fields of ev's kind in table order and hand each to fn.
 * A kind the host does not know has none. Returns how many fn got.
 */
unsigned evfield_walk(const struct cpd_host *host, const struct cpd_event *ev,
		      unsigned flags, evfield_fn fn, void *ctx);

/*
 * The next element of a NUL-separated list (STRV), from *pos (start at
 * 0) on; false when none is left. A NUL at the very end closes the last
 * element rather than opening an empty one, so "a\0b" and "a\0b\0" are
 * both the two elements "a" and "b".
 */
bool evfield_strv_next(const struct cpd_str *s, uint32_t *pos,
		       const char **elem, size_t *len);

/* A bit of evfield_key()'s types mask. */
#define EVFIELD_TYPE(t) (UINT32_C(1) << (t))

/*
 * The first field of kind marked CPD_FIELDF_KEY whose type is in types
 * (EVFIELD_TYPE(CPD_FT_ENUM) | ...), or NULL: what names an event.
 */
const struct cpd_field *evfield_key(const struct cpd_host *host, uint32_t kind,
				    uint32_t types);

#endif /* CPD_PLUGINS_UTIL_EVFIELD_H */
