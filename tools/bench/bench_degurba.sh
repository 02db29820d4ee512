#!/usr/bin/env bash
# bench_degurba.sh - benchmark `regio degurba` (Degree of Urbanisation, Level 1) on the real
# JRC-GEOSTAT 2018 1 km population raster of Europe (5561 x 4472 = 24,868,792 cells, UInt16,
# nodata 65535), against the issue's targets: under 2 s wall and under 300 MB peak RSS.
#
# usage: tools/bench/bench_degurba.sh [options]
#
#   --scratch DIR       work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench});
#                       outputs, logs and results.tsv go to DIR/out_degurba
#   --regio PATH        binary under test (default: build/regio in the checkout)
#   --grid PATH         population raster (default: ../shared/data/grid/JRC_1K_POP_2018.tif)
#   --runs N            timed runs of each row (default 5; median reported)
#   --target-s S        wall-time target in seconds (default 2)
#   --target-mib M      peak-RSS target in MiB (default 300)
#   -h, --help          this text
#
# What it does:
#   1. rows (each the Europe-wide Level 1 run from the 1 km raster):
#        level1           regio degurba --grid GRID -o DIR/out_degurba/level1.tif
#        level1-clusters  the same with --clusters DIR/out_degurba/clusters.gpkg (urban
#                         centres and clusters as dissolved polygons)
#      each: one run under /usr/bin/time -v (peak RSS, CPU, exit status), then hyperfine:
#      1 warm-up + --runs runs, median wall (fallback without hyperfine: date, --runs runs).
#   2. checks that both rows wrote the same class raster (cmp), so the --clusters row
#      measures the extra output only.
#   3. prints a summary, seconds and MiB against the targets (also DIR/out_degurba/summary.txt
#      and DIR/bench_degurba.txt); raw rows: DIR/out_degurba/results.tsv, logs: *.log.
#   Exit status 0 when every row ran (a missed target is reported, not an error), 1 otherwise.
#
# Env: GDAL_PAM_ENABLED is set to NO (no .aux.xml files beside the read-only data);
#      BENCH_NO_HYPERFINE=1 / BENCH_NO_TIME=1 use the fallbacks (date +%s.%N, getrusage).
# Needs: bash, python3; hyperfine and time (/usr/bin/time) for the intended measurement.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)                  # checkout root
SHARED=$(cd "$ROOT/.." && pwd)/shared            # ../shared next to the checkout
GRID=$SHARED/data/grid/JRC_1K_POP_2018.tif
CELLS=24868792                                   # cells of the JRC raster (5561 x 4472)

SCRATCH=${SCRATCH:-/tmp/regio-bench}
REGIO=$ROOT/build/regio
RUNS=5
TARGET_S=2
TARGET_MIB=300

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "bench: error: $*" >&2; exit 1; }
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --scratch) SCRATCH=$2; shift 2 ;;
    --regio) REGIO=$2; shift 2 ;;
    --grid) GRID=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --target-s) TARGET_S=$2; shift 2 ;;
    --target-mib) TARGET_MIB=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be >= 1"
