import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParleyRDF

/// The answer to a query as the W3C tests state it (or as an engine produced it): solutions,
/// a boolean, or a graph.
public enum SPARQLResults: Hashable, Sendable {
    case solutions(SPARQLSolutions)
    case boolean(Bool)
    /// A CONSTRUCT or DESCRIBE graph (the quads' graph is `nil`).
    case graph([Quad])
}

/// A sequence of solutions: the variables, and per row the bound ones (unbound are absent).
public struct SPARQLSolutions: Hashable, Sendable {
    public var variables: [String]
    public var rows: [[String: Term]]

    public init(variables: [String], rows: [[String: Term]] = []) {
        self.variables = variables
        self.rows = rows
    }

    /// Rows given positionally, in the order of `variables` (`nil` = unbound).
    public init(variables: [String], positional: [[Term?]]) {
        self.variables = variables
        self.rows = positional.map { row in
            var bound: [String: Term] = [:]
            for (variable, term) in zip(variables, row) { bound[variable] = term }
            return bound
        }
    }
}

/// Why a results file could not be read.
public enum SPARQLResultsError: Error, CustomStringConvertible, Sendable {
    /// The file is not what its format says; the message says where and what.
    case malformed(String, String)
    /// A tool needed to read the file is not installed (the test is skipped, not failed).
    case missingTool(String)

    public var description: String {
        switch self {
        case .malformed(let file, let message): "\(file): \(message)"
        case .missingTool(let message): "missing tool: \(message)"
        }
    }
}

/// Readers for the W3C result formats: SPARQL XML (`.srx`), JSON (`.srj`), TSV, CSV, and RDF
/// graphs (`.ttl`, `.nt`, `.rdf`) that are either a CONSTRUCT result or a result set in the
/// `rs:` vocabulary of the SPARQL 1.0 tests.
///
/// Blank node labels are kept as written within one file, so the same label is the same node
/// across rows; comparisons map them by bijection (``SPARQLResultsComparison``).
public enum SPARQLResultsReader {
    /// Reads `file` by its extension. RDF files resolve relative IRIs against `file.iri`.
    public static func read(_ file: SPARQLFile) throws -> SPARQLResults {
        let formats = ["srx": "xml", "xml": "xml", "srj": "json", "json": "json", "tsv": "tsv", "csv": "csv"]
        guard let format = formats[(file.path as NSString).pathExtension.lowercased()] else {
            return fromGraph(try file.graph())
        }
        return try read(try Data(contentsOf: URL(fileURLWithPath: file.path)), format: format, file: file.path)
    }

    /// Reads an answer written in `format`: `xml`, `json`, `tsv`, `csv` (solutions or a
    /// boolean), or `nt` (a CONSTRUCT or DESCRIBE graph). `file` names the text in messages.
    public static func read(_ data: Data, format: String, file: String) throws -> SPARQLResults {
        switch format {
        case "xml": return try readXML(data, file: file)
        case "json": return try readJSON(data, file: file)
        default: break
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SPARQLResultsError.malformed(file, "not UTF-8") }
        switch format {
        case "tsv": return .solutions(try readTSV(text, file: file))
        case "csv": return .solutions(try readCSV(text, file: file))
        case "nt":
            var parser = NTriplesParser(text: text)
            return .graph(try parser.readAll())
        default: throw SPARQLResultsError.malformed(file, "unknown result format \(format)")
        }
    }

    // MARK: XML

    /// Reads the [SPARQL Query Results XML Format](https://www.w3.org/TR/rdf-sparql-XMLres/).
    public static func readXML(_ data: Data, file: String = "<xml>") throws -> SPARQLResults {
        let parser = XMLParser(data: data)
        let handler = XMLResultsHandler()
        parser.delegate = handler
        guard parser.parse() else {
            throw SPARQLResultsError.malformed(file, "XML error at line \(parser.lineNumber): "
                                               + (parser.parserError.map { "\($0)" } ?? "unknown"))
        }
        if let problem = handler.problem { throw SPARQLResultsError.malformed(file, problem) }
        if let boolean = handler.boolean { return .boolean(boolean) }
        return .solutions(SPARQLSolutions(variables: handler.variables, rows: handler.rows))
    }

    /// Collects what `XMLParser` reports. Elements are matched by local name (prefixes ignored).
    private final class XMLResultsHandler: NSObject, XMLParserDelegate {
        var variables: [String] = []
        var rows: [[String: Term]] = []
        var boolean: Bool?
        var problem: String?
        private var row: [String: Term]?
        private var bindingName: String?
        private var termKind: String?
        private var termAttributes: [String: String] = [:]
        private var text = ""
        private var inBoolean = false

