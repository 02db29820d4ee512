#!/usr/bin/env bash
# Region tables, maps and pipeline outputs written into a live PostGIS
# (issue #16): read back with psql and ogr2ogr, the same numbers as the CSV
# and GeoPackage routes; the SRID and a GiST index set; --overwrite needed;
# an input table never written over; a kill during the write leaves the old
# table (or none), never half a table; a map's QGIS style in layer_styles;
# errors in one line without the password. Needs REGIO_TEST_PG
# (tools/with-postgis); skipped (77) without it unless REGIO_REQUIRE_POSTGIS=1.
#   postgis_output_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
pg=$REGIO_TEST_PG
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
q "DROP TABLE IF EXISTS counts, applied, wide, big, big_regions, map_rates, layer_styles CASCADE; DROP SCHEMA IF EXISTS stats CASCADE;
   CREATE SCHEMA stats"
ogr2ogr -f PostgreSQL "$pg" "$data/regions_abc.geojson" -nln regions_abc -overwrite

common=(--regions "$data/regions_abc.geojson" --id region_id --points "$data/points_edges.csv" --points-crs EPSG:3035
        --weight persons --by group --quiet)
"$regio" aggregate points "${common[@]}" -o "$work/expected.csv"
"$regio" aggregate points "${common[@]}" -o "$work/expected.gpkg"

# Into PostGIS; read back with psql in the CSV's columns and order.
"$regio" aggregate points "${common[@]}" -o "$pg" --output-layer counts --report "$work/counts.json"
columns=$(head -1 "$work/expected.csv" | sed 's/\([^,]*\)/"\1"/g')
psql -X -q -c "COPY (SELECT $columns FROM counts ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$work/psql.csv"
same_file "PostGIS table read back with psql" "$work/expected.csv" "$work/psql.csv"
# ogr2ogr gives the same attributes as from the GeoPackage route.
ogr2ogr -f CSV /vsistdout/ "$work/expected.gpkg" >"$work/gpkg_attrs.csv"
ogr2ogr -f CSV /vsistdout/ "$pg" counts >"$work/pg_attrs.csv"
same_file "PostGIS table read back with ogr2ogr" "$work/gpkg_attrs.csv" "$work/pg_attrs.csv"
[ "$(q "SELECT Find_SRID('public', 'counts', 'geom')")" = 3035 ] || fail "the geometry column's SRID is not 3035"
grep -qi "using gist (geom)" <<<"$(q "SELECT indexdef FROM pg_indexes WHERE tablename = 'counts'")" || fail "no GiST index on counts"
[ "$(q "SELECT count(*) FROM counts")" = 5 ] || fail "counts: not 5 rows"
grep -q '"destination": "PG:host=' "$work/counts.json" || fail "the report does not name the database"
grep -q '"layer": "public.counts"' "$work/counts.json" || fail "the report does not name the table"
grep -q '"rows": 5' "$work/counts.json" || fail "the report does not record the rows"
# Geometry equal to the GeoPackage route's.
ogr2ogr -f CSV -lco GEOMETRY=AS_WKT /vsistdout/ "$work/expected.gpkg" | md5sum >"$work/gpkg_wkt"
ogr2ogr -f CSV -lco GEOMETRY=AS_WKT /vsistdout/ "$pg" counts | md5sum >"$work/pg_wkt"
same_file "geometry through PostGIS" "$work/gpkg_wkt" "$work/pg_wkt"

# An existing table needs --overwrite; with it the table is replaced.
run_failing exists aggregate points "${common[@]}" -o "$pg" --output-layer counts
one_line_error "existing table" "$work/exists.err" $rc 2 "public.counts exists"
q "UPDATE counts SET count = -1"
"$regio" aggregate points "${common[@]}" -o "$pg" --output-layer counts --overwrite
[ "$(q "SELECT min(count) FROM counts")" -ge 0 ] || fail "--overwrite did not replace the table"
[ "$(q "SELECT count(*) FROM pg_class WHERE relname LIKE 'regio_tmp%'")" = 0 ] || fail "temporary tables left behind"
# Schema-qualified.
"$regio" aggregate points "${common[@]}" -o "$pg" --output-layer stats.counts
[ "$(q "SELECT count(*) FROM stats.counts")" = 5 ] || fail "stats.counts: not 5 rows"

