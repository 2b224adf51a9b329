// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The generated syscall tables (core/engine/sysent.c) and the value names
 * (core/engine/xlat.c). Numbers are checked against the kernel headers, classes
 * against what the SDK promises plugins (a syscall that takes a path is
 * in %file, ...), over every entry of both tables, so a regenerated
 * table cannot quietly drop a class.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <compendium/event.h>
#include <compendium/field.h>

#include "cpd_test.h"
#include "host/optval.h"
#include "engine/sysent.h"
#include "engine/xlat.h"

static const uint32_t arches[] = { AUDIT_ARCH_X86_64, AUDIT_ARCH_I386 };

static const char *arch_name(uint32_t arch)
{
	return arch == AUDIT_ARCH_X86_64 ? "x86_64" : "i386";
}

/* ---- numbers and names -------------------------------------------------------- */

static void test_numbers(void)
{
	static const struct {
		const char *name;
		int nr;
	} x86_64[] = {
		{ "read", SYS_read },	  { "write", SYS_write },
		{ "open", SYS_open },	  { "close", SYS_close },
		{ "openat", SYS_openat }, { "connect", SYS_connect },
		{ "execve", SYS_execve }, { "clone3", SYS_clone3 },
		{ "mmap", SYS_mmap },	  { "close_range", SYS_close_range },
		{ "exit_group", SYS_exit_group },
	}, i386[] = {
		/* from asm/unistd_32.h, which cannot be included beside _64 */
		{ "exit", 1 },	      { "read", 3 },	  { "open", 5 },
		{ "execve", 11 },     { "socketcall", 102 },
		{ "mmap2", 192 },     { "openat", 295 },  { "socket", 359 },
		{ "connect", 362 },   { "clone3", 435 },
	};
	size_t i;

	CPD_ASSERT_UINT_EQ(sysent_native_arch(), AUDIT_ARCH_X86_64);
	CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_X86_64, "openat"), 257);
	for (i = 0; i < ARRAY_SIZE(x86_64); i++) {
		const struct sysent *se =
			sysent_lookup(AUDIT_ARCH_X86_64, x86_64[i].nr);

		CPD_ASSERT_INT_EQ(
			sysent_number(AUDIT_ARCH_X86_64, x86_64[i].name),
			x86_64[i].nr);
		CU_ASSERT_PTR_NOT_NULL_FATAL(se);
		CPD_ASSERT_STR_EQ(se->name, x86_64[i].name);
	}
	for (i = 0; i < ARRAY_SIZE(i386); i++) {
		const struct sysent *se =
			sysent_lookup(AUDIT_ARCH_I386, i386[i].nr);

		CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_I386, i386[i].name),
				  i386[i].nr);
		CU_ASSERT_PTR_NOT_NULL_FATAL(se);
		CPD_ASSERT_STR_EQ(se->name, i386[i].name);
	}
	/* names that exist on one arch only */
	CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_X86_64, "socketcall"), -1);
	CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_X86_64, "mmap2"), -1);
	CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_X86_64, "nosuch"), -1);
	CPD_ASSERT_INT_EQ(sysent_number(AUDIT_ARCH_X86_64, NULL), -1);
	CPD_ASSERT_INT_EQ(sysent_number(0x1234, "read"), -1);
}

static void test_lookup_edges(void)
{
	int n = sysent_count(AUDIT_ARCH_X86_64);

	CU_ASSERT_TRUE(n > SYS_clone3);
	CU_ASSERT_TRUE(sysent_count(AUDIT_ARCH_I386) > 435);
	CPD_ASSERT_INT_EQ(sysent_count(0x1234), 0);
	CU_ASSERT_PTR_NULL(sysent_lookup(AUDIT_ARCH_X86_64, -1));
	CU_ASSERT_PTR_NULL(sysent_lookup(AUDIT_ARCH_X86_64, n));
	CU_ASSERT_PTR_NULL(sysent_lookup(AUDIT_ARCH_X86_64, 0x40000000));
	CU_ASSERT_PTR_NULL(sysent_lookup(0x1234, 0));
	/* 335..423 is a hole in the x86_64 numbering */
	CU_ASSERT_PTR_NULL(sysent_lookup(AUDIT_ARCH_X86_64, 400));
	CU_ASSERT_PTR_NOT_NULL(sysent_lookup(AUDIT_ARCH_X86_64, 0));
}

