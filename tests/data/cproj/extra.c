// SPDX-License-Identifier: GPL-2.0-or-later
#include "util.h"

int extra_twice(int v)
{
	return 2 * v;
}
