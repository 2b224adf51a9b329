// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Each supported host arch brings a generated header with the tables of
 * every arch its tasks can make syscalls in (x86_64 tasks can also use
 * int 0x80, so an x86_64 host needs the i386 table too). Adding a host
 * means generating its header and listing its tables below.
 */
#include "sysent.h"

#include <stddef.h>
#include <string.h>

#include <compendium/field.h>

#include "xlat.h"

#if defined(__x86_64__)
#include "sysent_x86_64.h"
#define SYSENT_NATIVE_ARCH AUDIT_ARCH_X86_64
#else
#error "no syscall table for this architecture yet (see maint/gen-sysent.py)"
#endif

struct sysent_table {
	uint32_t arch;
	int count;
	const struct sysent *ents;
};

static const struct sysent_table sysent_tables[] = {
#if defined(__x86_64__)
	{ AUDIT_ARCH_X86_64, SYSENT_X86_64_NR, sysent_x86_64 },
	{ AUDIT_ARCH_I386, SYSENT_I386_NR, sysent_i386 },
#endif
};

static const struct sysent_table *table_for(uint32_t arch)
{
	for (size_t i = 0; i < sizeof(sysent_tables) / sizeof(sysent_tables[0]);
	     i++)
		if (sysent_tables[i].arch == arch)
			return &sysent_tables[i];
	return NULL;
}

const struct sysent *sysent_lookup(uint32_t arch, int nr)
{
	const struct sysent_table *t = table_for(arch);

	if (!t || nr < 0 || nr >= t->count || !t->ents[nr].name)
		return NULL;
	return &t->ents[nr];
}

/*
 * A linear scan: names are looked up while the configuration is read and
 * subscriptions are built, never per traced syscall.
 */
int sysent_number(uint32_t arch, const char *name)
{
	const struct sysent_table *t = table_for(arch);

	if (!t || !name)
		return -1;
	for (int nr = 0; nr < t->count; nr++)
		if (t->ents[nr].name && !strcmp(t->ents[nr].name, name))
			return nr;
	return -1;
}

int sysent_count(uint32_t arch)
{
	const struct sysent_table *t = table_for(arch);

	return t ? t->count : 0;
}

uint32_t sysent_native_arch(void)
{
	return SYSENT_NATIVE_ARCH;
}

/* The class names live in xlat.c's CPD_XLAT_SC_CLASS table only. */
uint64_t sysent_class_bit(const char *name)
{
	if (!name)
		return 0;
	/* strace's users write %net */
	if (!strcmp(name, "net"))
		name = "network";
	for (unsigned i = 0; i < 64; i++) {
		uint64_t bit = UINT64_C(1) << i;
		const char *n = xlat_name(CPD_XLAT_SC_CLASS, bit);

		if (n && !strcmp(n, name))
			return bit;
	}
	return 0;
}

const char *sysent_class_name(uint64_t bit)
{
	if (!bit || (bit & (bit - 1)))
		return NULL;
	return xlat_name(CPD_XLAT_SC_CLASS, bit);
}
