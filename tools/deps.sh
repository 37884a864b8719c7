# shellcheck shell=bash
# Shared by tools/run.sh and tools/test.sh (sourced, not run on its own):
# where the tree and the build live, how a step is printed, how the build
# dependencies get onto this machine, and the one configure+build recipe both
# scripts use, so that they share one build directory without reconfiguring it
# back and forth.
#
# Settings (environment):
#   BUILD_DIR   build directory (default: <repo>/build)
#   BUILD_TYPE  CMake build type (default: RelWithDebInfo)
#   CMAKE_ARGS  extra configure arguments, space-separated (e.g. "-DBALANCIER_BUILD_GUI=OFF")
#   JOBS        parallel compile jobs (default: number of CPUs)
# Kept compatible with bash 3.2 (macOS) up to the point where it explains what to install.

BALANCIER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$BALANCIER_ROOT/build}"
case "$BUILD_DIR" in
  /*) ;;
  *) BUILD_DIR="$PWD/$BUILD_DIR" ;;
esac
BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
JOBS="${JOBS:-$(nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)}"

# Debian/Ubuntu packages for building everything (engine, daemon, GUI, tests,
# translations tools), the format check, and the curl line the demo prints.
# librsvg2-bin renders the 256 px application icon: it is found at configure
# time, so it must be here before the first configure, or a build configured
# without it packages no PNG icon even after the tool is installed later.
# openssl makes the throw-away certificates of the TLS tests. systemd brings
# systemd-analyze, with which tst_servicefiles verifies the unit file and rates
# its hardening (nothing is started; a container needs no running systemd).
# libssl-dev: the engine terminates TLS on listeners with OpenSSL (without
# it the build leaves TLS termination out); haproxy also terminates the same
# certificate in bench/run.sh's TLS scenario.
# haproxy is the real PROXY protocol peer of tst_proxyhaproxy (sender in front
# of Balancier and receiver behind it; the test starts its own, never the service).
# dnsmasq is the real DNS server of tst_dnsdiscovery (A, AAAA and SRV records on a
# loopback port the test picks, changed during the test; never the system's).
BALANCIER_APT_PACKAGES="build-essential cmake ninja-build qt6-base-dev qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools libgl-dev clang-format curl librsvg2-bin openssl systemd haproxy
  dnsmasq libssl-dev"

step() {
  printf '\n==> %s\n' "$*"
}

die() {
  printf '\nerror: %s\n' "$*" >&2
  exit 1
}

# What to install where there is no apt; printed instead of a confusing
# failure further down.
print_install_hint() {
  case "$(uname -s)" in
    Darwin)
      cat >&2 <<'EOF'
On macOS, install the tools with Homebrew (https://brew.sh) and the Xcode command line tools:
    xcode-select --install
    brew install qt cmake ninja clang-format
Then run this script again. If CMake still cannot find Qt, point it there:
    CMAKE_ARGS="-DCMAKE_PREFIX_PATH=$(brew --prefix qt)" bash tools/test.sh
EOF
      ;;
    MINGW* | MSYS* | CYGWIN*)
      cat >&2 <<'EOF'
On Windows, install Qt 6.4 or newer (a MinGW or MSVC kit, plus the "Qt Tools" component)
with the Qt online installer: https://www.qt.io/download-qt-installer
and the build tools with winget:
    winget install Kitware.CMake Ninja-build.Ninja LLVM.LLVM
(or, in an MSYS2 UCRT64 shell:
    pacman -S --needed mingw-w64-ucrt-x86_64-gcc mingw-w64-ucrt-x86_64-cmake mingw-w64-ucrt-x86_64-ninja
                       mingw-w64-ucrt-x86_64-qt6-base mingw-w64-ucrt-x86_64-qt6-tools)
Run this script from a shell where cmake, ninja and the compiler are on PATH, and tell CMake
where Qt is, for example:
    CMAKE_ARGS="-DCMAKE_PREFIX_PATH=C:/Qt/6.8.0/mingw_64" bash tools/test.sh
EOF
      ;;
    *)
      cat >&2 <<'EOF'
Install Qt 6.4 or newer (Core, Network, Xml, Widgets, Test and the Qt tools), CMake 3.21 or
newer, Ninja and a C++20 compiler (GCC 11+ or Clang 14+). For example:
    Fedora:  sudo dnf install gcc-c++ cmake ninja-build qt6-qtbase-devel qt6-qttools-devel clang-tools-extra curl
    Arch:    sudo pacman -S --needed base-devel cmake ninja qt6-base qt6-tools clang curl
Or use the Qt online installer (https://www.qt.io/download-qt-installer) and pass its kit:
    CMAKE_ARGS="-DCMAKE_PREFIX_PATH=$HOME/Qt/6.8.0/gcc_64" bash tools/test.sh
EOF
      ;;
  esac
}

# Debian and derivatives: install what dpkg says is missing, nothing else.
ensure_apt_packages() {
  local missing="" pkg status sudo=""
  for pkg in $BALANCIER_APT_PACKAGES; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = installed ] || missing="$missing $pkg"
  done
  if [ -z "$missing" ]; then
    echo "All build dependencies are installed."
    return 0
  fi
  echo "Missing packages:$missing"

  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      # Without a terminal (CI) sudo must not wait for a password nobody types.
      if [ -t 0 ]; then sudo="sudo"; else sudo="sudo -n"; fi
    else
      die "not root and no sudo: as root, run
    apt-get update && apt-get install -y$missing
then run this script again."
    fi
  fi
  # shellcheck disable=SC2086 # word splitting of $sudo and $missing is intended
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing; }; then
    die "installing the packages failed (see above). The command was:
    ${sudo:+$sudo }apt-get update && ${sudo:+$sudo }apt-get install -y$missing"
  fi
}

# Elsewhere: check for the tools and explain how to get them if absent.
check_tools() {
  local missing=""
  command -v cmake >/dev/null 2>&1 || missing="$missing cmake"
  command -v ninja >/dev/null 2>&1 || missing="$missing ninja"
  if ! command -v c++ >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1 \
    && ! command -v clang++ >/dev/null 2>&1 && ! command -v cl >/dev/null 2>&1; then
    missing="$missing C++-compiler"
  fi
  if [ -n "$missing" ]; then
    printf 'Missing:%s\n\n' "$missing" >&2
    print_install_hint
    exit 1
  fi
  echo "cmake, ninja and a C++ compiler found (Qt is looked for at the configure step)."
}

ensure_deps() {
  step "Checking build dependencies"
  if [ "$(uname -s)" = Linux ] && command -v dpkg-query >/dev/null 2>&1 \
    && command -v apt-get >/dev/null 2>&1; then
    ensure_apt_packages
  else
    check_tools
  fi
}

# Configures (first time: Ninja generator) and builds the given targets, or
# everything when none are given.
configure_and_build() {
  local args=""
  [ -f "$BUILD_DIR/CMakeCache.txt" ] || args="-G Ninja"
  step "Configuring ($BUILD_TYPE) in $BUILD_DIR"
  # shellcheck disable=SC2086 # $args and $CMAKE_ARGS are space-separated lists
  if ! cmake -S "$BALANCIER_ROOT" -B "$BUILD_DIR" $args -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${CMAKE_ARGS:-}; then
    printf '\nThe CMake configure step failed (see above).\n' >&2
    if [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1; then
      echo "This needs Qt 6.4 or newer; Debian 12 and Ubuntu 24.04 ship it." >&2
    else
      print_install_hint
    fi
    exit 1
  fi

  if [ $# -eq 0 ]; then
    step "Building everything ($JOBS parallel jobs)"
    cmake --build "$BUILD_DIR" --parallel "$JOBS" || die "the build failed (see above)"
  else
    step "Building $* ($JOBS parallel jobs)"
    cmake --build "$BUILD_DIR" --parallel "$JOBS" --target "$@" || die "building $* failed (see above)"
  fi
}
