// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * report_feed: a third party's analyzer as the report schema lets one
 * write it. When tracing ends it publishes fixed reports that use every
 * part of the schema (a key in the I/O block the file analyzer starts,
 * details, NONZERO keys, a duration, a percentage, a key kept out of the
 * summary, tables with and without a row template, a table the summary
 * leaves out), then three reports publish() must refuse: a key its schema
 * lacks, the file analyzer's topic, a value of the wrong type. It logs
 * what publish() returned for those, so a test can check both sides.
 */
#include "bad.h"

#include <stdbool.h>
#include <string.h>

struct report_feed {
	const struct cpd_host *host;
	struct cpd_instance *inst;
};

#define FEED_KEY(k, l, t, u, f, g)                                      \
	{                                                               \
		.key = k, .label = l, .type = t, .unit = u, .flags = f, \
		.group = g, .help = "what " k " is"                     \
	}
#define FEED_COUNT(k, l, f) FEED_KEY(k, l, CPD_KV_U64, CPD_UNIT_COUNT, f, NULL)
#define FEED_STR(k, l, f)   FEED_KEY(k, l, CPD_KV_STR, CPD_UNIT_NONE, f, NULL)
#define FEED_SUM	    CPD_RKF_SUMMARY
#define FEED_N(a)	    ((uint32_t)(sizeof(a) / sizeof((a)[0])))

static const struct cpd_report_key feed_keys[] = {
	FEED_KEY("moved", "Feed moved", CPD_KV_U64, CPD_UNIT_BYTES,
		 FEED_SUM | CPD_RKF_ALIGN, "I/O"),
	FEED_COUNT("widgets", "Widgets", FEED_SUM),
	FEED_COUNT("boxes", "boxes", FEED_SUM | CPD_RKF_DETAIL),
	FEED_COUNT("crates", "crates", FEED_SUM | CPD_RKF_DETAIL),
	FEED_COUNT("spares", "Spares", FEED_SUM | CPD_RKF_NONZERO),
	FEED_COUNT("extras", "Extras", FEED_SUM | CPD_RKF_NONZERO),
	FEED_KEY("wait", "Longest wait", CPD_KV_U64, CPD_UNIT_NS, FEED_SUM,
		 NULL),
	FEED_COUNT("secret", "Secret", 0),
	FEED_KEY("ratio", "Ratio", CPD_KV_DOUBLE, CPD_UNIT_PERCENT, FEED_SUM,
		 NULL),
};
static const struct cpd_report_key feed_more_keys[] = {
	FEED_COUNT("left", "Left", FEED_SUM | CPD_RKF_NONZERO),
	FEED_COUNT("right", "Right", FEED_SUM | CPD_RKF_NONZERO),
};
static const struct cpd_report_key feed_item_keys[] = {
	FEED_STR("name", "Name", CPD_RKF_KEY),
	FEED_STR("kind", "Kind", 0),
	FEED_KEY("size", "Size", CPD_KV_U64, CPD_UNIT_BYTES, CPD_RKF_SORT,
		 NULL),
	FEED_COUNT("count", "Count", 0),
	FEED_STR("missing", "Missing", 0),
};
static const struct cpd_report_key feed_plain_keys[] = {
	FEED_STR("name", "Name", FEED_SUM | CPD_RKF_KEY),
	FEED_COUNT("count", "Count", FEED_SUM),
	FEED_COUNT("hidden", "Hidden", 0),
};

enum { FEED_MAIN, FEED_MORE, FEED_ITEMS, FEED_PLAIN, FEED_QUIET };

static const struct cpd_report_desc feed_reports[] = {
	[FEED_MAIN] = { .topic = "report_feed",
			.title = "Feed",
			.flags = CPD_RDF_SUMMARY,
			.order = 25,
			.keys = feed_keys,
			.nkeys = FEED_N(feed_keys),
			.help = "fixed values" },
	[FEED_MORE] = { .topic = "report_feed.more",
			.title = "More",
			.flags = CPD_RDF_SUMMARY,
			.order = 26,
			.keys = feed_more_keys,
			.nkeys = FEED_N(feed_more_keys) },
	[FEED_ITEMS] = { .topic = "report_feed.items",
			 .title = "Items",
			 .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			 .order = 27,
			 .keys = feed_item_keys,
			 .nkeys = FEED_N(feed_item_keys),
			 .summary_rows = 3,
			 .summary_row = "{name} {{{kind|a=alpha|b=beta}}} "
					"{size}, {count}× {missing}" },
	[FEED_PLAIN] = { .topic = "report_feed.plain",
			 .title = "Plain",
			 .flags = CPD_RDF_TABLE | CPD_RDF_SUMMARY,
			 .order = 28,
			 .keys = feed_plain_keys,
			 .nkeys = FEED_N(feed_plain_keys) },
	[FEED_QUIET] = { .topic = "report_feed.quiet",
			 .title = "Quiet",
			 .flags = CPD_RDF_TABLE,
			 .order = 29,
			 .keys = feed_plain_keys,
			 .nkeys = FEED_N(feed_plain_keys) },
	CPD_REPORT_END
};

