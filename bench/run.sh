#!/usr/bin/env bash
# Throughput, latency, CPU and memory of Balancier next to HAProxy and next to
# no balancer at all, on loopback. How to run it and read it: docs/performance.md.
#
# Three nginx backends (one worker each) serve a small response at / and a
# 1 MiB file at /1m. In front of them, in turn: Balancier (roundrobin), HAProxy
# (TCP mode, roundrobin) and nothing (wrk straight to the three backends). Rounds are
# interleaved (B H D B H D ...) so drift on the machine hits all three alike.
# Each trial starts its balancer fresh. Everything listens on 127.0.0.1.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --rounds N            rounds per scenario and contender (default 3)
  --duration S          seconds per wrk run (default 10)
  --workers N           balancer threads: Balancier <settings workers>, HAProxy nbthread (default 2)
  --connections N       wrk connections for (a), (b), (e) (default 50)
  --bulk-connections N  wrk connections for (c) (default 8)
  --idle N              idle connections for (d) and (e) (default 9000)
  --scenarios LIST      any of a,b,c,d,e,f,g (default a,b,c,d,e,f,g)
  --contenders LIST     any of balancier,haproxy,haproxy-splice,direct (default all four;
                        haproxy-splice, HAProxy with 'option splice-auto', runs in (c) only)
  --syscall-seconds S   length of the system-call pass under strace (default 3; 0: skip it)
  --balancierd PATH     the daemon (default build/headless/balancierd)
  --out DIR             where results.md, raw.tsv and logs go (default build-bench/)
  --acl-rules N         give Balancier's service an <acl> of N deny rules that match no
                        client (198.18.0.0/15 and 2001:db8::/32 test prefixes), default allow;
                        0: no <acl> (default)
  --connection-log      Balancier with its connection log on (<logging connections="yes">,
                        text records to a log file in the work directory): its cost
  --quick               a smoke run: 1 round of 3 s, 1000 idle connections, 1 s strace pass
