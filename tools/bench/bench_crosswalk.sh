#!/usr/bin/env bash
# bench_crosswalk.sh - benchmark `regio crosswalk build` / `apply`: NUTS 2016 x 2021 level 3 at
# 1:3M (with and without population weights, all cores and 1 thread), and the W3 areal
# crosswalk workload of ../shared/bench side by side with its public peers (geopandas, PostGIS,
# mapshaper), with a cross-check of pieces and transfer against the peers.
#
# usage: tools/bench/bench_crosswalk.sh [options]
#
#   --scratch DIR     work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench});
#                     outputs and logs go to DIR/crosswalk, the summary to DIR/bench_crosswalk.txt
#   --data DIR        W3 workload (default DIR/data_s42: nuts3_{2016,2021}.{gpkg,geojson} and
#                     meta.json of ../shared/bench/gen_workload.py --seed 42); when absent it is
#                     generated (regions and raster only, no points; a few seconds) into DIR, or
#                     into DIR/crosswalk/data_s42 if DIR has another workload's meta.json
#   --regio PATH      binary under test (default: $REGIO_BIN, else build/regio in the checkout)
#   --runs N          timed runs of regio per configuration (default 5, after 1 warm-up run)
#   --peer-runs N     timed runs of each peer (default 5, after 1 warm-up run)
#   --no-main         skip the main benchmark (real NUTS 1:3M + JRC 1 km population grid)
#   --no-w3           skip the W3 workload (regio and peers on the generated NUTS files)
#   --wait-quiet S    before each measurement wait (up to S seconds) until the machine has been
#                     idle for 3 s (less than 0.3 cores busy); default 0 = do not wait
#   --retry-busy N    with --wait-quiet: repeat a row's timed runs up to N times (default 2) when
#                     other processes used much CPU meanwhile; the quietest attempt is kept
#   --no-peers        W3: regio only (the cross-check then uses peer outputs of an earlier run
#                     in DIR/crosswalk, if any, and says so)
#   -h, --help        this text
#
# What it does:
#   1. main: regio crosswalk build --from nuts_2016_03M_3035.gpkg:nutsrg_3 --from-id NUTS_ID
#      --to nuts_2021_03M_3035.gpkg:nutsrg_3 --to-id NUTS_ID [--weights JRC_1K_POP_2018.tif]
#      --changes --report, in four configurations: weights / area only x all cores / --threads 1.
#      Each: one run under /usr/bin/time -v (peak RSS, CPU = user + sys; its outputs are kept),
#      then hyperfine, 1 warm-up + N runs, median wall.  regions/s = 2021 units / median wall.
#      Determinism: each configuration is run 3 more times (untimed) and the outputs are compared
#      byte for byte; --threads 1 vs all cores likewise (numeric differences are quantified).
#   2. W3 (../shared/bench/README.md): exports nuts_id,pop of nuts3_2016.gpkg to CSV (not timed),
#      then times as ONE shell command `regio crosswalk build (area) && regio crosswalk apply
#      --extensive pop` (pieces + transfer, like the peers), plus build and apply alone.  Peers:
#      w3_geopandas.py, w3_postgis.sh (after pg_setup.sh, not timed), w3_mapshaper.sh (transfer
#      only), each measured the same way; ratio = peer median wall / regio build+apply wall.
#   3. cross-check (bench_crosswalk_compare.py): regio's crosswalk rows vs the peers' pieces
#      (count over 1 km2, total area, max relative area difference per matched pair, the small
#      pieces regio dropped as slivers), and regio's transfer vs each peer's per 2021 region;
#      the remaining differences are explained by recomputing the peers' transfer with regio's
#      sliver rule and by the 2016 area that no 2021 unit covers; plus ../shared/bench/check.py.
#   4. prints a summary and writes it to DIR/bench_crosswalk.txt (raw rows:
#      DIR/crosswalk/results.tsv; logs: DIR/crosswalk/*.log).
#
# Env: PYTHON = interpreter with Debian's geopandas (default: first of python3, /usr/bin/python3
#      that imports geopandas); PGDATABASE (default regio_bench_xw, created if missing);
#      MAPSHAPER (default mapshaper; DIR/ms/node_modules/.bin is put first on PATH).
# Needs: bash, python3, ogr2ogr, hyperfine, /usr/bin/time (GNU time); for the peers
#      python3-geopandas, postgresql + postgis, mapshaper (see ../shared/bench/README.md).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)                  # checkout root
SHARED=$(cd "$ROOT/.." && pwd)/shared            # ../shared next to the checkout
BENCH=$SHARED/bench
NUTS_SRC=$SHARED/data/nuts
GRID=$SHARED/data/grid/JRC_1K_POP_2018.tif
SEED=42

