#!/usr/bin/env bash
# Builds each libFuzzer target with -sanitize=fuzzer,address and runs it for SECONDS.
#
#   Fuzz/run.sh [SECONDS] [TARGET…]     (default 60 s each, every enabled target)
#
# SwiftPM cannot link a libFuzzer executable, so this compiles the package's modules directly
# with swiftc (ParleyRDF, then ParleySPARQL, each a static library with coverage and ASan
# instrumentation) into .build-fuzz/, and links each Fuzz/Targets/<Name>.swift, whose
# @_cdecl("LLVMFuzzerTestOneInput") function is the entry point libFuzzer's main calls.
# The corpus starts from the W3C suites in ../shared/conformance/w3c (when present) plus
# Fuzz/Corpus/<target>/; new inputs go to .build-fuzz/corpus/<target>/. A crash leaves its input
# in .build-fuzz/crashes/ and fails the script; make it a case of
# Tests/ParleyReliabilityTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
out=.build-fuzz
w3c=../shared/conformance/w3c
mkdir -p "$out/crashes" "$out/corpus" "$out/seeds"

# name | modules to link | seed files (find -path globs under $w3c) | enabled
targets=(
    "ntriples|ParleyRDF|rdf-n-triples/*.nt|yes"
    "nquads|ParleyRDF|rdf-n-quads/*.nq rdf-n-triples/*.nt|yes"
    "turtle|ParleyRDF|rdf-turtle/*.ttl|yes"
    "sparql|ParleyRDF ParleySPARQL|sparql10/*.rq sparql11/*.rq sparql11/*.ru|yes"
    # The readout extractor; seeds: the shipped readouts and the extraction fixtures (not W3C).
    "readout|ParleyRDF ParleyExtraction||yes"
)

flags=(-sanitize=fuzzer,address -O -g -parse-as-library -I "$out" -I Sources/CZlib -L "$out")

build_module() {  # name
    local name=$1 lib="$out/lib$1.a"
    local newest
    newest=$(find "Sources/$name" -name '*.swift' -newer "$lib" 2>/dev/null | head -1 || true)
    if [[ -f "$lib" && -z "$newest" ]]; then return; fi
    echo "fuzz: compiling $name" >&2
    swiftc "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-library -static -o "$lib" $(find "Sources/$name" -name '*.swift' | sort) 2>"$out/build-$name.log" \
        || { cat "$out/build-$name.log" >&2; exit 1; }
}

wanted=("$@")
summary=()
status=0
for entry in "${targets[@]}"; do
    IFS='|' read -r name modules seeds enabled <<<"$entry"
    if (( ${#wanted[@]} )) && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
    if [[ $enabled != yes ]]; then
        summary+=("$name: disabled (TODO issue 5)")
        continue
    fi
    libs=()
    # Static libraries link dependents first: ParleySPARQL before the ParleyRDF it uses.
    for m in $modules; do build_module "$m"; libs=("$out/lib$m.a" "${libs[@]}"); done
    entry_file="Fuzz/Targets/$(ls Fuzz/Targets | grep -i "^$name.swift$")"
    binary="$out/fuzz-$name"
    if [[ ! -x $binary || $entry_file -nt $binary || -n $(find "$out" -name 'lib*.a' -newer "$binary") ]]; then
        echo "fuzz: linking $binary" >&2
        # gold warns once per ASan helper symbol; keep that out of the log unless linking fails.
        swiftc "${flags[@]}" "$entry_file" "${libs[@]}" -lz -o "$binary" 2>"$out/link-$name.log" \
            || { cat "$out/link-$name.log" >&2; exit 1; }
    fi
    seed="$out/seeds/$name"
    rm -rf "$seed"; mkdir -p "$seed" "$out/corpus/$name"
    if [[ -d $w3c ]]; then
        for glob in $seeds; do
            find "$w3c" -path "$w3c/$glob" -type f -size -64k -exec cp -t "$seed" {} + 2>/dev/null || true
        done
    fi
    [[ -d Fuzz/Corpus/$name ]] && cp Fuzz/Corpus/"$name"/* "$seed"/ 2>/dev/null || true
    if [[ $name == readout ]]; then cp seeds/*.txt Tests/ParleyExtractionTests/Fixtures/*.txt "$seed"/ 2>/dev/null || true; fi
    dict=()
    [[ -f Fuzz/Dictionaries/$name.dict ]] && dict=(-dict="Fuzz/Dictionaries/$name.dict")
    log="$out/$name.log"
    echo "fuzz: $name for ${seconds}s ($(ls "$seed" | wc -l) seeds)" >&2
    if "$binary" "$out/corpus/$name" "$seed" "${dict[@]}" -max_total_time="$seconds" -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/crashes/$name-" \
        >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        summary+=("$name: ok, $runs executions in ${seconds}s, corpus $(ls "$out/corpus/$name" | wc -l) files")
    else
        summary+=("$name: FAILED, see $log and $out/crashes/")
        tail -40 "$log" >&2
        status=1
    fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