        private static func local(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch Self.local(elementName) {
            case "variable":
                if let name = attributes["name"] { variables.append(name) }
            case "result": row = [:]
            case "binding": bindingName = attributes["name"]
            case "uri", "literal", "bnode":
                termKind = Self.local(elementName)
                termAttributes = attributes
                text = ""
            case "boolean":
                inBoolean = true
                text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if termKind != nil || inBoolean { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if termKind != nil || inBoolean { text += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch Self.local(elementName) {
            case "result":
                if let row { rows.append(row) }
                row = nil
            case "binding": bindingName = nil
            case "uri", "literal", "bnode":
                guard let kind = termKind, let name = bindingName else {
                    problem = problem ?? "a <\(elementName)> outside a <binding>"
                    return
                }
                let term: Term
                switch kind {
                case "uri": term = .iri(text)
                case "bnode": term = .blank(text)
                default:
                    if let language = termAttributes["xml:lang"] {
                        term = .literal(Literal(text, language: language))
                    } else if let datatype = termAttributes["datatype"] {
                        term = .literal(Literal(text, datatype: datatype))
                    } else {
                        term = .string(text)
                    }
                }
                row?[name] = term
                termKind = nil
            case "boolean":
                inBoolean = false
                switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
                case "true": boolean = true
                case "false": boolean = false
                default: problem = problem ?? "<boolean> holds \(text.debugDescription)"
                }
            default: break
            }
        }
    }

    // MARK: JSON

    /// Reads the [SPARQL 1.1 Query Results JSON Format](https://www.w3.org/TR/sparql11-results-json/)
    /// (also the older `typed-literal` type).
    public static func readJSON(_ data: Data, file: String = "<json>") throws -> SPARQLResults {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SPARQLResultsError.malformed(file, "invalid JSON: \(error)")
        }
        guard let top = object as? [String: Any] else { throw SPARQLResultsError.malformed(file, "not a JSON object") }
        if let boolean = top["boolean"] {
            guard let value = boolean as? Bool else { throw SPARQLResultsError.malformed(file, "\"boolean\" is not true or false") }
            return .boolean(value)
        }
        let head = top["head"] as? [String: Any]
        let variables = head?["vars"] as? [String] ?? []
        guard let results = top["results"] as? [String: Any], let bindings = results["bindings"] as? [Any] else {
            throw SPARQLResultsError.malformed(file, "no \"results\": { \"bindings\": [ … ] }")
        }
        var rows: [[String: Term]] = []
        for (index, binding) in bindings.enumerated() {
            guard let binding = binding as? [String: Any] else {
                throw SPARQLResultsError.malformed(file, "binding \(index) is not an object")
            }
            var row: [String: Term] = [:]
            for (variable, value) in binding {
                guard let value = value as? [String: Any], let type = value["type"] as? String,
                      let lexical = value["value"] as? String else {
                    throw SPARQLResultsError.malformed(file, "binding \(index) of ?\(variable) lacks \"type\" or \"value\"")
                }
                switch type {
                case "uri": row[variable] = .iri(lexical)
                case "bnode": row[variable] = .blank(lexical)
                case "literal", "typed-literal":
                    if let language = value["xml:lang"] as? String {
                        row[variable] = .literal(Literal(lexical, language: language))
                    } else if let datatype = value["datatype"] as? String {
                        row[variable] = .literal(Literal(lexical, datatype: datatype))
                    } else {
                        row[variable] = .string(lexical)
                    }
                default:
                    throw SPARQLResultsError.malformed(file, "binding \(index) of ?\(variable) has type \(type)")
                }
            }
            rows.append(row)
        }
        return .solutions(SPARQLSolutions(variables: variables, rows: rows))
    }

    // MARK: TSV and CSV