# Never over an input.
run_failing input aggregate points --regions "$pg" --regions-layer regions_abc --id region_id \
  --points "$data/points_edges.csv" --points-crs EPSG:3035 -o "$pg" --output-layer regions_abc --overwrite
one_line_error "output = input" "$work/input.err" $rc 2 "is also an input"
[ "$(q "SELECT count(*) FROM regions_abc")" = 5 ] || fail "the input table was touched"

# A wrong password and a missing schema: one line, no password.
run_failing wrong_password aggregate points "${common[@]}" -o "$REGIO_TEST_PG_READER password=wrong-pw-123" --output-layer x
one_line_error "wrong password (output)" "$work/wrong_password.err" $rc 1 "password authentication failed" "wrong-pw-123"
run_failing no_schema aggregate points "${common[@]}" -o "$pg" --output-layer nosuch.counts
one_line_error "missing schema" "$work/no_schema.err" $rc 1 "no schema 'nosuch'"
run_failing no_layer aggregate points "${common[@]}" -o "$pg"
one_line_error "no --output-layer" "$work/no_layer.err" $rc 2 "needs the table's name"

# A kill during the write leaves the old table, never half a new one. Many
# regions make the write long enough to hit: the kill comes when the rows
# are being copied into the temporary table.
square_units big_regions region_id 400 160000
big=(--regions "$work/big_regions.gpkg" --id region_id --points "$data/points_edges.csv" --points-crs EPSG:3035 --quiet
     -o "$pg" --output-layer big --overwrite)
q "CREATE TABLE big AS SELECT 'old' AS marker"
for signal in TERM KILL; do
  kill_during_copy "$signal" aggregate points "${big[@]}"
  [ "$(q "SELECT marker FROM big")" = old ] || fail "SIG$signal: the old table is gone or changed"
  [ "$(q "SELECT count(*) FROM pg_class WHERE relname LIKE 'regio_tmp%'")" = 0 ] || fail "SIG$signal: a temporary table is visible"
done
grep -q "interrupted by SIGTERM" "$work/kill_TERM.err" || fail "SIGTERM: no interruption message"
"$regio" aggregate points "${big[@]}"
[ "$(q "SELECT count(*) FROM big")" = 160000 ] || fail "big: not 160000 rows after an uninterrupted run"

# A table without geometry (crosswalk apply) becomes a plain table.
expected_dir=$(dirname "$0")/../cli/expected
apply=(crosswalk apply --crosswalk "$expected_dir/xw_crosswalk_weights.csv" --data "$data/xw_data.csv" --id code
       --extensive count --intensive rate:pop --weight area --quiet)
"$regio" "${apply[@]}" -o "$work/apply.csv"
"$regio" "${apply[@]}" -o "$pg" --output-layer applied
psql -X -q -c "COPY (SELECT code, count, rate FROM applied ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)" >"$work/applied.csv"
same_file "crosswalk apply into PostGIS" "$work/apply.csv" "$work/applied.csv"
[ "$(q "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'applied'")" = 0 ] || fail "applied has a geometry column"

# Indicators, wide (like .gpkg): the same attributes as the GeoPackage route.
indicators=(indicators --data "$data/indicators_counts.csv" --id region --definitions "$data/indicators.toml" --rollup nuts
            --regions "$data/indicators_regions.geojson" --regions-id nuts_id -q)
"$regio" "${indicators[@]}" -o "$work/wide.gpkg"
"$regio" "${indicators[@]}" -o "$pg" --output-layer wide
ogr2ogr -f CSV /vsistdout/ "$work/wide.gpkg" >"$work/wide_gpkg.csv"
ogr2ogr -f CSV /vsistdout/ "$pg" wide >"$work/wide_pg.csv"
same_file "indicators into PostGIS" "$work/wide_gpkg.csv" "$work/wide_pg.csv"

