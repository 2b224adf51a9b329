// SPDX-License-Identifier: GPL-2.0-or-later
/* Copyright (c) 2026 the compendium developers */
#include "interrupt.h"

#include <signal.h>

#include "base/log.h"

void interrupt_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
}

enum interrupt_action interrupt_take(const struct signalfd_siginfo *si,
				     bool spawned, unsigned *count,
				     pid_t root_pid)
{
	int sig = (int)si->ssi_signo;

	++*count;
	if (!spawned)
		return INTERRUPT_DETACH;
	if (*count > 1)
		return INTERRUPT_KILL;
	log_info(
		"interrupted, waiting for the traced command to exit (%s again to kill it)",
		sig == SIGINT ? "Ctrl-C" : "the same signal");
	/*
	 * A terminal's Ctrl-C reaches the whole foreground group, the command
	 * included; a kill(1) aimed at us alone is passed on.
	 */
	if (si->ssi_code != SI_KERNEL && root_pid > 0)
		kill(root_pid, sig);
	return INTERRUPT_WAIT;
}
