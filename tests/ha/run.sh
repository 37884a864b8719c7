#!/usr/bin/env bash
# The keepalived pair test (CI stage "ha"; docs/high-availability.md).
#
# In network namespaces it creates and removes itself: a bridge, two balancer
# nodes (lb1 198.18.0.11, lb2 198.18.0.12), a client (198.18.0.50-57) and
# three backends (198.18.0.21-23), all in 198.18.0.0/24 (RFC 2544's
# benchmarking range); nothing leaves the namespaces. Each node runs a real
# keepalived (from resources/ha/keepalived-{a,b}.conf, adapted to the
# namespace) and balancierd; the virtual address is 198.18.0.100.
#
# It checks:
#   1. /api/v1/health: healthy on both nodes, refused (403) to the client,
#      the roles (lb1 master, lb2 backup) from keepalived's notify script.
#   2. The consistent-hash scheduler ($SCHEDULER below) sends each client
#      address to the same backend through either node.
#   3. Killing the master's balancierd: keepalived's track script
#      (balancierd --health-check) fails and lb2 takes the address. Measured:
#      the time until the address answers through lb2, and the failed
#      connections of a client connecting every 20 ms. Asserted: under 3 s,
#      and no failed connection after the switch.
#   4. The same after killing the master's keepalived (SIGKILL).
#
# Needs root (or password-less sudo), `ip netns`, python3 and keepalived
# (installed with apt-get when missing). Where the machine does not allow
# network namespaces it prints SKIPPED and why, and exits 77. Bounded: every
# wait has a deadline; the whole run takes about a minute, 3 at most.
#
# Settings: BALANCIERD (default: $CI_BUILD_PREFIX/headless/balancierd, with
# CI_BUILD_PREFIX defaulting to <repo>/build).
set -uo pipefail

# The scheduler both nodes run: maglev, the one meant for pairs (docs/scheduling.md).
SCHEDULER=maglev

MAX_FAILOVER_MS=3000
CLIENT_INTERVAL_MS=20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="${CI_BUILD_PREFIX:-$ROOT/build}"
BALANCIERD="${BALANCIERD:-$PREFIX/headless/balancierd}"
HERE="$ROOT/tests/ha"
EXIT_SKIP=77

skip() {
  echo "SKIPPED: $*"
  exit "$EXIT_SKIP"
}
fail() {
  echo "FAIL: $*"
  exit 1
}
note() {
  printf '==> %s\n' "$*"
}

# --- can this machine run it? ------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n env BALANCIERD="$BALANCIERD" CI_BUILD_PREFIX="$PREFIX" bash "${BASH_SOURCE[0]}" "$@"
  fi
  skip "the namespace test needs root (or password-less sudo) to create network namespaces"
fi
command -v ip >/dev/null 2>&1 || skip "no 'ip' command (iproute2)"
[ -x "$BALANCIERD" ] || fail "no balancierd at $BALANCIERD: build it first (or set BALANCIERD)"
PYTHON=/usr/bin/python3
missing=""
[ -x "$PYTHON" ] || missing="$missing python3"
command -v keepalived >/dev/null 2>&1 || [ -x /usr/sbin/keepalived ] || missing="$missing keepalived"
if [ -n "$missing" ]; then
  command -v apt-get >/dev/null 2>&1 || skip "missing:$missing, and no apt-get to install it"
  note "installing$missing"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null; } \
    || fail "apt-get could not install$missing"
fi
KEEPALIVED="$(command -v keepalived || echo /usr/sbin/keepalived)"
[ -x "$PYTHON" ] || fail "no $PYTHON after installing python3"

TAG="bha$$"
probe_ns="$TAG-probe"
if ! ip netns add "$probe_ns" 2>/tmp/"$TAG"-netns.err; then
  why="$(cat /tmp/"$TAG"-netns.err)"
  rm -f /tmp/"$TAG"-netns.err
  skip "this machine does not allow network namespaces (ip netns add: $why)"
fi
rm -f /tmp/"$TAG"-netns.err
if ! ip -n "$probe_ns" link add "$TAG"br type bridge 2>/dev/null; then
  ip netns del "$probe_ns"
  skip "this machine does not allow bridges inside a network namespace"
fi
ip netns del "$probe_ns"

# --- set-up and clean-up -----------------------------------------------------
WORK="$(mktemp -d /tmp/balancier-ha.XXXXXX)"
chmod 755 "$WORK"
NAMESPACES=()
PIDS=()
BR="$TAG-br"
declare -A ADDR=([lb1]=198.18.0.11 [lb2]=198.18.0.12 [be1]=198.18.0.21 [be2]=198.18.0.22 [be3]=198.18.0.23
  [client]=198.18.0.50)
