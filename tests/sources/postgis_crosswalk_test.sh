#!/usr/bin/env bash
# crosswalk build writing into a live PostGIS (issue #16): the crosswalk (-o
# PG:... --output-layer) and the changes (--changes PG:... --changes-layer)
# as plain tables with the same numbers as the CSV route, read back with
# psql and ogr2ogr; --overwrite needed; one database output per run; a kill
# during the write leaves no table. Needs REGIO_TEST_PG (tools/with-postgis);
# skipped (77) without it unless REGIO_REQUIRE_POSTGIS=1.
#   postgis_crosswalk_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
q "DROP TABLE IF EXISTS xw, xw_changes, xw_big, xw_big_regions CASCADE"

build=(crosswalk build --from "$data/xw_2020.geojson" --from-id code --to "$data/xw_2024.geojson" --to-id unit
       --weights "$data/xw_pop.asc" --quiet)
"$regio" "${build[@]}" -o "$work/expected.csv" --changes "$work/expected_changes.csv"

# The crosswalk into PostGIS, read back with psql in the CSV's columns and order.
"$regio" "${build[@]}" -o "$pg" --output-layer xw --changes "$work/changes.csv" --report "$work/xw.json"
columns=$(head -1 "$work/expected.csv" | sed 's/\([^,]*\)/"\1"/g')
psql -X -q -c "COPY (SELECT $columns FROM xw ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$work/psql.csv"
same_file "crosswalk read back with psql" "$work/expected.csv" "$work/psql.csv"
same_file "changes beside a database crosswalk" "$work/expected_changes.csv" "$work/changes.csv"
# The report names the table (without a password) and its rows; the CSV
# changes beside it are not listed.
python3 - "$work/xw.json" "$work/expected.csv" <<'PY' || fail "report: the database output and its rows are not recorded"
import json, sys
report = json.load(open(sys.argv[1]))
rows = sum(1 for _ in open(sys.argv[2])) - 1
outputs = report["outputs"]
assert len(outputs) == 1 and outputs[0]["layer"] == "public.xw" and outputs[0]["rows"] == rows > 0, outputs
assert outputs[0]["destination"].startswith("PG:") and "password=" not in outputs[0]["destination"].replace("password=***", ""), outputs
PY
# ogr2ogr: the same attributes as the GeoPackage route (-o .gpkg: each row
# with its piece), geometry aside.
"$regio" "${build[@]}" -o "$work/expected.gpkg"
ogr2ogr -f CSV /vsistdout/ "$work/expected.gpkg" >"$work/gpkg_attrs.csv"
ogr2ogr -f CSV /vsistdout/ "$pg" xw >"$work/pg_attrs.csv"
same_file "crosswalk read back with ogr2ogr" "$work/gpkg_attrs.csv" "$work/pg_attrs.csv"
[ "$(q "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'xw'")" = 0 ] || fail "xw has a geometry column"

# An existing table needs --overwrite; with it the table is replaced.
run_failing exists "${build[@]}" -o "$pg" --output-layer xw
one_line_error "existing table" "$work/exists.err" $rc 2 "public.xw exists"
q "UPDATE xw SET area_m2 = -1"
"$regio" "${build[@]}" -o "$pg" --output-layer xw --overwrite
[ "$(q "SELECT min(area_m2) FROM xw")" != -1 ] || fail "--overwrite did not replace the table"

# The changes into PostGIS (the crosswalk as CSV).
"$regio" "${build[@]}" -o "$work/cw2.csv" --changes "$pg" --changes-layer xw_changes
psql -X -q -c "COPY (SELECT side, id, type, counterparts, detail FROM xw_changes ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" \
  >"$work/changes_psql.csv"
# The same cells (psql quotes differently: "" for an empty text, none around C1;C2).
python3 - "$work/expected_changes.csv" "$work/changes_psql.csv" <<'PY' || fail "changes read back with psql differ from the CSV"
import csv, sys
a, b = (list(csv.reader(open(f))) for f in sys.argv[1:])
assert len(a) > 1 and a == b, (a, b)
PY
same_file "crosswalk beside database changes" "$work/expected.csv" "$work/cw2.csv"

# Both into the database: refused before anything is written.
run_failing both "${build[@]}" -o "$pg" --output-layer xw_both --changes "$pg" --changes-layer xw_both_changes
one_line_error "two database outputs" "$work/both.err" $rc 2 "one database output per command"
[ "$(q "SELECT count(*) FROM pg_class WHERE relname LIKE 'xw_both%'")" = 0 ] || fail "two database outputs: a table was written"
run_failing no_layer "${build[@]}" -o "$work/cw3.csv" --changes "$pg"
one_line_error "--changes PG: without --changes-layer" "$work/no_layer.err" $rc 2 "needs the table's name"
grep -q "^hint: add --changes-layer" "$work/no_layer.err" || fail "--changes PG: without --changes-layer: no hint naming it"

# A kill during the write leaves no table, never half of one: two identical
# vintages of many units make the crosswalk long enough to hit.
square_units xw_big_regions unit 600 360000
big=(crosswalk build --from "$work/xw_big_regions.gpkg" --from-id unit --to "$work/xw_big_regions.gpkg" --to-id unit --quiet
     -o "$pg" --output-layer xw_big)
for signal in TERM KILL; do
  kill_during_copy "$signal" "${big[@]}"
  [ "$(q "SELECT count(*) FROM pg_class WHERE relname = 'xw_big'")" = 0 ] || fail "SIG$signal: a table xw_big exists"
  [ "$(q "SELECT count(*) FROM pg_class WHERE relname LIKE 'regio_tmp%'")" = 0 ] || fail "SIG$signal: a temporary table is visible"
done
grep -q "interrupted by SIGTERM" "$work/kill_TERM.err" || fail "SIGTERM: no interruption message"
"$regio" "${big[@]}"
[ "$(q "SELECT count(*) FROM xw_big")" = 360000 ] || fail "xw_big: not 360000 rows after an uninterrupted run"

# A pipeline step writing the changes into the database: checked before the
# run by their own --changes-layer (a missing schema is found before
# anything runs), then written.
write_pipeline() {  # FILE TABLE
  cat >"$1" <<TOML
[pipeline]
name = "crosswalk changes into PostGIS"
out = "$work/run"
[[step]]
name = "crosswalk"
run = "crosswalk build"
[step.args]
from = "$data/xw_2020.geojson"
from-id = "code"
to = "$data/xw_2024.geojson"
to-id = "unit"
output = "crosswalk.csv"
changes = "$pg"
changes-layer = "$2"
TOML
}
q "DROP TABLE IF EXISTS xw_piped"
write_pipeline "$work/pipeline.toml" xw_piped
"$regio" run "$work/pipeline.toml" --quiet >/dev/null
[ "$(q "SELECT count(*) FROM xw_piped")" = "$(($(wc -l <"$work/expected_changes.csv") - 1))" ] || fail "pipeline: xw_piped has not every change"
write_pipeline "$work/pipeline_bad.toml" nosuch.xw_piped
run_failing pipeline_bad run "$work/pipeline_bad.toml" --quiet
[ "$rc" -ne 0 ] || fail "a pipeline writing the changes into a missing schema ran"
grep -q "changes: .*no schema 'nosuch'" "$work/pipeline_bad.err" || { fail "pipeline check: missing schema not named"; cat "$work/pipeline_bad.err" >&2; }
finish
