#!/usr/bin/env bash
# The whole test suite: install what is missing (with the reference tools rapper and
# pyoxigraph), build, and run every test target. The W3C suites run from ../shared/conformance
# when it is there (through the parley binary in ParleyEndToEndTests, about a minute, and in
# process in ParleyConformanceTests) and are skipped with a printed reason when it is not.
#
# Then the reliability steps (README "Reliability"): each parser fuzzed with libFuzzer under
# AddressSanitizer for PARLEY_FUZZ_SECONDS (default 30) s, and the in-process unit tests under
# ThreadSanitizer. PARLEY_SKIP_SANITIZERS=1 skips both. scripts/reliability.sh runs the
# long versions.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build

if [[ "${PARLEY_SKIP_SANITIZERS:-0}" != 1 ]]; then
    Fuzz/run.sh "${PARLEY_FUZZ_SECONDS:-30}"
    # TSan on every in-process unit target (the end-to-end ones spawn the plain binary); a
    # separate scratch path keeps the plain build intact.
    swift build --build-tests --sanitize=thread --scratch-path .build-tsan
    TSAN_OPTIONS="halt_on_error=1" swift test --skip-build --sanitize=thread --scratch-path .build-tsan \
        --filter 'ParleyLMDBTests|ParleyRDFTests|ParleyStoreTests|ParleySPARQLTests|ParleyQueryTests'
fi
