#!/usr/bin/env bash
# Builds the Linux packages, installs the .deb on this machine and checks what
# it installed, then removes and purges it. For CI and other disposable
# Debian/Ubuntu machines: it must run as root, installs packages (the build
# dependencies, desktop-file-utils, appstream, librsvg2-bin) and creates the
# system user balancier. It never installs systemd.
#
#   bash tools/package-check.sh
#
# Steps: Release build in build-package/ (or, with PACKAGE_REUSE_BUILD=1, the
# build already in PACKAGE_BUILD_DIR) -> cpack -G "DEB;TGZ" -> inspect the
# .deb and the .tar.gz -> apt-get install ./build-package/balancier_*.deb ->
# balancierd --version / --check, systemd-analyze verify, desktop-file-validate,
# appstreamcli validate, the man pages, a --demo answering curl and stopping
# with exit 0 on SIGTERM -> apt-get remove (the config stays) -> apt-get purge
# (the config goes, other files in /etc/balancier stay) -> install and purge
# once more (an empty /etc/balancier goes too).
#
# Settings (environment): PACKAGE_BUILD_DIR (default <repo>/build-package),
# PACKAGE_REUSE_BUILD (1: package PACKAGE_BUILD_DIR as it is configured, a
# Release or RelWithDebInfo build with the GUI, such as the one tools/test.sh
# makes; CI does this to save a second build), JOBS (default: number of
# CPUs), CMAKE_ARGS (extra configure arguments; not with PACKAGE_REUSE_BUILD).
# Exits 0 when every check passed; otherwise prints "FAIL: <what>" and exits 1.
# Whatever happens, the package is purged again and the demo stopped.
set -uo pipefail
exec </dev/null

# tools/deps.sh: BALANCIER_ROOT, step, die, ensure_deps (the build dependencies).
# shellcheck source=tools/deps.sh
. "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

