#!/usr/bin/env bash
# crosswalk apply's table (no geometry) written as a GeoPackage attribute
# table, GeoJSON features without geometry and Parquet where GDAL has the
# driver, by extension or --of (issue #16): read back with ogr2ogr, the same
# rows and numbers as the CSV; FlatGeobuf (it cannot hold features without
# geometry) and an unknown --of are one clear usage error (exit 2).
#   crosswalk_apply_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

common=(crosswalk apply --crosswalk "$data/../cli/expected/xw_crosswalk_weights.csv" --data "$data/xw_data.csv" --id code
        --extensive count --intensive rate:pop --weight population --quiet)
"$regio" "${common[@]}" -o "$work/expected.csv"
# The attributes as CSV lines, sorted, without GDAL's quotes; reals as the
# CSV writes them (GDAL writes 620 of a Real field as 620.0).
attributes() { ogr2ogr -f CSV /vsistdout/ "$@" | tr -d '\r"' | sed -E 's/\.0(,|$)/\1/g; s/\.0(,|$)/\1/g' | sort; }
sort "$work/expected.csv" >"$work/expected.sorted"
rows=$(($(wc -l <"$work/expected.csv") - 1))

for ext in gpkg geojson; do
  "$regio" "${common[@]}" -o "$work/out/carried.$ext" --report "$work/$ext.json"
  attributes "$work/out/carried.$ext" >"$work/$ext.sorted"
  same_file "$ext output read back" "$work/expected.sorted" "$work/$ext.sorted"
  info=$(ogrinfo -ro -so "$work/out/carried.$ext" carried)
  grep -q "Feature Count: $rows" <<<"$info" || fail "$ext: not $rows features"
  if [ "$ext" = gpkg ]; then
    grep -q "Geometry: None" <<<"$info" || fail "gpkg: the layer has a geometry type: $info"
  else
    [ "$(grep -c '"geometry": null' "$work/out/carried.$ext")" -eq "$rows" ] || fail "geojson: not $rows null geometries"
  fi
  grep -q "\"format\": \"$ext\"" "$work/$ext.json" || fail "$ext: the report does not record the format"
  grep -q "\"rows\": $rows" "$work/$ext.json" || fail "$ext: the report does not record the rows"
done
# A GeoPackage table without geometry is an attribute table (QGIS opens it
# as a table), not a feature layer.
if command -v sqlite3 >/dev/null; then
  kind=$(sqlite3 "$work/out/carried.gpkg" "select data_type from gpkg_contents where table_name = 'carried'")
  [ "$kind" = attributes ] || fail "gpkg: data_type '$kind', expected attributes"
fi
# Re-runs give the same bytes.
for ext in gpkg geojson; do
  cp "$work/out/carried.$ext" "$work/first.$ext"
  "$regio" "${common[@]}" -o "$work/out/carried.$ext" --overwrite
  cmp -s "$work/first.$ext" "$work/out/carried.$ext" || fail "$ext: a re-run differs"
done

# --of instead of the extension, --output-layer names the layer.
"$regio" "${common[@]}" -o "$work/out/carried.dat" --of geojson
attributes "$work/out/carried.dat" >"$work/of.sorted"
same_file "--of geojson" "$work/expected.sorted" "$work/of.sorted"
"$regio" "${common[@]}" -o "$work/out/named.gpkg" --output-layer residents_2024
grep -q "residents_2024" <<<"$(ogrinfo -ro -q "$work/out/named.gpkg")" || fail "--output-layer did not name the GeoPackage layer"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"

run_failing unknown "${common[@]}" -o "$work/out/x.csv" --of xlsx
one_line_error "--of unknown" "$work/unknown.err" $rc 2 "unknown output format"
run_failing fgb "${common[@]}" -o "$work/out/x.fgb"
one_line_error "FlatGeobuf" "$work/fgb.err" $rc 2 "FlatGeobuf holds features with geometry"
run_failing fgb_of "${common[@]}" -o "$work/out/x.csv" --of fgb
one_line_error "--of fgb" "$work/fgb_of.err" $rc 2 "FlatGeobuf holds features with geometry"
if grep -qi '^ *Parquet' <<<"$(ogrinfo --formats)"; then
  "$regio" "${common[@]}" -o "$work/out/carried.parquet"
  attributes "$work/out/carried.parquet" >"$work/parquet.sorted"
  same_file "Parquet output read back" "$work/expected.sorted" "$work/parquet.sorted"
else
  run_failing parquet "${common[@]}" -o "$work/out/x.parquet"
  one_line_error "Parquet without the driver" "$work/parquet.err" $rc 1 "this GDAL has no Parquet driver"
fi
for f in x.csv x.fgb x.parquet; do [ ! -e "$work/out/$f" ] || fail "a refused run wrote $f"; done
finish
