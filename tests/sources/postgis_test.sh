#!/usr/bin/env bash
# Regions and points read from a live PostGIS (issue #16), compared with the
# GeoPackage route; errors of the database route in one line without the
# password. Needs REGIO_TEST_PG (tools/with-postgis sets it); without it the
# test is skipped (exit 77), unless REGIO_REQUIRE_POSTGIS=1 (CI).
#   postgis_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
points_oo=(-a_srs EPSG:3035 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES)

# The same layers into PostGIS and into a GeoPackage.
ogr2ogr -f PostgreSQL "$pg" "$data/regions_abc.geojson" -nln regions_abc -overwrite
ogr2ogr -f PostgreSQL "$pg" "$data/points_edges.csv" "${points_oo[@]}" -nln points_edges -overwrite
ogr2ogr -f GPKG "$work/ref.gpkg" "$data/regions_abc.geojson" -nln regions_abc
ogr2ogr -f GPKG -update "$work/ref.gpkg" "$data/points_edges.csv" "${points_oo[@]}" -nln points_edges

"$regio" aggregate points --regions "$work/ref.gpkg" --regions-layer regions_abc --id region_id \
  --points "$work/ref.gpkg" --points-layer points_edges --weight persons --by group --quiet -o "$work/gpkg.csv"
"$regio" aggregate points --regions "$pg" --regions-layer regions_abc --id region_id \
  --points "$pg" --points-layer points_edges --weight persons --by group --quiet -o "$work/pg.csv" --report "$work/pg.json"
same_file "PostGIS regions and points" "$work/gpkg.csv" "$work/pg.csv"
grep -q '"source": "PG:host=' "$work/pg.json" || fail "the report does not name the PostGIS source"

# A password-protected role: the password never reaches a report or a message.
reader="$REGIO_TEST_PG_READER password=regio-secret-pw"
"$regio" aggregate points --regions "$reader" --regions-layer regions_abc --id region_id \
  --points "$reader" --points-layer points_edges --weight persons --by group --quiet -o "$work/reader.csv" --report "$work/reader.json"
same_file "PostGIS as a role with a password" "$work/gpkg.csv" "$work/reader.csv"
if grep -q 'regio-secret-pw' "$work/reader.json"; then fail "the report shows the password"; fi
grep -q 'password=\*\*\*' "$work/reader.json" || fail "the report does not show the redacted password"

run_failing wrong_password aggregate points --regions "$REGIO_TEST_PG_READER password=wrong-pw-123" --regions-layer regions_abc \
  --id region_id --points "$work/ref.gpkg:points_edges" -o "$work/x.csv"
one_line_error "wrong password" "$work/wrong_password.err" $rc 1 "password authentication failed" "wrong-pw-123"
grep -q 'password=\*\*\*' "$work/wrong_password.err" || fail "wrong password: the source is not shown redacted"

run_failing missing_table aggregate points --regions "$reader" --regions-layer no_such_table \
  --id region_id --points "$work/ref.gpkg:points_edges" -o "$work/x.csv"
one_line_error "missing table" "$work/missing_table.err" $rc 1 "no layer 'no_such_table'" "regio-secret-pw"

# Points and regions from queries (the rows streamed through a cursor).
"$regio" aggregate points --regions "$reader" --regions-sql "SELECT region_id, wkb_geometry FROM regions_abc ORDER BY ogc_fid" \
  --id region_id --points "$reader" --points-sql "SELECT wkb_geometry, persons, \"group\" FROM points_edges ORDER BY ogc_fid" \
  --weight persons --by group --quiet -o "$work/sql.csv" --report "$work/sql.json"
same_file "PostGIS queries" "$work/gpkg.csv" "$work/sql.csv"
if grep -q 'regio-secret-pw' "$work/sql.json"; then fail "the report of the queries shows the password"; fi

run_failing query_error aggregate points --regions "$work/ref.gpkg:regions_abc" --id region_id \
  --points "$reader" --points-sql "SELECT geom FROM no_such_points" -o "$work/x.csv"
one_line_error "query error" "$work/query_error.err" $rc 1 "the query failed: .*no_such_points" "regio-secret-pw"

# A pipeline step reading from PostGIS, checked before the run like any other
# input (a missing table is found before anything runs); the manifest names
# the database without the password.
write_pipeline() {  # FILE TABLE
  cat >"$1" <<TOML
[pipeline]
name = "points from PostGIS"
out = "$work/run"
[[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = "$reader"
regions-layer = "$2"
id = "region_id"
points = "$reader"
points-layer = "points_edges"
weight = "persons"
by = "group"
output = "counts.csv"
TOML
}
write_pipeline "$work/pipeline.toml" regions_abc
"$regio" run "$work/pipeline.toml" --quiet >/dev/null
same_file "pipeline from PostGIS" "$work/gpkg.csv" "$work/run/counts.csv"
grep -q '"source": "PG:host=.*password=\*\*\*' "$work/run/manifest.json" || fail "the manifest does not name the database"
if grep -q 'regio-secret-pw' "$work/run/manifest.json"; then fail "the manifest shows the password"; fi
write_pipeline "$work/pipeline_bad.toml" no_such_table
run_failing pipeline_bad run "$work/pipeline_bad.toml" --quiet
[ "$rc" -ne 0 ] || fail "a pipeline with a missing table ran"
grep -q "no layer 'no_such_table'" "$work/pipeline_bad.err" || { fail "pipeline check: missing table not named"; cat "$work/pipeline_bad.err" >&2; }
if grep -q 'regio-secret-pw' "$work/pipeline_bad.err"; then fail "the pipeline check shows the password"; fi

# A geometry column without an SRID is a missing CRS.
psql -q -c "DROP TABLE IF EXISTS regions_nosrid; CREATE TABLE regions_nosrid AS
  SELECT region_id, ST_SetSRID(wkb_geometry, 0)::geometry AS geom FROM regions_abc"
run_failing no_srid aggregate points --regions "$reader" --regions-layer regions_nosrid \
  --id region_id --points "$work/ref.gpkg:points_edges" -o "$work/x.csv"
one_line_error "SRID 0" "$work/no_srid.err" $rc 1 "has no CRS" "regio-secret-pw"
[ ! -e "$work/x.csv" ] || fail "a failed run wrote an output"
finish
