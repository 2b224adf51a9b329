/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 the compendium developers */
/*
 * Field reflection: a table per event kind describing its payload, so that
 * outputs (console, CSV, JSON, HTML, third-party ones) print any kind, a
 * custom one included, without knowing it. Also the flag tables the host
 * can format.
 */
#ifndef COMPENDIUM_FIELD_H
#define COMPENDIUM_FIELD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Field types. Values are ABI. Since: ABI 1.0. */
enum cpd_field_type {
	CPD_FT_S64 = 1,
	CPD_FT_U64 = 2,
	CPD_FT_DOUBLE = 3,
	CPD_FT_STR = 4, /* struct cpd_str */
	CPD_FT_S32 = 5,
	CPD_FT_U32 = 6,
	CPD_FT_U16 = 7,
	CPD_FT_FD = 8,	      /* int32_t fd number */
	CPD_FT_ERRNO = 9,     /* int32_t positive errno, 0 = none */
	CPD_FT_FLAGS = 10,    /* uint32_t bits named by cpd_field.xlat */
	CPD_FT_ENUM = 11,     /* uint32_t value named by cpd_field.xlat */
	CPD_FT_ADDR = 12,     /* uint64_t address */
	CPD_FT_SOCKADDR = 13, /* struct cpd_sockaddr */
	CPD_FT_STRV = 14,     /* struct cpd_str, NUL-separated list */
	CPD_FT_SIGNAL = 15,   /* int32_t signal number */
	CPD_FT_MODE = 16,     /* uint32_t mode bits, octal */
	CPD_FT_DEV = 17,      /* uint32_t kernel dev_t */
};

/*
 * Flag and value tables the host knows how to name (cpd_host.format_xlat).
 * Values are ABI. Since: ABI 1.0.
 */
enum cpd_xlat {
	CPD_XLAT_NONE = 0,
	CPD_XLAT_OPEN_FLAGS = 1,    /* O_* */
	CPD_XLAT_PROT = 2,	    /* PROT_* */
	CPD_XLAT_MAP_FLAGS = 3,	    /* MAP_* */
	CPD_XLAT_AF = 4,	    /* AF_* (enum) */
	CPD_XLAT_SOCK_TYPE = 5,	    /* SOCK_* type and flags */
	CPD_XLAT_AT_FLAGS = 6,	    /* AT_* */
	CPD_XLAT_CLONE_FLAGS = 7,   /* CLONE_* */
	CPD_XLAT_FCNTL_CMD = 8,	    /* F_* (enum) */
	CPD_XLAT_MSG_FLAGS = 9,	    /* MSG_* */
	CPD_XLAT_PROC_OP = 10,	    /* enum cpd_proc_op */
	CPD_XLAT_FILE_OP = 11,	    /* enum cpd_file_op */
	CPD_XLAT_NET_OP = 12,	    /* enum cpd_net_op */
	CPD_XLAT_MMAP_OP = 13,	    /* enum cpd_mmap_op */
	CPD_XLAT_REGION = 14,	    /* enum cpd_region_kind */
	CPD_XLAT_SCHED_OP = 15,	    /* enum cpd_sched_op */
	CPD_XLAT_BLKIO_OP = 16,	    /* enum cpd_blkio_op */
	CPD_XLAT_FD_KIND = 17,	    /* enum cpd_fd_kind */
	CPD_XLAT_EVENT_KIND = 18,   /* enum cpd_event_kind */
	CPD_XLAT_SEEK_WHENCE = 19,  /* SEEK_* (enum) */
	CPD_XLAT_MREMAP_FLAGS = 20, /* MREMAP_* */
	CPD_XLAT_MADVISE = 21,	    /* MADV_* (enum) */
	CPD_XLAT_SIGPROCMASK = 22,  /* SIG_BLOCK, ... (enum) */
	CPD_XLAT_WAIT_FLAGS = 23,   /* WNOHANG, ... */
	CPD_XLAT_ACCESS_MODE = 24,  /* F_OK, R_OK, ... */
	CPD_XLAT_SHUTDOWN = 25,	    /* SHUT_* (enum) */
	CPD_XLAT_SOCK_LEVEL = 26,   /* SOL_* (enum) */
	CPD_XLAT_EFD_FLAGS = 27,    /* EFD_*, TFD_*, ... (CLOEXEC/NONBLOCK) */
	CPD_XLAT_PROC_FLAGS = 28,   /* CPD_PROCF_* */
	CPD_XLAT_FILE_FLAGS = 29,   /* CPD_FILEF_* */
	CPD_XLAT_NET_FLAGS = 30,    /* CPD_NETF_* */
	CPD_XLAT_MMAP_FLAGS = 31,   /* CPD_MMAPF_* */
	CPD_XLAT_SC_CLASS = 32,	    /* CPD_SC_* */
	CPD_XLAT_CLOSE_RANGE = 33,  /* CLOSE_RANGE_* */
	CPD_XLAT_RENAME_FLAGS = 34, /* RENAME_* */
	CPD_XLAT_IPPROTO = 35,	    /* IPPROTO_* (enum) */
	CPD_XLAT_FUTEX_OP = 36,	    /* FUTEX_* (enum, with flags) */
	CPD_XLAT_PRCTL = 37,	    /* PR_* (enum) */
	CPD_XLAT_ARCH_PRCTL = 38,   /* ARCH_* (enum) */
	CPD_XLAT_RLIMIT = 39,	    /* RLIMIT_* (enum) */
	CPD_XLAT_CLOCK_ID = 40,	    /* CLOCK_* (enum) */
	CPD_XLAT_EPOLL_CTL = 41,    /* EPOLL_CTL_* (enum) */
	CPD_XLAT_GRND_FLAGS = 42,   /* GRND_* */
	CPD_XLAT_BLKIO_FLAGS = 43,  /* reserved */
	CPD_XLAT_FAULT_FLAGS = 44,  /* CPD_FAULTF_* */
	CPD_XLAT_MEMFD_FLAGS = 45,  /* MFD_* */
	CPD_XLAT_PIPE_FLAGS = 46,   /* O_CLOEXEC, O_NONBLOCK, O_DIRECT */
	CPD_XLAT_SIGNAL = 47,	    /* SIG* (enum) */

