#!/usr/bin/env bash
# The translations gate (CI stage "translations"). Fails when
#   - lupdate, run over the GUI's sources with the options gui/CMakeLists.txt
#     gives it, would change a translations/*.ts file (a new, changed or
#     removed tr() string, or only a different layout), or
#   - a .ts file has an unfinished entry (type="unfinished": new, or never
#     translated), or an obsolete or vanished one (its source text is gone), or
#   - a .ts file is missing from gui/CMakeLists.txt (it would never be built).
# Each problem names the file and the entries (context: "source").
# lupdate runs on temporary copies: this script never changes translations/.
#
#   bash tools/translations-check.sh
#
# To fix what it reports: cmake --build <build dir> --target update_translations
# (the same lupdate run, on the real files), translate the entries marked
# unfinished (Qt Linguist, or by hand: fill in <translation> and drop
# type="unfinished"), and commit the .ts files.
#
# Settings (environment): LUPDATE, the lupdate to run (default: Qt 6's, from
# /usr/lib/qt6/bin, qtpaths6 or PATH). Exits 0 when all is well, 1 otherwise.
set -uo pipefail
exec </dev/null

# tools/deps.sh: BALANCIER_ROOT, step, die, ensure_deps.
# shellcheck source=tools/deps.sh
. "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

GUI_CMAKE="$BALANCIER_ROOT/gui/CMakeLists.txt"
TS_DIR="$BALANCIER_ROOT/translations"
MAX_LISTED=40  # entries listed per file and kind; the rest are counted

# Prints the path of a Qt 6 lupdate, or nothing.
find_lupdate() {
  local candidate bins
  bins="$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)"
  for candidate in "${LUPDATE:-}" /usr/lib/qt6/bin/lupdate "${bins:+$bins/lupdate}" \
    "$(command -v lupdate6 2>/dev/null)" "$(command -v lupdate 2>/dev/null)"; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
    # Qt 5's lupdate reads the same files but writes them differently.
    if "$candidate" -version 2>&1 | grep -qE 'version 6\.'; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
}

# One line per <message> of a .ts file, as lupdate writes them:
#   context <TAB> source <TAB> disambiguation comment <TAB> status
# status: finished, unfinished, obsolete or vanished. Line breaks inside a
# text become "\n"; the five XML entities are decoded.
ts_entries() {
  awk '
    function decode(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
      gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s); gsub(/\t/, "\\t", s)
      return s
    }
    # Collects the text of <tag> ... </tag>, which may span several lines.
    function take(line, tag,    opentag, closetag, start, stop) {
      opentag = "<" tag ">"; closetag = "</" tag ">"
      if (collecting == "") {
        start = index(line, opentag)
        if (start == 0) return 0
        line = substr(line, start + length(opentag))
        collecting = tag; text = ""; first = 1
      }
      stop = index(line, closetag)
      if (stop > 0) {
        text = text (first ? "" : "\\n") substr(line, 1, stop - 1)
        collecting = ""
        return 2
      }
      text = text (first ? "" : "\\n") line; first = 0
      return 1
    }
    !inmsg && /<name>/ {
      s = $0; sub(/.*<name>/, "", s); sub(/<\/name>.*/, "", s); context = decode(s); next
    }
    /<message[ >]/ { inmsg = 1; source = ""; comment = ""; status = "finished"; collecting = ""; next }
    !inmsg { next }
    collecting == "source" || (collecting == "" && index($0, "<source>")) {
      if (take($0, "source") == 2) source = decode(text)
      next
    }
    collecting == "comment" || (collecting == "" && index($0, "<comment>")) {
      if (take($0, "comment") == 2) comment = decode(text)
      next
    }
    /<translation[ >]/ {
      if (index($0, "type=\"unfinished\"")) status = "unfinished"
      else if (index($0, "type=\"obsolete\"")) status = "obsolete"
      else if (index($0, "type=\"vanished\"")) status = "vanished"
    }
    /<\/message>/ { print context "\t" source "\t" comment "\t" status; inmsg = 0 }
  ' "$1"
}

# Prints entries (lines of ts_entries, status dropped) as "context: "source"",
# at most MAX_LISTED of them.
list_entries() {
  awk -F '\t' -v max="$MAX_LISTED" '
    NR <= max { printf "      %s: \"%s\"%s\n", $1, $2, ($3 == "" ? "" : "  (" $3 ")") }
    END { if (NR > max) printf "      ... and %d more\n", NR - max }
  '
}

# ---------------------------------------------------------------------------
step "Finding Qt 6's lupdate"
LUPDATE_BIN="$(find_lupdate)"
if [ -z "$LUPDATE_BIN" ]; then
  echo "No Qt 6 lupdate found; installing the build dependencies (qt6-l10n-tools has it)."
  ensure_deps
  LUPDATE_BIN="$(find_lupdate)"
fi
[ -n "$LUPDATE_BIN" ] || die "no Qt 6 lupdate found (Debian: qt6-l10n-tools; or set LUPDATE=/path/to/lupdate)"
echo "$LUPDATE_BIN: $("$LUPDATE_BIN" -version 2>&1 | head -n 1)"

# The same options as the update_translations target, read from where the
# build sets them, so that this check and that target cannot disagree.
[ -f "$GUI_CMAKE" ] || die "$GUI_CMAKE is missing"
options="$(sed -n 's/^[[:space:]]*LUPDATE_OPTIONS[[:space:]]\{1,\}\([^)]*\)).*$/\1/p' "$GUI_CMAKE" | head -n 1)"
[ -n "$options" ] || die "cannot read LUPDATE_OPTIONS from $GUI_CMAKE (expected a line 'LUPDATE_OPTIONS ... )')"
echo "lupdate options (gui/CMakeLists.txt): $options"

