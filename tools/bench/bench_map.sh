#!/usr/bin/env bash
# bench_map.sh - benchmark `regio map`: NUTS 2021 level 3 (GISCO 1:3M) coloured by a value in
# 5 quantile classes, written as SVG, against mapshaper (the W4 workload of ../shared/bench).
#
# usage: tools/bench/bench_map.sh [options]
#
#   --scratch DIR   work dir outside the checkout (default ${SCRATCH:-/tmp/regio-bench}); outputs
#                   and logs go to DIR/map, the summary to DIR/bench_map.txt
#   --data DIR      W4 workload (default DIR/data_s42: nuts3_2021.gpkg and nuts3_2021.geojson of
#                   ../shared/bench/gen_workload.py --seed 42, 1499 regions with a field `value`)
#   --regio PATH    binary under test (default: $REGIO_BIN, else build/regio in the checkout)
#   --runs N        timed runs per configuration (default 5, after 1 warm-up run)
#   --no-peers      regio only
#   -h, --help      this text
#
# Configurations (the same regions and values for both tools):
#   regio      regio map --layer DATA/nuts3_2021.gpkg:nuts3_2021 --id nuts_id --field value
#              --method quantile --classes 5 --palette Blues -o out.svg   (unsimplified), and the
#              same with --simplify 1 and --simplify 2 (pixels); also unsimplified from the
#              GeoJSON that mapshaper reads, to separate input format from drawing.
#   mapshaper  ../shared/bench/peers/w4_mapshaper.sh DATA OUT.svg [10]: -classify field=value
#              method=quantile classes=5 colors=Blues -o format=svg, reading DATA/nuts3_2021.geojson
#              (the peer script's input); and with -simplify 10% keep-shapes.
#   context    regio on the real GISCO file ../shared/data/nuts/nuts_2021_03M_3035.gpkg:nutsrg_3
#              (1514 regions, with the overseas ones) with --field atlasId as a stand-in value
#              (the file has no statistical value field).
# Each: one run under /usr/bin/time -v (peak RSS, CPU = user + sys; its SVG is kept and checked:
# one path per region, renders with rsvg-convert when available), then hyperfine, 1 warm-up +
# N runs, median wall. ratio = mapshaper median wall / regio median wall of the matching row
# (unsimplified vs unsimplified, -simplify 10% vs --simplify 1 and 2).
#
# Env: MAPSHAPER (default mapshaper; DIR/ms/node_modules/.bin is put first on PATH).
# Needs: bash, python3, hyperfine, /usr/bin/time (GNU time); mapshaper for the peer rows.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)                  # checkout root
SHARED=$(cd "$ROOT/.." && pwd)/shared            # ../shared next to the checkout
PEER=$SHARED/bench/peers/w4_mapshaper.sh
GISCO=$SHARED/data/nuts/nuts_2021_03M_3035.gpkg

