#!/usr/bin/env python3
"""Query benchmark: Parley beside pyoxigraph on the WatDiv queries, same data, same run.

Usage: python3 Benchmarks/queries.py [--scales sf1,sf9,sf46,sf230] [--runs 5] [--reuse]

For each scale it loads the WatDiv file (made as compare.py makes it: sf46 is 5M triples, sf230
25M) into a fresh Parley store and a fresh pyoxigraph store (bulk_load), or with --reuse takes
the stores compare.py left in the same --workdir, then runs the 20 WatDiv queries of that
scale and the 8 extra ones (../shared/bench/queries/). The synthesised scales (sf46, sf230)
take sf9's queries with their subject and object IRIs rewritten as copy 0 of the data was
(`http://c0.…`, `http://d0.c0.…`), so each query finds at least what it found at 1M. Each query runs in a fresh process per engine: one
warm-up run, then --runs timed runs, every solution pulled (Parley: `parley query --repeat`,
timing inside the process, rows written to /dev/null; pyoxigraph: every solution iterated in
Python). Reports the median per query, the ratio Parley/pyoxigraph, the median ratio, and
checks each row count against pyoxigraph's and queries/expected-rows.tsv where it has the scale. Needs `swift build -c release` and
`pip install pyoxigraph`.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import prepare  # noqa: E402

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

# The IRI prefix copy 0 of each synthesised scale gives subjects and objects (see compare.prepare).
COPY0 = {"sf46": "http://c0.", "sf230": "http://d0.c0."}
PATTERN = re.compile(r"^(\s*)(\S+)(\s+)(\S+)(\s+)(\S+)(\s*\.\s*)$")

def rewritten(path, scale, workdir):
    """The query at path with subject/object IRIs rewritten for a synthesised scale."""
    tag = COPY0[scale]
    def iri(term):
        return "<" + tag + term[len("<http://"):] if term.startswith("<http://") else term
    lines = []
    for line in open(path).read().splitlines():
        m = PATTERN.match(line)
        if m:
            g = list(m.groups())
            g[1], g[5] = iri(g[1]), iri(g[5])
            line = "".join(g)
        lines.append(line)
    out = os.path.join(workdir, f"query-{scale}-{os.path.basename(path)}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    return out

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
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "parley-bench"))
    ap.add_argument("--reuse", action="store_true", help="query the stores compare.py loaded, if present")
    ap.add_argument("--queries", help="only these queries, e.g. L1,S7,X5 (default: all 28)")
    ap.add_argument("--oxi-runs", type=int, help="timed runs for pyoxigraph (default: --runs); at 25M its C3 takes minutes a run")
    args = ap.parse_args()
    if not os.path.exists(PARLEY):
        sys.exit("build first: swift build -c release")
    import pyoxigraph  # noqa: F401  (fails early with a clear message if missing)
    expected = expected_rows()
    os.makedirs(args.workdir, exist_ok=True)
    all_ratios, failures = [], []
    for scale in args.scales.split(","):
        pstore, ostore = os.path.join(args.workdir, f"parley-{scale}.store"), os.path.join(args.workdir, f"oxigraph-{scale}.store")
        if not (args.reuse and os.path.exists(pstore) and os.path.exists(ostore)):
            data = prepare(scale, args.workdir)
            for d in (pstore, ostore):
                shutil.rmtree(d, ignore_errors=True)
            subprocess.run([PARLEY, "load", "--db", pstore, data], check=True, capture_output=True)
            subprocess.run([sys.executable, "-c",
                            "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[2]); "
                            "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES); s.flush()", data, ostore], check=True)
        if scale in COPY0:
            queries = [(f"{scale}/{q[:-3]}", rewritten(os.path.join(BENCH, "queries", "sf9", q), scale, args.workdir))
                       for q in sorted(os.listdir(os.path.join(BENCH, "queries", "sf9")))]
        else:
            queries = [(f"{scale}/{q[:-3]}", os.path.join(BENCH, "queries", scale, q))
                       for q in sorted(os.listdir(os.path.join(BENCH, "queries", scale)))]
        queries += [(f"extra/{q[:-3]}", os.path.join(BENCH, "queries", "extra", q))
                    for q in sorted(os.listdir(os.path.join(BENCH, "queries", "extra")))]
        print(f"\n### {scale}\n")
        print("| query | rows | expected | parley ms | pyoxigraph ms | ratio |")  # expected: ? where the table lacks the scale
        print("|---|---:|---:|---:|---:|---:|")
        ratios = []
        if args.queries:
            wanted = set(args.queries.split(","))
            queries = [(n, p) for n, p in queries if n.split("/")[1].split("-")[0] in wanted]
        for name, path in queries:
            proc = subprocess.run([PARLEY, "query", "--db", pstore, "-f", path, "--format", "tsv", "--time",
                                   "--repeat", str(args.runs + 1)], capture_output=True, text=True)
            if proc.returncode != 0:
                failures.append(f"{name}: parley failed: {proc.stderr.strip()}")
                continue
            out = proc.stdout.splitlines()
            rows = len(out) - 1 if out and out[0].startswith("?") else (1 if out else 0)
            ptime = float(proc.stderr.split("time: ")[1].split(" ms")[0])
            oproc = subprocess.run([sys.executable, "-c", OXI_QUERY, ostore, path, str(args.oxi_runs or args.runs)],
                                   capture_output=True, text=True, check=True)
            orows, otime = oproc.stdout.split()
            want = None if scale in COPY0 else expected.get((f"watdiv-{scale}.nt", f"{name}.rq"))
            if want is not None and rows != want:
                failures.append(f"{name}: {rows} rows, expected {want}")
            if rows != int(orows):
                failures.append(f"{name}: {rows} rows, pyoxigraph {orows}")
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
