# SPDX-License-Identifier: GPL-2.0-or-later
# Plugins are dlopen()ed by file name, never linked against, so libtool's
# .la files are of no use installed (Debian policy 10.2 asks packages not
# to ship them). Remove each right after libtool installs it; then
# libtool's uninstall, which reads the .la to find the .so, cannot find
# the .so, so uninstall removes that itself.
install-exec-hook: cpd-install-drop-la
cpd-install-drop-la:
	@for la in $(pkglib_LTLIBRARIES); do \
		f='$(DESTDIR)$(pkglibdir)'/`basename "$$la"`; \
		echo " rm -f '$$f'"; rm -f "$$f"; \
	done

uninstall-hook: cpd-uninstall-plugins
cpd-uninstall-plugins:
	@for la in $(pkglib_LTLIBRARIES); do \
		f='$(DESTDIR)$(pkglibdir)'/`basename "$$la" .la`.so; \
		echo " rm -f '$$f'"; rm -f "$$f"; \
	done
.PHONY: cpd-install-drop-la cpd-uninstall-plugins
