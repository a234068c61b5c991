#!/usr/bin/env bash
# The MSIs' tables, read back with msitools: built from a staged folder of stand-in files (the
# real kizuki.exe needs the Windows build, which CI only type-checks), they must install every file
# with the notices, a Start menu shortcut, the .ron association under the scope's own registry
# root (HKLM per machine, HKCU per user), and replace an older version (MajorUpgrade).
# Silent install and uninstall under Wine: packaging/wine-smoke.sh, with the real build.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=.ci/need-packages.sh
. .ci/need-packages.sh
need_packages wixl msitools
# shellcheck source=packaging/msi.sh
. packaging/msi.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/stage"
for f in kizuki.exe README.txt LICENSE-MIT.txt LICENSE-APACHE.txt OFL.txt THIRD-PARTY-NOTICES.txt; do
  echo "stand-in for $f" > "$work/stage/$f"
done
cp icons/kizuki.ico "$work/stage/"
build_msis "$work/stage" 9.8.7 "$work"

fail() { echo "MSI check: $*" >&2; exit 1; }
table() { msiinfo export "$1" "$2" | tail -n +4; }
for msi in "$work/kizuki-9.8.7-x64.msi" "$work/kizuki-9.8.7-x64-user.msi"; do
  name=$(basename "$msi")
  files=$(table "$msi" File | cut -f3)
  for f in kizuki.exe THIRD-PARTY-NOTICES.txt LICENSE-MIT.txt LICENSE-APACHE.txt OFL.txt README.txt; do
    grep -qx "$f" <<<"$files" || fail "$name lacks $f"
  done
  table "$msi" Shortcut | grep -q 'Kizuki' || fail "$name has no Start menu shortcut"
  table "$msi" Property | grep -qP '^ProductVersion\t9\.8\.7' || fail "$name has the wrong version"
  table "$msi" Upgrade | grep -q 'WIX_UPGRADE_DETECTED' || fail "$name does not replace an older version"
  table "$msi" InstallExecuteSequence | grep -q RemoveExistingProducts || fail "$name keeps older versions"
  association=$(table "$msi" Registry | grep 'Kizuki.Project' | cut -f2 | sort -u)
  case $name in
    *-user.msi)
      [ "$association" = 1 ] || fail "$name: the association is not the user's (HKCU): $association"
      table "$msi" Property | grep -q '^ALLUSERS' && fail "$name installs for all users"
      table "$msi" Directory | grep -qP '^UserPrograms\tLocalAppDataFolder' || fail "$name is not in %LOCALAPPDATA%\\Programs" ;;
    *)
      [ "$association" = 2 ] || fail "$name: the association is not the machine's (HKLM): $association"
      table "$msi" Property | grep -qP '^ALLUSERS\t1' || fail "$name does not install for all users"
      table "$msi" Directory | grep -qP '^INSTALLDIR\tProgramFiles64Folder' || fail "$name is not in Program Files" ;;
  esac
  echo "$name: ok"
done
