#!/usr/bin/env python3
"""Cross-check regio's W3 crosswalk (pieces) and transfer against the peers' outputs.

usage: bench_crosswalk_compare.py diff A.csv B.csv      (two crosswalk CSVs of regio: rows, max
                                                        relative difference per numeric column)
       bench_crosswalk_compare.py --regio-pieces CROSSWALK.csv --regio-transfer OUT.csv
           --data POP16.csv [--peer-pieces NAME=FILE ...] [--peer-transfer NAME=FILE ...]
           [--pop-total N] [--min-area 1e6] [--min-share 1e-4] [--regio-report R.json]

CROSSWALK.csv: regio crosswalk build output (from_id,to_id,area_m2,...).
OUT.csv:       regio crosswalk apply output (nuts_id,pop).
POP16.csv:     the data given to regio crosswalk apply (nuts_id,pop), used to recompute the
               peers' transfer under regio's sliver rule.
Peer pieces:   id16,id21,area (m2).  Peer transfer: nuts_id,value.

Prints plain-text lines (for the benchmark summary).  Pieces are compared above --min-area
(default 1 km2): count, total area, pairs present on one side only, and the largest relative
area difference of a matched (id16, id21) pair.  Transfers are compared per 2021 region
(largest and median relative difference).  To explain what remains, each peer's transfer is
also recomputed from its own pieces with regio's rule (a piece is a sliver when it is below
--min-share of both its 2016 and its 2021 unit; slivers are dropped and the shares of each
2016 unit are renormalised to 1) and compared with regio again.  Standard library only.
"""
import argparse
import csv
import json
import statistics
import sys
from collections import defaultdict


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def read_pieces(path, a, b, area):
    out = {}
    for r in read_csv(path):
        k = (r[a], r[b])
        out[k] = out.get(k, 0.0) + float(r[area])   # (a pair should occur once)
    return out


def read_table(path, idc, valc):
    rows = read_csv(path)
    if not rows:
        return {}
    if valc not in rows[0]:
        valc = [c for c in rows[0] if c != idc][0]
    return {r[idc]: float(r[valc]) if r[valc] not in ("", None) else 0.0 for r in rows}


def rel(a, b):
    d = abs(a - b)
    m = max(abs(a), abs(b))
    return 0.0 if d == 0 else d / m


def named(specs):
    out = []
    for s in specs or []:
        if "=" not in s:
            sys.exit(f"bench_crosswalk_compare: expected NAME=FILE, got {s!r}")
        n, p = s.split("=", 1)
        out.append((n, p))
    return out


def fmt_pair(k):
    return f"{k[0]}->{k[1]}"


def transfer_from_pieces(pieces, pop, min_share, drop_slivers):
    """value per id21 = sum over pieces of pop16 * area / (area of the 2016 unit in pieces),
    optionally after dropping pieces below min_share of both units (regio's rule)."""
    a16 = defaultdict(float)
    a21 = defaultdict(float)
    for (i16, i21), a in pieces.items():
        a16[i16] += a
        a21[i21] += a
    keep = {}
    for (i16, i21), a in pieces.items():
        if drop_slivers and a < min_share * a16[i16] and a < min_share * a21[i21]:
            continue
        keep[(i16, i21)] = a
    k16 = defaultdict(float)
    for (i16, _), a in keep.items():
        k16[i16] += a
    val = defaultdict(float)
    for (i16, i21), a in keep.items():
        val[i21] += pop.get(i16, 0.0) * a / k16[i16]
    return val, [k for k in pieces if k not in keep]


def compare_transfer(ref, oth):
    ids = sorted(set(ref) | set(oth))
    rels = []
    only_ref = [i for i in ids if i in ref and i not in oth]
    only_oth = [i for i in ids if i in oth and i not in ref]
    for i in ids:
        if i in ref and i in oth:
            rels.append((rel(ref[i], oth[i]), i))
    rels.sort(reverse=True)
    return rels, only_ref, only_oth


