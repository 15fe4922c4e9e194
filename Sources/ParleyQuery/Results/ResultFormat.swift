/// The ways Parley writes the answer to a SELECT or ASK.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// An aligned text table for people (like sqlite3's `.mode box`), terms in Turtle syntax.
    case table
    /// [SPARQL 1.1 Query Results CSV](https://www.w3.org/TR/sparql11-results-csv-tsv/#csv):
    /// values only (datatypes and language tags are lost), RFC 4180 quoting, CRLF line ends.
    case csv
    /// [SPARQL 1.1 Query Results TSV](https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv):
    /// terms in Turtle syntax, so nothing is lost.
    case tsv
    /// [SPARQL 1.1 Query Results JSON](https://www.w3.org/TR/sparql11-results-json/).
    case json
    /// [SPARQL Query Results XML](https://www.w3.org/TR/rdf-sparql-XMLres/).
    case xml
}

/// How ``ResultFormat/table`` lays rows out.
public struct TableStyle: Sendable {
    /// Cells wider than this many terminal columns are cut, ending in `…`.
    public var maxCellWidth = 60
    /// Show at most this many rows (the rest are counted, not buffered); `nil` shows all.
    public var maxRows: Int? = nil
    /// Whether to write the header row (the variable names) and its separator.
    public var headers = true
    /// Show simple string literals as their plain text (line breaks and tabs as spaces), not in
    /// Turtle syntax with quotes: for tables of text, like `parley facts`.
    public var plainStrings = false

    public init() {}
}
