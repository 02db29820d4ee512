#!/usr/bin/env bash
# bench_postgis.sh - regio reading from PostGIS (issue #16), not a test.
#
# usage: tools/bench/bench_postgis.sh [N] [SCRATCH]      (N default 10000000)
#
# In a throwaway cluster (tools/with-postgis) it loads NUTS 2021 level 3
# (../shared/data/nuts/nuts_2021_03M_3035.gpkg) and N seeded random points
# over its extent (load not timed), then measures, each under /usr/bin/time:
#   regio, points from CSV          regio aggregate points --points points.csv
#   regio, points from PostGIS      --points PG:... --points-layer pts (streamed through a cursor)
#   PostGIS's own join              ST_Contains on the GiST-indexed tables, grouped (psql)
#   regions only, GeoPackage        regio with one point: the time is the regions' read and check
#   regions only, PostGIS           the same with --regions PG:... --regions-layer nuts3
# and prints wall seconds, points/s and peak RSS (regio: the regio process;
# PostGIS: the server's work is not in the client's RSS). Results in SCRATCH.
# The binary under test: $REGIO, else $REGIO_BIN, else build/regio.
# POSTGIS_JOIN=0 skips the PostGIS join (the peer; about 2 minutes at 10
# million), e.g. when only regio builds are compared.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
N=${1:-10000000}
SCRATCH=${2:-${SCRATCH:-/tmp/regio-bench}/postgis}
REGIO=${REGIO:-${REGIO_BIN:-$ROOT/build/regio}}  # REGIO_BIN: as in lib.sh (this script does not source it)
NUTS=$(cd "$ROOT/.." && pwd)/shared/data/nuts/nuts_2021_03M_3035.gpkg
[ -f "$NUTS" ] || { echo "bench_postgis: $NUTS missing" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_postgis: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

if [ -z "${REGIO_TEST_PG:-}" ]; then exec "$ROOT/tools/with-postgis" "$0" "$N" "$SCRATCH"; fi
mkdir -p "$SCRATCH"
export GDAL_PAM_ENABLED=NO
# The cluster runs as postgres; psql's \copy reads as the client, so any path works.
pg=$REGIO_TEST_PG
cd "$SCRATCH"

regions=$SCRATCH/nuts3.gpkg
[ -s "$regions" ] || ogr2ogr -f GPKG "$regions" "$NUTS" nutsrg_3 -nln nuts3
points=$SCRATCH/points_$N.csv
if [ ! -s "$points" ]; then
  # Uniform over the box of the regions; a fixed seed makes the same file.
  python3 - "$N" "$points" <<'PY'
import random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
with open(out, "w") as f:
    f.write("x,y,weight,grp\n")
    for i in range(n):
        f.write("%.1f,%.1f,%d,%s\n" % (rnd.uniform(2400000, 7400000), rnd.uniform(1300000, 5500000), rnd.randint(1, 9), "ab"[i % 2]))
PY
fi
echo "loading (not timed)..." >&2
ogr2ogr -f PostgreSQL "$pg" "$regions" nuts3 -nln nuts3 -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -nlt MULTIPOLYGON -overwrite
psql -q -v ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS pts_raw, pts;
CREATE UNLOGGED TABLE pts_raw (x float8, y float8, weight int, grp text);
\copy pts_raw FROM '$points' WITH (FORMAT csv, HEADER true)
CREATE TABLE pts AS SELECT weight, grp, ST_Point(x, y, 3035)::geometry(Point,3035) AS geom FROM pts_raw;
DROP TABLE pts_raw;
CREATE INDEX pts_geom_gist ON pts USING gist (geom);
ANALYZE pts; ANALYZE nuts3;
SQL
printf "x,y,weight,grp\n4552000,3272000,1,a\n" > one_point.csv  # in Berlin

results=$SCRATCH/bench_postgis.txt
printf '%-34s %8s %12s %9s\n' what wall_s points_per_s peak_mib | tee "$results"
measure() {  # NAME POINTS CMD...
  local name=$1 n=$2; shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$SCRATCH/$name.time" "$@" >"$SCRATCH/$name.log" 2>&1 || { echo "$name failed: see $SCRATCH/$name.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v n="$n" -v s="$start" -v e="$end" -v name="$name" -F: '/Maximum resident set size/{rss=$2/1024}
    END{w=e-s; printf "%-34s %8.2f %12s %9.0f\n", name, w, (n > 1 ? sprintf("%.0f", n / w) : "-"), rss}' "$SCRATCH/$name.time" | tee -a "$results"
}
common=(--id nuts_id --weight weight --by grp --quiet --overwrite)
measure regio_points_csv "$N" "$REGIO" aggregate points --regions "$regions:nuts3" --points "$points" --points-crs EPSG:3035 "${common[@]}" -o csv.csv
measure regio_points_postgis "$N" "$REGIO" aggregate points --regions "$regions:nuts3" --points "$pg" --points-layer pts "${common[@]}" -o pg.csv
[ "${POSTGIS_JOIN:-1}" = 0 ] ||
  measure postgis_st_contains_join "$N" psql -q -v ON_ERROR_STOP=1 -c "\copy (SELECT r.nuts_id, p.grp, count(*), sum(p.weight) FROM nuts3 r JOIN pts p ON ST_Contains(r.geom, p.geom) GROUP BY 1, 2 ORDER BY 1, 2) TO '$SCRATCH/join.csv' WITH (FORMAT csv)"
measure regions_only_gpkg 1 "$REGIO" aggregate points --regions "$regions:nuts3" --points one_point.csv --points-crs EPSG:3035 "${common[@]}" -o r1.csv
measure regions_only_postgis 1 "$REGIO" aggregate points --regions "$pg" --regions-layer nuts3 --points one_point.csv --points-crs EPSG:3035 "${common[@]}" -o r2.csv
cmp -s csv.csv pg.csv && echo "CSV and PostGIS routes: identical tables" | tee -a "$results" || echo "CSV and PostGIS routes DIFFER" | tee -a "$results"
# Regions read from PostGIS come in the server's order, which can change
# from one load to the next: the same header and the same rows, in any order.
same_rows() { [ "$(head -1 "$1")" = "$(head -1 "$2")" ] && cmp -s <(tail -n +2 "$1" | sort) <(tail -n +2 "$2" | sort); }
same_rows r1.csv r2.csv && echo "regions from GeoPackage and PostGIS: the same rows" | tee -a "$results" || echo "regions from GeoPackage and PostGIS DIFFER" | tee -a "$results"
