#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
"""Checks an html report (doc/html-report.md) against what htmlio said.

  html_check.py names REPORT STDOUT
  html_check.py cap CAPPED UNCAPPED STDOUT N MAX
  html_check.py killed REPORT   (a trace ended by Ctrl-C twice)

Exits 0 when every check holds, else prints what failed and exits 1.
Standard library only.
"""
import base64
import gzip
import hashlib
import json
import re
import sys

OPEN = '<script type="application/json" id="cpd-data">'
OPEN_GZ = ('<script type="application/gzip" data-encoding="base64" '
           'id="cpd-data">')
UNITS = {"none", "bytes", "ns", "count", "addr", "percent", "timestamp"}


class Bad(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Bad(what)


def data_block(doc):
    """The JSON text of the data script element, checked for what must not
    be in it: plain, or gzip and base64 (only base64 in the element)."""
    n = doc.count(OPEN) + doc.count(OPEN_GZ)
    need(n == 1, "exactly one data script element, found %d" % n)
    gz = OPEN_GZ in doc
    start = doc.index(OPEN_GZ if gz else OPEN) + len(OPEN_GZ if gz else OPEN)
    end = doc.index("</script>", start)
    text = doc[start:end]
    if gz:
        need(re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", text),
             "the compressed block holds more than base64")
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        need(bad not in text, "raw %r in the data block" % bad)
    return text


def check_document(doc):
    """CSP, inline script hash, no remote loads."""
    m = re.search(r'<meta http-equiv="Content-Security-Policy" '
                  r'content="([^"]*)">', doc)
    need(m, "no Content-Security-Policy meta")
    csp = m.group(1)
    need(doc.index(m.group(0)) < doc.index("<script"),
         "the CSP meta must come before any script")
    for part in ("default-src 'none'", "base-uri 'none'",
                 "form-action 'none'"):
        need(part in csp, "CSP lacks %s: %s" % (part, csp))
    hashes = re.findall(r"script-src ([^;]*)", csp)
    need(len(hashes) == 1, "one script-src directive")
    allowed = hashes[0].split()
    need(all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", a)
             for a in allowed), "script-src allows only hashes: %s" % allowed)
    need("unsafe-inline" not in hashes[0], "script-src allows unsafe-inline")
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", doc, re.S)
    code = [body for attrs, body in scripts if 'id="cpd-data"' not in attrs]
    need(len(code) == 1, "one executable inline script, found %d" % len(code))
    for attrs, _ in scripts:
        need("src=" not in attrs, "a script loads from src=")
    digest = base64.b64encode(
        hashlib.sha256(code[0].encode("utf-8")).digest()).decode()
    need("'sha256-%s'" % digest in allowed,
         "CSP hash does not match the inlined script (sha256-%s)" % digest)
    remote = [
        r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|//)""",
        r"""url\(\s*["']?\s*(?:https?:|//)""",
        r"@import",
        r"""<link\b""",
        r"""\bfetch\s*\(""",
        r"""XMLHttpRequest""",
        r"""new\s+WebSocket""",
    ]
    for pat in remote:
        hit = re.search(pat, doc, re.I)
        need(not hit, "the document may load something: %r" %
             (hit.group(0) if hit else ""))


