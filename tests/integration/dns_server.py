#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
"""A small DNS server for the dns tests, standard library only.

It answers on UDP and TCP at the given address (127.0.0.1:53 inside the
network namespace a test makes) from a fixed zone whose names each
misbehave in one way, and logs every query it receives, one line each:

    udp 4242 ok.test A NOERROR 10.0.0.1
    udp 4243 slow.test A DROPPED
    tcp 4244 big.test A NOERROR 10.0.1.0 ... (30 answers)

so a test compares what compendium reported with what went over the wire.

  dns_server.py --addr 127.0.0.1 --port 53 --log FILE --ready FILE
"""
import argparse
import socket
import struct
import sys
import threading

A, NS, CNAME, SOA, PTR, MX, TXT, AAAA, SRV, OPT = 1, 2, 5, 6, 12, 15, 16, 28, 33, 41
TYPES = {1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX",
         16: "TXT", 28: "AAAA", 33: "SRV", 41: "OPT", 65: "HTTPS"}
NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED = 0, 1, 2, 3, 4, 5
RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN",
          4: "NOTIMP", 5: "REFUSED"}

# name -> {qtype: [(type, rdata-text)]}, or a behaviour
ZONE = {
    "ok.test": {A: [(A, "10.0.0.1")], AAAA: [(AAAA, "fd00::1")]},
    "alias.test": {A: [(CNAME, "target.test"), (A, "10.0.0.2")],
                   AAAA: [(CNAME, "target.test")]},
    "target.test": {A: [(A, "10.0.0.2")]},
    "web.test": {A: [(A, "127.0.0.1")], AAAA: [(AAAA, "::1")]},
    "mail.test": {MX: [(MX, "10 mx.test")]},
    "db.d.test": {A: [(A, "10.0.0.4")]},
}
BEHAVIOUR = {
    "refused.test": "refused",
    "broken.test": "servfail",
    "slow.test": "drop",
    "big.test": "truncate",
}
# the search-domain storm: db.a.test .. db.c.test do not exist
SOA_RDATA = ("ns.test", "admin.test", 1, 3600, 600, 86400, 60)


def enc_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def dec_name(msg, off):
    labels = []
    jumped = False
    end = off
    hops = 0
    while True:
        length = msg[off]
        if length & 0xC0 == 0xC0:
            if not jumped:
                end = off + 2
            off = ((length & 0x3F) << 8) | msg[off + 1]
            jumped = True
            hops += 1
            if hops > 64:
                raise ValueError("loop")
            continue
        if length == 0:
            off += 1
            break
        labels.append(msg[off + 1:off + 1 + length].decode("ascii", "replace"))
        off += 1 + length
    return ".".join(labels).lower(), (end if jumped else off)


def rdata(rtype, text):
    if rtype == A:
        return socket.inet_pton(socket.AF_INET, text)
    if rtype == AAAA:
        return socket.inet_pton(socket.AF_INET6, text)
    if rtype in (CNAME, NS, PTR):
        return enc_name(text)
    if rtype == MX:
        pref, host = text.split()
        return struct.pack("!H", int(pref)) + enc_name(host)
    if rtype == SOA:
        m, r, *nums = SOA_RDATA
        return enc_name(m) + enc_name(r) + struct.pack("!5I", *nums)
    raise ValueError(rtype)


def answer(query, proto):
    """The response to one query and the log line, or (None, line)."""
    qid, flags, qd = struct.unpack("!HHH", query[:6])
    qname, off = dec_name(query, 12)
    qtype, _qclass = struct.unpack("!HH", query[off:off + 4])
    question = query[12:off + 4]
    tname = TYPES.get(qtype, "TYPE%d" % qtype)
    head = "%s %d %s %s" % (proto, qid, qname, tname)
    how = BEHAVIOUR.get(qname)
    rcode, records, auth, tc = NOERROR, [], [], False
    if how == "drop":
        return None, head + " DROPPED"
    if how == "refused":
        rcode = REFUSED
    elif how == "servfail":
        rcode = SERVFAIL
    elif how == "truncate":
        if proto == "udp":
            tc = True
        else:
            records = [(qname, A, "10.0.1.%d" % i) for i in range(30)] \
                if qtype == A else []
    elif qname in ZONE:
        owner = qname
        for rtype, text in ZONE[qname].get(qtype, []):
            records.append((owner, rtype, text))
            if rtype == CNAME:
                owner = text
    else:
        rcode = NXDOMAIN
    if rcode == NXDOMAIN or (rcode == NOERROR and not records and not tc):
        auth = [("test", SOA, "")]
    flags = 0x8000 | (flags & 0x0100) | 0x0080 | (0x0200 if tc else 0) | rcode
    out = struct.pack("!HHHHHH", qid, flags, 1, len(records), len(auth), 0)
    out += question
    for owner, rtype, text in records + auth:
        data = rdata(rtype, text)
        out += enc_name(owner) + struct.pack("!HHIH", rtype, 1, 60, len(data))
        out += data
    line = "%s %s%s" % (head, RCODES[rcode], " TC" if tc else "")
    shown = [t for _o, r, t in records if r in (A, AAAA, CNAME, MX)]
    if shown:
        line += " " + " ".join(shown)
    return out, line


class Log:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, line):
        with self.lock:
            self.f.write(line + "\n")


def serve_udp(sock, log):
    while True:
        data, peer = sock.recvfrom(4096)
        try:
            resp, line = answer(data, "udp")
        except (ValueError, IndexError, struct.error) as e:
            log.write("udp malformed %s" % e)
            continue
        log.write(line)
        if resp is not None:
            sock.sendto(resp, peer)


def serve_tcp_conn(conn, log):
    with conn:
        while True:
            head = conn.recv(2, socket.MSG_WAITALL)
            if len(head) < 2:
                return
            (n,) = struct.unpack("!H", head)
            data = conn.recv(n, socket.MSG_WAITALL)
            try:
                resp, line = answer(data, "tcp")
            except (ValueError, IndexError, struct.error) as e:
                log.write("tcp malformed %s" % e)
                return
            log.write(line)
            if resp is not None:
                conn.sendall(struct.pack("!H", len(resp)) + resp)


def serve_tcp(sock, log):
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=serve_tcp_conn, args=(conn, log),
                         daemon=True).start()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--addr", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=53)
    ap.add_argument("--log", required=True)
    ap.add_argument("--ready", required=True)
    args = ap.parse_args()
    log = Log(args.log)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((args.addr, args.port))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((args.addr, args.port))
    tcp.listen(16)
    threading.Thread(target=serve_tcp, args=(tcp, log), daemon=True).start()
    with open(args.ready, "w") as f:
        f.write("ready\n")
    serve_udp(udp, log)


if __name__ == "__main__":
    sys.exit(main())
