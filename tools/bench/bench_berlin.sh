#!/usr/bin/env bash
# bench_berlin.sh - the README main job end to end after the build (target: under 10 s):
# build/regio-make-berlin-records (the synthetic records from geodata/berlin) and then
# build/regio run geodata/berlin/pipeline.toml, as tools/berlin runs them.
#
# usage: tools/bench/bench_berlin.sh [--runs N] [--scratch DIR]
#
#   --runs N        timed runs (default 3, after 1 warm-up run)
#   --scratch DIR   work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench}/berlin):
#                   records, outputs and logs
#
# Prints per run the wall-clock seconds, the job's CPU seconds (user + sys, its processes
# and their children) and the CPU the rest of the machine used meanwhile (busy_s), so that
# a slow run on a loaded machine can be told from a slow job; then the medians. Every run's
# validation table must equal the first run's (the job is deterministic).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=3
SCRATCH_DIR=${SCRATCH:-/tmp/regio-bench}/berlin
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --scratch) SCRATCH_DIR=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench_berlin: unknown option $1" >&2; exit 2 ;;
  esac
done
for b in regio regio-make-berlin-records; do
  [ -x "$ROOT/build/$b" ] || { echo "bench_berlin: build/$b is not built" >&2; exit 2; }
done
mkdir -p "$SCRATCH_DIR"
export GDAL_PAM_ENABLED=NO
cd "$ROOT"
# The pipeline with its records pointed at the scratch dir (the checkout is left alone).
# Its inputs are named from the checkout's root (base), now a folder elsewhere.
sed -e "s|\"geodata/berlin/addresses_2020.csv\"|\"$SCRATCH_DIR/addresses_2020.csv\"|" -e "s|^base = \"../..\"|base = \"$ROOT\"|" \
  geodata/berlin/pipeline.toml > "$SCRATCH_DIR/pipeline.toml"

job() {
  build/regio-make-berlin-records --data geodata/berlin --out "$SCRATCH_DIR/addresses_2020.csv" &&
    build/regio run "$SCRATCH_DIR/pipeline.toml" --out "$SCRATCH_DIR/out" --quiet
}

walls=() cpus=() others=()
for run in $(seq 0 "$RUNS"); do
  log="$SCRATCH_DIR/run$run.log"; : > "$log"
  busy0=$(busy_s); start=$(date +%s.%N)
  time_run "$SCRATCH_DIR/time$run.txt" "$log" bash -c "$(declare -f job); SCRATCH_DIR='$SCRATCH_DIR' job" ||
    { echo "bench_berlin: run $run failed; see $log" >&2; exit 1; }
  end=$(date +%s.%N); busy1=$(busy_s)
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  cpu=$(cpu_s "$SCRATCH_DIR/time$run.txt")
  other=$(awk -v a="$busy0" -v b="$busy1" -v c="$cpu" 'BEGIN { printf "%.2f", b - a - c }')
  if [ "$run" = 0 ]; then
    cp "$SCRATCH_DIR/out/validation_2020_vs_2021-06.csv" "$SCRATCH_DIR/validation_first.csv"
    echo "warm-up: ${wall} s wall, ${cpu} s CPU, ${other} s CPU of other processes"
    continue
  fi
  cmp -s "$SCRATCH_DIR/out/validation_2020_vs_2021-06.csv" "$SCRATCH_DIR/validation_first.csv" ||
    { echo "bench_berlin: run $run gave another validation table" >&2; exit 1; }
  echo "run $run: ${wall} s wall, ${cpu} s CPU, ${other} s CPU of other processes"
  walls+=("$wall") cpus+=("$cpu") others+=("$other")
done
echo "median of $RUNS: $(printf '%s\n' "${walls[@]}" | median) s wall, $(printf '%s\n' "${cpus[@]}" | median) s CPU," \
     "$(printf '%s\n' "${others[@]}" | median) s CPU of other processes (2 cores: $(nproc))"