[[ $TARGET_S =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --target-s: $TARGET_S"
[[ $TARGET_MIB =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --target-mib: $TARGET_MIB"
[ -f "$GRID" ] || die "population raster not found: $GRID"

mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
case "$SCRATCH/" in "$ROOT"/*) die "--scratch must be outside the checkout ($ROOT)" ;; esac
[[ $REGIO == /* ]] || REGIO=$PWD/$REGIO
OUT=$SCRATCH/out_degurba
RES=$OUT/results.tsv
SUMMARY=$OUT/summary.txt
BLOCK=$SCRATCH/bench_degurba.txt
mkdir -p "$OUT"
export GDAL_PAM_ENABLED=NO

HAVE_TIME=0; [ -x /usr/bin/time ] && [ -z "${BENCH_NO_TIME:-}" ] && HAVE_TIME=1
HAVE_HF=0; command -v hyperfine >/dev/null && [ -z "${BENCH_NO_HYPERFINE:-}" ] && HAVE_HF=1

[ -x "$REGIO" ] || die "regio not found at $REGIO (build it: cmake --build build -j2 --target regio)"
"$REGIO" degurba --help >/dev/null 2>&1 || die "'$REGIO degurba --help' failed"
REGIO_STAMP="checkout $( (cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null) || echo 'without commits'), binary built $(date -r "$REGIO" '+%F %H:%M:%S')"
# Run a copy, so that a rebuild of build/regio during the benchmark cannot disturb it.
if cp "$REGIO" "$SCRATCH/regio-degurba.snapshot" && "$SCRATCH/regio-degurba.snapshot" degurba --help >/dev/null 2>&1; then
  REGIO_STAMP+=", run as a copy: $SCRATCH/regio-degurba.snapshot"
  REGIO=$SCRATCH/regio-degurba.snapshot
fi

# ---------------------------------------------------------------- measuring
printf 'tool\twall_s\tcells_per_s\tpeak_mib\tcpu_s\truns\tstatus\n' > "$RES"
FAILURES=$OUT/failures.txt
: > "$FAILURES"


# measure TOOL CMD ARGS...
# 1) one run under /usr/bin/time -v (or getrusage): peak RSS, CPU, exit status;
# 2) hyperfine: 1 warm-up + RUNS runs, median wall (fallback: date, RUNS runs).
# Appends a row to results.tsv; returns non-zero (and prints the error) if the command fails.
measure() {
  local tool=$1; shift
  local cmd; cmd=$(printf '%q ' "$@")
  local tf=$OUT/$tool.time err=$OUT/$tool.log t0 t1 rc=0 wall rss cpu
  log "$tool: $cmd"
  echo "\$ $cmd" > "$err"
  t0=$(date +%s.%N)
  time_run "$tf" "$err" "$@" || rc=$?
  t1=$(date +%s.%N)
  if [ "$rc" != 0 ]; then
    report_failure "$tool, exit $rc" "$cmd" "$err"
    printf '%s\tNA\tNA\tNA\tNA\t%s\tFAILED(exit %s)\n' "$tool" "$RUNS" "$rc" >> "$RES"
    return 1
  fi
  rss=$(peak_mib "$tf")
  cpu=$(cpu_s "$tf")
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  if [ "$HAVE_HF" = 1 ]; then
    # -N: no intermediate shell (sub-second commands); the command line is split by hyperfine
    hyperfine -N -w 1 -r "$RUNS" --export-json "$OUT/$tool.hf.json" "$cmd" >>"$err" 2>&1 \
      || { echo "bench: hyperfine failed for $tool (see $err)" | tee -a "$FAILURES" >&2
           printf '%s\tNA\tNA\tNA\tNA\t%s\tFAILED(hyperfine)\n' "$tool" "$RUNS" >> "$RES"
           return 1; }
    wall=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/$tool.hf.json")
  elif [ "$RUNS" -gt 1 ]; then
    local i ws=()
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s.%N); "$@" >>"$err" 2>&1; t1=$(date +%s.%N)
      ws+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")
    done
    wall=$(printf '%s\n' "${ws[@]}" | median)
  fi
  local cps; cps=$(awk -v n="$CELLS" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\tok\n' "$tool" "$wall" "$cps" "$rss" "$cpu" "$RUNS" >> "$RES"
  log "$tool: wall ${wall}s, peak ${rss} MiB, CPU ${cpu}s"
}
row() { awk -F'\t' -v t="$1" -v c="$2" '$1 == t {print $c}' "$RES"; }

# ---------------------------------------------------------------- rows
rm -f "$OUT/level1.tif" "$OUT/level1-clusters.tif" "$OUT/clusters.gpkg"
measure level1 "$REGIO" degurba --grid "$GRID" -o "$OUT/level1.tif" --overwrite --quiet || true
measure level1-clusters "$REGIO" degurba --grid "$GRID" -o "$OUT/level1-clusters.tif" \
  --clusters "$OUT/clusters.gpkg" --overwrite --quiet || true

CHECK="not run"
if [ -f "$OUT/level1.tif" ] && [ -f "$OUT/level1-clusters.tif" ]; then
  if cmp -s "$OUT/level1.tif" "$OUT/level1-clusters.tif"; then CHECK="identical"
  else CHECK="DIFFERENT"; echo "bench: the two rows wrote different class rasters" | tee -a "$FAILURES" >&2; fi
fi

# ---------------------------------------------------------------- summary
verdict() {  # verdict VALUE TARGET -> "ok" / "MISSED"
  awk -v v="$1" -v t="$2" 'BEGIN{ if (v == "NA" || v == "") print "n/a"; else if (v + 0 < t + 0) print "ok"; else print "MISSED" }'
}
{
  echo "regio degurba, Europe at 1 km (JRC_1K_POP_2018.tif, $CELLS cells), Level 1"
  echo "binary: $REGIO_STAMP"
  echo "wall: $( [ "$HAVE_HF" = 1 ] && echo "hyperfine median of $RUNS (1 warm-up)" || echo "date, median of $RUNS" ); peak RSS: $( [ "$HAVE_TIME" = 1 ] && echo "/usr/bin/time -v" || echo getrusage ) of one run"
  echo "targets: wall < ${TARGET_S} s, peak RSS < ${TARGET_MIB} MiB"
  echo
  printf '%-17s %9s %8s %11s %9s %8s %9s\n' row wall_s vs_2s peak_MiB vs_300 cpu_s Mcells/s
  for tool in level1 level1-clusters; do
    w=$(row "$tool" 2); m=$(row "$tool" 4); c=$(row "$tool" 5); p=$(row "$tool" 3)
    printf '%-17s %9s %8s %11s %9s %8s %9s\n' "$tool" "${w:-NA}" "$(verdict "${w:-NA}" "$TARGET_S")" "${m:-NA}" \
      "$(verdict "${m:-NA}" "$TARGET_MIB")" "${c:-NA}" "$(awk -v p="${p:-NA}" 'BEGIN{ if (p == "NA") print "NA"; else printf "%.1f", p / 1e6 }')"
  done
  echo
  echo "class rasters of the two rows: $CHECK"
  [ -s "$FAILURES" ] && echo "failures: see $FAILURES"
  echo "raw rows: $RES; logs: $OUT/*.log"
} | tee "$SUMMARY"
cp "$SUMMARY" "$BLOCK"

[ -s "$FAILURES" ] && exit 1
exit 0
