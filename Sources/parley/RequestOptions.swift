import ArgumentParser
import ParleyQuery

/// `--base` and `--no-union-default-graph`, shared by `query` and `update` so that both read
/// their request and choose their dataset the same way.
struct RequestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The base IRI for relative IRIs in the request.", valueName: "iri"))
    var base: String?

    @Flag(help: "Make the default graph the unnamed graph only (the standard SPARQL dataset), not the union of all graphs.")
    var noUnionDefaultGraph = false

    /// The engine options these flags ask for.
    var queryOptions: QueryOptions {
        var options = QueryOptions()
        options.unionDefaultGraph = !noUnionDefaultGraph
        options.baseIRI = base
        return options
    }
}

/// `--timeout SECONDS` as a duration: any positive finite number of seconds, the largest held
/// to about 30 years (a `Duration` in whole milliseconds could not hold 1e300 seconds).
func timeoutDuration(seconds: Double) -> Duration {
    .milliseconds(Int64(min(seconds, 1e9) * 1000))
}

/// Whether `--timeout` got a usable number of seconds (positive and finite: not nan or inf).
func isValidTimeout(_ seconds: Double) -> Bool { seconds > 0 && seconds.isFinite }
