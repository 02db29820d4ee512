#!/usr/bin/env python3
"""Cross-check per-region sums of `regio aggregate grid` and the W2 peers
(helper of bench_aggregate_grid.sh; standard library only).

usage: bench_aggregate_grid_compare.py [--raster-total T] [--exact] REF.csv[=LABEL] OTHER.csv[=LABEL] ...

Each CSV: id in the first column, the sum in the column `sum` (peers, exactextract) or the
first column ending in `_sum` (regio: band1_sum). The first file is the reference; every other
file is compared with it on the regions both have. A region missing from one file counts as
0 there and is listed when its value elsewhere is non-zero.

Per other file: regions in common, totals, relative difference per region (|other - ref| /
|ref|, over the common regions whose reference sum is > 0): median, p95, max and the largest
ones; how many regions are identical (|diff| <= 1e-9 x max(1, |ref|)) and, with --exact
(integer sums such as centre-of-cell methods), the differing regions one by one.
Lines starting with 'KV ' are key=value figures for the calling script.
"""
import csv
import math
import sys


def load(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        head = next(r)
        if "sum" in head:
            vi = head.index("sum")
        else:
            cand = [i for i, h in enumerate(head) if h.endswith("_sum")]
            if not cand:
                raise SystemExit(f"{path}: no 'sum' or '*_sum' column in {head}")
            vi = cand[0]
        d = {}
        for row in r:
            if not row:
                continue
            v = row[vi].strip()
            d[row[0]] = float(v) if v not in ("", "NA", "nan", "NaN") else 0.0
    return d


def quantile(xs, q):  # linear interpolation, as pandas' default
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def pct(x):
    return f"{100 * x:.2f}%" if x >= 1e-4 else f"{x:.1e}"


def main(argv):
    total = None
    exact = False
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--raster-total":
            total = float(argv[i + 1]); i += 2; continue
        if a == "--exact":
            exact = True; i += 1; continue
        path, _, label = a.partition("=")
        files.append((path, label or path.rsplit("/", 1)[-1]))
        i += 1
    if len(files) < 1:
        raise SystemExit(__doc__)
    (rp, rl), others = files[0], files[1:]
    ref = load(rp)
    rtot = sum(ref.values())
    line = f"{rl}: {len(ref)} regions ({sum(1 for v in ref.values() if v != 0)} non-zero), total {rtot:,.1f}"
    if total:
        line += f" = {rtot / total:.4%} of the raster total {total:,.1f}"
    print(line)
    print(f"KV ref_regions={len(ref)} ref_total={rtot:.3f}")
    for op, ol in others:
        o = load(op)
        common = [k for k in ref if k in o]
        ronly = [k for k in ref if k not in o]
        oonly = [k for k in o if k not in ref]
        otot = sum(o.values())
        ctot_r = sum(ref[k] for k in common)
        ctot_o = sum(o[k] for k in common)
        rel = []
        for k in common:
            if ref[k] > 0:
                rel.append((abs(o[k] - ref[k]) / abs(ref[k]), k))
        rel.sort(reverse=True)
        vals = [x for x, _ in rel]
        ident = sum(1 for k in common if abs(o[k] - ref[k]) <= 1e-9 * max(1.0, abs(ref[k])))
        maxabs = max((abs(o[k] - ref[k]), k) for k in common) if common else (0.0, "-")
        print(f"{ol} vs {rl}:")
        print(f"  regions: {len(o)}; common {len(common)}"
              + (f"; only in {rl}: {len(ronly)} ({sum(1 for k in ronly if ref[k] != 0)} non-zero)" if ronly else "")
              + (f"; only in {ol}: {len(oonly)} ({sum(1 for k in oonly if o[k] != 0)} non-zero)" if oonly else ""))
        line = f"  total {otot:,.1f}"
        if total:
            line += f" = {otot / total:.4%} of the raster total"
        line += f"; over common regions {ctot_o:,.1f} vs {ctot_r:,.1f} ({(ctot_o - ctot_r) / ctot_r:+.4%})" if ctot_r else ""
        print(line)
        if vals:
            med, p95 = quantile(vals, 0.5), quantile(vals, 0.95)
            over1 = sum(1 for x in vals if x > 0.01)
            if vals[0] > 0:
                print(f"  per-region |rel diff| ({len(vals)} regions with {rl} > 0): median {pct(med)}, "
                      f"p95 {pct(p95)}, max {pct(vals[0])} ({rel[0][1]}); > 1%: {over1} regions")
                print("  largest: " + ", ".join(f"{k} {pct(x)}" for x, k in rel[:6] if x > 0))
            else:
                print(f"  per-region |rel diff| ({len(vals)} regions with {rl} > 0): all 0")
            print(f"KV label={ol} median={med:.6g} p95={p95:.6g} max={vals[0]:.6g} max_id={rel[0][1]} "
                  f"identical={ident} common={len(common)}")
        print(f"  identical regions: {ident} of {len(common)}"
              + (f"; largest absolute difference {maxabs[0]:,.3f} ({maxabs[1]})" if maxabs[0] > 0 else ""))
        if exact:
            diff = sorted(((o[k] - ref[k], k) for k in common if abs(o[k] - ref[k]) > 1e-9 * max(1.0, abs(ref[k]))),
                          key=lambda t: -abs(t[0]))
            if diff:
                print(f"  differing regions ({len(diff)}; {ol} - {rl}, largest first): "
                      + ", ".join(f"{k} {d:+,.0f} ({pct(abs(d) / abs(ref[k])) if ref[k] else 'ref 0'})" for d, k in diff[:12])
                      + (" ..." if len(diff) > 12 else ""))
                print(f"  net difference over differing regions: {sum(d for d, _ in diff):+,.1f}; "
                      f"gross {sum(abs(d) for d, _ in diff):,.1f}")
        for k in ronly:
            if ref[k] != 0:
                print(f"  note: {k} = {ref[k]:,.1f} in {rl} but missing from {ol}")
        for k in oonly:
            if o[k] != 0:
                print(f"  note: {k} = {o[k]:,.1f} in {ol} but missing from {rl}")


if __name__ == "__main__":
    main(sys.argv[1:])
