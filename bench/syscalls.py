#!/usr/bin/env python3
"""Counts the system calls in one strace log of bench/run.sh's system-call pass.

    syscalls.py LABEL SCENARIO REQUESTS STRACE.log

The log comes from `strace -f -qq -o STRACE.log -p PID` attached to every thread
of one balancer while wrk ran REQUESTS requests through it. Prints one markdown
table row: the system calls per request in all, the main ones, and how many
connections each thread accepted (the spread of SO_REUSEPORT, or of HAProxy's
accept queue, over the threads).
"""

import collections
import re
import sys

# "1234 name(args..." starts a call (complete, or "<unfinished ...>" when another
# thread interleaves); "1234 <... name resumed>..." ends one and is not counted again.
START = re.compile(r"^(\d+) +([a-z_0-9]+)\(")
RESULT = re.compile(r"^(\d+) +(?:<\.\.\. )?(accept4?)\b.*\) += (\d+)(?: |$)")


def main():
    label, scenario, requests, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    calls = collections.Counter()
    accepts = collections.Counter()
    with open(path, errors="replace") as handle:
        for line in handle:
            started = START.match(line)
            if started:
                calls[started.group(2)] += 1
            accepted = RESULT.match(line)
            if accepted:
                accepts[accepted.group(1)] += 1
    if requests <= 0:
        print(f"| {scenario} | {label} | – | no request completed under strace | – |")
        return
    total = sum(calls.values())
    main_calls = ", ".join(f"{name} {count / requests:.2f}" for name, count in calls.most_common()
                           if count / requests >= 0.05)
    spread = sorted(accepts.values(), reverse=True)
    if spread:
        accepted = sum(spread)
        per_thread = " / ".join(f"{count} ({100 * count / accepted:.0f} %)" for count in spread)
    else:
        per_thread = "–"
    print(f"| {scenario} | {label} | {total / requests:.2f} | {main_calls} | {per_thread} |")


if __name__ == "__main__":
    main()
