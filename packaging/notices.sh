#!/usr/bin/env bash
# What is in Kizuki, and under which licences: the licence and source gate (cargo-deny), the
# third-party notices every binary copy must carry (cargo-about) and a bill of materials per
# platform (cargo-cyclonedx, CycloneDX 1.5), each for exactly what that platform's build compiles
# in (`cargo tree -e normal,no-proc-macro --target …`: no build tools, no test-only crates).
#
# usage: packaging/notices.sh           rewrite packaging/notices/*.txt (the copies the window's
#                                       About shows; commit them) and write dist/THIRD-PARTY-NOTICES-*
#                                       and dist/kizuki-<version>-*.cdx.json
#        packaging/notices.sh --check   (CI) the gate, and that the committed notices are current
#                                       and the SBOMs list every component with version and licence
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/need-tools.sh
. .ci/need-tools.sh
need_cargo_tool cargo-deny 0.20.2
need_cargo_tool cargo-about 0.9.3 --features cli
need_cargo_tool cargo-cyclonedx 0.5.9

check=false
[ "${1:-}" = "--check" ] && check=true
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
# The commit's time, so that the same commit gives the same files (reproducible builds).
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

cargo fetch --locked --quiet
# Licences in deny.toml's list, crates from crates.io only. Offline: no advisory database.
cargo deny --offline --log-level error check licenses sources bans

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for platform in linux windows macos; do
  case $platform in
    linux) target=x86_64-unknown-linux-gnu ;;
    windows) target=x86_64-pc-windows-gnu ;;
    macos) target=aarch64-apple-darwin ;;
  esac
  cargo about generate --frozen --target "$target" -o "$work/notices-$platform.txt" \
    packaging/notices/notices.hbs 2>"$work/about.log" || { cat "$work/about.log" >&2; exit 1; }
  cargo tree --frozen --target "$target" -e normal,no-proc-macro --prefix none -f '{p}' > "$work/tree-$platform.txt"
  # cargo-cyclonedx writes beside Cargo.toml, under the name given.
  cargo cyclonedx --quiet --no-build-deps --spec-version 1.5 --target "$target" -f json \
    --override-filename "sbom-$platform.tmp"
  mv "sbom-$platform.tmp.json" "$work/sbom-$platform.json"
  python3 packaging/notices/sbom.py "$work/sbom-$platform.json" "$work/tree-$platform.txt" \
    "$work/notices-$platform.txt" > "$work/kizuki-$version-$platform-x64.cdx.json" || failed=1
  if $check; then
    if ! cmp -s "$work/notices-$platform.txt" "packaging/notices/$platform.txt"; then
      echo "packaging/notices/$platform.txt is out of date with Cargo.lock: run packaging/notices.sh and commit it" >&2
      failed=1
    fi
  else
    cp "$work/notices-$platform.txt" "packaging/notices/$platform.txt"
    if [ "$platform" != macos ]; then
      mkdir -p dist
      cp "$work/notices-$platform.txt" "dist/THIRD-PARTY-NOTICES-$platform.txt"
      cp "$work/kizuki-$version-$platform-x64.cdx.json" dist/
    fi
  fi
done
exit $failed
