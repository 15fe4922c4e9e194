import ParleyRDF

/// Writes the rows of a SELECT in one of the W3C result formats or as an aligned text table.
///
/// Call ``begin(to:)`` once, ``append(_:to:)`` per row, then ``finish(to:)``; each appends bytes
/// to `out`, which the caller may flush between calls. CSV, TSV, JSON and XML stream: a row's
/// bytes are written by its own `append`. The table buffers (at most `maxRows` rows), because
/// column widths depend on every row, and writes everything in `finish`.
///
/// Guarantees: JSON and XML output is well-formed and reads back as the same terms (except
/// control characters other than tab, LF and CR, which XML 1.0 cannot carry and which are written
/// as U+FFFD); TSV reads back as the same terms; CSV keeps only lexical forms, as its
/// specification says. A row shorter than `variables` has its missing columns unbound.
///
/// ```swift
/// var writer = SolutionsSerializer(format: .json, variables: ["s"])
/// var out: [UInt8] = []
/// writer.begin(to: &out)
/// writer.append([.iri("http://example.org/a")], to: &out)
/// writer.finish(to: &out)
/// ```
public struct SolutionsSerializer {
    public let format: ResultFormat
    public let variables: [String]
    private var rowsWritten = 0
    private var terms: TurtleTermWriter
    private var table: TableWriter?

    public init(format: ResultFormat, variables: [String], prefixes: [(prefix: String, iri: String)] = [],
                table: TableStyle = TableStyle()) {
        self.format = format
        self.variables = variables
        // TSV has no prefixes: terms are written as N-Triples with Turtle's bare numbers.
        self.terms = TurtleTermWriter(prefixes: [])
        self.table = format == .table ? TableWriter(variables: variables, prefixes: prefixes, style: table) : nil
    }

