#!/usr/bin/env bash
# The whole test suite: install what is missing (with the reference tools rapper and
# pyoxigraph), build, and run every test target. The W3C suites run from ../shared/conformance
# when it is there and are skipped with a printed reason when it is not.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build
