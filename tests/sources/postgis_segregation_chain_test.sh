#!/usr/bin/env bash
# segregation's index table and local table, and crosswalk chain's table,
# written into a live PostGIS (issue #16): the same rows as the CSV route
# (read back with psql), the index and chain tables plain (no geometry), the
# local table with the unit polygons, --overwrite needed for an existing
# table, -o and --local both in the database refused before any work, and a
# missing schema one line without the password.
# Needs REGIO_TEST_PG (tools/with-postgis); skipped (77) without it unless
# REGIO_REQUIRE_POSTGIS=1.
#   postgis_segregation_chain_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
expected_dir="$data/../cli/expected"
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
drop_all() { q "DROP TABLE IF EXISTS seg_indices, seg_local, seg_chain CASCADE"; }
drop_all
# Read back as CSV with the columns of the CSV file, in insertion order; an
# empty text (within and group of the whole input: '' in the table, which
# COPY quotes to tell it from NULL) is an empty CSV cell.
read_back() {
  local table=$1 csv=$2 columns
  columns=$(head -1 "$csv" | sed 's/\([^,]*\)/"\1"/g')
  psql -X -q -c "COPY (SELECT $columns FROM $table ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" |
    sed -E 's/^""(,|$)/\1/; :a; s/,""(,|$)/,\1/; ta'
}
geometry_columns() { q "SELECT count(*) FROM geometry_columns WHERE f_table_name = '$1'"; }

seg=(segregation --data "$data/segregation_example2.csv" --id unit --group a,b,c --total total
     --regions "$data/segregation_regions.geojson" --within district --quiet)
"$regio" "${seg[@]}" -o "$work/indices.csv" --local "$work/local.csv"
"$regio" "${seg[@]}" -o "$pg" --output-layer seg_indices --local "$work/local_file.csv" --report "$work/seg.json"
read_back seg_indices "$work/indices.csv" >"$work/indices_pg.csv"
same_file "segregation -o PG: read back with psql" "$work/indices.csv" "$work/indices_pg.csv"
same_file "segregation --local beside a database -o" "$work/local.csv" "$work/local_file.csv"
[ "$(geometry_columns seg_indices)" = 0 ] || fail "the index table has a geometry column"
"$regio" "${seg[@]}" -o "$work/indices_again.csv" --local "$pg" --local-layer seg_local
read_back seg_local "$work/local.csv" >"$work/local_pg.csv"
same_file "segregation --local PG: read back with psql" "$work/local.csv" "$work/local_pg.csv"
[ "$(geometry_columns seg_local)" = 1 ] || fail "the local table has no geometry column"
[ "$(q "SELECT count(*) FROM seg_local WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)")" = 4 ] ||
  fail "the local table: not 4 unit polygons"

run_failing seg_exists "${seg[@]}" -o "$pg" --output-layer seg_indices
one_line_error "segregation: an existing table without --overwrite" "$work/seg_exists.err" $rc 2 "seg_indices exists"
"$regio" "${seg[@]}" -o "$pg" --output-layer seg_indices --overwrite
[ "$(q "SELECT count(*) FROM seg_indices")" = "$(($(wc -l <"$work/indices.csv") - 1))" ] || fail "--overwrite: the rows differ"
run_failing seg_two "${seg[@]}" -o "$pg" --output-layer seg_two_a --local "$pg" --local-layer seg_two_b
one_line_error "segregation: -o and --local both in the database" "$work/seg_two.err" $rc 2 "one database output per command"
[ "$(q "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'seg_two%'")" = 0 ] || fail "a refused run made a table"

chain=(crosswalk chain "$expected_dir/xw_crosswalk.csv" "$expected_dir/xw_crosswalk_2024_2028.csv" --quiet)
"$regio" "${chain[@]}" -o "$work/chain.csv"
"$regio" "${chain[@]}" -o "$pg" --output-layer seg_chain --report "$work/chain.json"
read_back seg_chain "$work/chain.csv" >"$work/chain_pg.csv"
same_file "crosswalk chain -o PG: read back with psql" "$work/chain.csv" "$work/chain_pg.csv"
[ "$(geometry_columns seg_chain)" = 0 ] || fail "the chained table has a geometry column"
# The reports name each database table (without a password) and its rows;
# a CSV beside it is not listed (issue #16).
python3 - "$work/seg.json" seg_indices "$work/indices.csv" "$work/chain.json" seg_chain "$work/chain.csv" <<'PY' ||
import json, sys
args = sys.argv[1:]
for report, layer, csv in zip(args[0::3], args[1::3], args[2::3]):
    outputs = json.load(open(report))["outputs"]
    rows = sum(1 for _ in open(csv)) - 1
    assert [(o["layer"], o["format"], o["rows"]) for o in outputs] == [("public." + layer, "postgis", rows)], (report, outputs)
    assert outputs[0]["destination"].startswith("PG:"), outputs
PY
  fail "a report does not list its database table and rows"
run_failing chain_exists "${chain[@]}" -o "$pg" --output-layer seg_chain
one_line_error "crosswalk chain: an existing table without --overwrite" "$work/chain_exists.err" $rc 2 "seg_chain exists"
reader="$REGIO_TEST_PG_READER password=regio-secret-pw"
run_failing schema "${chain[@]}" -o "$reader" --output-layer nosuch.chain
one_line_error "crosswalk chain: a missing schema" "$work/schema.err" $rc 1 "no schema 'nosuch'" regio-secret-pw
drop_all
finish
