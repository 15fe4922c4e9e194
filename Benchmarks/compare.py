#!/usr/bin/env python3
"""Load/size/export benchmark: Parley beside pyoxigraph, same files, same run.

Usage: python3 Benchmarks/compare.py [--scales sf1,sf9,sf46,sf230] [--runs 3] [--memory 1G]
                                     [--into sf230:sf46x] [--json results.jsonl]

For each WatDiv file (../shared/bench/data; the 5M-triple "sf46" file is made from the 1M
file five times over with subject/object IRIs rewritten per copy, the 25M-triple "sf230"
from sf46 the same way, and "sf46x" is sf46 with its IRIs rewritten once more, to load into
a store that holds another scale) it measures, in fresh processes, with the input in the
page cache:
  - load: `parley load` into an empty store vs pyoxigraph `Store.bulk_load` (+ flush);
    distinct triples stored / seconds, and the loading process's peak RSS and peak RssAnon
    (anonymous memory, sampled from /proc every 20 ms);
  - with --into BASE:EXTRA: EXTRA loaded into a store already holding BASE (one run each);
  - size: the store directory after closing, bytes per distinct triple;
  - export: `parley export` (N-Triples to /dev/null) vs pyoxigraph `Store.dump` (N-Triples).
Reports the median of --runs runs. Needs: a release build (`swift build -c release`),
`pip install pyoxigraph`.
"""
import argparse, gzip, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "bench", "data")
PARLEY = os.path.join(ROOT, ".build", "release", "parley")

OXI_LOAD = r"""
import sys, time, pyoxigraph as ox
path, store_dir = sys.argv[1], sys.argv[2]
start = time.perf_counter()
store = ox.Store(store_dir)
store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
store.flush()
elapsed = time.perf_counter() - start
print(elapsed, len(store))
"""
OXI_DUMP = r"""
import sys, time, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
start = time.perf_counter()
with open("/dev/null", "wb") as out:
    store.dump(out, format=ox.RdfFormat.N_QUADS)
print(time.perf_counter() - start)
"""

