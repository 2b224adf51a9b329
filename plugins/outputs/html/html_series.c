// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * The charts' data, taken from every event (not only the rows the cap
 * keeps): each process's heap and mapped bytes over time, from the
 * totals its mmap events carry, and the bytes read, written, sent and
 * received per time bucket. Both are bounded: a process keeps at most
 * HTML_MEM_POINTS points (when full, pairs merge and the spacing
 * doubles), the I/O series at most HTML_IO_BUCKETS buckets (when full,
 * the width doubles).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

#define HTML_MEM_POINTS	  512u
#define HTML_IO_BUCKETS	  1024u
#define HTML_IO_MIN_WIDTH 1000000u /* ns: 1 ms */

static struct html_mem *html_mem_of(struct html_data *d, uint32_t lane)
{
	uint64_t cap = d->capmem;
	struct html_mem *m;

	if (d->lanes[lane].mem)
		return &d->mem[d->lanes[lane].mem - 1];
	if (d->nmem == UINT32_MAX - 1 ||
	    html_grow(&d->mem, d->nmem, &cap, sizeof(*d->mem)))
		return NULL;
	d->capmem = (uint32_t)(cap > UINT32_MAX ? UINT32_MAX : cap);
	m = &d->mem[d->nmem];
	memset(m, 0, sizeof(*m));
	m->pts = calloc(HTML_MEM_POINTS, sizeof(*m->pts));
	if (!m->pts)
		return NULL;
	m->lane = lane;
	d->lanes[lane].mem = ++d->nmem;
	return m;
}

/* Full: merge pairs (the first's time, the second's values). */
static void html_mem_halve(struct html_mem *m)
{
	uint64_t span = m->pts[m->n - 1][0] - m->pts[0][0];
	uint32_t i, out = 0;

	for (i = 0; i < m->n; i += 2) {
		m->pts[out][0] = m->pts[i][0];
		if (i + 1 < m->n) {
			m->pts[out][1] = m->pts[i + 1][1];
			m->pts[out][2] = m->pts[i + 1][2];
		} else {
			m->pts[out][1] = m->pts[i][1];
			m->pts[out][2] = m->pts[i][2];
		}
		out++;
	}
	m->n = out;
	m->min_dt = m->min_dt ? 2 * m->min_dt : span / (HTML_MEM_POINTS / 2);
	if (!m->min_dt)
		m->min_dt = 1;
}

static int html_series_mem(struct html_data *d, const struct cpd_event *ev)
{
	uint64_t t = html_rel(d, ev->ts_ns);
	int32_t lane = html_lane_get(d, ev->pid, ev->pid, t);
	struct html_mem *m;
	uint64_t *p;

	if (lane < 0)
		return -ENOMEM;
	m = html_mem_of(d, (uint32_t)lane);
	if (!m)
		return -ENOMEM;
	if (m->n &&
	    (t < m->pts[m->n - 1][0] + m->min_dt || t <= m->pts[m->n - 1][0])) {
		p = m->pts[m->n - 1];
	} else {
		if (m->n == HTML_MEM_POINTS)
			html_mem_halve(m);
		p = m->pts[m->n++];
		p[0] = t;
	}
	p[1] = ev->u.mmap.heap_bytes;
	p[2] = ev->u.mmap.mapped_bytes;
	return 0;
}

static int html_io_add(struct html_data *d, uint64_t t, int series,
		       uint64_t bytes)
{
	struct html_io *io = &d->io;
	uint64_t i;
	uint32_t k;

	if (!bytes)
		return 0;
	if (!io->b) {
		io->b = calloc(HTML_IO_BUCKETS, sizeof(*io->b));
		if (!io->b)
			return -ENOMEM;
		io->width = HTML_IO_MIN_WIDTH;
	}
	while (t / io->width >= HTML_IO_BUCKETS &&
	       io->width <= UINT64_MAX / 2) {
		for (k = 0; k < HTML_IO_BUCKETS / 2; k++) {
			int s;

			for (s = 0; s < HTML_IO_SERIES; s++)
				io->b[k][s] =
					io->b[2 * k][s] + io->b[2 * k + 1][s];
		}
		memset(io->b[HTML_IO_BUCKETS / 2], 0,
		       HTML_IO_BUCKETS / 2 * sizeof(*io->b));
		io->n = (io->n + 1) / 2;
		io->width *= 2;
	}
	i = t / io->width;
	if (i >= HTML_IO_BUCKETS)
		i = HTML_IO_BUCKETS - 1;
	io->b[i][series] += bytes;
	if (i + 1 > io->n)
		io->n = (uint32_t)i + 1;
	return 0;
}

/*
 * What the charts count of file and socket I/O: what the report shows
 * (not what the noise filters hid, unless hidden = yes); network is
 * every socket to a peer, loopback included, but not local IPC.
 */
static int html_series_io(struct html_data *d, const struct cpd_event *ev)
{
	uint64_t t = html_rel(d, ev->ts_ns);
	const struct cpd_ev_file *f = &ev->u.file;
	const struct cpd_ev_net *n = &ev->u.net;

	if (ev->kind == CPD_EV_FILE) {
		if ((f->flags & CPD_FILEF_HIDDEN) && !d->hidden)
			return 0;
		switch (f->op) {
		case CPD_FILE_READ:
			return html_io_add(d, t, HTML_IO_READ, f->bytes);
		case CPD_FILE_WRITE:
			return html_io_add(d, t, HTML_IO_WRITE, f->bytes);
		case CPD_FILE_COPY:
		case CPD_FILE_SENDFILE:
		case CPD_FILE_SPLICE:
			if (html_io_add(d, t, HTML_IO_READ, f->bytes))
				return -ENOMEM;
			return html_io_add(d, t,
					   f->flags & CPD_FILEF_TO_NETWORK ?
						   HTML_IO_SENT :
						   HTML_IO_WRITE,
					   f->bytes);
		default:
			return 0;
		}
	}
	if ((n->flags & CPD_NETF_HIDDEN) && !d->hidden)
		return 0;
	if (n->flags & CPD_NETF_LOCAL_IPC)
		return 0;
	if (n->op == CPD_NET_SEND)
		return html_io_add(d, t, HTML_IO_SENT, n->bytes);
	if (n->op == CPD_NET_RECV)
		return html_io_add(d, t, HTML_IO_RECEIVED, n->bytes);
	return 0;
}

int html_series_add(struct html_data *d, const struct cpd_event *ev)
{
	switch (ev->kind) {
	case CPD_EV_MMAP:
		if (ev->u.mmap.err)
			return 0;
		return html_series_mem(d, ev);
	case CPD_EV_FILE:
	case CPD_EV_NET:
		return html_series_io(d, ev);
	default:
		return 0;
	}
}

void html_series_free(struct html_data *d)
{
	uint32_t i;

	for (i = 0; i < d->nmem; i++)
		free(d->mem[i].pts);
	free(d->mem);
	d->mem = NULL;
	d->nmem = d->capmem = 0;
	free(d->io.b);
	memset(&d->io, 0, sizeof(d->io));
}
