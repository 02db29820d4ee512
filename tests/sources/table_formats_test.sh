#!/usr/bin/env bash
# Region tables written as GeoPackage, FlatGeobuf and GeoJSON, by extension
# or --of (issue #16): read back with ogr2ogr, the same numbers as the CSV
# route; unknown formats and a missing driver are one clear error line.
#   table_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

common=(--regions "$data/regions_abc.geojson" --id region_id --points "$data/points_edges.csv" --points-crs EPSG:3035
        --weight persons --by group --quiet)
"$regio" aggregate points "${common[@]}" -o "$work/expected.csv"
# The attributes as CSV lines, sorted (FlatGeobuf orders features by its
# spatial index), without GDAL's quotes.
attributes() { ogr2ogr -f CSV /vsistdout/ "$@" | tr -d '\r"' | sort; }
sort "$work/expected.csv" >"$work/expected.sorted"

for ext in gpkg fgb geojson; do
  "$regio" aggregate points "${common[@]}" -o "$work/out/counts.$ext" --report "$work/$ext.json"
  attributes "$work/out/counts.$ext" >"$work/$ext.sorted"
  same_file "$ext output read back" "$work/expected.sorted" "$work/$ext.sorted"
  grep -q "Feature Count: 5" <<<"$(ogrinfo -ro -so "$work/out/counts.$ext" counts)" || fail "$ext: not 5 features"
  grep -q 'ID\["EPSG",3035\]' <<<"$(ogrinfo -ro -so "$work/out/counts.$ext" counts)" || fail "$ext: the CRS is not EPSG:3035"
  grep -q "\"format\": \"$ext\"" "$work/$ext.json" || fail "$ext: the report does not record the format"
  grep -q '"rows": 5' "$work/$ext.json" || fail "$ext: the report does not record the rows"
done
# Re-runs give the same bytes.
for ext in fgb geojson; do
  cp "$work/out/counts.$ext" "$work/first.$ext"
  "$regio" aggregate points "${common[@]}" -o "$work/out/counts.$ext" --overwrite
  cmp -s "$work/first.$ext" "$work/out/counts.$ext" || fail "$ext: a re-run differs"
done

# --of instead of the extension, --output-layer names the layer.
"$regio" aggregate points "${common[@]}" -o "$work/out/counts.dat" --of geojson
attributes "$work/out/counts.dat" >"$work/of.sorted"
same_file "--of geojson" "$work/expected.sorted" "$work/of.sorted"
"$regio" aggregate points "${common[@]}" -o "$work/out/named.gpkg" --output-layer residents_2024
grep -q "residents_2024" <<<"$(ogrinfo -ro -q "$work/out/named.gpkg")" || fail "--output-layer did not name the GeoPackage layer"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"

run_failing unknown aggregate points "${common[@]}" -o "$work/out/x.csv" --of xlsx
one_line_error "--of unknown" "$work/unknown.err" $rc 2 "unknown output format"
grep -q "csv, gpkg, fgb, geojson, parquet" "$work/unknown.err" || fail "--of unknown: the choices are not named"
run_failing unknown_ext aggregate points "${common[@]}" -o "$work/out/x.xlsx"
one_line_error "unknown extension" "$work/unknown_ext.err" $rc 2 "unknown format 'xlsx'"
run_failing csv_layer aggregate points "${common[@]}" -o "$work/out/x.csv" --output-layer t
one_line_error "--output-layer on CSV" "$work/csv_layer.err" $rc 2 "not of a CSV file"
run_failing exists aggregate points "${common[@]}" -o "$work/out/counts.fgb"
one_line_error "existing FlatGeobuf" "$work/exists.err" $rc 2 "exists"
if grep -qi '^ *Parquet' <<<"$(ogrinfo --formats)"; then
  "$regio" aggregate points "${common[@]}" -o "$work/out/counts.parquet"
  attributes "$work/out/counts.parquet" >"$work/parquet.sorted"
  same_file "Parquet output read back" "$work/expected.sorted" "$work/parquet.sorted"
else
  run_failing parquet aggregate points "${common[@]}" -o "$work/out/x.parquet"
  one_line_error "Parquet without the driver" "$work/parquet.err" $rc 1 "this GDAL has no Parquet driver"
fi
[ ! -e "$work/out/x.csv" ] && [ ! -e "$work/out/x.parquet" ] || fail "a refused run wrote an output"
finish
