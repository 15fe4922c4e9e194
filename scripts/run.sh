#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build parley in release mode,
# load the vocabulary and ingest the seed readouts into the default store (./parley.db, or
# $PARLEY_DB), then open the prompt — or, when standard input is not a terminal, run an
# example query and print its table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product parley
parley=.build/release/parley

"$parley" load schema/parley.ttl
"$parley" ingest seeds/

if [[ -t 0 ]]; then
    exec "$parley"
fi
"$parley" query --format table '
SELECT (STR(?s_) AS ?who) (STR(?p_) AS ?stance) (STR(?o_) AS ?what) WHERE {
  ?s ?p ?o . ?p rdfs:subPropertyOf pv:expresses .
  ?s rdfs:label ?s_ . ?p rdfs:label ?p_ . ?o rdfs:label ?o_
} ORDER BY ?who ?stance ?what'
