/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Copyright (c) 2026 the compendium developers */
/*
 * What a signal to compendium (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) asks of
 * the engine that runs, the same under ptrace and eBPF: an attached
 * trace detaches at once and leaves the processes running; a command
 * compendium started gets the signal passed on (unless the terminal sent
 * it to the whole group already) and is waited for; a second signal
 * kills it.
 */
#ifndef CPD_CORE_INTERRUPT_H
#define CPD_CORE_INTERRUPT_H

#include <signal.h>
#include <stdbool.h>
#include <sys/signalfd.h>
#include <sys/types.h>

enum interrupt_action {
	INTERRUPT_WAIT = 0, /* passed on to the command: wait for its end */
	INTERRUPT_DETACH,
	INTERRUPT_KILL,
};

/* The signals an engine takes on its loop: SIGCHLD and those above. */
void interrupt_signals(sigset_t *set);

/* Count the signal in *count and say what to do; spawned: we started it. */
enum interrupt_action interrupt_take(const struct signalfd_siginfo *si,
				     bool spawned, unsigned *count,
				     pid_t root_pid);

#endif /* CPD_CORE_INTERRUPT_H */
