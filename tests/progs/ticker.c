// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
/*
 * ticker FILE SECONDS: two threads that each append a tick line to FILE
 * every 20 ms and make a marker, until SECONDS have passed. Used to
 * attach to, detach from, and check it kept running unharmed.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "marker.h"

static const char *path;
static time_t until;

static void *ticker_run(void *arg)
{
	int k = (int)(long)arg, n = 0;

	while (time(NULL) < until) {
		char line[64];
		int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0600);
		int len = snprintf(line, sizeof(line), "tick %d %d\n", k, n++);

		if (fd >= 0) {
			if (write(fd, line, (size_t)len) < 0)
				break;
			close(fd);
		}
		syscall(SYS_getpgid, MARK_BASE + k);
		usleep(20000);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc != 3)
		return 2;
	path = argv[1];
	until = time(NULL) + atoi(argv[2]);
	pthread_create(&t, NULL, ticker_run, (void *)1L);
	ticker_run((void *)2L);
	pthread_join(t, NULL);
	return 0;
}
