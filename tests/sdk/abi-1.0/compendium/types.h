/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * Small value types shared by every other SDK header: borrowed strings and
 * socket addresses.
 */
#ifndef COMPENDIUM_TYPES_H
#define COMPENDIUM_TYPES_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cpd_str.flags */
#define CPD_STR_TRUNCATED (1u << 0) /* cut at the string limit */
#define CPD_STR_PARTIAL	  (1u << 1) /* tracee memory unreadable */

/*
 * A counted string. Since: ABI 1.0.
 *
 * Strings from a tracee are untrusted bytes: any value, invalid UTF-8,
 * control characters and embedded NULs included. Escape them for whatever
 * you write (terminal, CSV, HTML, JSON).
 *
 * Ownership: borrowed, like the event that holds it. Strings produced by
 * the host always have ptr[len] == 0 (len excludes it); a NULL ptr with
 * len 0 means "absent". A plugin building one for publish() need not
 * terminate it: publish() copies len bytes and terminates the copy.
 */
struct cpd_str {
	const char *ptr;
	uint32_t len;
	uint32_t flags; /* CPD_STR_* */
};

/* cpd_sockaddr.flags */
#define CPD_SA_ABSTRACT	 (1u << 0) /* AF_UNIX abstract name */
#define CPD_SA_UNNAMED	 (1u << 1) /* AF_UNIX with no name */
#define CPD_SA_TRUNCATED (1u << 2) /* tracee gave a short addrlen */
#define CPD_SA_PARTIAL	 (1u << 3) /* tracee memory unreadable */

/*
 * A decoded socket address. Since: ABI 1.0.
 *
 * family is the AF_* value (0 = absent). For AF_INET the address is in
 * addr[0..3], for AF_INET6 in addr[0..15], both in network order; port is
 * in host order. For AF_UNIX path holds the name without the leading NUL
 * of an abstract name (CPD_SA_ABSTRACT says it was one). For AF_NETLINK
 * port_id is nl_pid and groups is nl_groups. Unknown families keep their
 * number and nothing else.
 */
struct cpd_sockaddr {
	uint16_t family;
	uint16_t port;
	uint32_t flags; /* CPD_SA_* */
	uint8_t addr[16];
	uint32_t scope_id;   /* AF_INET6 scope id */
	uint32_t port_id;    /* AF_NETLINK nl_pid */
	uint32_t groups;     /* AF_NETLINK nl_groups */
	uint32_t reserved;   /* zero */
	struct cpd_str path; /* AF_UNIX */
};

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_TYPES_H */
