#!/usr/bin/env bash
# compare's validation table written into a live PostGIS (issue #16): the
# same rows as the CSV route (read back with psql), a plain table (no
# geometry), --overwrite needed for an existing table, a missing schema one
# line without the password, and the report naming the table and its rows.
# Needs REGIO_TEST_PG (tools/with-postgis); skipped (77) without it unless
# REGIO_REQUIRE_POSTGIS=1.
#   postgis_compare_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
q "DROP TABLE IF EXISTS validation_checks CASCADE"

common=(compare --reference "$data/compare_reference.csv" --id id --columns pop,foreign
        --estimate "$data/compare_crosswalk.csv" --estimate-name crosswalk
        --second "$data/compare_records.csv" --second-name records --second-suffix _sum
        --parents "$data/compare_parents.csv" --parent-digits 2 --quiet)
"$regio" "${common[@]}" -o "$work/expected.csv"
"$regio" "${common[@]}" -o "$pg" --output-layer validation_checks --report "$work/report.json"
columns=$(head -1 "$work/expected.csv" | sed 's/\([^,]*\)/"\1"/g')
psql -X -q -c "COPY (SELECT $columns FROM validation_checks ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$work/psql.csv"
same_file "validation table read back with psql" "$work/expected.csv" "$work/psql.csv"
[ "$(q "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'validation_checks'")" = 0 ] ||
  fail "the validation table has a geometry column"
grep -q '"layer": "public.validation_checks"' "$work/report.json" || fail "the report does not name the table"
grep -q '"rows": 4' "$work/report.json" || fail "the report does not record the 4 rows"
grep -q '"format": "postgis"' "$work/report.json" || fail "the report does not record the format"

run_failing exists "${common[@]}" -o "$pg" --output-layer validation_checks
one_line_error "an existing table without --overwrite" "$work/exists.err" $rc 2 "validation_checks exists"
"$regio" "${common[@]}" -o "$pg" --output-layer validation_checks --overwrite
[ "$(q "SELECT count(*) FROM validation_checks")" = 4 ] || fail "--overwrite: not 4 rows"
reader="$REGIO_TEST_PG_READER password=regio-secret-pw"
run_failing schema "${common[@]}" -o "$reader" --output-layer nosuch.validation
one_line_error "a missing schema" "$work/schema.err" $rc 1 "no schema 'nosuch'" regio-secret-pw
q "DROP TABLE IF EXISTS validation_checks CASCADE"
finish
