#!/usr/bin/env bash
# regio indicators' wide table as GeoPackage, FlatGeobuf, GeoJSON and Parquet,
# by extension or --of (issue #16): read back with ogr2ogr, every region's
# flags and values are those of the tidy CSV of the same run; rollup parents
# are features without geometry; --of overrides the extension; an unknown
# --of and a wide output without --regions are one clear usage error.
#   indicators_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

common=(indicators --data "$data/indicators_counts.csv" --id region --definitions "$data/indicators.toml" -q)
wide=(--regions "$data/indicators_regions.geojson" --regions-id nuts_id)
# The tidy CSVs (with and without --rollup nuts) as sorted lines
# "region,indicator_group,flag,value".
tidy_lines() { tail -n +2 "$1" | awk -F, '{ print $1 "," $2 "_" $3 "," $7 "," $4 }' | sort; }
"$regio" "${common[@]}" --rollup nuts -o "$work/tidy.csv"
tidy_lines "$work/tidy.csv" >"$work/expected.sorted"
"$regio" "${common[@]}" -o "$work/tidy_flat.csv"
tidy_lines "$work/tidy_flat.csv" >"$work/expected_flat.sorted"
# A wide layer read back the same way: one line per value column, with its
# _flag column; ogr2ogr's CSV (no quotes) keeps the values it read.
tidy_of() {
  ogr2ogr -f CSV /vsistdout/ "$1" | tr -d '\r"' | awk -F, '
    NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; n = NF; for (i = 1; i <= NF; ++i) name[i] = $i; next }
    { for (i = 2; i <= n; ++i) if (name[i] !~ /_flag$/ && ((name[i] "_flag") in col)) print $1 "," name[i] "," $(col[name[i] "_flag"]) "," $i }' |
    sort
}
# Same flags, and values equal to 12 significant digits (GeoJSON and
# ogr2ogr's CSV print 15).
same_numbers() {
  local what=$1 expected=$2 actual=$3
  if ! paste -d, "$expected" "$actual" | awk -F, '
      $1 != $5 || $2 != $6 || $3 != $7 || ($4 == "") != ($8 == "") { bad = 1; print "line " NR ": " $0; next }
      $4 != "" { d = $4 - $8; if (d < 0) d = -d; a = $4 < 0 ? -$4 : $4; if (d > 1e-12 * (a > 1 ? a : 1)) { bad = 1; print "line " NR ": " $0 } }
      END { exit bad }' >"$work/$what.diff" || [ "$(wc -l <"$expected")" -ne "$(wc -l <"$actual")" ]; then
    fail "$what: the values differ from the tidy CSV"
    head -5 "$work/$what.diff" >&2
  fi
}

# check_wide EXT EXPECTED FEATURES WITH_GEOMETRY [ARGS...]: the wide layer
# of EXT read back equals EXPECTED (a sorted tidy CSV), with FEATURES
# features of which WITH_GEOMETRY have a geometry, and the report names it.
check_wide() {
  local ext=$1 expected=$2 features=$3 with_geometry=$4
  shift 4
  "$regio" "${common[@]}" "$@" "${wide[@]}" -o "$work/out/wide.$ext" --report "$work/$ext.json"
  tidy_of "$work/out/wide.$ext" >"$work/$ext.sorted"
  same_numbers "$ext" "$expected" "$work/$ext.sorted"
  local info
  info=$(ogrinfo -ro -so "$work/out/wide.$ext" wide)
  grep -q "Feature Count: $features" <<<"$info" || fail "$ext: not $features features"
  grep -q 'ID\["EPSG",3035\]' <<<"$info" || fail "$ext: the CRS is not EPSG:3035"
  grep -q "\"format\": \"$ext\"" "$work/$ext.json" || fail "$ext: the report does not record the format"
  grep -q "\"rows\": $features" "$work/$ext.json" || fail "$ext: the report does not record the rows"
  local shapes
  shapes=$(ogr2ogr -f CSV /vsistdout/ "$work/out/wide.$ext" -lco GEOMETRY=AS_WKT | grep -c 'POLYGON' || true)
  [ "$shapes" -eq "$with_geometry" ] || fail "$ext: $shapes features with geometry, expected $with_geometry"
}

# With --rollup nuts: the three regions with their geometry, the four
# parents (AT11, AT12, AT1, AT) without.
check_wide gpkg "$work/expected.sorted" 7 3 --rollup nuts
check_wide geojson "$work/expected.sorted" 7 3 --rollup nuts
# FlatGeobuf cannot hold features without geometry (GDAL 3.6 drops them):
# the regions alone, and a clear refusal with parents.
check_wide fgb "$work/expected_flat.sorted" 3 3
run_failing fgb_parents "${common[@]}" --rollup nuts "${wide[@]}" -o "$work/out/parents.fgb"
one_line_error "FlatGeobuf with parents" "$work/fgb_parents.err" $rc 2 "FlatGeobuf cannot hold features without geometry, and 4 output regions have none"
if grep -qi '^ *Parquet' <<<"$(ogrinfo --formats)"; then
  check_wide parquet "$work/expected.sorted" 7 3 --rollup nuts
else
  run_failing parquet "${common[@]}" "${wide[@]}" -o "$work/out/x.parquet"
  one_line_error "Parquet without the driver" "$work/parquet.err" $rc 1 "this GDAL has no Parquet driver"
fi

# Re-runs give the same bytes.
for ext in fgb geojson; do
  cp "$work/out/wide.$ext" "$work/first.$ext"
  rollup=(--rollup nuts)
  [ "$ext" = fgb ] && rollup=()
  "$regio" "${common[@]}" "${rollup[@]}" "${wide[@]}" -o "$work/out/wide.$ext" --overwrite
  cmp -s "$work/first.$ext" "$work/out/wide.$ext" || fail "$ext: a re-run differs"
done

# --of instead of the extension: a wide GeoJSON named .dat, a tidy CSV named .txt.
"$regio" "${common[@]}" --rollup nuts "${wide[@]}" -o "$work/out/wide.dat" --of geojson --output-layer wide
tidy_of "$work/out/wide.dat" >"$work/of.sorted"
same_numbers "--of geojson" "$work/expected.sorted" "$work/of.sorted"
"$regio" "${common[@]}" --rollup nuts -o "$work/out/tidy.txt" --of csv
same_file "--of csv" "$work/tidy.csv" "$work/out/tidy.txt"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"

run_failing unknown "${common[@]}" "${wide[@]}" -o "$work/out/x.gpkg" --of xlsx
one_line_error "--of unknown" "$work/unknown.err" $rc 2 "unknown output format"
grep -q "csv, gpkg, fgb, geojson, parquet" "$work/unknown.err" || fail "--of unknown: the choices are not named"
run_failing no_regions "${common[@]}" -o "$work/out/x.fgb"
one_line_error "FlatGeobuf without --regions" "$work/no_regions.err" $rc 2 "FlatGeobuf output needs the region geometry"
run_failing no_regions_of "${common[@]}" -o "$work/out/x.csv" --of geojson
one_line_error "--of geojson without --regions" "$work/no_regions_of.err" $rc 2 "GeoJSON output needs the region geometry"
run_failing exists "${common[@]}" "${wide[@]}" -o "$work/out/wide.fgb"
one_line_error "existing FlatGeobuf" "$work/exists.err" $rc 2 "exists"
for f in x.gpkg x.fgb x.csv x.parquet parents.fgb; do [ ! -e "$work/out/$f" ] || fail "a refused run wrote $f"; done
finish
