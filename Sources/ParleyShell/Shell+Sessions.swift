import ParleyOperations
import ParleyQuery
import ParleyStore
#if canImport(Glibc)
import Glibc
#endif

extension Shell {
    /// Runs the statements of a script; stops early after `.quit`, or at an error with `--bail`.
    public func runScript(text: String, name: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if text.hasSuffix("\n") { lines.removeLast() }
        runLines(lines, name: name)
    }

    /// Runs a script file given on the command line (`parley run FILE`).
    public func runScript(path: String) {
        do {
            try read(path)
        } catch {
            failures += 1
            report(error, in: Statement(kind: .command, text: ".read \(path)", origin: SourceOrigin(file: path, line: 0)))
        }
    }

    /// Runs standard input as a script, line by line as it arrives (`echo … | parley`).
    public func runStandardInput() {
        runLines(AnyIterator { Swift.readLine(strippingNewline: true) }, name: "<stdin>")
    }

    /// Whether runners should stop: `.quit`, or an error under `--bail`.
    var shouldStop: Bool { quitRequested || bailed }

    func runLines<Lines: Sequence<String>>(_ lines: Lines, name: String) {
        var splitter = StatementSplitter(mode: .script, file: name)
        for line in lines {
            for statement in splitter.feed(line) {
                execute(statement)
                if shouldStop { return }
            }
        }
        if let statement = splitter.finish() { execute(statement) }
    }

    /// The banner: the store, its size, and how to get help or leave.
    func banner() -> String {
        var size = ""
        if let stats = try? store.statistics() {
            size = " (\(grouped(stats.quads)) triple\(stats.quads == 1 ? "" : "s"), \(Self.bytes(stats.bytesOnDisk)))"
        }
        return palette.bold + "parley" + palette.reset + " on \(store.path)\(size)\n"
            + palette.dim + "Type SPARQL or triple patterns like ?who pv:advocates ?what; .help for commands, .quit to leave." + palette.reset + "\n"
    }

    static func bytes(_ n: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(n) bytes" : "\(formatDecimal(value, decimals: 1)) \(units[unit])"
    }

    /// The prompt: reads lines with libedit until `.quit` or Ctrl-D. Ctrl-C cancels the
    /// running statement, or clears the line being typed.
    public func runInteractive(editor: LineEditor) {
        Interrupts.install()
        errors.write(banner())
        let context = CompletionContext.shared
        let engineStore = store
        context.state.withLock { state in
            state.completer = nil
            state.makeCompleter = {
                let vocabulary = (try? StoreVocabulary.load(from: QueryEngine(store: engineStore)))
                    ?? StoreVocabulary(prefixes: (try? engineStore.prefixes()) ?? [])
                return Completer(vocabulary: vocabulary)
            }
        }
        var splitter = StatementSplitter(mode: .interactive, file: nil)
        while !quitRequested {
            Interrupts.pressed.reset()
            context.state.withLock { $0.pending = splitter.pendingText }
            let prompt = splitter.isPending ? "   ...> " : "parley> "
            guard let line = editor.readLine(prompt: prompt) else {
                if Interrupts.pressed.isCancelled {
                    // Ctrl-C while typing: drop the line (and any unfinished statement).
                    splitter.reset()
                    errors.write("^C\n")
                    continue
                }
                errors.write("\n")
                break
            }
            for statement in splitter.feed(line) {
                editor.addHistory(statement.text)
                let generation = storeGeneration
                execute(statement)
                if storeGeneration != generation {
                    // The store may have changed: completion reads it again when next needed.
                    context.state.withLock { $0.completer = nil }
                }
                if quitRequested { break }
            }
        }
        editor.save()
    }
}
