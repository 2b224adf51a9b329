# SPDX-License-Identifier: GPL-2.0-or-later
# First-party plugins: ordinary modules built against sdk/include only.
# -Wl,-z,defs makes any reference to a core symbol a link error; host
# services come through the vtable.
PLUGIN_CPP_OPTS = -I$(top_srcdir)/sdk/include
PLUGIN_CC_OPTS = $(AM_CFLAGS) -fvisibility=hidden
PLUGIN_LD_OPTS = -module -avoid-version -shared \
	-export-symbols-regex '^cpd_plugin_v[0-9]+$$' -Wl,-z,defs
