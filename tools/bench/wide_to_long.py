#!/usr/bin/env python3
"""Convert regio's wide `aggregate points --by GROUP` CSV to the peers' long W1 format.

usage: wide_to_long.py WIDE.csv LONG.csv

WIDE.csv: <id>,count,weight_sum,count_<g>,weight_sum_<g>,...  (one row per region,
          also regions with zero points)
LONG.csv: nuts_id,group,count,weight_sum  (one row per region and group with count > 0,
          sorted by nuts_id, group; the format ../shared/bench/check.py reads)

Prints one line to stderr: rows, groups, total count and weight.
Standard library only.
"""
import csv
import sys


def num(s):
    """'12', '12.0', '1.2e+01' -> 12 (int when integral, else float)."""
    if s is None or s.strip() == "":
        return 0
    v = float(s)
    return int(v) if v.is_integer() else v


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        id_col = header[0]
        groups = [h[len("count_"):] for h in header if h.startswith("count_")]
        missing = [g for g in groups if f"weight_sum_{g}" not in header]
        if not groups or missing:
            sys.exit(f"{src}: expected count_<g>/weight_sum_<g> columns, got {header}")
        ci = {g: header.index(f"count_{g}") for g in groups}
        wi = {g: header.index(f"weight_sum_{g}") for g in groups}
        out, n_regions, tot_n, tot_w = [], 0, 0, 0
        for row in rd:
            if not row:
                continue
            n_regions += 1
            for g in groups:
                n, w = num(row[ci[g]]), num(row[wi[g]])
                if n > 0:
                    out.append((row[0], g, n, w))
                    tot_n += n
                    tot_w += w
    out.sort(key=lambda r: (r[0], r[1]))
    with open(dst, "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["nuts_id", "group", "count", "weight_sum"])
        wr.writerows(out)
    print(f"{src}: id column '{id_col}', {n_regions} regions, groups {','.join(groups)}, "
          f"{len(out)} non-empty (region,group) rows, count {tot_n}, weight {tot_w}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
