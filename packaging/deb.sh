#!/usr/bin/env bash
# Builds dist/kizuki_<version>_amd64.deb: the binary, a desktop entry, the MIME type for
# *.kizuki.ron (so file managers open it with Kizuki), the icons in hicolor, a man page and
# bash/zsh/fish completions generated from the command line's own definition.
#
# usage: packaging/deb.sh [--install-test]   (--install-test: then install it on a clean Debian
#        made by debootstrap in a chroot, check the entries are in place, and run `kizuki sample`
#        and an export there as an ordinary user; needs root and the Debian mirror)
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
  # A clean Debian (debootstrap's minbase of this machine's release) in a chroot, not this
  # build machine, where the build's own packages could hide a missing dependency.
  command -v debootstrap >/dev/null || \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  root=$(mktemp -d /var/tmp/kizuki-clean-debian.XXXXXX)
  chmod 755 "$root"
  trap 'rm -rf --one-file-system "$root"' EXIT
  release=$(. /etc/os-release && echo "$VERSION_CODENAME")
  debootstrap --variant=minbase "$release" "$root" http://deb.debian.org/debian >/dev/null
  cp "$deb" "$root/tmp/"
  in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
  in_root apt-get update -qq
  # As `apt install ./kizuki_….deb` on a desktop, where the MIME database and the desktop
  # entry tools are already installed: their triggers register Kizuki's type and entry.
  in_root apt-get install -y -qq shared-mime-info desktop-file-utils >/dev/null
  in_root apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null
  test -x "$root/usr/bin/kizuki"
  test -f "$root/usr/share/applications/jp.kizuki.Kizuki.desktop"
  grep -q "application/x-kizuki-project" "$root/usr/share/applications/mimeinfo.cache"
  test -f "$root/usr/share/mime/packages/kizuki.xml"
  grep -q "application/x-kizuki-project:\*.kizuki.ron" "$root/usr/share/mime/globs2"
  for size in 16x16 32x32 48x48 256x256 512x512; do
    test -f "$root/usr/share/icons/hicolor/$size/apps/kizuki.png"
  done
  test -f "$root/usr/share/icons/hicolor/scalable/apps/kizuki.svg"
  test -f "$root/usr/share/man/man1/kizuki.1.gz"
  test -f "$root/usr/share/bash-completion/completions/kizuki"
  # As an ordinary user: the sample, checked, and exported with the bundled font.
  chroot --userspec=65534:65534 "$root" env HOME=/tmp LANG=ja_JP.UTF-8 sh -ec '
    mkdir /tmp/user && cd /tmp/user
    kizuki sample --out s.kizuki.ron --lang ja
    kizuki validate s.kizuki.ron --lang ja
    kizuki export s.kizuki.ron --format pdf --lang ja
    test -s s.pdf'
  echo "installed on a clean Debian $release, ran kizuki sample as a user: $deb"
fi
