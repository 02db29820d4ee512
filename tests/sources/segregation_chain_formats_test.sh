#!/usr/bin/env bash
# segregation's index table (-o, no geometry) and local table (--local, with
# the unit geometry where the units have one), and crosswalk chain's table
# (-o, no geometry), written as GeoPackage, GeoJSON, FlatGeobuf (--local with
# geometry only) and Parquet where GDAL has the driver, by extension or --of
# (issue #16): read back with ogr2ogr, the same rows and numbers as the CSV;
# FlatGeobuf for a table without geometry, an unknown --of and --local-layer
# for a CSV are one clear usage error (exit 2), and nothing is written then.
#   segregation_chain_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO
expected_dir="$data/../cli/expected"

# The attributes as CSV lines, sorted, without GDAL's quotes, every number
# to 12 significant digits (GDAL writes reals with 15, regio's CSV with 17).
normalise() {
  tr -d '\r"' | awk -F, -v OFS=, '{ for (i = 1; i <= NF; i++) if ($i ~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/) $i = sprintf("%.12g", $i); print }' | sort
}
attributes() { ogr2ogr -f CSV /vsistdout/ "$@" | normalise; }
parquet=0
grep -qi '^ *Parquet' <<<"$(ogrinfo --formats)" && parquet=1

# --- segregation: example 2 with its regions (u1..u4 of the spec) ----------
seg=(segregation --data "$data/segregation_example2.csv" --id unit --group a,b,c --total total
     --regions "$data/segregation_regions.geojson" --within district --quiet)
"$regio" "${seg[@]}" -o "$work/indices.csv" --local "$work/local.csv"
cmp -s "$work/indices.csv" "$expected_dir/segregation_example2.csv" || fail "segregation: the CSV changed"
normalise <"$work/indices.csv" >"$work/indices.sorted"
normalise <"$work/local.csv" >"$work/local.sorted"
index_rows=$(($(wc -l <"$work/indices.csv") - 1))

exts=(gpkg geojson)
[ "$parquet" = 1 ] && exts+=(parquet)
for ext in "${exts[@]}"; do
  "$regio" "${seg[@]}" -o "$work/out/indices.$ext" --local "$work/out/local.$ext"
  attributes "$work/out/indices.$ext" >"$work/indices_$ext.sorted"
  same_file "segregation -o .$ext read back" "$work/indices.sorted" "$work/indices_$ext.sorted"
  attributes "$work/out/local.$ext" >"$work/local_$ext.sorted"
  same_file "segregation --local .$ext read back" "$work/local.sorted" "$work/local_$ext.sorted"
  info=$(ogrinfo -ro -so "$work/out/indices.$ext" indices)
  grep -q "Feature Count: $index_rows" <<<"$info" || fail "segregation -o .$ext: not $index_rows rows"
  local_info=$(ogrinfo -ro -so "$work/out/local.$ext" local)
  grep -q "Feature Count: 4" <<<"$local_info" || fail "segregation --local .$ext: not 4 units"
  grep -q "Polygon" <<<"$local_info" || fail "segregation --local .$ext: no unit geometry: $local_info"
done
grep -q "Geometry: None" <<<"$(ogrinfo -ro -so "$work/out/indices.gpkg" indices)" || fail "segregation -o .gpkg has a geometry"
[ "$(grep -c '"geometry": null' "$work/out/indices.geojson")" -eq "$index_rows" ] || fail "segregation -o .geojson: not all null geometries"
# FlatGeobuf holds the local table with its geometry.
"$regio" "${seg[@]}" -o "$work/out/seg_fgb.csv" --local "$work/out/local.fgb" --local-layer lq
attributes "$work/out/local.fgb" >"$work/local_fgb.sorted"
same_file "segregation --local .fgb read back" "$work/local.sorted" "$work/local_fgb.sorted"
grep -q "lq" <<<"$(ogrinfo -ro -q "$work/out/local.fgb")" || fail "--local-layer did not name the FlatGeobuf layer"
# Without geometry: GeoJSON features with a null geometry.
noregions=(segregation --data "$data/segregation_example2.csv" --id unit --group a,b,c --total total --quiet)
"$regio" "${noregions[@]}" -o "$work/out/plain.dat" --of geojson --output-layer indices_plain --local "$work/out/plain_local.geojson"
"$regio" "${noregions[@]}" -o "$work/plain.csv" --local "$work/plain_local.csv"
attributes "$work/out/plain.dat" >"$work/plain_of.sorted"
normalise <"$work/plain.csv" >"$work/plain.sorted"
same_file "segregation --of geojson" "$work/plain.sorted" "$work/plain_of.sorted"
attributes "$work/out/plain_local.geojson" >"$work/plain_local_geojson.sorted"
normalise <"$work/plain_local.csv" >"$work/plain_local.sorted"
same_file "segregation --local .geojson without geometry" "$work/plain_local.sorted" "$work/plain_local_geojson.sorted"
[ "$(grep -c '"geometry": null' "$work/out/plain_local.geojson")" -eq 4 ] || fail "--local .geojson without regions: not 4 null geometries"
# Re-runs give the same bytes.
for f in indices.gpkg local.gpkg indices.geojson local.geojson; do cp "$work/out/$f" "$work/first_$f"; done
"$regio" "${seg[@]}" -o "$work/out/indices.gpkg" --local "$work/out/local.gpkg" --overwrite
"$regio" "${seg[@]}" -o "$work/out/indices.geojson" --local "$work/out/local.geojson" --overwrite
for f in indices.gpkg local.gpkg indices.geojson local.geojson; do
  cmp -s "$work/first_$f" "$work/out/$f" || fail "segregation $f: a re-run differs"
