#!/usr/bin/env bash
# Where the presenter window appears, in a real window on real monitors: X.Org's dummy driver
# gives two outputs side by side (a 1280×800 laptop screen and a 1920×1080 projector extending the
# desktop to the right), which Xvfb cannot (its Xinerama heads all start at 0,0). F11 in the
# main window must open the presenter full screen on the projector; F11 again closes it. With the
# projector unplugged, it must fill the laptop's screen instead, never open off-screen.
#
# usage (as CI runs it, as root: X.Org with a config file of its own): tests/window/presenter.sh path/to/kizuki
set -euo pipefail
bin=$(readlink -f "$1")

# shellcheck source=.ci/need-packages.sh
. "$(dirname "$0")/../../.ci/need-packages.sh"
need_packages xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils openbox xdotool x11-utils

work=$(mktemp -d)
cleanup() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cat > "$work/xorg.conf" <<'CONF'
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 4096 2160
  EndSubSection
EndSection
Section "ServerFlags"
  Option "AutoAddDevices" "false"
  Option "DontVTSwitch" "true"
EndSection
CONF

display=:$((90 + RANDOM % 9))
# The server's built-in fonts only: CI installs without recommends, so no xfonts-base.
export DISPLAY=$display
Xorg "$display" -config "$work/xorg.conf" -noreset -nolisten tcp -novtswitch -sharevts -fp built-ins \
  -logfile "$work/xorg.log" >/dev/null 2>&1 &
for _ in $(seq 100); do xrandr >/dev/null 2>&1 && break; sleep 0.1; done
xrandr >/dev/null || { echo "X.Org with the dummy driver did not start:" >&2; tail -20 "$work/xorg.log" >&2; exit 1; }
openbox >/dev/null 2>&1 &
sleep 1

# The presenter's frame: "x y width height", or nothing while it is not open.
presenter_geometry() {
  local id
  id=$(xdotool search --onlyvisible --class kizuki-presenter 2>/dev/null | head -n 1) || true
  [ -n "$id" ] || return 0
  xwininfo -id "$id" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF}
    /Width:/ {w=$NF} /Height:/ {h=$NF} END {print x, y, w, h}'
}

# Starts Kizuki ($app, its window $main), presses F11 and reads where the presenter went into
# x, y, w, h (empty when it did not open).
open_presenter() {
  rm -rf "$work/data"
  KIZUKI_DATA_DIR="$work/data" LANG=C.UTF-8 "$bin" --lang ja >/dev/null 2>&1 &
  app=$!
  main=$(timeout 30 xdotool search --sync --onlyvisible --class kizuki | head -n 1)
  sleep 2
  xdotool windowactivate --sync "$main" key F11
  for _ in $(seq 100); do
    geometry=$(presenter_geometry)
    # Full screen takes the window manager a moment after the window maps.
    [ -n "$geometry" ] && sleep 1 && geometry=$(presenter_geometry) && break
    sleep 0.1
  done
  read -r x y w h <<<"$geometry" || true
}

fail() { echo "$*" >&2; exit 1; }

# Opens the presenter (see open_presenter) and fails unless it lies at "$1" (x y w h).
expect_presenter_at() {
  local want=$1 screens=$2
  open_presenter
  echo "$screens: presenter at ${x:-?},${y:-?}, ${w:-?}×${h:-?}"
  [ -n "${x:-}" ] || fail "F11 did not open the presenter window ($screens)"
  [ "$x $y $w $h" = "$want" ] || fail "$screens: the presenter should fill $want, not $x $y $w $h"
}

# 1. A projector to the right of the laptop's screen.
xrandr --output DUMMY0 --mode 1280x800
xrandr --addmode DUMMY1 1920x1080
xrandr --output DUMMY1 --mode 1920x1080 --right-of DUMMY0
sleep 1
expect_presenter_at "1280 0 1920 1080" "two monitors"
# F11 in the main window closes it again.
xdotool windowactivate --sync "$main" key F11
for _ in $(seq 50); do [ -z "$(presenter_geometry)" ] && break; sleep 0.1; done
[ -z "$(presenter_geometry)" ] || fail "F11 again did not close the presenter window"
kill "$app"; wait "$app" 2>/dev/null || true

# 2. The projector unplugged: the laptop's screen only.
xrandr --output DUMMY1 --off
sleep 1
expect_presenter_at "0 0 1280 800" "one monitor"
kill "$app"; wait "$app" 2>/dev/null || true
echo "the presenter opens full screen on the projector, or on the only screen"
