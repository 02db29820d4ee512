#!/usr/bin/env bash
# tools/bench/bench_cell_key.sh [--size N] [--runs R] [--scratch DIR]
#
# The cost of cell-key protection (issue #17): N address records (default 10
# million) onto NUTS 2021 level 3 (about 1,500 regions; ../shared/data/nuts,
# read in place) by 19 groups (a 20-column count table), with and without
# record keys (--cell-keys), then the indicators of that table perturbed
# (method = "cell-key") against suppression. Prints the median wall time of
# each and the overhead in %; the issue's target is under 20 %.
# The records are generated here (seeded, Python stdlib): clustered around the
# regions' label points, with an address id; into DIR (default
# /tmp/regio-bench/cell_key), never the checkout.
# The binary under test: $REGIO_BIN (absolute path) when set, else build/regio.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)
NUTS=$(cd "$ROOT/.." && pwd)/shared/data/nuts
REGIO=$(regio_bin "$ROOT/build/regio")  # $REGIO_BIN when set (lib.sh)
SIZE=10000000
RUNS=3
SCRATCH=/tmp/regio-bench/cell_key
while [ $# -gt 0 ]; do
  case $1 in
    --size) SIZE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --scratch) SCRATCH=$2; shift 2 ;;
    *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
[ -x "$REGIO" ] || { echo "bench: build regio first" >&2; exit 1; }
[ -d "$NUTS" ] || { echo "bench: $NUTS is absent" >&2; exit 1; }
export GDAL_PAM_ENABLED=NO
mkdir -p "$SCRATCH"
REGIONS=$SCRATCH/nuts3_2021.gpkg
[ -s "$REGIONS" ] || ogr2ogr -f GPKG "$REGIONS" "$NUTS/nuts_2021_03M_3035.gpkg" nutsrg_3 -nln nuts3_2021
POINTS=$SCRATCH/records_$SIZE.csv
if [ ! -s "$POINTS" ]; then
  ogr2ogr -f CSV -lco GEOMETRY=AS_XY "$SCRATCH/labels.csv" "$NUTS/nuts_2021_03M_3035.gpkg" nutsrg_3 \
    -dialect sqlite -sql "SELECT ST_PointOnSurface(geom) AS geom, id FROM nutsrg_3" >/dev/null 2>&1
  python3 - "$SCRATCH/labels.csv" "$SIZE" "$POINTS" <<'PY'
import csv, random, sys
labels = [(float(r["X"]), float(r["Y"])) for r in csv.DictReader(open(sys.argv[1]))]
n, rng = int(sys.argv[2]), random.Random(42)
with open(sys.argv[3], "w") as out:
    out.write("address_id,x,y,group\n")
    for i in range(n):
        x, y = labels[rng.randrange(len(labels))]
        out.write("A%09d,%.1f,%.1f,g%02d\n" % (i, x + rng.gauss(0, 2000), y + rng.gauss(0, 2000), rng.randrange(19)))
PY
fi
echo "cell-key bench salt $$" > "$SCRATCH/salt.txt"
{
  echo '[disclosure]'; echo 'method = "cell-key"'; echo 'max_perturbation = 4'; echo 'variance = 2.5'; echo 'min_published = 3'; echo 'p_stay = 0.2'
  printf '[groups]\nvalues = [%s]\nreference = "g00"\ndefinition = "birth"\n' "$(seq -f '"g%02g"' 0 18 | paste -sd,)"
  printf '[[indicator]]\nname = "share"\nnumerator = "count_{group}"\ndenominator = "count"\ntotal_numerator = "count"\ntotal_denominator = "count"\nscale = 100\ngap = true\n'
} > "$SCRATCH/cell_key.toml"
grep -v '^method\|^max_pert\|^variance\|^min_pub\|^p_stay' "$SCRATCH/cell_key.toml" > "$SCRATCH/suppression.toml"

# wall SECONDS of one run of the command
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
runs() { for _ in $(seq "$RUNS"); do wall "$@"; done | median; }

AGG=("$REGIO" aggregate points --regions "$REGIONS:nuts3_2021" --id id --points "$POINTS" --points-crs EPSG:3035 --by group --overwrite -q)
plain=$(runs "${AGG[@]}" -o "$SCRATCH/plain.csv")
keyed=$(runs "${AGG[@]}" --record-id address_id --key-salt-file "$SCRATCH/salt.txt" -o "$SCRATCH/keyed.csv")
IND=("$REGIO" indicators --data "$SCRATCH/keyed.csv" --id id --overwrite -q)
supp=$(runs "${IND[@]}" --definitions "$SCRATCH/suppression.toml" -o "$SCRATCH/ind_suppression.csv")
pert=$(runs "${IND[@]}" --definitions "$SCRATCH/cell_key.toml" -o "$SCRATCH/ind_cell_key.csv")
regions=$(($(wc -l < "$SCRATCH/plain.csv") - 1))
echo "records $SIZE, regions $regions, groups 19 (20 count columns), median of $RUNS runs"
echo "aggregate points:            $plain s"
echo "aggregate points --cell-keys: $keyed s"
echo "indicators (suppression):    $supp s"
echo "indicators (cell-key):       $pert s"
echo "overhead (points + indicators): $(echo "scale=1; 100 * (($keyed + $pert) - ($plain + $supp)) / ($plain + $supp)" | bc) %"
