import ParleyQuery
import ParleyRDF
import ParleySPARQL
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

/// The shell: runs statements (SPARQL and dot-commands) against one store, from the prompt,
/// from scripts, from standard input or from `-c`.
///
/// Results go to standard output (or the file of `.output`/`.once`); notes and errors go to
/// standard error. In a script every error names `FILE:LINE`. No read transaction is held
/// between statements: each query reads in its own snapshot and streams its rows out.
/// Use a shell from one thread.
public final class Shell {
    /// How the shell was started.
    public struct Configuration: Sendable {
        /// At the prompt (banner, line editing, Ctrl-C cancels) rather than a script or pipe.
        public var interactive: Bool
        /// Stop at the first failing statement.
        public var bail: Bool
        /// Colour errors and notes (only ever on a terminal without `NO_COLOR`).
        public var colours: Bool
        public var settings: ShellSettings

        public init(interactive: Bool, bail: Bool = false, colours: Bool = false, settings: ShellSettings) {
            self.interactive = interactive
            self.bail = bail
            self.colours = colours
            self.settings = settings
        }
    }

    public let store: Store
    let engine: QueryEngine
    public let configuration: Configuration
    public var settings: ShellSettings
    let palette: Palette
    let cancellation: CancellationToken
    let screen: OutputSink
    let errors: OutputSink
    var redirect: OutputSink?
    var once: OutputSink?
    /// The store's names, read when first needed and dropped when the store changes.
    var cachedVocabulary: StoreVocabulary?
    /// How many statements failed.
    public internal(set) var failures = 0
    /// `.quit` was given.
    public internal(set) var quitRequested = false
    /// A statement failed with `--bail`: every script runner stops.
    public private(set) var bailed = false
    var readDepth = 0
    /// Counts changes to the store made here, so completion knows to read its names again.
    public internal(set) var storeGeneration = 0
    let clock = ContinuousClock()

    public init(store: Store, configuration: Configuration, cancellation: CancellationToken = Interrupts.token,
                output: OutputSink = OutputSink(fd: 1), errors: OutputSink = OutputSink(fd: 2)) {
        self.store = store
        self.engine = QueryEngine(store: store)
        self.configuration = configuration
        self.settings = configuration.settings
        self.palette = Palette(enabled: configuration.colours)
        self.cancellation = cancellation
        self.screen = output
        self.errors = errors
    }

    /// The exit status for the process: 0 if every statement succeeded, else 1.
    public var exitStatus: Int32 { failures == 0 ? 0 : 1 }

    // MARK: Running statements

    /// Runs one statement; reports its error (if any) and returns whether it succeeded.
    @discardableResult
    public func execute(_ statement: Statement) -> Bool {
        cancellation.reset()
        // `.once FILE` takes the next statement's result: the one after the `.once` itself.
        let onceBefore = once
        defer {
            output.flush()
            if let file = once, file === onceBefore { file.flush(); once = nil }
            screen.flush()
        }
        do {
            switch statement.kind {
            case .command: try runCommand(statement)
            case .sparql: try runSPARQL(statement)
            }
            return true
        } catch {
            failures += 1
            report(error, in: statement)
            if configuration.bail { bailed = true }
            return false
        }
    }

    /// Where results go now: `.once`'s file, else `.output`'s, else standard output.
    var output: OutputSink { once ?? redirect ?? screen }

    /// The saved prefixes, as a dictionary for the parser.
    func prefixMap() throws -> [String: String] {
        Dictionary(try store.prefixes().map { ($0.prefix, $0.iri) }, uniquingKeysWith: { _, last in last })
    }

    func runSPARQL(_ statement: Statement) throws {
        let text = statement.text
        let prefixes = try prefixMap()
        switch SPARQLText.kind(of: text) {
        case .prologue, .update:
            let update = try SPARQLParser.parseUpdate(text, prefixes: prefixes)
            try savePrefixes(update.prefixes, known: prefixes)
            guard !update.operations.isEmpty else { return }
            var options = QueryOptions()
            options.cancellation = cancellation
            let start = clock.now
            let report: UpdateReport
            do {
                report = try engine.update(update, options: options)
            } catch QueryError.cancelled {
                throw ShellInterruption.updateRolledBack
            }
            storeChanged()
            let time = settings.timer ? " (\(ResultRenderer.formatMilliseconds(milliseconds(clock.now - start))))" : ""
            note("inserted \(grouped(report.inserted)), deleted \(grouped(report.deleted)) triples\(time)")
        case .query, .patterns:
            let query = try SPARQLParser.parseQueryOrPatterns(text, prefixes: prefixes)
            try savePrefixes(query.prefixes, known: prefixes)
            let summary = try runQuery(query)
            if summary.kind == .rows && summary.total == 0 {
                for hint in unknownNameHints(in: text, prefixes: query.prefixes) { note(hint) }
            }
        }
    }

