#!/usr/bin/env bash
# Builds dist/kizuki_<version>_amd64.deb: the binary, a desktop entry, the MIME type for
# *.kizuki.ron (so file managers open it with Kizuki), the icons in hicolor, a man page and
# bash/zsh/fish completions generated from the command line's own definition.
#
# usage: packaging/deb.sh [--install-test]   (--install-test: then install it on a clean Debian
#        made by debootstrap in a chroot, check the entries are in place, and run `kizuki sample`
#        and an export there as an ordinary user; needs root, and fetches from the Debian mirror
#        and through the proxy that this machine's apt uses)
set -euo pipefail
cd "$(dirname "$0")/.."

# The archive of this machine's release, as its own apt sources name it (so whatever mirror or
# proxy the machine is set up with): the first URI of an enabled `deb` source whose suites include
# RELEASE itself (not RELEASE-security or -updates), in the order apt reads them: sources.list,
# then sources.list.d/ with one-line *.list and deb822 *.sources files. Prints nothing if none.
apt_mirror() {
  local release=$1 f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*; do
    [ -f "$f" ] || continue
    case "$f" in
      */sources.list | *.list)
        # deb [options] URI SUITE [COMPONENT...]
        awk -v rel="$release" '
          /^[[:space:]]*deb[[:space:]]/ {
            sub(/^[[:space:]]*deb[[:space:]]+/, "")
            sub(/^\[[^]]*\][[:space:]]*/, "")
            split($0, f, /[[:space:]]+/)
            if (f[2] == rel) print f[1]
          }' "$f" ;;
      *.sources)
        # Stanzas of `Field: value` lines, separated by blank lines; field names in any case; a
        # line starting with a space continues the field before it.
        awk -v rel="$release" '
          function words(s) { gsub(/[[:space:]]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
          function flush(  n, u, i) {
            if ((" " v["types"] " ") ~ / deb / && tolower(v["enabled"]) != "no" &&
                (" " v["suites"] " ") ~ (" " rel " ")) {
              n = split(v["uris"], u, " ")
              for (i = 1; i <= n; i++) print u[i]
            }
            delete v; key = ""
          }
          /^#/ { next }
          /^[[:space:]]*$/ { flush(); next }
          /^[[:space:]]/ { if (key != "") v[key] = v[key] " " words($0); next }
          {
            key = tolower($0); sub(/:.*/, "", key)
            val = $0; sub(/^[^:]*:/, "", val); v[key] = words(val)
          }
          END { flush() }' "$f" ;;
    esac
  done | grep -E -m 1 '^(https?|ftp)://|^file:/' || true
}

# shellcheck source=packaging/dist-common.sh
. packaging/dist-common.sh
reproducible
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
# The notices the package ships (and the SBOMs), current with Cargo.lock.
packaging/notices.sh
cargo build --release --locked --bin kizuki

assets=target/deb-assets
mkdir -p "$assets" dist
target/release/kizuki man | gzip -9n > "$assets/kizuki.1.gz"
target/release/kizuki completions bash > "$assets/kizuki.bash"
target/release/kizuki completions zsh > "$assets/_kizuki"
target/release/kizuki completions fish > "$assets/kizuki.fish"
# The sheet for IT with this version and port filled in.
for lang in ja en; do
  target/release/kizuki it-sheet --lang "$lang" --out "$assets/it-sheet.$lang.md" >/dev/null
done

command -v desktop-file-validate >/dev/null && \
  desktop-file-validate packaging/linux/jp.kizuki.Kizuki.desktop
cargo deb --no-build --output dist/
deb=$(ls -t dist/kizuki_*_amd64.deb | head -n 1)
it_sheets target/release/kizuki
# What IT compares a download against, with the Windows files when packaging/windows.sh ran too.
dist_sums
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
  mirror=$(apt_mirror "$release")
  if [ -z "$mirror" ]; then
    echo "deb.sh: no apt source of this machine names its release $release (a \`deb\` line in" \
      "/etc/apt/sources.list or sources.list.d/*.list, or a deb822 stanza with Suites: $release" \
      "in sources.list.d/*.sources): found no mirror to make the clean Debian from" >&2
    exit 1
  fi
  # apt's own proxy too, where the environment names none: debootstrap's wget and the chroot's
  # apt both read these variables (in_root passes the environment on).
  for scheme in http https; do
    var=${scheme}_proxy
    if [ -z "${!var:-}" ]; then
      eval "$(apt-config shell "$var" "Acquire::$scheme::Proxy")"
      case "${!var:-}" in "" | [Dd][Ii][Rr][Ee][Cc][Tt]) unset "$var" ;; *) export "${var?}" ;; esac
    fi
  done
  echo "making a clean Debian $release from $mirror"
  debootstrap --variant=minbase "$release" "$root" "$mirror" >/dev/null
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