static void test_decoding_of_openat(void)
{
	const struct sysent *se = sysent_lookup(AUDIT_ARCH_X86_64, 257);

	CU_ASSERT_PTR_NOT_NULL_FATAL(se);
	CPD_ASSERT_UINT_EQ(se->nargs, 4);
	CPD_ASSERT_UINT_EQ(se->args[0].kind, CPD_ARG_DIRFD);
	CPD_ASSERT_UINT_EQ(se->args[1].kind, CPD_ARG_PATH);
	CPD_ASSERT_UINT_EQ(se->args[2].kind, CPD_ARG_FLAGS);
	CPD_ASSERT_UINT_EQ(se->args[2].xlat, CPD_XLAT_OPEN_FLAGS);
	CPD_ASSERT_UINT_EQ(se->args[3].kind, CPD_ARG_MODE);
	CPD_ASSERT_UINT_EQ(se->ret.kind, CPD_ARG_FD);
}

static uint64_t classes_of(uint32_t arch, const char *name)
{
	int nr = sysent_number(arch, name);
	const struct sysent *se = nr >= 0 ? sysent_lookup(arch, nr) : NULL;

	return se ? se->classes : 0;
}

static void test_classes(void)
{
	static const struct {
		const char *name;
		uint64_t want; /* at least these */
	} want[] = {
		{ "openat", CPD_SC_FILE | CPD_SC_DESC | CPD_SC_FDLIFE },
		{ "open", CPD_SC_FILE | CPD_SC_DESC | CPD_SC_FDLIFE },
		{ "connect", CPD_SC_NETWORK | CPD_SC_DESC },
		{ "socket", CPD_SC_NETWORK | CPD_SC_FDLIFE },
		{ "accept4", CPD_SC_NETWORK | CPD_SC_FDLIFE },
		{ "read", CPD_SC_DESC | CPD_SC_READ },
		{ "pwrite64", CPD_SC_DESC | CPD_SC_WRITE },
		{ "sendmmsg", CPD_SC_NETWORK | CPD_SC_WRITE },
		{ "close", CPD_SC_DESC | CPD_SC_FDLIFE },
		{ "close_range", CPD_SC_FDLIFE },
		{ "dup3", CPD_SC_DESC | CPD_SC_FDLIFE },
		{ "pipe2", CPD_SC_FDLIFE },
		{ "mmap", CPD_SC_MEMORY },
		{ "brk", CPD_SC_MEMORY },
		{ "execve", CPD_SC_FILE | CPD_SC_PROCESS },
		{ "clone3", CPD_SC_PROCESS },
		{ "kill", CPD_SC_SIGNAL },
		{ "setuid", CPD_SC_CREDS },
		{ "clock_gettime", CPD_SC_CLOCK },
		{ "newfstatat", CPD_SC_STAT | CPD_SC_FILE },
		{ "shmget", CPD_SC_IPC },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		uint64_t c = classes_of(AUDIT_ARCH_X86_64, want[i].name);

		if ((c & want[i].want) != want[i].want)
			fprintf(stderr, "\n%s: classes %#llx, want %#llx\n",
				want[i].name, (unsigned long long)c,
				(unsigned long long)want[i].want);
		CPD_ASSERT_UINT_EQ(c & want[i].want, want[i].want);
	}
	/* and not more than they are */
	CPD_ASSERT_UINT_EQ(classes_of(AUDIT_ARCH_X86_64, "getpid") &
				   (CPD_SC_FILE | CPD_SC_NETWORK | CPD_SC_DESC),
			   0);
	CPD_ASSERT_UINT_EQ(
		classes_of(AUDIT_ARCH_X86_64, "read") & CPD_SC_NETWORK, 0);
	CPD_ASSERT_UINT_EQ(classes_of(AUDIT_ARCH_I386, "socketcall") &
				   CPD_SC_NETWORK,
			   CPD_SC_NETWORK);
}

