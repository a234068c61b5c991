#!/usr/bin/env bash
# End to end through a real Japanese input method: fcitx5 + mozc over XIM, in Xvfb, typing
# にほんご → 日本語 into the project's title, confirming with Enter, saving with Ctrl+S, and
# checking that the file holds exactly 日本語 (the confirming Enter did not leak).
#
# usage (as root, as CI runs it): tests/ime/real-ime.sh path/to/kizuki
#
# mozc_server refuses to run as root, and fcitx5 run as root then waits for it forever (every XIM
# client, xterm included, blocks in XOpenIM): so the test runs as an unprivileged user, with a
# D-Bus session of its own. There is no window manager: the window is focused explicitly.
set -euo pipefail
bin=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=.ci/need-packages.sh
. "$(dirname "$0")/../../.ci/need-packages.sh"
need_packages fcitx5 fcitx5-mozc dbus-x11 xvfb xdotool x11-utils

user=kizuki-ime
id -u "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
work=$(mktemp -d)
chmod 755 "$work"
chown "$user" "$work"
# The binary may sit in a root-owned build folder: give the user a copy.
cp "$bin" "$work/kizuki"
chmod 755 "$work/kizuki"
home=$(getent passwd "$user" | cut -d: -f6)
runuser -u "$user" -- env -i HOME="$home" USER="$user" PATH=/usr/bin:/bin \
  bash "$here/inside.sh" "$work"