SCRATCH=${SCRATCH:-/tmp/regio-bench}
DATA=""
REGIO=$(regio_bin "$ROOT/build/regio")
RUNS=5
PEER_RUNS=5
DO_MAIN=1
DO_W3=1
PEERS=1
WAIT_QUIET=0
RETRY_BUSY=2

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "bench_crosswalk: error: $*" >&2; exit 1; }
log() { echo "[bench_crosswalk $(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --scratch) SCRATCH=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --regio) REGIO=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --peer-runs) PEER_RUNS=$2; shift 2 ;;
    --no-main) DO_MAIN=0; shift ;;
    --no-w3) DO_W3=0; shift ;;
    --no-peers) PEERS=0; shift ;;
    --wait-quiet) WAIT_QUIET=$2; shift 2 ;;
    --retry-busy) RETRY_BUSY=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $PEER_RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs/--peer-runs must be >= 1"
[[ $WAIT_QUIET =~ ^[0-9]+$ && $RETRY_BUSY =~ ^[0-9]+$ ]] || die "--wait-quiet/--retry-busy take whole numbers"

mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
case "$SCRATCH/" in "$ROOT"/*) die "--scratch must be outside the checkout ($ROOT)" ;; esac
OUT=$SCRATCH/crosswalk
RES=$OUT/results.tsv
SUMMARY=$SCRATCH/bench_crosswalk.txt
mkdir -p "$OUT"
[ -n "$DATA" ] || DATA=$SCRATCH/data_s$SEED
[[ $DATA == /* ]] || DATA=$PWD/$DATA
[[ $REGIO == /* ]] || REGIO=$PWD/$REGIO
export GDAL_PAM_ENABLED=NO
export PATH=$SCRATCH/ms/node_modules/.bin:$PATH
export PGDATABASE=${PGDATABASE:-regio_bench_xw}
MAPSHAPER=${MAPSHAPER:-mapshaper}

command -v hyperfine >/dev/null || die "hyperfine missing (apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "/usr/bin/time missing (apt-get install time)"
command -v ogr2ogr >/dev/null || die "ogr2ogr missing (apt-get install gdal-bin)"
if [ -z "${PYTHON:-}" ]; then
  PYTHON=/usr/bin/python3
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import geopandas' 2>/dev/null; then PYTHON=$(command -v "$p"); break; fi
  done
fi
have_gp() { "$PYTHON" -c 'import geopandas' 2>/dev/null; }
have_pg() { command -v psql >/dev/null && command -v pg_ctlcluster >/dev/null &&
            compgen -G '/usr/share/postgresql/*/extension/postgis.control' >/dev/null; }
have_ms() { command -v "$MAPSHAPER" >/dev/null; }

# ---------------------------------------------------------------- regio binary
[ -x "$REGIO" ] || die "regio not found at $REGIO (build it first)"
"$REGIO" crosswalk build --help >/dev/null 2>"$OUT/regio_help.log" ||
  die "'$REGIO crosswalk build --help' failed: $(head -c 300 "$OUT/regio_help.log")"
REGIO_PATH=$REGIO
REGIO_STAMP="checkout $( (cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null) || echo 'without commits')"
if (cd "$ROOT" && [ -n "$(git status --porcelain --untracked-files=no -- src 2>/dev/null)" ]); then
  REGIO_STAMP+=" + uncommitted src changes"
fi
REGIO_STAMP+=", binary built $(date -r "$REGIO" '+%F %H:%M:%S')"
# run a copy, so that a rebuild of build/regio during the benchmark cannot disturb it
if cp "$REGIO" "$OUT/regio.snapshot" && "$OUT/regio.snapshot" crosswalk build --help >/dev/null 2>&1; then
  REGIO=$OUT/regio.snapshot
  REGIO_STAMP+=", run as a copy"
fi

# ---------------------------------------------------------------- measuring
printf 'section\ttool\twall_s\twall_min\twall_max\tregions_per_s\tpeak_mib\tcpu_s\truns\tstatus\tother_cpu_s\tattempt\n' > "$RES"
FAILURES=$OUT/failures.txt
: > "$FAILURES"

