#!/usr/bin/env bash
# bench_crosswalk_tolerance.sh - what the boundary tolerance of `regio crosswalk build`
# (issue #19) costs over the exact overlay: NUTS 2016 x 2021 level 3 at 1:3M, area only and
# with the JRC 1 km population grid, at --boundary-tolerance 0 (exact) and at the default the
# file names give (0.25 mm at 1:3M = 750 m). The issue's bound: at most 50 % more time.
#
# usage: tools/bench/bench_crosswalk_tolerance.sh [--runs N] [--scratch DIR] [--regio PATH]
#   --runs N       timed runs per configuration, after 1 warm-up run (default 5); median wall
#   --scratch DIR  outputs and the summary (default ${SCRATCH:-/tmp/regio-bench}/crosswalk_tolerance)
#   --regio PATH   binary under test (default: build/regio in the checkout)
# Needs: bash, python3 (for the clock and the median). Reads ../shared/data next to the checkout.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$(cd "$ROOT/.." && pwd)/shared/data
RUNS=5
OUT=${SCRATCH:-/tmp/regio-bench}/crosswalk_tolerance
REGIO=$ROOT/build/regio
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --scratch) OUT=$2/crosswalk_tolerance; shift 2 ;;
    --regio) REGIO=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench_crosswalk_tolerance.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
F16=$DATA/nuts/nuts_2016_03M_3035.gpkg; F21=$DATA/nuts/nuts_2021_03M_3035.gpkg; GRID=$DATA/grid/JRC_1K_POP_2018.tif
for f in "$F16" "$F21" "$GRID" "$REGIO"; do [ -e "$f" ] || { echo "missing $f" >&2; exit 1; }; done
mkdir -p "$OUT"
export GDAL_PAM_ENABLED=NO

# wall SECONDS of one run of the command line "$@"
wall() { python3 -c 'import subprocess,sys,time; t=time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print("%.4f" % (time.perf_counter()-t))' "$@"; }

SUMMARY=$OUT/summary.txt
: >"$SUMMARY"
for w in area weights; do
  wa=(); [ "$w" = weights ] && wa=(--weights "$GRID")
  # The two configurations alternate run by run, so that the load of a busy
  # machine falls on both alike.
  base=("$REGIO" crosswalk build --from "$F16:nutsrg_3" --from-id NUTS_ID --to "$F21:nutsrg_3" --to-id NUTS_ID "${wa[@]}" --overwrite --quiet)
  exact=("${base[@]}" --boundary-tolerance 0 -o "$OUT/${w}_exact.csv" --report "$OUT/${w}_exact.report.json")
  tolerant=("${base[@]}" -o "$OUT/${w}_default.csv" --report "$OUT/${w}_default.report.json")
  wall "${exact[@]}" >/dev/null; wall "${tolerant[@]}" >/dev/null  # warm-up
  : >"$OUT/$w.times"
  for _ in $(seq "$RUNS"); do echo "$(wall "${exact[@]}") $(wall "${tolerant[@]}")" >>"$OUT/$w.times"; done
  declare -A med=([exact]=$(cut -d' ' -f1 "$OUT/$w.times" | median) [default]=$(cut -d' ' -f2 "$OUT/$w.times" | median))
  ratio=$(python3 -c "print('%.2f' % (${med[default]} / ${med[exact]}))")
  echo "NUTS3 2016 x 2021 1:3M, $w: exact ${med[exact]} s, tolerance 750 m ${med[default]} s, ratio $ratio (median of $RUNS, load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$SUMMARY"
done
echo "summary: $SUMMARY"
