#!/usr/bin/env bash
# Load test of `parley serve`: wrk with 8 and 64 connections, each for a bounded time, on a mix
# of small queries over the seed store and over the 1M-triple WatDiv store (scale 9, from
# ../shared/bench). Reports requests/s, p99 latency and errors per run, and checks that the
# server's open readers (parley stats) return to 0 and its memory stays flat.
#
#   Benchmarks/serve-load.sh            # DURATION=20s CONNECTIONS="8 64"
#   DURATION=10s CONNECTIONS=16 Benchmarks/serve-load.sh
#
# Then the same runs against Virtuoso 7 (Debian's virtuoso-opensource; its /sparql endpoint,
# the same data bulk-loaded with ld_dir/rdf_loader_run, its own ini in a temp dir) when
# virtuoso-t is installed; VIRTUOSO=0 skips it, VIRTUOSO=install installs it first.
#
# Needs wrk (installed from Debian when missing). Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"8 64"}
THREADS=${THREADS:-2}
BENCH=${BENCH:-../shared/bench}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
scripts/install-deps.sh
swift build -c release --product parley 2>&1 | grep -E "error|warning" || true
parley=$PWD/.build/release/parley

work=$(mktemp -d "${TMPDIR:-/tmp}/parley-serve-load-XXXXXX")
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "building the stores in $work" >&2
"$parley" load --db "$work/seed" schema/parley.ttl >/dev/null 2>&1
"$parley" ingest --db "$work/seed" seeds/ >/dev/null 2>&1
"$parley" load --db "$work/watdiv" "$BENCH/data/watdiv-sf9.nt.gz" >/dev/null 2>&1

# One request path per line: GET /sparql?query=… for each query of the mix.
encode() { python3 -c 'import sys, urllib.parse; print("/sparql?query=" + urllib.parse.quote(sys.stdin.read(), safe=""))'; }
{
    prefixes='PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX pv: <https://parley.dev/ns#> '
    echo 'SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10' | encode
    echo "$prefixes"'SELECT ?who ?label WHERE { ?who rdfs:label ?label } LIMIT 20' | encode
    echo 'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 5' | encode
    echo "$prefixes"'SELECT ?s ?stance ?o WHERE { ?s ?stance ?o . ?stance rdfs:subPropertyOf pv:expresses } LIMIT 20' | encode
    echo 'ASK { ?s a ?type }' | encode
} > "$work/seed.paths"
for q in L1 L2 L3 L4 L5 S1 S2 S3 S4 S5 S6 S7 F1 F2 F3 F5; do
    encode < "$BENCH/queries/sf9/$q.rq"
done > "$work/watdiv.paths"

cat > "$work/mix.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
request = function()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter], { ["Accept"] = "application/sparql-results+json" })
end
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT requests/s=%.0f p99_ms=%.2f p50_ms=%.2f requests=%d errors=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, latency:percentile(50) / 1000,
        summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
LUA

rss() { ps -o rss= -p "$1" | tr -d ' '; }
readers() { "$parley" stats --db "$1" | sed -n 's/^open readers *//p'; }

# measure SERVER STORE URL PID [PARLEY-STORE]: one row per connection count.
measure() {
    local server=$1 store=$2 url=$3 pid=$4 db=${5:-}
    # Warm up (page cache, first plans), then measure.
    PATHS="$work/$store.paths" wrk -t1 -c2 -d2s -s "$work/mix.lua" "$url" >/dev/null
    for c in $CONNECTIONS; do
        local before after line
        before=$(rss "$pid")
        line=$(PATHS="$work/$store.paths" wrk -t"$THREADS" -c"$c" -d"$DURATION" --timeout 10s -s "$work/mix.lua" "$url" | grep RESULT)
        after=$(rss "$pid")
        sleep 0.5
        eval "$(echo "$line" | sed 's/RESULT //; s/\//_/g')"
        printf '%-9s %-7s %5s %9s %8s %8s %7s %10s %10s %8s\n' "$server" "$store" "$c" "$requests_s" "$p50_ms" "$p99_ms" "$errors" \
            "${before}K" "${after}K" "$([[ -n "$db" ]] && readers "$db" || echo -)"
    done
}

printf '%-9s %-7s %5s %9s %8s %8s %7s %10s %10s %8s\n' server store conns "req/s" "p50 ms" "p99 ms" errors "rss start" "rss end" readers
for store in seed watdiv; do
    "$parley" serve --db "$work/$store" --port 0 2> "$work/$store.log" &
    server_pid=$!
    for _ in $(seq 100); do grep -q "http://" "$work/$store.log" 2>/dev/null && break; sleep 0.1; done
    url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/$store.log" | head -1)
    measure parley "$store" "$url" "$server_pid" "$work/$store"
    kill -TERM "$server_pid"; wait "$server_pid" || { echo "parley serve did not exit 0" >&2; exit 1; }
    server_pid=""
done

# Virtuoso 7 on the same data and queries.
if [[ "${VIRTUOSO:-1}" == install ]] && ! command -v virtuoso-t >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
fi
if [[ "${VIRTUOSO:-1}" != 0 ]] && command -v virtuoso-t >/dev/null; then
    "$parley" export --db "$work/seed" --format nq > "$work/seed.nq" 2>/dev/null
    for store in seed watdiv; do
        dir="$work/virtuoso-$store"
        mkdir -p "$dir/data"
        if [[ $store == seed ]]; then cp "$work/seed.nq" "$dir/data/"; else gunzip -c "$BENCH/data/watdiv-sf9.nt.gz" > "$dir/data/watdiv.nt"; fi
        port=$((20000 + RANDOM % 10000)); http=$((port + 1))
        sed -e "s|/var/lib/virtuoso-opensource-7/db|$dir|g" -e "s|^ServerPort *= *1111|ServerPort = $port|" \
            -e "s|^ServerPort *= *8890|ServerPort = $http|" -e "s|^DirsAllowed *=.*|DirsAllowed = ., $dir/data, /usr/share/virtuoso-opensource-7/vad|" \
            -e "s|^NumberOfBuffers *= *10000|NumberOfBuffers = 340000|" -e "s|^MaxDirtyBuffers *= *6000|MaxDirtyBuffers = 250000|" \
            /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
        (cd "$dir" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/out.log" 2>&1) &
        server_pid=$!
        # A new database installs its packages first (half a minute or more).
        for _ in $(seq 480); do isql-vt "$port" dba dba exec="select 1;" >/dev/null 2>&1 && break; sleep 0.5; done
        isql-vt "$port" dba dba exec="ld_dir('$dir/data', '*', 'http://parley.dev/default'); rdf_loader_run(); checkpoint;" >/dev/null
        measure virtuoso "$store" "http://127.0.0.1:$http" "$server_pid"
        isql-vt "$port" dba dba exec="shutdown;" >/dev/null 2>&1 || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    done
fi