done

run_failing seg_fgb "${seg[@]}" -o "$work/out/x.fgb"
one_line_error "segregation -o .fgb" "$work/seg_fgb.err" $rc 2 "FlatGeobuf holds features with geometry"
run_failing seg_unknown "${seg[@]}" -o "$work/out/x.csv" --of xlsx
one_line_error "segregation --of unknown" "$work/seg_unknown.err" $rc 2 "unknown output format"
run_failing seg_local_fgb "${noregions[@]}" -o "$work/out/x.csv" --local "$work/out/x.fgb"
one_line_error "segregation --local .fgb without geometry" "$work/seg_local_fgb.err" $rc 2 "FlatGeobuf holds features with geometry"
run_failing seg_local_layer "${seg[@]}" -o "$work/out/x.csv" --local "$work/out/x_local.csv" --local-layer t
one_line_error "segregation --local-layer for a CSV" "$work/seg_local_layer.err" $rc 2 "--local-layer names a table"
run_failing seg_two_db "${seg[@]}" -o "PG:dbname=none password=regio-secret-pw" --output-layer a \
  --local "PG:dbname=none password=regio-secret-pw" --local-layer b
one_line_error "segregation: two database outputs" "$work/seg_two_db.err" $rc 2 "one database output per command" regio-secret-pw

# --- crosswalk chain ------------------------------------------------------
chain=(crosswalk chain "$expected_dir/xw_crosswalk.csv" "$expected_dir/xw_crosswalk_2024_2028.csv" --quiet)
"$regio" "${chain[@]}" -o "$work/chain.csv" --report "$work/chain_csv.json"
normalise <"$work/chain.csv" >"$work/chain.sorted"
chain_rows=$(($(wc -l <"$work/chain.csv") - 1))
for ext in "${exts[@]}"; do
  "$regio" "${chain[@]}" -o "$work/out/chained.$ext" --report "$work/chain_$ext.json"
  attributes "$work/out/chained.$ext" >"$work/chain_$ext.sorted"
  same_file "crosswalk chain -o .$ext read back" "$work/chain.sorted" "$work/chain_$ext.sorted"
  grep -q "Feature Count: $chain_rows" <<<"$(ogrinfo -ro -so "$work/out/chained.$ext" chained)" || fail "chain .$ext: not $chain_rows rows"
  grep -q "\"rows\": $chain_rows" "$work/chain_$ext.json" || fail "chain .$ext: the report does not record the rows"
done
grep -q "Geometry: None" <<<"$(ogrinfo -ro -so "$work/out/chained.gpkg" chained)" || fail "chain -o .gpkg has a geometry"
"$regio" "${chain[@]}" -o "$work/out/chained.dat" --of geojson --output-layer nuts_chain
attributes "$work/out/chained.dat" >"$work/chain_of.sorted"
same_file "crosswalk chain --of geojson" "$work/chain.sorted" "$work/chain_of.sorted"
"$regio" "${chain[@]}" -o - >"$work/chain_stdout.csv"
same_file "crosswalk chain -o -" "$work/chain.csv" "$work/chain_stdout.csv"
run_failing chain_fgb "${chain[@]}" -o "$work/out/x.fgb"
one_line_error "crosswalk chain -o .fgb" "$work/chain_fgb.err" $rc 2 "FlatGeobuf holds features with geometry"
run_failing chain_unknown "${chain[@]}" -o "$work/out/x.csv" --of xlsx
one_line_error "crosswalk chain --of unknown" "$work/chain_unknown.err" $rc 2 "unknown output format"
run_failing chain_layer "${chain[@]}" -o "$work/out/x.csv" --output-layer t
one_line_error "crosswalk chain --output-layer for a CSV" "$work/chain_layer.err" $rc 2 "not of a CSV file"
if [ "$parquet" = 0 ]; then
  run_failing parquet "${chain[@]}" -o "$work/out/x.parquet"
  one_line_error "Parquet without the driver" "$work/parquet.err" $rc 1 "this GDAL has no Parquet driver"
fi

for f in x.csv x.fgb x.parquet x_local.csv; do [ ! -e "$work/out/$f" ] || fail "a refused run wrote $f"; done
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"
finish
