import ParleyOperations
import ParleyExtraction
import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

extension Shell {
    /// Runs one dot-command line.
    func runCommand(_ statement: Statement) throws {
        let text = statement.text
        let name = String(text.prefix { !$0.isWhitespace })
        let rest = StatementSplitter.trimmed(String(text.dropFirst(name.count)))
        let arguments = Self.arguments(rest)
        func expect(_ count: ClosedRange<Int>) throws {
            guard count.contains(arguments.count) else {
                throw ShellError.usage(command: name, usage: DotCommand.named(name)?.usage ?? "")
            }
        }
        switch name {
        case ".help":
            try expect(0...1)
            help(arguments.first)
        case ".quit", ".exit":
            quitRequested = true
        case ".mode":
            try expect(1...1)
            guard let mode = OutputMode(rawValue: arguments[0].lowercased()) else {
                throw ShellError.invalidValue(command: name, value: arguments[0], expected: OutputMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            settings.mode = mode
        case ".headers", ".timer":
            try expect(1...1)
            let value = try Self.onOff(arguments[0], command: name)
            if name == ".headers" { settings.headers = value } else { settings.timer = value }
        case ".limit":
            try expect(1...1)
            guard let n = Int(arguments[0]), n >= 0 else {
                throw ShellError.invalidValue(command: name, value: arguments[0], expected: "a number of rows (0 for all)")
            }
            settings.limit = n == 0 ? nil : n
        case ".output":
            try expect(0...1)
            redirect?.flush()
            redirect = try arguments.first.map { try OutputSink.file($0) }
        case ".once":
            try expect(1...1)
            once = try OutputSink.file(arguments[0])
        case ".read":
            try expect(1...1)
            try read(arguments[0])
        case ".load":
            try expect(1...2)
            try load(arguments[0], graph: try arguments.count > 1 ? resolveIRI(arguments[1]) : nil)
        case ".export":
            try export(arguments)
        case ".prefix":
            try expect(0...2)
            if arguments.isEmpty {
                for (prefix, iri) in try store.prefixes() { output.write("PREFIX \(prefix): <\(iri)>\n") }
            } else {
                guard arguments.count == 2 else { throw ShellError.usage(command: name, usage: "[NAME IRI]") }
                var prefix = arguments[0]
                if prefix.hasSuffix(":") { prefix.removeLast() }
                var iri = arguments[1]
                if iri.hasPrefix("<") && iri.hasSuffix(">") { iri = String(iri.dropFirst().dropLast()) }
                guard IRIResolver.isAbsolute(iri) else {
                    throw ShellError.invalidValue(command: name, value: arguments[1], expected: "an absolute IRI")
                }
                try store.savePrefix(prefix, iri: iri)
                storeChanged()
            }
        case ".explain":
            guard !rest.isEmpty else { throw ShellError.usage(command: name, usage: "QUERY") }
            let query = try SPARQLParser.parseQueryOrPatterns(rest, prefixes: try prefixMap())
            var options = QueryOptions()
            options.cancellation = cancellation
            output.write(try engine.explain(query, options: options))
        case ".graphs":
            try expect(0...0)
            let graphs = try store.graphs()
            writeRows(variables: ["graph", "triples"], rows: graphs.map { [$0.name, Self.integer($0.quads)] })
        case ".stats":
            try expect(0...0)
            try stats()
        case ".schema":
            try expect(0...0)
            let vocabulary = try self.vocabulary()
            writeRows(variables: ["class", "instances"], rows: vocabulary.classes.map { [.iri($0.iri), Self.integer($0.count)] })
            writeRows(variables: ["predicate", "triples"], rows: vocabulary.predicates.map { [.iri($0.iri), Self.integer($0.count)] })
        case ".describe":
            guard !arguments.isEmpty else { throw ShellError.usage(command: name, usage: "TERM") }
            try describe(arguments.joined(separator: " "))
        case ".why":
            guard (1...3).contains(arguments.count) else { throw ShellError.usage(command: name, usage: "PATTERN") }
            try why(arguments)
        case ".graph":
            try expect(2...2)
            try graph(arguments[0], to: arguments[1])
        case ".ingest":
            try expect(1...1)
            try ingest(arguments[0])
        default:
            throw ShellError.unknownCommand(name, suggestion: Suggestions.closest(to: name, in: DotCommand.names))
        }
    }

    // MARK: Settings and help

    static func onOff(_ value: String, command: String) throws -> Bool {
        switch value.lowercased() {
        case "on", "yes", "true", "1": return true
        case "off", "no", "false", "0": return false
        default: throw ShellError.invalidValue(command: command, value: value, expected: "on or off")
        }
    }

    func help(_ topic: String?) {
        if let topic {
            guard let command = DotCommand.named(topic) else {
                errors.write("no command '\(topic)'; .help lists them\n")
                return
            }
            var text = "\(command.name) \(command.usage)\n  \(command.summary)\n"
            if !command.details.isEmpty { text += command.details.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n" }
            output.write(text)
            return
        }
        let width = DotCommand.all.map { $0.name.count + 1 + $0.usage.count }.max() ?? 0
        var text = ""
        for command in DotCommand.all {
            let head = command.usage.isEmpty ? command.name : "\(command.name) \(command.usage)"
            text += head + String(repeating: " ", count: width - head.count + 2) + command.summary + "\n"
        }
        text += """

            Anything else is SPARQL: a query, an update, PREFIX lines (saved for later sessions), or bare
            triple patterns (?who pv:advocates ?what) meaning SELECT * WHERE { … }. A statement ends when
            it is complete, or at a ';'. Ctrl-C cancels a running query; Ctrl-D leaves.

            """
        output.write(text)
    }

    // MARK: Tables of terms

    static func integer(_ n: Int) -> Term { .literal(Literal(String(n), datatype: Vocabulary.xsdInteger)) }

    /// Writes rows of terms in the current mode (table, CSV, TSV, JSON, XML).
    func writeRows(variables: [String], rows: [[Term?]]) {
        var style = TableStyle()
        style.maxCellWidth = settings.maxCellWidth
        style.headers = settings.headers
        let prefixes = (try? store.prefixes()) ?? []
        var serializer = SolutionsSerializer(format: settings.mode.solutionFormat, variables: variables, prefixes: prefixes, table: style)
        let out = output
        out.append { serializer.begin(to: &$0) }
        for row in rows { out.append { serializer.append(row, to: &$0) } }
        out.append { serializer.finish(to: &$0) }
    }

    func stats() throws {
        output.write(try StoreSummary.text(store))
    }

    // MARK: Scripts

    /// Runs a script file: `.read` and `parley run`.
    func read(_ path: String) throws {
        guard readDepth < 16 else { throw ShellError.readNestedTooDeep(path) }
        let text = try Self.readFile(path)
        readDepth += 1
        defer { readDepth -= 1 }
        runScript(text: text, name: path)
    }

    static func readFile(_ path: String) throws -> String {
        do {
            return try TextFile.read(path)
        } catch let error as InputError {
            throw ShellError.cannotOpen(path, error.message)
        }
    }

    /// Quoted words: `"Wang Yi" pv:urges ?x` gives three arguments.
    static func arguments(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                started = true
            } else if c.isWhitespace {
                if started { result.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
                started = true
            }
        }
        if started { result.append(current) }
        return result
    }

    /// An IRI from `<…>`, a prefixed name or an absolute IRI.
    func resolveIRI(_ text: String) throws -> String {
        if text.hasPrefix("<") && text.hasSuffix(">") { return String(text.dropFirst().dropLast()) }
        let prefixes = try store.prefixes()
        if let colon = text.firstIndex(of: ":"), prefixes.contains(where: { $0.prefix == text[..<colon] }) {
            return TermFormatter(prefixes: prefixes).expand(text)!
        }
        if IRIResolver.isAbsolute(text) { return text }
        if let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            let suggestion = Suggestions.closest(to: prefix, in: prefixes.map(\.prefix)).map { "\($0):" + text[text.index(after: colon)...] }
            throw ShellError.unknownTerm("prefix '\(prefix):'", suggestion: suggestion)
        }
        throw ShellError.invalidValue(command: "IRI", value: text, expected: "<IRI>, an absolute IRI or a prefixed name")
    }
}
