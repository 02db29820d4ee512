#!/usr/bin/env bash
# bench_aggregate_points.sh - benchmark `regio aggregate points` on the W1 workload
# (points-in-polygons: clustered points from CSV onto NUTS 2021 level 3 at 1:3M, count and
# weight sum per region and group), side by side with the public peers of ../shared/bench.
#
# usage: tools/bench/bench_aggregate_points.sh [options]
#
#   --scratch DIR       work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench});
#                       holds the workload (~2 GB for 1M+10M), outputs, logs, node_modules
#   --sizes "N ..."     point counts (default "10000000"; e.g. "1000000 10000000")
#   --peers             also run the peers (default: on when they are installed)
#   --no-peers          regio only
#   --peer-sizes "N .." sizes to run the peers at (default: same as --sizes)
#   --gp-10m            also run geopandas above 1M points (about 6 min and 8 GiB at 10M)
#   --install-peers     apt-get install the peers and tools, npm install mapshaper into DIR/ms
#   --regio PATH        binary under test (default: build/regio in the checkout)
#   --no-regio          skip regio (peers / workload only)
#   --threads N         pass --threads N to regio (default: regio's own default)
#   --regio-args "A .." extra arguments appended to the regio command (split on spaces),
#                       e.g. --regio-args --allow-overlaps
#   --runs N            timed runs of regio per size (default 3; median is reported)
#   --peer-runs N       timed runs of each fast peer at <= 1M points (default 3); above 1M only
#                       the PostGIS query gets N runs (as in run_bench.sh; its first run after
#                       the load also sets hint bits), the others run once; geopandas runs once
#   -h, --help          this text
#
# What it does:
#   1. extracts layer nutsrg_3 of ../shared/data/nuts/nuts_{2016,2021}_03M_3035.gpkg into
#      DIR/nuts, then runs ../shared/bench/gen_workload.py --seed 42 into DIR/data_s42
#      (skipped when DIR/data_s42/meta.json already has seed 42 and every requested size);
#   2. runs regio:  regio aggregate points --regions nuts3_2021.gpkg:nuts3_2021 --id nuts_id
#      --points points_N.csv --x x --y y --points-crs EPSG:3035 --weight weight --by group ...
#      first one run under /usr/bin/time -v for peak RSS and CPU (it is also the warm-up and
#      makes the output that is cross-checked), then --runs timed runs whose median wall is
#      reported (hyperfine, or `date +%s.%N` when hyperfine is missing; with --runs 1 the
#      first run's wall is used);
#   3. peers (same sizes, same measurement): PostGIS load and query (timed separately),
#      mapshaper (mapshaper-xl above 1M), geopandas (1M only unless --gp-10m);
#   4. converts regio's wide CSV to the peers' long format (wide_to_long.py) and runs
#      ../shared/bench/check.py w1 with regio as the reference;
#   5. prints a summary and writes it to DIR/bench_aggregate_points.txt
#      (raw rows: DIR/out/results.tsv; logs: DIR/out/*.log).
#
# Env: PYTHON = interpreter with Debian's geopandas (default: first of python3,
#      /usr/bin/python3 that imports geopandas); PGDATABASE (default regio_bench);
#      BENCH_NO_HYPERFINE=1 / BENCH_NO_TIME=1 use the fallbacks (date, getrusage) to test them.
# Needs: bash, python3; for the workload and peers: gdal-bin python3-geopandas
#      python3-rasterio postgresql postgresql-15-postgis-3 hyperfine time, npm (--install-peers).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)                  # checkout root
SHARED=$(cd "$ROOT/.." && pwd)/shared            # ../shared next to the checkout
BENCH=$SHARED/bench
NUTS_SRC=$SHARED/data/nuts
SEED=42

