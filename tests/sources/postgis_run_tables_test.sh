#!/usr/bin/env bash
# regio run and the database tables its steps write (issue #16): the runner
# passes --overwrite to every step, so before the first step it checks that
# every existing table it would replace was made by the previous run of the
# same pipeline (its manifest), unless `regio run --overwrite`. First run
# writes, a re-run replaces its own table, a table made elsewhere is refused
# (one line naming the step, its line, the destination without password and
# the table; nothing runs; the table stays), `--overwrite` replaces it.
# Needs REGIO_TEST_PG (tools/with-postgis); skipped (77) without it unless
# REGIO_REQUIRE_POSTGIS=1.
#   postgis_run_tables_test.sh REGIO DATA_DIR WORK_DIR
set -euo pipefail
regio=$1 data=$2 work=$3
. "$(dirname "$0")/check_support.sh"
require_postgis
rm -rf "$work" && mkdir -p "$work"
export GDAL_PAM_ENABLED=NO
q() { psql -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
q "DROP TABLE IF EXISTS run_counts, run_foreign CASCADE"
db="$REGIO_TEST_PG_READER password=regio-secret-pw"
q "GRANT CREATE ON SCHEMA public TO regio_reader"

write_pipeline() {  # FILE OUT TABLE
  cat >"$1" <<TOML
[pipeline]
name = "counts into PostGIS"
out = "$2"

[[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = "$data/regions_abc.geojson"
id = "region_id"
points = "$data/points_edges.csv"
points-crs = "EPSG:3035"
weight = "persons"
by = "group"
output = "$db"
output-layer = "$3"
TOML
}

# First run writes; the manifest records the table; a re-run replaces it.
write_pipeline "$work/own.toml" "$work/own" run_counts
"$regio" run "$work/own.toml" --quiet >/dev/null
[ "$(q "SELECT count(*) FROM run_counts")" = 5 ] || fail "first run: run_counts not 5 rows"
grep -q '"tables"' "$work/own/manifest.json" || fail "the manifest does not list the tables the pipeline made"
grep -q '"layer": "public.run_counts"' "$work/own/manifest.json" || fail "the manifest does not name public.run_counts"
if grep -q 'regio-secret-pw' "$work/own/manifest.json"; then fail "the manifest shows the password"; fi
run_failing rerun run "$work/own.toml" --quiet
[ "$rc" -eq 0 ] || { fail "a re-run may replace the table its previous run made (exit $rc)"; cat "$work/rerun.err" >&2; }
[ "$(q "SELECT count(*) FROM run_counts")" = 5 ] || fail "re-run: run_counts not 5 rows"
# --only keeps the record of the table for the run after it.
"$regio" run "$work/own.toml" --only counts --quiet >/dev/null
grep -q '"layer": "public.run_counts"' "$work/own/manifest.json" || fail "--only: the manifest lost the table"
# A rejected file (an unknown option) keeps the record too.
write_pipeline "$work/own.toml" "$work/own" run_counts
echo 'no-such-option = 1' >>"$work/own.toml"
run_failing rejected run "$work/own.toml" --quiet
[ "$rc" -ne 0 ] || fail "a pipeline file with an unknown option ran"
write_pipeline "$work/own.toml" "$work/own" run_counts
run_failing after_rejection run "$work/own.toml" --quiet
[ "$rc" -eq 0 ] || { fail "after a rejected file the table is still the pipeline's own (exit $rc)"; cat "$work/after_rejection.err" >&2; }

# A table this pipeline never made: refused before anything runs, left intact.
q "CREATE TABLE run_foreign (kept integer); INSERT INTO run_foreign VALUES (42); ALTER TABLE run_foreign OWNER TO regio_reader"
write_pipeline "$work/foreign.toml" "$work/foreign" run_foreign
run_failing foreign run "$work/foreign.toml" --quiet
one_line_error "a foreign table" "$work/foreign.err" "$rc" 1 \
  "foreign.toml: step counts (line 5): output PG:host=.* password=\*\*\* table public.run_foreign exists and was not written by an earlier run of this pipeline; nothing was run" \
  regio-secret-pw
grep -q '^hint: .*regio run --overwrite' "$work/foreign.err" || fail "a foreign table: no hint naming regio run --overwrite"
[ "$(q "SELECT kept FROM run_foreign")" = 42 ] || fail "the foreign table was changed"
[ ! -e "$work/foreign/manifest.json" ] || fail "a refused run wrote a manifest"
# Another pipeline's manifest does not count: its tables are its own.
write_pipeline "$work/other.toml" "$work/own" run_counts
run_failing other run "$work/other.toml" --quiet
[ "$rc" -ne 0 ] || fail "another pipeline's run directory let it replace run_counts"

# regio run --overwrite: the user says so; replaced.
"$regio" run "$work/foreign.toml" --overwrite --quiet >/dev/null
[ "$(q "SELECT count(*) FROM run_foreign")" = 5 ] || fail "--overwrite: run_foreign not replaced by the 5 rows"
run_failing again run "$work/foreign.toml" --quiet
[ "$rc" -eq 0 ] || { fail "after --overwrite the table is the pipeline's own (exit $rc)"; cat "$work/again.err" >&2; }
q "DROP TABLE IF EXISTS run_counts, run_foreign CASCADE"
finish
