#!/usr/bin/env bash
# The part of real-ime.sh that runs as the unprivileged user: Xvfb, a D-Bus session, fcitx5 with
# mozc, Kizuki, and the keys.
set -euo pipefail
work=$1
kizuki="$work/kizuki"

display=""
for n in $(seq 70 99); do
  if [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
cleanup() {
  kill "${app:-}" "${fcitx:-}" "$xvfb" 2>/dev/null || true
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

eval "$(dbus-launch --sh-syntax)"
export XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx QT_IM_MODULE=fcitx
export LANG=C.UTF-8 LC_CTYPE=C.UTF-8

# One group: the US keyboard, then mozc (Ctrl+Space or fcitx5-remote -o switches to it).
mkdir -p "$HOME/.config/fcitx5"
cat > "$HOME/.config/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=mozc

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=mozc
Layout=

[GroupOrder]
0=Default
PROFILE
fcitx5 --replace >"$work/fcitx5.log" 2>&1 &
fcitx=$!
ready=""
for _ in $(seq 100); do
  if fcitx5-remote >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.2
done
[ -n "$ready" ] || { echo "fcitx5 did not start"; cat "$work/fcitx5.log"; exit 1; }
sleep 1

"$kizuki" new --title "" --out "$work/p.kizuki.ron" --lang ja >/dev/null
KIZUKI_DATA_DIR="$work/data" "$kizuki" "$work/p.kizuki.ron" --lang ja >"$work/kizuki.log" 2>&1 &
app=$!
win=$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)
sleep 1
# Without a window manager nothing gives the window the keyboard: ask for it (a BadMatch while
# the window is still being mapped is retried).
for _ in 1 2 3 4 5; do
  xdotool windowfocus --sync "$win" 2>/dev/null && break
  sleep 0.5
done
sleep 1.5
# mozc_server starts on first use, and a key that arrives before fcitx5 has switched the field's
# input context to mozc goes in as romaji: CI once saved "nihongo ". So each attempt waits until
# fcitx5 names mozc as the field's input method, and a failed attempt (checked in the saved file)
# clears the field and tries again, at most three times. A broken IME path still fails all three.
saved_title() {
  sed -n 's/^ *title: "\(.*\)",$/\1/p' "$work/p.kizuki.ron" | head -n 1
}
title=""
for attempt in 1 2 3; do
  # The title field, at the top of the setup screen of a new project (1280×800).
  xdotool mousemove 660 131 click 1
  sleep 0.7
  if [ "$attempt" -gt 1 ]; then
    # Clear what the last attempt left, with the input method off so the keys reach the field.
    fcitx5-remote -c 2>/dev/null || true
    sleep 0.3
    xdotool key ctrl+a BackSpace
    sleep 0.3
  fi
  active=""
  for _ in $(seq 40); do
    if [ "$(fcitx5-remote 2>/dev/null)" = 2 ] && [ "$(fcitx5-remote -n 2>/dev/null)" = mozc ]; then
      active=1; break
    fi
    fcitx5-remote -o 2>/dev/null || true
    sleep 0.3
  done
  if [ -z "$active" ]; then
    xdotool key ctrl+space
    sleep 0.5
  fi
  # Give mozc_server its first start before the first key.
  sleep 1
  xdotool type --delay 120 nihongo
  sleep 0.7
  xdotool key space
  sleep 1
  xdotool key Return
  sleep 1
  xdotool key ctrl+s
  sleep 2
  title=$(saved_title)
  [ "$title" = "日本語" ] && break
  echo "real IME: attempt $attempt saved \"$title\"; trying again"
done

if [ "$title" = "日本語" ]; then
  echo "real IME: にほんご → 日本語 committed into the title and saved"
else
  echo "real IME test failed: the title is \"$title\", not \"日本語\""
  echo "--- kizuki.log"; tail -20 "$work/kizuki.log"
  echo "--- fcitx5.log"; tail -20 "$work/fcitx5.log"
  exit 1
fi
