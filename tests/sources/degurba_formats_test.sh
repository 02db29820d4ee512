#!/usr/bin/env bash
# degurba's tables (--clusters, --units-out) as GeoPackage, FlatGeobuf and
# GeoJSON (and Parquet where GDAL has it), by extension (issue #16): read
# back with ogr2ogr, the same rows and numbers as the CSV route, with the
# dissolved cells or the units' polygons; CSV and GeoPackage stay
# byte-identical beside them; wrong formats, layer options without their
# output or on a CSV, and two database outputs are one clear error line (exit 2).
#   degurba_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

base=(degurba --grid "$data/degurba_example_a.asc" --units "$data/degurba_units.geojson" --unit-id unit --quiet)
"$regio" "${base[@]}" -o "$work/cells.tif" --clusters "$work/expected_clusters.csv" --units-out "$work/expected_units.csv" \
  --report "$work/csv.json"
mkdir -p "$work/expected" "$work/out2"  # a GeoPackage's layer is named after its file: the same names
"$regio" "${base[@]}" -o "$work/cells.tif" --clusters "$work/expected/clusters.gpkg" --units-out "$work/expected/units.gpkg" \
  --overwrite
# Example A (../shared/spec/degurba.md §6): 3 clusters, 5 units.
[ $(($(wc -l <"$work/expected_clusters.csv") - 1)) -eq 3 ] || fail "CSV route: not 3 clusters"
[ $(($(wc -l <"$work/expected_units.csv") - 1)) -eq 5 ] || fail "CSV route: not 5 units"
# The attributes as CSV, compared with the CSV route by column name (the
# text columns follow the id in some formats) and id: text exactly, numbers to
# the 15 digits ogr2ogr prints, an empty cell (NULL) as an empty cell.
same_rows() {  # WHAT EXPECTED.csv DATASET
  ogr2ogr -f CSV /vsistdout/ "$3" >"$work/read.csv"
  python3 - "$2" "$work/read.csv" <<'PY' || fail "$1: the rows differ from the CSV route"
import csv, sys
# By the first (id) column: FlatGeobuf orders features by its spatial index.
a = list(csv.DictReader(open(sys.argv[1])))
b = list(csv.DictReader(open(sys.argv[2])))
first = next(iter(a[0])) if a else ""
a.sort(key=lambda row: row[first])
b.sort(key=lambda row: row.get(first, ""))
assert len(a) == len(b) and len(a) > 0, (len(a), len(b))
for x, y in zip(a, b):
    assert sorted(x) == sorted(y), (list(x), list(y))
    for k, v in x.items():
        try:
            same = float(f"{float(v):.15g}") == float(y[k])
        except ValueError:
            same = v == y[k]
        assert same, (k, v, y[k])
PY
}

formats=(gpkg fgb geojson)
ogrinfo --formats | grep -q Parquet && formats+=(parquet)
for ext in "${formats[@]}"; do
  "$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/out/clusters.$ext" --units-out "$work/out/units.$ext"
  same_rows "$ext clusters" "$work/expected_clusters.csv" "$work/out/clusters.$ext"
  same_rows "$ext units" "$work/expected_units.csv" "$work/out/units.$ext"
  info=$(ogrinfo -ro -so "$work/out/clusters.$ext" clusters)
  grep -q "Feature Count: 3$" <<<"$info" || fail "$ext clusters: not 3 features"
  grep -q "Geometry: Multi Polygon" <<<"$info" || fail "$ext clusters: no polygons"
  grep -q 'ID\["EPSG",3035\]' <<<"$info" || fail "$ext clusters: the CRS is not EPSG:3035"
  grep -q "Feature Count: 5$" <<<"$(ogrinfo -ro -so "$work/out/units.$ext" units)" || fail "$ext units: not 5 features"
done
# The centre's dissolved cells: the 6 x 6 block of 1 km cells, 36 km².
area=$(ogr2ogr -f CSV -dialect SQLite -sql "SELECT ST_Area(geometry) AS a FROM clusters WHERE cluster_id = '1'" \
  /vsistdout/ "$work/out/clusters.fgb" | tail -1)