shopt -s nullglob
ts_files=("$TS_DIR"/*.ts)
shopt -u nullglob
# The sources of qt_add_translations: every .cpp and .h of gui/ and its
# part folders (client/, editor/, ...), main.cpp included.
sources=()
while IFS= read -r -d '' source; do
  sources+=("$source")
done < <(find "$BALANCIER_ROOT/gui" \( -name '*.cpp' -o -name '*.h' \) -type f -print0 | LC_ALL=C sort -z)
[ "${#ts_files[@]}" -gt 0 ] || die "no .ts files in $TS_DIR"
[ "${#sources[@]}" -gt 0 ] || die "no sources in $BALANCIER_ROOT/gui"

WORK="$(mktemp -d)" || die "mktemp failed"
trap 'rm -rf "$WORK"' EXIT

# Include paths as the build's: lupdate follows #include to learn the classes
# (and so the tr() contexts) that a source uses.
includes=(-I "$BALANCIER_ROOT/gui" -I "$BALANCIER_ROOT/engine")
qt_headers="$(qtpaths6 --query QT_INSTALL_HEADERS 2>/dev/null || true)"
if [ -n "$qt_headers" ] && [ -d "$qt_headers" ]; then
  includes+=(-I "$qt_headers")
  for module in QtCore QtGui QtWidgets QtNetwork QtXml; do
    [ ! -d "$qt_headers/$module" ] || includes+=(-I "$qt_headers/$module")
  done
fi

copies=()
for ts in "${ts_files[@]}"; do
  cp "$ts" "$WORK/" || die "cannot copy $ts"
  copies+=("$WORK/$(basename "$ts")")
done

step "Running lupdate over ${#sources[@]} files of gui/ into copies of ${#ts_files[@]} .ts files"
# shellcheck disable=SC2086 # $options is a list of arguments
if ! "$LUPDATE_BIN" $options "${includes[@]}" "${sources[@]}" -ts "${copies[@]}" >"$WORK/lupdate.log" 2>&1; then
  sed 's/^/    /' "$WORK/lupdate.log"
  die "lupdate failed (output above)"
fi
sed 's/^/    /' "$WORK/lupdate.log"

step "Comparing"
problems=0
for ts in "${ts_files[@]}"; do
  name="translations/$(basename "$ts")"
  copy="$WORK/$(basename "$ts")"
  bad=0

  if ! grep -qF "$(basename "$ts")" "$GUI_CMAKE"; then
    echo "FAIL: $name is not in BALANCIER_TS_FILES (gui/CMakeLists.txt): it is never compiled into the app"
    bad=1
  fi

  ts_entries "$ts" >"$WORK/before"
  ts_entries "$copy" >"$WORK/after"
  cut -f 1-3 "$WORK/before" | LC_ALL=C sort >"$WORK/before-keys"
  cut -f 1-3 "$WORK/after" | LC_ALL=C sort >"$WORK/after-keys"

  if ! cmp -s "$ts" "$copy"; then
    bad=1
    LC_ALL=C comm -13 "$WORK/before-keys" "$WORK/after-keys" >"$WORK/added"
    LC_ALL=C comm -23 "$WORK/before-keys" "$WORK/after-keys" >"$WORK/removed"
    echo "FAIL: lupdate would change $name:"
    if [ -s "$WORK/added" ]; then
      echo "    $(wc -l <"$WORK/added") source text(s) in the code but not in the file (lupdate would add them):"
      list_entries <"$WORK/added"
    fi
    if [ -s "$WORK/removed" ]; then
      echo "    $(wc -l <"$WORK/removed") entry(ies) whose source text is no longer in the code (lupdate would drop them):"
      list_entries <"$WORK/removed"
    fi
    if [ ! -s "$WORK/added" ] && [ ! -s "$WORK/removed" ]; then
      echo "    the same entries, written differently (order, layout or attributes); the first differences:"
      diff -u "$ts" "$copy" | sed -n '3,30p' | sed 's/^/      /'
    fi
  fi

  for kind in unfinished obsolete vanished; do
    awk -F '\t' -v kind="$kind" '$4 == kind' "$WORK/before" >"$WORK/$kind"
    [ -s "$WORK/$kind" ] || continue
    bad=1
    case "$kind" in
      unfinished) why="not translated yet, or marked for review" ;;
      *) why="their source text is gone from the code; delete them" ;;
    esac
    echo "FAIL: $name has $(wc -l <"$WORK/$kind") $kind entry(ies) ($why):"
    list_entries <"$WORK/$kind"
  done

  if [ "$bad" -eq 0 ]; then
    echo "ok: $name: $(wc -l <"$WORK/before") entries, all finished, and lupdate leaves it unchanged"
  else
    problems=$((problems + 1))
  fi
done

if [ "$problems" -ne 0 ]; then
  printf '\nFAIL: %d of %d translation file(s) need work (above). Update them with\n' "$problems" "${#ts_files[@]}"
  echo "    cmake --build <build dir> --target update_translations"
  echo "then translate the unfinished entries and commit translations/*.ts."
  exit 1
fi
printf '\nAll %d translation files are up to date and complete.\n' "${#ts_files[@]}"