BUILD_DIR="${PACKAGE_BUILD_DIR:-$BALANCIER_ROOT/build-package}"
case "$BUILD_DIR" in
  /*) ;;
  *) BUILD_DIR="$PWD/$BUILD_DIR" ;;
esac
CONFIG=/etc/balancier/balancier.xml
UNIT=/usr/lib/systemd/system/balancierd.service
DESKTOP=/usr/share/applications/org.balancier.Balancier.desktop
METAINFO=/usr/share/metainfo/org.balancier.Balancier.metainfo.xml
MIMEINFO=/usr/share/mime/packages/org.balancier.Balancier.xml
COPYRIGHT=/usr/share/doc/balancier/copyright
export DEBIAN_FRONTEND=noninteractive

WORK=""
DEMO_PID=""
INSTALLED_BY_US=0
EXTRA_FILE=""

fail() {
  printf '\nFAIL: %s\n' "$*" >&2
  exit 1
}

ok() {
  printf 'ok: %s\n' "$*"
}

package_status() {
  dpkg-query -W -f='${db:Status-Abbrev}' balancier 2>/dev/null | tr -d ' '
}

cleanup() {
  local rc=$?
  trap - EXIT
  if [ -n "$DEMO_PID" ] && kill -0 "$DEMO_PID" 2>/dev/null; then
    kill -KILL "$DEMO_PID" 2>/dev/null
    wait "$DEMO_PID" 2>/dev/null
  fi
  [ -z "$EXTRA_FILE" ] || rm -f "$EXTRA_FILE"
  if [ "$INSTALLED_BY_US" -eq 1 ] && [ -n "$(package_status)" ]; then
    echo "cleanup: purging the balancier package"
    apt-get purge -y balancier >/dev/null 2>&1 || echo "cleanup: apt-get purge balancier failed" >&2
  fi
  [ -z "$WORK" ] || rm -rf "$WORK"
  if [ "$rc" -eq 0 ]; then
    printf '\nAll package checks passed.\n'
  else
    printf '\nPackage check failed (exit %d).\n' "$rc" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command; on failure prints its output and fails with the message.
run_check() {
  local what="$1" out
  shift
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    fail "$what (command: $*)"
  fi
  [ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/    /'
  ok "$what"
}

# ---------------------------------------------------------------------------
step "Preconditions"
[ "$(id -u)" -eq 0 ] || die "run this as root: it installs and removes the balancier package"
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
  die "this check needs a Debian-like system (apt-get and dpkg)"
fi
if [ -n "$(package_status)" ]; then
  die "the balancier package is already on this machine ($(package_status)); this check installs
and purges it, so remove it first: apt-get purge balancier"
fi
[ ! -e "$CONFIG" ] || die "$CONFIG exists without the package; move it away first (the check purges it)"
WORK="$(mktemp -d)" || die "mktemp failed"

ensure_deps
step "Installing the checking tools"
tools=""
command -v desktop-file-validate >/dev/null 2>&1 || tools="$tools desktop-file-utils"
command -v appstreamcli >/dev/null 2>&1 || tools="$tools appstream"
command -v rsvg-convert >/dev/null 2>&1 || tools="$tools librsvg2-bin"   # the 256 px icon
command -v dpkg-shlibdeps >/dev/null 2>&1 || tools="$tools dpkg-dev"
command -v curl >/dev/null 2>&1 || tools="$tools curl"
if [ -n "$tools" ]; then
  # shellcheck disable=SC2086 # $tools is a list
  { apt-get update && apt-get install -y --no-install-recommends $tools; } \
    || fail "installing$tools failed"
else
  echo "desktop-file-validate, appstreamcli, rsvg-convert, dpkg-shlibdeps and curl are installed."
fi

# ---------------------------------------------------------------------------
if [ "${PACKAGE_REUSE_BUILD:-0}" = 1 ]; then
  # CI: package the build the test stage has just built and tested, as it is
  # configured (its install prefix does not matter: CPack's DEB generator
  # installs under /usr, the archive under its own top directory).
  step "Reusing the build in $BUILD_DIR"
  cache="$BUILD_DIR/CMakeCache.txt"
  [ -f "$cache" ] || fail "PACKAGE_REUSE_BUILD=1 but $BUILD_DIR is not configured (no CMakeCache.txt)"
  build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")"
  case "$build_type" in
    Release | RelWithDebInfo | MinSizeRel) ;;
    *) fail "$BUILD_DIR is a '$build_type' build; a package needs Release, RelWithDebInfo or MinSizeRel" ;;
  esac
  grep -qx 'BALANCIER_BUILD_GUI:BOOL=ON' "$cache" || fail "$BUILD_DIR is built without the GUI; the .deb holds both programs"
  if grep -qx 'BALANCIER_SANITIZE:BOOL=ON' "$cache"; then
    fail "$BUILD_DIR is a sanitizer build; it cannot be packaged"
  fi
  echo "build type $build_type, GUI on (CPack strips the binaries)"
else
  step "Configuring a Release build in $BUILD_DIR"
  gen=""
  [ -f "$BUILD_DIR/CMakeCache.txt" ] || gen="-G Ninja"
  # shellcheck disable=SC2086 # $gen and $CMAKE_ARGS are lists
  cmake -S "$BALANCIER_ROOT" -B "$BUILD_DIR" $gen -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DBALANCIER_BUILD_GUI=ON -DBALANCIER_BUILD_TESTS=OFF ${CMAKE_ARGS:-} || fail "the configure step failed"
fi
VERSION="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD_DIR/CMakeCache.txt")"
[ -n "$VERSION" ] || fail "no CMAKE_PROJECT_VERSION in $BUILD_DIR/CMakeCache.txt"
echo "project version: $VERSION"

step "Building ($JOBS parallel jobs)"
cmake --build "$BUILD_DIR" --parallel "$JOBS" || fail "the build failed"

step "Packaging: cpack -G \"DEB;TGZ\""
rm -f "$BUILD_DIR"/balancier_*.deb* "$BUILD_DIR"/balancier-*.tar.gz*
(cd "$BUILD_DIR" && cpack -G "DEB;TGZ") || fail "cpack failed"
shopt -s nullglob
debs=("$BUILD_DIR"/balancier_*.deb)
tgzs=("$BUILD_DIR"/balancier-*.tar.gz)
shopt -u nullglob
[ "${#debs[@]}" -eq 1 ] || fail "expected one balancier_*.deb in $BUILD_DIR, found ${#debs[@]}"
[ "${#tgzs[@]}" -eq 1 ] || fail "expected one balancier-*.tar.gz in $BUILD_DIR, found ${#tgzs[@]}"
DEB="${debs[0]}"
TGZ="${tgzs[0]}"
[ "$(basename "$DEB")" = "balancier_${VERSION}_$(dpkg --print-architecture).deb" ] \
  || fail "unexpected package file name $(basename "$DEB")"
ok "built $(basename "$DEB") and $(basename "$TGZ")"

# ---------------------------------------------------------------------------
step "Inspecting the .deb"
dpkg-deb --info "$DEB" | sed 's/^/    /'
dpkg-deb -c "$DEB" | awk '{print $NF}' | sed 's|^\./|/|' >"$WORK/deb-files"
for path in /usr/bin/balancierd /usr/bin/balancier "$UNIT" /usr/lib/sysusers.d/balancier.conf "$CONFIG" \
  "$DESKTOP" "$METAINFO" "$MIMEINFO" /usr/share/icons/hicolor/scalable/apps/org.balancier.Balancier.svg \
  /usr/share/icons/hicolor/256x256/apps/org.balancier.Balancier.png \
  /usr/share/man/man8/balancierd.8.gz /usr/share/man/man1/balancier.1.gz \
  /usr/share/doc/balancier/README.md /usr/share/doc/balancier/install.md \
  /usr/share/doc/balancier/balancier.example.xml "$COPYRIGHT"; do
  grep -qx "$path" "$WORK/deb-files" \
    || fail "the .deb does not contain $path (is its install() rule's COMPONENT right? see the configure output)"
done
# Debian: the copyright file points at common-licenses; no second GPL text.
if grep -qx /usr/share/doc/balancier/LICENSE "$WORK/deb-files"; then
  fail "the .deb carries LICENSE; Debian wants only $COPYRIGHT"
fi
# The engine's CMake package (install component devel) is for developers, not in the runtime package.
if grep -E '^/usr/include/|/cmake/Balancier/|\.a$' "$WORK/deb-files"; then
  fail "the .deb carries the engine's development files (above); component devel belongs in no package"
fi
ok "the .deb holds the programs, the unit, sysusers, the conffile, desktop and MIME files, icons, man pages, docs and copyright"
maintainer="$(dpkg-deb -f "$DEB" Maintainer)"
case "$maintainer" in
  *"<"*@*">") ok "Maintainer: $maintainer" ;;
  *) fail "the Maintainer field '$maintainer' is not 'Name <address>'" ;;
esac
[ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] || fail "the package version is not $VERSION"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xf - -C "$WORK" || fail "cannot read the control files"
grep -qx "$CONFIG" "$WORK/conffiles" 2>/dev/null || fail "$CONFIG is not listed in conffiles"
for script in postinst prerm postrm; do
  [ -x "$WORK/$script" ] || fail "the .deb has no executable $script"
done
ok "conffiles lists $CONFIG; postinst, prerm and postrm are there"
depends="$(dpkg-deb -f "$DEB" Depends)"
# Each dependency's first alternative, without version; "t64": Ubuntu 24.04's names.
printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/[ |(].*//' >"$WORK/depends"
for dep in qt6-qpa-plugins libssl3 libqt6core6 libqt6network6 libqt6widgets6; do
  grep -qxE "${dep}(t64)?" "$WORK/depends" || fail "Depends lacks $dep: $depends"
