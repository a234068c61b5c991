#!/usr/bin/env bash
# Builds dist/kizuki_<version>_amd64.deb: the binary, a desktop entry, the MIME type for
# *.kizuki.ron (so file managers open it with Kizuki), the icons in hicolor, a man page and
# bash/zsh/fish completions generated from the command line's own definition.
#
# usage: packaging/deb.sh [--install-test]   (--install-test: install it in a clean Debian
#        container-less chroot is not available here, so it installs on this machine and runs
#        `kizuki sample` as a user would, then removes it)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
cargo build --release --locked --bin kizuki

assets=target/deb-assets
mkdir -p "$assets" dist
target/release/kizuki man | gzip -9n > "$assets/kizuki.1.gz"
target/release/kizuki completions bash > "$assets/kizuki.bash"
target/release/kizuki completions zsh > "$assets/_kizuki"
target/release/kizuki completions fish > "$assets/kizuki.fish"

command -v desktop-file-validate >/dev/null && \
  desktop-file-validate packaging/linux/jp.kizuki.Kizuki.desktop
cargo deb --no-build --output dist/
deb=$(ls -t dist/kizuki_*_amd64.deb | head -n 1)
echo "$deb"

if [ "${1:-}" = "--install-test" ]; then
  apt-get install -y -qq "./$deb" >/dev/null
  test -f /usr/share/applications/jp.kizuki.Kizuki.desktop
  test -f /usr/share/mime/packages/kizuki.xml
  test -f /usr/share/icons/hicolor/256x256/apps/kizuki.png
  grep -q "application/x-kizuki-project" /usr/share/mime/globs2
  man -w kizuki >/dev/null
  tmp=$(mktemp -d)
  (cd "$tmp" && kizuki sample --out s.kizuki.ron --lang ja && kizuki validate s.kizuki.ron)
  xdg-mime query filetype "$tmp/s.kizuki.ron" 2>/dev/null || true
  rm -rf "$tmp"
  apt-get remove -y -qq kizuki >/dev/null
  echo "installed, ran and removed: $deb"
fi