Scenarios: (a) keep-alive small requests, (b) a new connection per request,
(c) 1 MiB transfers, (d) memory per idle connection, (e) (a) while the idle
connections stay open; TLS termination (Balancier tls="terminate", HAProxy
"bind ... ssl crt", the same throw-away P-256 certificate): (f) keep-alive
over TLS (throughput), (g) a new TLS connection per request (handshakes/s).
EOF
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3
DURATION=10
WORKERS=2
CONNECTIONS=50
BULK_CONNECTIONS=8
IDLE=9000
SCENARIOS="a,b,c,d,e,f,g"
CONTENDERS="balancier,haproxy,haproxy-splice,direct"
SYSCALL_SECONDS=3
SYSCALL_CONNECTIONS=20  # wrk -c for the strace pass, as in the issue's count
FOREIGN_WARN=0.25  # cores of CPU used by others during a round above which the round is flagged
BALANCIERD="$ROOT/build/headless/balancierd"
OUT_DIR="$ROOT/build-bench"
ACL_RULES=0
CONNECTION_LOG=0
WRK_THREADS=1  # one load-generator thread leaves the other core to the balancer

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --bulk-connections) BULK_CONNECTIONS="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --contenders) CONTENDERS="$2"; shift 2 ;;
    --syscall-seconds) SYSCALL_SECONDS="$2"; shift 2 ;;
    --balancierd) BALANCIERD="$2"; shift 2 ;;
    --out) OUT_DIR="$2"; shift 2 ;;
    --acl-rules) ACL_RULES="$2"; shift 2 ;;
    --connection-log) CONNECTION_LOG=1; shift ;;
    --quick) ROUNDS=1; DURATION=3; IDLE=1000; SYSCALL_SECONDS=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for n in ROUNDS DURATION WORKERS CONNECTIONS BULK_CONNECTIONS IDLE; do
  [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: $n must be a positive integer, got '${!n}'" >&2; exit 2; }
done
[[ "$SYSCALL_SECONDS" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: --syscall-seconds must be a whole number, got '$SYSCALL_SECONDS'" >&2; exit 2; }
SCENARIOS="${SCENARIOS//,/ }"
CONTENDERS="${CONTENDERS//,/ }"
for s in $SCENARIOS; do
  [[ "$s" =~ ^[abcdefg]$ ]] || { echo "bench/run.sh: unknown scenario '$s' (a-g)" >&2; exit 2; }
done
for c in $CONTENDERS; do
  [[ "$c" =~ ^(balancier|haproxy|haproxy-splice|direct)$ ]] || { echo "bench/run.sh: unknown contender '$c'" >&2; exit 2; }
done

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

# ---------------------------------------------------------------- dependencies
export PATH="$PATH:/usr/sbin:/sbin"
need=""
command -v nginx >/dev/null 2>&1 || need="$need nginx-light"
command -v haproxy >/dev/null 2>&1 || need="$need haproxy"
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v python3 >/dev/null 2>&1 || need="$need python3"
command -v ss >/dev/null 2>&1 || need="$need iproute2"
command -v curl >/dev/null 2>&1 || need="$need curl"
[ "$SYSCALL_SECONDS" -eq 0 ] || command -v strace >/dev/null 2>&1 || need="$need strace"
if [ -n "$need" ]; then
  step "Installing the benchmark's tools:$need"
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    # Reuses the README scripts' installer (root or sudo, noninteractive) for this list.
    # shellcheck source=tools/deps.sh
    source "$ROOT/tools/deps.sh"
    # shellcheck disable=SC2034 # read by ensure_apt_packages
    BALANCIER_APT_PACKAGES="$need"
    ensure_apt_packages
  else
    echo "Install nginx, haproxy, wrk, python3, iproute2 (ss), curl and strace, then run this again." >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------- limits, ports, files
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NOFILE="$(ulimit -n)"
[ "$NOFILE" = unlimited ] && NOFILE=1048576
# A balancer holds two sockets per proxied connection; keep headroom for wrk's.
max_idle=$(((NOFILE - 1000) / 2))
if [ "$IDLE" -gt "$max_idle" ]; then
  echo "The open-files limit is $NOFILE; lowering --idle from $IDLE to $max_idle." >&2
  IDLE=$max_idle
fi
HAPROXY_MAXCONN=$(((NOFILE - 400) / 2))
CLK_TCK="$(getconf CLK_TCK)"

mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/balancier-bench.XXXXXX")"
chmod 755 "$WORK"  # nginx workers may run as another user and must read www/
LOG_DIR="$OUT_DIR/logs"
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
RAW="$OUT_DIR/raw.tsv"

read -r PORT1 PORT2 PORT3 FRONT ADMIN_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
BACKEND_PORTS="$PORT1 $PORT2 $PORT3"

# ---------------------------------------------------------------- process bookkeeping
BACKEND_PIDS=""
CONTENDER_PID=""
IDLE_PID=""

stop_pid() {  # pid: TERM, up to 5 s of grace, then KILL
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  stop_pid "$IDLE_PID"
  stop_pid "$CONTENDER_PID"
  for pid in $BACKEND_PIDS; do stop_pid "$pid"; done
  if [ "$CONNECTION_LOG" = 1 ] && [ -f "$WORK/connections.log" ]; then
    echo "connection log: $(grep -c 'balancier.connlog: conn ' "$WORK/connections.log" || true) record(s) written" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {  # pid port seconds: until port accepts, or the process dies, or time runs out
  local pid="$1" port="$2" tries=$(($3 * 10))
  while [ "$tries" -gt 0 ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    port_open "$port" && return 0
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

# ---------------------------------------------------------------- backends
start_backends() {
  local i=0 port dir pid temps="" module
  # A temp path directive for a module the binary lacks is a fatal config error.
  for module in client_body proxy fastcgi uwsgi scgi; do
    nginx -V 2>&1 | grep -q -- "--without-http_${module}_module" || temps="$temps $module"
  done
  for port in $BACKEND_PORTS; do
    i=$((i + 1))
    dir="$WORK/nginx$i"
    mkdir -p "$dir/www"
    printf 'backend%d\n' "$i" >"$dir/www/index.txt"
    head -c 1048576 /dev/zero >"$dir/www/1m"
    chmod -R a+rX "$dir"
    {
      echo "worker_processes 1;"
      echo "daemon off;"
      echo "pid $dir/nginx.pid;"
      echo "error_log $dir/error.log warn;"
      echo "worker_rlimit_nofile $NOFILE;"
      echo "events { worker_connections $((NOFILE - 100)); }"
      echo "http {"
      echo "  access_log off;"
      echo "  sendfile on; tcp_nopush on; tcp_nodelay on;"
      # Idle connections must outlive the run; keep-alive must not be cut every 1000 requests.
      echo "  keepalive_timeout 3600s; keepalive_requests 100000000; client_header_timeout 3600s;"
      for module in $temps; do echo "  ${module}_temp_path $dir/tmp_$module;"; done
      echo "  server {"
      echo "    listen 127.0.0.1:$port backlog=4096;"
      echo "    root $dir/www;"
      # shellcheck disable=SC2028 # the \n is for nginx to expand
      echo "    location = / { default_type text/plain; return 200 \"backend$i\\n\"; }"
      echo "    location = /1m { default_type application/octet-stream; }"
      echo "  }"
      echo "}"
    } >"$dir/nginx.conf"
    nginx -p "$dir" -c "$dir/nginx.conf" >"$LOG_DIR/nginx$i.log" 2>&1 &
    pid=$!
    BACKEND_PIDS="$BACKEND_PIDS $pid"
    if ! wait_port "$pid" "$port" 10; then
      echo "nginx backend $i did not start on 127.0.0.1:$port:" >&2
      cat "$LOG_DIR/nginx$i.log" "$dir/error.log" >&2 2>/dev/null || true
      exit 1
    fi
  done
  note "nginx backends on 127.0.0.1:$PORT1, :$PORT2, :$PORT3"
}

# ---------------------------------------------------------------- contenders
# N deny rules that match no client: half IPv4 /32s in 198.18.0.0/15, half
# IPv6 /64s in 2001:db8::/32 (both reserved for tests and documentation).
acl_element() {
  [ "$ACL_RULES" -gt 0 ] || return 0
  python3 - "$ACL_RULES" <<'PY'
import sys
n = int(sys.argv[1])
out = ['    <acl default="allow">']
for i in range(n):
    if i % 2 == 0:
        out.append('      <deny from="198.%d.%d.%d"/>' % (18 + (i >> 16) % 2, (i >> 8) & 255, i & 255))
    else:
        out.append('      <deny from="2001:db8:%x:%x::/64"/>' % (i >> 16, i & 0xffff))
out.append('    </acl>')
print("\n".join(out))
PY
}

write_configs() {
  local acl
  acl="$(acl_element)"
  local logging='<logging level="warning"/>'
  if [ "$CONNECTION_LOG" = 1 ]; then
    # Records are info messages of balancier.connlog: the level must let them through.
    logging="<logging level=\"info\" file=\"$WORK/connections.log\" connections=\"yes\" format=\"text\"/>"
  fi
  cat >"$WORK/balancier.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
  <settings workers="$WORKERS" draintimeout="2s"/>
  <!-- HAProxy runs without checks; so does Balancier, for the same traffic to the backends. -->
  <health active="no"/>
  $logging
  <service name="bench">
    <listen ip="127.0.0.1:$FRONT"/>
$acl
    <group name="nginx" scheduler="roundrobin">
      <host name="b1" ip="127.0.0.1:$PORT1"/>
      <host name="b2" ip="127.0.0.1:$PORT2"/>
      <host name="b3" ip="127.0.0.1:$PORT3"/>
    </group>
    <enable group="nginx"/>
  </service>
  <!-- Only for the per-worker counts after each round (public /metrics); the user's hash matches no password. -->
  <admin listen="127.0.0.1:$ADMIN_PORT" metricspublic="yes">
    <user name="bench" password="pbkdf2-sha256\$200000\$UExBQ0VIT0xERVJTQUxUIQ==\$UExBQ0VIT0xERVIgLSByZXBsYWNlIG1lIG5vdyEhISE=" access="readonly"/>
  </admin>
</balancier>
EOF
  cat >"$WORK/haproxy.cfg" <<EOF
global
  nbthread $WORKERS
  maxconn $HAPROXY_MAXCONN
defaults
  mode tcp
  maxconn $HAPROXY_MAXCONN
  timeout connect 5s
  timeout client 1h
  timeout server 1h
listen bench
  bind 127.0.0.1:$FRONT
  balance roundrobin
  server b1 127.0.0.1:$PORT1
  server b2 127.0.0.1:$PORT2
  server b3 127.0.0.1:$PORT3
EOF
  # The same with splice(2) where HAProxy judges it worth it (bulk flows). Each pipe is two
  # descriptors, which HAProxy counts against the open-files limit: fewer connections, 1024 pipes.
  sed -e 's/^  balance roundrobin$/  balance roundrobin\n  option splice-auto/' \
    -e "s/^  maxconn $HAPROXY_MAXCONN\$/  maxconn $(((NOFILE - 400 - 2 * 1024) / 2))/" \
    -e 's/^  nbthread \(.*\)$/  nbthread \1\n  maxpipes 1024/' "$WORK/haproxy.cfg" >"$WORK/haproxy-splice.cfg"
  cp "$WORK/balancier.xml" "$WORK/haproxy.cfg" "$WORK/haproxy-splice.cfg" "$OUT_DIR/"
  # TLS termination (f, g): one throw-away certificate for both, made here.
  if [[ " $SCENARIOS " == *" f "* || " $SCENARIOS " == *" g "* ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1 \
      -days 2 -keyout "$WORK/tls-key.pem" -out "$WORK/tls-cert.pem" >/dev/null 2>&1
    cat "$WORK/tls-cert.pem" "$WORK/tls-key.pem" >"$WORK/tls-haproxy.pem"
    sed -e "s|<listen ip=\"127.0.0.1:$FRONT\"/>|<listen ip=\"127.0.0.1:$FRONT\" tls=\"terminate\" cert=\"$WORK/tls-cert.pem\" key=\"$WORK/tls-key.pem\"/>|" \
      "$WORK/balancier.xml" >"$WORK/balancier-tls.xml"
    sed -e "s|^  bind 127.0.0.1:$FRONT\$|  bind 127.0.0.1:$FRONT ssl crt $WORK/tls-haproxy.pem|" \
      "$WORK/haproxy.cfg" >"$WORK/haproxy-tls.cfg"
    cp "$WORK/balancier-tls.xml" "$WORK/haproxy-tls.cfg" "$OUT_DIR/"
  fi
}

# Set to the reason once a contender fails to start; read through ${!name}.
# shellcheck disable=SC2034
BROKEN_balancier="" BROKEN_haproxy="" BROKEN_haproxy_splice="" BROKEN_direct=""
START_COUNT=0
TLS_SUFFIX="" SCHEME=http  # set per trial: the TLS scenarios (f, g) use the -tls configs

# Starts a fresh contender; sets TARGET_PORTS (where wrk goes) and CONTENDER_PID. Fails with a
# reason in START_ERROR.
start_contender() {
  local who="$1" log reply
  START_COUNT=$((START_COUNT + 1))
  log="$LOG_DIR/$who-$START_COUNT.log"
  START_ERROR=""
  CONTENDER_PID=""
  case "$who" in
    direct)
      TARGET_PORTS="$BACKEND_PORTS"
      return 0
      ;;
    balancier)
      if [ ! -x "$BALANCIERD" ]; then
        START_ERROR="no daemon at $BALANCIERD (build it, or pass --balancierd)"
        return 1
      fi
      "$BALANCIERD" --config "$WORK/balancier$TLS_SUFFIX.xml" >"$log" 2>&1 &
      ;;
    haproxy | haproxy-splice)
      haproxy -db -f "$WORK/$who$TLS_SUFFIX.cfg" >"$log" 2>&1 &
      ;;
  esac
  CONTENDER_PID=$!
  TARGET_PORTS="$FRONT"
  # balancierd says "started:" once its configuration is applied. A connection before that (a
  # port probe) can find the hosts' addresses not filled in yet, and mark every host down, for
  # good with health checks off: so no probe until then.
  if [ "$who" = balancier ]; then
    local waited=100
    while [ "$waited" -gt 0 ] && kill -0 "$CONTENDER_PID" 2>/dev/null && ! grep -q '^started: ' "$log"; do
      sleep 0.1
      waited=$((waited - 1))
    done
  fi
  if ! wait_port "$CONTENDER_PID" "$FRONT" 10; then
    if kill -0 "$CONTENDER_PID" 2>/dev/null; then
      START_ERROR="not listening on 127.0.0.1:$FRONT after 10 s"
    else
      wait "$CONTENDER_PID" 2>/dev/null && START_ERROR="exited (status 0)" || START_ERROR="exited (status $?)"
    fi
    START_ERROR="$START_ERROR; log: $(tr -s '\n' ' ' <"$log" | cut -c1-300 | sed 's/ *$//')"
    stop_pid "$CONTENDER_PID"
    CONTENDER_PID=""
    return 1
  fi
  # It listens; does it forward? A backend answers with its own name. A few tries within 5 s:
  # a loaded machine may still be starting it up.
  local tries=10
  while :; do
    reply="$(curl -sk --max-time 5 "$SCHEME://127.0.0.1:$FRONT/" || true)"
    [[ "$reply" != backend* ]] || break
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || break
    sleep 0.5
  done
  if [[ "$reply" != backend* ]]; then
    START_ERROR="listens but did not forward a request (reply: '${reply:0:80}')"
    stop_pid "$CONTENDER_PID"
    CONTENDER_PID=""
    return 1
  fi
}

stop_contender() {
  stop_pid "$CONTENDER_PID"
  CONTENDER_PID=""
}

cpu_seconds() {  # utime+stime of a process, in seconds; empty for no process
  local pid="$1"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 0
  # Fields after "pid (comm) ": utime and stime are the 12th and 13th.
  sed 's/^.*) //' "/proc/$pid/stat" | awk -v hz="$CLK_TCK" '{ printf "%.2f", ($12 + $13) / hz }'
}

rss_kib() {
  [ -n "$1" ] && [ -r "/proc/$1/status" ] || return 0
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

backend_connections() {  # established connections towards the backends
  ss -Htn state established "( dport = :$PORT1 or dport = :$PORT2 or dport = :$PORT3 )" | wc -l
}

# Opens IDLE idle connections to the given targets; waits until that many
# connections reach the backends (through the balancer when there is one).
open_idle() {
  local log="$LOG_DIR/idle-$START_COUNT.log" tries
  : >"$log"
  python3 "$ROOT/bench/idleconns.py" "$IDLE" "$@" >"$log" 2>&1 &
  IDLE_PID=$!
  tries=1800  # 180 s
  while ! grep -q '^open ' "$log"; do
    kill -0 "$IDLE_PID" 2>/dev/null || { IDLE_NOTE="idle helper died: $(tr '\n' ' ' <"$log")"; return 1; }
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || { IDLE_NOTE="idle helper timed out"; return 1; }
    sleep 0.1
  done
  IDLE_NOTE="$(grep '^open ' "$log")"
  tries=600  # 60 s for the balancer to accept them all and connect onwards
  while [ "$(backend_connections)" -lt "$IDLE" ] && [ "$tries" -gt 0 ]; do
    sleep 0.1
    tries=$((tries - 1))
  done
  IDLE_REACHED="$(backend_connections)"
  sleep 1  # let allocations triggered by the last accepts settle before RSS is read
}

close_idle() {
  stop_pid "$IDLE_PID"
  IDLE_PID=""
}

# Foreign load: CPU time the whole machine spent in user and system mode (/proc/stat) minus what
# the benchmark's own processes spent (the balancer, the nginx masters and workers, the idle helper,
# and wrk, which the shell has reaped by the time the second reading is taken). Interrupt and
# softirq time is left out on both sides: the kernel charges loopback traffic there or to whichever
# process happens to run.
machine_cpu_seconds() {
  awk -v hz="$CLK_TCK" '/^cpu / { printf "%.2f", ($2 + $3 + $4) / hz; exit }' /proc/stat
}

own_cpu_seconds() {
  local pids="$CONTENDER_PID $IDLE_PID $BACKEND_PIDS" pid total=0 child
  for pid in $BACKEND_PIDS; do
    for child in $(pgrep -P "$pid" 2>/dev/null); do pids="$pids $child"; done
  done
  for pid in $pids; do
    total="$(awk -v a="$total" -v b="$(cpu_seconds "$pid")" 'BEGIN { printf "%.2f", a + b }')"
  done
  # cutime+cstime of the script's own shell: the children it has reaped (wrk and its timeout once
  # run_wrk has waited for them), fields 16 and 17 of its stat. $$, not $BASHPID: this runs in a
  # command substitution, a subshell whose own reaped children are only this function's awk and
  # sed; read there, wrk's CPU time went uncounted and every round, `direct` above all (where
  # the load generators do most of the work), showed them as foreign load.
  sed 's/^.*) //' "/proc/$$/stat" | awk -v hz="$CLK_TCK" -v a="$total" '{ printf "%.2f", a + ($14 + $15) / hz }'
}

FOREIGN_T0="" FOREIGN_MACHINE0="" FOREIGN_OWN0=""
foreign_start() {
  FOREIGN_T0="$(date +%s.%N)"
  FOREIGN_MACHINE0="$(machine_cpu_seconds)"
  FOREIGN_OWN0="$(own_cpu_seconds)"
}

foreign_cores() {  # cores used by other work since foreign_start, never below 0
  awk -v t0="$FOREIGN_T0" -v t1="$(date +%s.%N)" -v m0="$FOREIGN_MACHINE0" -v m1="$(machine_cpu_seconds)" \
    -v o0="$FOREIGN_OWN0" -v o1="$(own_cpu_seconds)" 'BEGIN {
      f = ((m1 - m0) - (o1 - o0)) / (t1 - t0)
      printf "%.2f", f < 0 ? 0 : f
    }'
}

worker_counts() {  # label: how the connections of this daemon spread over its workers (SO_REUSEPORT)
  local counts
  counts="$(curl -s --max-time 5 "http://127.0.0.1:$ADMIN_PORT/metrics" \
    | awk '/^balancier_worker_connections_total/ { printf "%s%s", sep, $2; sep = " " }')"
  [ -n "$counts" ] || { note "$1: per-worker counts not available"; return; }
  printf '%s\t%s\n' "$1" "$counts" >>"$OUT_DIR/workers.tsv"
  note "$1: connections per worker $counts ($(awk -v c="$counts" 'BEGIN {
      n = split(c, v, " "); lo = v[1]; hi = v[1]; for (i = 2; i <= n; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
      printf "busiest/least busy %.2f", (lo > 0 ? hi / lo : 0) }'))"
}

record() {  # the COLUMNS of bench/report.py, tab-separated
  local IFS=$'\t'
  echo "$*" >>"$RAW"
}

# Runs wrk for a scenario against one port, or against several at once with
# the connections split between them (direct: the backends side by side).
# Sets WRK_LINE to the WRKRESULT fields, summed over the runs; for p50/p99 the
# highest of the runs (an upper bound on the combined percentile).
run_wrk() {  # scenario port...
  local scenario="$1" total=$CONNECTIONS path=/ n i=0 port conns log pid
  local extra=() pids=() logs=()
  shift
  n=$#
  local scheme=http
  case "$scenario" in
    b) extra=(-H "Connection: close") ;;
    c) total=$BULK_CONNECTIONS path=/1m ;;
    f) scheme=https ;;
    g) scheme=https extra=(-H "Connection: close") ;;
  esac
  for port in "$@"; do
    conns=$((total / n + (i < total % n ? 1 : 0)))
    i=$((i + 1))
    [ "$conns" -gt 0 ] || continue
    log="$LOG_DIR/wrk-$START_COUNT-$i.log"
    timeout $((DURATION + 30)) wrk -t "$WRK_THREADS" -c "$conns" -d "${DURATION}s" --latency \
      -s "$ROOT/bench/report.lua" "${extra[@]}" "$scheme://127.0.0.1:$port$path" >"$log" 2>&1 &
    pids+=("$!")
    logs+=("$log")
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  WRK_LINE="$(awk -v runs="${#logs[@]}" '
    /^WRKRESULT / {
      found++
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] ~ /^(duration_us|p50_us|p99_us)$/) { if (kv[2] + 0 > v[kv[1]] + 0) v[kv[1]] = kv[2] }
        else v[kv[1]] += kv[2]
        if (!(kv[1] in seen)) { seen[kv[1]] = 1; order[++n] = kv[1] }
      }
    }
    END {
      if (found != runs || runs == 0) exit 1
      line = "WRKRESULT"
      for (i = 1; i <= n; i++) line = line " " order[i] "=" v[order[i]]
      print line
    }' "${logs[@]}")" || return 1
  [ -n "$WRK_LINE" ]
}