SCRATCH=${SCRATCH:-/tmp/regio-bench}
SIZES="10000000"
PEER_SIZES=""
PEERS=auto
GP10M=0
INSTALL=0
REGIO=$ROOT/build/regio
RUN_REGIO=1
THREADS=""
REGIO_ARGS=()
RUNS=3
PEER_RUNS=3

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "bench: error: $*" >&2; exit 1; }
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --scratch) SCRATCH=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --peer-sizes) PEER_SIZES=$2; shift 2 ;;
    --peers) PEERS=1; shift ;;
    --no-peers) PEERS=0; shift ;;
    --gp-10m) GP10M=1; shift ;;
    --install-peers) INSTALL=1; shift ;;
    --regio) REGIO=$2; shift 2 ;;
    --no-regio) RUN_REGIO=0; shift ;;
    --threads) THREADS=$2; shift 2 ;;
    --regio-args) read -ra REGIO_ARGS <<<"$2"; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --peer-runs) PEER_RUNS=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
for n in $SIZES ${PEER_SIZES}; do [[ $n =~ ^[0-9]+$ ]] || die "bad size: $n"; done
[ -n "$PEER_SIZES" ] || PEER_SIZES=$SIZES
[[ $RUNS =~ ^[1-9][0-9]*$ && $PEER_RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs/--peer-runs must be >= 1"

mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
case "$SCRATCH/" in "$ROOT"/*) die "--scratch must be outside the checkout ($ROOT)" ;; esac
[[ $REGIO == /* ]] || REGIO=$PWD/$REGIO
REGIO_PATH=$REGIO
DATA=$SCRATCH/data_s$SEED
OUT=$SCRATCH/out
RES=$OUT/results.tsv
SUMMARY=$SCRATCH/bench_aggregate_points.txt
mkdir -p "$OUT"
export GDAL_PAM_ENABLED=NO
export PATH=$SCRATCH/ms/node_modules/.bin:$PATH
export PGDATABASE=${PGDATABASE:-regio_bench}

# ---------------------------------------------------------------- install
if [ "$INSTALL" = 1 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "installing peers (apt-get, npm)"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  pkgs=(python3-geopandas python3-rasterio postgresql postgresql-15-postgis-3 hyperfine time gdal-bin)
  command -v npm >/dev/null || pkgs+=(npm)   # a nodejs from elsewhere may bundle npm (and conflict)
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  if [ ! -x "$SCRATCH/ms/node_modules/.bin/mapshaper" ]; then
    mkdir -p "$SCRATCH/ms"
    (cd "$SCRATCH/ms" && npm install --no-fund --no-audit mapshaper >/dev/null)
  fi
  log "installed: mapshaper $(mapshaper -v 2>/dev/null || echo '?')"
fi

# Python with geopandas (Debian's), for the generator, the peers and check.py.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=/usr/bin/python3
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import geopandas' 2>/dev/null; then PYTHON=$(command -v "$p"); break; fi
  done
fi
have_gp() { "$PYTHON" -c 'import geopandas, rasterio' 2>/dev/null; }
have_pg() { command -v psql >/dev/null && command -v pg_ctlcluster >/dev/null &&
            compgen -G '/usr/share/postgresql/*/extension/postgis.control' >/dev/null; }
have_ms() { command -v mapshaper >/dev/null && command -v mapshaper-xl >/dev/null; }
HAVE_TIME=0; [ -x /usr/bin/time ] && [ -z "${BENCH_NO_TIME:-}" ] && HAVE_TIME=1
HAVE_HF=0; command -v hyperfine >/dev/null && [ -z "${BENCH_NO_HYPERFINE:-}" ] && HAVE_HF=1

# ---------------------------------------------------------------- workload
csv_list() { tr ' ' '\n' <<<"$*" | grep . | sort -n -u | paste -sd, -; }
workload_has() {  # workload_has N...: meta.json says seed 42 and has these sizes, CSVs exist
  [ -f "$DATA/meta.json" ] || return 1
  local n
  for n in "$@"; do [ -s "$DATA/points_$n.csv" ] || return 1; done
  "$PYTHON" - "$DATA/meta.json" "$SEED" "$@" <<'PY' 2>/dev/null
import json, sys
m = json.load(open(sys.argv[1]))
ok = m.get("seed") == int(sys.argv[2]) and all(n in m.get("points", {}) for n in sys.argv[3:])
sys.exit(0 if ok else 1)
PY
}
ALL_SIZES=$(csv_list "$SIZES $PEER_SIZES")       # e.g. 1000000,10000000
read -ra ALL_SIZE_ARR <<<"${ALL_SIZES//,/ }"
if workload_has "${ALL_SIZE_ARR[@]}"; then
  log "workload present: $DATA (seed $SEED, sizes $ALL_SIZES)"
else
  have_gp || die "the generator needs geopandas+rasterio ($PYTHON): run with --install-peers or set PYTHON"
  command -v ogr2ogr >/dev/null || die "ogr2ogr missing (gdal-bin): run with --install-peers"
  mkdir -p "$SCRATCH/nuts" "$DATA"
  for Y in 2016 2021; do
    f=$SCRATCH/nuts/nuts3_${Y}_3035.gpkg
    [ -s "$f" ] || ogr2ogr -f GPKG -overwrite "$f" "$NUTS_SRC/nuts_${Y}_03M_3035.gpkg" nutsrg_3 -nln "nuts3_$Y"
  done
  # keep the sizes already generated: the generator rewrites meta.json for the sizes it is given
  old=""
  [ -f "$DATA/meta.json" ] && old=$("$PYTHON" -c 'import json,sys; m=json.load(open(sys.argv[1])); print(" ".join(m["points"]) if m.get("seed")==int(sys.argv[2]) else "")' "$DATA/meta.json" "$SEED" 2>/dev/null || true)
  gsizes=$(csv_list "${ALL_SIZES//,/ } $old")
  log "generating workload (seed $SEED, sizes $gsizes) into $DATA: a few minutes"
  rm -f "$DATA/meta.json"
  "$PYTHON" "$BENCH/gen_workload.py" --nuts2016 "$SCRATCH/nuts/nuts3_2016_3035.gpkg" \
    --nuts2021 "$SCRATCH/nuts/nuts3_2021_3035.gpkg" --out "$DATA" --seed "$SEED" --sizes "$gsizes" \
    2> >(tee "$OUT/gen_workload.log" >&2)
  workload_has "${ALL_SIZE_ARR[@]}" || die "workload generation did not produce all sizes (see $OUT/gen_workload.log)"
fi
N_REGIONS=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["regions"]["2021"])' "$DATA/meta.json")

# ---------------------------------------------------------------- measuring
printf 'size\ttool\twall_s\tpoints_per_s\tpeak_mib\tcpu_s\truns\tstatus\tother_cpu_s\n' > "$RES"
FAILURES=$OUT/failures.txt
: > "$FAILURES"


# measure TOOL SIZE RUNS CMD ARGS...
# 1) one run under /usr/bin/time -v (or getrusage): peak RSS, CPU, exit status, output, stderr;
# 2) if RUNS > 1: RUNS more runs timed by hyperfine (or date), median wall.
#    With RUNS = 1 the wall of run 1 is reported.
# Appends a row to results.tsv; returns non-zero (and prints the error) if the command fails.
measure() {
  local tool=$1 size=$2 runs=$3; shift 3
  local tag=${tool}_$size cmd; cmd=$(printf '%q ' "$@")
  local tf=$OUT/$tag.time err=$OUT/$tag.log t0 t1 rc=0 wall rss cpu other b0 b1
  b0=$(busy_s)
  log "$tool $size: $cmd"
  echo "\$ $cmd" > "$err"
  t0=$(date +%s.%N)
  time_run "$tf" "$err" "$@" || rc=$?
  t1=$(date +%s.%N)
  if [ "$rc" != 0 ]; then
    report_failure "$tool, $size points, exit $rc" "$cmd" "$err"
    printf '%s\t%s\tNA\tNA\tNA\tNA\t%s\tFAILED(exit %s)\t%s\n' "$size" "$tool" "$runs" "$rc" NA >> "$RES"
    return 1
  fi
  rss=$(peak_mib "$tf")
  cpu=$(cpu_s "$tf")
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  if [ "$runs" -gt 1 ]; then
    if [ "$HAVE_HF" = 1 ]; then
      hyperfine -S bash -w 0 -r "$runs" --export-json "$OUT/$tag.hf.json" "$cmd" >>"$err" 2>&1 \
        || { echo "bench: hyperfine failed for $tool $size (see $err)" >&2; return 1; }
      wall=$("$PYTHON" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/$tag.hf.json")
    else
      local i ws=()
      for ((i = 0; i < runs; i++)); do
        t0=$(date +%s.%N); "$@" >>"$err" 2>&1; t1=$(date +%s.%N)
        ws+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")
      done
      wall=$(printf '%s\n' "${ws[@]}" | median)
    fi
  fi
  local pps; pps=$(awk -v n="$size" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')
  # CPU used by everything else on the machine meanwhile (own CPU taken as equal in every run)
  b1=$(busy_s)
  other=$(awk -v a="$b0" -v b="$b1" -v c="$cpu" -v r="$runs" 'BEGIN{k = (r > 1) ? r + 1 : 1; o = b - a - c * k; printf "%.1f", (o < 0 ? 0 : o)}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\tok\t%s\n' "$size" "$tool" "$wall" "$pps" "$rss" "$cpu" "$runs" "$other" >> "$RES"
  log "$tool $size: wall ${wall}s, $pps points/s, peak ${rss} MiB, CPU ${cpu}s"
}

# ---------------------------------------------------------------- regio
REGIO_OK=0
REGIO_NOTE=""
if [ "$RUN_REGIO" = 1 ]; then
  if [ ! -x "$REGIO" ]; then
    REGIO_NOTE="regio not found at $REGIO: skipped"
  elif ! "$REGIO" aggregate points --help >/dev/null 2>"$OUT/regio_help.log"; then
    REGIO_NOTE="'$REGIO aggregate points --help' failed: skipped ($(head -c 300 "$OUT/regio_help.log"))"
  else
    REGIO_OK=1
    REGIO_STAMP="checkout $( (cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null) || echo 'without commits'), binary built $(date -r "$REGIO" '+%F %H:%M:%S')"
    # Run a copy, so that a rebuild of build/regio during the benchmark cannot disturb it
    # (the binary links only system libraries; if the copy does not run, use the original).
    if cp "$REGIO" "$SCRATCH/regio.snapshot" && "$SCRATCH/regio.snapshot" aggregate points --help >/dev/null 2>&1; then
      REGIO_STAMP+=", run as a copy: $SCRATCH/regio.snapshot"
      REGIO=$SCRATCH/regio.snapshot
    fi
  fi
  [ -n "$REGIO_NOTE" ] && log "$REGIO_NOTE"
fi
regio_cmd() {  # regio_cmd N OUT.csv [extra args]
  local n=$1 o=$2; shift 2
  local a=("$REGIO" aggregate points --regions "$DATA/nuts3_2021.gpkg:nuts3_2021" --id nuts_id
           --points "$DATA/points_$n.csv" --x x --y y --points-crs EPSG:3035
           --weight weight --by group -o "$o" --overwrite --quiet "$@")
  [ -n "$THREADS" ] && a+=(--threads "$THREADS")
  a+=("${REGIO_ARGS[@]}")
  printf '%s\0' "${a[@]}"
}
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$REGIO_OK" = 1 ]; then
  for N in $SIZES; do
    rm -f "$OUT/regio_$N.csv"
    mapfile -d '' cmd < <(regio_cmd "$N" "$OUT/regio_$N.csv" --report "$OUT/regio_$N.report.json")
    measure regio "$N" "$RUNS" "${cmd[@]}" || true
  done
fi

# ---------------------------------------------------------------- peers
if [ "$PEERS" = auto ]; then
  if have_gp || have_pg || have_ms; then PEERS=1; else PEERS=0; fi
fi
PEER_NOTE=""
if [ "$PEERS" = 1 ]; then
  P=$BENCH/peers
  PG_OK=0
  if have_pg; then
    if pg_start >"$OUT/pg_setup.log" 2>&1 && "$P/pg_setup.sh" "$DATA" >>"$OUT/pg_setup.log" 2>&1; then
      PG_OK=1
    else
      PEER_NOTE+="PostGIS setup failed (see $OUT/pg_setup.log); "
    fi
  else
    PEER_NOTE+="PostGIS not installed; "
  fi
  have_ms || PEER_NOTE+="mapshaper not installed; "
  have_gp || PEER_NOTE+="geopandas not installed; "
  for N in $PEER_SIZES; do
    r=$PEER_RUNS; [ "$N" -gt 1000000 ] && r=1
    if [ "$PG_OK" = 1 ]; then
      if measure postgis-load "$N" "$r" "$P/w1_postgis_load.sh" "$DATA" "$N"; then
        measure postgis-query "$N" "$PEER_RUNS" "$P/w1_postgis_query.sh" "$OUT/w1_${N}_pg.csv" || true
      fi
    fi
    if have_ms; then
      ms=mapshaper; [ "$N" -gt 1000000 ] && ms=mapshaper-xl
      measure mapshaper "$N" "$r" env MAPSHAPER=$ms "$P/w1_mapshaper.sh" "$DATA" "$N" "$OUT/w1_${N}_ms.csv" || true
    fi
    if have_gp && { [ "$N" -le 1000000 ] || [ "$GP10M" = 1 ]; }; then
      measure geopandas "$N" 1 "$PYTHON" "$P/w1_geopandas.py" "$DATA" "$N" "$OUT/w1_${N}_gp.csv" || true
    fi
  done
fi

# ---------------------------------------------------------------- cross-check
CHECK=""
in_res() { awk -F'\t' -v n="$1" -v t="$2" '$1 == n && $2 == t {f = 1} END {exit !f}' "$RES"; }
ok_row() { awk -F'\t' -v n="$1" -v t="$2" '$1 == n && $2 == t && $8 == "ok" {f = 1} END {exit !f}' "$RES"; }
for N in "${ALL_SIZE_ARR[@]}"; do
  files=()
  if [ -s "$OUT/regio_$N.csv" ] && ok_row "$N" regio; then
    rows=$(($(wc -l < "$OUT/regio_$N.csv") - 1))
    CHECK+="$N: regio wide CSV has $rows rows for $N_REGIONS regions"
    [ "$rows" = "$N_REGIONS" ] && CHECK+=" (ok)"$'\n' || CHECK+=" (MISMATCH)"$'\n'
    if python3 "$HERE/wide_to_long.py" "$OUT/regio_$N.csv" "$OUT/regio_${N}_long.csv" 2>>"$OUT/check_$N.log"; then
      files+=("$OUT/regio_${N}_long.csv")
    else
      CHECK+="$N: wide_to_long.py failed on regio's output: $(tail -1 "$OUT/check_$N.log")"$'\n'
    fi
  fi
  for f in "$OUT/w1_${N}_pg.csv" "$OUT/w1_${N}_ms.csv" "$OUT/w1_${N}_gp.csv"; do
    tool=$(basename "$f" .csv); tool=${tool##*_}
    case $tool in pg) t=postgis-query ;; ms) t=mapshaper ;; gp) t=geopandas ;; esac
    # outputs of this invocation's successful runs, or of an earlier invocation (same seed and
    # size, so the same deterministic workload) when the peer was not run this time
    if [ -s "$f" ] && { ok_row "$N" "$t" || ! in_res "$N" "$t"; }; then
      files+=("$f")
      ok_row "$N" "$t" || CHECK+="$N: $(basename "$f") is from an earlier run ($(date -r "$f" '+%F %H:%M'))"$'\n'
    fi
  done
  [ ${#files[@]} -ge 1 ] || continue
  if "$PYTHON" "$BENCH/check.py" w1 "$DATA/meta.json" "$N" "${files[@]}" > "$OUT/check_$N.txt" 2>&1; then
    ref=$(basename "${files[0]}")
    CHECK+="$N: reference $ref: $(head -1 "$OUT/check_$N.txt" | sed 's/^[^:]*: //')"$'\n'
    while IFS= read -r line; do
      f=$(basename "${line%%:*}")
      d=$(sed -n 's/.*differing (region,group) rows=\([0-9]*\).*/\1/p' <<<"$line")
      t=$(sed -n 's/.*point total diff=\(-\{0,1\}[0-9]*\).*/\1/p' <<<"$line")
      [ -n "$d" ] || continue
      verdict=IDENTICAL; [ "$d" = 0 ] && [ "$t" = 0 ] || verdict=DIFFERENT
      CHECK+="$N: $f vs $ref: $verdict ($d differing (region,group) rows, point total diff $t)"$'\n'
    done < <(tail -n +2 "$OUT/check_$N.txt")
  else
    CHECK+="$N: check.py failed: $(tail -3 "$OUT/check_$N.txt")"$'\n'
  fi
done

# ---------------------------------------------------------------- summary
{
  echo "== regio aggregate points vs peers: W1 points-in-polygons =="
  echo "workload: seed $SEED, clustered points CSV (x,y,weight,group; EPSG:3035) onto NUTS 2021 level 3 1:3M"
  echo "          ($N_REGIONS regions in the European window), data $DATA"
  echo "machine:  $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); load avg at start $LOADAVG_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
  if [ "$REGIO_OK" = 1 ]; then
    echo "regio:    $REGIO_PATH ($REGIO_STAMP; threads ${THREADS:-default}${REGIO_ARGS[*]:+; extra args: ${REGIO_ARGS[*]}}; wall = median of $RUNS runs after 1 warm-up run)"
  else
    echo "regio:    ${REGIO_NOTE:-skipped (--no-regio)}"
  fi
  echo "timing:   wall = whole process (hyperfine $([ "$HAVE_HF" = 1 ] && echo yes || echo 'missing: date +%s.%N')); peak RSS and CPU (user+sys) from one run of $([ "$HAVE_TIME" = 1 ] && echo '/usr/bin/time -v' || echo 'getrusage(RUSAGE_CHILDREN) (/usr/bin/time missing)')"
  echo "          PostGIS: psql client is the measured process (peak/CPU = client only); 'runs' = timed runs"
  [ -n "$PEER_NOTE" ] && echo "peers:    $PEER_NOTE"
  echo
  awk -F'\t' '
    NR == 1 { next }
    { size[NR]=$1; tool[NR]=$2; wall[NR]=$3; pps[NR]=$4; rss[NR]=$5; cpu[NR]=$6; runs[NR]=$7; st[NR]=$8; ld[NR]=$9
      if ($2 == "regio" && $8 == "ok") rp[$1] = $4
      if ($2 == "postgis-load" && $8 == "ok") pl[$1] = $3
      if ($2 == "postgis-query" && $8 == "ok") pq[$1] = $3
      last = NR }
    END {
      printf "%-9s %-22s %9s %12s %9s %8s %5s %9s %6s\n", "size", "tool", "wall_s", "points/s", "peak_MiB", "CPU_s", "runs", "regio_x", "other_cpu"
      for (i = 2; i <= last; i++) {
        x = "-"
        if (st[i] != "ok") { printf "%-9s %-22s %s\n", size[i], tool[i], st[i]; continue }
        if (tool[i] != "regio" && (size[i] in rp)) x = sprintf("%.1f", rp[size[i]] / pps[i])
        r = rss[i]; c = cpu[i]
        if (tool[i] ~ /^postgis/) { r = "client"; c = "client" }
        printf "%-9s %-22s %9.2f %12d %9s %8s %5s %9s %6s\n", size[i], tool[i], wall[i], pps[i], r, c, runs[i], x, ld[i]
        if (tool[i] == "postgis-query" && (size[i] in pl)) {
          w = pl[size[i]] + pq[size[i]]; p = size[i] / w
          x = (size[i] in rp) ? sprintf("%.1f", rp[size[i]] / p) : "-"
          printf "%-9s %-22s %9.2f %12d %9s %8s %5s %9s\n", size[i], "postgis-load+query", w, p, "client", "client", "", x
        }
      }
      print "(regio_x = regio points/s divided by the peer points/s at the same size;"
      print " other_cpu = CPU seconds used by other processes on the machine while this row was"
      print " measured, all its runs together (for PostGIS mostly the server backends); a large value"
      print " for a single-process tool means something else was running and its wall time may be high)"
    }' "$RES"
  echo
  echo "cross-check (../shared/bench/check.py w1; per-(region, group) count and weight sum):"
  if [ -n "$CHECK" ]; then printf '%s' "$CHECK" | sed 's/^/  /'; else echo "  nothing to compare"; fi
  if [ -s "$FAILURES" ]; then echo; echo "failures:"; sed 's/^/  /' "$FAILURES"; fi
} | tee "$SUMMARY"
log "summary written to $SUMMARY (rows: $RES)"
