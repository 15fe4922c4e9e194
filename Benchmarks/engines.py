#!/usr/bin/env python3
"""Query benchmark: Parley beside Virtuoso 7 and pyoxigraph, same data, same run; and start-up.

Usage:
    swift build -c release
    python3 Benchmarks/engines.py                      # sf9 (1M triples), 21 runs, start-up too
    python3 Benchmarks/engines.py --scale sf1 --runs 5 --json /tmp/engines.jsonl
    python3 Benchmarks/engines.py --only startup       # only the start-up measure
    python3 Benchmarks/engines.py --only queries --queries S1,X5-mutual-friends

Queries (--only queries, or the default): ../shared/bench/data/watdiv-SCALE.nt.gz is loaded
  - into Virtuoso 7 (Debian's virtuoso-opensource, apt-installed when virtuoso-t is missing),
    started by this script as a child on 127.0.0.1 on free ports, with its own virtuoso.ini in
    a temporary directory, bulk-loaded with ld_dir/rdf_loader_run and a checkpoint into the
    graph http://parley.dev/bench; stopped at the end. The ini is set up as for a benchmark,
    not for a public endpoint (see VIRTUOSO_INI for the why of each line):
      * 2 GB of buffers (NumberOfBuffers 170000, the ini's own advice for 2 GB), far more than
        the data needs; ThreadsPerQuery = the number of CPUs (1, 2 or 4 measured the same);
      * MaxQueryCostEstimationTime = 0: above 0 the /sparql endpoint compiles every request a
        second time (exec_score, the optimizer's sampling included) before running it, outside
        the compiled-statement cache; that pre-flight was most of our earlier Virtuoso figures
        (S1 193 ms, of which 1 ms is the query; C2 7 ms, of which 1 ms);
      * HttpSessionSize 2 GB: larger answers than 10 MB are otherwise spooled to a temporary
        file (X7, the million-row answer, took 31 to 41 s instead of 18 s);
      * no row cap, no execution-time limit, no cost-estimate refusal;
      * no SYS_STAT_ANALYZE: the optimizer samples RDF_QUAD's indexes as it compiles, and after
        SYS_STAT_ANALYZE ('DB.DBA.RDF_QUAD') Virtuoso 7.2.5 refuses to compile S1 (SQ156).
    Every request names the graph as its default graph (default-graph-uri). That is needed for
    the right answers: the store also holds Virtuoso's own graphs (virtrdf: and others, 5,611
    triples at sf9), which a FROM-less query reads too (X7 gives 993,118 rows, X8 counts
    993,118). It costs Virtuoso little except on X8, COUNT(*) over the graph (15 to 18 ms,
    against 5 ms for the whole store without the graph condition) and about 10 % on X5;
  - into a fresh Parley store (`parley load`) and a fresh pyoxigraph store (`bulk_load`).
Then each of the 20 WatDiv queries of the scale and the 8 extra ones (../shared/bench/queries/)
runs on each engine: one warm-up, then --runs timed runs, median reported, every solution pulled:
  - Virtuoso: GET /sparql over ONE keep-alive HTTP/1.1 connection, SPARQL JSON results, the whole
    body read; the time is request to last byte. The warm-up compiles the query, the timed runs
    reuse the cached plan, as an application sending the same query again would. The client
    (class Endpoint, a plain socket) sends each request in one write with TCP_NODELAY and
    re-arms TCP_QUICKACK before every read: Virtuoso writes the header and the body of an answer
    in two writes without TCP_NODELAY, and with delayed acknowledgements on the client side every
    answer after the first on a connection waited ~40 ms (X6: 48 ms instead of 4);
  - Parley in process: `parley query --time --repeat RUNS --format json` (the median the binary
    reports; earlier runs' rows are serialised to nowhere), after one warm-up process;
  - Parley HTTP: `parley serve` on a free loopback port, the same client, same connection rules;
  - pyoxigraph in process (this Python process), every solution iterated; --oxi-runs runs.
Virtuoso, Parley HTTP and pyoxigraph stop repeating a query once --budget seconds (default 60)
of timed runs are spent, after at least 3: a million-row JSON result over HTTP takes seconds.
What is left of Virtuoso's time on the big answers (C3, X2, X7) is its JSON writer: Virtuoso
7.2.5 writes SPARQL JSON with a stored procedure, one call per binding (~5 µs each); C3's 37,523
rows cost about 14 ms to compute and 180 ms to write. Newer Virtuoso releases may do better;
the JSON line of kind "virtuoso" records the version measured.
Row counts are checked against ../shared/bench/queries/expected-rows.tsv, and row contents
across the engines: each row becomes a tuple of normalised terms (<iri>, "lexical" with @lang or
^^<datatype>, xsd:string written plain, blank nodes as _:), the rows are sorted and compared
with Parley's in-process result; a difference is reported (first rows of it), never hidden.

Start-up (--only startup, or the default, after the queries): a small store from the seed
readouts (`parley ingest`), then hyperfine -N (apt-installed when missing) of
`parley --help`, `parley query --db SMALL 'ASK {}'`, the prompt opening and quitting
(`parley --db SMALL` with `.quit` on standard input, or `-c .quit` where hyperfine is older than
1.16 and has no --input) and, for reference, `sqlite3 :memory:
'select 1'` when sqlite3 is there.

Output: markdown tables on stdout (query, Virtuoso, Parley in process, Parley HTTP,
pyoxigraph, Parley/Virtuoso, rows OK; geometric means) and every raw figure as one JSON object
per line in --json (default: engines-SCALE.jsonl in the work directory). Exit status 1 when a
row count or content differs or an engine fails.

Needs: a release build (`swift build -c release`), `pip install pyoxigraph`, apt (as root or
with sudo) for Virtuoso and hyperfine when they are missing. Traffic stays on 127.0.0.1.
"""
import argparse, gzip, json, math, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queries  # noqa: E402
from queries import BENCH, ROOT, expected_rows  # noqa: E402

