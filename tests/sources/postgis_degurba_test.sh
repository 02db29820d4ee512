#!/usr/bin/env bash
# degurba's unit classes (--units-out) and clusters (--clusters) written into
# a live PostGIS (issue #16): the same rows and numbers as the CSV route
# (read back with psql), with the units' polygons or the dissolved cells,
# --overwrite needed for an existing table, both tables into the database a
# usage error, a missing schema one line without the password, and the
# report naming the table without the password.
# Needs REGIO_TEST_PG (tools/with-postgis); skipped (77) without it unless
# REGIO_REQUIRE_POSTGIS=1.
#   postgis_degurba_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
q "DROP TABLE IF EXISTS degurba_units, degurba_clusters CASCADE"

base=(degurba --grid "$data/degurba_example_a.asc" --units "$data/degurba_units.geojson" --unit-id unit --quiet)
"$regio" "${base[@]}" -o "$work/cells.tif" --clusters "$work/clusters.csv" --units-out "$work/units.csv"
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$work/c.csv" --units-out "$pg" \
  --units-out-layer degurba_units --report "$work/report.json"
"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --clusters "$pg" --clusters-layer degurba_clusters \
  --units-out "$work/u.csv"
same_file "CSV clusters beside a database --units-out" "$work/clusters.csv" "$work/c.csv"
same_file "CSV units beside a database --clusters" "$work/units.csv" "$work/u.csv"
# Read back in the CSV's column order: the same text, the same doubles.
read_back() {  # TABLE EXPECTED.csv OUT.csv
  local columns
  columns=$(head -1 "$2" | sed 's/\([^,]*\)/"\1"/g')
  psql -X -q -c "COPY (SELECT $columns FROM $1 ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$3"
  same_file "$1 read back with psql" "$2" "$3"
}
read_back degurba_units "$work/units.csv" "$work/psql_units.csv"
read_back degurba_clusters "$work/clusters.csv" "$work/psql_clusters.csv"
[ "$(q "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'degurba_units' AND srid = 3035")" = 1 ] ||
  fail "the units table has no EPSG:3035 geometry column"
[ "$(q "SELECT round(ST_Area(geom)) FROM degurba_clusters WHERE cluster_id = '1'")" = 36000000 ] ||
  fail "the urban centre's cells do not cover 36 km²"
grep -q '"units": "PG:.*degurba_units' "$work/report.json" || fail "the report does not name the units' table"

"$regio" "${base[@]}" -o "$work/cells.tif" --overwrite --units-out "$pg" --units-out-layer degurba_units
[ "$(q "SELECT count(*) FROM degurba_units")" = 5 ] || fail "--overwrite: not 5 rows"
run_failing exists_plain "${base[@]}" -o "$work/cells2.tif" --units-out "$pg" --units-out-layer degurba_units
one_line_error "an existing table without --overwrite" "$work/exists_plain.err" $rc 2 "degurba_units exists"
[ ! -e "$work/cells2.tif" ] || fail "a refused run wrote -o"
run_failing two "${base[@]}" -o "$work/cells2.tif" --units-out "$pg" --units-out-layer u2 --clusters "$pg" --clusters-layer c2
one_line_error "both into the database" "$work/two.err" $rc 2 "one database output per command"
[ "$(q "SELECT count(*) FROM pg_tables WHERE tablename IN ('u2', 'c2')")" = 0 ] || fail "a refused run wrote a table"
reader="$REGIO_TEST_PG_READER password=regio-secret-pw"
run_failing schema "${base[@]}" -o "$work/cells2.tif" --units-out "$reader" --units-out-layer nosuch.units
one_line_error "a missing schema" "$work/schema.err" $rc 1 "no schema 'nosuch'" regio-secret-pw
[ ! -e "$work/cells2.tif" ] || fail "a failed run wrote -o"
q "DROP TABLE IF EXISTS degurba_units, degurba_clusters CASCADE"
finish
