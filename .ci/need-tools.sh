# Sourced by the scripts that need cargo tools (the licence gate, notices, SBOMs):
#   need_cargo_tool NAME VERSION [cargo install options…]
# installs NAME at exactly VERSION from crates.io, with its own Cargo.lock, into a folder kept
# outside the clone (KIZUKI_TOOLS), so that a second run finds it and a new machine builds it once.
export KIZUKI_TOOLS="${KIZUKI_TOOLS:-/var/tmp/kizuki-tools}"
export PATH="$KIZUKI_TOOLS/bin:$PATH"
need_cargo_tool() {
  local name=$1 version=$2
  shift 2
  if ! "$KIZUKI_TOOLS/bin/$name" --version 2>/dev/null | grep -qF "$version"; then
    cargo install --quiet --locked --root "$KIZUKI_TOOLS" "$name" --version "$version" "$@"
  fi
}