    /// Reads [SPARQL 1.1 TSV](https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv): a header of
    /// `?var`s, then one line per row of tab-separated terms in Turtle syntax (empty = unbound).
    /// The terms are read by ``TurtleParser`` as the objects of one synthetic document, so escapes,
    /// bare numbers and blank node labels mean what they mean in Turtle.
    public static func readTSV(_ text: String, file: String = "<tsv>") throws -> SPARQLSolutions {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw SPARQLResultsError.malformed(file, "no header line") }
        // An empty header is no variables (each row is then an empty line).
        let variables = header.isEmpty ? [] : header.split(separator: "\t", omittingEmptySubsequences: false).map { name in
            String(name.hasPrefix("?") || name.hasPrefix("$") ? name.dropFirst() : name)
        }
        var document = ""
        for (r, line) in lines.dropFirst().enumerated() {
            let cells = variables.isEmpty && line.isEmpty ? [] : line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == variables.count else {
                throw SPARQLResultsError.malformed(file, "line \(r + 2) has \(cells.count) cells for \(variables.count) variables")
            }
            for (c, cell) in cells.enumerated() where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
                document += "<tsv:r\(r)> <tsv:c\(c)> \(cell) .\n"
            }
        }
        var parser = TurtleParser(text: document)
        let quads: [Quad]
        do {
            quads = try parser.readAll()
        } catch {
            throw SPARQLResultsError.malformed(file, "a term is not valid Turtle: \(error)")
        }
        var rows = Array(repeating: [String: Term](), count: lines.count - 1)
        for quad in quads {
            guard case .iri(let r) = quad.subject, case .iri(let c) = quad.predicate,
                  let row = Int(r.dropFirst(5)), let column = Int(c.dropFirst(5)) else { continue }
            rows[row][variables[column]] = quad.object
        }
        return SPARQLSolutions(variables: variables, rows: rows)
    }

    /// Reads [SPARQL 1.1 CSV](https://www.w3.org/TR/sparql11-results-csv-tsv/#csv) (RFC 4180,
    /// CRLF or LF line ends). CSV keeps only values, so each cell becomes what
    /// ``SPARQLResultsComparison/csvProjection(_:)`` makes of a term: empty = unbound, `_:x` a
    /// blank node, anything else a simple literal of the text.
    public static func readCSV(_ text: String, file: String = "<csv>") throws -> SPARQLSolutions {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append(c) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            case ",": record.append(field); field = ""; wasQuoted = false
            case "\r" where scalars.first == "\n": continue
            case "\n", "\r":
                record.append(field); records.append(record)
                field = ""; record = []; wasQuoted = false
            default: field.unicodeScalars.append(c)
            }
        }
        if quoted { throw SPARQLResultsError.malformed(file, "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty || wasQuoted { record.append(field); records.append(record) }
        guard var variables = records.first else { throw SPARQLResultsError.malformed(file, "no header line") }
        // An empty header is no variables (each row is then an empty line).
        if variables == [""] { variables = [] }
        var rows: [[String: Term]] = []
        for (index, record) in records.dropFirst().enumerated() {
            let cells = variables.isEmpty && record == [""] ? [] : record
            guard cells.count == variables.count else {
                throw SPARQLResultsError.malformed(file, "record \(index + 2) has \(cells.count) fields for \(variables.count) variables")
            }
            var row: [String: Term] = [:]
            for (variable, cell) in zip(variables, cells) { row[variable] = SPARQLResultsComparison.csvValue(cell) }
            rows.append(row)
        }
        return SPARQLSolutions(variables: variables, rows: rows)
    }

    // MARK: RDF result sets

    private static let rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"

    /// A graph that holds an `rs:ResultSet` becomes those solutions (in `rs:index` order when
    /// given) or that boolean; any other graph is a CONSTRUCT result.
    public static func fromGraph(_ quads: [Quad]) -> SPARQLResults {
        var properties: [Term: [String: [Term]]] = [:]
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            properties[quad.subject, default: [:]][predicate, default: []].append(quad.object)
        }
        guard let resultSet = quads.first(where: {
            $0.predicate == .iri(Vocabulary.rdfType) && $0.object == .iri(rs + "ResultSet")
        })?.subject else {
            return .graph(quads.map { Quad($0.subject, $0.predicate, $0.object) })
        }
        let set = properties[resultSet] ?? [:]
        if case .literal(let value)? = set[rs + "boolean"]?.first {
            return .boolean(value.lexical == "true" || value.lexical == "1")
        }
        let variables = (set[rs + "resultVariable"] ?? []).compactMap { term -> String? in
            if case .literal(let name) = term { return name.lexical } else { return nil }
        }
        var indexed: [(index: Int?, row: [String: Term])] = []
        for solution in set[rs + "solution"] ?? [] {
            var row: [String: Term] = [:]
            for binding in properties[solution]?[rs + "binding"] ?? [] {
                guard case .literal(let name)? = properties[binding]?[rs + "variable"]?.first,
                      let value = properties[binding]?[rs + "value"]?.first else { continue }
                row[name.lexical] = value
            }
            var index: Int?
            if case .literal(let i)? = properties[solution]?[rs + "index"]?.first { index = Int(i.lexical) }
            indexed.append((index, row))
        }
        if indexed.contains(where: { $0.index != nil }) {
            indexed.sort { ($0.index ?? Int.max) < ($1.index ?? Int.max) }
        }
        return .solutions(SPARQLSolutions(variables: variables, rows: indexed.map(\.row)))
    }
}