static void test_class_names(void)
{
	static const struct {
		const char *name;
		uint64_t bit;
	} cls[] = {
		{ "file", CPD_SC_FILE },       { "desc", CPD_SC_DESC },
		{ "network", CPD_SC_NETWORK }, { "memory", CPD_SC_MEMORY },
		{ "process", CPD_SC_PROCESS }, { "signal", CPD_SC_SIGNAL },
		{ "ipc", CPD_SC_IPC },	       { "creds", CPD_SC_CREDS },
		{ "clock", CPD_SC_CLOCK },     { "stat", CPD_SC_STAT },
		{ "fdlife", CPD_SC_FDLIFE },   { "read", CPD_SC_READ },
		{ "write", CPD_SC_WRITE },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cls); i++) {
		CPD_ASSERT_UINT_EQ(sysent_class_bit(cls[i].name), cls[i].bit);
		CPD_ASSERT_STR_EQ(sysent_class_name(cls[i].bit), cls[i].name);
	}
	/* strace's spelling, which [stats] syscalls = %net users write */
	CPD_ASSERT_UINT_EQ(sysent_class_bit("net"), CPD_SC_NETWORK);
	CPD_ASSERT_UINT_EQ(sysent_class_bit("nosuch"), 0);
	CPD_ASSERT_UINT_EQ(sysent_class_bit("FILE"), 0);
	CPD_ASSERT_UINT_EQ(sysent_class_bit(NULL), 0);
	CU_ASSERT_PTR_NULL(sysent_class_name(0));
	CU_ASSERT_PTR_NULL(sysent_class_name(CPD_SC_FILE | CPD_SC_DESC));
	CU_ASSERT_PTR_NULL(sysent_class_name(UINT64_C(1) << 40));
}

/*
 * Whether table xlat names anything at all: some value up to 0x1100 (enums
 * such as ARCH_SET_GS = 0x1001) or some single bit (flags).
 */
static bool xlat_has_names(uint32_t xlat)
{
	static signed char known[64]; /* 0 unknown, 1 yes, -1 no */
	uint64_t v;
	unsigned bit;

	if (xlat < ARRAY_SIZE(known) && known[xlat])
		return known[xlat] > 0;
	for (v = 0; v <= 0x1100; v++)
		if (xlat_name(xlat, v))
			goto yes;
	for (bit = 0; bit < 64; bit++)
		if (xlat_name(xlat, UINT64_C(1) << bit))
			goto yes;
	if (xlat < ARRAY_SIZE(known))
		known[xlat] = -1;
	return false;
yes:
	if (xlat < ARRAY_SIZE(known))
		known[xlat] = 1;
	return true;
}

/*
 * The promises the SDK makes about classes, over every entry of both
 * tables: a plugin asking for %file gets every call that takes a path,
 * %desc every call that takes an fd, %network every call with a socket
 * address, %fdlife every call that makes fds (the fd table depends on it).
 */