VIP=198.18.0.100
declare -A BALANCIERD_PID KEEPALIVED_PID

cleanup() {
  local pid ns
  exec 2>/dev/null  # not the shell's "Killed" line for each process
  touch "$WORK/stop-client"
  # Only what this script started, by PID; keepalived's VRRP child by its pid file.
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null
  done
  for f in "$WORK"/*-vrrp.pid "$WORK"/*-keepalived.pid; do
    [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null
  done
  for ns in "${NAMESPACES[@]}"; do
    ip netns del "$ns" 2>/dev/null
  done
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ns() { echo "$TAG-$1"; }
# Not for what runs in the background: `ip netns exec` must be the job itself
# (it becomes the command), so that $! is the command's PID.
in_ns() {
  local node="$1"
  shift
  ip netns exec "$(ns "$node")" "$@"
}

# Waits until COMMAND succeeds, polling every 100 ms, for at most SECONDS.
wait_until() {
  local seconds="$1" deadline
  shift
  deadline=$((SECONDS + seconds))
  while ! "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

now() { date +%s.%N; }

note "network: bridge namespace $BR, nodes lb1 lb2 client be1 be2 be3 (prefix $TAG)"
ip netns add "$BR" || fail "ip netns add $BR"
NAMESPACES+=("$BR")
ip -n "$BR" link add br0 type bridge || fail "bridge"
ip -n "$BR" link set br0 up
for node in lb1 lb2 client be1 be2 be3; do
  ip netns add "$(ns "$node")" || fail "ip netns add $(ns "$node")"
  NAMESPACES+=("$(ns "$node")")
  ip -n "$(ns "$node")" link set lo up
  ip link add veth0 netns "$(ns "$node")" type veth peer name "p-$node" netns "$BR" || fail "veth for $node"
  ip -n "$BR" link set "p-$node" master br0
  ip -n "$BR" link set "p-$node" up
  ip -n "$(ns "$node")" addr add "${ADDR[$node]}/24" dev veth0
  ip -n "$(ns "$node")" link set veth0 up
done
for i in 1 2 3 4 5 6 7; do
  ip -n "$(ns client)" addr add "198.18.0.5$i/24" dev veth0
done

note "backends be1 be2 be3 on port 8080"
for node in be1 be2 be3; do
  ip netns exec "$(ns "$node")" "$PYTHON" "$HERE/habackend.py" "$node" 8080 >"$WORK/$node.log" 2>&1 &
  PIDS+=($!)
done
for node in be1 be2 be3; do
  wait_until 10 in_ns client "$PYTHON" "$HERE/haclient.py" probe "${ADDR[$node]}" 8080 \
    || fail "backend $node does not answer (log: $(tail -n 3 "$WORK/$node.log"))"
done

write_config() {
  local node="$1"
  cat >"$WORK/$node.xml" <<XML
<balancier version="1">
  <health interval="200ms" timeout="200ms" rise="1" fall="2" downinterval="500ms" aggressiveinterval="200ms"/>
  <timeouts connect="1s"/>
  <admin listen="0.0.0.0:8081" insecure="yes" metricspublic="yes"/>
  <ha vip="$VIP" statefile="$WORK/$node.state"/>
  <service name="web">
    <listen ip="0.0.0.0:80"/>
    <group name="backends" scheduler="$SCHEDULER">
      <host name="be1" ip="${ADDR[be1]}:8080"/>
      <host name="be2" ip="${ADDR[be2]}:8080"/>
      <host name="be3" ip="${ADDR[be3]}:8080"/>
    </group>
    <enable group="backends"/>
  </service>
</balancier>
XML
  "$BALANCIERD" --check "$WORK/$node.xml" >"$WORK/$node.check" 2>&1 \
    || fail "balancierd --check $WORK/$node.xml: $(cat "$WORK/$node.check")"
}

health_check() {
  in_ns "$1" "$BALANCIERD" --health-check --config "$WORK/$1.xml"
}

start_balancierd() {
  local node="$1"
  ip netns exec "$(ns "$node")" "$BALANCIERD" --config "$WORK/$node.xml" >>"$WORK/$node-balancierd.log" 2>&1 &
  BALANCIERD_PID[$node]=$!
  PIDS+=($!)
  wait_until 20 health_check "$node" \
    || fail "balancierd on $node is not healthy after 20 s: $(health_check "$node" 2>&1); log: $(tail -n 5 "$WORK/$node-balancierd.log")"
}

start_keepalived() {
  local node="$1" example="$2"
  # The shipped example, with this namespace's interface and this run's paths.
  sed -e "s|interface eth0|interface veth0|" \
    -e "s|/usr/bin/balancierd|$BALANCIERD|" \
    -e "s|/etc/balancier/balancier.xml|$WORK/$node.xml|" \
    -e "s|/usr/local/share/balancier/ha/balancier-vrrp-notify|$ROOT/resources/ha/balancier-vrrp-notify|" \
    -e "s|/run/balancier/vrrp.state|$WORK/$node.state|" \
    "$ROOT/resources/ha/$example" >"$WORK/$node-keepalived.conf"
  grep -q "$WORK/$node.state" "$WORK/$node-keepalived.conf" || fail "$example: the notify line was not adapted"
  ip netns exec "$(ns "$node")" "$KEEPALIVED" --dont-fork --log-console --log-detail --vrrp \
    --use-file "$WORK/$node-keepalived.conf" --pid "$WORK/$node-keepalived.pid" \
    --vrrp_pid "$WORK/$node-vrrp.pid" >>"$WORK/$node-keepalived.log" 2>&1 &
  KEEPALIVED_PID[$node]=$!
  PIDS+=($!)
}

role_is() {
  local node="$1" role="$2"
  in_ns "$node" "$PYTHON" - "$role" <<'PY'
import json, sys, urllib.request, urllib.error
try:
    body = urllib.request.urlopen("http://127.0.0.1:8081/api/v1/health", timeout=1).read()
except urllib.error.HTTPError as error:
    body = error.read()
sys.exit(0 if json.loads(body).get("role") == sys.argv[1] else 1)
PY
}

vip_answers_via() {
  [ "$(in_ns client "$PYTHON" "$HERE/haclient.py" probe "$VIP" 80 | awk '{print $2}')" = "$1" ]
}

show_logs() {
  local node
  for node in lb1 lb2; do
    echo "--- $node keepalived (last lines)"
    tail -n 15 "$WORK/$node-keepalived.log" 2>/dev/null | sed 's/^/    /'
    echo "--- $node balancierd (last lines)"
    tail -n 8 "$WORK/$node-balancierd.log" 2>/dev/null | sed 's/^/    /'
  done
}

write_config lb1
write_config lb2
note "balancierd on lb1 and lb2 ($SCHEDULER scheduler)"
start_balancierd lb1
start_balancierd lb2

# --- 1. health and roles -------------------------------------------------------
note "health: from the node itself, and from the client (403)"
health_check lb1 || fail "balancierd --health-check on lb1 says not healthy"
status="$(in_ns client curl -s -o "$WORK/refused.json" -w '%{http_code}' "http://${ADDR[lb1]}:8081/api/v1/health")"
[ "$status" = 403 ] || fail "GET /api/v1/health from the client: expected 403, got $status"
grep -q healthpublic "$WORK/refused.json" || fail "the 403 does not say how to allow it: $(cat "$WORK/refused.json")"
echo "    lb1 /api/v1/health from the client: 403 ($(cat "$WORK/refused.json"))"

note "keepalived on lb1 (priority 150) and lb2 (100)"
start_keepalived lb1 keepalived-a.conf
start_keepalived lb2 keepalived-b.conf
wait_until 20 vip_answers_via "${ADDR[lb1]}" || { show_logs; fail "the virtual address does not answer through lb1 after 20 s"; }
wait_until 10 role_is lb1 master || { show_logs; fail "lb1 does not report role master"; }
wait_until 10 role_is lb2 backup || { show_logs; fail "lb2 does not report role backup"; }
echo "    lb1: $(in_ns lb1 curl -s http://127.0.0.1:8081/api/v1/health)"
echo "    lb2: $(in_ns lb2 curl -s http://127.0.0.1:8081/api/v1/health)"
in_ns lb1 curl -s http://127.0.0.1:8081/metrics | grep -q '^balancier_ha_role{role="master"} 1' \
  || fail "lb1's /metrics lacks balancier_ha_role{role=\"master\"} 1"

# --- 2. the same backend through either node ----------------------------------
note "consistent hashing: each client address lands on the same backend through lb1 and lb2"
declare -A SEEN=()
for i in 0 1 2 3 4 5 6 7; do
  source="198.18.0.5$i"
  via1="$(in_ns client "$PYTHON" "$HERE/haclient.py" probe "${ADDR[lb1]}" 80 "$source" | awk '{print $1}')"
  via2="$(in_ns client "$PYTHON" "$HERE/haclient.py" probe "${ADDR[lb2]}" 80 "$source" | awk '{print $1}')"
  echo "    $source: $via1 through lb1, $via2 through lb2"
  [ -n "$via1" ] && [ "$via1" = "$via2" ] || fail "client $source: $via1 through lb1 but $via2 through lb2 ($SCHEDULER)"
  SEEN[$via1]=1
done
[ "${#SEEN[@]}" -ge 2 ] || fail "8 client addresses all went to one backend: the check above proves little"

# --- 3 and 4. failover -----------------------------------------------------------
RESULTS=()
failover() {
  local what="$1" victim_kind="$2" log="$WORK/client-$2.log" kill_time report
  rm -f "$WORK/stop-client" "$log"
  ip netns exec "$(ns client)" "$PYTHON" "$HERE/haclient.py" loop "$VIP" 80 "$CLIENT_INTERVAL_MS" "$log" \
    "$WORK/stop-client" &
  local client=$!
  PIDS+=("$client")
  wait_until 5 grep -q ' ok ' "$log" || fail "the client gets no answer before the failover"
  sleep 0.5  # a baseline of answers through lb1 before the kill
  kill_time="$(now)"
  if [ "$victim_kind" = balancierd ]; then
    kill -KILL "${BALANCIERD_PID[lb1]}"
    wait "${BALANCIERD_PID[lb1]}" 2>/dev/null
  else
    kill -KILL "${KEEPALIVED_PID[lb1]}" "$(cat "$WORK/lb1-vrrp.pid")"
    wait "${KEEPALIVED_PID[lb1]}" 2>/dev/null
  fi
  note "$what (killed at $kill_time)"
  # Until the address answers through lb2, then 3 s more of connections that must all succeed.
  wait_until 15 grep -q " ok [a-z0-9]* ${ADDR[lb2]}\$" "$log" || true
  sleep 3
  touch "$WORK/stop-client"
  wait "$client"
  report="$("$PYTHON" "$HERE/haclient.py" analyse "$log" "$kill_time" "${ADDR[lb2]}")"
  echo "$report" | sed 's/^/    /'
  local switched failover_ms failed_during failed_after before after
  switched="$(echo "$report" | sed -n 's/^switched=//p')"
  failover_ms="$(echo "$report" | sed -n 's/^failover_ms=//p')"
  failed_during="$(echo "$report" | sed -n 's/^failed_during=//p')"
  failed_after="$(echo "$report" | sed -n 's/^failed_after=//p')"
  before="$(echo "$report" | sed -n 's/^backends_before=//p')"
  after="$(echo "$report" | sed -n 's/^backends_after=//p')"
  RESULTS+=("$what: failover ${failover_ms} ms, failed connections ${failed_during} during the switch, ${failed_after} after it")
  FIGURES="${FIGURES:+$FIGURES; }$victim_kind killed: ${failover_ms} ms, ${failed_during} failed during, ${failed_after} after"
  echo "MEASURED $victim_kind-kill: failover_ms=$failover_ms failed_during_switch=$failed_during failed_after_switch=$failed_after"
  [ "$switched" = yes ] || { show_logs; fail "$what: the virtual address never answered through lb2"; }
  [ "$failover_ms" -lt "$MAX_FAILOVER_MS" ] || { show_logs; fail "$what: failover took $failover_ms ms (limit $MAX_FAILOVER_MS)"; }
  [ "$failed_after" -eq 0 ] || fail "$what: $failed_after failed connections after the switch"
  [ "$before" = "$after" ] || fail "$what: the client went to $before before and to $after after the switch ($SCHEDULER)"
  wait_until 10 role_is lb2 master || fail "$what: lb2 does not report role master"
}

failover "kill -9 of lb1's balancierd" balancierd
# lb1's balancierd is dead, so its role is read where it would read it: the state file.
wait_until 10 grep -qx FAULT "$WORK/lb1.state" \
  || fail "keepalived on lb1 did not write FAULT into the state file: $(cat "$WORK/lb1.state" 2>/dev/null)"

note "restoring lb1: balancierd again; keepalived takes the address back (priority 150)"
start_balancierd lb1
wait_until 20 vip_answers_via "${ADDR[lb1]}" || { show_logs; fail "lb1 does not take the address back after 20 s"; }
wait_until 10 role_is lb1 master || fail "lb1 does not report role master again"
wait_until 10 role_is lb2 backup || fail "lb2 does not report role backup again"

failover "kill -9 of lb1's keepalived" keepalived

echo
echo "Failover summary ($SCHEDULER scheduler, client connecting every ${CLIENT_INTERVAL_MS} ms, limit ${MAX_FAILOVER_MS} ms):"
for line in "${RESULTS[@]}"; do
  echo "  $line"
done
echo "PASS: the keepalived pair fails over within ${MAX_FAILOVER_MS} ms, no failed connection after the switch ($FIGURES)"
