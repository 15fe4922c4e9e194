#!/usr/bin/env bash
# The long reliability run (README "Reliability"): the reliability tests at 10x their CI size
# (600 SIGKILLs, larger loads), every parser fuzzed for FUZZ_SECONDS (default 600) s, and the
# whole unit suite under AddressSanitizer and under ThreadSanitizer.
#
#   scripts/reliability.sh [FUZZ_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds="${1:-600}"

swift build --build-tests
PARLEY_RELIABILITY_SCALE="${PARLEY_RELIABILITY_SCALE:-10}" swift test --skip-build --filter ParleyReliabilityTests

Fuzz/run.sh "$fuzz_seconds"

# The end-to-end targets spawn the plain `parley` binary, so only in-process tests are worth a
# sanitizer; the conformance suite is skipped for time.
unit='ParleyLMDBTests|ParleyRDFTests|ParleyStoreTests|ParleySPARQLTests|ParleyQueryTests'
swift build --build-tests --sanitize=address --scratch-path .build-asan
swift test --skip-build --sanitize=address --scratch-path .build-asan --filter "$unit"
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS="halt_on_error=1" swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$unit"
