#!/usr/bin/env bash
# Checks the engine as a library for other programs (docs/embedding.md):
# builds the engine, installs it as a CMake package (component devel) into a
# scratch prefix, builds examples/embed against that package, and runs it.
#
#   bash tools/embed-check.sh
#
# Settings (environment): EMBED_BUILD_DIR, the Balancier build to install
# (default: BUILD_DIR, else <repo>/build; configured here when it is not yet,
# and only the engine is built); JOBS; EMBED_TIMEOUT (default 60, seconds the
# example may run). Needs no root and installs nothing outside a temporary
# directory, which it removes.
# Exits 0 when every check passed; otherwise prints "FAIL: <what>" and exits 1.
set -uo pipefail
exec </dev/null

# tools/deps.sh: BALANCIER_ROOT, step, configure_and_build.
# shellcheck source=tools/deps.sh
. "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

BUILD_DIR="${EMBED_BUILD_DIR:-$BUILD_DIR}"
case "$BUILD_DIR" in
  /*) ;;
  *) BUILD_DIR="$PWD/$BUILD_DIR" ;;
esac
EMBED_TIMEOUT="${EMBED_TIMEOUT:-60}"
VERSION="$(sed -n 's/^project(Balancier VERSION \([0-9.]*\).*/\1/p' "$BALANCIER_ROOT/CMakeLists.txt")"

fail() {
  printf '\nFAIL: %s\n' "$*" >&2
  exit 1
}

ok() {
  printf 'ok: %s\n' "$*"
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/balancier-embed.XXXXXX")" || fail "cannot make a scratch directory"
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"

# The build's own configure settings stay as they are (a sanitized build's
# library would need the sanitizer in the example too: use a plain build).
if [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
  if grep -q '^BALANCIER_SANITIZE:BOOL=ON' "$BUILD_DIR/CMakeCache.txt"; then
    fail "$BUILD_DIR is a sanitizer build; give EMBED_BUILD_DIR a plain one"
  fi
  step "Building the engine in $BUILD_DIR"
  cmake --build "$BUILD_DIR" --parallel "$JOBS" --target balancier_model balancier_runtime balancier_admin \
    || fail "building the engine failed"
else
  # A build of its own needs neither the desktop app nor the tests.
  CMAKE_ARGS="${CMAKE_ARGS:-} -DBALANCIER_BUILD_GUI=OFF -DBALANCIER_BUILD_TESTS=OFF"
  configure_and_build engine
fi

step "Installing the devel component into $PREFIX"
cmake --install "$BUILD_DIR" --prefix "$PREFIX" --component devel || fail "cmake --install --component devel failed"
for path in include/balancier/engine.h include/balancier/config/config.h include/balancier/stats/statssnapshot.h \
  lib/cmake/Balancier/BalancierConfig.cmake lib/cmake/Balancier/BalancierConfigVersion.cmake \
  lib/cmake/Balancier/BalancierTargets.cmake; do
  [ -f "$PREFIX/$path" ] || fail "the package lacks $path"
done
ok "headers under include/balancier/ and the CMake package under lib/cmake/Balancier/"
# Nothing but the package: no programs, no docs, no service files.
others="$(cd "$PREFIX" && find . -type f ! -path './include/balancier/*' ! -path './lib/cmake/Balancier/*' \
  ! -name 'lib*.a' ! -name 'lib*.so*' ! -name '*.lib' ! -name '*.dylib')"
[ -z "$others" ] || fail "the devel component installs more than the library package: $others"
ok "the devel component holds the library, its headers and its CMake files only"

step "Building examples/embed against the installed package"
# The example's own flags: warnings as errors there too, so that the public
# headers stay clean for a consumer, but none of Balancier's settings.
embed_flags="-Wall -Wextra -Werror"
cmake -S "$BALANCIER_ROOT/examples/embed" -B "$WORK/embed" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_CXX_FLAGS="$embed_flags" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  || fail "configuring examples/embed against the package failed"
grep -q "^Balancier_DIR:PATH=$PREFIX/" "$WORK/embed/CMakeCache.txt" \
  || fail "find_package(Balancier) did not take the package in $PREFIX"
cmake --build "$WORK/embed" --parallel "$JOBS" || fail "building examples/embed failed"
# Balancier's compile settings (balancier_common) are its own; they must not
# reach a consumer. -Wshadow and QT_NO_CAST_FROM_ASCII are two of them.
if grep -E -- '-Wshadow|QT_NO_CAST_FROM_ASCII|-Wold-style-cast' "$WORK/embed/compile_commands.json"; then
  fail "Balancier's own compile settings leak into the consumer (above)"
fi
ok "examples/embed built with the package's settings only"

step "The package's version check"
# A newer version than the package is refused in every compatibility mode;
# what the mode decides is whether an older request is served. While 0.x, a
# minor release may change the API (SameMinorVersion): 0.1.x must refuse a
# request for 0.0. From 1.0 on (SameMajorVersion), 2.x must refuse 1.0.
major="${VERSION%%.*}"
minor="$(echo "$VERSION" | cut -d. -f2)"
if [ "$major" = 0 ]; then
  older="0.$((minor - 1))"
  [ "$minor" -gt 0 ] || older=""
else
  older="$((major - 1)).0"
  [ "$major" -gt 1 ] || older="0.$minor"
fi
mkdir -p "$WORK/version-probe"
cat >"$WORK/version-probe/CMakeLists.txt" <<PROBE
cmake_minimum_required(VERSION 3.21)
project(probe LANGUAGES CXX)
if(NOT "$older" STREQUAL "")
  find_package(Balancier $older QUIET)
  if(Balancier_FOUND)
    message(FATAL_ERROR "find_package(Balancier $older) accepted $VERSION, an incompatible version")
  endif()
endif()
find_package(Balancier $major.$minor REQUIRED)
find_package(Balancier $VERSION EXACT REQUIRED)
PROBE
cmake -S "$WORK/version-probe" -B "$WORK/version-probe/build" -DCMAKE_PREFIX_PATH="$PREFIX" \
  >"$WORK/version-probe.log" 2>&1 || { cat "$WORK/version-probe.log"; fail "the version check is wrong (above)"; }
ok "find_package(Balancier $major.$minor) and ($VERSION EXACT) find $VERSION${older:+, find_package(Balancier $older) does not}"

step "Running the example (up to $EMBED_TIMEOUT s)"
timeout --kill-after=5 "$EMBED_TIMEOUT" "$WORK/embed/embed" >"$WORK/embed.log" 2>&1
rc=$?
sed 's/^/    /' "$WORK/embed.log"
[ "$rc" -eq 0 ] || fail "examples/embed exited with $rc (output above)"
grep -qx OK "$WORK/embed.log" || fail "examples/embed exited 0 without printing OK"
ok "examples/embed started a balancer from code, drained a host live and printed its statistics"

printf '\nAll embedding checks passed.\n'
