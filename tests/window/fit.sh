#!/usr/bin/env bash
# The window's first size on the small screens city halls use: in Xvfb at 1280×800 and 1366×768,
# with a window manager (openbox) that has a panel's worth of the screen reserved, as a taskbar
# does, Kizuki's window must lie within the work area, so that its status line is in view.
#
# usage (as CI runs it): tests/window/fit.sh path/to/kizuki
set -euo pipefail
bin=$(readlink -f "$1")

# shellcheck source=.ci/need-packages.sh
. "$(dirname "$0")/../../.ci/need-packages.sh"
need_packages xvfb openbox xdotool x11-utils

work=$(mktemp -d)
cleanup() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# openbox keeps this much of the screen's bottom for a taskbar (its <margins>).
taskbar=40
mkdir -p "$work/openbox"
cat > "$work/openbox/rc.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <margins><top>0</top><bottom>$taskbar</bottom><left>0</left><right>0</right></margins>
</openbox_config>
XML

for size in 1280x800 1366x768; do
  width=${size%x*} height=${size#*x}
  display=:$((80 + RANDOM % 9))
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  DISPLAY=$display openbox --config-file "$work/openbox/rc.xml" >/dev/null 2>&1 &
  wm=$!
  sleep 1
  rm -rf "$work/data"
  DISPLAY=$display KIZUKI_DATA_DIR="$work/data" LANG=C.UTF-8 "$bin" --lang ja >/dev/null 2>&1 &
  app=$!
  window=$(DISPLAY=$display timeout 30 xdotool search --sync --onlyvisible --class kizuki | head -n 1)
  # The first frame sizes the window: give it a moment.
  sleep 3
  geometry=$(DISPLAY=$display xwininfo -id "$window" -frame)
  x=$(awk '/Absolute upper-left X/ {print $NF}' <<<"$geometry")
  y=$(awk '/Absolute upper-left Y/ {print $NF}' <<<"$geometry")
  w=$(awk '/Width:/ {print $NF}' <<<"$geometry")
  h=$(awk '/Height:/ {print $NF}' <<<"$geometry")
  echo "$size: window at $x,$y, $w×$h (work area ${width}×$((height - taskbar)))"
  kill "$app" "$wm" "$xvfb" 2>/dev/null || true
  wait "$app" "$wm" "$xvfb" 2>/dev/null || true
  if [ $((x + w)) -gt "$width" ] || [ $((y + h)) -gt $((height - taskbar)) ] || [ "$x" -lt 0 ] || [ "$y" -lt 0 ]; then
    echo "the window does not fit the work area at $size: its status line would be hidden" >&2
    exit 1
  fi
done
echo "the window fits the work area at 1280×800 and 1366×768"
