#!/usr/bin/env python3
"""Opens many idle TCP connections and holds them open (for bench/run.sh).

    idleconns.py COUNT HOST:PORT [HOST:PORT ...]

Connections are spread round robin over the targets and never send a byte.
A bounded window of connects is kept in flight, so a listener with a short
accept backlog is not flooded with SYNs it drops. When every connect has
finished, one line goes to stdout:

    open <established> failed <failed>

Then the connections stay open until SIGTERM/SIGINT or --hold seconds pass.
"""

import argparse
import errno
import resource
import selectors
import signal
import socket
import sys
import time


def parse_target(text):
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]"), int(port)


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return
    target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    if target < needed:
        print(f"idleconns: open-files limit is {hard}, fewer than the {needed} needed",
              file=sys.stderr)


def open_connections(count, targets, window, timeout):
    opened, failed = [], 0
    sel = selectors.DefaultSelector()
    started = 0
    deadline = time.monotonic() + timeout
    while (started < count or sel.get_map()) and time.monotonic() < deadline:
        while started < count and len(sel.get_map()) < window:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            err = sock.connect_ex(targets[started % len(targets)])
            started += 1
            if err in (0, errno.EINPROGRESS):
                sel.register(sock, selectors.EVENT_WRITE)
            else:
                failed += 1
                sock.close()
        for key, _ in sel.select(timeout=0.5):
            sock = key.fileobj
            sel.unregister(sock)
            if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                opened.append(sock)
            else:
                failed += 1
                sock.close()
    for key in list(sel.get_map().values()):  # still pending at the deadline
        sel.unregister(key.fileobj)
        key.fileobj.close()
        failed += 1
    failed += count - started
    sel.close()
    return opened, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("targets", nargs="+", type=parse_target, metavar="HOST:PORT")
    parser.add_argument("--window", type=int, default=128, help="connects in flight at once")
    parser.add_argument("--timeout", type=float, default=120, help="seconds for all connects")
    parser.add_argument("--hold", type=float, default=1800, help="seconds to hold at most")
    args = parser.parse_args()

    raise_fd_limit(args.count + 64)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    opened, failed = open_connections(args.count, args.targets, args.window, args.timeout)
    print(f"open {len(opened)} failed {failed}", flush=True)
    try:
        time.sleep(args.hold)
    except KeyboardInterrupt:
        pass
    for sock in opened:
        sock.close()


if __name__ == "__main__":
    main()
