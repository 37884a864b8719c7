#!/usr/bin/env bash
# The README's RUN command. Installs what is missing, builds the daemon and runs it:
#   bash tools/run.sh                  -> balancierd --demo (three built-in backends
#                                         on loopback with the balancer in front)
#   bash tools/run.sh --config my.xml  -> balancierd --config my.xml
# Settings (BUILD_DIR, BUILD_TYPE, CMAKE_ARGS, JOBS): see tools/deps.sh.
set -euo pipefail

# shellcheck source=tools/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

ensure_deps
configure_and_build balancierd

daemon="$BUILD_DIR/headless/balancierd"
[ -x "$daemon" ] || [ -x "$daemon.exe" ] || die "the build finished but $daemon is missing"

if [ $# -eq 0 ]; then
  # The shipped example must always validate; checking it first catches a
  # broken example or reader before the demo starts.
  example="$BALANCIER_ROOT/resources/balancier.example.xml"
  if [ -f "$example" ]; then
    step "Checking the example configuration: balancierd --check resources/balancier.example.xml"
    "$daemon" --check "$example" || die "balancierd --check rejected $example (see above)"
  fi
  set -- --demo
fi

step "Running: balancierd $*   (Ctrl-C stops it)"
exec "$daemon" "$@"
