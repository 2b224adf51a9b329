# SPDX-License-Identifier: GPL-2.0-or-later
# The dns analyzer: its message reader and its pairing of questions and
# answers on their own, and the whole analyzer against a DNS server of
# the tests' own in a network and mount namespace. Included from
# tests/progs/local.mk.
dns_tests = tests/integration/dns_lookups.test
TESTS += $(dns_tests)
EXTRA_DIST += $(dns_tests) tests/integration/dns_server.py \
	tests/unit/dns_build.h

if HAVE_CUNIT
dns_unit_tests = tests/unit/dns_msg tests/unit/dns_flow
check_PROGRAMS += $(dns_unit_tests)
TESTS += $(dns_unit_tests)

DNS_UNIT_CPP = $(CPD_TEST_CPP_OPTS) $(PLUGIN_CPP_OPTS) \
	-I$(top_srcdir)/plugins
tests_unit_dns_msg_SOURCES = tests/unit/dns_msg.c \
	plugins/analyzers/dns/dnsmsg.c
tests_unit_dns_msg_CPPFLAGS = $(DNS_UNIT_CPP)
tests_unit_dns_msg_LDADD = $(CPD_TEST_LIBS)
tests_unit_dns_flow_SOURCES = tests/unit/dns_flow.c \
	plugins/analyzers/dns/dnsflow.c plugins/analyzers/dns/dnsmsg.c
tests_unit_dns_flow_CPPFLAGS = $(DNS_UNIT_CPP)
tests_unit_dns_flow_LDADD = $(CPD_TEST_LIBS)
endif
