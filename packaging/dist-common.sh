# Sourced by the packaging scripts: what every dist/ holds besides the packages.
#   it_sheets KIZUKI   the sheet for the IT department, Japanese and English, Markdown and PDF,
#                      written by a Kizuki binary that runs here
#   dist_sums          dist/SHA256SUMS over every file in dist/ (`sha256sum -c SHA256SUMS`;
#                      `certutil -hashfile FILE SHA256` on Windows)
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