SCRATCH=${SCRATCH:-/tmp/regio-bench}
DATA=""
REGIO=$(regio_bin "$ROOT/build/regio")
RUNS=5
PEERS=1

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "bench_map: error: $*" >&2; exit 1; }
log() { echo "[bench_map $(date +%H:%M:%S)] $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --scratch) SCRATCH=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --regio) REGIO=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-peers) PEERS=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be >= 1"

mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
case "$SCRATCH/" in "$ROOT"/*) die "--scratch must be outside the checkout ($ROOT)" ;; esac
OUT=$SCRATCH/map
RES=$OUT/results.tsv
SUMMARY=$SCRATCH/bench_map.txt
mkdir -p "$OUT"
[ -n "$DATA" ] || DATA=$SCRATCH/data_s42
[[ $DATA == /* ]] || DATA=$PWD/$DATA
[[ $REGIO == /* ]] || REGIO=$PWD/$REGIO
export GDAL_PAM_ENABLED=NO
export PATH=$SCRATCH/ms/node_modules/.bin:$PATH
export MAPSHAPER=${MAPSHAPER:-mapshaper}

command -v hyperfine >/dev/null || die "hyperfine missing (apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "/usr/bin/time missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 missing"
[ -f "$DATA/nuts3_2021.gpkg" ] ||
  die "no W4 workload in $DATA (generate it: python3 ../shared/bench/gen_workload.py ... --out $DATA --seed 42; see ../shared/bench/README.md)"
if [ "$PEERS" = 1 ]; then
  if ! command -v "$MAPSHAPER" >/dev/null; then
    log "mapshaper not found (npm install mapshaper in $SCRATCH/ms): regio only"
    PEERS=0
  elif [ ! -f "$PEER" ]; then
    log "peer script $PEER missing: regio only"
    PEERS=0
  elif [ ! -f "$DATA/nuts3_2021.geojson" ]; then
    log "$DATA/nuts3_2021.geojson missing (the peer's input): regio only"
    PEERS=0
  fi
fi

# ---------------------------------------------------------------- regio binary
[ -x "$REGIO" ] || die "regio not found at $REGIO (build it first)"
"$REGIO" map --help >/dev/null 2>"$OUT/regio_help.log" || die "'$REGIO map --help' failed: $(head -c 300 "$OUT/regio_help.log")"
REGIO_STAMP="checkout $( (cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null) || echo 'without commits')"
if (cd "$ROOT" && [ -n "$(git status --porcelain --untracked-files=no -- src 2>/dev/null)" ]); then
  REGIO_STAMP+=" + uncommitted src changes"
fi
REGIO_STAMP+=", binary built $(date -r "$REGIO" '+%F %H:%M:%S')"
# run a copy, so that a rebuild of build/regio during the benchmark cannot disturb it
if cp "$REGIO" "$OUT/regio.snapshot" && "$OUT/regio.snapshot" map --help >/dev/null 2>&1; then
  REGIO=$OUT/regio.snapshot
  REGIO_STAMP+=", run as a copy"
fi

# ---------------------------------------------------------------- measuring
printf 'tag\ttool\twall_s\twall_min\twall_max\tpeak_mib\tcpu_s\tsvg_bytes\tpaths\tregions\truns\tstatus\n' > "$RES"
FAILURES=$OUT/failures.txt
: > "$FAILURES"
q() { printf '%q' "$1"; }

# measure TAG TOOL SVG REGIONS 'SHELL COMMAND'
# 1) one run under /usr/bin/time -v of `bash -c CMD` (peak RSS of the largest process, CPU of
#    all of them, exit status); its SVG is the one measured and checked;
# 2) hyperfine: 1 warm-up + RUNS timed runs of the same command, median/min/max wall.
measure() {
  local tag=$1 tool=$2 svg=$3 nreg=$4 cmd=$5
  local tf=$OUT/$tag.time err=$OUT/$tag.log hf=$OUT/$tag.hf.json rc=0 rss cpu wall wmin wmax bytes paths
  log "$tag: $cmd"
  rm -f "$svg"
  echo "\$ $cmd" > "$err"
  /usr/bin/time -v -o "$tf" bash -c "$cmd" >>"$err" 2>&1 || rc=$?
  if [ "$rc" != 0 ] || [ ! -s "$svg" ]; then
    { echo "FAILED ($tag, exit $rc): $cmd"; tail -n +2 "$err" | tail -n 20 | sed 's/^/    /'; } | tee -a "$FAILURES" >&2
    printf '%s\t%s\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t%s\t%s\tFAILED(exit %s)\n' "$tag" "$tool" "$nreg" "$RUNS" "$rc" >> "$RES"
    return 0
  fi
  rss=$(peak_mib "$tf")
  cpu=$(cpu_s "$tf")
  bytes=$(stat -c %s "$svg")
  paths=$(grep -o '<path' "$svg" | wc -l)
  if command -v rsvg-convert >/dev/null && ! rsvg-convert -w 400 -o "${svg%.svg}.png" "$svg" 2>>"$err"; then
    echo "WARNING ($tag): rsvg-convert cannot render $svg" | tee -a "$FAILURES" >&2
  fi
  if ! hyperfine -S bash -w 1 -r "$RUNS" --export-json "$hf" "$cmd" >>"$err" 2>&1; then
    echo "FAILED ($tag): hyperfine (see $err)" | tee -a "$FAILURES" >&2
    printf '%s\t%s\tNA\tNA\tNA\t%s\t%s\t%s\t%s\t%s\t%s\tFAILED(hyperfine)\n' "$tag" "$tool" "$rss" "$cpu" "$bytes" "$paths" "$nreg" "$RUNS" >> "$RES"
    return 0
  fi
  read -r wall wmin wmax < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f" % (r["median"], r["min"], r["max"]))' "$hf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\tok\n' "$tag" "$tool" "$wall" "$wmin" "$wmax" "$rss" "$cpu" "$bytes" "$paths" "$nreg" "$RUNS" >> "$RES"
}

GPKG=$DATA/nuts3_2021.gpkg:nuts3_2021
GEOJSON=$DATA/nuts3_2021.geojson
NREG=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["regions"]["2021"])' "$DATA/meta.json" 2>/dev/null || echo 1499)
REGIO_ARGS="--id nuts_id --field value --method quantile --classes 5 --palette Blues --overwrite -q"

measure regio regio "$OUT/regio.svg" "$NREG" \
  "$(q "$REGIO") map --layer $(q "$GPKG") $REGIO_ARGS -o $(q "$OUT/regio.svg")"
measure regio_s1 regio "$OUT/regio_s1.svg" "$NREG" \
  "$(q "$REGIO") map --layer $(q "$GPKG") $REGIO_ARGS --simplify 1 -o $(q "$OUT/regio_s1.svg")"
measure regio_s2 regio "$OUT/regio_s2.svg" "$NREG" \
  "$(q "$REGIO") map --layer $(q "$GPKG") $REGIO_ARGS --simplify 2 -o $(q "$OUT/regio_s2.svg")"
if [ -f "$GEOJSON" ]; then
  measure regio_geojson regio "$OUT/regio_geojson.svg" "$NREG" \
    "$(q "$REGIO") map --layer $(q "$GEOJSON") $REGIO_ARGS -o $(q "$OUT/regio_geojson.svg")"
fi
if [ "$PEERS" = 1 ]; then
  measure mapshaper mapshaper "$OUT/mapshaper.svg" "$NREG" "sh $(q "$PEER") $(q "$DATA") $(q "$OUT/mapshaper.svg")"
  measure mapshaper_s10 mapshaper "$OUT/mapshaper_s10.svg" "$NREG" "sh $(q "$PEER") $(q "$DATA") $(q "$OUT/mapshaper_s10.svg") 10"
fi
if [ -f "$GISCO" ]; then
  measure regio_gisco regio "$OUT/regio_gisco.svg" 1514 \
    "$(q "$REGIO") map --layer $(q "$GISCO:nutsrg_3") --id NUTS_ID --field atlasId --method quantile --classes 5 --palette Blues --overwrite -q -o $(q "$OUT/regio_gisco.svg")"
fi

# Class counts as drawn (legend of regio; mapshaper's log).
regio_counts=$(grep -oE '<tspan fill="#666666">\([0-9]+\)' "$OUT/regio.svg" 2>/dev/null | sed -E 's/.*\(([0-9]+)\)/\1/' | paste -sd/ || true)
ms_counts=$(grep -oE '^ +[0-9.]+ - [0-9.]+ +\(([0-9]+)\)' "$OUT/mapshaper.log" 2>/dev/null | sed -E 's/.*\(([0-9]+)\)/\1/' | paste -sd/ || true)

# ---------------------------------------------------------------- summary
python3 - "$RES" "$REGIO_STAMP" "$RUNS" "$regio_counts" "$ms_counts" > "$SUMMARY" <<'EOF'
import csv, os, sys
res, stamp, runs, rc, mc = sys.argv[1:6]
rows = {r["tag"]: r for r in csv.DictReader(open(res), delimiter="\t")}
label = {
    "regio": "regio map (gpkg), unsimplified",
    "regio_s1": "regio map (gpkg), --simplify 1",
    "regio_s2": "regio map (gpkg), --simplify 2",
    "regio_geojson": "regio map (geojson), unsimplified",
    "mapshaper": "mapshaper (geojson), unsimplified",
    "mapshaper_s10": "mapshaper (geojson), -simplify 10%",
    "regio_gisco": "regio map, GISCO nutsrg_3 (context)",
}
def num(r, k):
    try: return float(r[k])
    except (KeyError, ValueError, TypeError): return None
print("bench_map: NUTS 2021 level 3 (1:3M) choropleth, 5 quantile classes, SVG")
print(f"regio: {stamp}")
print(f"machine: {os.cpu_count()} cores, load average {' '.join(open('/proc/loadavg').read().split()[:3])} at the end")
print(f"median wall of {runs} runs (hyperfine, 1 warm-up); peak RSS and CPU from one run (GNU time)")
print(f"{'configuration':38} {'regions':>7} {'wall s':>7} {'min-max s':>13} {'CPU s':>6} {'peak MiB':>8} {'SVG bytes':>10} {'paths':>6}")
for tag, name in label.items():
    r = rows.get(tag)
    if not r: continue
    if r["status"] != "ok":
        print(f"{name:38} {r['regions']:>7} {r['status']}")
        continue
    print(f"{name:38} {r['regions']:>7} {float(r['wall_s']):7.3f} {r['wall_min'] + '-' + r['wall_max']:>13} "
          f"{float(r['cpu_s']):6.2f} {r['peak_mib']:>8} {int(r['svg_bytes']):>10,} {r['paths']:>6}")
pairs = [("mapshaper", "regio"), ("mapshaper", "regio_geojson"), ("mapshaper_s10", "regio_s1"), ("mapshaper_s10", "regio_s2")]
out = []
for peer, ours in pairs:
    p, o = rows.get(peer), rows.get(ours)
    if not p or not o or p["status"] != "ok" or o["status"] != "ok": continue
    out.append(f"  {label[peer]:36} / {label[ours]:34}: wall x{num(p,'wall_s')/num(o,'wall_s'):.2f}, "
               f"peak RSS x{num(p,'peak_mib')/num(o,'peak_mib'):.2f}, SVG bytes x{num(p,'svg_bytes')/num(o,'svg_bytes'):.2f}")
if out:
    print("ratios (peer / regio; > 1 means regio is faster / smaller):")
    print("\n".join(out))
if rc: print(f"class counts: regio {rc} (quantiles by linear interpolation, spec §2)" + (f"; mapshaper {mc}" if mc else ""))
EOF
cat "$SUMMARY"
if [ -s "$FAILURES" ]; then
  echo "failures / warnings:" | tee -a "$SUMMARY"
  sed 's/^/  /' "$FAILURES" | tee -a "$SUMMARY"
fi
log "summary written to $SUMMARY (raw rows: $RES)"
