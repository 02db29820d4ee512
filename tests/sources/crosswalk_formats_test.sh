#!/usr/bin/env bash
# crosswalk build's crosswalk (-o) and changes (--changes) as GeoPackage,
# FlatGeobuf and GeoJSON, by extension or --of (issue #16): read back with
# ogr2ogr, the same rows as the CSV route, each crosswalk row with its piece
# a ∩ b and each change with its unit's polygon; CSV stays byte-identical
# beside them; wrong formats and layer names are one clear error line.
#   crosswalk_formats_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
rm -rf "$work" && mkdir -p "$work/out"
export GDAL_PAM_ENABLED=NO

build=(crosswalk build --from "$data/xw_2020.geojson" --from-id code --to "$data/xw_2024.geojson" --to-id unit
       --weights "$data/xw_pop.asc" --boundary-tolerance 10 --quiet)
"$regio" "${build[@]}" -o "$work/expected.csv" --changes "$work/expected_changes.csv"
rows=$(($(wc -l <"$work/expected.csv") - 1))
changes=$(($(wc -l <"$work/expected_changes.csv") - 1))
# The attributes as CSV, compared with the CSV route: text exactly, numbers
# to the 15 digits ogr2ogr prints (the files hold the doubles themselves).
same_rows() {  # WHAT EXPECTED.csv DATASET
  ogr2ogr -f CSV /vsistdout/ "$3" >"$work/read.csv"
  python3 - "$2" "$work/read.csv" <<'PY' || fail "$1: the rows differ from the CSV route"
import csv, sys
key = lambda row: tuple(row.values())
a = sorted(csv.DictReader(open(sys.argv[1])), key=key)
b = sorted(csv.DictReader(open(sys.argv[2])), key=key)
assert len(a) == len(b) and len(a) > 0, (len(a), len(b))
for x, y in zip(a, b):
    assert list(x) == list(y), (list(x), list(y))
    for k, v in x.items():
        try:
            same = float(f"{float(v):.15g}") == float(y[k])
        except ValueError:
            same = v == y[k]
        assert same, (k, v, y[k])
PY
}

for ext in gpkg fgb geojson; do
  "$regio" "${build[@]}" -o "$work/out/cw.$ext" --changes "$work/out/changes.$ext" --report "$work/$ext.json"
  same_rows "$ext crosswalk" "$work/expected.csv" "$work/out/cw.$ext"
  same_rows "$ext changes" "$work/expected_changes.csv" "$work/out/changes.$ext"
  info=$(ogrinfo -ro -so "$work/out/cw.$ext" cw)
  grep -q "Feature Count: $rows$" <<<"$info" || fail "$ext crosswalk: not $rows features"
  grep -q "Geometry: Multi Polygon" <<<"$info" || fail "$ext crosswalk: no polygons"
  grep -q 'ID\["EPSG",3035\]' <<<"$info" || fail "$ext crosswalk: the CRS is not EPSG:3035"
  grep -q "Feature Count: $changes$" <<<"$(ogrinfo -ro -so "$work/out/changes.$ext" changes)" ||
    fail "$ext changes: not $changes features"
  # The report lists both tables with their format and rows (issue #16).
  python3 - "$work/$ext.json" "$ext" "$rows" "$changes" <<'PY' || fail "$ext: the report does not list the tables and their rows"
import json, sys
outputs = json.load(open(sys.argv[1]))["outputs"]
ext, rows, changes = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
assert [(o["destination"].rsplit("/", 1)[-1], o["format"], o["rows"]) for o in outputs] == \
    [("cw." + ext, ext, rows), ("changes." + ext, ext, changes)], outputs
