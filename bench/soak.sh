#!/usr/bin/env bash
# Soak test with faults: real traffic through balancierd for a set time, every
# byte checked, while backends are killed and restarted, the config is
# reloaded (SIGHUP) and replaced through the admin API, and hosts are drained.
# How to run it and read it: docs/reliability.md. The traffic and the faults
# are bench/soak.py; this script prepares the machine (open-files limit, a
# network namespace for the backends with tc netem where the kernel has it)
# and writes the report.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/soak.sh [options]
  --duration S        seconds of traffic and faults after the ramp (default 600)
  --idle N            idle connections, each pinged now and then (default 7000)
  --streams N         long pipelined streams (default 100)
  --shorts N          loops of short request/reply connections (default 40)
  --workers N         the daemon's worker threads (default 2; 1 makes a slow machine slower)
  --balancierd PATH   the daemon (default build/headless/balancierd)
  --out DIR           where report.md, samples.tsv and the logs go (default build-soak/)
  --no-netns          backends on 127.0.0.1 instead of in a network namespace
  --seed N            the random seed (default: the time); printed, to repeat a run
  --sabotage KIND     prove the checks can fail: backend b1 flips a byte (corrupt) or resets a
                      connection (close) once in 200 reads; the run must then fail
  --quick             a 1-minute run for CI: --duration 60 --idle 5000 --streams 50 --shorts 20,
                      faster faults (draintimeout 4 s instead of 6 s)
Exits 0 when no byte was wrong, every lost connection is explained by an
injected fault, no descriptor leaked and RSS stayed within the bound;
1 otherwise, 2 for a bad option.
EOF
}

COMMAND="bash bench/soak.sh${*:+ $*}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=600
IDLE=7000
STREAMS=100
SHORTS=40
WORKERS=2
BALANCIERD="$ROOT/build/headless/balancierd"
OUT_DIR="$ROOT/build-soak"
NETNS=1
SEED="$(date +%s)"
QUICK=0
SABOTAGE=()

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --streams) STREAMS="$2"; shift 2 ;;
    --shorts) SHORTS="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --balancierd) BALANCIERD="$2"; shift 2 ;;
    --out) OUT_DIR="$2"; shift 2 ;;
    --no-netns) NETNS=0; shift ;;
    --seed) SEED="$2"; shift 2 ;;
    --sabotage) SABOTAGE=(--sabotage "$2"); shift 2 ;;
    --quick) QUICK=1; DURATION=60; IDLE=5000; STREAMS=50; SHORTS=20; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/soak.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for n in DURATION IDLE STREAMS SHORTS SEED WORKERS; do
  [[ "${!n}" =~ ^[0-9]+$ ]] || { echo "bench/soak.sh: $n must be a whole number, got '${!n}'" >&2; exit 2; }
done
[ "$DURATION" -ge 10 ] || { echo "bench/soak.sh: --duration must be at least 10 s" >&2; exit 2; }
[ "$WORKERS" -ge 1 ] || { echo "bench/soak.sh: --workers must be at least 1" >&2; exit 2; }
if [ ! -x "$BALANCIERD" ]; then
  echo "bench/soak.sh: no daemon at $BALANCIERD (build it: cmake --build build --target balancierd, or pass --balancierd)" >&2
  exit 1
fi
BALANCIERD="$(cd "$(dirname "$BALANCIERD")" && pwd)/$(basename "$BALANCIERD")"

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

export PATH="$PATH:/usr/sbin:/sbin"
need=""
command -v python3 >/dev/null 2>&1 || need="$need python3"
command -v ip >/dev/null 2>&1 || need="$need iproute2"
if [ -n "$need" ]; then
  step "Installing the soak test's tools:$need"
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    # shellcheck source=tools/deps.sh
    source "$ROOT/tools/deps.sh"
    # shellcheck disable=SC2034 # read by ensure_apt_packages
    BALANCIER_APT_PACKAGES="$need"
    ensure_apt_packages
  else
    echo "Install python3 and iproute2, then run this again." >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------- open-files limit
# The daemon holds two descriptors per proxied connection, the client one;
# all three inherit this limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NOFILE="$(ulimit -n)"
[ "$NOFILE" = unlimited ] && NOFILE=1048576
max_idle=$(((NOFILE - 1000) / 2 - STREAMS - SHORTS))
if [ "$IDLE" -gt "$max_idle" ]; then
  echo "bench/soak.sh: the open-files limit is $NOFILE; lowering --idle from $IDLE to $max_idle" >&2
  IDLE=$max_idle
fi
MIN_OPEN=5000
[ "$((IDLE + STREAMS + SHORTS))" -ge "$MIN_OPEN" ] || MIN_OPEN=$(((IDLE + STREAMS + SHORTS) * 9 / 10))

mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
rm -rf "$OUT_DIR/run"
mkdir -p "$OUT_DIR/run"

