#!/usr/bin/env bash
# The fuzz stage (docs/fuzzing.md): builds the libFuzzer targets of
# tests/fuzz/ with Clang, ASan and UBSan (-DBALANCIER_FUZZ=ON, a build
# directory of its own), then runs each for a bounded time. Fails when a
# target crashes, leaks, exceeds the per-input timeout or runs out of
# memory; prints the executions of every target. On Debian it installs what
# is missing (the build dependencies of tools/deps.sh, clang, libclang-rt-dev).
#
#   bash tools/fuzz.sh                        every target, FUZZ_SECONDS each
#   FUZZ_SECONDS=600 bash tools/fuzz.sh sse   one target, ten minutes
#
# Arguments: target names (as in tests/fuzz/fuzz_<name>.cpp); none: all.
# Settings (environment):
#   FUZZ_SECONDS     seconds of fuzzing per target (default 30)
#   FUZZ_PARALLEL    targets fuzzed at once (default: JOBS)
#   FUZZ_TIMEOUT     seconds one input may take before it counts as a hang (default 10)
#   FUZZ_ARGS        more libFuzzer options, space-separated (e.g. -max_len=16384)
#   FUZZ_BUILD_DIR   build directory (default: <repo>/build-fuzz, or $CI_BUILD_PREFIX-fuzz)
#   JOBS             parallel compile jobs (default: number of CPUs)
#   CMAKE_ARGS       extra configure arguments
# New corpus entries go to <build>/fuzz-work/<target>/corpus, findings to
# <build>/fuzz-work/<target>/artifacts; nothing in the source tree changes.
set -euo pipefail

# shellcheck source=tools/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
FUZZ_PARALLEL="${FUZZ_PARALLEL:-$JOBS}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
if [ -n "${FUZZ_BUILD_DIR:-}" ]; then
  BUILD_DIR="$FUZZ_BUILD_DIR"
elif [ -n "${CI_BUILD_PREFIX:-}" ]; then
  BUILD_DIR="$CI_BUILD_PREFIX-fuzz"
else
  BUILD_DIR="$BALANCIER_ROOT/build-fuzz"
fi
for setting in FUZZ_SECONDS FUZZ_PARALLEL FUZZ_TIMEOUT; do
  case "${!setting}" in
    '' | *[!0-9]* | 0) die "$setting must be a positive whole number, not '${!setting}'" ;;
  esac
done

# libFuzzer comes with clang's runtime libraries (libclang-rt-dev on Debian 12).
BALANCIER_APT_PACKAGES="$BALANCIER_APT_PACKAGES clang libclang-rt-dev"
ensure_deps
command -v clang++ >/dev/null 2>&1 || die "clang++ is not installed (Debian: apt-get install clang libclang-rt-dev)"

# The fuzz build: Clang, instrumented, no GUI and no QtTest suites (the
# fuzz targets need neither; tests/fuzz/CMakeLists.txt). Debug keeps the
# assertions (cmake/BalancierFuzz.cmake sets -O1).
# shellcheck disable=SC2034 # read by configure_and_build (tools/deps.sh)
BUILD_TYPE=Debug
CMAKE_ARGS="-DCMAKE_CXX_COMPILER=clang++ -DBALANCIER_FUZZ=ON -DBALANCIER_BUILD_TESTS=OFF
  -DBALANCIER_BUILD_GUI=OFF ${CMAKE_ARGS:-}"
build_start=$SECONDS
configure_and_build fuzz_targets
echo "fuzz build: $((SECONDS - build_start)) s"

list="$BUILD_DIR/tests/fuzz/fuzz-targets.txt"
[ -f "$list" ] || die "$list is missing: the configure step did not reach tests/fuzz"
mapfile -t all_targets < <(grep -v '^$' "$list")
if [ $# -gt 0 ]; then
  targets=("$@")
  for target in "${targets[@]}"; do
    grep -qx -- "$target" "$list" || die "no fuzz target '$target'; there are: ${all_targets[*]}"
  done
else
  targets=("${all_targets[@]}")
fi

FUZZ_DIR="$BALANCIER_ROOT/tests/fuzz"
WORK="$BUILD_DIR/fuzz-work"
# Leaks are findings; UBSan stops at the first report (it is built not to recover).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

# Runs one target; its output goes to $WORK/<target>/fuzz.log.
fuzz_one() {
  local target="$1" dir="$WORK/$1" args=()
  mkdir -p "$dir/corpus" "$dir/artifacts"
  rm -f "$dir/artifacts/"*
  [ -f "$FUZZ_DIR/dict/$target.dict" ] && args+=("-dict=$FUZZ_DIR/dict/$target.dict")
  # New inputs go to the first folder (in the build); the checked-in corpus
  # and the regressions are read only. The longest input libFuzzer makes is
  # its default: 4096 bytes, or the largest seed's size (FUZZ_ARGS adds more
  # options, e.g. FUZZ_ARGS=-max_len=16384).
  # shellcheck disable=SC2206 # FUZZ_ARGS is a space-separated list
  args+=(-max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048
    -print_final_stats=1 -artifact_prefix="$dir/artifacts/" ${FUZZ_ARGS:-} "$dir/corpus" "$FUZZ_DIR/corpus/$target")
  [ -d "$FUZZ_DIR/regressions/$target" ] && args+=("$FUZZ_DIR/regressions/$target")
  "$BUILD_DIR/tests/fuzz/fuzz_$target" "${args[@]}" >"$dir/fuzz.log" 2>&1
}

step "Fuzzing ${#targets[@]} targets, $FUZZ_SECONDS s each, $FUZZ_PARALLEL at a time (logs in $WORK)"
declare -A pids=()
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$FUZZ_PARALLEL" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  pids[$target]=$!
  running=$((running + 1))
done

failed=0
total=0
printf '\n%-24s %12s %10s %8s  %s\n' target executions "exec/s" "new" result
for target in "${targets[@]}"; do
  rc=0
  wait "${pids[$target]}" || rc=$?
  log="$WORK/$target/fuzz.log"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  new="$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)"
  # A crash stops the run before the final stats; the last status line has the count.
  [ -n "$execs" ] || execs="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
  if [ "$rc" -eq 0 ]; then
    result=ok
  else
    result="FAIL (exit $rc)"
    failed=$((failed + 1))
  fi
  printf '%-24s %12s %10s %8s  %s\n' "$target" "${execs:-?}" "${speed:-?}" "${new:-?}" "$result"
  total=$((total + ${execs:-0}))
done

if [ "$failed" -ne 0 ]; then
  for target in "${targets[@]}"; do
    dir="$WORK/$target"
    compgen -G "$dir/artifacts/*" >/dev/null || { grep -q 'ERROR\|ALARM\|Sanitizer' "$dir/fuzz.log" || continue; }
    printf '\n==> %s: what it found (end of %s)\n' "$target" "$dir/fuzz.log"
    grep -v '^#[0-9]' "$dir/fuzz.log" | tail -n 60
    for artifact in "$dir/artifacts/"*; do
      [ -f "$artifact" ] || continue
      echo "input: $artifact"
      echo "  replay: $BUILD_DIR/tests/fuzz/fuzz_$target $artifact"
      echo "  once fixed, keep it: cp $artifact tests/fuzz/regressions/$target/"
    done
  done
  echo
  echo "FAIL: $failed fuzz target(s) found a crash, a leak or a timeout (above)"
  exit 1
fi
echo "${#targets[@]} fuzz targets ran, $total executions in all, $FUZZ_SECONDS s each: no crash, leak or hang"
