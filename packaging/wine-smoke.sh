#!/usr/bin/env bash
# Smoke-tests the Windows build under Wine in Xvfb: `kizuki.exe --version`, the CLI writing the
# sample and exporting it to PDF and XLSX (compared with the Linux build's, since exports are
# deterministic: the PDF byte for byte, the XLSX member by member), and the window opening and
# drawing (a screenshot with content).
#
# usage: packaging/wine-smoke.sh [path/to/kizuki.exe] [path/to/linux/kizuki]
# What Wine cannot prove: the input method (IMM32/TSF), the system's file dialogs, Direct3D 12
# (Wine falls back to OpenGL here), the firewall prompt, the installer's registry on real Windows.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(readlink -f "${1:-target/windows/x86_64-pc-windows-gnu/release/kizuki.exe}")
linux=$(readlink -f "${2:-target/release/kizuki}")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
msis=("$PWD/dist/kizuki-$version-x64.msi" "$PWD/dist/kizuki-$version-x64-user.msi")

# shellcheck source=.ci/need-packages.sh
. .ci/need-packages.sh
need_packages --with-recommends wine wine64 gcc-mingw-w64-x86-64 xvfb imagemagick

work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
display=:94
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
wineboot -i >/dev/null 2>&1
# The test-only stand-in for Windows' bcryptprimitives.dll (see the C file).
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" \
  packaging/wine/processprng-shim.c -Wl,--kill-at
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

echo "== kizuki.exe --version"
version=$(wine "$exe" --version 2>/dev/null | tr -d '\r')
echo "$version"
[[ "$version" == kizuki* ]]

echo "== the CLI: sample, then PDF and XLSX, against the Linux build's"
cd "$work"
wine "$exe" sample --out win.kizuki.ron --lang ja >/dev/null 2>&1
"$linux" sample --out linux.kizuki.ron --lang ja >/dev/null
cmp <(tr -d '\r' < win.kizuki.ron) linux.kizuki.ron
for format in pdf xlsx; do
  wine "$exe" export win.kizuki.ron --format "$format" --out "win.$format" --lang ja >/dev/null 2>&1
  "$linux" export linux.kizuki.ron --format "$format" --out "linux.$format" --lang ja >/dev/null
done
cmp win.pdf linux.pdf
echo "pdf: identical ($(stat -c %s win.pdf) bytes)"
# An .xlsx is a zip whose headers name the system that wrote it (FAT on Windows, Unix here), so
# the two files differ in those bytes alone: compare every member's name, size, CRC and date.
members() { unzip -lv "$1" | tail -n +2; }
cmp <(members win.xlsx) <(members linux.xlsx)
[ "$(stat -c %s win.xlsx)" = "$(stat -c %s linux.xlsx)" ]
echo "xlsx: same members, sizes and CRCs ($(stat -c %s win.xlsx) bytes; only the zip's host byte differs)"

echo "== the machine policy, from the registry as group policy writes it"
policy_key='HKLM\SOFTWARE\Policies\Kizuki'
wine reg add "$policy_key" /v PhoneVoting /t REG_DWORD /d 0 /f >/dev/null 2>&1
said=$(wine "$exe" policy --lang en 2>/dev/null | tr -d '\r')
echo "$said"
grep -q 'Phone voting: turned off' <<<"$said"
grep -q 'HKEY_LOCAL_MACHINE' <<<"$said"
# Refused before it listens (and it would listen on the loopback only).
if wine "$exe" vote win.kizuki.ron --team x --item 1 --bind 127.0.0.1:0 --lang en >/dev/null 2>&1; then
  echo "voting started against the policy" >&2
  exit 1
fi
wine reg add "$policy_key" /v PhoneVoting /t REG_DWORD /d 1 /f >/dev/null 2>&1
wine reg add "$policy_key" /v VotePort /t REG_DWORD /d 8766 /f >/dev/null 2>&1
said=$(wine "$exe" policy --lang en 2>/dev/null | tr -d '\r')
grep -q 'Phone voting: allowed' <<<"$said" && grep -q '8766' <<<"$said"
wine reg delete "$policy_key" /f >/dev/null 2>&1
said=$(wine "$exe" policy --lang en 2>/dev/null | tr -d '\r')
grep -q 'No administrator setting' <<<"$said"
echo "policy: off, then a fixed port, then none"

echo "== the MSIs: silent install and uninstall, as Intune runs them"
for msi in "${msis[@]}"; do
  [ -f "$msi" ] || { echo "no $msi (run packaging/windows.sh first)" >&2; exit 1; }
  case $msi in
    *-user.msi) dir="$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/Kizuki"; root=HKCU ;;
    *) dir="$WINEPREFIX/drive_c/Program Files/Kizuki"; root=HKLM ;;
  esac
  wine msiexec /i "$msi" /qn >/dev/null 2>&1
  [ -f "$dir/kizuki.exe" ] && [ -f "$dir/THIRD-PARTY-NOTICES.txt" ] || { echo "$msi: not installed in $dir" >&2; exit 1; }
  [ "$(wine "$dir/kizuki.exe" --version 2>/dev/null | tr -d '\r')" = "$(wine "$exe" --version 2>/dev/null | tr -d '\r')" ]
  wine reg query "$root\\Software\\Classes\\Kizuki.Project\\shell\\open\\command" >/dev/null 2>&1 \
    || { echo "$msi: no association under $root" >&2; exit 1; }
  wine msiexec /x "$msi" /qn >/dev/null 2>&1
  [ ! -e "$dir/kizuki.exe" ] || { echo "$msi: kizuki.exe left after uninstall" >&2; exit 1; }
  if wine reg query "$root\\Software\\Classes\\Kizuki.Project" >/dev/null 2>&1; then
    echo "$msi: association left after uninstall" >&2
    exit 1
  fi
  echo "$(basename "$msi"): installed silently in $dir, uninstalled cleanly"
done

echo "== the window"
KIZUKI_DATA_DIR='C:\kizuki-data' RUST_LOG=kizuki=debug \
  wine "$exe" win.kizuki.ron --lang ja >/dev/null 2>"$work/window.log" &
app=$!
sleep 25
# Idle: the CPU time the program takes in 15 s untouched, and the frames it says it painted
# (PaintMeter logs every ten seconds while frames are painted; an idle window paints none).
pid=$(pgrep -f 'kizuki.exe win.kizuki.ron' | head -n 1 || true)
if [ -n "$pid" ]; then
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  before=$(ticks)
  sleep 15
  after=$(ticks)
  echo "idle: $(( (after - before) * 100 / $(getconf CLK_TCK) / 15 )) % of a core over 15 s"
  grep 'painted' "$work/window.log" | tail -n 3 || echo "idle: no frames painted after the first"
fi
shot="${KIZUKI_WINE_SCREENSHOT:-$work/window.png}"
import -window root "$shot"
kill "$app" 2>/dev/null || true
wineserver -k 2>/dev/null || true
colours=$(convert "$shot" -format %k info:)
echo "screenshot: $shot ($colours colours)"
[ "$colours" -gt 50 ]
echo "Wine smoke test passed"
