// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Shared text formats for the output plugins. The byte and duration forms
 * are the original Compendium's (the Rust tool compendium reimplements),
 * so that its users read the same numbers; escaping is ours and strict, because every
 * string here may come from the traced program.
 */
#include "format.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <arpa/inet.h>

/* Never return a negative length from a failed snprintf. */
static size_t format_ret(int n)
{
	return n < 0 ? 0 : (size_t)n;
}

/* The snprintf contract for a text already made: copy what fits. */
static size_t format_put(char *buf, size_t size, const char *src, size_t len)
{
	size_t n = len < size ? len : (size ? size - 1 : 0);

	if (size) {
		memcpy(buf, src, n);
		buf[n] = '\0';
	}
	return len;
}

/* Decimal digits of v, ending at end; returns where they start. */
static char *format_dec(uint64_t v, char *end)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

/* What it printed through snprintf("%.1f"): for counts past 2^53. */
static size_t format_bytes_fp(uint64_t bytes, char *buf, size_t size)
{
	static const char *const units[] = { "KB", "MB", "GB" };
	char num[FORMAT_BYTES_MAX];
	double v;
	size_t u;

	v = (double)bytes / 1024.0;
	for (u = 0;; u++) {
		snprintf(num, sizeof(num), "%.1f", v);
		/* 1048575 B is "1.0 MB": "1024.0 KB" would break the width */
		if (u + 1 == sizeof(units) / sizeof(units[0]) ||
		    (v < 1024.0 && strcmp(num, "1024.0")))
			break;
		v /= 1024.0;
	}
	return format_ret(snprintf(buf, size, "%*s %s", FORMAT_BYTES_WIDTH - 3,
				   num, units[u]));
}

/*
 * Output plugins format a byte count for every event, so this is done in
 * integers. Below 2^53 bytes bytes / 1024^k is exact as a double, and
 * printf's "%.1f" of it is the exact value rounded to tenths, half to
 * even: the same digits as tenths rounded here from the remainder.
 */
size_t format_bytes(uint64_t bytes, char *buf, size_t size)
{
	static const char *const units[] = { " KB", " MB", " GB" };
	char out[FORMAT_BYTES_MAX + 8], *end = out + sizeof(out), *p;
	uint64_t tenths, rem, half, x10;
	unsigned shift;
	size_t u;

	if (bytes < 1024) {
		memcpy(end - 2, " B", 2);
		p = format_dec(bytes, end - 2);
	} else if (bytes >= (UINT64_C(1) << 53)) {
		return format_bytes_fp(bytes, buf, size);
	} else {
		x10 = bytes * 10;
		for (u = 0;; u++) {
			shift = 10 * ((unsigned)u + 1);
			tenths = x10 >> shift;
			rem = x10 & ((UINT64_C(1) << shift) - 1);
			half = UINT64_C(1) << (shift - 1);
			if (rem > half || (rem == half && (tenths & 1)))
				tenths++;
			/* "1024.0 KB" would break the width: "1.0 MB" */
			if (u + 1 == sizeof(units) / sizeof(units[0]) ||
			    tenths < 10240)
				break;
		}
		memcpy(end - 3, units[u], 3);
		p = end - 3;
		*--p = (char)('0' + tenths % 10);
		*--p = '.';
		p = format_dec(tenths / 10, p);
	}
	/* right-aligned to FORMAT_BYTES_WIDTH */
	while (end - p < FORMAT_BYTES_WIDTH)
		*--p = ' ';
	return format_put(buf, size, p, (size_t)(end - p));
}

size_t format_ns(uint64_t ns, char *buf, size_t size)
{
	char num[FORMAT_NS_MAX];

	if (ns >= 1000000) {
		snprintf(num, sizeof(num), "%.1f", (double)ns / 1e6);
		/* 999.96 ms rounds to "1000.0ms": say "1.0s" instead */
		if (ns < 1000000000 && strcmp(num, "1000.0"))
			return format_ret(snprintf(buf, size, "%sms", num));
		return format_ret(
			snprintf(buf, size, "%.1fs", (double)ns / 1e9));
	}
	if (ns >= 1000)
		return format_ret(
			snprintf(buf, size, "%" PRIu64 "us", ns / 1000));
	return format_ret(snprintf(buf, size, "%" PRIu64 "ns", ns));
}

size_t format_addr(uint64_t addr, char *buf, size_t size)
{
	return format_ret(snprintf(buf, size, "%012" PRIx64, addr));
}