field() {  # name, from WRK_LINE
  local word
  for word in $WRK_LINE; do
    [ "${word%%=*}" = "$1" ] && { echo "${word#*=}"; return; }
  done
}

trial() {  # scenario contender round
  local scenario="$1" who="$2" round="$3" broken_var="BROKEN_${2//-/_}" cpu0 cpu1 cpu rss0 rss1 errors
  local label="[$scenario round $round/$ROUNDS] $who"
  if [ -n "${!broken_var}" ]; then
    record "$scenario" "$who" "$round" skipped "" "" "" "" "" "" "" "" "" "${!broken_var}"
    return
  fi
  if [ "$scenario" = d ] && [ "$who" = direct ]; then
    return  # no balancer, no memory to measure
  fi
  # TLS scenarios: the TLS configs; no direct round (the backends speak plain HTTP).
  TLS_SUFFIX="" SCHEME=http
  if [ "$scenario" = f ] || [ "$scenario" = g ]; then
    TLS_SUFFIX="-tls" SCHEME=https
    if [ "$who" = direct ]; then
      return
    fi
  fi
  if [ "$who" = haproxy-splice ] && [ "$scenario" != c ]; then
    return  # splice-auto only changes bulk flows; the other scenarios are HAProxy's as it is
  fi
  if ! start_contender "$who"; then
    printf -v "$broken_var" '%s' "failed to start: $START_ERROR"
    note "$label: FAILED TO START: $START_ERROR (skipping $who from now on)"
    record "$scenario" "$who" "$round" failed "" "" "" "" "" "" "" "" "" "failed to start: $START_ERROR"
    return
  fi

  local idle_note="" idle_reached=""
  rss0="$(rss_kib "$CONTENDER_PID")"
  if [ "$scenario" = d ] || [ "$scenario" = e ]; then
    local targets=() port
    for port in $TARGET_PORTS; do targets+=("127.0.0.1:$port"); done
    if ! open_idle "${targets[@]}"; then
      note "$label: $IDLE_NOTE"
      record "$scenario" "$who" "$round" failed "" "" "" "" "" "" "" "" "" "$IDLE_NOTE"
      close_idle
      stop_contender
      return
    fi
    idle_reached="$IDLE_REACHED"
    idle_note="$IDLE_NOTE, $idle_reached reached the backends"
    [ "$idle_reached" -ge "$IDLE" ] || idle_note="only $idle_reached of $IDLE idle connections reached the backends"
  fi

  if [ "$scenario" = d ]; then
    rss1="$(rss_kib "$CONTENDER_PID")"
    note "$label: RSS ${rss0} KiB -> ${rss1} KiB with $idle_reached idle connections ($(awk -v a="$rss0" -v b="$rss1" -v n="$idle_reached" 'BEGIN { printf "%.2f", (b - a) / (n ? n : 1) }') KiB each)"
    local dnote=""
    [ "$idle_reached" -ge "$IDLE" ] || dnote="$idle_note"
    record d "$who" "$round" ok "" "" "" "" "" "" "$rss0" "$rss1" "$idle_reached" "$dnote"
    close_idle
    stop_contender
    return
  fi

  cpu0="$(cpu_seconds "$CONTENDER_PID")"
  foreign_start
  # shellcheck disable=SC2086 # a list of ports
  if ! run_wrk "$scenario" $TARGET_PORTS; then
    note "$label: wrk produced no result (logs: $LOG_DIR/wrk-$START_COUNT-*.log)"
    record "$scenario" "$who" "$round" failed "" "" "" "" "" "" "" "" "" "wrk produced no result"
    close_idle
    stop_contender
    return
  fi
  cpu1="$(cpu_seconds "$CONTENDER_PID")"
  [ "$who" != balancier ] || worker_counts "$label"
  local foreign
  foreign="$(foreign_cores)"
  cpu=""
  [ -z "$cpu0" ] || cpu="$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.2f", b - a }')"
  errors=$(($(field err_connect) + $(field err_read) + $(field err_write) + $(field err_status) + $(field err_timeout)))
  local still=""
  if [ "$scenario" = e ]; then
    still="$(backend_connections)"
    [ "$still" -ge "$IDLE" ] || idle_note="$idle_note; only $still connections to the backends left at the end"
  fi
  local requests duration_us
  requests="$(field requests)"
  duration_us="$(field duration_us)"
  note "$label: $(awk -v r="$requests" -v d="$duration_us" -v b="$(field bytes)" -v p="$(field p99_us)" -v c="$cpu" -v s="$scenario" 'BEGIN {
      t = d / 1e6
      if (s == "c") printf "%.1f MB/s", b / t / 1e6; else printf "%.0f req/s", r / t
      printf ", p99 %.2f ms", p / 1000
      if (c != "" && r > 0) printf ", CPU %.1f us/req", c * 1e6 / r
    }')$([ "$errors" -eq 0 ] || echo ", $errors errors"), foreign load $foreign cores"
  local enote=""
  [ "$scenario" != e ] || [ "$idle_reached" -ge "$IDLE" ] || enote="$idle_note"
  if awk -v f="$foreign" -v w="$FOREIGN_WARN" 'BEGIN { exit !(f > w) }'; then
    note "WARNING: other work used $foreign cores during this round (above $FOREIGN_WARN): its figures are not trustworthy"
    enote="${enote:+$enote; }foreign load $foreign cores"
  fi
  record "$scenario" "$who" "$round" ok "$requests" "$duration_us" "$(field bytes)" "$(field p99_us)" \
    "$errors" "$cpu" "$rss0" "$(rss_kib "$CONTENDER_PID")" "$idle_reached" "$enote" "$foreign"
  close_idle
  stop_contender
}