static void test_table_consistency(void)
{
	size_t a;
	unsigned problems = 0, entries = 0;

	for (a = 0; a < ARRAY_SIZE(arches); a++) {
		int n = sysent_count(arches[a]), nr, other;

		for (nr = 0; nr < n; nr++) {
			const struct sysent *se = sysent_lookup(arches[a], nr);
			bool path = false, fd = false, sa = false, mkfd;
			char what[256] = "";
			unsigned i;

			if (!se)
				continue;
			entries++;
			if (!optval_valid_name(se->name, 31))
				strcat(what, " bad-name");
			if (sysent_number(arches[a], se->name) != nr)
				strcat(what, " name-not-unique");
			if (se->nargs > 6)
				strcat(what, " nargs>6");
			for (i = 0; i < 6; i++) {
				const struct sysent_arg *ar = &se->args[i];
				bool xl = ar->kind == CPD_ARG_FLAGS ||
					  ar->kind == CPD_ARG_ENUM;

				if (i >= se->nargs && ar->kind != CPD_ARG_NONE)
					strcat(what, " arg-past-nargs");
				if (xl != (ar->xlat != CPD_XLAT_NONE))
					strcat(what, " xlat-mismatch");
				if (xl && ar->xlat && !xlat_has_names(ar->xlat))
					strcat(what, " xlat-unknown");
				path |= ar->kind == CPD_ARG_PATH;
				fd |= ar->kind == CPD_ARG_FD ||
				      ar->kind == CPD_ARG_DIRFD;
				sa |= ar->kind == CPD_ARG_SOCKADDR ||
				      ar->kind == CPD_ARG_SOCKADDR_OUT;
				mkfd = ar->kind == CPD_ARG_FDPAIR;
				if (mkfd && !(se->classes & CPD_SC_FDLIFE))
					strcat(what, " fdpair-without-fdlife");
			}
			if (path && !(se->classes & CPD_SC_FILE))
				strcat(what, " path-without-file");
			if (fd && !(se->classes & CPD_SC_DESC))
				strcat(what, " fd-without-desc");
			if (sa && !(se->classes & CPD_SC_NETWORK))
				strcat(what, " sockaddr-without-network");
			if (se->ret.kind == CPD_ARG_FD &&
			    !(se->classes & CPD_SC_FDLIFE))
				strcat(what, " returns-fd-without-fdlife");
			/* the same call on the other arch is in the same classes */
			if (arches[a] == AUDIT_ARCH_I386) {
				other = sysent_number(AUDIT_ARCH_X86_64,
						      se->name);
				if (other >= 0 &&
				    sysent_lookup(AUDIT_ARCH_X86_64, other)
						    ->classes != se->classes)
					strcat(what, " classes-differ-by-arch");
			}
			if (*what) {
				fprintf(stderr, "\n%s %s(%d):%s", se->name,
					arch_name(arches[a]), nr, what);
				problems++;
			}
		}
	}
	CPD_ASSERT_UINT_EQ(problems, 0);
	/* the tables are not empty: the loop above checked something */
	CU_ASSERT_TRUE(entries > 600);
}

/* ---- names of values ------------------------------------------------------------ */

static void expect_fmt(uint32_t xlat, uint64_t v, const char *want)
{
	char buf[256];
	size_t n = xlat_format(xlat, v, buf, sizeof(buf));

	CPD_ASSERT_STR_EQ(buf, want);
	CPD_ASSERT_UINT_EQ(n, strlen(want));
}