done
ok "Depends names the Qt libraries (dpkg-shlibdeps), qt6-qpa-plugins and libssl3"

step "Inspecting the .tar.gz"
tar -tzf "$TGZ" >"$WORK/tgz-files" || fail "cannot list $TGZ"
top="balancier-${VERSION}-Linux"
for path in bin/balancierd bin/balancier lib/systemd/system/balancierd.service \
  share/doc/balancier/balancier.example.xml share/man/man8/balancierd.8.gz share/doc/balancier/LICENSE; do
  grep -qx "$top/$path" "$WORK/tgz-files" || fail "the archive does not contain $top/$path"
done
if grep -E "^$top/etc/|^/?etc/" "$WORK/tgz-files"; then
  fail "the archive contains /etc files (above); only the .deb should"
fi
if grep -E "^$top/include/|/cmake/Balancier/|\.a\$" "$WORK/tgz-files"; then
  fail "the archive carries the engine's development files (above); component devel belongs in no package"
fi
if grep -qx "$top/share/doc/balancier/copyright" "$WORK/tgz-files"; then
  fail "the archive contains Debian's copyright file; it should carry LICENSE only"
fi
ok "the archive holds $top/{bin,lib,share} with LICENSE, and no /etc"

step "Checking the man pages against the programs' --help"
# Every option a program offers is described on its page, and the page's
# SYNOPSIS, DESCRIPTION and OPTIONS name no option the program lacks (the
# EXAMPLES may show other commands' options, such as systemctl --now).
# Single-dash Qt options such as -platform are not compared: --help does not
# list them.
compare_options() {
  local program="$1" help="$2" page="$3"
  grep -oE -- '--[a-z][a-z-]+' "$help" | sort -u >"$WORK/help-options"
  awk '/^\.SH/ { keep = ($2 == "SYNOPSIS" || $2 == "DESCRIPTION" || $2 == "OPTIONS") } keep' "$page" \
    | sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$WORK/man-options"
  missing="$(comm -23 "$WORK/help-options" "$WORK/man-options" | tr '\n' ' ')"
  extra="$(comm -13 "$WORK/help-options" "$WORK/man-options" | tr '\n' ' ')"
  [ -z "$missing" ] || fail "$(basename "$page") does not describe: $missing"
  [ -z "$extra" ] || fail "$(basename "$page") describes options $program --help does not list: $extra"
  ok "$(basename "$page") describes exactly the options of $program --help ($(wc -l <"$WORK/help-options") options)"
}
"$BUILD_DIR/headless/balancierd" --help >"$WORK/balancierd-help.txt" || fail "balancierd --help failed"
gzip -dc "$BUILD_DIR/installer/man/balancierd.8.gz" >"$WORK/balancierd.8" || fail "cannot read balancierd.8.gz"
compare_options balancierd "$WORK/balancierd-help.txt" "$WORK/balancierd.8"
# The desktop app needs a platform plugin even to print its help.
QT_QPA_PLATFORM=offscreen timeout 60 "$BUILD_DIR/gui/balancier" --help >"$WORK/balancier-help.txt" \
  2>"$WORK/balancier-help.err" || fail "balancier --help failed: $(cat "$WORK/balancier-help.err")"
