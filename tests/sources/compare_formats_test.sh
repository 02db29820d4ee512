#!/usr/bin/env bash
# compare's validation table in other formats (issue #16): GeoPackage and
# GeoJSON by extension or --of, read back with ogr2ogr, the same rows as the
# CSV; the report lists the output; FlatGeobuf (no geometry to write) and an
# unknown format are one clear error line, and nothing is written.
#   compare_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

common=(compare --reference "$data/compare_reference.csv" --id id --columns pop,foreign
        --estimate "$data/compare_crosswalk.csv" --estimate-name crosswalk
        --second "$data/compare_records.csv" --second-name records --second-suffix _sum
        --parents "$data/compare_parents.csv" --parent-digits 2 --quiet)
"$regio" "${common[@]}" -o "$work/expected.csv" --report "$work/csv.json"
# The attributes as CSV lines without GDAL's quotes.
attributes() { ogr2ogr -f CSV /vsistdout/ "$@" | tr -d '\r"'; }
if grep -q '"outputs"' "$work/csv.json"; then fail "the report of a CSV table changed: it lists outputs"; fi

for ext in gpkg geojson; do
  "$regio" "${common[@]}" -o "$work/out/validation.$ext" --report "$work/$ext.json"
  attributes "$work/out/validation.$ext" >"$work/$ext.csv"
  same_file "$ext validation table read back" "$work/expected.csv" "$work/$ext.csv"
  # A GeoPackage says so (a GeoJSON layer's geometry type is always open).
  if [ "$ext" = gpkg ]; then
    grep -q "Geometry: None" <<<"$(ogrinfo -ro -so "$work/out/validation.$ext" validation)" || fail "$ext: the table has a geometry"
  fi
  grep -q "\"format\": \"$ext\"" "$work/$ext.json" || fail "$ext: the report does not record the format"
  grep -q '"rows": 4' "$work/$ext.json" || fail "$ext: the report does not record the 4 rows"
  # Re-runs give the same bytes (GeoJSON; a GeoPackage carries a timestamp).
  if [ "$ext" = geojson ]; then
    cp "$work/out/validation.$ext" "$work/first.$ext"
    "$regio" "${common[@]}" -o "$work/out/validation.$ext" --overwrite
    cmp -s "$work/first.$ext" "$work/out/validation.$ext" || fail "$ext: a re-run differs"
  fi
done
"$regio" "${common[@]}" -o "$work/out/validation.json" --of geojson --output-layer checks_2021
attributes "$work/out/validation.json" >"$work/of.csv"
grep -q '"name": "checks_2021"' "$work/out/validation.json" || fail "--output-layer did not name the layer"
same_file "--of geojson --output-layer" "$work/expected.csv" "$work/of.csv"

run_failing fgb "${common[@]}" -o "$work/out/v.fgb"
one_line_error "FlatGeobuf" "$work/fgb.err" $rc 2 "no geometry, which FlatGeobuf needs"
[ ! -e "$work/out/v.fgb" ] || fail "FlatGeobuf: a file was written"
run_failing unknown "${common[@]}" -o "$work/out/v.xlsx"
one_line_error "unknown extension" "$work/unknown.err" $rc 2 "unknown format 'xlsx'"
run_failing exists "${common[@]}" -o "$work/out/validation.gpkg"
one_line_error "existing GeoPackage" "$work/exists.err" $rc 2 "exists"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"
finish
