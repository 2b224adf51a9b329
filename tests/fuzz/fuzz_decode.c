// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * libFuzzer harness: the decoders that read tracee-controlled bytes:
 * socket addresses of any length and family, option values of every
 * type, and whole syscalls whose struct arguments (iovecs, message
 * headers, open_how, old_mmap's block) point into the input, mapped as
 * the tracee's memory; each rendered as strace-style text would, and
 * deep-copied, the copy rendering the same.
 */
#include <linux/audit.h>
#include <stdlib.h>
#include <string.h>

#include <compendium/option.h>

#include "engine/decode.h"
#include "engine/fdproc.h"
#include "engine/fdtable.h"
#include "engine/sysfmt.h"
#include "engine/tmem.h"
#include "engine/xlat.h"
#include "host/evcopy.h"
#include "host/optval.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Where the input sits in the pretend tracee: pointers are 0x1000 + offset. */
#define FUZZ_BASE 0x1000u

/* Syscalls with the struct kinds, and a few older kinds beside them. */
static const char *const fuzz_calls[] = {
	"readv",    "writev",  "preadv2", "process_vm_readv",
	"vmsplice", "sendmsg", "recvmsg", "sendmmsg",
	"recvmmsg", "openat2", "mmap",	  "connect",
	"execve",   "read",    "accept",  "pipe2",
	"recvfrom", "write",
};

static struct fd_entry *fuzz_fd(void *arg, int fd)
{
	return fdtable_get(arg, fd);
}

static struct fdtable *fuzz_fds(void)
{
	static struct fdtable *t;
	struct cpd_fdinfo info;

	if (t)
		return t;
	t = fdtable_new();
	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_FILE;
	info.path.ptr = "/fuzz/file";
	info.path.len = 10;
	fdtable_set(t, 4, &info);
	memset(&info, 0, sizeof(info));
	info.kind = CPD_FD_SOCKET;
	info.sock_family = 1; /* AF_UNIX */
	info.peer.family = 1;
	info.peer.path.ptr = "/fuzz/sock";
	info.peer.path.len = 10;
	fdtable_set(t, 3, &info);
	return t;
}

/*
 * Input: [0] which syscall (bit 7: the i386 table), [1] string limit,
 * [8..16) the return value, [16..64) the six arguments; all of it is
 * also the memory at FUZZ_BASE the arguments may point into.
 */
static void fuzz_syscall(const unsigned char *data, size_t size)
{
	static struct decode_call c;
	struct tmem_region r = { FUZZ_BASE, data, size };
	char a[4096], b[4096];
	struct cpd_event ev, *copy;
	struct decode_ctx ctx;
	struct tmem_buf mem;
	uint64_t args[6];
	uint32_t arch;
	int64_t ret;
	int nr;

	if (size < 64)
		return;
	arch = data[0] & 0x80 ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64;
	nr = sysent_number(
		arch, fuzz_calls[(data[0] & 0x7f) %
				 (sizeof(fuzz_calls) / sizeof(fuzz_calls[0]))]);
	if (nr < 0)
		return;
	memcpy(&ret, data + 8, sizeof(ret));
	memcpy(args, data + 16, sizeof(args));
	tmem_buf_init(&mem, &r, 1);
	memset(&ctx, 0, sizeof(ctx));
	ctx.mem = &mem.mem;
	ctx.string_limit = 1u + data[1];
	ctx.read_data = true;
	ctx.fd_lookup = fuzz_fd;
	ctx.arg = fuzz_fds();
	decode_entry(&c, &ctx, arch, nr, args, 1);
	decode_exit(&c, &ctx, ret);
	decode_retval_fd(&c, &ctx, ret);
	memset(&ev, 0, sizeof(ev));
	ev.size = sizeof(ev);
	ev.kind = CPD_EV_SYSCALL;
	decode_fill(&c, &ev.u.syscall, ret, 2);
	sysfmt_format(&ev, a, sizeof(a));
	sysfmt_format(&ev, a, 16);
	copy = evcopy_dup(&ev, sizeof(ev));
	sysfmt_format(&ev, a, sizeof(a));
	/* the copy must not depend on the decoder's memory */
	decode_call_free(&c);
	memset(&c, 0, sizeof(c));
	sysfmt_format(copy, b, sizeof(b));
	if (strcmp(a, b))
		__builtin_trap();
	free(copy);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const choices[] = { "a", "bb", NULL };
	static const struct cpd_option opts[] = {
		{ .name = "b", .type = CPD_OPT_BOOL },
		{ .name = "i", .type = CPD_OPT_INT, .min = -5, .max = 5 },
		{ .name = "u", .type = CPD_OPT_UINT },
		{ .name = "s", .type = CPD_OPT_SIZE },
		{ .name = "d", .type = CPD_OPT_DURATION },
		{ .name = "e", .type = CPD_OPT_ENUM, .choices = choices },
		{ .name = "l", .type = CPD_OPT_LIST },
	};
	struct cpd_sockaddr sa;
	char path[128], out[512], why[256], *text;
	struct optval v;
	uint64_t flags = 0;
	size_t i;

	fdproc_decode_sockaddr(data, size, &sa, path, sizeof(path));
	sysfmt_sockaddr(&sa, out, sizeof(out));
	sysfmt_sockaddr(&sa, out, 8);

	memcpy(&flags, data, size < sizeof(flags) ? size : sizeof(flags));
	for (i = 1; i <= 47; i++) {
		xlat_format((uint32_t)i, flags, out, sizeof(out));
		xlat_format((uint32_t)i, flags, out, 5);
	}

	fuzz_syscall(data, size);

	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		optval_parse(&opts[i], text, &v, why, sizeof(why));
	optval_free_list(optval_split_list(text, NULL));
	free(text);
	return 0;
}