PARLEY = queries.PARLEY  # --parley replaces it

GRAPH = "http://parley.dev/bench"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


# ---------------------------------------------------------------- helpers

def log(message):
    print(message, file=sys.stderr, flush=True)


def apt_install(package, command):
    """Installs a Debian package when `command` is not on PATH (with sudo when not root)."""
    if shutil.which(command):
        return
    log(f"installing {package}")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", package], check=True, env=env, stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def geomean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def fmt(ms):
    if ms is None:
        return "–"
    return f"{ms:.3g}" if ms < 100 else f"{ms:.0f}"


# ---------------------------------------------------------------- normalised rows

def json_term(t):
    """A SPARQL-JSON term (W3C or Virtuoso's 'typed-literal') as one normalised string."""
    if t is None:
        return ""
    kind = t["type"]
    if kind == "uri":
        return "<" + t["value"] + ">"
    if kind == "bnode":
        return "_:"
    lang = t.get("xml:lang")
    dt = t.get("datatype")
    return literal(t["value"], lang, dt)


def literal(value, lang, dt):
    text = json.dumps(value, ensure_ascii=False)
    if lang:
        return text + "@" + lang.lower()
    if dt and dt not in (XSD_STRING, RDF_LANG_STRING):
        return text + "^^<" + dt + ">"
    return text


def json_rows(body):
    """(variables, sorted rows) of a SPARQL JSON result; ASK gives one row with the boolean."""
    doc = json.loads(body)
    if "boolean" in doc:
        return ["_ask"], [(str(doc["boolean"]).lower(),)]
    names = doc["head"]["vars"]
    rows = [tuple(json_term(b.get(n)) for n in names) for b in doc["results"]["bindings"]]
    rows.sort()
    return names, rows


def oxi_term(t):
    import pyoxigraph as ox
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return "<" + t.value + ">"
    if isinstance(t, ox.BlankNode):
        return "_:"
    if isinstance(t, ox.Literal):
        return literal(t.value, t.language, t.datatype.value if t.datatype else None)
    return str(t)


# ---------------------------------------------------------------- Virtuoso