def check_schema(d):
    """The data block's shape, as doc/html-report.md describes it."""
    need(d["format"] == "compendium-report" and d["version"] == 2, "format")
    need(isinstance(d["tool"]["version"], str), "tool.version")
    run = d["run"]
    for k in ("command", "start_wall", "hostname"):
        need(isinstance(run[k], str), "run." + k)
    for k in ("duration_ns", "root_pid", "exit_code", "exit_signal"):
        need(isinstance(run[k], int), "run." + k)
    need(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run["start_wall"]),
         "run.start_wall")
    for k in ("ptrace_stops", "syscalls_seen", "events_published",
              "tasks_seen", "processes_seen", "events_dropped"):
        need(isinstance(d["stats"][k], int), "stats." + k)
    need(d["stats"]["ptrace_stops"] > 0, "stats.ptrace_stops")
    for lo in d["lost"]:
        need(isinstance(lo["kind"], str) and isinstance(lo["count"], int),
             "lost entry")
    cap = d["cap"]
    need(cap["kept"] - cap["always_kept"] <= cap["max"] and
         cap["always_kept"] <= cap["max"] and
         cap["kept"] + cap["aggregated"] == cap["total"], "cap %r" % cap)
    need(cap["kept"] + cap["aggregates"] == len(d["events"]),
         "cap.kept + cap.aggregates == len(events)")
    need(sum(1 for e in d["events"] if "aggregated" in e[7]) ==
         cap["aggregates"], "summary rows")
    need(sum(e[7].get("aggregated", 0) for e in d["events"]) ==
         cap["aggregated"], "rows behind the summaries")
    need((cap["from_ns"] is None) == (cap["aggregates"] == 0), "from_ns")
    for f in d["findings"]:
        need(f["severity"] in ("info", "notice", "warning", "error") and
             -1 <= f["lane"] < len(d["lanes"]) and
             all(isinstance(p, int) for p in f["pids"]) and
             all(isinstance(p, str) for p in f["paths"]), "finding %r" % f)
    for m in d["memory"]:
        need(0 <= m["lane"] < len(d["lanes"]) and
             not d["lanes"][m["lane"]]["thread"], "memory lane")
        need(all(len(p) == 3 for p in m["points"]), "memory points")
        ts = [p[0] for p in m["points"]]
        need(ts == sorted(ts), "memory points in time order")
    io = d["io"]
    need(len({len(io[k]) for k in ("read", "write", "sent", "received")})
         == 1, "io series of one length")
    for cat, fields in d["field_info"].items():
        need(cat in d["categories"], "field_info category " + cat)
        for f in fields.values():
            need(f["unit"] in UNITS, "field unit")
    for s in d["sections"]:
        need(isinstance(s["topic"], str) and isinstance(s["order"], int),
             "section")
        for v in s["values"]:
            need(v["unit"] in UNITS, "unit " + v["unit"])
            need(isinstance(v["value"], (int, float, str)), "value")
    # the column that names a row, from the analyzers' schemas
    IDENTIFIES = {"file.files": ["path"], "file.failed": ["path"],
                  "net.connections": ["peer"]}
    for s in d["sections"]:
        for v in s["values"]:
            need(isinstance(v.get("help", ""), str), "value help")
    for t in d["tables"]:
        need(all(c["unit"] in UNITS for c in t["columns"]), "column unit")
        need(all(c.get("identifies", True) is True and
                 isinstance(c.get("help", ""), str) for c in t["columns"]),
             "column identifies/help")
        if t["topic"] in IDENTIFIES:
            need([c["key"] for c in t["columns"] if c.get("identifies")] ==
                 IDENTIFIES[t["topic"]], t["topic"] + " identifying column")
            need(all(c.get("help") for c in t["columns"]),
                 t["topic"] + " columns without help")
        for r in t["rows"]:
            need(len(r) <= len(t["columns"]), "row longer than columns")
    lanes = d["lanes"]
    need(lanes, "no lanes")
    for i, ln in enumerate(lanes):
        need(-1 <= ln["parent"] < i, "lane %d parent %d is not before it" %
             (i, ln["parent"]))
        need(isinstance(ln["thread"], bool), "lane.thread")
        need(isinstance(ln["argv"], list), "lane.argv")
        need(ln["end_ns"] is None or ln["end_ns"] >= 0, "lane.end_ns")
        if ln["thread"]:
            need(lanes[ln["parent"]]["tid"] == ln["pid"],
                 "thread lane %d's parent is not its process" % i)
    cats, types = d["categories"], d["types"]
    need(cats[:9] == ["proc", "file", "net", "mmap", "fault", "sched",
                      "blkio", "syscall", "lost"], "categories")
    last = 0
    for e in d["events"]:
        need(len(e) == 8, "event arity")
        t, dur, lane, cat, typ, count, details, fields = e
        need(isinstance(t, int) and t >= last, "events in time order")
        last = t
        need(isinstance(dur, int) and dur >= 0, "dur")
        need(0 <= lane < len(lanes), "event lane")
        need(0 <= cat < len(cats) and 0 <= typ < len(types), "cat/type")
        need(isinstance(count, int) and count >= 1, "count")
        need(isinstance(details, str) and isinstance(fields, dict),
             "details/fields")
    for n in d["notices"]:
        need(n["level"] in ("error", "warn", "note", "info", "debug"),
             "notice level")


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    doc = raw.decode("utf-8")   # strict: the document is valid UTF-8
    d = json.loads(data_block(doc))
    check_document(doc)
    check_schema(d)
    return d


