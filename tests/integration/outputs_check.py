#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
#
# Parse the csv and jsonl outputs back with real parsers and compare them
# with what tests/progs/hostile_names says it did.
#   outputs_check.py csv EVENTS.csv SUMMARY.csv PROG_STDOUT yes|no
#   outputs_check.py jsonl EVENTS.jsonl PROG_STDOUT
import csv
import json
import re
import sys

FIXED = ["time_ns", "seq", "pid", "tid", "comm", "category", "type"]
FORMULA = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
errors = []


def fail(msg):
    errors.append(msg)


def prog_facts(path):
    facts = {"PATH": [], "FAIL": [], "ARGV": []}
    with open(path, "rb") as f:
        for line in f:
            tag, _, hexval = line.decode().strip().partition(" ")
            if tag in facts:
                facts[tag].append(bytes.fromhex(hexval))
    if not facts["PATH"] or not facts["FAIL"] or not facts["ARGV"]:
        fail("hostile_names did not finish: %r" % facts)
    return facts


def read_csv(path):
    with open(path, newline="", encoding="utf-8",
              errors="surrogateescape") as f:
        return list(csv.reader(f, strict=True))


def unneutral(cell, neutralize):
    if neutralize and cell.startswith("'") and cell[1:].startswith(FORMULA):
        return cell[1:]
    return cell


def check_cells(rows, neutralize, what):
    for n, row in enumerate(rows):
        for cell in row:
            if not cell.startswith(FORMULA):
                continue
            if NUMBER.match(cell):
                continue
            if neutralize:
                fail("%s row %d: formula cell not neutralised: %r"
                     % (what, n, cell))
        for cell in row:
            if (cell.startswith("'-") and NUMBER.match(cell[1:])):
                fail("%s row %d: a number was neutralised: %r"
                     % (what, n, cell))


def check_csv(events, summary, prog, neutral):
    neutralize = neutral == "yes"
    facts = prog_facts(prog)
    dec = lambda b: b.decode("utf-8", "surrogateescape")
    rows = read_csv(events)
    if not rows:
        return fail("no header")
    header = rows[0]
    if header[:len(FIXED)] != FIXED or header[-1] != "details":
        fail("bad header: %r" % header)
    if len(set(header)) != len(header):
        fail("duplicate columns: %r" % header)
    col = {name: i for i, name in enumerate(header)}
    for n, row in enumerate(rows[1:], 1):
        if len(row) != len(header):
            fail("row %d has %d cells, header %d" % (n, len(row), len(header)))
            return
        if not re.match(r"^[0-9]+$", row[col["time_ns"]]):
            fail("row %d: time_ns %r" % (n, row[col["time_ns"]]))
        if not re.match(r"^[0-9]+$", row[col["pid"]]):
            fail("row %d: pid %r" % (n, row[col["pid"]]))
    body = rows[1:]
    check_cells(body, neutralize, "events")
    file_rows = [r for r in body if r[col["category"]] == "file"]
    seen = {}
    for r in file_rows:
        p = unneutral(r[col["path"]], neutralize)
        seen.setdefault(p, set()).add(r[col["type"]])
    for p in facts["PATH"]:
        got = seen.get(dec(p), set())
        for op in ("open", "write", "read"):
            if op not in got:
                fail("no %s row for %r (have %r)" % (op, p, got))
    for p in facts["FAIL"]:
        hits = [r for r in file_rows
                if unneutral(r[col["path"]], neutralize) == dec(p)]
        if not hits:
            fail("no row for the failed open of %r" % p)
        for r in hits:
            if r[col["type"]] != "open_failed" or r[col["fd"]] != "-1" \
                    or r[col["errno"]] != "ENOENT":
                fail("failed open row: %r" % r)
    argv = dec(facts["ARGV"][0]).replace("\0", " ")
    execs = [r for r in body if r[col["category"]] == "proc"
             and r[col["type"]] == "exec" and r[col["argv"]] != ""]
    want = ("'" + argv) if neutralize else argv
    if not any(r[col["argv"]] == want for r in execs):
        fail("no exec row with argv %r: %r" % (want, [r[col["argv"]] for r in execs]))

    srows = read_csv(summary)
    if not srows or srows[0] != ["section", "key", "value"]:
        return fail("bad summary header: %r" % srows[:1])
    for n, row in enumerate(srows[1:], 1):
        if len(row) != 3:
            fail("summary row %d: %r" % (n, row))
    check_cells(srows[1:], neutralize, "summary")
    sections = {r[0] for r in srows[1:]}
    for s in ("file", "file.files"):
        if s not in sections:
            fail("summary has no section %s: %r" % (s, sections))
    paths = {unneutral(r[2], neutralize) for r in srows[1:]
             if r[0] == "file.files" and re.match(r"^[0-9]+\.path$", r[1])}
    for p in facts["PATH"]:
        if dec(p) not in paths:
            fail("summary lacks %r" % p)


