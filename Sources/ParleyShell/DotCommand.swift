/// The dot-commands: name, usage and help text, in the order `.help` lists them.
public struct DotCommand: Sendable {
    public var name: String
    public var usage: String
    public var summary: String
    public var details: String

    public static let all: [DotCommand] = [
        DotCommand(name: ".help", usage: "[COMMAND]", summary: "List the commands, or explain one",
                   details: "Without an argument, lists every command. `.help mode` explains .mode."),
        DotCommand(name: ".quit", usage: "", summary: "Leave the prompt (also .exit or Ctrl-D)", details: ""),
        DotCommand(name: ".mode", usage: "table|csv|tsv|json|xml|nt|ttl", summary: "How results are written",
                   details: "table: aligned, prefixed names, long cells cut with …. csv, tsv, json, xml: the W3C result formats.\nnt and ttl write CONSTRUCT and DESCRIBE results as N-Triples or Turtle (SELECT results as TSV or a table)."),
        DotCommand(name: ".headers", usage: "on|off", summary: "Show the column names", details: ""),
        DotCommand(name: ".timer", usage: "on|off", summary: "Show each statement's time", details: ""),
        DotCommand(name: ".limit", usage: "N", summary: "Show at most N rows of a result (0: all)",
                   details: "The rest are counted, not shown. The prompt starts at 1000, scripts at 0."),
        DotCommand(name: ".output", usage: "[FILE]", summary: "Write results to FILE (no FILE: back to the screen)", details: ""),
        DotCommand(name: ".once", usage: "FILE", summary: "Write the next result to FILE", details: ""),
        DotCommand(name: ".read", usage: "FILE", summary: "Run the statements and commands in FILE", details: ""),
        DotCommand(name: ".load", usage: "FILE [GRAPH]", summary: "Load N-Triples, N-Quads or Turtle (optionally .gz), into GRAPH if given",
                   details: "The syntax comes from the extension. GRAPH is an IRI or a prefixed name. The file lands whole or not at all."),
        DotCommand(name: ".export", usage: "FILE [--format nt|nq|ttl]", summary: "Write the store to FILE",
                   details: "The format comes from --format or the extension. N-Quads keeps the graphs; nt and ttl write the union of all graphs."),
        DotCommand(name: ".prefix", usage: "[NAME IRI]", summary: "List the saved prefixes, or save one",
                   details: "PREFIX lines typed at the prompt are saved the same way, for later sessions too."),
        DotCommand(name: ".explain", usage: "QUERY", summary: "Show a query's plan with rows per operator", details: ""),
        DotCommand(name: ".graphs", usage: "", summary: "List the named graphs and their sizes", details: ""),
        DotCommand(name: ".stats", usage: "", summary: "Counts of triples, terms and graphs; size on disk", details: ""),
        DotCommand(name: ".schema", usage: "", summary: "The classes and predicates in use, with counts", details: ""),
        DotCommand(name: ".describe", usage: "TERM", summary: "Everything about one entity, grouped by predicate",
                   details: "TERM is a prefixed name, an <IRI>, or a label (\"Wang Yi\")."),
        DotCommand(name: ".why", usage: "PATTERN", summary: "The readout and sentence each matching fact came from",
                   details: "PATTERN is one triple pattern: `.why pe:Wang_Yi pv:urges ?whom`. With one or two terms the rest are variables."),
        DotCommand(name: ".graph", usage: "TERM FILE.svg", summary: "Draw who said what about an entity, as SVG",
                   details: "The entity, the actors holding a stance toward it and what it holds stances toward,\nlaid out by Graphviz (apt-get install graphviz). TERM as for .describe."),
        DotCommand(name: ".ingest", usage: "FILE|FOLDER", summary: "Extract facts from readout .txt files into the store", details: ""),
    ]

    /// Every name, aliases included.
    public static let names: [String] = all.map(\.name) + [".exit"]

    public static func named(_ name: String) -> DotCommand? {
        let wanted = name.hasPrefix(".") ? name : "." + name
        return all.first { $0.name == (wanted == ".exit" ? ".quit" : wanted) }
    }
}