    /// Runs a parsed query and writes its result with the footer and notes.
    @discardableResult
    func runQuery(_ query: Query) throws -> ResultRenderer.Summary {
        var options = QueryOptions()
        options.cancellation = cancellation
        let renderer = ResultRenderer(settings: settings, prefixes: try store.prefixes())
        let start = clock.now
        let out = output
        let timer = settings.timer
        let summary = try engine.query(query, options: options) { result in
            try renderer.write(result, to: out, cancellation: cancellation) { summary in
                let ms = milliseconds(clock.now - start)
                return ResultRenderer.footer(summary, milliseconds: timer ? ms : nil)
            }
        }
        if let cap = ResultRenderer.capNote(summary) { note(cap) }
        if settings.mode != .table && timer {
            note(ResultRenderer.footer(summary, milliseconds: milliseconds(clock.now - start)))
        }
        return summary
    }

    /// Saves prefixes the statement declared that the store does not have (or binds otherwise).
    func savePrefixes(_ declared: [String: String], known: [String: String]) throws {
        for (prefix, iri) in declared.sorted(by: { $0.key < $1.key }) where known[prefix] != iri {
            try store.savePrefix(prefix, iri: iri)
            storeChanged()
            if configuration.interactive { note("saved prefix \(prefix): <\(iri)>") }
        }
    }

    /// "did you mean …?" for names in a query that returned nothing and that the store lacks.
    func unknownNameHints(in text: String, prefixes: [String: String]) -> [String] {
        var hints: [String] = []
        for name in SPARQLText.names(in: text, prefixes: prefixes) {
            guard (try? store.id(of: .iri(name.iri))) == .some(nil) else { continue }
            guard let vocabulary = try? vocabulary(), let suggestion = vocabulary.suggestion(for: name.text) else { continue }
            hints.append("\(name.text) is not in the store; did you mean \(suggestion)?")
        }
        return hints
    }

    /// The store's vocabulary, read on first use after a change.
    public func vocabulary() throws -> StoreVocabulary {
        if let cachedVocabulary { return cachedVocabulary }
        let vocabulary = try StoreVocabulary.load(from: engine, cancellation: cancellation)
        cachedVocabulary = vocabulary
        return vocabulary
    }

    // MARK: Messages

    /// A note on standard error (updates, loads, capped results, hints).
    func note(_ text: String) {
        output.flush()  // so the note follows the rows it is about
        errors.write(palette.dim + text + palette.reset + "\n")
    }

    /// Writes an error: at the prompt the statement's line with a caret; in a script prefixed
    /// with `FILE:LINE:` (and the column for syntax errors).
    func report(_ error: Error, in statement: Statement) {
        var lines: [String] = []
        let place = configuration.interactive ? "" : "\(statement.origin): "
        var syntax: SPARQLSyntaxError?
        if let error = error as? SPARQLSyntaxError { syntax = error }
        if case QueryError.syntax(let error)? = error as? QueryError { syntax = error }
        if let syntax {
            let line = statement.origin.line + syntax.position.line - 1
            if configuration.interactive {
                // The line with a caret and the message under it.
                let snippet = syntax.rendered(source: statement.text).split(separator: "\n", omittingEmptySubsequences: false)
                lines.append(String(snippet[0]))
                lines += snippet.dropFirst().map { palette.red + $0 + palette.reset }
            } else {
                let file = statement.origin.file.map { "\($0):" } ?? ""
                lines.append("\(file)\(line):\(syntax.position.column): error: \(syntax.message)")
                // The snippet numbered as in the file.
                var moved = syntax
                moved.position = TextPosition(line: line, column: syntax.position.column, offset: syntax.position.offset)
                let padding = String(repeating: "\n", count: max(0, statement.origin.line - 1))
                // The head line already has the message: keep the snippet up to the caret.
                let snippet = moved.rendered(source: padding + statement.text)
                if let caret = snippet.lastIndex(of: "^") {
                    lines.append(String(snippet[...caret]))
                } else {
                    lines.append(snippet)
                }
            }
            if case .undeclaredPrefix(let prefix) = syntax.reason {
                let known = (try? store.prefixes().map(\.prefix)) ?? []
                if let suggestion = Suggestions.closest(to: prefix, in: known) {
                    lines.append("hint: did you mean '\(suggestion):'? (.prefix lists the saved prefixes)")
                } else {
                    lines.append("hint: declare it first: PREFIX \(prefix): <…>")
                }
            }
        } else {
            var message: String
            switch error {
            case QueryError.cancelled: message = "cancelled; the store is unchanged"
            case ShellInterruption.updateRolledBack: message = "cancelled; the update was rolled back"
            default: message = "\(error)"
            }
            if message.hasPrefix("error: ") { message.removeFirst(7) }
            // After Ctrl-C the terminal shows ^C: start a line of our own.
            let interrupted = error is ShellInterruption || (error as? QueryError).map { if case .cancelled = $0 { true } else { false } } ?? false
            let lead = configuration.interactive && interrupted ? "\n" : ""
            lines.append(lead + place + palette.red + "error:" + palette.reset + " " + message)
        }
        errors.write(lines.joined(separator: "\n") + "\n")
    }
}

/// Ctrl-C during a statement.
enum ShellInterruption: Error {
    case updateRolledBack
}
