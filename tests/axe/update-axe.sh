#!/usr/bin/env bash
# Brings axe-core (the accessibility checker tests/browser.rs runs on the phone's page) to the
# version in package.json, from the npm registry this machine's npm is set up with. The test uses
# the copy kept here, so that `cargo test` needs no network and no Node.js.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund
cp node_modules/axe-core/axe.min.js axe.min.js
cp node_modules/axe-core/LICENSE LICENSE-axe-core.txt
rm -rf node_modules
echo "axe-core $(node -p "require('./package-lock.json').packages['node_modules/axe-core'].version") copied"
