#!/usr/bin/env python3
"""Turns the raw trials of bench/run.sh into a markdown table of medians.

    report.py RAW.tsv

RAW.tsv has a header row; one row per trial (see COLUMNS). Writes markdown to stdout.
"""

import csv
import statistics
import sys

COLUMNS = ["scenario", "contender", "round", "status", "requests", "duration_us", "bytes",
           "p99_us", "errors", "cpu_s", "rss_before_kib", "rss_after_kib", "idle", "note", "foreign_cores"]
CONTENDERS = [("balancier", "Balancier"), ("haproxy", "HAProxy"), ("haproxy-splice", "HAProxy splice"),
              ("direct", "Direct")]
SCENARIOS = {
    "a": "(a) keep-alive, small responses",
    "b": "(b) new connection per request",
    "c": "(c) 1 MiB bulk transfers",
    "d": "(d) idle connections held open",
    "e": "(e) keep-alive while idle connections are held open",
    "f": "(f) TLS termination, keep-alive (throughput)",
    "g": "(g) TLS termination, new connection per request (handshakes/s)",
}


def number(row, key):
    try:
        return float(row[key])
    except (KeyError, ValueError, TypeError):  # TypeError: a row without that column
        return None


def metrics(row):
    """The figures one trial contributes, by metric name (None when not measurable)."""
    scenario = row["scenario"]
    if scenario == "d":
        before, after, idle = number(row, "rss_before_kib"), number(row, "rss_after_kib"), number(row, "idle")
        per_conn = (after - before) / idle if None not in (before, after) and idle else None
        return {"kib_per_conn": per_conn}
    requests, duration = number(row, "requests"), number(row, "duration_us")
    if not requests or not duration:
        return {}
    seconds = duration / 1e6
    cpu = number(row, "cpu_s")
    result = {
        "p99_ms": number(row, "p99_us") / 1000 if number(row, "p99_us") is not None else None,
        "cpu_us": cpu * 1e6 / requests if cpu is not None else None,
    }
    if scenario == "c":
        result["mb_s"] = number(row, "bytes") / seconds / 1e6
    else:
        result["rps"] = requests / seconds
    return result


# metric key, label, the scenarios it applies to
METRICS = [
    ("rps", "requests/s", "abefg"),
    ("mb_s", "MB/s (10^6 bytes)", "c"),
    ("p99_ms", "p99 latency, ms", "abcefg"),
    ("cpu_us", "balancer CPU, µs per request", "abcefg"),
    ("kib_per_conn", "balancer RSS, KiB per idle connection", "d"),
]


def fmt(value):
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}×"


def main():
    with open(sys.argv[1], newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))

    medians = {}
    counts = {}
    for scenario in SCENARIOS:
        for contender, _ in CONTENDERS:
            trials = [r for r in rows if r["scenario"] == scenario and r["contender"] == contender
                      and r["status"] == "ok"]
            counts[scenario, contender] = len(trials)
            values = {}
            for trial in trials:
                for key, value in metrics(trial).items():
                    if value is not None:
                        values.setdefault(key, []).append(value)
            for key, series in values.items():
                medians[scenario, contender, key] = statistics.median(series)

    out = ["| Scenario | Metric | " + " | ".join(name for _, name in CONTENDERS)
           + " | Balancier ÷ HAProxy | Balancier ÷ HAProxy splice | Balancier ÷ Direct |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    present = sorted({r["scenario"] for r in rows})
    for scenario in present:
        if scenario not in SCENARIOS:
            continue
        first = True
        for key, label, applies in METRICS:
            if scenario not in applies:
                continue
            cells = [medians.get((scenario, c, key)) for c, _ in CONTENDERS]
            title = SCENARIOS[scenario] if first else ""
            first = False
            out.append(f"| {title} | {label} | " + " | ".join(fmt(v) for v in cells)
                       + f" | {ratio(cells[0], cells[1])} | {ratio(cells[0], cells[2])}"
                       + f" | {ratio(cells[0], cells[3])} |")
    out.append("")
    out.append("Medians over the rounds that ran (any cell with a failed round or with errors is "
               "listed under Notes). Ratios are "
               "Balancier's figure divided by the other's: above 1 is better for requests/s and "
               "MB/s, below 1 is better for latency, CPU and memory. Direct has no balancer, so "
               "its CPU and memory cells are empty. HAProxy splice (`option splice-auto`) runs in "
               "(c) only.")

    foreign = [number(r, "foreign_cores") for r in rows if r["status"] == "ok"]
    foreign = [f for f in foreign if f is not None]
    if foreign:
        out.append("")
        out.append(f"Foreign load (CPU used by other work on the machine during the timed rounds): "
                   f"median {statistics.median(foreign):.2f} cores, highest {max(foreign):.2f} cores; "
                   f"rounds above 0.25 cores are named under Notes.")

    notes = []
    for scenario in present:
        for contender, name in CONTENDERS:
            trials = [r for r in rows if r["scenario"] == scenario and r["contender"] == contender]
            if not trials:
                continue
            bad = [r for r in trials if r["status"] != "ok"]
            errors = sum(int(float(r["errors"] or 0)) for r in trials if r["status"] == "ok")
            extra = sorted({r["note"] for r in trials if r["note"]})
            if bad or errors or extra:
                line = f"- {scenario} {name}: {counts[scenario, contender]}/{len(trials)} rounds ok"
                if errors:
                    line += f", {errors} socket/HTTP errors reported by wrk"
                if extra:
                    line += "; " + "; ".join(extra)
                notes.append(line)
    if notes:
        out.append("")
        out.append("Notes:")
        out.extend(notes)
    print("\n".join(out))


if __name__ == "__main__":
    main()
