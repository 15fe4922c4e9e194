#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build parley in release mode,
# load the shipped vocabulary and sample data into the default store (./parley.db, or
# $PARLEY_DB) and print its statistics.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product parley
parley=.build/release/parley

"$parley" load schema/*.ttl
"$parley" stats