static void test_xlat_format(void)
{
	expect_fmt(CPD_XLAT_OPEN_FLAGS,
		   O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		   "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC");
	expect_fmt(CPD_XLAT_OPEN_FLAGS, O_RDONLY, "O_RDONLY");
	expect_fmt(CPD_XLAT_OPEN_FLAGS, O_RDONLY | O_DIRECTORY | O_NOFOLLOW,
		   "O_RDONLY|O_DIRECTORY|O_NOFOLLOW");
	/* unknown bits are kept, in hex */
	expect_fmt(CPD_XLAT_OPEN_FLAGS, O_RDWR | 0x80000000u,
		   "O_RDWR|0x80000000");
	expect_fmt(CPD_XLAT_PROT, PROT_NONE, "PROT_NONE");
	expect_fmt(CPD_XLAT_PROT, PROT_READ | PROT_WRITE,
		   "PROT_READ|PROT_WRITE");
	expect_fmt(CPD_XLAT_PROT, PROT_READ | 0x100, "PROT_READ|0x100");
	expect_fmt(CPD_XLAT_SOCK_TYPE, SOCK_STREAM | SOCK_CLOEXEC,
		   "SOCK_STREAM|SOCK_CLOEXEC");
	expect_fmt(CPD_XLAT_SOCK_TYPE, SOCK_DGRAM | SOCK_NONBLOCK,
		   "SOCK_DGRAM|SOCK_NONBLOCK");
	expect_fmt(CPD_XLAT_MAP_FLAGS, MAP_PRIVATE | MAP_ANONYMOUS,
		   "MAP_PRIVATE|MAP_ANONYMOUS");
	expect_fmt(CPD_XLAT_MAP_FLAGS, MAP_PRIVATE | MAP_HUGETLB | (21u << 26),
		   "MAP_PRIVATE|MAP_HUGETLB|MAP_HUGE_2MB");
	expect_fmt(CPD_XLAT_AF, AF_INET, "AF_INET");
	expect_fmt(CPD_XLAT_AF, AF_INET6, "AF_INET6");
	expect_fmt(CPD_XLAT_AF, AF_UNIX, "AF_UNIX");
	/* an enum value nobody named: the number */
	expect_fmt(CPD_XLAT_AF, 9999, "9999");
	expect_fmt(CPD_XLAT_SIGNAL, SIGKILL, "SIGKILL");
	expect_fmt(CPD_XLAT_SIGNAL, 99, "99");
	expect_fmt(CPD_XLAT_SEVERITY, CPD_SEV_WARNING, "warning");
	expect_fmt(CPD_XLAT_FINDING_FLAGS,
		   CPD_FINDF_COLLAPSED | CPD_FINDF_PARTIAL,
		   "collapsed|partial");
	expect_fmt(CPD_XLAT_FILE_FLAGS, CPD_FILEF_PROBE | CPD_FILEF_HIDDEN,
		   "hidden|probe");
	expect_fmt(CPD_XLAT_SEEK_WHENCE, SEEK_END, "SEEK_END");
	expect_fmt(CPD_XLAT_FCNTL_CMD, F_DUPFD_CLOEXEC, "F_DUPFD_CLOEXEC");
	expect_fmt(CPD_XLAT_AT_FLAGS, AT_SYMLINK_NOFOLLOW,
		   "AT_SYMLINK_NOFOLLOW");
	expect_fmt(CPD_XLAT_SC_CLASS, CPD_SC_FILE | CPD_SC_NETWORK,
		   "file|network");
	expect_fmt(CPD_XLAT_EVENT_KIND, CPD_EV_FILE, "file");
	expect_fmt(CPD_XLAT_FILE_OP, CPD_FILE_OPEN, "open");
	/* a table this host does not know (a newer SDK's): plain numbers */
	expect_fmt(999, 5, "5");
	expect_fmt(999, UINT64_MAX, "-1");
	CU_ASSERT_PTR_NULL(xlat_name(999, 5));
	CPD_ASSERT_STR_EQ(xlat_name(CPD_XLAT_PROT, 0), "PROT_NONE");
	CU_ASSERT_PTR_NULL(xlat_name(CPD_XLAT_PROT, PROT_READ | PROT_WRITE));
}

static void test_xlat_truncation(void)
{
	const char *full = "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC";
	uint64_t v = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
	char buf[64];
	size_t size;

	for (size = 1; size <= strlen(full) + 1; size++) {
		memset(buf, '@', sizeof(buf));
		CPD_ASSERT_UINT_EQ(
			xlat_format(CPD_XLAT_OPEN_FLAGS, v, buf, size),
			strlen(full));
		/* always terminated, never past size */
		CPD_ASSERT_INT_EQ(buf[size - 1], '\0');
		CPD_ASSERT_UINT_EQ(strlen(buf), size - 1);
		CU_ASSERT_TRUE(!strncmp(buf, full, size - 1));
		CPD_ASSERT_INT_EQ(buf[size], '@');
	}
	/* size 0 writes nothing and still says how much is needed */
	CPD_ASSERT_UINT_EQ(xlat_format(CPD_XLAT_OPEN_FLAGS, v, NULL, 0),
			   strlen(full));
	memset(buf, '@', sizeof(buf));
	CPD_ASSERT_UINT_EQ(xlat_format(CPD_XLAT_AF, 9999, buf, 3), 4);
	CPD_ASSERT_STR_EQ(buf, "99");
}

