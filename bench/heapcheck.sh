#!/usr/bin/env bash
# Heap allocations per new connection in balancierd, counted with heaptrack
# (issue #13: "no allocation per connection except the Session itself").
#
#   bash bench/heapcheck.sh [--balancierd PATH] [--connections N] [--out DIR]
#
# Runs balancierd under heaptrack in front of one small HTTP backend
# (bench/heapcheck_backend.py, a Python stub that answers and closes), makes
# N and then 5 x N more new connections with wrk (one request each,
# "Connection: close"), and prints the allocations heaptrack counted at both
# points: the difference divided by the extra connections is the
# allocations per connection in the steady state (start-up, the first
# sessions and the pools' growth fall out of the difference). Also prints
# the top allocation sites of the whole run. Loopback only; everything it
# starts it stops by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
BALANCIERD=build/headless/balancierd
N=2000
OUT=build-heapcheck
while [ $# -gt 0 ]; do
  case "$1" in
    --balancierd) BALANCIERD=$2; shift 2 ;;
    --connections) N=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "heapcheck: unknown option $1" >&2; exit 2 ;;
  esac
done
need=""
command -v heaptrack >/dev/null 2>&1 || need="$need heaptrack"
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v python3 >/dev/null 2>&1 || need="$need python3"
if [ -n "$need" ]; then
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    # The README scripts' installer (root or sudo, noninteractive), as bench/run.sh uses it.
    # shellcheck source=tools/deps.sh
    source tools/deps.sh
    # shellcheck disable=SC2034 # read by ensure_apt_packages
    BALANCIER_APT_PACKAGES="$need"
    ensure_apt_packages
  else
    echo "heapcheck: install$need, then run this again" >&2
    exit 1
  fi
fi
[ -x "$BALANCIERD" ] || { echo "heapcheck: no balancierd at $BALANCIERD" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0; sleep 0.1; done; echo "heapcheck: nothing listens on $1" >&2; exit 1; }

BACKEND_PORT=$(free_port)
FRONT_PORT=$(free_port)
python3 bench/heapcheck_backend.py "$BACKEND_PORT" > "$OUT/backend.log" 2>&1 &
pids+=($!)
wait_port "$BACKEND_PORT"
cat > "$OUT/balancier.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
  <settings workers="2" draintimeout="2s"/>
  <health active="no"/>
  <logging level="warning"/>
  <service name="heap">
    <listen ip="127.0.0.1:$FRONT_PORT"/>
    <group name="g" scheduler="roundrobin">
      <host name="b1" ip="127.0.0.1:$BACKEND_PORT"/>
    </group>
    <enable group="g"/>
  </service>
</balancier>
XML
# One run of balancierd under heaptrack: `$1` connections, then SIGTERM; heaptrack
# writes its trace (compressed) when the program ends.
run_once() {
  local tag=$1 want=$2
  rm -f "$OUT/heaptrack-$tag".*
  heaptrack -o "$OUT/heaptrack-$tag" "$BALANCIERD" --config "$OUT/balancier.xml" > "$OUT/balancierd-$tag.log" 2>&1 &
  local hp=$!
  pids+=($hp)
  wait_port "$FRONT_PORT"
  local made=0 got
  while [ "$made" -lt "$want" ]; do
    # -H "Connection: close": one connection per request; -c2 keeps the stub backend up.
    wrk -t1 -c2 -d1s -H 'Connection: close' "http://127.0.0.1:$FRONT_PORT/" > "$OUT/wrk.txt" 2>&1 || true
    got=$(awk '/requests in/ {print $1}' "$OUT/wrk.txt")
    made=$((made + ${got:-0}))
  done
  # Only balancierd: heaptrack's own interpreter must live on to write the trace.
  local bpid
  bpid=$(sed -n 's/.*started: balancierd .*, pid \([0-9]*\).*/\1/p' "$OUT/balancierd-$tag.log" | head -1)
  [ -n "$bpid" ] && kill -TERM "$bpid"
  wait "$hp" 2>/dev/null || true
  local calls
  calls=$(heaptrack_print -f "$(ls "$OUT/heaptrack-$tag".*)" 2>/dev/null | awk '/^calls to allocation functions:/ {print $5}' | tail -1)
  echo "$made $calls"
}
read -r c1 a1 < <(run_once small "$N")
read -r c2 a2 < <(run_once large $((6 * N)))
echo "run 1: $c1 connections, $a1 allocation calls"
echo "run 2: $c2 connections, $a2 allocation calls"
python3 - "$c1" "$a1" "$c2" "$a2" <<'PY'
import sys
c1, a1, c2, a2 = map(int, sys.argv[1:])
print(f"allocations per new connection in the steady state: {(a2 - a1) / (c2 - c1):.2f} "
      f"(the difference between the runs over the extra connections)")
PY
echo
echo "Top allocation sites of run 2 (heaptrack_print):"
heaptrack_print -f "$(ls "$OUT"/heaptrack-large.*)" --print-peaks 0 --print-leaks 0 --print-temporary 0 \
  --print-allocators 1 2>/dev/null | sed -n '/MOST CALLS TO ALLOCATION FUNCTIONS/,/PEAK MEMORY/p' | head -80
