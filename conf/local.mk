# SPDX-License-Identifier: GPL-2.0-or-later
compendiumconfdir = $(sysconfdir)/compendium
dist_compendiumconf_DATA = conf/compendium.conf