	/* Since: ABI 1.1. enum cpd_severity, and CPD_FINDF_*. */
	CPD_XLAT_SEVERITY = 48,
	CPD_XLAT_FINDING_FLAGS = 49,
	/* Since: ABI 1.1. enum cpd_dns_op, and CPD_DNSF_*. */
	CPD_XLAT_DNS_OP = 50,
	CPD_XLAT_DNS_FLAGS = 51,
};

/* cpd_field.flags */
#define CPD_FIELDF_KEY	    (1u << 0) /* identifies the event (op, path) */
#define CPD_FIELDF_OPTIONAL (1u << 1) /* often empty; outputs may skip it */

/*
 * One field of an event payload. Since: ABI 1.0.
 * offset is from the start of struct cpd_event. Static for the program's
 * life (host tables) or the plugin's (custom kinds).
 */
struct cpd_field {
	const char *name; /* snake_case, unique within the kind */
	uint16_t type;	  /* enum cpd_field_type */
	uint16_t xlat;	  /* enum cpd_xlat for FLAGS/ENUM, else 0 */
	uint32_t offset;
	uint16_t unit;	   /* enum cpd_unit */
	uint16_t flags;	   /* CPD_FIELDF_* */
	uint32_t reserved; /* zero */
	const char *help;  /* one line */
};

/*
 * How a third-party analyzer describes a kind of its own
 * (cpd_host.register_kind). Since: ABI 1.0.
 */
struct cpd_kind_desc {
	uint32_t struct_size; /* sizeof(struct cpd_kind_desc) */
	uint32_t nfields;
	const char *name; /* [a-z0-9_]+, unique: "dns" */
	const char *description;
	const struct cpd_field *fields; /* static, nfields entries */
};

#ifdef __cplusplus
}
#endif
#endif /* COMPENDIUM_FIELD_H */
