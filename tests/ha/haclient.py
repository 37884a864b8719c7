#!/usr/bin/env python3
"""The client of tests/ha/run.sh.

  haclient.py probe HOST PORT [SOURCE]
      one request; prints "BACKEND NODE" (the backend's name and the balancer
      node that relayed it) and exits 0, or prints the error and exits 1.
  haclient.py loop HOST PORT INTERVAL_MS LOGFILE STOPFILE
      a new connection every INTERVAL_MS until STOPFILE exists; one line per
      connection in LOGFILE: "WALLTIME ok BACKEND NODE" or "WALLTIME fail WHY".
  haclient.py analyse LOGFILE KILLTIME NEWNODE
      the failover: time from KILLTIME to the first answer relayed by NEWNODE,
      failed connections before and after it, and the backends seen before
      the kill and after the switch. Prints key=value lines.
"""
import os
import socket
import sys
import time

TIMEOUT_S = 0.5


def request(host, port, source=None):
    with socket.create_connection((host, port), timeout=TIMEOUT_S,
                                  source_address=(source, 0) if source else None) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        data = b""
        while True:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
    body = data.partition(b"\r\n\r\n")[2].decode(errors="replace").strip()
    parts = body.split()
    if len(parts) != 3 or parts[1] != "from":
        raise OSError("unexpected answer %r" % data[:80])
    return parts[0], parts[2]


def main():
    mode = sys.argv[1]
    if mode == "probe":
        try:
            backend, node = request(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
        except OSError as error:
            print("error: %s" % error)
            return 1
        print(backend, node)
        return 0
    if mode == "loop":
        host, port, interval = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) / 1000.0
        logfile, stopfile = sys.argv[5], sys.argv[6]
        with open(logfile, "a", buffering=1) as log:
            while not os.path.exists(stopfile):
                started = time.time()
                try:
                    backend, node = request(host, port)
                    log.write("%.3f ok %s %s\n" % (started, backend, node))
                except OSError as error:
                    log.write("%.3f fail %s\n" % (started, str(error).replace("\n", " ")))
                time.sleep(max(0.0, interval - (time.time() - started)))
        return 0
    if mode == "analyse":
        kill, new_node = float(sys.argv[3]), sys.argv[4]
        switch = None
        failed_during = failed_after = total_after = 0
        before, after = set(), set()
        first_failure = ""
        for line in open(sys.argv[2]):
            fields = line.split()
            if len(fields) < 2:
                continue
            stamp, ok = float(fields[0]), fields[1] == "ok"
            if stamp < kill:
                if ok:
                    before.add(fields[2])
                continue
            if switch is None:
                if ok and fields[3] == new_node:
                    switch = stamp
                    after.add(fields[2])
                elif not ok:
                    failed_during += 1
                continue
            total_after += 1
            if ok:
                after.add(fields[2])
            else:
                failed_after += 1
                first_failure = first_failure or " ".join(fields[2:])
        print("switched=%s" % ("yes" if switch is not None else "no"))
        print("failover_ms=%d" % (round((switch - kill) * 1000) if switch is not None else -1))
        print("failed_during=%d" % failed_during)
        print("failed_after=%d" % failed_after)
        print("connections_after=%d" % total_after)
        print("backends_before=%s" % ",".join(sorted(before)))
        print("backends_after=%s" % ",".join(sorted(after)))
        print("first_failure_after=%s" % first_failure.replace(" ", "_"))
        return 0
    print("unknown mode %s" % mode, file=sys.stderr)
    return 2


sys.exit(main())