def measured(cmd):
    """Runs cmd, sampling /proc/PID/status; returns (stdout, stderr, peak RSS MiB, peak RssAnon MiB)."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err)
    anon = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid != 0:
            break
        try:
            with open(f"/proc/{proc.pid}/status") as f:
                for line in f:
                    if line.startswith("RssAnon:"):
                        anon = max(anon, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0); err.seek(0)
    stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {stderr}")
    return stdout, stderr, usage.ru_maxrss / 1024, anon / 1024

def peak_rss(cmd):
    """Runs cmd under /usr/bin/time -v when present; returns (stdout, stderr, peak MiB or None)."""
    if os.path.exists("/usr/bin/time"):
        proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {proc.stderr}")
        peak = None
        for line in proc.stderr.splitlines():
            if "Maximum resident set size" in line:
                peak = int(line.split(":")[1]) / 1024
        return proc.stdout, proc.stderr, peak
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr}")
    return proc.stdout, proc.stderr, None

def dir_size(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return total

def prepare(scale, workdir):
    """Decompressed N-Triples file for a scale (sf46 is synthesised from sf9)."""
    target = os.path.join(workdir, f"watdiv-{scale}.nt")
    if os.path.exists(target):
        return target
    if scale in ("sf1", "sf9"):
        with gzip.open(os.path.join(DATA, f"watdiv-{scale}.nt.gz"), "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        return target
    if scale in ("sf46", "sf230", "sf46x"):
        source, copies, letter = {"sf46": ("sf9", 5, "c"), "sf230": ("sf46", 5, "d"), "sf46x": ("sf46", 1, "x")}[scale]
        base = prepare(source, workdir)
        with open(base, "rb") as src:
            lines = src.read().splitlines()
        with open(target + ".part", "wb") as dst:
            for copy in range(copies):
                tag = f"http://{letter}{copy}.".encode()
                for line in lines:
                    parts = line.split(b"\t")
                    if len(parts) < 3:
                        continue
                    s, p, rest = parts[0], parts[1], b"\t".join(parts[2:])
                    s = s.replace(b"<http://", b"<" + tag, 1)
                    if rest.startswith(b"<http://"):
                        rest = rest.replace(b"<http://", b"<" + tag, 1)
                    dst.write(s + b"\t" + p + b"\t" + rest + b"\n")
        del lines
        os.rename(target + ".part", target)
        return target
    sys.exit(f"unknown scale {scale}")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="sf1,sf9")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", help="append raw figures as JSON lines to this file")
    ap.add_argument("--no-export", action="store_true", help="skip the export timings (pyoxigraph's dump takes minutes at 25M)")
    ap.add_argument("--memory", help="parley load --memory (default: parley's own, 1G)")
    ap.add_argument("--into", help="BASE:EXTRA: also load scale EXTRA into a store holding scale BASE")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "parley-bench"))
    args = ap.parse_args()
    if not os.path.exists(PARLEY):
        sys.exit("build first: swift build -c release")
    try:
        import pyoxigraph  # noqa: F401
        have_oxigraph = True
    except ImportError:
        have_oxigraph = False
        print("pyoxigraph not installed (pip install pyoxigraph): measuring Parley alone", file=sys.stderr)
    os.makedirs(args.workdir, exist_ok=True)
    memory = ["--memory", args.memory] if args.memory else []
    rows, raw = [], []
    for scale in args.scales.split(","):
        data = prepare(scale, args.workdir)
        subprocess.run(["cat", data], stdout=subprocess.DEVNULL)  # page cache
        figures = {}
        for engine in (["parley", "oxigraph"] if have_oxigraph else ["parley"]):
            loads, peaks, anons, exports = [], [], [], []
            stored = size = None
            for _ in range(args.runs):
                store = os.path.join(args.workdir, f"{engine}-{scale}.store")
                shutil.rmtree(store, ignore_errors=True)
                if engine == "parley":
                    start = time.perf_counter()
                    _, err, peak, anon = measured([PARLEY, "load", "--db", store] + memory + [data])
                    elapsed = time.perf_counter() - start
                    stats, _, _ = peak_rss([PARLEY, "stats", "--db", store])
                    stored = int([l for l in stats.splitlines() if l.startswith("triples")][0].split()[1].replace(",", ""))
                    start = time.perf_counter()
                    if not args.no_export:
                        with open("/dev/null", "wb") as devnull:
                            subprocess.run([PARLEY, "export", "--db", store], stdout=devnull, check=True)
                    exports.append(0 if args.no_export else time.perf_counter() - start)
                else:
                    out, _, peak, anon = measured([sys.executable, "-c", OXI_LOAD, data, store])
                    elapsed, stored = float(out.split()[0]), int(out.split()[1])
                    if not args.no_export:
                        out, _, _ = peak_rss([sys.executable, "-c", OXI_DUMP, store])
                    exports.append(0 if args.no_export else float(out.strip()))
                loads.append(elapsed)
                peaks.append(peak or 0)
                anons.append(anon)
                size = dir_size(store)
            figures[engine] = dict(
                load_s=statistics.median(loads), triples=stored,
                triples_per_s=stored / statistics.median(loads),
                bytes_per_triple=size / stored, peak_rss_mib=max(peaks), peak_anon_mib=max(anons),
                export_s=statistics.median(exports))
            raw.append(dict(scale=scale, engine=engine, runs=args.runs, **figures[engine]))
        rows.append((scale, figures))
    if args.into:
        base_scale, extra_scale = args.into.split(":")
        extra = prepare(extra_scale, args.workdir)
        subprocess.run(["cat", extra], stdout=subprocess.DEVNULL)
        figures = {}
        for engine in (["parley", "oxigraph"] if have_oxigraph else ["parley"]):
            base_store = os.path.join(args.workdir, f"{engine}-{base_scale}.store")
            if not os.path.exists(base_store):
                sys.exit(f"--into needs {base_scale} among --scales (its store is the base)")
            store = base_store + "+" + extra_scale
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(base_store, store)
            before = dir_size(store)
            if engine == "parley":
                start = time.perf_counter()
                _, _, peak, anon = measured([PARLEY, "load", "--db", store] + memory + [extra])
                elapsed = time.perf_counter() - start
                stats, _, _ = peak_rss([PARLEY, "stats", "--db", store])
                stored = int([l for l in stats.splitlines() if l.startswith("triples")][0].split()[1].replace(",", ""))
            else:
                out, _, peak, anon = measured([sys.executable, "-c", OXI_LOAD, extra, store])
                elapsed, stored = float(out.split()[0]), int(out.split()[1])
            figures[engine] = dict(load_s=elapsed, triples=stored, triples_per_s=0, peak_rss_mib=peak,
                                   peak_anon_mib=anon, bytes_per_triple=dir_size(store) / stored, export_s=0)
            raw.append(dict(scale=args.into, engine=engine, runs=1, **figures[engine]))
        extra_lines = sum(1 for _ in open(extra, "rb"))
        for f in figures.values():
            f["triples_per_s"] = extra_lines / f["load_s"]
        rows.append((f"{extra_scale} into {base_scale}", figures))
    print("| data | engine | triples | load s | triples/s | bytes/triple | peak RSS MiB | peak RssAnon MiB | export s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for scale, figures in rows:
        for engine, f in figures.items():
            print(f"| {scale} | {engine} | {f['triples']:,} | {f['load_s']:.2f} | {f['triples_per_s']:,.0f} | "
                  f"{f['bytes_per_triple']:.1f} | {f['peak_rss_mib']:.0f} | {f['peak_anon_mib']:.0f} | {f['export_s']:.2f} |")
        if "oxigraph" in figures:
            p, o = figures["parley"], figures["oxigraph"]
            export = f"**{o['export_s'] / p['export_s']:.2f}× faster**" if p["export_s"] and o["export_s"] else ""
            print(f"| {scale} | **ratio** | | | **{p['triples_per_s'] / o['triples_per_s']:.2f}×** | "
                  f"{p['bytes_per_triple'] / o['bytes_per_triple']:.2f}× | | | {export} |")
    if args.json:
        with open(args.json, "a") as out:
            for r in raw:
                out.write(json.dumps(r) + "\n")

if __name__ == "__main__":
    main()