[ "$area" = 36000000 ] || [ "$area" = 36000000.0 ] || fail "fgb clusters: the centre's area is $area, not 36 km²"
# Re-runs give the same bytes.
for ext in fgb geojson; do
  cp "$work/out/units.$ext" "$work/first.$ext"
  "$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --units-out "$work/out/units.$ext"
  cmp -s "$work/first.$ext" "$work/out/units.$ext" || fail "$ext: a re-run differs"
done

# --clusters-layer and --units-out-layer name the layers.
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/out/named.gpkg" --clusters-layer centres_2018 \
  --units-out "$work/out/named_units.geojson" --units-out-layer lau_2018
grep -q "centres_2018" <<<"$(ogrinfo -ro -q "$work/out/named.gpkg")" || fail "--clusters-layer did not name the layer"
same_rows "named gpkg clusters" "$work/expected_clusters.csv" "$work/out/named.gpkg"
grep -q "lau_2018" <<<"$(ogrinfo -ro -q "$work/out/named_units.geojson")" || fail "--units-out-layer did not name the layer"
# CSV and GeoPackage stay as they were, also beside the other formats.
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/out/c.csv" --units-out "$work/out/u.csv" \
  --report "$work/out/csv.json"
same_file "CSV clusters" "$work/expected_clusters.csv" "$work/out/c.csv"
same_file "CSV units" "$work/expected_units.csv" "$work/out/u.csv"
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/out2/clusters.gpkg" --units-out "$work/out2/units.fgb"
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/out2/clusters.geojson" --units-out "$work/out2/units.gpkg"
same_file "GeoPackage clusters" "$work/expected/clusters.gpkg" "$work/out2/clusters.gpkg"
same_file "GeoPackage units" "$work/expected/units.gpkg" "$work/out2/units.gpkg"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"

run_failing unknown_ext "${base[@]}" -o "$work/out/x.tif" --clusters "$work/out/x.xlsx" --units-out "$work/out/y.csv"
one_line_error "unknown extension" "$work/unknown_ext.err" $rc 2 "clusters .*x.xlsx: unknown format 'xlsx'"
grep -q "^hint: use a .csv, .gpkg, .fgb, .geojson or .parquet name, or PG:CONNECTION with --clusters-layer$" "$work/unknown_ext.err" ||
  fail "unknown extension: the hint does not name the formats and --clusters-layer"
run_failing csv_layer "${base[@]}" -o "$work/out/x.tif" --units-out "$work/out/y.csv" --units-out-layer t
one_line_error "--units-out-layer on CSV" "$work/csv_layer.err" $rc 2 "^regio: error: --units-out-layer names a table .*not of a CSV file"
run_failing lone_layer "${base[@]}" -o "$work/out/x.tif" --units-out "$work/out/y.csv" --clusters-layer t
one_line_error "--clusters-layer alone" "$work/lone_layer.err" $rc 2 "clusters-layer goes with --clusters"
run_failing no_table "${base[@]}" -o "$work/out/x.tif" --units-out "PG:dbname=nowhere password=secret"
one_line_error "database without a table" "$work/no_table.err" $rc 2 "database output needs the table's name" secret
grep -q "^hint: add --units-out-layer" "$work/no_table.err" || fail "database without a table: no hint naming --units-out-layer"
# Both tables into a database: refused before any connection or work.
run_failing two_databases "${base[@]}" -o "$work/out/x.tif" --units-out "PG:dbname=nowhere password=secret" \
  --units-out-layer u --clusters "PG:dbname=nowhere password=secret" --clusters-layer c
one_line_error "two database outputs" "$work/two_databases.err" $rc 2 \
  "clusters and --units-out both write into a database; one database output per command" secret
run_failing exists "${base[@]}" -o "$work/out/x.tif" --units-out "$work/out/units.fgb"
one_line_error "existing FlatGeobuf" "$work/exists.err" $rc 2 "exists"
[ ! -e "$work/out/x.tif" ] && [ ! -e "$work/out/y.csv" ] || fail "a refused run wrote an output"
finish
