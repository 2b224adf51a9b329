#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
#
# Check a Chrome Trace Event file (JSON array format) against the rules of
# the format as the perfetto output uses it: outputs_perfetto.py FILE
import json
import sys

errors = []


def fail(msg):
    errors.append(msg)


def no_constants(name):
    raise ValueError("non-standard JSON constant " + name)


def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


with open(sys.argv[1], encoding="utf-8") as f:
    events = json.load(f, parse_constant=no_constants)
if not isinstance(events, list) or not events:
    fail("not a non-empty array")
    events = []

need = {
    "X": ("name", "ts", "dur", "pid", "tid"),
    "i": ("name", "ts", "pid", "tid", "s"),
    "C": ("name", "ts", "pid", "args"),
    "b": ("name", "cat", "ts", "pid", "tid", "id"),
    "e": ("name", "cat", "ts", "pid", "tid", "id"),
    "s": ("name", "cat", "ts", "pid", "tid", "id"),
    "f": ("name", "cat", "ts", "pid", "tid", "id", "bp"),
    "M": ("name", "pid", "tid", "args"),
    "B": ("name", "cat", "ts", "pid", "tid"),
    "E": ("ts", "pid", "tid"),
}
last = {}
flows_s, flows_f, asyncs = {}, {}, {}
lives, open_lives = {}, {}
names = {"process_name": 0, "thread_name": 0}
counters = 0
phases = set()
for n, ev in enumerate(events):
    ph = ev.get("ph")
    if ph not in need:
        fail("event %d: phase %r" % (n, ph))
        continue
    phases.add(ph)
    for k in need[ph]:
        if k not in ev:
            fail("event %d (%s) lacks %s: %r" % (n, ph, k, ev))
    if "ts" in ev and (not num(ev["ts"]) or ev["ts"] < 0):
        fail("event %d: ts %r" % (n, ev.get("ts")))
    if not isinstance(ev.get("pid"), int) or not isinstance(ev.get("tid", 0), int):
        fail("event %d: pid/tid %r" % (n, ev))
    if ph == "X" and (not num(ev.get("dur")) or ev["dur"] < 0):
        fail("event %d: dur %r" % (n, ev.get("dur")))
    if ph == "i" and ev.get("s") not in ("t", "p", "g"):
        fail("event %d: scope %r" % (n, ev.get("s")))
    if ph == "M":
        if ev["name"] in names and isinstance(ev["args"].get("name"), str):
            names[ev["name"]] += 1
        else:
            fail("event %d: metadata %r" % (n, ev))
        continue
    if ph == "C":
        counters += 1
        if not ev["args"] or not all(num(v) for v in ev["args"].values()):
            fail("event %d: counter args %r" % (n, ev["args"]))
    if ph in ("X", "i", "s", "f"):
        track = (ev["pid"], ev["tid"])
        if ev["ts"] < last.get(track, 0):
            fail("event %d: ts %r goes back on track %r (was %r)"
                 % (n, ev["ts"], track, last[track]))
        last[track] = ev["ts"]
    if ph == "B":
        track = (ev["pid"], ev["tid"])
        if track in open_lives:
            fail("event %d: a second lifetime opens on %r" % (n, track))
        open_lives[track] = ev["ts"]
    if ph == "E":
        track = (ev["pid"], ev["tid"])
        if track not in open_lives:
            fail("event %d: a lifetime ends on %r that never began"
                 % (n, track))
        elif ev["ts"] < open_lives[track]:
            fail("event %d: a lifetime ends before it began" % n)
        else:
            lives.setdefault(track, []).append(
                (open_lives.pop(track), ev["ts"]))
    if ph == "s":
        flows_s[ev["id"]] = ev
    if ph == "f":
        flows_f[ev["id"]] = ev
    if ph in ("b", "e"):
        key = (ev["cat"], ev["id"])
        a = asyncs.setdefault(key, {})
        if ph in a:
            fail("event %d: async %r %s twice" % (n, key, ph))
        a[ph] = ev
for key, a in asyncs.items():
    if set(a) != {"b", "e"} or a["e"]["ts"] < a["b"]["ts"]:
        fail("async %r unmatched or reversed" % (key,))
for i, s in flows_s.items():
    f = flows_f.get(i)
    if not f:
        fail("flow %r has no end" % i)
    elif f["ts"] < s["ts"]:
        fail("flow %r ends before it starts" % i)
for i in flows_f:
    if i not in flows_s:
        fail("flow end %r without a start" % i)
if open_lives:
    fail("lifetimes never closed: %r" % sorted(open_lives))
if not lives:
    fail("no lifetime slices")


def within(ev):
    """Whether ev's ts lies in a lifetime slice of its track."""
    return any(a <= ev["ts"] <= b
               for a, b in lives.get((ev["pid"], ev["tid"]), []))


# both ends of every arrow, and every syscall, lie in a slice of their
# thread: what the viewers attach arrows to
for what, evs in (("flow start", flows_s.values()),
                  ("flow end", flows_f.values()),
                  ("syscall", [e for e in events if e.get("ph") == "X"])):
    for ev in evs:
        if not within(ev):
            fail("%s at %r on %r is in no lifetime slice"
                 % (what, ev["ts"], (ev["pid"], ev["tid"])))
if not flows_s:
    fail("no spawn flow")
if not names["process_name"] or not names["thread_name"]:
    fail("no name metadata: %r" % names)
if not counters:
    fail("no memory counters")
for ph in ("X", "i", "M", "C", "s", "f", "B", "E"):
    if ph not in phases:
        fail("no %r events" % ph)
files = [e for e in events if e.get("ph") == "i" and e.get("cat") == "file"]
if not any("\ufffd" in (e["args"].get("path") or "") for e in files):
    fail("the invalid UTF-8 name is missing")
if not any("<script>" in (e["args"].get("path") or "") for e in files):
    fail("the <script> name is missing")
for e in errors[:20]:
    print("outputs_perfetto: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
