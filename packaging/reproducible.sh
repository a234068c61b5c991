#!/usr/bin/env bash
# Checks that builds are reproducible: the committed HEAD is cloned into two folders of different
# names and packaged in each; kizuki (Linux), the .deb and, with --windows, kizuki.exe, the zip,
# the installer and the MSIs must be byte-identical. Two builds take ~25 minutes here (~50 with
# --windows), too slow for CI: run it before a release and note the date in the README.
#
# usage: packaging/reproducible.sh [--windows]
set -euo pipefail
cd "$(dirname "$0")/.."
windows=false
[ "${1:-}" = "--windows" ] && windows=true
work=$(mktemp -d /var/tmp/kizuki-repro.XXXX)
trap 'rm -rf "$work"' EXIT
# One commit for both: a commit made while the first builds must not end up in the second.
commit=$(git rev-parse HEAD)
for n in a bb; do
  git clone -q --no-local . "$work/$n-clone"
  git -C "$work/$n-clone" checkout -q --detach "$commit"
  (
    cd "$work/$n-clone"
    # Each build from nothing, in its own folder: nothing shared that could hide a difference.
    export CARGO_TARGET_DIR="$work/$n-clone/target"
    packaging/deb.sh >/dev/null
    if $windows; then packaging/windows.sh >/dev/null; fi
  )
done
status=0
compare() {
  if cmp -s "$work/a-clone/$1" "$work/bb-clone/$1"; then
    echo "identical: $1"
  else
    echo "DIFFERENT: $1"
    status=1
  fi
}
compare target/release/kizuki
for f in $(cd "$work/a-clone/dist" && find . -type f ! -name 'SHA256SUMS' | sort); do
  compare "dist/${f#./}"
done
exit $status