PY
done
# A CSV run's report keeps no "outputs" (the report it always had).
"$regio" "${build[@]}" -o "$work/csv_run.csv" --report "$work/csv_run.json"
! grep -q '"outputs"' "$work/csv_run.json" || fail "a CSV run's report lists outputs"
# The pieces' areas are the rows' areas (without a tolerance: with one, the
# rows also hold the boundary noise given to them).
exact=(crosswalk build --from "$data/xw_2020.geojson" --from-id code --to "$data/xw_2024.geojson" --to-id unit --quiet)
"$regio" "${exact[@]}" -o "$work/exact.csv"
"$regio" "${exact[@]}" -o "$work/out/exact.gpkg"
python3 - "$work/exact.csv" <(ogr2ogr -f CSV -sql "SELECT from_id, to_id, ST_Area(geom) AS a FROM exact" -dialect SQLite \
  /vsistdout/ "$work/out/exact.gpkg") <<'PY' || fail "gpkg crosswalk: a piece's area differs from its row's area_m2"
import csv, sys
rows = {(r["from_id"], r["to_id"]): float(r["area_m2"]) for r in csv.DictReader(open(sys.argv[1]))}
for r in csv.DictReader(open(sys.argv[2])):
    want = rows[(r["from_id"], r["to_id"])]
    assert abs(float(r["a"]) - want) <= 1e-6 * max(1.0, want), (r, want)
PY
# A change's polygon is its unit's: C in 2020.
grep -q "C" <<<"$(ogr2ogr -f CSV -where "side = 'from' AND id = 'C'" /vsistdout/ "$work/out/changes.gpkg")" ||
  fail "gpkg changes: no row for unit C"
# Re-runs give the same bytes.
for ext in fgb geojson; do
  cp "$work/out/cw.$ext" "$work/first.$ext"
  "$regio" "${build[@]}" -o "$work/out/cw.$ext" --overwrite
  cmp -s "$work/first.$ext" "$work/out/cw.$ext" || fail "$ext: a re-run differs"
done

# --of instead of the extension; --output-layer and --changes-layer name the layers.
"$regio" "${build[@]}" -o "$work/out/cw.dat" --of geojson
same_rows "--of geojson" "$work/expected.csv" "$work/out/cw.dat"
"$regio" "${build[@]}" -o "$work/out/named.gpkg" --output-layer xw_2020_2024 --changes "$work/out/named_changes.gpkg" \
  --changes-layer changes_2020_2024
grep -q "xw_2020_2024" <<<"$(ogrinfo -ro -q "$work/out/named.gpkg")" || fail "--output-layer did not name the layer"
grep -q "changes_2020_2024" <<<"$(ogrinfo -ro -q "$work/out/named_changes.gpkg")" || fail "--changes-layer did not name the layer"
# CSV stays as it was, also beside the other formats.
"$regio" "${build[@]}" -o "$work/out/cw.csv" --changes "$work/out/changes.csv" --gpkg "$work/out/pieces.gpkg"
same_file "CSV crosswalk" "$work/expected.csv" "$work/out/cw.csv"
same_file "CSV changes" "$work/expected_changes.csv" "$work/out/changes.csv"
[ -z "$(ls -A "$work/out" | grep '^\.regio-' || true)" ] || fail "temporary files left: $(ls -A "$work/out")"

run_failing unknown "${build[@]}" -o "$work/out/x.csv" --of xlsx
one_line_error "--of unknown" "$work/unknown.err" $rc 2 "unknown output format"
run_failing unknown_ext "${build[@]}" -o "$work/out/x.xlsx"
one_line_error "unknown extension" "$work/unknown_ext.err" $rc 2 "unknown format 'xlsx'"
run_failing csv_layer "${build[@]}" -o "$work/out/x.csv" --output-layer t
one_line_error "--output-layer on CSV" "$work/csv_layer.err" $rc 2 "not of a CSV file"
run_failing changes_csv_layer "${build[@]}" -o "$work/out/x.csv" --changes "$work/out/y.csv" --changes-layer t
one_line_error "--changes-layer on CSV" "$work/changes_csv_layer.err" $rc 2 "not of a CSV file"
run_failing exists "${build[@]}" -o "$work/out/cw.fgb"
one_line_error "existing FlatGeobuf" "$work/exists.err" $rc 2 "exists"
[ ! -e "$work/out/x.csv" ] && [ ! -e "$work/out/y.csv" ] || fail "a refused run wrote an output"
finish
