# SPDX-License-Identifier: GPL-2.0-or-later
# First-party plugins: ordinary modules built against sdk/include only.
# -Wl,-z,defs makes any reference to a core symbol a link error; host
# services come through the vtable. Sources live by role (lib/, analyzers/,
# ebpf/, outputs/); the modules are built as plugins/NAME.la so that every
# .so lands in plugins/.libs, where an uninstalled ./compendium finds them.
PLUGIN_CPP_OPTS = -I$(top_srcdir)/sdk/include -I$(top_srcdir)/plugins
PLUGIN_CC_OPTS = $(AM_CFLAGS) -fvisibility=hidden
PLUGIN_LD_OPTS = -module -avoid-version -shared \
	-export-symbols-regex '^cpd_plugin_v[0-9]+$$' -Wl,-z,defs

include plugins/lib/local.mk
include plugins/analyzers/local.mk
include plugins/analyzers/dns/local.mk
include plugins/ebpf/local.mk
include plugins/outputs/local.mk
include plugins/outputs/console/local.mk
include plugins/outputs/html/local.mk
