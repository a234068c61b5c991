#!/usr/bin/env bash
# A screen reader's view of the window: Kizuki is started in Xvfb with the accessibility bus on
# (as Orca turns it on), and the accessible tree AccessKit publishes over AT-SPI is read with
# pyatspi, the library screen readers on Linux use. Every control of the walk must be there with
# a name and a role (tests/a11y/tree.py says which).
#
# usage (as CI runs it): tests/a11y/at-spi.sh path/to/kizuki
set -euo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=.ci/need-packages.sh
. "$(dirname "$0")/../../.ci/need-packages.sh"
need_packages at-spi2-core python3-pyatspi dbus-x11 xvfb

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export KIZUKI_DATA_DIR="$work/data"
"$bin" sample --out "$work/sample.kizuki.ron" --lang ja >/dev/null

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# Run Python from the system (pyatspi is Debian's), not a virtual environment or pyenv.
export DISPLAY=$display LANG=C.UTF-8 NO_AT_BRIDGE=0 GTK_A11Y=atspi
dbus-run-session -- bash -ec '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 1
  # What a screen reader sets when it starts: applications then publish their trees.
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled variant:boolean:true >/dev/null
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:ScreenReaderEnabled variant:boolean:true >/dev/null
  "'"$bin"'" "'"$work"'/sample.kizuki.ron" --lang ja &
  app=$!
  status=0
  /usr/bin/python3 "'"$here"'/tree.py" || status=$?
  # Closed before its display goes: a window whose X server vanishes panics in winit.
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  exit "$status"
'
