#!/usr/bin/env python3
"""Query benchmark: Parley beside pyoxigraph on the WatDiv queries, same data, same run.

Usage: python3 Benchmarks/queries.py [--scales sf1,sf9] [--runs 5]

For each scale it loads ../shared/bench/data/watdiv-SCALE.nt.gz into a fresh Parley store and
a fresh pyoxigraph store (bulk_load), then runs the 20 WatDiv queries of that scale and the 8
extra ones (../shared/bench/queries/). Each query runs in a fresh process per engine: one
warm-up run, then --runs timed runs, every solution pulled (Parley: `parley query --repeat`,
timing inside the process, rows written to /dev/null; pyoxigraph: every solution iterated in
Python). Reports the median per query, the ratio Parley/pyoxigraph, the median ratio, and
checks each row count against queries/expected-rows.tsv. Needs `swift build -c release` and
`pip install pyoxigraph`.
"""
import argparse, gzip, os, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")
PARLEY = os.path.join(ROOT, ".build", "release", "parley")

OXI_QUERY = r"""
import sys, time, statistics, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
query = open(sys.argv[2]).read()
runs = int(sys.argv[3])
def run():
    result = store.query(query)
    if isinstance(result, bool):
        return 1
    return sum(1 for _ in result)
rows = run()
times = []
for _ in range(runs):
    start = time.perf_counter()
    rows = run()
    times.append((time.perf_counter() - start) * 1000)
print(rows, statistics.median(times))
"""

def expected_rows():
    table = {}
    with open(os.path.join(BENCH, "queries", "expected-rows.tsv")) as f:
        next(f)
        for line in f:
            data, query, rows = line.rstrip("\n").split("\t")
            table[(data, query)] = int(rows)
    return table

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="sf1,sf9")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "parley-bench-queries"))
    args = ap.parse_args()
    if not os.path.exists(PARLEY):
        sys.exit("build first: swift build -c release")
    import pyoxigraph  # noqa: F401  (fails early with a clear message if missing)
    expected = expected_rows()
    os.makedirs(args.workdir, exist_ok=True)
    all_ratios, failures = [], []
    for scale in args.scales.split(","):
        data = os.path.join(args.workdir, f"watdiv-{scale}.nt")
        if not os.path.exists(data):
            with gzip.open(os.path.join(BENCH, "data", f"watdiv-{scale}.nt.gz"), "rb") as src, open(data, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        pstore, ostore = os.path.join(args.workdir, f"parley-{scale}"), os.path.join(args.workdir, f"oxigraph-{scale}")
        for d in (pstore, ostore):
            shutil.rmtree(d, ignore_errors=True)
        subprocess.run([PARLEY, "load", "--db", pstore, data], check=True, capture_output=True)
        subprocess.run([sys.executable, "-c",
                        "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[2]); "
                        "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES); s.flush()", data, ostore], check=True)
        queries = [(f"{scale}/{q[:-3]}", os.path.join(BENCH, "queries", scale, q))
                   for q in sorted(os.listdir(os.path.join(BENCH, "queries", scale)))]
        queries += [(f"extra/{q[:-3]}", os.path.join(BENCH, "queries", "extra", q))
                    for q in sorted(os.listdir(os.path.join(BENCH, "queries", "extra")))]
        print(f"\n### {scale}\n")
        print("| query | rows | expected | parley ms | pyoxigraph ms | ratio |")
        print("|---|---:|---:|---:|---:|---:|")
        ratios = []
        for name, path in queries:
            proc = subprocess.run([PARLEY, "query", "--db", pstore, "-f", path, "--format", "tsv", "--time",
                                   "--repeat", str(args.runs + 1)], capture_output=True, text=True)
            if proc.returncode != 0:
                failures.append(f"{name}: parley failed: {proc.stderr.strip()}")
                continue
            out = proc.stdout.splitlines()
            rows = len(out) - 1 if out and out[0].startswith("?") else (1 if out else 0)
            ptime = float(proc.stderr.split("time: ")[1].split(" ms")[0])
            oproc = subprocess.run([sys.executable, "-c", OXI_QUERY, ostore, path, str(args.runs)],
                                   capture_output=True, text=True, check=True)
            orows, otime = oproc.stdout.split()
            want = expected.get((f"watdiv-{scale}.nt", f"{name}.rq"))
            if want is not None and rows != want:
                failures.append(f"{name}: {rows} rows, expected {want}")
            ratio = ptime / max(float(otime), 1e-3)
            ratios.append(ratio)
            print(f"| {name} | {rows:,} | {want if want is not None else '?'} | {ptime:.2f} | {float(otime):.2f} | {ratio:.2f} |")
        print(f"\nmedian ratio parley/pyoxigraph at {scale}: {statistics.median(ratios):.2f} "
              f"(slower on {sum(1 for r in ratios if r > 1)} of {len(ratios)} queries)")
        all_ratios += ratios
    if failures:
        print("\nrow-count or run failures:\n" + "\n".join(failures))
        sys.exit(1)
    print(f"\nall row counts right; overall median ratio {statistics.median(all_ratios):.2f}")

if __name__ == "__main__":
    main()