    /// Writes the header: the variables (nothing for the table, which writes all at the end).
    public mutating func begin(to out: inout [UInt8]) {
        switch format {
        case .table:
            break
        case .csv:
            for (i, variable) in variables.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                ResultEscapes.appendCSVField(variable, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        case .tsv:
            out.append(contentsOf: variables.map { "?" + $0 }.joined(separator: "\t").utf8)
            out.append(0x0A)
        case .json:
            out.append(contentsOf: #"{"head":{"vars":["#.utf8)
            for (i, variable) in variables.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                ResultEscapes.appendJSONString(variable, to: &out)
            }
            out.append(contentsOf: "]},\n\"results\":{\"bindings\":[".utf8)
        case .xml:
            out.append(contentsOf: Self.xmlPreamble.utf8)
            out.append(contentsOf: "  <head>\n".utf8)
            for variable in variables {
                out.append(contentsOf: "    <variable name=\"".utf8)
                ResultEscapes.appendXML(variable, attribute: true, to: &out)
                out.append(contentsOf: "\"/>\n".utf8)
            }
            out.append(contentsOf: "  </head>\n  <results>\n".utf8)
        }
    }

    /// Writes (or, for the table, buffers) one row; `nil` is an unbound variable.
    public mutating func append(_ row: [Term?], to out: inout [UInt8]) {
        defer { rowsWritten += 1 }
        switch format {
        case .table:
            table?.append(row)
        case .csv:
            for i in variables.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch i < row.count ? row[i] : nil {
                case .iri(let iri)?: ResultEscapes.appendCSVField(iri, to: &out)
                case .blank(let label)?: ResultEscapes.appendCSVField("_:" + label, to: &out)
                case .literal(let literal)?: ResultEscapes.appendCSVField(literal.lexical, to: &out)
                case nil: break
                }
            }
            out.append(contentsOf: [0x0D, 0x0A])
        case .tsv:
            for i in variables.indices {
                if i > 0 { out.append(0x09) }
                if i < row.count, let term = row[i] { terms.append(term, to: &out, escapeTabs: true) }
            }
            out.append(0x0A)
        case .json:
            out.append(contentsOf: rowsWritten == 0 ? "\n{".utf8 : ",\n{".utf8)
            var first = true
            for (i, variable) in variables.enumerated() {
                guard i < row.count, let term = row[i] else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                ResultEscapes.appendJSONString(variable, to: &out)
                out.append(UInt8(ascii: ":"))
                Self.appendJSON(term, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .xml:
            out.append(contentsOf: "    <result>\n".utf8)
            for (i, variable) in variables.enumerated() {
                guard i < row.count, let term = row[i] else { continue }
                out.append(contentsOf: "      <binding name=\"".utf8)
                ResultEscapes.appendXML(variable, attribute: true, to: &out)
                out.append(contentsOf: "\">".utf8)
                Self.appendXML(term, to: &out)
                out.append(contentsOf: "</binding>\n".utf8)
            }
            out.append(contentsOf: "    </result>\n".utf8)
        }
    }

    /// Ends the document (for the table: writes it all, then the row count).
    public mutating func finish(to out: inout [UInt8]) {
        switch format {
        case .table: table?.finish(to: &out)
        case .csv, .tsv: break
        case .json: out.append(contentsOf: "\n]}}\n".utf8)
        case .xml: out.append(contentsOf: "  </results>\n</sparql>\n".utf8)
        }
    }

    /// Writes the answer to an ASK. CSV and TSV have no boolean form in their specification;
    /// they get `true` or `false` on a line of its own, as the table does.
    public static func boolean(_ value: Bool, format: ResultFormat, to out: inout [UInt8]) {
        let word = value ? "true" : "false"
        switch format {
        case .table, .tsv: out.append(contentsOf: (word + "\n").utf8)
        case .csv: out.append(contentsOf: (word + "\r\n").utf8)
        case .json: out.append(contentsOf: "{\"head\":{},\"boolean\":\(word)}\n".utf8)
        case .xml:
            out.append(contentsOf: Self.xmlPreamble.utf8)
            out.append(contentsOf: "  <head/>\n  <boolean>\(word)</boolean>\n</sparql>\n".utf8)
        }
    }

    private static let xmlPreamble = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sparql xmlns="http://www.w3.org/2005/sparql-results#">

        """

    private static func appendJSON(_ term: Term, to out: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            out.append(contentsOf: #"{"type":"uri","value":"#.utf8)
            ResultEscapes.appendJSONString(iri, to: &out)
        case .blank(let label):
            out.append(contentsOf: #"{"type":"bnode","value":"#.utf8)
            ResultEscapes.appendJSONString(label, to: &out)
        case .literal(let literal):
            out.append(contentsOf: #"{"type":"literal","value":"#.utf8)
            ResultEscapes.appendJSONString(literal.lexical, to: &out)
            if let language = literal.language {
                out.append(contentsOf: #","xml:lang":"#.utf8)
                ResultEscapes.appendJSONString(language, to: &out)
            } else if literal.datatype != Vocabulary.xsdString {
                out.append(contentsOf: #","datatype":"#.utf8)
                ResultEscapes.appendJSONString(literal.datatype, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func appendXML(_ term: Term, to out: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            out.append(contentsOf: "<uri>".utf8)
            ResultEscapes.appendXML(iri, to: &out)
            out.append(contentsOf: "</uri>".utf8)
        case .blank(let label):
            out.append(contentsOf: "<bnode>".utf8)
            ResultEscapes.appendXML(label, to: &out)
            out.append(contentsOf: "</bnode>".utf8)
        case .literal(let literal):
            out.append(contentsOf: "<literal".utf8)
            if let language = literal.language {
                out.append(contentsOf: " xml:lang=\"".utf8)
                ResultEscapes.appendXML(language, attribute: true, to: &out)
                out.append(UInt8(ascii: "\""))
            } else if literal.datatype != Vocabulary.xsdString {
                out.append(contentsOf: " datatype=\"".utf8)
                ResultEscapes.appendXML(literal.datatype, attribute: true, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
            ResultEscapes.appendXML(literal.lexical, to: &out)
            out.append(contentsOf: "</literal>".utf8)
        }
    }
}