def csv_diff(pa, pb):
    """Compare two crosswalk CSVs (keyed by from_id,to_id): one line of text."""
    ra, rb = read_csv(pa), read_csv(pb)
    key = lambda r: (r["from_id"], r["to_id"])
    da, db = {key(r): r for r in ra}, {key(r): r for r in rb}
    cols = [c for c in (ra[0] if ra else {}) if c not in ("from_id", "to_id")]
    same_text = sum(1 for k in da if k in db and da[k] == db[k])
    parts = [f"rows {len(ra)}/{len(rb)}, only in one: {len(set(da) ^ set(db))}, "
             f"byte-identical rows {same_text}"]
    for c in cols:
        worst = max(((rel(float(da[k][c]), float(db[k][c])), k) for k in da if k in db), default=(0.0, None))
        if worst[0] > 0:
            parts.append(f"{c} max rel diff {worst[0]:.1e} ({fmt_pair(worst[1])})")
    return "; ".join(parts)


def shares_over_one(path):
    """Shares above 1 in a crosswalk CSV (rounding): count and the largest."""
    out = []
    rows = read_csv(path)
    for c in [c for c in (rows[0] if rows else {}) if "share" in c]:
        over = sorted(((float(r[c]), (r["from_id"], r["to_id"])) for r in rows if float(r[c]) > 1), reverse=True)
        if over:
            out.append(f"{c} > 1 in {len(over)} rows (max {over[0][0]!r} at {fmt_pair(over[0][1])})")
    return "; ".join(out) or "no share above 1"


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "diff":
        print(csv_diff(sys.argv[2], sys.argv[3]))
        return
    if len(sys.argv) == 3 and sys.argv[1] == "over1":
        print(shares_over_one(sys.argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regio-pieces", required=True)
    ap.add_argument("--regio-transfer", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--peer-pieces", action="append")
    ap.add_argument("--peer-transfer", action="append")
    ap.add_argument("--pop-total", type=float)
    ap.add_argument("--min-area", type=float, default=1e6)
    ap.add_argument("--min-share", type=float, default=1e-4)
    ap.add_argument("--regio-report")
    ap.add_argument("--areas16", help="nuts_id,area of the 2016 units (to find area not covered by pieces)")
    a = ap.parse_args()
    P = print
    km = 1e6
    S = {"pieces": [], "match": [], "transfer": [], "residual": []}
    MA = a.min_area

    rp = read_pieces(a.regio_pieces, "from_id", "to_id", "area_m2")
    rt = read_table(a.regio_transfer, "nuts_id", "pop")
    pop = read_table(a.data, "nuts_id", "pop")
    rep = json.load(open(a.regio_report)) if a.regio_report else None

    # ------------------------------------------------------------------ pieces
    P("pieces (regio crosswalk rows vs the peers' intersection pieces; area in km2):")
    big = {k: v for k, v in rp.items() if v > MA}
    line = (f"  regio: rows={len(rp)} over_{MA / km:g}km2={len(big)} "
            f"area_all={sum(rp.values()) / km:.3f} area_over={sum(big.values()) / km:.3f}")
    if rep:
        sl = rep.get("slivers", [])
        line += (f"; report: pieces={rep.get('pieces')} slivers dropped={len(sl)} "
                 f"({sum(s['area_m2'] for s in sl):.0f} m2), units from={rep['from']['units']} "
                 f"to={rep['to']['units']}, 2016 area={rep['from']['area_m2'] / km:.3f}, "
                 f"2021 area={rep['to']['area_m2'] / km:.3f}, "
                 f"unmatched_to={','.join(rep.get('unmatched_to', [])) or '-'}")
    P(line)
    # shares: the kept shares of each source unit should sum to 1; report how far the sums are off
    rows = read_csv(a.regio_pieces)
    for col, idc in (("area_share_from", "from_id"), ("area_share_to", "to_id")):
        if rows and col in rows[0]:
            sm = defaultdict(float)
            for r in rows:
                sm[r[idc]] += float(r[col])
            dev = sorted(((abs(v - 1), i, v) for i, v in sm.items()), reverse=True)
            n6 = sum(1 for d, _, _ in dev if d > 1e-9)
            P(f"  regio: sum of {col} per {idc}: max |sum-1| {dev[0][0]:.1e}; units off by > 1e-9: {n6}" +
              (": " + ", ".join(f"{i} {v:.9f}" for d, i, v in dev[:5] if d > 1e-9) if n6 else ""))
    peer_pieces = []
    for name, path in named(a.peer_pieces):
        pp = read_pieces(path, "id16", "id21", "area")
        peer_pieces.append((name, pp))
        pbig = {k: v for k, v in pp.items() if v > MA}
        P(f"  {name}: pieces={len(pp)} over_{MA / km:g}km2={len(pbig)} "
          f"area_all={sum(pp.values()) / km:.3f} area_over={sum(pbig.values()) / km:.3f}")
        keys = set(big) | set(pbig)
        only_r = sorted(k for k in keys if k in big and k not in pp)
        only_p = sorted(k for k in keys if k in pbig and k not in rp)
        matched = [(rel(rp[k], pp[k]), k) for k in keys if k in rp and k in pp]
        matched.sort(reverse=True)
        S["pieces"].append(f"{name} {len(pbig)}")
        S["match"].append(f"{name}: matched {len(matched)}, one side only {len(only_r) + len(only_p)}, "
                          f"max rel area diff {matched[0][0] if matched else 0:.1e}")
        absd = sorted(((abs(rp[k] - pp[k]), k) for k in keys if k in rp and k in pp), reverse=True)
        P(f"    vs regio over {MA / km:g} km2: matched pairs={len(matched)}, "
          f"regio-only={len(only_r)}{' ' + ','.join(fmt_pair(k) for k in only_r[:5]) if only_r else ''}, "
          f"{name}-only={len(only_p)}{' ' + ','.join(fmt_pair(k) for k in only_p[:5]) if only_p else ''}; "
          f"area over {MA / km:g} km2 regio-{name}={(sum(big.values()) - sum(pbig.values())):.1f} m2")
        if matched:
            r0, k0 = matched[0]
            n9 = sum(1 for r, _ in matched if r > 1e-9)
            P(f"    max rel area diff per matched pair={r0:.2e} ({fmt_pair(k0)}: regio {rp[k0]:.1f} m2, "
              f"{name} {pp[k0]:.1f} m2); median={statistics.median(r for r, _ in matched):.1e}; "
              f"pairs > 1e-9: {n9}")
            P(f"    largest absolute differences: " + "; ".join(
                f"{fmt_pair(k)} {rp[k] - pp[k]:+.2g} m2" for _, k in absd[:4]))
        small = sorted(((v, k) for k, v in pp.items() if v <= MA and k not in rp))
        P(f"    {name} pieces <= {MA / km:g} km2 that regio has no row for: {len(small)} "
          f"({sum(v for v, _ in small):.0f} m2): " +
          ", ".join(f"{fmt_pair(k)} {v:.0f}" for v, k in small[:12]))
        if rep is not None:
            slv = {(x["from_id"], x["to_id"]) for x in rep.get("slivers", [])}
            lost = [(v, k) for v, k in small if k not in slv]
            P(f"    of these, in regio's report as slivers: {len(small) - len(lost)}; "
              f"NEITHER a row NOR a reported sliver: {len(lost)}" +
              (f" ({sum(v for v, _ in lost):.0f} m2: " + ", ".join(f"{fmt_pair(k)} {v:.0f} m2" for v, k in lost[:10]) + ")"
               if lost else ""))
            S["match"].append(f"{name} pieces missing from regio's rows and sliver list: {len(lost)}"
                              + (" (" + ", ".join(f"{fmt_pair(k)} {v:.0f} m2" for v, k in lost[:4]) + ")" if lost else ""))

    # ---------------------------------------------------------------- transfer
    P("transfer of pop, 2016 -> 2021 (per 2021 region; relative difference |a-b|/max(|a|,|b|)):")
    tot = sum(rt.values())
    line = f"  regio: regions={len(rt)} total={tot:.3f}"
    if a.pop_total is not None:
        line += f" vs 2016 total {a.pop_total:.0f} (diff {tot - a.pop_total:+.3g})"
    P(line)
    for name, path in named(a.peer_transfer):
        pt = read_table(path, "nuts_id", "value")
        rels, only_r, only_p = compare_transfer(rt, pt)
        ptot = sum(pt.values())
        extra = ""
        if only_r:
            extra += f"; only in regio: {','.join(only_r[:5])}"
        if only_p:
            extra += "; only in " + name + ": " + ",".join(f"{i}={pt[i]:g}" for i in only_p[:5])
        P(f"  {name}: regions={len(pt)} total={ptot:.3f} (regio-{name} {tot - ptot:+.3g}){extra}")
        if rels:
            r0, i0 = rels[0]
            S["transfer"].append(f"{name} {r0:.1e} ({i0})")
            nd = sum(1 for r, _ in rels if r > 1e-9)
            P(f"    max rel diff={r0:.2e} ({i0}: regio {rt[i0]:.3f}, {name} {pt[i0]:.3f}); "
              f"median={statistics.median(r for r, _ in rels):.1e}; regions > 1e-9: {nd}: " +
              ", ".join(f"{i} {r:.1e}" for r, i in rels[:8] if r > 1e-9))

    # ------------------------------------------- explain: regio's rule on the peers' pieces
    if a.areas16 and peer_pieces:
        # the peers divide by the whole 2016 area: 2016 area not covered by any 2021 unit
        # (gaps in the 2021 layer) is lost; area covered twice (overlapping 2021 units) counts twice
        a16 = read_table(a.areas16, "nuts_id", "area")
        name, pp = peer_pieces[0]
        s16 = defaultdict(float)
        for (i16, _), v in pp.items():
            s16[i16] += v
        gaps = sorted(((a16[i] - s16.get(i, 0.0), i) for i in a16), reverse=True)
        gap = [(d, i) for d, i in gaps if d > 1.0]
        dbl = [(d, i) for d, i in reversed(gaps) if d < -1.0]
        P(f"  explain: 2016 area minus the {name} pieces' area per 2016 unit: not covered by any 2021 unit: "
          + (", ".join(f"{i} {d:.0f} m2 ({d / a16[i]:.1e} of it, pop {pop.get(i, 0):.0f})" for d, i in gap[:6]) or "none")
          + "; covered twice (overlapping 2021 units): "
          + (", ".join(f"{i} {-d:.0f} m2" for d, i in dbl[:6]) or "none")
          + f"; the peers lose pop x uncovered share = "
          f"{sum(pop.get(i, 0.0) * d / a16[i] for d, i in gaps):.3f} in total; regio renormalises the kept shares of each 2016 unit to 1")
    for name, pp in peer_pieces:
        raw, _ = transfer_from_pieces(pp, pop, a.min_share, False)
        ren, dropped = transfer_from_pieces(pp, pop, a.min_share, True)
        r_raw, _, _ = compare_transfer(rt, raw)
        r_ren, _, _ = compare_transfer(rt, ren)
        P(f"  explain ({name} pieces): regio's sliver rule (< {a.min_share:g} of both units) drops "
          f"{len(dropped)} of them ({sum(pp[k] for k in dropped):.0f} m2: " +
          ", ".join(fmt_pair(k) for k in sorted(dropped)[:10]) + ")")
        if r_ren:
            S["residual"].append(f"{name} {r_ren[0][0]:.1e}")
        if r_raw and r_ren:
            P(f"    transfer from {name} pieces, shares area/area(2016 unit in pieces): max rel diff vs regio "
              f"{r_raw[0][0]:.2e} ({r_raw[0][1]}); after dropping those slivers and renormalising: "
              f"{r_ren[0][0]:.2e} ({r_ren[0][1]})")

    P(f"summary: pieces over {MA / km:g} km2: regio {len(big)}" + "".join(", " + x for x in S["pieces"])
      + ("; " + "; ".join(S["match"]) if S["match"] else "")
      + "; transfer max rel diff per 2021 region: " + (", ".join(S["transfer"]) or "-")
      + "; after applying regio's sliver rule to the peers' pieces: " + (", ".join(S["residual"]) or "-")
      + f"; regio total {tot:.0f}" + (f" (2016 total {a.pop_total:.0f})" if a.pop_total is not None else ""))


if __name__ == "__main__":
    main()
