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
// Where the subcommands and the prompt take a path the in-process tests skip, and the test of
// each through the binary (P = PrefixRegressionTests, U = UserPathTests, W = the W3C suites):
//   - `parley load` of Turtle saves the file's prefixes, `@prefix :` and 600-byte names
//     included ......................................... P.loadSavesPrefix; W: every Turtle file
//   - saved prefixes known to `parley query` (bare triple patterns too) and `parley update`
//     without PREFIX lines, and written by `export --format ttl` ...... P.expectSaved (every P test)
//   - `.prefix NAME IRI` at the prompt, the empty name and a 600-byte one
//     ..................................................... P.dotPrefixWithDashC, P.scriptPrefixes
//   - PREFIX lines at the prompt, saved for later sessions
//     .......................................... P.scriptPrefixes, P.prefixLineOnStandardInput
//   - `parley load --graph IRI` (a 1,000-byte IRI too) and `export --graph`
//     ................................................ U.loadIntoNamedGraph; W: every graphData
//   - `--base`: `parley load`, `query` and `update` (a BASE in the text wins for IRI())
//     ......................................... U.baseIRIs; W: every Turtle input and request
//   - gzip: `parley load data.ttl.gz` .................................................. U.gzipTurtle
//   - standard input `-`: `load --format ttl -`, a query or update on stdin
//     ...................................... U.standardInput; W: RDF/XML converted by rapper
//                                            and piped into `parley load --format nt -`
//   - `.load FILE [GRAPH]` and `.export FILE [--format]` at the prompt
//     ............................................. P.dotLoadSavesPrefix, U.promptLoadExport
//   - SPARQL `LOAD <file:…>` (and INTO GRAPH) in `parley update` and at the prompt .. U.sparqlLoad
//   - `parley run FILE`, `parley -c`, a script on standard input
//     ............................ P.scriptPrefixes, U.promptLoadExport, U.promptModes,
//                                  P.dotPrefixWithDashC, U.sparqlLoad, P.prefixLineOnStandardInput
//   - `parley query --format` table, csv, tsv, json, xml (SELECT, ASK)
//     ....................... U.queryWriters; W: xml for .srx, json for .srj and RDF result
//                             sets, csv and tsv for the result-format tests
//   - `parley query --format` nt, ttl, nq (CONSTRUCT, DESCRIBE)
//     ................................ U.constructWriters; W: nt for every CONSTRUCT/DESCRIBE
//   - `parley export --format` nt, nq, ttl and `-o FILE` (format from the extension)
//     ......... U.exportWriters; W: nt for the Turtle evaluation tests, nq for the update tests
//   - `.mode` table, csv, tsv, json, xml at the prompt ................................ U.promptModes
//   - `--no-union-default-graph` of `parley query` and `parley update`
//     .............................................. U.loadIntoNamedGraph; W: every SPARQL test
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
