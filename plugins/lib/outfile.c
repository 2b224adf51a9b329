// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"

/* Our own stream on stdout, so its buffer is ours and not the host's. */
static FILE *outfile_stdout(void)
{
	int fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	FILE *fp;
	int err;

	if (fd < 0)
		return NULL;
	fp = fdopen(fd, "w");
	if (!fp) {
		err = errno;
		close(fd);
		errno = err;
	}
	return fp;
}

int outfile_open(struct outfile *o, const struct cpd_host *host,
		 struct cpd_instance *inst, const char *path, size_t bufsize,
		 unsigned flags)
{
	bool is_stdout = !strcmp(path, "-");
	int mode = _IOFBF, err;

	memset(o, 0, sizeof(*o));
	o->path = path;
	o->host = host;
	o->inst = inst;
	o->fp = is_stdout ? outfile_stdout() : fopen(path, "we");
	if (!o->fp) {
		err = errno;
		host->log(inst, CPD_LOG_ERROR, "cannot open '%s': %s", path,
			  strerror(err));
		return -err;
	}
	if (is_stdout && ((flags & OUTFILE_LINES) || isatty(STDOUT_FILENO)))
		mode = _IOLBF;
	if (bufsize)
		o->buf = malloc(bufsize);
	/* no memory for ours: stdio's own buffer will do */
	if (o->buf)
		setvbuf(o->fp, o->buf, mode, bufsize);
	else if (mode == _IOLBF)
		setvbuf(o->fp, NULL, mode, 0);
	return 0;
}

int outfile_error(struct outfile *o, int err)
{
	if (o->failed)
		return -err;
	o->failed = true;
	if (err == ENOMEM)
		o->host->log(o->inst, CPD_LOG_ERROR,
			     "out of memory writing '%s'", o->path);
	else
		o->host->log(o->inst, CPD_LOG_ERROR, "cannot write '%s': %s",
			     o->path, strerror(err));
	return -err;
}

int outfile_write(struct outfile *o, const void *p, size_t n)
{
	if (n && !o->failed && fwrite(p, 1, n, o->fp) != n)
		outfile_error(o, errno ? errno : EIO);
	return o->failed ? -EIO : 0;
}

int outfile_flush(struct outfile *o)
{
	if (!o->fp || o->failed)
		return 0;
	errno = 0;
	if (!fflush(o->fp))
		return 0;
	return outfile_error(o, errno ? errno : EIO);
}

int outfile_close(struct outfile *o)
{
	int rc = 0;

	if (!o->fp)
		return 0;
	errno = 0;
	if (fclose(o->fp) && !o->failed)
		rc = outfile_error(o, errno ? errno : EIO);
	o->fp = NULL;
	free(o->buf);
	o->buf = NULL;
	return rc;
}
