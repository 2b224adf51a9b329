// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * Payload rules: a plugin's, checked when it is loaded; the union of the
 * running instances', which is what the engines match calls against.
 */
#include "payload.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

#define PAYLOAD_PROTOS (CPD_PROTO_UDP | CPD_PROTO_TCP)

static bool payload_end(const struct cpd_payload_rule *r)
{
	return !r->port && !r->proto && !r->max_bytes;
}

int payload_check(const struct cpd_payload_rule *rules, char *why,
		  size_t whylen)
{
	size_t i;

	if (!rules)
		return 0;
	for (i = 0; !payload_end(&rules[i]); i++) {
		const struct cpd_payload_rule *r = &rules[i];

		if (i == PAYLOAD_RULES_MAX) {
			snprintf(
				why, whylen,
				"more than %d payload rules: is CPD_PAYLOAD_RULE_END missing?",
				PAYLOAD_RULES_MAX);
			return -EINVAL;
		}
		if (!r->port) {
			snprintf(why, whylen, "payload rule %zu: port 0", i);
			return -EINVAL;
		}
		if (!r->proto || r->proto & ~PAYLOAD_PROTOS) {
			snprintf(why, whylen,
				 "payload rule %zu: unknown protocol bits 0x%x",
				 i, r->proto);
			return -EINVAL;
		}
		if (!r->max_bytes || r->max_bytes > CPD_PAYLOAD_MAX) {
			snprintf(
				why, whylen,
				"payload rule %zu: max_bytes %u is not between 1 and %u",
				i, r->max_bytes, CPD_PAYLOAD_MAX);
			return -EINVAL;
		}
	}
	return 0;
}

int payload_add(struct payload_rules *u, const struct cpd_payload_rule *rules)
{
	size_t i, j;

	for (i = 0; rules && !payload_end(&rules[i]); i++) {
		const struct cpd_payload_rule *r = &rules[i];

		for (j = 0; j < u->n; j++) {
			struct cpd_payload_rule *have = &u->rule[j];

			if (have->port == r->port && have->proto == r->proto) {
				if (r->max_bytes > have->max_bytes)
					have->max_bytes = r->max_bytes;
				break;
			}
		}
		if (j < u->n)
			continue;
		if (u->n == PAYLOAD_RULES_MAX)
			return -ENOSPC;
		u->rule[u->n++] = *r;
	}
	return 0;
}

uint32_t payload_match(const struct payload_rules *u, uint16_t proto,
		       const uint16_t *ports, size_t nports)
{
	uint32_t max = 0;
	size_t i, k;

	for (i = 0; u && i < u->n; i++) {
		const struct cpd_payload_rule *r = &u->rule[i];

		if (!(r->proto & proto) || r->max_bytes <= max)
			continue;
		for (k = 0; k < nports; k++)
			if (ports[k] && ports[k] == r->port) {
				max = r->max_bytes;
				break;
			}
	}
	return max;
}
