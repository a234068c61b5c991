# Sourced by packaging/windows.sh and tests/msi/check.sh:
#   build_msis STAGE VERSION OUT_DIR
# writes OUT_DIR/kizuki-VERSION-x64.msi (per machine, what Intune and group policy deploy) and
# OUT_DIR/kizuki-VERSION-x64-user.msi (per user, no administrator rights) from the staged folder,
# with wixl (Debian's msitools), which resolves the sources relative to the .wxs file.
build_msis() {
  local stage=$1 version=$2 out=$3 scope suffix
  cp packaging/windows/kizuki.wxs "$stage/kizuki.wxs"
  for scope in perMachine perUser; do
    suffix=""
    [ "$scope" = perUser ] && suffix="-user"
    (cd "$stage" && wixl -a x64 -D Version="$version" -D Stage=. -D Scope="$scope" \
      -o "$out/kizuki-$version-x64$suffix.msi" kizuki.wxs)
  done
  rm "$stage/kizuki.wxs"
}
