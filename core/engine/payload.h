/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * Payload rules (cpd_plugin.payloads): checking a plugin's when it is
 * loaded, the union over the instances that run, and matching a call's
 * socket against it when the decoder captures what the call moved
 * (decode_payload.c).
 */
#ifndef CPD_CORE_PAYLOAD_H
#define CPD_CORE_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

#include <compendium/syscall.h>

/* Rules one plugin may list; more means a missing CPD_PAYLOAD_RULE_END. */
#define PAYLOAD_RULES_MAX 64

/*
 * The rules the engines honour: one per (port, protocol), with the
 * largest max_bytes any instance asked for.
 */
struct payload_rules {
	struct cpd_payload_rule rule[PAYLOAD_RULES_MAX];
	size_t n;
};

/*
 * Check a plugin's rules (NULL: none). On failure -EINVAL, why naming the
 * rule and what is wrong with it ("payload rule 2: port 0").
 */
int payload_check(const struct cpd_payload_rule *rules, char *why,
		  size_t whylen);

/* Add checked rules to the union. -ENOSPC when it is full. */
int payload_add(struct payload_rules *u, const struct cpd_payload_rule *rules);

/*
 * The most bytes per message the union keeps for a socket of protocol
 * proto (CPD_PROTO_*) with one of the ports (0s ignored), or 0.
 */
uint32_t payload_match(const struct payload_rules *u, uint16_t proto,
		       const uint16_t *ports, size_t nports);

#endif /* CPD_CORE_PAYLOAD_H */
