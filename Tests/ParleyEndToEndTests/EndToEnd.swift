// ParleyEndToEndTests: Parley as its users run it, through the `parley` executable only, one
// subprocess per command and a fresh store directory per test (`ParleyProcess.run`).
//
// The W3C suites in ../shared/conformance/w3c run here through the binary and are the evidence
// for the README's conformance figures (skipped, with the reason printed, when the folder is
// missing); the in-process target ParleyConformanceTests stays for debugging the engine:
//   RDFSuitesThroughBinaryTests          N-Triples, N-Quads, Turtle: `parley load`, `export --format nt`
//   SPARQLEvaluationThroughBinaryTests   query, result-format and update evaluation: `parley load`,
//                                        `parley query --no-union-default-graph --format …`,
//                                        `parley update --no-union-default-graph`, `export --format nq`
//   SPARQLSyntaxThroughBinaryTests       positive and negative syntax: `parley query` / `parley update`
//
// Other end-to-end tests of the binary live in ParleyCLITests (load errors, stats, graphs,
// concurrency, ingest) and ParleyShellTests (the prompt on a pseudo-terminal, scripts).

import Foundation

/// Settings shared by the end-to-end suites.
enum EndToEnd {
    /// How many `parley` processes the conformance summaries keep running at once: twice the
    /// cores, since each process spends part of its life waiting for `fsync`.
    static let width = 2 * ProcessInfo.processInfo.activeProcessorCount
}