# regio map --gpkg into the database: the styled table and its layer_styles row.
"$regio" map --layer "$data/map_regions.geojson" --id code --field rate -o "$work/map.svg" --gpkg "$work/map.gpkg" --quiet
"$regio" map --layer "$data/map_regions.geojson" --id code --field rate -o "$work/map2.svg" --gpkg "$pg" --gpkg-layer map_rates --quiet
ogr2ogr -f CSV /vsistdout/ "$work/map.gpkg" map >"$work/map_gpkg.csv"
ogr2ogr -f CSV /vsistdout/ "$pg" map_rates >"$work/map_pg.csv"
same_file "map layer through PostGIS" "$work/map_gpkg.csv" "$work/map_pg.csv"
row=$(q "SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, useasdefault, description
         FROM layer_styles WHERE f_table_name = 'map_rates'")
[ "$row" = "regio|public|map_rates|geom|map_rates|t|regio choropleth" ] || fail "layer_styles row: '$row'"
# Read whole before matching: grep -q would stop reading at the first match,
# and psql's SIGPIPE would then fail the pipeline under pipefail.
qml=$(q "SELECT styleqml::text FROM layer_styles WHERE f_table_name = 'map_rates'")
[[ "$qml" == *"<renderer-v2"* ]] || fail "no QML renderer in layer_styles"
grep -q "StyledLayerDescriptor" <<<"$(q "SELECT stylesld::text FROM layer_styles WHERE f_table_name = 'map_rates'")" || fail "no SLD in layer_styles"
"$regio" map --layer "$data/map_regions.geojson" --id code --field rate -o "$work/map3.svg" --gpkg "$pg" --gpkg-layer map_rates \
  --overwrite --quiet
[ "$(q "SELECT count(*) FROM layer_styles WHERE f_table_name = 'map_rates' AND useasdefault")" = 1 ] ||
  fail "replacing the map left two default styles"

# A pipeline step reading from and writing to PostGIS: checked before the
# run (a missing schema is found before anything runs), recorded in the
# manifest by destination and rows, without the password.
reader="$REGIO_TEST_PG_READER password=regio-secret-pw"
q "GRANT CREATE ON SCHEMA stats TO regio_reader; GRANT USAGE ON SCHEMA stats TO regio_reader"
write_pipeline() {  # FILE TABLE
  cat >"$1" <<TOML
[pipeline]
name = "points from and to PostGIS"
out = "$work/run"
[[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = "$reader"
regions-layer = "regions_abc"
id = "region_id"
points = "$data/points_edges.csv"
points-crs = "EPSG:3035"
weight = "persons"
by = "group"
output = "$reader"
output-layer = "$2"
TOML
}
write_pipeline "$work/pipeline.toml" stats.piped
"$regio" run "$work/pipeline.toml" --quiet >/dev/null
[ "$(q "SELECT count(*) FROM stats.piped")" = 5 ] || fail "pipeline: stats.piped not 5 rows"
grep -q '"destination": "PG:host=.*password=\*\*\*' "$work/run/manifest.json" || fail "the manifest does not name the output database"
grep -q '"rows": 5' "$work/run/manifest.json" || fail "the manifest does not record the rows"
if grep -q 'regio-secret-pw' "$work/run/manifest.json"; then fail "the manifest shows the password"; fi
write_pipeline "$work/pipeline_bad.toml" nosuch.piped
run_failing pipeline_bad run "$work/pipeline_bad.toml" --quiet
[ "$rc" -ne 0 ] || fail "a pipeline writing into a missing schema ran"
grep -q "no schema 'nosuch'" "$work/pipeline_bad.err" || { fail "pipeline check: missing schema not named"; cat "$work/pipeline_bad.err" >&2; }
if grep -q 'regio-secret-pw' "$work/pipeline_bad.err"; then fail "the pipeline check shows the password"; fi
finish
