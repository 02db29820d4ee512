#!/usr/bin/python3
"""Peer of tools/bench/bench_segregation.sh (numpy/scipy from Debian: python3-numpy, python3-scipy).

  generate OUT.csv [--size N] [--seed S]
      an N x N grid of 100 m cells (EPSG:3035 codes from E 4,000,000 N 3,000,000) with 4 groups,
      clustered: each group's share follows its own field of gaussian blobs; cell totals are
      Poisson draws around a blobby density; cells without people are left out.
  peer DATA.csv REGIO_OUT.csv [--bandwidths 500,1000,2000,4000] [--scales 1,2,5,10]
      the same box smoothing (a disc of radius r over cell centres, by FFT convolution) and the
      dissimilarity of each group and multigroup H at each bandwidth and scale, straightforwardly
      in numpy; prints its compute time (reading excluded) and the largest difference from
      regio's values in REGIO_OUT.csv.
"""
import argparse
import csv
import sys
import time

import numpy as np
from scipy.signal import fftconvolve

CELL = 100
E0, N0 = 4_000_000, 3_000_000
GROUPS = ["g1", "g2", "g3", "g4"]


def blobs(rng, n, count, amplitude):
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    field = np.zeros((n, n))
    for _ in range(count):
        cx, cy = rng.uniform(0, n, 2)
        sigma = rng.uniform(n / 50, n / 12)
        field += rng.uniform(0.5, 1.5) * amplitude * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma**2))
    return field


def generate(args):
    rng = np.random.default_rng(args.seed)
    n = args.size
    density = 0.5 + blobs(rng, n, 30, 6.0)
    totals = rng.poisson(density)
    shares = np.stack([0.3 + blobs(rng, n, 25, 1.0) for _ in GROUPS])
    shares /= shares.sum(axis=0)
    counts = np.zeros((len(GROUPS), n, n), dtype=np.int64)
    left = totals.copy()
    rest = np.ones((n, n))
    for m in range(len(GROUPS) - 1):  # multinomial as a chain of binomials
        p = np.clip(shares[m] / rest, 0, 1)
        counts[m] = rng.binomial(left, p)
        left -= counts[m]
        rest -= shares[m]
    counts[-1] = left
    rows, cols = np.nonzero(totals)
    with open(args.out, "w", newline="") as f:
        f.write("cell," + ",".join(GROUPS) + "\n")
        for r, c in zip(rows.tolist(), cols.tolist()):
            f.write("CRS3035RES100mN%dE%d,%s\n" % (N0 + r * CELL, E0 + c * CELL, ",".join(str(counts[m, r, c]) for m in range(len(GROUPS)))))
    print("generated %s: %d cells with people, %d persons" % (args.out, len(rows), int(totals.sum())))


def read_grid(path):
    """Cell codes CRS3035RES100mN<north>E<east> and the group counts."""
    north, east, counts = [], [], []
    with open(path) as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split(",")
            code = fields[0]
            n_at, e_at = code.index("mN") + 2, code.rindex("E")
            north.append(int(code[n_at:e_at]))
            east.append(int(code[e_at + 1:]))
            counts.append([float(v) for v in fields[1:]])
    counts = np.array(counts).T
    return np.array(north) // CELL, np.array(east) // CELL, counts  # absolute: blocks line up with the CRS origin


def dissimilarity(x, t):
    X, T = x.sum(), t.sum()
    P = X / T
    p = np.divide(x, t, out=np.zeros_like(x), where=t > 0)
    return (t * np.abs(p - P)).sum() / (2 * T * P * (1 - P))


def theil_h(counts):
    t = counts.sum(axis=0)
    T = t.sum()
    pi = counts.sum(axis=1) / T
    E = -(pi * np.log(pi)).sum()
    q = np.divide(counts, t, out=np.zeros_like(counts), where=t > 0)
    Ei = -(np.where(q > 0, q * np.log(np.where(q > 0, q, 1)), 0)).sum(axis=0)
    return (t * (E - Ei)).sum() / (T * E)


def disc(r_cells):
    R = int(np.floor(r_cells))
    yy, xx = np.mgrid[-R:R + 1, -R:R + 1]
    return ((xx * CELL) ** 2 + (yy * CELL) ** 2 <= (r_cells * CELL) ** 2).astype(np.float64)


def peer(args):
    rows, cols, counts = read_grid(args.data)
    t0 = time.perf_counter()
    r0, c0 = rows.min(), cols.min()
    dense = np.zeros((len(GROUPS), rows.max() - r0 + 1, cols.max() - c0 + 1))
    dense[:, rows - r0, cols - c0] = counts
    values = {}
    for k in [int(v) for v in args.scales.split(",")]:
        br, bc = rows // k, cols // k
        key = (br - br.min()) * (bc.max() - bc.min() + 1) + (bc - bc.min())
        _, inverse = np.unique(key, return_inverse=True)
        blocks = np.stack([np.bincount(inverse, weights=counts[m]) for m in range(len(GROUPS))])
        t = blocks.sum(axis=0)
        for m, g in enumerate(GROUPS):
            values[("dissimilarity", g, str(k), "")] = dissimilarity(blocks[m], t)
        values[("multigroup_entropy", "", str(k), "")] = theil_h(blocks)
    for r in [float(v) for v in args.bandwidths.split(",")]:
        kernel = disc(r / CELL)
        smoothed = np.stack([np.rint(fftconvolve(dense[m], kernel, mode="same"))[rows - r0, cols - c0] for m in range(len(GROUPS))])
        t = smoothed.sum(axis=0)
        for m, g in enumerate(GROUPS):
            values[("dissimilarity", g, "", "%g" % r)] = dissimilarity(smoothed[m], t)
        values[("multigroup_entropy", "", "", "%g" % r)] = theil_h(smoothed)
    seconds = time.perf_counter() - t0
    worst = 0.0
    compared = 0
    with open(args.regio_out) as f:
        for row in csv.DictReader(f):
            key = (row["index"], row["group"], row["scale"], row["bandwidth"])
            if row["within"] == "" and key in values:
                worst = max(worst, abs(float(row["value"]) - values[key]))
                compared += 1
    print("numpy_seconds %.3f" % seconds)
    print("compared %d of %d values, largest difference %.3g" % (compared, len(values), worst))
    if compared != len(values) or worst > 1e-9:
        sys.exit("regio and numpy disagree")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out")
    g.add_argument("--size", type=int, default=1000)
    g.add_argument("--seed", type=int, default=42)
    p = sub.add_parser("peer")
    p.add_argument("data")
    p.add_argument("regio_out")
    p.add_argument("--bandwidths", default="500,1000,2000,4000")
    p.add_argument("--scales", default="1,2,5,10")
    args = ap.parse_args()
    generate(args) if args.command == "generate" else peer(args)


if __name__ == "__main__":
    main()