static int feed_init(struct cpd_instance *inst, const struct cpd_host *host,
		     void **statep)
{
	struct report_feed *f = calloc(1, sizeof(*f));

	if (!f)
		return -ENOMEM;
	f->host = host;
	f->inst = inst;
	*statep = f;
	return 0;
}

static struct cpd_kv feed_u64(const char *key, uint64_t v)
{
	struct cpd_kv kv = { .key = { key, (uint32_t)strlen(key), 0 },
			     .type = CPD_KV_U64,
			     .v.u64 = v };

	return kv;
}

static struct cpd_kv feed_text(const char *key, const char *s)
{
	struct cpd_kv kv = { .key = { key, (uint32_t)strlen(key), 0 },
			     .type = CPD_KV_STR,
			     .v.str = { s, (uint32_t)strlen(s), 0 } };

	return kv;
}

/* Values only: the host adds the title, labels and units. */
static int feed_publish(struct report_feed *f, const char *topic, bool row,
			const struct cpd_kv *kv, uint32_t nkv)
{
	struct cpd_event ev = { .kind = CPD_EV_REPORT };

	ev.u.report.topic.ptr = topic;
	ev.u.report.topic.len = (uint32_t)strlen(topic);
	ev.u.report.flags = row ? CPD_REPORTF_ROW : 0;
	ev.u.report.kv = kv;
	ev.u.report.nkv = nkv;
	return f->host->publish(f->inst, &ev);
}

static int feed_stop(void *state)
{
	static const struct {
		const char *name, *kind;
		uint64_t size, count;
	} items[] = {
		{ "one", "a", 1024, 2 },      { "\033[2Jevil", "b", 0, 1 },
		{ "three", "c", 2 << 20, 3 }, { "four", "a", 4, 4 },
		{ "five", "b", 5, 5 },
	};
	struct report_feed *f = state;
	struct cpd_kv kv[10];
	int rc[3];
	size_t i;

	kv[0] = feed_u64("moved", 3072);
	kv[1] = feed_u64("widgets", 7);
	kv[2] = feed_u64("boxes", 2);
	kv[3] = feed_u64("crates", 1);
	kv[4] = feed_u64("spares", 0);
	kv[5] = feed_u64("extras", 0);
	kv[6] = feed_u64("wait", 1500000);
	kv[7] = feed_u64("secret", 99);
	kv[8] = feed_u64("ratio", 0);
	kv[8].type = CPD_KV_DOUBLE;
	kv[8].v.dbl = 12.5;
	feed_publish(f, "report_feed", false, kv, 9);
	kv[0] = feed_u64("left", 0);
	kv[1] = feed_u64("right", 5);
	feed_publish(f, "report_feed.more", false, kv, 2);
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		kv[0] = feed_text("name", items[i].name);
		kv[1] = feed_text("kind", items[i].kind);
		kv[2] = feed_u64("size", items[i].size);
		kv[3] = feed_u64("count", items[i].count);
		feed_publish(f, "report_feed.items", true, kv, 4);
	}
	kv[0] = feed_text("name", "x");
	kv[1] = feed_u64("count", 3);
	kv[2] = feed_u64("hidden", 1);
	feed_publish(f, "report_feed.plain", true, kv, 3);
	feed_publish(f, "report_feed.quiet", true, kv, 3);

	/* plugin bugs, each refused */
	kv[0] = feed_u64("bogus", 1);
	rc[0] = feed_publish(f, "report_feed", false, kv, 1);
	kv[0] = feed_u64("read_bytes", 1);
	rc[1] = feed_publish(f, "file", false, kv, 1);
	kv[0] = feed_text("widgets", "many");
	rc[2] = feed_publish(f, "report_feed", false, kv, 1);
	f->host->log(f->inst, CPD_LOG_NOTE, "publish returned %d %d %d", rc[0],
		     rc[1], rc[2]);
	return 0;
}

CPD_PLUGIN_DEFINE(.role = CPD_ROLE_ANALYZER, .name = "report_feed",
		  .version = "0",
		  .description =
			  "fixed reports that use every part of the schema",
		  .subscribe = CPD_EVMASK(CPD_EV_PROC),
		  .publishes = CPD_EVMASK(CPD_EV_REPORT), .init = feed_init,
		  .on_event = bad_on_event, .stop = feed_stop, .fini = bad_fini,
		  .reports = feed_reports, );
