# Sourced by the packaging scripts: what every dist/ holds besides the packages.
#   it_sheets KIZUKI   the sheet for the IT department, Japanese and English, Markdown and PDF,
#                      written by a Kizuki binary that runs here
#   dist_sums          dist/SHA256SUMS over every file in dist/ (`sha256sum -c SHA256SUMS`;
#                      `certutil -hashfile FILE SHA256` on Windows)
#   reproducible      the same commit built in another folder gives the same bytes: timestamps
#                     from the commit (SOURCE_DATE_EPOCH: cargo-deb, the PDFs, the SBOMs), and the
#                     clone's and cargo's paths left out of the binary (panic messages, debug info)
reproducible() {
  export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
  export RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$PWD=/kizuki --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
  export TZ=UTC
}

# A zip whose bytes depend on the files alone: sorted names, no extra attributes, every time the
# commit's.
reproducible_zip() {
  local folder=$1 out=$2
  (cd "$(dirname "$folder")" &&
    find "$(basename "$folder")" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} + &&
    find "$(basename "$folder")" -type f | LC_ALL=C sort | zip -q -X -D "$out" -@)
}

it_sheets() {
  local kizuki=$1 lang ext
  for lang in ja en; do
    for ext in md pdf; do
      "$kizuki" it-sheet --lang "$lang" --out "dist/kizuki-it-sheet-$lang.$ext" >/dev/null
    done
  done
}

dist_sums() {
  (cd dist && find . -maxdepth 3 -type f ! -name 'SHA256SUMS*' -printf '%P\n' | LC_ALL=C sort |
    xargs -d '\n' sha256sum > SHA256SUMS)
}
