#!/usr/bin/env bash
# Takes the desktop app's screenshots for the docs, under a virtual X server:
#   docs/screenshots/dashboard.png   the dashboard against `balancierd --demo`
#                                    with live traffic, one host draining and one
#                                    in maintenance
#   docs/screenshots/editor.png      the config editor with a draft that differs
#                                    from the running config (pending changes)
#   docs/screenshots/editor-dark.png the editor with a dark palette
#   docs/screenshots/dashboard-de.png the dashboard in German, dark palette
#   docs/screenshots/dashboard-dark.png the dashboard with a dark palette and a
#                                    service's traffic graph
#   docs/screenshots/log.png         the log page (host changes, config changes)
#   docs/screenshots/connections.png the Connections page with six clients that
#                                    stay connected
#   docs/screenshots/fleet.png       the fleet overview window: the demo, and a
#                                    second balancer run in the app
#
# Needs Xvfb and ImageMagick's `import` (installed with apt-get when missing
# and this runs as root), curl, and a build with the GUI (BUILD_DIR, default
# <repo>/build; built here if needed). Nothing is left running afterwards.
# Settings: BUILD_DIR, OUT_DIR (default docs/screenshots), DISPLAY_NUMBER (default 99).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
OUT_DIR="${OUT_DIR:-$ROOT/docs/screenshots}"
DISPLAY_NUMBER="${DISPLAY_NUMBER:-99}"
WIDTH=1280
HEIGHT=800

die() { printf 'screenshots: %s\n' "$*" >&2; exit 1; }
step() { printf '==> %s\n' "$*"; }

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v import >/dev/null 2>&1 || missing+=(imagemagick)
command -v xwininfo >/dev/null 2>&1 || missing+=(x11-utils)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "Installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" x11-apps >/dev/null
  else
    die "missing ${missing[*]}; install them (Debian: apt-get install xvfb x11-apps x11-utils imagemagick curl)"
  fi
fi

if [ ! -x "$BUILD_DIR/gui/balancier" ] || [ ! -x "$BUILD_DIR/headless/balancierd" ]; then
  step "Building balancier and balancierd in $BUILD_DIR"
  [ -f "$BUILD_DIR/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DBALANCIER_BUILD_GUI=ON >/dev/null
  cmake --build "$BUILD_DIR" --target balancier balancierd
fi
APP="$BUILD_DIR/gui/balancier"
DAEMON="$BUILD_DIR/headless/balancierd"

WORK="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

export DISPLAY=":$DISPLAY_NUMBER"
# The app's preferences go to a scratch place, not the user's.
export XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" "$OUT_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

step "Starting Xvfb on $DISPLAY"
Xvfb "$DISPLAY" -screen 0 "${WIDTH}x${HEIGHT}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 150); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -root >/dev/null 2>&1 || die "Xvfb did not start: $(cat "$WORK/xvfb.log")"

step "Starting balancierd --demo"
"$DAEMON" --demo --demo-port 0 --demo-backend-port 0 --demo-admin-port 0 >"$WORK/daemon.log" 2>&1 &
pids+=($!)
admin_line=""
for _ in $(seq 100); do
  admin_line="$(grep -m1 'demo: admin API on' "$WORK/daemon.log" || true)"
  [ -n "$admin_line" ] && break
  sleep 0.1
done
[ -n "$admin_line" ] || die "the demo printed no admin API line: $(cat "$WORK/daemon.log")"
ADMIN_URL="$(sed -E 's/.*admin API on ([^ ]+) .*/\1/' <<<"$admin_line")"
PASSWORD="$(sed -E 's/.*one-time password ([^;]+);.*/\1/' <<<"$admin_line")"
FRONT_PORT="$(grep -m1 'the balancer (roundrobin) on' "$WORK/daemon.log" | sed -E 's/.*127\.0\.0\.1:([0-9]+).*/\1/')"
[ -n "$ADMIN_URL" ] && [ -n "$PASSWORD" ] && [ -n "$FRONT_PORT" ] || die "cannot read the demo's ports: $(cat "$WORK/daemon.log")"
# Private to us, without making the screenshots private too.
(umask 077 && printf '%s\n' "$PASSWORD" >"$WORK/password")
echo "    balancer on 127.0.0.1:$FRONT_PORT, admin API on $ADMIN_URL"

step "Making some traffic"
for _ in $(seq 30); do curl -s -o /dev/null "http://127.0.0.1:$FRONT_PORT/" || true; done
# Connections that stay open, so that the dashboard shows active ones.
for i in $(seq 5); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$FRONT_PORT"
  eval "held_$i=$fd"
done
api() { curl -s -u "admin:$PASSWORD" -X POST "$ADMIN_URL/api/v1/services/demo/groups/backends/hosts/$1/$2" >/dev/null; }
api backend2 drain
api backend3 maintenance
# A connection limit on backend1, so that its bar against maxconns shows.
curl -s -u "admin:$PASSWORD" -X PUT -H 'Content-Type: application/json' -d '{"maxconns":4}' \
  "$ADMIN_URL/api/v1/services/demo/groups/backends/hosts/backend1" >/dev/null
# Keep a trickle going while the screenshots are taken.
( while true; do curl -s -o /dev/null "http://127.0.0.1:$FRONT_PORT/" || true; sleep 0.3; done ) &
pids+=($!)

shoot() {  # NAME, then the app's arguments; WAIT (seconds) and WINDOW (a title) from the environment
  local name="$1"; shift
  local wait="${WAIT:-4}" window="${WINDOW:-}"
  "$APP" -geometry "${WIDTH}x${HEIGHT}+0+0" "$@" >"$WORK/app-$name.log" 2>&1 &
  local app=$!
  pids+=("$app")
  local up=""
  for _ in $(seq 100); do
    if xwininfo -root -tree 2>/dev/null | grep -q 'Balancier'; then up=1; break; fi
    sleep 0.1
  done
  [ -n "$up" ] || die "the app did not show a window: $(cat "$WORK/app-$name.log")"
  sleep "$wait"  # a few snapshots, so that rates, counters and graphs have moved
  if [ -n "$window" ]; then
    # One top-level window only (e.g. the fleet overview), not the whole screen.
    local id
    id="$(xwininfo -root -tree | grep -F "\"$window" | head -n1 | awk '{print $1}')"
    [ -n "$id" ] || die "no window titled $window: $(cat "$WORK/app-$name.log")"
    import -window "$id" "$OUT_DIR/$name.png"
  else
    import -window root "$OUT_DIR/$name.png"
  fi
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "    $OUT_DIR/$name.png"
}