# ---------------------------------------------------------------- network namespace, netem
# The backends live in a namespace of their own, reached over a veth pair
# (198.18.0.1 here, 198.18.0.2 there), so netem can delay and drop packets
# between the balancer and the backends without touching the client's side.
NS=""
VETH=""
NETEM="off"
BACKEND_ARGS=(--backend-host 127.0.0.1)
PY_PID=""
cleanup() {
  # The driver stops its backends and daemon itself on SIGTERM.
  if [ -n "$PY_PID" ] && kill -0 "$PY_PID" 2>/dev/null; then
    kill -TERM "$PY_PID" 2>/dev/null || true
    wait "$PY_PID" 2>/dev/null || true
  fi
  [ -z "$VETH" ] || ip link del "$VETH" 2>/dev/null || true
  [ -z "$NS" ] || ip netns del "$NS" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$NETNS" -eq 1 ]; then
  step "Network namespace for the backends"
  NS="balancier-soak-$$"
  VETH="bsoak$$"
  VETH="${VETH:0:13}h"
  if ns_error="$(ip netns add "$NS" 2>&1 &&
    ip link add "$VETH" type veth peer name "${VETH%h}n" netns "$NS" 2>&1 &&
    ip addr add 198.18.0.1/30 dev "$VETH" 2>&1 && ip link set "$VETH" up 2>&1 &&
    ip -n "$NS" addr add 198.18.0.2/30 dev "${VETH%h}n" 2>&1 &&
    ip -n "$NS" link set "${VETH%h}n" up 2>&1 && ip -n "$NS" link set lo up 2>&1)"; then
    BACKEND_ARGS=(--backend-host 198.18.0.2 --backend-exec "ip netns exec $NS"
      --backend-ports "9001,9002,9003,9004,9005,9006")
    note "backends in namespace $NS at 198.18.0.2, the balancer reaches them over $VETH (198.18.0.1)"
    if tc_error="$(tc qdisc add dev "$VETH" root netem delay 2ms 1ms loss 0.2% 2>&1 &&
      ip netns exec "$NS" tc qdisc add dev "${VETH%h}n" root netem delay 2ms 1ms loss 0.2% 2>&1)"; then
      NETEM="delay 2ms ±1ms and 0.2% loss each way between the balancer and the backends"
      note "tc netem: $NETEM"
    else
      NETEM="off (tc netem is not available here: ${tc_error//$'\n'/ })"
      note "tc netem $NETEM; going on without latency or loss"
    fi
  else
    note "cannot make a network namespace (${ns_error//$'\n'/ }); the backends run on 127.0.0.1, without netem"
    cleanup
    NS="" VETH=""
    NETEM="off (no network namespace: ${ns_error//$'\n'/ })"
  fi
fi

# ---------------------------------------------------------------- run
EXTRA=()
[ "$QUICK" -eq 0 ] || EXTRA=(--drain-timeout 4 --ping-every 5-20 --stream-life 3-20 --fault-every 0.5-2)
step "Soak: ${DURATION} s, $IDLE idle connections, $STREAMS streams, $SHORTS short-request loops (open-files limit $NOFILE)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
START="$(date -u '+%Y-%m-%d %H:%M UTC')"
: >"$OUT_DIR/run/output.txt"  # before tail starts: the background job may open it later
python3 "$ROOT/bench/soak.py" run --balancierd "$BALANCIERD" --work "$OUT_DIR/run" "${BACKEND_ARGS[@]}" \
  --duration "$DURATION" --idle "$IDLE" --streams "$STREAMS" --shorts "$SHORTS" --min-open "$MIN_OPEN" \
  --workers "$WORKERS" --seed "$SEED" "${EXTRA[@]}" "${SABOTAGE[@]}" >>"$OUT_DIR/run/output.txt" 2>&1 &
PY_PID=$!
tail -n +1 -f --pid="$PY_PID" "$OUT_DIR/run/output.txt" &
TAIL_PID=$!
rc=0
wait "$PY_PID" || rc=$?
PY_PID=""
wait "$TAIL_PID" 2>/dev/null || true
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Balancier soak test, $START"
  echo
  echo "- Command: \`$COMMAND\` (seed $SEED)"
  echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), Linux $(uname -r); load average $LOAD_BEFORE before, $LOAD_AFTER after"
  echo "- Daemon: $("$BALANCIERD" --version 2>/dev/null | head -n 1), $WORKERS worker(s); open-files limit $NOFILE"
  echo "- Backends: $([ -n "$NS" ] && echo "6 echo processes in a network namespace (198.18.0.2)" || echo "6 echo processes on 127.0.0.1"); netem $NETEM"
  echo
  sed -n '/^| Measure/,$p' "$OUT_DIR/run/output.txt"
} >"$OUT_DIR/report.md"
echo
echo "Written: $OUT_DIR/report.md; samples (RSS, descriptors, threads every 2 s) in $OUT_DIR/run/samples.tsv,"
echo "faults in $OUT_DIR/run/faults.log, losses by cause in $OUT_DIR/run/losses.log, logs in $OUT_DIR/run/"
exit "$rc"
