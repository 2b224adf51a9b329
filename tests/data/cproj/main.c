// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>

#include "util.h"

int main(void)
{
	printf("%d\n", extra_twice(util_answer()));
	return 0;
}
