#!/usr/bin/env bash
# Benchmark of `regio atlas` (not a test): an atlas of NUTS 2021 level 3
# (1514 regions at 1:3M, ../shared/data/nuts) with 5 indicator series and a
# page per region, built from a run of `regio indicators` + `regio map`.
#
# The counts behind the indicators: residents per region are the JRC 1 km
# population grid (../shared/data/grid/JRC_1K_POP_2018.tif) aggregated with
# `regio aggregate grid --method area`; the split by citizenship group and the
# working-age and employed counts are synthetic (deterministic shares from a
# hash of the NUTS id, documented below), so the figures are realistic in
# size, not facts. Output in a scratch directory (default
# /tmp/regio-bench/atlas), never the checkout.
#
#   tools/bench/bench_atlas.sh [--runs N] [--scratch DIR]
# The binary under test: $REGIO_BIN (absolute path) when set, else build/regio.
# Prints the median wall and CPU time of the atlas step (one thread: on a
# quiet machine wall = CPU), the machine's load, the number of pages, the
# largest page and the site's size; fails when the atlas needs 5 s of CPU or
# more or a page reaches 1 MB. On a busy machine the wall time grows with the
# load (the project machine has 2 cores shared by several builds); CPU
# seconds are what the atlas costs.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
scratch=/tmp/regio-bench/atlas
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --scratch) scratch=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--scratch DIR]" >&2; exit 2 ;;
  esac
done
source tools/bench/lib.sh
regio=$(regio_bin "$PWD/build/regio")  # $REGIO_BIN when set (lib.sh)
nuts=$PWD/../shared/data/nuts/nuts_2021_03M_3035.gpkg
grid=$PWD/../shared/data/grid/JRC_1K_POP_2018.tif
[ -x "$regio" ] || { echo "build regio first (cmake --build build -j2 --target regio)" >&2; exit 1; }
[ -f "$nuts" ] && [ -f "$grid" ] || { echo "needs ../shared/data/nuts and ../shared/data/grid" >&2; exit 1; }
export GDAL_PAM_ENABLED=NO
mkdir -p "$scratch"

# 1. Residents per NUTS 3 region from the 1 km grid.
"$regio" aggregate grid --regions "$nuts:nutsrg_3" --id NUTS_ID --grid "$grid" --stat sum \
  -o "$scratch/pop.csv" --overwrite --quiet

# 2. Synthetic counts: shares of EU and non-EU citizens (2-12 % and 1-25 %),
#    working age 60 % of each group, employment 55-80 % (non-EU 10-25 points
#    lower), each drawn from the SHA-256 of the NUTS id: deterministic.
python3 - "$scratch/pop.csv" "$scratch/counts.csv" <<'PY'
import csv, hashlib, sys
def u(key, k):  # uniform in [0, 1) from the id
    return int(hashlib.sha256(f"{key}/{k}".encode()).hexdigest()[:8], 16) / 2**32
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["NUTS_ID", "residents_sum", "residents_sum_national", "residents_sum_eu", "residents_sum_non_eu",
                "working_age_sum_national", "employed_sum_national", "working_age_sum_non_eu", "employed_sum_non_eu"])
    for r in rows:
        pop = round(float(r["band1_sum"] or 0))
        eu = round(pop * (0.02 + 0.10 * u(r["NUTS_ID"], 1)))
        non_eu = round(pop * (0.01 + 0.24 * u(r["NUTS_ID"], 2)))
        nat = pop - eu - non_eu
        rate = 0.55 + 0.25 * u(r["NUTS_ID"], 3)
        gap = 0.10 + 0.15 * u(r["NUTS_ID"], 4)
        wa_nat, wa_non = round(nat * 0.6), round(non_eu * 0.6)
        w.writerow([r["NUTS_ID"], pop, nat, eu, non_eu, wa_nat, round(wa_nat * rate), wa_non, round(wa_non * max(0.0, rate - gap))])
PY
cat > "$scratch/indicators.toml" <<'TOML'
[disclosure]
t_min = 10
[groups]
values = ["national", "eu", "non_eu"]
reference = "national"
definition = "citizenship"
[[indicator]]
name = "citizenship_share"
label = "Share of residents by citizenship"
age_band = "all ages"
numerator = "residents_sum_{group}"
denominator = "residents_sum"
groups = ["eu", "non_eu"]
scale = 100
[[indicator]]
name = "employment_rate"
label = "Employment rate"
age_band = "working age"
numerator = "employed_sum_{group}"
denominator = "working_age_sum_{group}"
groups = ["national", "non_eu"]
scale = 100
gap = true
TOML
cat > "$scratch/pipeline.toml" <<TOML
[pipeline]
name = "NUTS 2021 level 3: synthetic integration indicators (benchmark)"
[[step]]
name = "indicators"
run = "indicators"
[step.args]
data = "$scratch/counts.csv"
id = "NUTS_ID"
definitions = "$scratch/indicators.toml"
output = "indicators.csv"
[[step]]
name = "map_non_eu"
run = "map"
[step.args]
layer = "$nuts:nutsrg_3"
id = "NUTS_ID"
name = "NAME_LATN"
field = "value"
data = "@indicators"
data-id = "region"
where = ["indicator=citizenship_share", "group=non_eu"]
style = "$PWD/styles/nuts-europe.toml"
source = "Population: JRC 1 km grid 2018; citizenship and employment: synthetic (tools/bench/bench_atlas.sh); boundaries: Eurostat GISCO NUTS 2021"
output = "map_non_eu.svg"
TOML
"$regio" run "$scratch/pipeline.toml" --out "$scratch/run" --quiet

# 3. The atlas, timed (whole process), median of $runs.
times=() cpus=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  time_run "$scratch/time.txt" "$scratch/atlas.log" \
    "$regio" atlas "$scratch/run" -o "$scratch/site" --overwrite --report "$scratch/atlas.json" --quiet
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  cpus+=("$(cpu_s "$scratch/time.txt")")
done
wall=$(printf '%s\n' "${times[@]}" | median)
cpu=$(printf '%s\n' "${cpus[@]}" | median)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
python3 - "$scratch/atlas.json" "$wall" "$cpu" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); wall = float(sys.argv[2]); cpu = float(sys.argv[3])
pages = sum(r["pages"].values())
print(f"atlas: {r['regions']} regions, {r['series']} series, {pages} pages, {r['files']} files, {r['bytes']/1e6:.1f} MB")
print(f"largest page: {r['largest_page']['path']} {r['largest_page']['bytes']/1e3:.0f} kB")
print(f"median of the runs: {wall:.2f} s wall, {cpu:.2f} s CPU (user + system)")
ok = cpu < 5 and r["largest_page"]["bytes"] < 1_000_000
print("PASS: under 5 s of CPU, every page under 1 MB" if ok else "FAIL: 5 s or 1 MB exceeded")
sys.exit(0 if ok else 1)
PY