step "Dashboard"
shoot dashboard --language en --connect "$ADMIN_URL" --user admin --password-file "$WORK/password" \
  --page dashboard --select-host demo/backends/backend2

step "Editor"
# A draft that differs from what runs: a comment, a weight and a new host.
curl -s -u "admin:$PASSWORD" "$ADMIN_URL/running.xml" >"$WORK/running.xml"
sed -e 's|<service name="demo">|<!-- the demo service: three local HTTP backends -->\n  <service name="demo">|' \
    -e 's|\(<host name="backend1"[^/]*\)/>|\1 weight="3"/>|' \
    -e 's|\(</group>\)|  <host name="backend4" ip="127.0.0.1:9004"/>\n    \1|' \
    "$WORK/running.xml" >"$WORK/demo-draft.xml"
shoot editor --language en --connect "$ADMIN_URL" --user admin --password-file "$WORK/password" \
  --page editor --select-item demo/backends/backend1 "$WORK/demo-draft.xml"

step "Editor with a dark palette"
shoot editor-dark --language en --palette dark --connect "$ADMIN_URL" --user admin \
  --password-file "$WORK/password" --page editor --select-item demo/backends/backend1 "$WORK/demo-draft.xml"

step "Dashboard in German, dark"
shoot dashboard-de --language de --palette dark --connect "$ADMIN_URL" --user admin \
  --password-file "$WORK/password" --page dashboard --select-host demo/backends/backend2

step "Dashboard with a dark palette and a traffic graph"
WAIT=12 shoot dashboard-dark --language en --palette dark --connect "$ADMIN_URL" --user admin \
  --password-file "$WORK/password" --page dashboard --select-host demo/backends/backend1

step "Log"
# Something to log while the app watches: a host changes state twice.
( sleep 2; api backend3 ready; sleep 1; api backend3 maintenance ) &
pids+=($!)
WAIT=5 shoot log --language en --connect "$ADMIN_URL" --user admin --password-file "$WORK/password" \
  --page log

# Six clients that send half a request and stay: the Connections page lists them.
for i in 1 2 3 4 5 6; do
  ( exec 3<>"/dev/tcp/127.0.0.1/$FRONT_PORT"; printf 'GET / HTTP/1.1\r\nHost: demo\r\n' >&3; exec sleep 600 ) &
  pids+=($!)
done
WAIT=6 shoot connections --language en --connect "$ADMIN_URL" --user admin --password-file "$WORK/password" \
  --page connections

step "Fleet overview"
# A second balancer, run inside the app, in front of the demo plus a host
# that is not there, so that the overview has two rows and one problem.
cat >"$WORK/edge.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<balancier version="1">
  <health interval="1s" timeout="500ms" fall="1" rise="1"/>
  <service name="edge">
    <listen ip="127.0.0.1:0"/>
    <group name="main">
      <host name="demo" ip="127.0.0.1:$FRONT_PORT"/>
      <host name="spare" ip="127.0.0.1:$(( FRONT_PORT == 65535 ? 1 : FRONT_PORT + 1 ))"/>
    </group>
    <enable group="main"/>
  </service>
</balancier>
EOF
WAIT=6 WINDOW="Fleet Overview" shoot fleet --language en --connect "$ADMIN_URL" --user admin \
  --password-file "$WORK/password" --run "$WORK/edge.xml" --page dashboard --fleet

step "Done"