gzip -dc "$BUILD_DIR/installer/man/balancier.1.gz" >"$WORK/balancier.1" || fail "cannot read balancier.1.gz"
compare_options balancier "$WORK/balancier-help.txt" "$WORK/balancier.1"
if command -v groff >/dev/null 2>&1; then
  for page in "$WORK/balancierd.8" "$WORK/balancier.1"; do
    warnings="$(groff -man -Tutf8 -ww -z "$page" 2>&1)"
    [ -z "$warnings" ] || fail "groff warns about $(basename "$page"): $warnings"
  done
  ok "groff formats both pages without warnings"
else
  echo "groff is not installed: the pages' syntax is not checked"
fi

# ---------------------------------------------------------------------------
step "Installing: apt-get install -y ./$(realpath --relative-to="$BALANCIER_ROOT" "$DEB")"
INSTALLED_BY_US=1
(cd "$BALANCIER_ROOT" && apt-get install -y "./$(realpath --relative-to="$BALANCIER_ROOT" "$DEB")") \
  || fail "apt-get install of the .deb failed"
[ "$(package_status)" = ii ] || fail "the package is not installed after apt-get install ($(package_status))"
ok "installed $(dpkg-query -W -f='${Package} ${Version}' balancier)"

step "Checking the installed files"
for prog in /usr/bin/balancierd /usr/bin/balancier; do
  [ -x "$prog" ] || fail "$prog is not installed"
  if ldd "$prog" | grep 'not found'; then
    fail "$prog misses libraries (above): the package's Depends are incomplete"
  fi
done
ok "both programs find all their libraries"

run_check "balancierd --version" /usr/bin/balancierd --version
[ "$(/usr/bin/balancierd --version)" = "balancierd $VERSION" ] \
  || fail "balancierd --version does not print 'balancierd $VERSION'"
ok "balancierd --version prints the project version $VERSION"
# stdout only: Qt may warn on stderr (e.g. XDG_RUNTIME_DIR not set, as root).
gui_version="$(QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/balancier --version 2>"$WORK/gui-version.err")" \
  || fail "balancier --version failed: $(cat "$WORK/gui-version.err")"