static size_t format_escape_common(const char *src, size_t len, char *buf,
				   size_t size, bool backslash)
{
	static const char hex[] = "0123456789abcdef";
	size_t out = 0, end = 0, i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		char piece[4];
		size_t plen = 2;

		if (c >= 0x20 && c < 0x7f && (c != '\\' || !backslash)) {
			/* the usual byte, passed through as it is */
			if (out + 1 < size) {
				buf[out] = (char)c;
				end = out + 1;
			}
			out++;
			continue;
		}
		piece[0] = '\\';
		if (c == '\n') {
			piece[1] = 'n';
		} else if (c == '\t') {
			piece[1] = 't';
		} else if (c == '\r') {
			piece[1] = 'r';
		} else if (c == '\\') {
			piece[1] = '\\';
		} else {
			piece[1] = 'x';
			piece[2] = hex[c >> 4];
			piece[3] = hex[c & 0xf];
			plen = 4;
		}
		/*
		 * Whole escapes only: a cut "\x1" would read as another
		 * byte. Once one piece does not fit no later one can, as
		 * out only grows.
		 */
		if (out + plen < size) {
			memcpy(buf + out, piece, plen);
			end = out + plen;
		}
		out += plen;
	}
	if (size)
		buf[end] = '\0';
	return out;
}

size_t format_escape(const char *src, size_t len, char *buf, size_t size)
{
	return format_escape_common(src, len, buf, size, true);
}

size_t format_sanitize(const char *src, size_t len, char *buf, size_t size)
{
	return format_escape_common(src, len, buf, size, false);
}

size_t format_escape_str(const struct cpd_str *s, char *buf, size_t size)
{
	size_t n = format_escape(s->ptr ? s->ptr : "", s->ptr ? s->len : 0, buf,
				 size);

	if (!(s->flags & CPD_STR_TRUNCATED))
		return n;
	if (size && n + 3 < size)
		memcpy(buf + n, "...", 4);
	return n + 3;
}

const char *format_basename(const char *path, size_t len, size_t *out_len)
{
	size_t end = len, start;

	while (end > 1 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	if (start == end && end > 0) {
		/* the path is only slashes */
		*out_len = 1;
		return path;
	}
	*out_len = end - start;
	return path + start;
}

size_t format_sockaddr(const struct cpd_sockaddr *sa, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN], path[FORMAT_ESCAPED_MAX(108) + 3];

	if (!sa || !sa->family || (sa->flags & CPD_SA_PARTIAL))
		return format_ret(snprintf(buf, size, "?"));
	switch (sa->family) {
	case AF_INET:
		inet_ntop(AF_INET, sa->addr, ip, sizeof(ip));
		return format_ret(snprintf(buf, size, "%s:%u", ip, sa->port));
	case AF_INET6:
		inet_ntop(AF_INET6, sa->addr, ip, sizeof(ip));
		if (sa->scope_id)
			return format_ret(snprintf(buf, size, "[%s%%%u]:%u", ip,
						   sa->scope_id, sa->port));
		return format_ret(snprintf(buf, size, "[%s]:%u", ip, sa->port));
	case AF_UNIX:
		if (sa->flags & CPD_SA_UNNAMED || !sa->path.len)
			return format_ret(snprintf(buf, size, "(unnamed)"));
		format_escape_str(&sa->path, path, sizeof(path));
		return format_ret(
			snprintf(buf, size, "%s%s",
				 sa->flags & CPD_SA_ABSTRACT ? "@" : "", path));
	case AF_NETLINK:
		return format_ret(
			snprintf(buf, size, "netlink:%u", sa->port_id));
	default:
		return format_ret(snprintf(buf, size, "AF_%u", sa->family));
	}
}

const char *format_proto(uint32_t family, uint32_t sock_type)
{
	/* the low bits are the type; NONBLOCK and CLOEXEC live above */
	uint32_t type = sock_type & 0xf;

	switch (family) {
	case AF_INET:
		return type == SOCK_STREAM ? "tcp4" :
		       type == SOCK_DGRAM  ? "udp4" :
					     "other";
	case AF_INET6:
		return type == SOCK_STREAM ? "tcp6" :
		       type == SOCK_DGRAM  ? "udp6" :
					     "other";
	case AF_UNIX:
		return "unix";
	case AF_NETLINK:
		return "netlink";
	default:
		return "other";
	}
}

size_t format_prot(uint32_t prot, char *buf, size_t size)
{
	return format_ret(snprintf(
		buf, size, "%c%c%c", prot & PROT_READ ? 'r' : '-',
		prot & PROT_WRITE ? 'w' : '-', prot & PROT_EXEC ? 'x' : '-'));
}