static void test_xlat_parse(void)
{
	uint64_t v = 0;

	CPD_ASSERT_INT_EQ(
		xlat_parse(CPD_XLAT_OPEN_FLAGS, "O_WRONLY|o_creat | 0x10", &v),
		0);
	CPD_ASSERT_UINT_EQ(v, O_WRONLY | O_CREAT | 0x10);
	CPD_ASSERT_INT_EQ(xlat_parse(CPD_XLAT_AF, "AF_INET6", &v), 0);
	CPD_ASSERT_UINT_EQ(v, AF_INET6);
	CPD_ASSERT_INT_EQ(xlat_parse(CPD_XLAT_AF, "AF_NOPE", &v), -ENOENT);
	CPD_ASSERT_INT_EQ(xlat_parse(CPD_XLAT_SIGNAL, "SIGKILL", &v), 0);
	CPD_ASSERT_UINT_EQ(v, SIGKILL);
	CPD_ASSERT_INT_EQ(xlat_parse(999, "1", &v), -ENOENT);
	/* what format prints, parse reads back */
	{
		char buf[128];
		uint64_t back = 0, f = O_RDWR | O_APPEND | O_NONBLOCK;

		xlat_format(CPD_XLAT_OPEN_FLAGS, f, buf, sizeof(buf));
		CPD_ASSERT_INT_EQ(xlat_parse(CPD_XLAT_OPEN_FLAGS, buf, &back),
				  0);
		CPD_ASSERT_UINT_EQ(back, f);
	}
}

static void test_errno_and_signal_names(void)
{
	int e, known = 0;

	CPD_ASSERT_STR_EQ(xlat_errno_name(ENOENT), "ENOENT");
	CPD_ASSERT_STR_EQ(xlat_errno_name(EPERM), "EPERM");
	CPD_ASSERT_STR_EQ(xlat_errno_name(EAGAIN), "EAGAIN");
	CPD_ASSERT_STR_EQ(xlat_errno_name(EHWPOISON), "EHWPOISON");
	CPD_ASSERT_STR_EQ(xlat_errno_name(512), "ERESTARTSYS");
	CPD_ASSERT_STR_EQ(xlat_errno_name(516), "ERESTART_RESTARTBLOCK");
	CU_ASSERT_PTR_NULL(xlat_errno_name(0));
	CU_ASSERT_PTR_NULL(xlat_errno_name(-2));
	CU_ASSERT_PTR_NULL(xlat_errno_name(134));
	CU_ASSERT_PTR_NULL(xlat_errno_name(517));
	/* every errno this libc names (41 and 58 are holes in Linux) */
	for (e = 1; e <= 133; e++) {
		if (e == 41 || e == 58)
			continue;
		known += xlat_errno_name(e) != NULL;
	}
	CPD_ASSERT_INT_EQ(known, 131);

	CPD_ASSERT_STR_EQ(xlat_signal_name(SIGSEGV), "SIGSEGV");
	CPD_ASSERT_STR_EQ(xlat_signal_name(SIGCHLD), "SIGCHLD");
	CPD_ASSERT_STR_EQ(xlat_signal_name(SIGSYS), "SIGSYS");
	/* the kernel's realtime numbering, not glibc's SIGRTMIN (34) */
	CPD_ASSERT_STR_EQ(xlat_signal_name(32), "SIGRTMIN");
	CPD_ASSERT_STR_EQ(xlat_signal_name(35), "SIGRT_3");
	CPD_ASSERT_STR_EQ(xlat_signal_name(64), "SIGRT_32");
	CU_ASSERT_PTR_NULL(xlat_signal_name(0));
	CU_ASSERT_PTR_NULL(xlat_signal_name(65));
	CU_ASSERT_PTR_NULL(xlat_signal_name(-1));
}

static CU_TestInfo sysent_tests[] = {
	{ "numbers_match_kernel_headers", test_numbers },
	{ "lookup_edges", test_lookup_edges },
	{ "openat_decoding", test_decoding_of_openat },
	{ "classes_of_key_syscalls", test_classes },
	{ "class_names", test_class_names },
	{ "table_consistency", test_table_consistency },
	CU_TEST_INFO_NULL,
};

static CU_TestInfo xlat_tests[] = {
	{ "format", test_xlat_format },
	{ "truncation_terminates_and_counts", test_xlat_truncation },
	{ "parse", test_xlat_parse },
	{ "errno_and_signal_names", test_errno_and_signal_names },
	CU_TEST_INFO_NULL,
};

CU_SuiteInfo cpd_test_suites[] = {
	{ .pName = "sysent", .pTests = sysent_tests },
	{ .pName = "xlat", .pTests = xlat_tests },
	CU_SUITE_INFO_NULL,
};
