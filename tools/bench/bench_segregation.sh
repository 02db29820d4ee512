#!/usr/bin/env bash
# bench_segregation.sh - benchmark `regio segregation` (issue #14 targets) against a straightforward
# numpy/scipy implementation of the same smoothing (bench_segregation.py).
#
# usage: tools/bench/bench_segregation.sh [options]
#
#   --scratch DIR   work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench}); data, outputs
#                   and logs go to DIR/segregation, the summary to DIR/bench_segregation.txt
#   --regio PATH    binary under test (default: $REGIO_BIN, else build/regio in the checkout)
#   --runs N        timed runs per configuration (default 3; the median is reported)
#   --size N        grid of N x N cells of 100 m (default 1000)
#   --install-peers apt-get install python3-numpy python3-scipy (Debian) first
#   -h, --help      this text
#
# Configurations:
#   grid     a seeded, clustered N x N grid of 100 m cells with 4 groups (bench_segregation.py generate,
#            seed 42; cells without people left out), as a table of INSPIRE cell codes:
#            regio segregation --grid-codes --group g1,g2,g3,g4 with every global index (the default),
#            --bandwidth 500,1000,2000,4000 (box kernel) and --scales 1,2,5,10.
#            Target: under 2 s and under 300 MB.
#   numpy    the peer on the same table: FFT convolution with the same discs, D of every group and
#            multigroup H at every bandwidth and scale (reading excluded from its time); it checks
#            regio's values (largest difference <= 1e-9). ratio = numpy seconds / regio seconds.
#   berlin   Berlin's 448 planning areas (../shared/data, register 31.12.2020), foreigners against all
#            residents, --simulations 999. Target: under 1 s.
# Each: RUNS runs, median wall; peak RSS and CPU of the last run (lib.sh time_run).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=$(cd "$ROOT/.." && pwd)/shared
BERLIN=$SHARED/data/city/berlin/population/berlin-lor-population-2020-02-t1-planning-areas.csv

SCRATCH=${SCRATCH:-/tmp/regio-bench}
REGIO=$(regio_bin "$ROOT/build/regio")
RUNS=3
SIZE=1000
INSTALL=0
PY=/usr/bin/python3  # Debian's python, where python3-numpy and python3-scipy live

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "bench_segregation: error: $*" >&2; exit 1; }
log() { echo "[bench_segregation $(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --scratch) SCRATCH=$2; shift 2 ;;
    --regio) REGIO=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --install-peers) INSTALL=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be >= 1"
[ "$INSTALL" = 1 ] && apt-get install -y python3-numpy python3-scipy >/dev/null
"$PY" -c 'import numpy, scipy' 2>/dev/null || die "numpy/scipy missing: apt-get install python3-numpy python3-scipy (or --install-peers)"
[[ $REGIO == /* ]] || REGIO=$PWD/$REGIO
[ -x "$REGIO" ] || die "regio not found at $REGIO (build it first)"

mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
case "$SCRATCH/" in "$ROOT"/*) die "--scratch must be outside the checkout ($ROOT)" ;; esac
OUT=$SCRATCH/segregation
SUMMARY=$SCRATCH/bench_segregation.txt
FAILURES=$OUT/failures.txt
mkdir -p "$OUT"
: > "$FAILURES"
cp "$REGIO" "$OUT/regio.snapshot" && REGIO=$OUT/regio.snapshot  # a rebuild cannot disturb the runs

GRID=$OUT/grid_${SIZE}_s42.csv
[ -s "$GRID" ] || { log "generating $GRID"; "$PY" "$HERE/bench_segregation.py" generate "$GRID" --size "$SIZE" --seed 42 >&2; }

# measure TAG CMD...: RUNS runs; prints "median_wall peak_mib cpu_s" of them (exit status checked).
measure() {
  local tag=$1; shift
  local walls=() tf=$OUT/$tag.time err=$OUT/$tag.log start end
  echo "\$ $*" > "$err"
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    time_run "$tf" "$err" "$@" || { report_failure "$tag" "$*" "$err"; return 1; }
    end=$(date +%s.%N)
    walls+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s %s %s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(peak_mib "$tf")" "$(cpu_s "$tf")"
}

busy0=$(busy_s)
log "grid: regio on $GRID"
read -r g_wall g_mib g_cpu < <(measure grid "$REGIO" segregation --data "$GRID" --id cell --group g1,g2,g3,g4 --grid-codes \
  --bandwidth 500,1000,2000,4000 --scales 1,2,5,10 -o "$OUT/grid_out.csv" --overwrite --quiet)
log "numpy peer"
"$PY" "$HERE/bench_segregation.py" peer "$GRID" "$OUT/grid_out.csv" > "$OUT/numpy.log" 2>&1 || { cat "$OUT/numpy.log" >&2; die "numpy peer failed"; }
n_wall=$(awk '/^numpy_seconds/{print $2}' "$OUT/numpy.log")
check=$(grep '^compared' "$OUT/numpy.log")
b_line="berlin: skipped (../shared/data absent)"
if [ -f "$BERLIN" ]; then
  log "berlin: 999 simulations"
  read -r b_wall b_mib b_cpu < <(measure berlin "$REGIO" segregation --data "$BERLIN" --id id --group inhabitants_foreigners \
    --total inhabitants --simulations 999 --seed 1 -o "$OUT/berlin_out.csv" --overwrite --quiet)
  b_line=$(printf 'berlin 448 units, 999 simulations: %.3f s (target < 1 s), %s MiB, CPU %s s' "$b_wall" "$b_mib" "$b_cpu")
fi
busy=$(echo "$(busy_s) - $busy0" | bc -l)
cells=$(($(wc -l < "$GRID") - 1))

{
  echo "bench_segregation $(date '+%F %H:%M') on $(nproc) cores, regio $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $RUNS runs each (median)"
  printf 'grid %d x %d (%d cells with people), 4 groups, all indices, 4 bandwidths, 4 scales: %.3f s (target < 2 s), %s MiB (target < 300), CPU %s s\n' \
    "$SIZE" "$SIZE" "$cells" "$g_wall" "$g_mib" "$g_cpu"
  printf 'numpy/scipy (FFT smoothing, D and H only, reading excluded): %.3f s; ratio numpy / regio %.1f; %s\n' \
    "$n_wall" "$(echo "$n_wall / $g_wall" | bc -l)" "$check"
  echo "$b_line"
  printf 'machine CPU busy during the runs: %.1f s over all cores, these runs included (other builds share the machine)\n' "$busy"
} | tee "$SUMMARY"
[ -s "$FAILURES" ] && exit 1 || exit 0
