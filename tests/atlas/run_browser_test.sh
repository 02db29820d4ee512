#!/usr/bin/env bash
# ctest: builds the atlases of the demo city (geodata/demo/pipeline.toml on
# freshly generated demo data), of the small test run of tests/data/atlas
# (a hostile region name, suppressed cells) and of Berlin when the checkout
# has geodata/berlin/pipeline.toml with an atlas step, and loads every page in
# headless chromium (browser_test.mjs). Skips (exit 77) when node or chromium
# is absent, unless REGIO_CI is set (.ci/run sets it): in CI it must run.
#   run_browser_test.sh REGIO_BINARY REGIO_MAKE_DEMO SOURCE_DIR WORK_DIR
set -euo pipefail
regio=$1 make_demo=$2 source=$3 work=$4
skip() { echo "browser test skipped: $*"; if [ -n "${REGIO_CI:-}" ]; then exit 1; fi; exit 77; }
command -v node >/dev/null || skip "node is not installed"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed (apt-get install chromium)"
export PUPPETEER_SKIP_DOWNLOAD=1 GDAL_PAM_ENABLED=NO
if [ ! -d "$source/tests/atlas/node_modules/puppeteer-core" ]; then
  (cd "$source/tests/atlas" && npm ci --no-audit --no-fund >/dev/null)
fi
rm -rf "$work" && mkdir -p "$work/shots"
"$make_demo" --out "$work/demo" >/dev/null
sed -e "s|\"geodata/demo/indicators.toml\"|\"$source/geodata/demo/indicators.toml\"|" \
    -e "s|\"geodata/demo/|\"$work/demo/|g" -e "s|\"styles/|\"$source/styles/|g" \
    "$source/geodata/demo/pipeline.toml" > "$work/demo.toml"
"$regio" run "$work/demo.toml" --out "$work/demo-out" --quiet
sed "s|DATA|$source/tests/data/atlas|g" "$source/tests/data/atlas/pipeline.toml" > "$work/test.toml"
"$regio" run "$work/test.toml" --out "$work/test-out" --quiet
sites=("$work/demo-out/atlas" "$work/test-out/atlas")
# Berlin's atlas, when the checkout has the Berlin main job (geodata/berlin)
# and it publishes an atlas: run from the checkout, as the README does.
if [ -f "$source/geodata/berlin/pipeline.toml" ] && grep -q 'run = "atlas"' "$source/geodata/berlin/pipeline.toml"; then
  # Its address records are generated (seeded) into the work directory.
  "$(dirname "$regio")/regio-make-berlin-records" --data "$source/geodata/berlin" --out "$work/berlin-records.csv" >/dev/null
  # Its inputs are named from the checkout's root (base), now a folder elsewhere.
  sed -e "s|\"geodata/berlin/addresses_2020.csv\"|\"$work/berlin-records.csv\"|" -e "s|^base = \"../..\"|base = \"$source\"|" \
    "$source/geodata/berlin/pipeline.toml" > "$work/berlin.toml"
  (cd "$source" && "$regio" run "$work/berlin.toml" --out "$work/berlin-out" --quiet)
  berlin_site=$(find "$work/berlin-out" -name index.html -path '*atlas*' | head -1)
  [ -n "$berlin_site" ] && sites+=("$(dirname "$berlin_site")")
fi
cd "$source/tests/atlas"
node browser_test.mjs --screenshots "$work/shots" "${sites[@]}"
