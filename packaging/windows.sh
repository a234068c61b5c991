#!/usr/bin/env bash
# Builds Kizuki for Windows on this Linux machine and packs it: dist/kizuki-<version>-setup.exe
# (a per-user installer, no administrator rights) and dist/kizuki-<version>-windows-x64.zip
# (portable). rustup cannot fetch another target's standard library here, but Debian ships its
# source: rustc/cargo from rustc-web build it with -Zbuild-std for x86_64-pc-windows-gnu, linked
# by mingw-w64. The result needs only Windows' own DLLs.
#
# usage: packaging/windows.sh [--check]     (--check: type-check only, as CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/dist-common.sh
. packaging/dist-common.sh
# shellcheck source=packaging/msi.sh
. packaging/msi.sh

# shellcheck source=.ci/need-packages.sh
. .ci/need-packages.sh
need_packages rustc-web cargo-web rust-web-src libstd-rust-web-dev gcc-mingw-w64-x86-64 \
  binutils-mingw-w64-x86-64 nsis zip wixl

# Debian's toolchain, for this build only (rustup's stays the default elsewhere).
export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/windows}"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_AR=x86_64-w64-mingw32-ar
target=x86_64-pc-windows-gnu
build_std=(-Zbuild-std=std,panic_abort --target "$target")

if [ "${1:-}" = "--check" ]; then
  cargo check --locked "${build_std[@]}" --bins --lib
  exit 0
fi
# Only for the real build: the remapped paths would make every CI clone a cold check.
reproducible

# The notices the zip and the installer ship (and the SBOMs), current with Cargo.lock; with
# rustup's toolchain, which the tools were built with.
PATH="${PATH#/usr/bin:}" packaging/notices.sh
cargo build --release --locked "${build_std[@]}" --bin kizuki
exe="$CARGO_TARGET_DIR/$target/release/kizuki.exe"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

stage=dist/windows/Kizuki
rm -rf dist/windows && mkdir -p "$stage"
cp "$exe" "$stage/kizuki.exe"
cp icons/kizuki.ico "$stage/"
cp LICENSE-MIT "$stage/LICENSE-MIT.txt"
cp LICENSE-APACHE "$stage/LICENSE-APACHE.txt"
cp assets/fonts/OFL.txt "$stage/OFL.txt"
sed 's/$/\r/' packaging/notices/windows.txt > "$stage/THIRD-PARTY-NOTICES.txt"
# A short read-me in Windows' line endings, for whoever opens the zip.
sed 's/$/\r/' packaging/windows/README.txt > "$stage/README.txt"

makensis -V2 -DVERSION="$version" -DSTAGE="$PWD/$stage" \
  -DOUT="$PWD/dist/kizuki-$version-setup.exe" packaging/windows/kizuki.nsi
rm -f "dist/kizuki-$version-windows-x64.zip"
reproducible_zip dist/windows/Kizuki "$PWD/dist/kizuki-$version-windows-x64.zip"
# MSIs for managed deployment (Intune, group policy): per machine, and per user.
build_msis "$stage" "$version" "$PWD/dist"
# The sheet for IT, when a Linux build is at hand to write it (packaging/deb.sh always writes it).
[ -x target/release/kizuki ] && it_sheets target/release/kizuki
# What IT compares a download against: `certutil -hashfile FILE SHA256` on Windows.
dist_sums

echo "dist/kizuki-$version-setup.exe"
echo "dist/kizuki-$version-windows-x64.zip"
echo "dist/kizuki-$version-x64.msi, dist/kizuki-$version-x64-user.msi"
echo "dist/SHA256SUMS"
ls -l "$stage/kizuki.exe"