VIRTUOSO_INI = """\
; Written by Benchmarks/engines.py for one benchmark run; everything lives in this directory.
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
; No automatic checkpoint while queries are timed: the script checkpoints after loading.
CheckpointInterval       = 0
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., {data_dir}, /usr/share/virtuoso-opensource-7/vad
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxMemPoolSize           = 200000000
MaxQueryMem              = 2G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = {threads}
AsyncQueueMaxThreads     = 10
MaxSortedTopRows         = 100000000
; About 2 GB of buffers (the ini's own advice: 170000 and 130000 for 2 GB).
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
DefaultMailServer           = localhost:25
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 600
MaxCachedProxyConnections   = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize              = 280000
; An answer larger than this (default 10 MB) is spooled through a temporary file, which made the
; million-row X7 take 31 to 41 s instead of 18 s: keep every answer in memory.
HttpSessionSize             = 2000000000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
MaintenancePage             = atomic.html
EnabledGzipContent          = 0

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[VDB]
ArrayOptimization           = 0
NumArrayParameters          = 10
VDBDisconnectTimeout        = 1000
KeepConnectionOnFixedThread = 0

[Replication]
ServerName   = db
ServerEnable = 1
QueueMax     = 50000

[Zero Config]
ServerName = virtuoso-bench

[URIQA]
DynamicLocal = 0
DefaultHost  = 127.0.0.1:{http_port}

[SPARQL]
; Nothing cut short: no row cap worth the name, no execution-time limit.
ResultSetMaxRows           = 1000000000
MaxConstructTriples        = 1000000000
MaxQueryExecutionTime      = 0
; No cost-estimate pre-flight. When this is above 0, /sparql calls exec_score() on every request
; before running the query: a second, full compilation (optimizer sampling included) that the
; compiled-statement cache does not serve. It cost S1 about 180 ms and C2 about 5 ms per request;
; at 0 the request compiles once, the warm-up fills the cache and the timed runs reuse the plan.
MaxQueryCostEstimationTime = 0
DefaultGraph               = {graph}
DeferInferenceRulesInit    = 0
"""


class Virtuoso:
    """virtuoso-t as a child process, with a database and ini of its own in `directory`."""

    def __init__(self, directory, data_file):
        apt_install("virtuoso-opensource", "virtuoso-t")
        self.dir = directory
        self.data_dir = os.path.join(directory, "data")
        os.makedirs(self.data_dir, exist_ok=True)
        # The loader picks the parser from the name; it reads .nt and .nt.gz.
        os.symlink(os.path.abspath(data_file), os.path.join(self.data_dir, os.path.basename(data_file)))
        self.sql_port, self.http_port = free_port(), free_port()
        with open(os.path.join(directory, "virtuoso.ini"), "w") as f:
            f.write(VIRTUOSO_INI.format(dir=directory, data_dir=self.data_dir, sql_port=self.sql_port,
                                        http_port=self.http_port, graph=GRAPH, threads=os.cpu_count() or 2))
        self.out = open(os.path.join(directory, "out.log"), "w")
        self.proc = subprocess.Popen(["virtuoso-t", "+configfile", os.path.join(directory, "virtuoso.ini"), "+foreground"],
                                     cwd=directory, stdout=self.out, stderr=subprocess.STDOUT)
        # A new database installs its packages first (half a minute or more on this machine).
        deadline = time.time() + 600
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}; see {directory}/virtuoso.log")
            if self.isql("select 1;", check=False).returncode == 0:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("virtuoso-t did not answer within 10 minutes")

    def isql(self, statements, check=True):
        return subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
                              capture_output=True, text=True, check=check)

    def load(self):
        start = time.perf_counter()
        self.isql(f"ld_dir('{self.data_dir}', '*', '{GRAPH}'); rdf_loader_run(); checkpoint;")
        seconds = time.perf_counter() - start
        # ld_dir records a failed file in load_list instead of raising: look.
        errors = self.isql("select ll_file, ll_error from DB.DBA.load_list where ll_error is not null;").stdout
        if "ll_error" in errors and "0 Rows" not in errors:
            raise RuntimeError("Virtuoso's loader reported errors:\n" + errors)
        return seconds

    @staticmethod
    def version():
        out = subprocess.run(["virtuoso-t", "-?"], capture_output=True, text=True)
        lines = [l for l in (out.stdout + out.stderr).splitlines() if l.startswith("Version ")]
        return lines[0].split()[1] if lines else "?"

    def settings(self):
        """The ini lines that bear on the timings, as the server read them."""
        keys = ("NumberOfBuffers", "MaxDirtyBuffers", "ThreadsPerQuery", "MaxQueryMem", "VectorSize",
                "AdjustVectorSize", "ServerThreads", "HttpSessionSize", "ResultSetMaxRows",
                "MaxQueryCostEstimationTime", "MaxQueryExecutionTime")
        out = {}
        with open(os.path.join(self.dir, "virtuoso.ini")) as f:
            for line in f:
                name, _, value = line.partition("=")
                if name.strip() in keys:
                    out[name.strip()] = value.split(";")[0].strip()
        return out

    def stop(self):
        if self.proc.poll() is None:
            self.isql("shutdown;", check=False)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