def facts(stdout):
    lanes, files = [], {}
    with open(stdout, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.split()
            if w and w[0] == "LANE":
                lanes.append(tuple(int(x) for x in w[1:]))
            elif w and w[0] == "FILE":
                path = bytes.fromhex(w[3]).decode("utf-8", "replace")
                files[path] = tuple(int(x) for x in w[1:3] + w[4:])
    return lanes, files


def table(d, topic):
    for t in d["tables"]:
        if t["topic"] == topic:
            keys = [c["key"] for c in t["columns"]]
            return [dict(zip(keys, r)) for r in t["rows"]]
    raise Bad("no table " + topic)


def io_rows(d, typ, path):
    types = d["types"]
    return [e for e in d["events"]
            if types[e[4]] == typ and e[7].get("path") == path]


def check_names(report, stdout):
    d = load(report)
    lanes, files = facts(stdout)
    need(len(lanes) == 3 and len(files) == 4, "htmlio printed %d lanes, %d "
         "files" % (len(lanes), len(files)))
    by_tid = {ln["tid"]: (i, ln) for i, ln in enumerate(d["lanes"])}
    root = lanes[0][0]
    for pid, tid, thread, parent in lanes:
        need(tid in by_tid, "no lane for tid %d" % tid)
        i, ln = by_tid[tid]
        need(ln["pid"] == pid and ln["thread"] == bool(thread),
             "lane %d: %r" % (tid, ln))
        if tid == root:
            need(ln["parent"] == -1, "root lane has a parent")
        else:
            need(d["lanes"][ln["parent"]]["tid"] == parent,
                 "lane %d's parent is not %d" % (tid, parent))
            need(ln["parent"] < i, "parent lane after its child")
        need(ln["end_ns"] is not None, "lane %d never ended" % tid)
    need(d["lanes"][by_tid[root][0]]["exe"].endswith("/htmlio"), "root exe")
    need(d["lanes"][by_tid[root][0]]["argv"][1] == "names", "root argv")
    need(d["run"]["exit_code"] == 0, "run.exit_code")
    with open(stdout, encoding="utf-8") as f:
        child = [line.split() for line in f if line.startswith("CHILD ")]
    need(len(child) == 1, "htmlio printed no CHILD line")
    pid, code = int(child[0][1]), int(child[0][3])
    need(pid in by_tid and d["lanes"][by_tid[pid][0]]["exit_code"] == code,
         "the child's lane does not say exit %d" % code)
    rows = table(d, "file.files")
    for path, (pid, tid, rd, wr, writes) in files.items():
        got = [r for r in rows if r["path"] == path]
        need(len(got) == 1, "file.files has no row for %r" % path)
        need(got[0]["read_bytes"] == rd and got[0]["written_bytes"] == wr,
             "bytes of %r: %r" % (path, got[0]))
        w = io_rows(d, "write", path)
        need(len(w) == 1, "%d write rows for %r, want one coalesced" %
             (len(w), path))
        need(w[0][5] == writes and w[0][7]["bytes"] == wr and
             w[0][7]["count"] == writes, "coalesced row %r" % w[0])
        need(w[0][6].startswith("%d× " % writes), "details " + w[0][6])
        need(d["lanes"][w[0][2]]["tid"] == tid and
             d["lanes"][w[0][2]]["pid"] == pid,
             "the write row of %r is not on lane %d/%d" % (path, pid, tid))
        r = io_rows(d, "read", path)
        need(len(r) == 1 and r[0][5] == 1 and r[0][7]["bytes"] == rd,
             "read row of %r" % path)
        opens = [e for e in d["events"] if d["types"][e[4]] == "open" and
                 e[7].get("path") == path]
        need(len(opens) == 2 and opens[0][6].startswith(path),
             "open rows of %r" % path)
    need(d["cap"]["kept"] == d["cap"]["total"], "nothing capped")
    # the whole path in the details: "5× 500 B to /dir/plain.txt"
    for path, (pid, tid, rd, wr, writes) in files.items():
        need(io_rows(d, "write", path)[0][6].endswith(" to " + path),
             "the write row does not name %r" % path)


def check_cap(capped, uncapped, stdout, n, cap):
    c, u = load(capped), load(uncapped)
    _, files = facts(stdout)
    cc = c["cap"]
    need(cc["max"] == cap and cc["kept"] - cc["always_kept"] == cap,
         "cap %r" % cc)
    need(u["cap"]["kept"] == u["cap"]["total"] == len(u["events"]) and
         not u["cap"]["aggregated"], "uncapped %r" % u["cap"])
    need(cc["total"] == u["cap"]["total"],
         "capped total %d, uncapped %d" % (cc["total"], u["cap"]["total"]))
    storm = sum(len(io_rows(u, "write", p)) for p in files)
    need(storm == n, "%d storm write rows, want %d" % (storm, n))
    need(cc["total"] > n, "total counts every row")
    # past the cap, every write is in a summary of its file: none lost
    types = c["types"]
    for p in files:
        rows = [e for e in c["events"] if types[e[4]] == "write" and
                e[7].get("path") == p]
        need(sum(e[7].get("aggregated", 1) for e in rows) ==
             len(io_rows(u, "write", p)), "the rows of %r add up" % p)
        need(sum(e[5] for e in rows) == sum(e[5] for e in io_rows(u, "write", p)),
             "the writes to %r add up" % p)
    # the process events are kept, past the cap too (the runs' pids differ)
    def procs(d):
        return sorted(d["types"][e[4]] for e in d["events"]
                      if d["categories"][e[3]] == "proc")
    need(procs(c) == procs(u), "the capped report lost process events")
    # the summary is from every event, not the kept ones
    for d in (c, u):
        rows = table(d, "file.files")
        for path, (_, _, _, wr, _) in files.items():
            got = [r for r in rows if r["path"] == path]
            need(got and got[0]["written_bytes"] == wr and
                 got[0]["writes"] == wr, "summary of %r: %r" % (path, got))
        sec = [s for s in d["sections"] if s["topic"] == "file"]
        written = {v["key"]: v["value"] for v in sec[0]["values"]}
        need(written["written_bytes"] >= n, "file section %r" % written)


def check_killed(report):
    d = load(report)
    root = [ln for ln in d["lanes"] if ln["parent"] == -1]
    need(root and root[0]["signal"] == 9 and root[0]["exit_code"] == -1,
         "root lane %r" % root)
    need(d["run"]["exit_signal"] == 9, "run %r" % d["run"])
    need(any(d["types"][e[4]] == "exit" for e in d["events"]), "no exit row")


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == "names":
            check_names(argv[2], argv[3])
        elif len(argv) == 7 and argv[1] == "cap":
            check_cap(argv[2], argv[3], argv[4], int(argv[5]), int(argv[6]))
        elif len(argv) == 3 and argv[1] == "killed":
            check_killed(argv[2])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except (Bad, KeyError, IndexError, ValueError, TypeError) as e:
        print("html_check: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
