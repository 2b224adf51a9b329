/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Names for the values the SDK lets outputs format (enum cpd_xlat): kernel
 * flags and enums (O_*, PROT_*, AF_*, ...), errnos, signals, and the
 * compendium's own op, kind and flag tables.
 *
 * Every table knows its style: an enum prints one name or the decimal
 * number; a flag set prints its known bits joined with '|' and any bits
 * left over in hex. Unknown xlat numbers print the value in decimal, so a
 * plugin built against a newer SDK still gets something readable.
 */
#ifndef CPD_CORE_XLAT_H
#define CPD_CORE_XLAT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Format value with table xlat (enum cpd_xlat) into buf. snprintf
 * convention: writes at most size bytes including the NUL (buf is always
 * terminated when size > 0) and returns the length the whole text needs,
 * so a return >= size means it was cut.
 */
size_t xlat_format(uint32_t xlat, uint64_t value, char *buf, size_t size);

/*
 * The name of exactly value in table xlat: an enum value, one flag, the
 * zero name of a flag table ("PROT_NONE"), NULL if there is none.
 */
const char *xlat_name(uint32_t xlat, uint64_t value);

/*
 * Parse text back to a value, for the config: a name of the table
 * ("O_RDONLY", case-insensitive), a number (strtoull base 0), or for flag
 * tables several of those joined with '|' ("O_WRONLY|O_CREAT").
 * Returns 0 and stores *value, or -ENOENT.
 */
int xlat_parse(uint32_t xlat, const char *name, uint64_t *value);

/*
 * "ENOENT" for 2. Covers every Linux errno (1..133) and the kernel-internal
 * restart codes a tracer sees at syscall exit (512..516). NULL if unknown
 * or not positive.
 */
const char *xlat_errno_name(int err);

/*
 * "SIGSEGV" for 11. Realtime signals use the kernel's numbering (SIGRTMIN
 * is 32, not glibc's 34): "SIGRTMIN" for 32, "SIGRT_3" for 35. NULL
 * outside 1..64.
 */
const char *xlat_signal_name(int sig);

#endif /* CPD_CORE_XLAT_H */