[ "$gui_version" = "balancier $VERSION" ] || fail "balancier --version printed '$gui_version', not 'balancier $VERSION'"
ok "balancier --version prints the project version $VERSION"

getent passwd balancier >/dev/null || fail "postinst did not create the user balancier"
getent group balancier >/dev/null || fail "postinst did not create the group balancier"
ok "the system user and group balancier exist"
[ -f "$CONFIG" ] || fail "$CONFIG is not installed"
perms="$(stat -c '%U:%G %a' "$CONFIG")"
[ "$perms" = "root:balancier 640" ] || fail "$CONFIG is $perms, expected root:balancier 640"
ok "$CONFIG is root:balancier 640 (it holds password hashes)"
run_check "balancierd --check $CONFIG" /usr/bin/balancierd --check "$CONFIG"
if command -v setpriv >/dev/null 2>&1; then
  run_check "balancierd --check $CONFIG as the user balancier" \
    setpriv --reuid=balancier --regid=balancier --init-groups /usr/bin/balancierd --check "$CONFIG"
fi

if command -v systemd-analyze >/dev/null 2>&1; then
  run_check "systemd-analyze verify $UNIT" systemd-analyze verify "$UNIT"
else
  echo "systemd-analyze is not installed: skipping the unit check (this script does not install systemd)"
fi
if command -v systemctl >/dev/null 2>&1; then
  state="$(systemctl is-enabled balancierd.service 2>/dev/null)"
  [ "$state" = disabled ] || fail "balancierd.service is '$state' after install; it must not be enabled"
  ok "balancierd.service is installed and not enabled"