wait_quiet() {  # wait up to WAIT_QUIET s for 3 s with less than 0.3 cores busy
  [ "$WAIT_QUIET" -gt 0 ] || return 0
  local t0=$SECONDS a b
  while [ $((SECONDS - t0)) -lt "$WAIT_QUIET" ]; do
    a=$(busy_s); sleep 3; b=$(busy_s)
    awk -v a="$a" -v b="$b" 'BEGIN{exit !((b - a) / 3 < 0.3)}' && return 0
  done
  log "machine still busy after ${WAIT_QUIET}s: measuring anyway"
  NOT_QUIET=$((NOT_QUIET + 1))
}
NOT_QUIET=0
# measure SECTION TOOL NREGIONS RUNS 'SHELL COMMAND'
# 1) one run under /usr/bin/time -v of `bash -c CMD` (peak RSS of the largest process, CPU of all
#    of them, exit status; its outputs are the ones cross-checked);
# 2) hyperfine: 1 warm-up + RUNS timed runs of the same command, median/min/max wall.
# other_cpu = CPU used by other processes on the machine meanwhile (all runs together).
measure() {
  local sec=$1 tool=$2 nreg=$3 runs=$4 cmd=$5
  local tag=${sec}_$tool
  local tf=$OUT/$tag.time err=$OUT/$tag.log rc=0 b0 b1 rss cpu wall wmin wmax other rps keep batt
  wait_quiet
  log "$sec $tool: $cmd"
  echo "\$ $cmd" > "$err"
  /usr/bin/time -v -o "$tf" bash -c "$cmd" >>"$err" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    { echo "FAILED ($sec $tool, exit $rc): $cmd"; tail -n +2 "$err" | tail -n 20 | sed 's/^/    /'; } | tee -a "$FAILURES" >&2
    printf '%s\t%s\tNA\tNA\tNA\tNA\tNA\tNA\t%s\tFAILED(exit %s)\tNA\t1\n' "$sec" "$tool" "$runs" "$rc" >> "$RES"
    return 1
  fi
  rss=$(peak_mib "$tf")
  cpu=$(cpu_s "$tf")
  # hyperfine; with --wait-quiet, repeated (up to --retry-busy times) when other processes used
  # much CPU meanwhile (not for PostGIS, whose server is "other" by construction); the attempt
  # with the least other CPU is kept
  local att=0 best="" o hf=$OUT/$tag.hf.json
  while :; do
    att=$((att + 1))
    b0=$(busy_s)
    if ! hyperfine -S bash -w 1 -r "$runs" --export-json "$hf.try" "$cmd" >>"$err" 2>&1; then
      echo "FAILED ($sec $tool): hyperfine (see $err)" | tee -a "$FAILURES" >&2
      printf '%s\t%s\tNA\tNA\tNA\tNA\t%s\t%s\t%s\tFAILED(hyperfine)\tNA\t%s\n' "$sec" "$tool" "$rss" "$cpu" "$runs" "$att" >> "$RES"
      return 1
    fi
    b1=$(busy_s)
    read -r wall wmin wmax < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f" % (r["median"], r["min"], r["max"]))' "$hf.try")
    o=$(awk -v a="$b0" -v b="$b1" -v c="$cpu" -v r="$runs" 'BEGIN{o = b - a - c * (r + 1); printf "%.1f", (o < 0 ? 0 : o)}')
    if [ -z "$best" ] || awk -v o="$o" -v b="$best" 'BEGIN{exit !(o < b)}'; then
      best=$o; mv "$hf.try" "$hf"; other=$o; keep="$wall $wmin $wmax"; batt=$att
    fi
    [ "$WAIT_QUIET" -gt 0 ] && [ "$tool" != postgis ] && [ "$att" -le "$RETRY_BUSY" ] || break
    awk -v o="$o" -v w="$wall" -v r="$runs" 'BEGIN{exit !(o > 0.5 + 0.1 * (r + 1) * w)}' || break
    log "$sec $tool: other processes used ${o}s CPU during the timed runs (median ${wall}s): measuring again"
    wait_quiet
  done
  rm -f "$hf.try"
  read -r wall wmin wmax <<<"$keep"
  rps=$(awk -v n="$nreg" -v w="$wall" 'BEGIN{printf "%.0f", n / w}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\tok\t%s\t%s\n' "$sec" "$tool" "$wall" "$wmin" "$wmax" "$rps" "$rss" "$cpu" "$runs" "$other" "$batt/$att" >> "$RES"
  log "$sec $tool: median ${wall}s (min $wmin, max $wmax), $rps regions/s, peak ${rss} MiB, CPU ${cpu}s, other CPU ${other}s (attempt $batt of $att)"
}
q() { printf '%q' "$1"; }
row() { awk -F'\t' -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t && $10 == "ok" {print $c}' "$RES"; }
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
NCPU=$(nproc)

# ---------------------------------------------------------------- 1. main benchmark
MAIN_NOTE=""
if [ "$DO_MAIN" = 1 ]; then
  F16=$NUTS_SRC/nuts_2016_03M_3035.gpkg; F21=$NUTS_SRC/nuts_2021_03M_3035.gpkg
  for f in "$F16" "$F21" "$GRID"; do [ -s "$f" ] || die "missing input $f"; done
  N21=$(ogrinfo -q -ro -sql "SELECT COUNT(*) FROM nutsrg_3" "$F21" | sed -n 's/.*= *\([0-9][0-9]*\).*/\1/p')
  N16=$(ogrinfo -q -ro -sql "SELECT COUNT(*) FROM nutsrg_3" "$F16" | sed -n 's/.*= *\([0-9][0-9]*\).*/\1/p')
  base="$(q "$REGIO") crosswalk build --from $(q "$F16"):nutsrg_3 --from-id NUTS_ID --to $(q "$F21"):nutsrg_3 --to-id NUTS_ID --boundary-tolerance 0"  # the exact overlay (bench_crosswalk_tolerance.sh times the tolerance)
  for w in weights area; do
    wa=""; [ "$w" = weights ] && wa=" --weights $(q "$GRID")"
    for t in all 1; do
      ta=""; [ "$t" = 1 ] && ta=" --threads 1"
      o=$OUT/main_${w}_t$t
      rm -f "$o".csv "$o".changes.csv "$o".report.json
      measure main "${w}_t$t" "$N21" "$RUNS" \
        "$base$wa$ta -o $(q "$o.csv") --changes $(q "$o.changes.csv") --report $(q "$o.report.json") --overwrite --quiet" || true
    done
    # determinism: 3 more untimed runs of each configuration, compared with the last timed run
    for t in all 1; do
      ta=""; [ "$t" = 1 ] && ta=" --threads 1"
      o=$OUT/main_${w}_t$t
      [ -s "$o.csv" ] || continue
      for i in 1 2 3; do
        bash -c "$base$wa$ta -o $(q "$o.rep$i.csv") --changes $(q "$o.rep$i.changes.csv") --overwrite --quiet" >>"$OUT/main_${w}_t$t.log" 2>&1 || true
      done
      nd=$(md5sum "$o.csv" "$o".rep?.csv | cut -d" " -f1 | sort -u | wc -l)
      ndc=$(md5sum "$o.changes.csv" "$o".rep?.changes.csv | cut -d' ' -f1 | sort -u | wc -l)
      tn="all cores"; [ "$t" = 1 ] && tn="--threads 1"
      MAIN_NOTE+="$w, $tn: 4 runs gave $nd distinct crosswalk CSV(s) and $ndc distinct changes CSV(s)"
      if [ "$nd" -gt 1 ]; then
        for i in 1 2 3; do
          cmp -s "$o.csv" "$o.rep$i.csv" || { MAIN_NOTE+="; e.g. run vs rerun $i: $(python3 "$HERE/bench_crosswalk_compare.py" diff "$o.csv" "$o.rep$i.csv")"; break; }
        done
      fi
      MAIN_NOTE+=$'\n'
    done
    if [ -s "$OUT/main_${w}_tall.csv" ] && [ -s "$OUT/main_${w}_t1.csv" ]; then
      if cmp -s "$OUT/main_${w}_tall.csv" "$OUT/main_${w}_t1.csv" && cmp -s "$OUT/main_${w}_tall.changes.csv" "$OUT/main_${w}_t1.changes.csv"; then
        MAIN_NOTE+="$w: crosswalk and changes CSV identical with --threads 1 and all cores"$'\n'
      else
        cmp -s "$OUT/main_${w}_tall.changes.csv" "$OUT/main_${w}_t1.changes.csv" && c="identical" || c="DIFFERENT"
        MAIN_NOTE+="$w: --threads 1 vs all cores: changes CSV $c; crosswalk CSV: $(python3 "$HERE/bench_crosswalk_compare.py" diff "$OUT/main_${w}_t1.csv" "$OUT/main_${w}_tall.csv")"$'\n'
      fi
      MAIN_NOTE+="$w: $(python3 "$HERE/bench_crosswalk_compare.py" over1 "$OUT/main_${w}_tall.csv") (all cores); $(python3 "$HERE/bench_crosswalk_compare.py" over1 "$OUT/main_${w}_t1.csv") (--threads 1)"$'\n'
    fi
  done
  # what was built (report of the /usr/bin/time run with weights), and the raster total
  if [ -s "$OUT/main_weights_tall.report.json" ]; then
    RTOT=$("$PYTHON" -c '
import sys, rasterio, numpy as np
with rasterio.open(sys.argv[1]) as r:
    t = 0.0
    for _, w in r.block_windows(1):
        a = r.read(1, window=w, masked=True); t += float(a.sum(dtype=np.float64) or 0)
print("%.1f" % t)' "$GRID" 2>/dev/null || echo NA)
    MAIN_NOTE+=$(python3 - "$OUT/main_weights_tall.report.json" "$OUT/main_area_tall.report.json" "$RTOT" "$OUT/main_weights_tall.changes.csv" <<'PY'
import csv, json, os, sys
r = json.load(open(sys.argv[1]))
t = r.get("timings", {})
w = r.get("weights", {})
rt = sys.argv[3]
share = f" = {w.get('total_in_pieces', 0) / float(rt):.4%} of the grid total {float(rt):,.0f}" if rt != "NA" else ""
print(f"with weights: {r['from']['units']} x {r['to']['units']} units -> {r['pieces']} pieces, {r['rows']} rows, "
      f"{len(r.get('slivers', []))} slivers dropped; unmatched 2016: {','.join(r.get('unmatched_from', [])) or '-'}, "
      f"2021: {','.join(r.get('unmatched_to', [])) or '-'}; overlaps resolved in the 2016/2021 layers: "
      f"{len(r['from'].get('warnings', []))}/{len(r['to'].get('warnings', []))}")
print(f"  population in pieces {w.get('total_in_pieces', 0):,.1f}{share}; in slivers {w.get('in_slivers', 0):.3f}")
print("  regio's own timings (report): " + ", ".join(f"{k[:-2]} {v:.2f} s" for k, v in t.items()))
if os.path.exists(sys.argv[2]):
    a = json.load(open(sys.argv[2])).get("timings", {})
    print("  area only, regio's own timings: " + ", ".join(f"{k[:-2]} {v:.2f} s" for k, v in a.items()))
if os.path.exists(sys.argv[4]):
    from collections import Counter
    c = Counter(f"{x['side']}:{x['type']}" for x in csv.DictReader(open(sys.argv[4])))
    print("  changes: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
PY
)$'\n'
  fi
fi

# ---------------------------------------------------------------- 2. W3 workload + peers
w3_ok() {
  local d=$1 f
  for f in nuts3_2016.gpkg nuts3_2021.gpkg nuts3_2016.geojson nuts3_2021.geojson meta.json; do
    [ -s "$d/$f" ] || return 1
  done
  python3 -c 'import json, sys; m = json.load(open(sys.argv[1])); sys.exit(0 if m.get("seed") == int(sys.argv[2]) and "pop2016_total" in m else 1)' "$d/meta.json" "$SEED"
}
W3_NOTE=""
CHECK=""
if [ "$DO_W3" = 1 ]; then
  if w3_ok "$DATA"; then
    log "W3 workload present: $DATA"
  else
    have_gp || die "W3 workload missing in $DATA and no geopandas ($PYTHON) to generate it"
    # Do not rewrite another workload's meta.json: generate next to it when it has one.
    [ -e "$DATA/meta.json" ] && DATA=$OUT/data_s$SEED
    if ! w3_ok "$DATA"; then
      mkdir -p "$OUT/nuts" "$DATA"
      for Y in 2016 2021; do
        f=$OUT/nuts/nuts3_${Y}_3035.gpkg
        [ -s "$f" ] || ogr2ogr -f GPKG -overwrite "$f" "$NUTS_SRC/nuts_${Y}_03M_3035.gpkg" nutsrg_3 -nln "nuts3_$Y"
      done
      log "generating the W3 workload (seed $SEED, regions and raster only, no points) into $DATA"
      "$PYTHON" "$BENCH/gen_workload.py" --nuts2016 "$OUT/nuts/nuts3_2016_3035.gpkg" \
        --nuts2021 "$OUT/nuts/nuts3_2021_3035.gpkg" --out "$DATA" --seed "$SEED" --sizes "" \
        > "$OUT/gen_workload.log" 2>&1 || die "gen_workload.py failed (see $OUT/gen_workload.log)"
      w3_ok "$DATA" || die "gen_workload.py did not write the W3 files into $DATA"
    fi
  fi
  read -r N16W N21W POPTOT < <(python3 -c 'import json, sys; m = json.load(open(sys.argv[1])); print(m["regions"]["2016"], m["regions"]["2021"], m["pop2016_total"])' "$DATA/meta.json")
  # data table for crosswalk apply, and the 2016 unit areas for the cross-check (not timed)
  rm -f "$OUT/w3_pop16.csv" "$OUT/w3_area16.csv"
  ogr2ogr -f CSV -lco STRING_QUOTING=IF_NEEDED "$OUT/w3_pop16.csv" "$DATA/nuts3_2016.gpkg" \
    -sql "SELECT nuts_id, pop FROM nuts3_2016"
  ogr2ogr -f CSV "$OUT/w3_area16.csv" "$DATA/nuts3_2016.gpkg" \
    -dialect OGRSQL -sql "SELECT nuts_id, OGR_GEOM_AREA AS area FROM nuts3_2016"
  XW=$OUT/w3_regio_crosswalk.csv; TR=$OUT/w3_regio_transfer.csv
  build="$(q "$REGIO") crosswalk build --from $(q "$DATA/nuts3_2016.gpkg"):nuts3_2016 --from-id nuts_id --to $(q "$DATA/nuts3_2021.gpkg"):nuts3_2021 --to-id nuts_id -o $(q "$XW") --overwrite --quiet"
  apply="$(q "$REGIO") crosswalk apply --crosswalk $(q "$XW") --data $(q "$OUT/w3_pop16.csv") --id nuts_id --extensive pop -o $(q "$TR") --overwrite --quiet"
  rm -f "$XW" "$TR"
  measure w3 regio-build+apply "$N21W" "$RUNS" "$build && $apply" || true
  measure w3 regio-build "$N21W" "$RUNS" "$build" || true
  measure w3 regio-apply "$N21W" "$RUNS" "$apply" || true
  # one more build (not timed) for the report: slivers, overlaps, unmatched units
  bash -c "$build --report $(q "$OUT/w3_regio.report.json")" >>"$OUT/w3_regio-build.log" 2>&1 || true

  P=$BENCH/peers
  if [ "$PEERS" = 1 ]; then
    if have_gp; then
      measure w3 geopandas "$N21W" "$PEER_RUNS" \
        "$(q "$PYTHON") $(q "$P/w3_geopandas.py") $(q "$DATA") $(q "$OUT/w3_gp_pieces.csv") $(q "$OUT/w3_gp.csv")" || true
    else W3_NOTE+="geopandas not installed ($PYTHON); "; fi
    if have_pg; then
      if pg_start >"$OUT/pg_setup.log" 2>&1 && "$P/pg_setup.sh" "$DATA" >>"$OUT/pg_setup.log" 2>&1; then
        measure w3 postgis "$N21W" "$PEER_RUNS" \
          "$(q "$P/w3_postgis.sh") $(q "$OUT/w3_pg_pieces.csv") $(q "$OUT/w3_pg.csv")" || true
      else W3_NOTE+="PostGIS setup failed (see $OUT/pg_setup.log); "; fi
    else W3_NOTE+="PostGIS not installed; "; fi
    if have_ms; then
      measure w3 mapshaper "$N21W" "$PEER_RUNS" \
        "MAPSHAPER=$(q "$MAPSHAPER") $(q "$P/w3_mapshaper.sh") $(q "$DATA") $(q "$OUT/w3_ms.csv")" || true
    else W3_NOTE+="mapshaper not found ($MAPSHAPER); "; fi
  fi

  # ------------------------------------------------------------ 3. cross-check
  if [ -s "$XW" ] && [ -s "$TR" ]; then
    args=(--regio-pieces "$XW" --regio-transfer "$TR" --data "$OUT/w3_pop16.csv" --pop-total "$POPTOT"
          --areas16 "$OUT/w3_area16.csv")
    [ -s "$OUT/w3_regio.report.json" ] && args+=(--regio-report "$OUT/w3_regio.report.json")
    tfiles=()
    for p in gp:geopandas pg:postgis ms:mapshaper; do
      s=${p%%:*}; name=${p#*:}
      [ -s "$OUT/w3_$s.csv" ] || continue
      if [ -z "$(row w3 "$name" 3)" ]; then   # not run (or failed) this time: older output
        CHECK+="note: $(basename "$OUT/w3_$s.csv") is from an earlier run ($(date -r "$OUT/w3_$s.csv" '+%F %H:%M'))"$'\n'
      fi
      args+=(--peer-transfer "$name=$OUT/w3_$s.csv"); tfiles+=("$OUT/w3_$s.csv")
      [ -s "$OUT/w3_${s}_pieces.csv" ] && args+=(--peer-pieces "$name=$OUT/w3_${s}_pieces.csv")
    done
    if out=$(python3 "$HERE/bench_crosswalk_compare.py" "${args[@]}" 2>&1); then CHECK+="$out"$'\n'
    else CHECK+="bench_crosswalk_compare.py failed: $out"$'\n'; fi
    # the shared checker too (regio's transfer as the reference, in the peers' format)
    if have_gp && [ ${#tfiles[@]} -gt 0 ]; then
      sed '1s/.*/nuts_id,value/' "$TR" > "$OUT/w3_regio_transfer_value.csv"
      python3 -c '
import csv, sys
w = csv.writer(open(sys.argv[2], "w", newline="")); w.writerow(["id16", "id21", "area"])
for r in csv.DictReader(open(sys.argv[1])): w.writerow([r["from_id"], r["to_id"], r["area_m2"]])' "$XW" "$OUT/w3_regio_pieces.csv"
      pf=(); for s in gp pg; do [ -s "$OUT/w3_${s}_pieces.csv" ] && pf+=("$OUT/w3_${s}_pieces.csv"); done
      { "$PYTHON" "$BENCH/check.py" w3 "$DATA/meta.json" "$OUT/w3_regio_transfer_value.csv" "${tfiles[@]}"
        "$PYTHON" "$BENCH/check.py" pieces "$OUT/w3_regio_pieces.csv" "${pf[@]}"; } > "$OUT/check_w3.txt" 2>&1 || true
      CHECK+="../shared/bench/check.py (regio first = reference):"$'\n'
      CHECK+=$(sed "s|$OUT/||g; s/^/  /" "$OUT/check_w3.txt")$'\n'
    fi
  else
    CHECK+="regio produced no W3 crosswalk/transfer: nothing to cross-check"$'\n'
  fi
fi

# ---------------------------------------------------------------- 4. summary
{
  echo "== regio crosswalk build/apply: NUTS3 2016 x 2021 (GISCO 1:3M, EPSG:3035) =="
  echo "machine: $NCPU cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); load avg at start $LOADAVG_START, at end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "regio:   $REGIO_PATH ($REGIO_STAMP)"
  echo "timing:  whole process; wall = median of hyperfine runs after 1 warm-up (min..max in brackets);"
  echo "         peak RSS (largest process) and CPU (user+sys, all processes) from one /usr/bin/time -v run;"
  echo "         other_cpu = CPU s used by other processes during the timed runs (PostGIS: mostly its server);"
  echo "         att = kept attempt / attempts (see --retry-busy)"
  [ "$WAIT_QUIET" -gt 0 ] && echo "         waited up to ${WAIT_QUIET}s for an idle machine before each row; rows started on a busy machine: $NOT_QUIET"
  awk -F'\t' -v ncpu="$NCPU" -v n16="${N16:-?}" -v n21="${N21:-?}" -v n16w="${N16W:-?}" -v n21w="${N21W:-?}" '
    NR == 1 { next }
    $1 == "w3" && $2 == "regio-build+apply" && $10 == "ok" { ref = $3 }
    { n++; s[n]=$1; t[n]=$2; w[n]=$3; lo[n]=$4; hi[n]=$5; r[n]=$6; m[n]=$7; c[n]=$8; k[n]=$9; st[n]=$10; o[n]=$11; at[n]=$12 }
    END {
      for (i = 1; i <= n; i++) {
        if (s[i] != hs) {
          hs = s[i]; print ""
          if (hs == "main") {
            print "main: build, nutsrg_3 2016 (" n16 " units) x 2021 (" n21 " units, incl. outermost regions), id NUTS_ID,"
            print "      --changes --report; weights = --weights JRC_1K_POP_2018.tif (1 km); regions/s = 2021 units / wall"
          } else {
            print "W3 (../shared/bench, seed 42, European window): " n16w " x " n21w " units, pieces + area-weighted transfer of pop;"
            print "    regio = `crosswalk build` (area) && `crosswalk apply --extensive pop` as one shell command;"
            print "    x_regio = peer median wall / regio build+apply median wall"
          }
          printf "  %-22s %8s %15s %9s %8s %6s %4s %7s %9s %4s\n", "config", "wall_s", "(min..max)", "regions/s", "peak_MiB", "CPU_s", "runs", "x_regio", "other_cpu", "att"
        }
        if (st[i] != "ok") { printf "  %-22s %s\n", t[i], st[i]; continue }
        name = t[i]
        if (s[i] == "main") { split(t[i], a, "_t"); name = (a[1] == "weights" ? "weights" : "area only") ", " (a[2] == "all" ? ncpu " threads" : "1 thread") }
        if (t[i] == "postgis") { m[i] = "client"; c[i] = "client" }
        if (t[i] == "mapshaper") name = "mapshaper (transfer)"
        x = (s[i] == "w3" && ref > 0 && t[i] !~ /^regio/) ? sprintf("%.2f", w[i] / ref) : "-"
        printf "  %-22s %8.3f %15s %9s %8s %6s %4s %7s %9s %4s\n", name, w[i], "(" lo[i] ".." hi[i] ")", r[i], m[i], c[i], k[i], x, o[i], at[i]
      }
    }' "$RES"
  if [ -n "$MAIN_NOTE" ]; then echo; echo "main, outputs:"; printf '%s' "$MAIN_NOTE" | sed 's/^/  /'; fi
  [ -n "$W3_NOTE" ] && { echo; echo "W3 peers: $W3_NOTE"; }
  if [ -n "$CHECK" ]; then echo; echo "W3 cross-check (regio vs peers):"; printf '%s' "$CHECK" | sed 's/^/  /'; fi
  if [ -s "$FAILURES" ]; then echo; echo "failures:"; sed 's/^/  /' "$FAILURES"; fi
  echo
  echo "--- README block ---"
  echo "Machine: $NCPU cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); whole-process wall = median of $RUNS runs (peers: $PEER_RUNS) after 1 warm-up; peak RSS and CPU from /usr/bin/time -v."
  echo
  echo "| benchmark | configuration | wall s | regions/s | peak MiB | CPU s | peer / regio |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  awk -F'\t' -v ncpu="$NCPU" -v n16="${N16:-?}" -v n21="${N21:-?}" -v n16w="${N16W:-?}" -v n21w="${N21W:-?}" '
    NR == 1 || $10 != "ok" { next }
    $1 == "w3" && $2 == "regio-build+apply" { ref = $3 }
    { n++; s[n]=$1; t[n]=$2; w[n]=$3; r[n]=$6; m[n]=$7; c[n]=$8 }
    END {
      for (i = 1; i <= n; i++) {
        if (s[i] == "main") {
          split(t[i], a, "_t")
          b = "NUTS3 2016 x 2021 1:3M (" n16 " x " n21 ")"
          cf = "regio crosswalk build, " (a[1] == "weights" ? "JRC 1 km population weights" : "area only") ", " (a[2] == "all" ? ncpu " threads" : "1 thread")
          x = ""
        } else {
          if (t[i] == "regio-build" || t[i] == "regio-apply") continue
          b = "W3 pieces + transfer (" n16w " x " n21w ")"
          cf = t[i]
          if (t[i] == "regio-build+apply") cf = "regio crosswalk build + apply"
          if (t[i] == "postgis") { cf = "PostGIS ST_Intersection + GiST"; m[i] = "client"; c[i] = "client" }
          if (t[i] == "geopandas") cf = "geopandas overlay(intersection)"
          if (t[i] == "mapshaper") cf = "mapshaper -join interpolate= (transfer only)"
          x = (t[i] != "regio-build+apply" && ref > 0) ? sprintf("%.2f", w[i] / ref) : ""
        }
        printf "| %s | %s | %.2f | %s | %s | %s | %s |\n", b, cf, w[i], r[i], m[i], c[i], x
      }
    }' "$RES"
  if [ -n "$CHECK" ]; then
    echo
    printf '%s' "$CHECK" | sed -n 's/^summary: /W3 cross-check: /p'
  fi
  # The issue's target: NUTS3 2016 x 2021 at 1:3M with population weights at
  # least 10x faster than the geopandas overlay of the same vintages (W3).
  awk -F'\t' '
    NR == 1 || $10 != "ok" { next }
    $1 == "main" && $2 == "weights_tall" { regio = $3 }
    $1 == "w3" && $2 == "geopandas" { gp = $3 }
    END {
      if (regio > 0 && gp > 0)
        printf "\ntarget: geopandas overlay %.2f s / regio with population weights %.3f s = %.1fx (target >= 10x: %s)\n", gp, regio, gp / regio, (gp / regio >= 10 ? "met" : "NOT met")
      else if (regio > 0)
        printf "\ntarget: regio with population weights %.3f s; geopandas not measured (baselines.md: about 2 s -> %.1fx)\n", regio, 2.0 / regio
    }' "$RES"
} | tee "$SUMMARY"
log "summary written to $SUMMARY (rows: $RES, logs: $OUT)"
