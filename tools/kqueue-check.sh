#!/usr/bin/env bash
# Compile-checks the macOS kqueue dispatcher on Linux: the _mac sources of the
# engine (engine/net/kqueueeventdispatcher_mac.cpp, eventdispatcherfactory_mac.cpp)
# with the host compiler in -fsyntax-only mode, the project's warnings as
# errors and strict Qt defines, against Qt's headers and tools/kqueue-stub/,
# which declares kqueue(2) as macOS documents it (Debian has no libkqueue).
#
# What this proves: the code parses and type-checks against Qt and the engine,
# and uses the kqueue API with the documented signatures and constants. What it
# cannot prove: that it runs on macOS (nothing is linked or run; the stub's
# constants are macOS's values, but Apple's header is not used).
#
# Usage: bash tools/kqueue-check.sh     (a few seconds; CXX overrides the compiler)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
CXX="${CXX:-g++}"
QT_HEADERS="$(qmake6 -query QT_INSTALL_HEADERS 2>/dev/null || true)"
[ -n "$QT_HEADERS" ] || QT_HEADERS=/usr/include/x86_64-linux-gnu/qt6
[ -f "$QT_HEADERS/QtCore/qglobal.h" ] || { echo "error: no Qt 6 headers in $QT_HEADERS (install qt6-base-dev)" >&2; exit 1; }

FLAGS=(-std=c++20 -fsyntax-only -fPIC -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Werror
  -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_CAST_FROM_BYTEARRAY -DQT_USE_QSTRINGBUILDER
  -DQT_NO_FOREACH -DQT_STRICT_ITERATORS -DQT_DISABLE_DEPRECATED_UP_TO=0x060400
  -Iengine -isystem tools/kqueue-stub -I"$QT_HEADERS" -I"$QT_HEADERS/QtCore" -I"$QT_HEADERS/QtNetwork")

files="$(git ls-files -- 'engine/*_mac.cpp' 2>/dev/null || find engine -name '*_mac.cpp')"
count=0 bad=0
for f in $files; do
  count=$((count + 1))
  if "$CXX" "${FLAGS[@]}" "$f"; then
    echo "    ok   $f"
  else
    echo "    FAIL $f"
    bad=$((bad + 1))
  fi
done
[ "$count" -gt 0 ] || { echo "FAIL: no _mac sources found"; exit 1; }
[ "$bad" -eq 0 ] || { echo "FAIL: $bad of $count macOS source file(s) do not compile (above)"; exit 1; }
echo "OK: $count macOS source file(s) compile against Qt's headers and the kqueue(2) declarations"
