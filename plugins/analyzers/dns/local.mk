# SPDX-License-Identifier: GPL-2.0-or-later
# The dns analyzer: the message reader (dnsmsg), the pairing of questions
# and answers (dnsflow), and the plugin. The first two are also what the
# unit tests and the fuzz harness build.
pkglib_LTLIBRARIES += plugins/dns.la
plugins_dns_la_SOURCES = \
	plugins/analyzers/dns/dns.c \
	plugins/analyzers/dns/dnsflow.c plugins/analyzers/dns/dnsflow.h \
	plugins/analyzers/dns/dnsmsg.c plugins/analyzers/dns/dnsmsg.h
plugins_dns_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
plugins_dns_la_CFLAGS = $(PLUGIN_CC_OPTS)
plugins_dns_la_LDFLAGS = $(PLUGIN_LD_OPTS)
plugins_dns_la_LIBADD = plugins/libcpdutil.la
