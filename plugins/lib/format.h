/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Text formats shared by the output plugins: byte counts, durations,
 * addresses, socket addresses, and escaping of tracee-controlled strings.
 *
 * Every function that writes into a caller's buffer follows the snprintf
 * contract: it writes at most size bytes including the terminating NUL
 * (nothing at all when size is 0) and returns the length the complete text
 * needs, so "ret >= size" means it was cut. No function keeps state or
 * allocates: several plugin instances may use them freely.
 */
#ifndef CPD_PLUGINS_FORMAT_H
#define CPD_PLUGINS_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/types.h>

/* The width format_bytes() pads to, and room enough for any of its results. */
#define FORMAT_BYTES_WIDTH 8
#define FORMAT_BYTES_MAX   32
/* Room enough for any format_ns() or format_addr() result. */
#define FORMAT_NS_MAX	32
#define FORMAT_ADDR_MAX 20
/*
 * Worst case of format_escape() for len input bytes (every byte becomes
 * \xNN), plus the NUL.
 */
#define FORMAT_ESCAPED_MAX(len) (4 * (size_t)(len) + 1)
/* Room for any format_sockaddr() result with a path of up to 108 bytes. */
#define FORMAT_SOCKADDR_MAX (FORMAT_ESCAPED_MAX(108) + 16)

/*
 * A byte count as the original Compendium printed it, right-aligned to
 * FORMAT_BYTES_WIDTH: "     0 B", "   999 B", "  1.0 KB", "  1.5 MB",
 * "  5.0 GB". Binary units with one decimal; a value that would round up
 * to "1024.0" of a unit is shown in the next one ("  1.0 MB", not
 * "1024.0 KB"). GB is the largest unit, so huge values just grow wider.
 */
size_t format_bytes(uint64_t bytes, char *buf, size_t size);

/*
 * A duration: "1.5s" (>= 1 s), "2.3ms" (>= 1 ms), "250us" (>= 1 us,
 * truncated to whole us), "999ns". No padding. As with format_bytes, a
 * value that would print as "1000.0ms" is shown as "1.0s".
 */
size_t format_ns(uint64_t ns, char *buf, size_t size);

/* An address as 12 lowercase hex digits (more if needed), no 0x. */
size_t format_addr(uint64_t addr, char *buf, size_t size);

/*
 * Make len bytes of untrusted text safe for a terminal or a log file: \n,
 * \t and \r become those two-character escapes, a backslash becomes \\
 * (so the result is unambiguous), and every other byte below 0x20 or at or
 * above 0x7f, embedded NULs included, becomes \xNN (lowercase). Nothing
 * else changes: quotes, '<', '&' and so on pass through, since they are
 * harmless to a terminal (HTML and CSV escape for their own context).
 * An escape is never cut in half when the buffer is too small.
 */
size_t format_escape(const char *src, size_t len, char *buf, size_t size);

/*
 * Like format_escape() but keeps backslashes as they are: for text that
 * was already escaped by someone else (the host's log messages and
 * strace-style syscall lines), which must still never carry a control
 * byte to the terminal.
 */
size_t format_sanitize(const char *src, size_t len, char *buf, size_t size);

/* format_escape() of a cpd_str, with "..." appended when it was cut. */
size_t format_escape_str(const struct cpd_str *s, char *buf, size_t size);

/*
 * The last component of a path, as a pointer into it and its length:
 * "/usr/lib/libc.so.6" -> "libc.so.6". Trailing slashes are not
 * components ("/tmp/" -> "tmp"); "/" stays "/".
 */
const char *format_basename(const char *path, size_t len, size_t *out_len);

/*
 * A socket address: "93.184.216.34:443", "[2001:db8::1]:443" (with
 * "%scope" inside the brackets when set), a unix path (escaped), "@name"
 * for an abstract one, "(unnamed)" for an unnamed one, "netlink:PID",
 * "?" when absent or unreadable, "AF_N" for other families.
 */
size_t format_sockaddr(const struct cpd_sockaddr *sa, char *buf, size_t size);

/*
 * The short protocol name of a socket: "tcp4", "udp4", "tcp6", "udp6",
 * "unix", "netlink", else "other". sock_type may carry SOCK_NONBLOCK or
 * SOCK_CLOEXEC. Static strings.
 */
const char *format_proto(uint32_t family, uint32_t sock_type);

/* PROT_* bits as "rwx", with '-' for the missing ones. */
size_t format_prot(uint32_t prot, char *buf, size_t size);

#endif /* CPD_PLUGINS_FORMAT_H */
