import ParleyRDF
import ParleyTestSupport
import Testing

/// Issue 9: `@prefix :` and prefix names longer than an LMDB key (511 bytes) failed to load with
/// `MDB_BAD_VALSIZE`. Every way a prefix reaches the store is run through the binary with the
/// empty name and a 600-byte one: Turtle files (`parley load`, `.load`), `.prefix` and PREFIX
/// lines at the prompt (`parley -c`, `parley run`, a script on standard input); then the saved
/// prefix is used by `parley query` and written by `parley export --format ttl`.
@Suite struct PrefixRegressionTests {
    /// A 600-byte prefix name: valid Turtle and SPARQL (PN_PREFIX has no length limit).
    static let long = String(repeating: "p", count: 600)

    /// The prefix names under test, by what they exercise.
    static let names = [(name: "", label: "empty"), (name: long, label: "600 bytes")]

    /// Three triples written with `name` as the prefix of <http://example.org/>.
    static func triples(_ name: String) -> String {
        "\(name):a \(name):b \(name):c .\n\(name):a \(name):name \"Ann\" .\n_:x \(name):b \(name):a .\n"
    }

    /// ``triples(_:)`` as a Turtle document that declares the prefix.
    static func turtle(_ name: String) -> String {
        "@prefix \(name): <http://example.org/> .\n" + triples(name)
    }

    /// The graph of ``turtle(_:)``.
    static let graph = [
        Quad(.iri("http://example.org/a"), .iri("http://example.org/b"), .iri("http://example.org/c")),
        Quad(.iri("http://example.org/a"), .iri("http://example.org/name"), .string("Ann")),
        Quad(.blank("x"), .iri("http://example.org/b"), .iri("http://example.org/a")),
    ]

    /// Checks what a store knows once `name` is saved for <http://example.org/>: `.prefix`
    /// lists it, `parley query` accepts it without a PREFIX line (bare patterns and SELECT), and,
    /// when the store holds ``graph``, `export --format ttl` writes it and loads back the same.
    static func expectSaved(_ name: String, in store: BinaryStore, holdsGraph: Bool = true) throws {
        let listed = try store.succeed("repl", ["-c", ".prefix"])
        #expect(listed.contains("PREFIX \(name): <http://example.org/>\n"), "\(listed.prefix(300))")
        guard holdsGraph else { return }
        let bare = try store.succeed("query", ["\(name):a ?p ?o"])
        #expect(bare == "?p\t?o\n<http://example.org/b>\t<http://example.org/c>\n<http://example.org/name>\t\"Ann\"\n")
        let select = try store.succeed("query", ["SELECT ?s WHERE { ?s \(name):b \(name):c }"])
        #expect(select == "?s\n<http://example.org/a>\n")

        let turtle = try store.succeed("export", ["--format", "ttl"])
        #expect(turtle.contains("@prefix \(name): <http://example.org/> .\n"))
        #expect(turtle.contains("\(name):a \(name):b \(name):c"), "\(turtle.suffix(400))")
        let copy = BinaryStore()
        try copy.succeed("load", ["--format", "ttl", "-"], input: turtle)
        #expect(GraphIsomorphism.areIsomorphic(try copy.exportedQuads(), graph))
        try expectSaved(name, in: copy, holdsGraph: false)
    }

    @Test("parley load saves a Turtle prefix; query and export --format ttl use it", arguments: names)
    func loadSavesPrefix(name: String, label: String) throws {
        let store = BinaryStore()
        let file = store.directory.write("data.ttl", Self.turtle(name))
        let load = try store.run("load", [file])
        #expect(load.status == 0, "\(label): \(load.stderr)")
        #expect(load.stderr.contains("loaded 3 new triples"), "\(load.stderr)")
        try Self.expectSaved(name, in: store)
    }

    @Test(".load at the prompt saves a Turtle prefix", arguments: names)
    func dotLoadSavesPrefix(name: String, label: String) throws {
        let store = BinaryStore()
        let file = store.directory.write("data.ttl", Self.turtle(name))
        let result = try store.run("repl", ["-c", ".load \(file)"])
        #expect(result.status == 0, "\(label): \(result.stderr)")
        try Self.expectSaved(name, in: store)
    }

    @Test(".prefix NAME IRI at the prompt saves the prefix (parley -c)", arguments: names)
    func dotPrefixWithDashC(name: String, label: String) throws {
        let store = BinaryStore()
        let result = try store.run("repl", ["-c", ".prefix \(name): <http://example.org/>"])
        #expect(result.status == 0, "\(label): \(result.stderr)")
        try store.succeed("update", ["INSERT DATA { \(Self.triples(name)) }"])
        try Self.expectSaved(name, in: store)
    }

    @Test(".prefix and PREFIX lines in a script save the prefix (parley run FILE)", arguments: names)
    func scriptPrefixes(name: String, label: String) throws {
        let store = BinaryStore()
        let script = store.directory.write("script.rq", """
            .prefix \(name): <http://example.org/>
            INSERT DATA { \(Self.triples(name)) }

            PREFIX \(name)x: <http://example.org/x/>
            ASK { ?s \(name)x:nothing ?o }

            """)
        let result = try store.run("run", [script])
        #expect(result.status == 0, "\(label): \(result.stderr)")
        #expect(result.stdout.hasSuffix("false\n"), "\(result.stdout.suffix(200))")
        try Self.expectSaved(name, in: store)
        #expect(try store.succeed("repl", ["-c", ".prefix"]).contains("PREFIX \(name)x: <http://example.org/x/>\n"))
    }

    @Test("a PREFIX line at the prompt saves the prefix (a script on standard input)", arguments: names)
    func prefixLineOnStandardInput(name: String, label: String) throws {
        let store = BinaryStore()
        let result = try store.run("repl", [], input: "PREFIX \(name): <http://example.org/>\n")
        #expect(result.status == 0, "\(label): \(result.stderr)")
        let later = try store.run("repl", [], input: "INSERT DATA { \(name):a \(name):b \(name):c }\n")
        #expect(later.status == 0, "the saved prefix is known in the next session: \(later.stderr)")
        try Self.expectSaved(name, in: store, holdsGraph: false)
    }
}