# ---------------------------------------------------------------- an HTTP endpoint, one connection

class Endpoint:
    """GET over one keep-alive HTTP/1.1 connection; counts the connections it had to open.

    A plain socket rather than http.client, so that what reaches the wire is under control and
    the same for every engine: the request leaves in one write, TCP_NODELAY is set, and
    TCP_QUICKACK (Linux) is re-armed before every read. Without the last, Virtuoso's answers
    stall for the delayed-ACK timer (about 40 ms) from the second request on: its HTTP server
    writes the header and the body in two writes without TCP_NODELAY, so Nagle holds the body
    until the client acknowledges the header, and a client that has just sent a request on a
    kept-alive connection delays that acknowledgement. Measured on X6 (203 rows): 48 ms with
    http.client, 4 ms with quick acknowledgements; Parley's server is unaffected either way."""

    QUICKACK = getattr(socket, "TCP_QUICKACK", None)

    def __init__(self, port, path="/sparql", extra=None):
        self.port, self.path, self.extra = port, path, extra or {}
        self.sock = None
        self.buf = bytearray()
        self.connections = 0

    def _fill(self):
        if self.QUICKACK is not None:
            self.sock.setsockopt(socket.IPPROTO_TCP, self.QUICKACK, 1)
        data = self.sock.recv(1 << 20)
        if not data:
            raise ConnectionError("connection closed by the server")
        self.buf += data

    def _line(self, sep=b"\r\n"):
        start = 0
        while True:
            i = self.buf.find(sep, start)
            if i >= 0:
                out = bytes(self.buf[:i])
                del self.buf[:i + len(sep)]
                return out
            start = max(0, len(self.buf) - len(sep) + 1)
            self._fill()

    def _exactly(self, n):
        if len(self.buf) >= n:
            out = bytes(self.buf[:n])
            del self.buf[:n]
            return out
        # A body: straight into its own buffer, without copying megabytes around.
        out = bytearray(n)
        view, have = memoryview(out), len(self.buf)
        out[:have] = self.buf
        self.buf = bytearray()
        while have < n:
            if self.QUICKACK is not None:
                self.sock.setsockopt(socket.IPPROTO_TCP, self.QUICKACK, 1)
            got = self.sock.recv_into(view[have:], min(n - have, 1 << 20))
            if not got:
                raise ConnectionError("connection closed by the server")
            have += got
        return out

    def _response(self):
        """(status, body, whether the server closes the connection)."""
        head = self._line(b"\r\n\r\n").decode("latin-1").split("\r\n")
        version, status = head[0].split()[0], int(head[0].split()[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        connection = headers.get("connection", "").lower()
        close = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
        if "chunked" in headers.get("transfer-encoding", "").lower():
            parts = []
            while True:
                size = int(self._line().split(b";")[0], 16)
                if size == 0:
                    while self._line():  # trailers, then the empty line
                        pass
                    break
                parts.append(self._exactly(size))
                self._exactly(2)
            body = b"".join(parts)
        elif "content-length" in headers:
            body = self._exactly(int(headers["content-length"]))
        else:  # delimited by the end of the connection
            try:
                while True:
                    self._fill()
            except ConnectionError:
                pass
            body, self.buf, close = bytes(self.buf), bytearray(), True
        return status, body, close

    def get(self, query):
        params = dict(self.extra, query=query)
        request = (f"GET {self.path}?{urllib.parse.urlencode(params)} HTTP/1.1\r\n"
                   f"Host: 127.0.0.1:{self.port}\r\n"
                   "Accept: application/sparql-results+json\r\n\r\n").encode()
        for attempt in (0, 1):
            fresh = self.sock is None
            if fresh:
                self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=3600)
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.buf = bytearray()
                self.connections += 1
            try:
                self.sock.sendall(request)
                status, body, close = self._response()
            except (ConnectionError, OSError):
                # A kept-alive connection the server has since closed: one retry on a new one.
                self.close()
                if attempt or fresh:
                    raise
                continue
            if close:
                self.close()
            if status != 200:
                raise RuntimeError(f"HTTP {status}: {body[:500]!r}")
            return body

    def time(self, query, runs, budget):
        """Warm-up, then `runs` timed requests, fewer (at least 3) once `budget` seconds are
        spent; (median ms, all ms, last body)."""
        body = self.get(query)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            body = self.get(query)
            times.append((time.perf_counter() - start) * 1000)
            if len(times) >= 3 and sum(times) > budget * 1000:
                break
        return statistics.median(times), times, body

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def start_parley_serve(store, log_path):
    logf = open(log_path, "w")
    proc = subprocess.Popen([PARLEY, "serve", "--db", store, "--port", "0"], stdout=subprocess.DEVNULL, stderr=logf)
    for _ in range(200):
        with open(log_path) as f:
            text = f.read()
        if "http://" in text:
            port = int(text.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
            return proc, port, logf
        if proc.poll() is not None:
            raise RuntimeError("parley serve exited: " + text)
        time.sleep(0.05)
    raise RuntimeError("parley serve did not print its address")


# ---------------------------------------------------------------- queries

def query_files(scale):
    out = []
    for group in (scale, "extra"):
        directory = os.path.join(BENCH, "queries", group)
        for name in sorted(os.listdir(directory)):
            if name.endswith(".rq"):
                out.append((f"{group}/{name[:-3]}", os.path.join(directory, name)))
    return out


def run_parley(store, path, runs):
    # One warm-up process (page cache, a first plan), then the measured one.
    subprocess.run([PARLEY, "query", "--db", store, "-f", path, "--format", "json"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    proc = subprocess.run([PARLEY, "query", "--db", store, "-f", path, "--format", "json", "--time",
                           "--repeat", str(runs)], capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace").strip())
    ms = float(proc.stderr.decode().split("time: ")[1].split(" ms")[0])
    return ms, proc.stdout


def run_oxigraph(store, text, runs, budget):
    def once():
        result = store.query(text)
        if isinstance(result, bool):
            return ["_ask"], [(str(result).lower(),)]
        names = [v.value for v in result.variables]
        rows = [tuple(oxi_term(s[n]) for n in names) for s in result]
        return names, rows
    # Timed runs only iterate the solutions; the rows are normalised once, from the warm-up.
    names, rows = once()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = store.query(text)
        if not isinstance(result, bool):
            for _ in result:
                pass
        times.append((time.perf_counter() - start) * 1000)
        if len(times) >= 3 and sum(times) > budget * 1000:
            break
    rows.sort()
    return statistics.median(times), times, names, rows


def describe_difference(reference, rows, limit=3):
    ref, got = set(reference), set(rows)
    missing = sorted(ref - got)[:limit]
    extra = sorted(got - ref)[:limit]
    parts = [f"{len(rows)} rows vs {len(reference)}"]
    if missing:
        parts.append("missing e.g. " + "; ".join(" ".join(r) for r in missing))
    if extra:
        parts.append("extra e.g. " + "; ".join(" ".join(r) for r in extra))
    if not missing and not extra:
        parts.append("same distinct rows, different multiplicities")
    return ", ".join(parts)


def benchmark_queries(args, jsonl):
    import pyoxigraph as ox
    expected = expected_rows()
    work = args.workdir
    os.makedirs(work, exist_ok=True)
    data_gz = os.path.join(BENCH, "data", f"watdiv-{args.scale}.nt.gz")
    data = os.path.join(work, f"watdiv-{args.scale}.nt")
    if not os.path.exists(data):
        log(f"decompressing {data_gz}")
        with gzip.open(data_gz, "rb") as src, open(data + ".part", "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        os.rename(data + ".part", data)

    pstore, ostore = os.path.join(work, f"parley-{args.scale}"), os.path.join(work, f"oxigraph-{args.scale}")
    for d in (pstore, ostore):
        shutil.rmtree(d, ignore_errors=True)
    log("loading Parley")
    start = time.perf_counter()
    subprocess.run([PARLEY, "load", "--db", pstore, data], check=True, capture_output=True)
    jsonl.write(json.dumps({"kind": "load", "engine": "parley", "scale": args.scale,
                            "seconds": time.perf_counter() - start}) + "\n")
    log("loading pyoxigraph")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[2]); "
                    "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES); s.flush()", data, ostore], check=True)
    jsonl.write(json.dumps({"kind": "load", "engine": "pyoxigraph", "scale": args.scale,
                            "seconds": time.perf_counter() - start}) + "\n")
    oxi = ox.Store.read_only(ostore)

    vdir = tempfile.mkdtemp(prefix="parley-bench-virtuoso-")
    virtuoso = serve = serve_log = None
    results, problems = [], []
    try:
        log(f"starting Virtuoso in {vdir}")
        virtuoso = Virtuoso(vdir, data)
        log("loading Virtuoso (ld_dir, rdf_loader_run, checkpoint)")
        vseconds = virtuoso.load()
        jsonl.write(json.dumps({"kind": "load", "engine": "virtuoso", "scale": args.scale, "seconds": vseconds}) + "\n")
        vversion = virtuoso.version()
        jsonl.write(json.dumps({"kind": "virtuoso", "version": vversion, "ini": virtuoso.settings()}) + "\n")
        vend = Endpoint(virtuoso.http_port, extra={"default-graph-uri": GRAPH})
        count = int(json_rows(vend.get(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}"))[1][0][0].split('"')[1])
        log(f"Virtuoso holds {count} triples in <{GRAPH}>")

        serve, serve_port, serve_log = start_parley_serve(pstore, os.path.join(work, "serve.log"))
        pend = Endpoint(serve_port)

        wanted = set(args.queries.split(",")) if args.queries else None
        for name, path in query_files(args.scale):
            short = name.split("/", 1)[1]
            if wanted and short not in wanted and short.split("-")[0] not in wanted:
                continue
            text = open(path).read()
            log(f"{name}")
            row = {"kind": "query", "scale": args.scale, "query": name, "runs": args.runs, "oxi_runs": args.oxi_runs}
            engines = {}
            try:
                ms, body = run_parley(pstore, path, args.runs)
                row["parley_ms"] = ms
                engines["parley"] = json_rows(body)[1]
            except Exception as e:  # noqa: BLE001  (reported, the run goes on)
                problems.append(f"{name}: parley failed: {e}")
            for key, endpoint in (("virtuoso", vend), ("parley_http", pend)):
                try:
                    ms, times, body = endpoint.time(text, args.runs, args.budget)
                    row[key + "_ms"], row[key + "_times"] = ms, times
                    engines[key] = json_rows(body)[1]
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{name}: {key} failed: {e}")
            try:
                ms, times, _, rows = run_oxigraph(oxi, text, args.oxi_runs, args.budget)
                row["pyoxigraph_ms"], row["pyoxigraph_times"] = ms, times
                engines["pyoxigraph"] = rows
            except Exception as e:  # noqa: BLE001
                problems.append(f"{name}: pyoxigraph failed: {e}")

            want = expected.get((f"watdiv-{args.scale}.nt", f"{name}.rq"))
            row["expected_rows"] = want
            row["rows"] = {k: len(v) for k, v in engines.items()}
            ok = len(engines) == 4
            if want is not None:
                for k, v in engines.items():
                    if len(v) != want:
                        ok = False
                        problems.append(f"{name}: {k} gave {len(v)} rows, expected {want}")
            reference = engines.get("parley")
            row["contents_differ"] = []
            if reference is not None:
                for k, v in engines.items():
                    if k != "parley" and v != reference:
                        ok = False
                        row["contents_differ"].append(k)
                        problems.append(f"{name}: {k} rows differ from parley's: {describe_difference(reference, v)}")
            row["rows_ok"] = ok
            if row.get("parley_ms") and row.get("virtuoso_ms"):
                row["parley_over_virtuoso"] = row["parley_ms"] / row["virtuoso_ms"]
            results.append(row)
            jsonl.write(json.dumps(row) + "\n")
            jsonl.flush()
            engines.clear()
        row_connections = {"virtuoso": vend.connections, "parley_http": pend.connections}
        jsonl.write(json.dumps({"kind": "connections", **row_connections}) + "\n")
        vend.close()
        pend.close()
    finally:
        if serve is not None:
            serve.send_signal(signal.SIGTERM)
            serve.wait(60)
            serve_log.close()
        if virtuoso is not None:
            log("stopping Virtuoso")
            virtuoso.stop()
        if args.keep:
            log(f"kept {vdir}")
        else:
            shutil.rmtree(vdir, ignore_errors=True)

    print(f"\n### Queries at {args.scale} ({count:,} triples in Virtuoso {vversion}), median ms of {args.runs} "
          f"(pyoxigraph {args.oxi_runs}) after a warm-up\n")
    print("| query | Virtuoso | Parley in process | Parley HTTP | pyoxigraph | Parley / Virtuoso | rows OK |")
    print("|---|---:|---:|---:|---:|---:|:---:|")
    for r in results:
        ratio = r.get("parley_over_virtuoso")
        rows = next(iter(r["rows"].values()), "?") if r["rows"] else "?"
        print(f"| {r['query']} | {fmt(r.get('virtuoso_ms'))} | {fmt(r.get('parley_ms'))} | {fmt(r.get('parley_http_ms'))} | "
              f"{fmt(r.get('pyoxigraph_ms'))} | {ratio:.2f} | {'yes' if r['rows_ok'] else 'NO'} ({rows:,}) |"
              if ratio is not None else
              f"| {r['query']} | {fmt(r.get('virtuoso_ms'))} | {fmt(r.get('parley_ms'))} | {fmt(r.get('parley_http_ms'))} | "
              f"{fmt(r.get('pyoxigraph_ms'))} | – | {'yes' if r['rows_ok'] else 'NO'} |")
    means = {k: geomean([r.get(k + "_ms") for r in results]) for k in ("virtuoso", "parley", "parley_http", "pyoxigraph")}
    both = [r for r in results if r.get("parley_over_virtuoso")]
    print(f"| geometric mean ({len(results)} queries) | {fmt(means['virtuoso'])} | {fmt(means['parley'])} | "
          f"{fmt(means['parley_http'])} | {fmt(means['pyoxigraph'])} | "
          f"{geomean([r['parley_over_virtuoso'] for r in both]):.2f} | |")
    http_ratio = geomean([r["parley_http_ms"] / r["virtuoso_ms"] for r in results
                          if r.get("parley_http_ms") and r.get("virtuoso_ms")])
    print(f"\nHTTP against HTTP: geometric mean of Parley HTTP / Virtuoso = {http_ratio:.2f}; "
          f"connections opened: Virtuoso {row_connections['virtuoso']}, Parley {row_connections['parley_http']}")
    print(f"slower than Virtuoso in process: {sum(1 for r in both if r['parley_over_virtuoso'] > 1)} of {len(both)}")
    jsonl.write(json.dumps({"kind": "summary", "scale": args.scale, "geomean_ms": means,
                            "geomean_parley_over_virtuoso": geomean([r['parley_over_virtuoso'] for r in both]),
                            "geomean_parley_http_over_virtuoso": http_ratio}) + "\n")
    return problems


# ---------------------------------------------------------------- start-up

def benchmark_startup(args, jsonl):
    apt_install("hyperfine", "hyperfine")
    small = os.path.join(args.workdir, "startup-store")
    shutil.rmtree(small, ignore_errors=True)
    # From the checkout: ingest finds the extraction lexicon in schema/.
    subprocess.run([PARLEY, "ingest", "--db", small, "seeds"], cwd=ROOT, check=True, capture_output=True)
    quit_file = os.path.join(args.workdir, "quit.txt")
    with open(quit_file, "w") as f:
        f.write(".quit\n")
    commands = [
        ("parley --help", [PARLEY, "--help"], None),
        ("parley query --db SMALL 'ASK {}'", [PARLEY, "query", "--db", small, "ASK {}"], None),
    ]
    # The prompt opening and quitting: .quit on standard input where hyperfine has --input
    # (1.16 and later); Debian 12's 1.15 has not, so there the prompt runs `-c .quit`.
    if "--input" in subprocess.run(["hyperfine", "--help"], capture_output=True, text=True).stdout:
        commands.append(("echo .quit | parley --db SMALL (the prompt)", [PARLEY, "--db", small], quit_file))
    else:
        commands.append(("parley --db SMALL -c .quit (the prompt)", [PARLEY, "--db", small, "-c", ".quit"], None))
    commands.sort(key=lambda c: c[0].startswith("sqlite3"))
    if shutil.which("sqlite3"):
        commands.append(("sqlite3 :memory: 'select 1'", ["sqlite3", ":memory:", "select 1"], None))
    size = os.path.getsize(PARLEY)
    print(f"\n### Start-up (hyperfine -N, {args.startup_runs} runs; parley binary {size / 1e6:.1f} MB)\n")
    print("| command | mean ms | ± σ | min ms | median ms |")
    print("|---|---:|---:|---:|---:|")
    for label, argv, stdin in commands:
        export = os.path.join(args.workdir, "hyperfine.json")
        hyper = ["hyperfine", "-N", "--warmup", "20", "--runs", str(args.startup_runs), "--export-json", export,
                 "--style", "none"]
        if stdin:
            hyper += ["--input", stdin]
        # hyperfine -N splits its command line on white space with shell-like quoting.
        hyper.append(" ".join(shlex_quote(a) for a in argv))
        subprocess.run(hyper, check=True, stdout=subprocess.DEVNULL)
        with open(export) as f:
            result = json.load(f)["results"][0]
        ms = {k: result[k] * 1000 for k in ("mean", "stddev", "min", "median")}
        print(f"| `{label}` | {ms['mean']:.2f} | {ms['stddev']:.2f} | {ms['min']:.2f} | {ms['median']:.2f} |")
        jsonl.write(json.dumps({"kind": "startup", "command": label, "binary_bytes": size, **{k + "_ms": v for k, v in ms.items()},
                                "times_ms": [t * 1000 for t in result["times"]]}) + "\n")
    return []


def shlex_quote(arg):
    import shlex
    return shlex.quote(arg)


def main():
    global PARLEY
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="sf9", help="sf1 or sf9 (../shared/bench/data/watdiv-SCALE.nt.gz)")
    ap.add_argument("--runs", type=int, default=21, help="timed runs per query for Parley and Virtuoso")
    ap.add_argument("--oxi-runs", type=int, default=5, help="timed runs per query for pyoxigraph")
    ap.add_argument("--budget", type=float, default=60,
                    help="seconds of timed runs per query and engine after which Virtuoso, Parley HTTP and "
                         "pyoxigraph stop repeating (at least 3 runs; the JSON lines keep every time)")
    ap.add_argument("--startup-runs", type=int, default=200, help="hyperfine runs per start-up command")
    ap.add_argument("--only", choices=["queries", "startup"], help="run one part only")
    ap.add_argument("--queries", help="comma-separated query names to run (S1,C3,X5 …); all by default")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "parley-bench-engines"))
    ap.add_argument("--json", help="where to write the raw figures (JSON lines)")
    ap.add_argument("--keep", action="store_true", help="keep Virtuoso's temporary directory")
    ap.add_argument("--parley", default=PARLEY, help="the parley binary (default: .build/release/parley)")
    args = ap.parse_args()
    PARLEY = os.path.abspath(args.parley)
    if not os.path.exists(PARLEY):
        sys.exit("build first: swift build -c release")
    os.makedirs(args.workdir, exist_ok=True)
    json_path = args.json or os.path.join(args.workdir, f"engines-{args.scale}.jsonl")
    problems = []
    with open(json_path, "w") as jsonl:
        if args.only != "startup":
            problems += benchmark_queries(args, jsonl)
        if args.only != "queries":
            problems += benchmark_startup(args, jsonl)
    print(f"\nraw figures: {json_path}")
    if problems:
        print("\nproblems:\n" + "\n".join("- " + p for p in problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
