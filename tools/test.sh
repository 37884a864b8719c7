#!/usr/bin/env bash
# The README's TEST command. Installs what is missing, builds everything and
# runs the whole test suite with ctest. Extra arguments go to ctest, e.g.
#   bash tools/test.sh -R tst_config
# Settings (BUILD_DIR, BUILD_TYPE, CMAKE_ARGS, JOBS): see tools/deps.sh;
# CTEST_JOBS sets how many tests run at once (default: JOBS).
set -euo pipefail

# shellcheck source=tools/deps.sh
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

ensure_deps
# shellcheck disable=SC2119 # no targets: build everything
configure_and_build

step "Running the tests (ctest in $BUILD_DIR, ${CTEST_JOBS:-$JOBS} at a time)"
# --no-tests=error: an empty run means the test glob broke, not success.
ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error \
  --parallel "${CTEST_JOBS:-$JOBS}" "$@" || die "some tests failed (see the ctest output above)"
step "All tests passed"
