/* SPDX-License-Identifier: GPL-2.0-or-later */
int util_answer(void);
int extra_twice(int v);