# ---------------------------------------------------------------- system calls
# A separate, short pass per balancer and scenario (a) and (b), under strace attached to every
# thread: the counts do not depend on the load on the machine, and the timed rounds are not slowed.
traced() {  # pid: true once strace is attached to every thread of pid
  local task
  for task in /proc/"$1"/task/*; do
    [ "$(awk '/^TracerPid:/ { print $2 }' "$task/status" 2>/dev/null)" != 0 ] || return 1
  done
}

syscall_pass() {  # scenario contender: one row of the system-call table into SYSCALL_ROWS
  local scenario="$1" who="$2" trace strace_pid tries extra=() log requests
  if ! start_contender "$who"; then
    SYSCALL_ROWS="$SYSCALL_ROWS| $scenario | $who | – | failed to start: $START_ERROR | – |"$'\n'
    return
  fi
  trace="$WORK/strace-$who-$scenario.log"
  strace -f -qq -o "$trace" -p "$CONTENDER_PID" 2>"$LOG_DIR/strace-$who-$scenario.log" &
  strace_pid=$!
  tries=100  # 10 s
  until traced "$CONTENDER_PID"; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ] || ! kill -0 "$strace_pid" 2>/dev/null; then
      SYSCALL_ROWS="$SYSCALL_ROWS| $scenario | $who | – | strace could not attach: $(tr '\n' ' ' <"$LOG_DIR/strace-$who-$scenario.log" | cut -c1-200) | – |"$'\n'
      stop_pid "$strace_pid"
      stop_contender
      return
    fi
    sleep 0.1
  done
  [ "$scenario" != b ] || extra=(-H "Connection: close")
  log="$LOG_DIR/wrk-strace-$who-$scenario.log"
  timeout $((SYSCALL_SECONDS + 30)) wrk -t 1 -c "$SYSCALL_CONNECTIONS" -d "${SYSCALL_SECONDS}s" \
    -s "$ROOT/bench/report.lua" "${extra[@]}" "http://127.0.0.1:$FRONT/" >"$log" 2>&1 || true
  # SIGINT: strace detaches and writes what it has; the balancer goes on untouched.
  kill -INT "$strace_pid" 2>/dev/null || true
  wait "$strace_pid" 2>/dev/null || true
  requests="$(awk '/^WRKRESULT / { for (i = 2; i <= NF; i++) if ($i ~ /^requests=/) { sub(/^requests=/, "", $i); print $i } }' "$log")"
  SYSCALL_ROWS="$SYSCALL_ROWS$(python3 "$ROOT/bench/syscalls.py" "$who" "$scenario" "${requests:-0}" "$trace")"$'\n'
  note "[$scenario strace] $who: ${requests:-0} requests traced"
  rm -f "$trace"  # hundreds of MB on a long pass; the row above is what it was for
  stop_contender
}

# ---------------------------------------------------------------- main
step "Setting up in $WORK (results in $OUT_DIR)"
note "rounds $ROUNDS, ${DURATION} s per run, $WORKERS balancer threads, wrk -t$WRK_THREADS -c$CONNECTIONS (bulk -c$BULK_CONNECTIONS), $IDLE idle connections, open-files limit $NOFILE"
start_backends
write_configs
printf '%s\t' scenario contender round status requests duration_us bytes p99_us errors cpu_s \
  rss_before_kib rss_after_kib idle >"$RAW"
printf 'note\tforeign_cores\n' >>"$RAW"
: >"$OUT_DIR/workers.tsv"

for scenario in $SCENARIOS; do
  step "Scenario $scenario"
  for round in $(seq "$ROUNDS"); do
    for who in $CONTENDERS; do
      trial "$scenario" "$who" "$round"
    done
  done
done

SYSCALL_ROWS=""
TLS_SUFFIX="" SCHEME=http  # the strace pass is plain TCP (a, b)
if [ "$SYSCALL_SECONDS" -gt 0 ]; then
  step "System calls per request (strace, ${SYSCALL_SECONDS} s, wrk -c$SYSCALL_CONNECTIONS)"
  for scenario in a b; do
    [[ " $SCENARIOS " == *" $scenario "* ]] || continue
    for who in $CONTENDERS; do
      [[ "$who" =~ ^(balancier|haproxy)$ ]] || continue
      syscall_pass "$scenario" "$who"
    done
  done
fi

step "Results"
{
  echo "# Balancier benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), Linux $(uname -r)"
  echo "- Versions: $("$BALANCIERD" --version 2>/dev/null | head -n 1 || echo 'balancierd: not built'); $(haproxy -v 2>/dev/null | head -n 1 | cut -d' ' -f1-3); $(nginx -v 2>&1 | sed 's/^nginx version: //'); wrk $(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')"
  echo "- Settings: $ROUNDS rounds, ${DURATION} s per run, $WORKERS balancer threads, wrk -t$WRK_THREADS -c$CONNECTIONS (bulk -c$BULK_CONNECTIONS), $IDLE idle connections; all on 127.0.0.1; Balancier <acl> rules: $ACL_RULES"
  echo "- Direct: no balancer; one wrk per nginx backend, the connections split between the three"
  echo
  python3 "$ROOT/bench/report.py" "$RAW"
  if [ -n "$SYSCALL_ROWS" ]; then
    echo
    echo "System calls per request, counted in a separate ${SYSCALL_SECONDS} s pass under \`strace -f\` attached to every thread"
    echo "(\`wrk -t1 -c$SYSCALL_CONNECTIONS\`; only calls of at least 0.05 per request are named). The last column is how many"
    echo "connections each thread accepted in that pass, busiest first."
    echo
    echo "| Scenario | Contender | System calls per request | Main calls per request | Connections accepted per thread |"
    echo "|---|---|---:|---|---|"
    printf '%s' "$SYSCALL_ROWS"
  fi
} >"$OUT_DIR/results.md"
cat "$OUT_DIR/results.md"
echo
echo "Written: $OUT_DIR/results.md, raw trials in $RAW, logs in $LOG_DIR"