fi
if ls /etc/systemd/system/*.wants/balancierd.service >/dev/null 2>&1; then
  fail "the package enabled balancierd.service"
fi

run_check "desktop-file-validate $DESKTOP" desktop-file-validate "$DESKTOP"
grep -qx 'Exec=balancier %f' "$DESKTOP" || fail "$DESKTOP does not run 'balancier %f'"
# Our own type, not application/xml: the app is offered for Balancier
# configs only, recognised by name (balancier.xml) or by their root element.
grep -qx 'MimeType=application/x-balancier+xml;' "$DESKTOP" \
  || fail "$DESKTOP does not declare MimeType=application/x-balancier+xml;"
grep -q 'type="application/x-balancier+xml"' "$MIMEINFO" || fail "$MIMEINFO does not define application/x-balancier+xml"
if command -v update-mime-database >/dev/null 2>&1; then
  mkdir -p "$WORK/mime/packages"
  cp "$MIMEINFO" "$WORK/mime/packages/"
  # XDG_DATA_DIRS names the scratch tree, or the tool warns that nothing searches it.
  run_check "update-mime-database accepts $MIMEINFO" env XDG_DATA_DIRS="$WORK" update-mime-database "$WORK/mime"
  grep -q '^application/x-balancier+xml:balancier.xml$' "$WORK/mime/globs" 2>/dev/null \
    || fail "update-mime-database did not register the glob balancier.xml for application/x-balancier+xml"
  ok "the MIME type is registered with its glob"
fi
grep -q '<project_license>GPL-3.0-or-later</project_license>' "$METAINFO" \
  || fail "$METAINFO does not state project_license GPL-3.0-or-later"
grep -qx 'License: GPL-3.0-or-later' "$COPYRIGHT" || fail "$COPYRIGHT does not state GPL-3.0-or-later"
grep -qxF "Upstream-Contact: $maintainer" "$COPYRIGHT" \
  || fail "$COPYRIGHT does not name the package's Maintainer ($maintainer) as Upstream-Contact"
ok "licence: GPL-3.0-or-later in the copyright file and the metainfo"
if command -v appstreamcli >/dev/null 2>&1; then
  run_check "appstreamcli validate --no-net $METAINFO" appstreamcli validate --no-net "$METAINFO"
else
  echo "appstreamcli is not installed: skipping the AppStream check"
fi
[ -f /usr/share/icons/hicolor/scalable/apps/org.balancier.Balancier.svg ] || fail "the SVG icon is missing"
png=/usr/share/icons/hicolor/256x256/apps/org.balancier.Balancier.png
[ -f "$png" ] || fail "the 256 px icon is missing"
# The PNG header holds width and height as big-endian 32-bit numbers at bytes 16-23.
size="$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')"
[ "$size" = 256x256 ] || fail "$png is $size, not 256x256"
ok "icons: scalable SVG and a 256x256 PNG"

# ---------------------------------------------------------------------------
step "Running the installed daemon: balancierd --demo"
# --demo-port 0 asks the kernel for a free port (no race with another process
# between choosing and binding); the port is read from the start-up lines.
# The daemon runs as the service's user, as systemd would run it.
runas=()
if command -v setpriv >/dev/null 2>&1; then
  runas=(setpriv --reuid=balancier --regid=balancier --init-groups)
fi
(cd / && exec "${runas[@]}" /usr/bin/balancierd --demo --demo-port 0 --demo-backend-port 0) \
  >"$WORK/demo.log" 2>&1 &
DEMO_PID=$!
port=""
for _ in $(seq 1 150); do
  port="$(sed -n 's/^listening: demo 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$WORK/demo.log" | head -n 1)"
  [ -z "$port" ] || break
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  sed 's/^/    /' "$WORK/demo.log" >&2
  fail "the demo did not report its listening port within 15 s (log above)"
fi
ok "the demo listens on 127.0.0.1:$port (pid $DEMO_PID)"
answer="$(curl -sS --max-time 10 "http://127.0.0.1:$port/")" || fail "curl through the demo balancer failed"
printf '    curl: %s\n' "$answer"
case "$answer" in
  "backend "[1-3]" of 3"*) ok "the balancer relayed the request to a demo backend" ;;
  *) fail "unexpected answer through the demo balancer: '$answer'" ;;
esac
kill -TERM "$DEMO_PID" || fail "cannot send SIGTERM to the demo"
for _ in $(seq 1 150); do
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$DEMO_PID" 2>/dev/null; then
  fail "the demo did not exit within 15 s of SIGTERM"
fi
wait "$DEMO_PID"
rc=$?
DEMO_PID=""
if [ "$rc" -ne 0 ]; then
  sed 's/^/    /' "$WORK/demo.log" >&2
  fail "the demo exited with $rc after SIGTERM, expected 0 (log above)"
fi
ok "SIGTERM stopped the demo with exit code 0"

# ---------------------------------------------------------------------------
step "apt-get remove: the configuration stays"
printf '\n<!-- edited by package-check -->\n' >>"$CONFIG"
apt-get remove -y balancier || fail "apt-get remove balancier failed"
[ ! -e /usr/bin/balancierd ] || fail "/usr/bin/balancierd is still there after remove"
[ -f "$CONFIG" ] || fail "apt-get remove deleted $CONFIG; it must stay until purge"
grep -q 'edited by package-check' "$CONFIG" || fail "apt-get remove changed $CONFIG"
[ "$(package_status)" = rc ] || fail "after remove the package state is '$(package_status)', expected rc"
ok "binaries gone, the edited $CONFIG kept (package state rc)"

step "apt-get purge: the configuration goes, other files in /etc/balancier stay"
EXTRA_FILE=/etc/balancier/package-check-keep.txt
echo "not the package's" >"$EXTRA_FILE"
apt-get purge -y balancier || fail "apt-get purge balancier failed"
[ ! -e "$CONFIG" ] || fail "$CONFIG is still there after purge"
[ -f "$EXTRA_FILE" ] || fail "purge deleted $EXTRA_FILE, a file the package does not own"
[ -z "$(package_status)" ] || fail "the package is still known to dpkg after purge ($(package_status))"
rm -f "$EXTRA_FILE"
EXTRA_FILE=""
rmdir /etc/balancier 2>/dev/null || true
ok "purge removed $CONFIG and kept the unrelated file"

step "Install and purge once more: an empty /etc/balancier goes too"
(cd "$BALANCIER_ROOT" && apt-get install -y "./$(realpath --relative-to="$BALANCIER_ROOT" "$DEB")") >/dev/null \
  || fail "the second apt-get install failed"
[ -f "$CONFIG" ] || fail "the reinstall did not install $CONFIG"
apt-get purge -y balancier >/dev/null || fail "the second apt-get purge failed"
[ ! -e /etc/balancier ] || fail "/etc/balancier is still there after purging a package whose config was alone in it"
INSTALLED_BY_US=0
ok "purge removed /etc/balancier"