def walk_ints(v, where):
    if isinstance(v, bool):
        return
    if isinstance(v, int) and abs(v) > 2**53:
        fail("%s: integer beyond 2^53 not a string: %d" % (where, v))
    if isinstance(v, dict):
        for k, x in v.items():
            walk_ints(x, where)
    if isinstance(v, list):
        for x in v:
            walk_ints(x, where)


def no_constants(name):
    raise ValueError("non-standard JSON constant " + name)


def check_jsonl(events, prog):
    facts = prog_facts(prog)
    recs = []
    with open(events, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.endswith(b"\n"):
                fail("line %d not terminated" % n)
            text = raw.decode("utf-8")          # strict: must be UTF-8
            for bad in "<>&":
                if bad in text:
                    fail("line %d has a raw %r" % (n, bad))
            if any(ord(ch) < 0x20 for ch in text.rstrip("\n")):
                fail("line %d has a raw control character" % n)
            rec = json.loads(text, parse_constant=no_constants)
            if not isinstance(rec, dict) or rec.get("schema") != 1 \
                    or not isinstance(rec.get("type"), str):
                fail("line %d: bad record %r" % (n, rec))
            walk_ints(rec, "line %d" % n)
            recs.append(rec)
    evs = [r for r in recs if r["type"] != "report"]
    for r in evs:
        for k in ("seq", "ts_ns", "pid", "tid", "comm"):
            if k not in r:
                fail("record lacks %s: %r" % (k, r))
    files = [r for r in evs if r["type"] == "file"]
    seen = {}
    for r in files:
        seen.setdefault(r["path"], set()).add(r["op"])
        if "\ufffd" in (r["path"] or "") and not r.get("lossy"):
            fail("replaced bytes but no lossy marker: %r" % r)
    for p in facts["PATH"]:
        want = p.decode("utf-8", "replace")
        got = seen.get(want, set())
        for op in ("open", "write", "read"):
            if op not in got:
                fail("no %s record for %r (have %r)" % (op, want, got))
    for p in facts["FAIL"]:
        hits = [r for r in files if r["path"] == p.decode()]
        if not hits or any(r["op"] != "open_failed" or r["fd"] != -1
                           or r["errno_name"] != "ENOENT" for r in hits):
            fail("failed open records: %r" % hits)
    argv = [a.decode() for a in facts["ARGV"][0].split(b"\0")]
    if not any(r["type"] == "proc" and r["op"] == "exec"
               and r["argv"] == argv for r in evs):
        fail("no exec record with argv %r" % argv)
    reports = [r for r in recs if r["type"] == "report"]
    topics = {r["topic"] for r in reports}
    if "file" not in topics or "file.files" not in topics:
        fail("reports missing: %r" % topics)
    for r in reports:
        if not isinstance(r.get("values"), dict) or \
                not isinstance(r.get("row"), bool):
            fail("bad report %r" % r)
    last_event = max((i for i, r in enumerate(recs) if r["type"] != "report"),
                     default=-1)
    first_report = min((i for i, r in enumerate(recs)
                        if r["type"] == "report"), default=len(recs))
    if first_report < last_event:
        fail("reports are not at the end")


def main():
    if sys.argv[1] == "csv":
        check_csv(*sys.argv[2:6])
    else:
        check_jsonl(*sys.argv[2:4])
    for e in errors[:20]:
        print("outputs_check: " + e, file=sys.stderr)
    sys.exit(1 if errors else 0)


main()
