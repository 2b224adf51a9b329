# SPDX-License-Identifier: GPL-2.0-or-later
# Deliberately broken plugins for the loader tests, each breaking one rule,
# plus good and tail_zero that must load, and report_feed and report_v10
# that publish reports with and without a schema. They are real modules
# built the way plugins are (-rpath makes libtool build a .so rather than
# a convenience archive); the .so files land in tests/bad/.libs/.
BAD_LD_OPTS = $(PLUGIN_LD_OPTS) -rpath /nowhere

bad_plugins = \
	tests/bad/good.la \
	tests/bad/tail_zero.la \
	tests/bad/bad_major.la \
	tests/bad/bad_major_field.la \
	tests/bad/bad_minor.la \
	tests/bad/bad_short.la \
	tests/bad/bad_tail.la \
	tests/bad/bad_nosym.la \
	tests/bad/bad_noinit.la \
	tests/bad/bad_nofini.la \
	tests/bad/bad_noevent.la \
	tests/bad/bad_output.la \
	tests/bad/bad_name.la \
	tests/bad/bad_options.la \
	tests/bad/bad_role.la \
	tests/bad/bad_version.la \
	tests/bad/bad_kinds.la \
	tests/bad/bad_undef.la \
	tests/bad/bad_report_topic.la \
	tests/bad/bad_report_unit.la \
	tests/bad/bad_report_row.la \
	tests/bad/bad_report_detail.la \
	tests/bad/report_twin.la \
	tests/bad/report_feed.la \
	tests/bad/report_v10.la \
	tests/bad/flaky.la
check_LTLIBRARIES += $(bad_plugins)
noinst_HEADERS += tests/bad/bad.h

tests_bad_good_la_SOURCES = tests/bad/good.c
tests_bad_good_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_good_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_good_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_tail_zero_la_SOURCES = tests/bad/tail_zero.c
tests_bad_tail_zero_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_tail_zero_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_tail_zero_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_major_la_SOURCES = tests/bad/bad_major.c
tests_bad_bad_major_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_major_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_major_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_major_field_la_SOURCES = tests/bad/bad_major_field.c
tests_bad_bad_major_field_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_major_field_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_major_field_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_minor_la_SOURCES = tests/bad/bad_minor.c
tests_bad_bad_minor_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_minor_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_minor_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_short_la_SOURCES = tests/bad/bad_short.c
tests_bad_bad_short_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_short_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_short_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_tail_la_SOURCES = tests/bad/bad_tail.c
tests_bad_bad_tail_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_tail_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_tail_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_nosym_la_SOURCES = tests/bad/bad_nosym.c
tests_bad_bad_nosym_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_nosym_la_CFLAGS = $(PLUGIN_CC_OPTS)
# no export list: it would be empty, which ld refuses
tests_bad_bad_nosym_la_LDFLAGS = -module -avoid-version -shared -rpath /nowhere \
	-Wl,-z,defs

tests_bad_bad_noinit_la_SOURCES = tests/bad/bad_noinit.c
tests_bad_bad_noinit_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_noinit_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_noinit_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_nofini_la_SOURCES = tests/bad/bad_nofini.c
tests_bad_bad_nofini_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_nofini_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_nofini_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_noevent_la_SOURCES = tests/bad/bad_noevent.c
tests_bad_bad_noevent_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_noevent_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_noevent_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_output_la_SOURCES = tests/bad/bad_output.c
tests_bad_bad_output_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_output_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_output_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_name_la_SOURCES = tests/bad/bad_name.c
tests_bad_bad_name_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_name_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_name_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_options_la_SOURCES = tests/bad/bad_options.c
tests_bad_bad_options_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_options_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_options_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_role_la_SOURCES = tests/bad/bad_role.c
tests_bad_bad_role_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_role_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_role_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_version_la_SOURCES = tests/bad/bad_version.c
tests_bad_bad_version_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_version_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_version_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_kinds_la_SOURCES = tests/bad/bad_kinds.c
tests_bad_bad_kinds_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_kinds_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_kinds_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_undef_la_SOURCES = tests/bad/bad_undef.c
tests_bad_bad_undef_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_undef_la_CFLAGS = $(PLUGIN_CC_OPTS)
# no -z defs: the undefined reference is the point
tests_bad_bad_undef_la_LDFLAGS = -module -avoid-version -shared -rpath /nowhere \
	-export-symbols-regex '^cpd_plugin_v[0-9]+$$'

tests_bad_bad_report_topic_la_SOURCES = tests/bad/bad_report_topic.c
tests_bad_bad_report_topic_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_report_topic_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_report_topic_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_report_unit_la_SOURCES = tests/bad/bad_report_unit.c
tests_bad_bad_report_unit_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_report_unit_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_report_unit_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_report_row_la_SOURCES = tests/bad/bad_report_row.c
tests_bad_bad_report_row_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_report_row_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_report_row_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_bad_report_detail_la_SOURCES = tests/bad/bad_report_detail.c
tests_bad_bad_report_detail_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_bad_report_detail_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_bad_report_detail_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_report_twin_la_SOURCES = tests/bad/report_twin.c
tests_bad_report_twin_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_report_twin_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_report_twin_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_report_feed_la_SOURCES = tests/bad/report_feed.c
tests_bad_report_feed_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_report_feed_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_report_feed_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_report_v10_la_SOURCES = tests/bad/report_v10.c
tests_bad_report_v10_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_report_v10_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_report_v10_la_LDFLAGS = $(BAD_LD_OPTS)

tests_bad_flaky_la_SOURCES = tests/bad/flaky.c
tests_bad_flaky_la_CPPFLAGS = $(PLUGIN_CPP_OPTS)
tests_bad_flaky_la_CFLAGS = $(PLUGIN_CC_OPTS)
tests_bad_flaky_la_LDFLAGS = $(BAD_LD_OPTS)
