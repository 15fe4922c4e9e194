#!/usr/bin/env python3
"""Named graphs against the default graph (issue 14): the same WatDiv file loaded into the
default graph and into one named graph (`parley load --graph`), by one or more parley
binaries in the same sitting.

Usage: python3 Benchmarks/named_graphs.py [--parley LABEL=BINARY ...] [--data FILE] [--runs 3]
                                          [--repeat 21] [--no-queries] [--json results.jsonl]

For each binary and each placement it reports the load's triples per second (wall clock of
`parley load`, median of --runs fresh loads), the data file's bytes per triple after the
load, and for every WatDiv and X query the median time of `parley query --time --repeat N`:
the default-graph store queried as it is, the named store through its union default graph
(Parley's default dataset), so the ratio is what the union costs.
"""
import argparse, glob, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
GRAPH = "http://example.org/readout"


def load(parley, data, db, graph):
    shutil.rmtree(db, ignore_errors=True)
    cmd = [parley, "load", "--db", db] + (["--graph", graph] if graph else []) + [data]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"load failed: {proc.stderr}")
    added = int(re.search(r"loaded ([\d,]+) new", proc.stdout + proc.stderr).group(1).replace(",", ""))
    return elapsed, added, os.path.getsize(os.path.join(db, "data.mdb"))


def query_median(parley, db, query, repeat):
    proc = subprocess.run([parley, "query", "--db", db, "--time", "--repeat", str(repeat), "--file", query],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"time: ([\d.]+) ms", proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"query {query} failed: {proc.stderr}")
    return float(found.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", action="append", default=[],
                        help="LABEL=BINARY (default: this build's release binary)")
    parser.add_argument("--data", default=os.path.join(SHARED, "data", "watdiv-sf9.nt.gz"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--no-queries", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    binaries = [p.split("=", 1) for p in args.parley] or [["this", os.path.join(ROOT, ".build", "release", "parley")]]
    queries = sorted(glob.glob(os.path.join(SHARED, "queries", "sf9", "*.rq"))) + \
        sorted(glob.glob(os.path.join(SHARED, "queries", "extra", "X*.rq")))
    work = tempfile.mkdtemp(prefix="named-graphs-")
    results = []
    try:
        for label, parley in binaries:
            row = {"binary": label}
            stores = {}
            for placement, graph in [("default", None), ("named", GRAPH)]:
                db = os.path.join(work, f"{label}-{placement}")
                loads = [load(parley, args.data, db, graph) for _ in range(args.runs)]
                seconds = statistics.median(l[0] for l in loads)
                triples, size = loads[-1][1], loads[-1][2]
                row[placement] = {"load_s": seconds, "triples": triples, "triples_per_s": triples / seconds,
                                  "bytes": size, "bytes_per_triple": size / triples}
                stores[placement] = db
            row["ratio_bytes"] = row["named"]["bytes_per_triple"] / row["default"]["bytes_per_triple"]
            row["ratio_load"] = row["named"]["triples_per_s"] / row["default"]["triples_per_s"]
            print(f"{label}: default {row['default']['bytes_per_triple']:.1f} B/t {row['default']['triples_per_s']:,.0f} t/s; "
                  f"named {row['named']['bytes_per_triple']:.1f} B/t {row['named']['triples_per_s']:,.0f} t/s; "
                  f"bytes x{row['ratio_bytes']:.2f}, load x{row['ratio_load']:.2f}", flush=True)
            if not args.no_queries:
                row["queries"] = {}
                for q in queries:
                    name = os.path.basename(q)[:-3]
                    d = query_median(parley, stores["default"], q, args.repeat)
                    n = query_median(parley, stores["named"], q, args.repeat)
                    row["queries"][name] = {"default_ms": d, "union_ms": n, "ratio": n / d if d > 0 else None}
                    print(f"  {name:24} default {d:9.3f} ms  union {n:9.3f} ms  x{n / d if d > 0 else float('nan'):.2f}", flush=True)
            results.append(row)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        with open(args.json, "a") as out:
            for row in results:
                out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
