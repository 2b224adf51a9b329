# SPDX-License-Identifier: GPL-2.0-or-later
# The plugin SDK: public headers and the pkg-config file. Plugins link
# nothing of ours, so there is no library here.
cpdincludedir = $(includedir)/compendium
cpdinclude_HEADERS = \
	sdk/include/compendium/compendium.h \
	sdk/include/compendium/event.h \
	sdk/include/compendium/field.h \
	sdk/include/compendium/host.h \
	sdk/include/compendium/option.h \
	sdk/include/compendium/plugin.h \
	sdk/include/compendium/report.h \
	sdk/include/compendium/syscall.h \
	sdk/include/compendium/types.h

pkgconfig_DATA = sdk/compendium-sdk.pc
DISTCLEANFILES += sdk/compendium-sdk.pc

EXTRA_DIST += \
	sdk/compendium-sdk.pc.in \
	sdk/examples/Makefile \
	sdk/examples/README.md \
	sdk/examples/tally.c \
	sdk/examples/topfiles.c
