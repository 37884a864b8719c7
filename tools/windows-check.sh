#!/usr/bin/env bash
# Compile-checks the Windows code paths on Linux, so that they cannot rot:
# every *_win.cpp of the engine and balancierd (sockets, wake-up channel,
# event dispatcher factory, console, service, signals) and every other source
# of the Windows build with a Windows branch (#ifdef Q_OS_WIN / _WIN32: the
# poll()/WSAPoll() dispatcher, socketops, main.cpp, ...), with Debian's MinGW
# cross compiler (g++-mingw-w64-x86-64) in -fsyntax-only mode, C++20, the
# project's warnings as errors and its strict Qt defines.
#
# What this proves: the Windows sources parse, type-check and instantiate
# their templates against the real Win32/winsock headers (mingw-w64) and Qt's
# declarations. What it cannot prove: Debian has no Qt for MinGW, so Qt's
# headers are the Linux ones, configured for Linux (qconfig.h; Windows-only Qt
# classes such as QWinEventNotifier are missing, and Q_OS_WIN comes from the
# compiler's own _WIN32). Nothing is linked, moc does not run, and nothing
# runs on Windows; MSVC-only diagnostics are not seen.
#
# Usage: bash tools/windows-check.sh [--all] [FILE...]
#   --all   check every source of the Windows build of engine/ and headless/
#           (99 files today, about 4.5 CPU-minutes; all pass), not only the above
#   FILE    check these files only
# Installs g++-mingw-w64-x86-64 with apt when it is missing (as root, or with
# sudo). Settings: JOBS (default 2), CXX_MINGW (default
# x86_64-w64-mingw32-g++-posix: the posix thread model, as MSYS2's compilers
# use; Debian's win32 variant has no std::mutex).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JOBS="${JOBS:-2}"
CXX_MINGW="${CXX_MINGW:-x86_64-w64-mingw32-g++-posix}"

if ! command -v "$CXX_MINGW" >/dev/null 2>&1; then
  echo "==> Installing the MinGW cross compiler (g++-mingw-w64-x86-64)"
  command -v apt-get >/dev/null 2>&1 || { echo "error: $CXX_MINGW not found and no apt-get: install MinGW-w64 g++" >&2; exit 1; }
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: not root and no sudo: as root, run apt-get install -y g++-mingw-w64-x86-64" >&2; exit 1; }
    sudo=(sudo -n)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q g++-mingw-w64-x86-64
fi
"$CXX_MINGW" --version | head -n 1

QT_HEADERS="$(qmake6 -query QT_INSTALL_HEADERS 2>/dev/null || true)"
[ -n "$QT_HEADERS" ] || QT_HEADERS=/usr/include/x86_64-linux-gnu/qt6
[ -f "$QT_HEADERS/QtCore/qglobal.h" ] || { echo "error: no Qt 6 headers in $QT_HEADERS (install qt6-base-dev)" >&2; exit 1; }

# The definitions of cmake/BalancierCommon.cmake (WIN32 branch) plus what a
# Windows build of Qt would add; QT_STATIC keeps Qt's dllimport attributes,
# which the Linux headers declare inconsistently for MinGW, out of the way.
FLAGS=(-std=c++20 -fsyntax-only -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Werror
  -D_WIN32_WINNT=0x0A00 -DUNICODE -D_UNICODE -DWIN32_LEAN_AND_MEAN -DQT_STATIC
  -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_CAST_FROM_BYTEARRAY -DQT_NO_URL_CAST_FROM_STRING
  -DQT_USE_QSTRINGBUILDER -DQT_NO_NARROWING_CONVERSIONS_IN_CONNECT -DQT_NO_FOREACH -DQT_STRICT_ITERATORS
  -DQT_DISABLE_DEPRECATED_UP_TO=0x060400 '-DBALANCIER_VERSION="0.0.0"'
  -Iengine -Iheadless -I"$QT_HEADERS" -I"$QT_HEADERS/QtCore" -I"$QT_HEADERS/QtNetwork" -I"$QT_HEADERS/QtXml")

# The compiler really targets Windows, and Qt's headers see it.
probe="$(mktemp --suffix=.cpp)"
trap 'rm -f "$probe"' EXIT
printf '#include <QtGlobal>\n#include <winsock2.h>\n#if !defined(Q_OS_WIN) || defined(Q_OS_UNIX)\n#error Qt does not see Windows\n#endif\n' >"$probe"
"$CXX_MINGW" "${FLAGS[@]}" "$probe" || { echo "FAIL: the cross compiler does not target Windows with Qt's headers"; exit 1; }

# The sources of the Windows build: the platform seam drops _posix, _linux
# and _mac files there (engine/CMakeLists.txt, balancier_platform_filter).
windows_build_sources() {
  git ls-files -- 'engine/*.cpp' 'headless/*.cpp' 2>/dev/null \
    || find engine headless -name '*.cpp'
}
if [ "${1:-}" = --all ]; then
  shift
  files="$(windows_build_sources | grep -Ev '_(posix|linux|mac)\.cpp$' | sort -u)"
elif [ $# -gt 0 ]; then
  files="$(printf '%s\n' "$@")"
else
  files="$( { windows_build_sources | grep -E '_win\.cpp$'
    windows_build_sources | grep -Ev '_(posix|linux|mac)\.cpp$' | xargs grep -lE 'Q_OS_WIN|_WIN32' ; } | sort -u)"
fi
count="$(printf '%s\n' "$files" | grep -c .)"
[ "$count" -gt 0 ] || { echo "FAIL: no Windows sources found"; exit 1; }
echo "==> Checking $count Windows source file(s) with $CXX_MINGW -fsyntax-only ($JOBS at a time)"

export CXX_MINGW
log="$(mktemp)"
trap 'rm -f "$probe" "$log"' EXIT
# One file per compiler; its messages go to the log in one piece, after it.
# shellcheck disable=SC2016 # expanded by the inner shell
if printf '%s\n' "$files" | xargs -P "$JOBS" -I{} sh -c \
  'if out="$("$CXX_MINGW" "$@" "{}" 2>&1)"; then echo "    ok   {}"; else printf "    FAIL {}\n%s\n" "$out"; exit 1; fi' \
  sh "${FLAGS[@]}" >"$log" 2>&1; then
  cat "$log"
  echo "OK: $count Windows source file(s) compile with MinGW against Qt's headers"
else
  cat "$log"
  echo "FAIL: Windows source file(s) do not compile (above)"
  exit 1
fi
