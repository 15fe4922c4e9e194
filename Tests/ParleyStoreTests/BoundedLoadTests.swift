import Testing
import ParleyRDF
@testable import ParleyStore
import ParleyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A load that spills many tiny sorted runs and term batches leaves exactly the store an
/// in-memory load leaves: same quads in the same order (so a byte-identical export), same
/// ids, statistics, prefixes and report, into empty and non-empty stores.
@Suite struct BoundedLoadTests {
    /// Input documents: N-Triples with duplicates and blank nodes, Turtle with prefixes and
    /// anonymous nodes, N-Quads with named graphs.
    static func documents(_ dir: TemporaryDirectory, tag: String, count: Int) throws -> [LoadSource] {
        var nt = ""
        for i in 0..<count {
            nt += "<http://ex.org/\(tag)/s\(i % 997)> <http://ex.org/p\(i % 7)> <http://ex.org/\(tag)/o\(i % 1499)> .\n"
            if i % 5 == 0 { nt += "<http://ex.org/\(tag)/s\(i % 997)> <http://ex.org/p\(i % 7)> <http://ex.org/\(tag)/o\(i % 1499)> .\n" }
            if i % 3 == 0 { nt += "_:b\(i % 50) <http://ex.org/name> \"n\(i % 311)\" .\n" }
            if i % 11 == 0 { nt += "<http://ex.org/\(tag)/s\(i)> <http://ex.org/label> \"label \(i)\"@en .\n" }
        }
        var ttl = "@prefix ex\(tag): <http://ex.org/\(tag)/ttl/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        for i in 0..<(count / 4) {
            ttl += "ex\(tag):t\(i % 400) ex\(tag):knows [ ex\(tag):age \"\(i % 90)\"^^xsd:integer ] ; ex\(tag):list (1 \"x\") .\n"
        }
        var nq = ""
        for i in 0..<(count / 2) {
            nq += "<http://ex.org/\(tag)/q\(i % 300)> <http://ex.org/p\(i % 5)> _:c\(i % 40) <http://ex.org/g\(i % 3)> .\n"
            nq += "<http://ex.org/\(tag)/q\(i % 300)> <http://ex.org/p\(i % 4)> \"v\(i % 77)\" .\n"
        }
        let files = [("a.nt", nt, RDFSyntax.nt), ("b.ttl", ttl, .ttl), ("c.nq", nq, .nq), ("d.nt", nt, .nt)]
        return try files.map { name, text, syntax in
            let path = dir.child("\(tag)-\(name)")
            try text.write(toFile: path)
            return LoadSource.file(path, syntax: syntax)
        }
    }

    /// Everything a load leaves, in the order the store gives it.
    struct Contents: Equatable {
        var quads: [Quad]
        var prefixes: [String]
        var quadCount: Int
        var terms: Int
        var predicates: Int
    }

    /// Turtle gives anonymous nodes a random label per parser: the exported quads with blank
    /// nodes renamed in order of first appearance, which is exact when the order is the same.
    static func contents(_ store: Store) throws -> Contents {
        var quads: [Quad] = []
        var names: [String: String] = [:]
        func renamed(_ term: Term) -> Term {
            guard case .blank(let label) = term else { return term }
            if let name = names[label] { return .blank(name) }
            let name = "n\(names.count)"
            names[label] = name
            return .blank(name)
        }
        try store.export(.allQuads) {
            if let q = $0.decoded() {
                quads.append(Quad(renamed(q.subject), q.predicate, renamed(q.object), graph: q.graph.map(renamed)))
            }
        }
        let stats = try store.statistics()
        return Contents(quads: quads, prefixes: try store.prefixes().map { "\($0.prefix)=\($0.iri)" },
                        quadCount: stats.quads, terms: stats.terms, predicates: stats.distinctPredicates)
    }

    /// Loads `tags` one load each into a fresh store; the last load with `options`.
    static func load(_ dir: TemporaryDirectory, name: String, tags: [String], count: Int,
                     options last: LoadOptions) throws -> (Contents, LoadReport, Store) {
        let store = try Store(path: dir.child(name))
        var report = LoadReport()
        for (i, tag) in tags.enumerated() {
            let sources = try documents(dir, tag: tag, count: count)
            report = try store.load(sources, options: i == tags.count - 1 ? last : LoadOptions())
        }
        return (try contents(store), report, store)
    }

    static var tiny: LoadOptions {
        var options = LoadOptions()
        options.sortRunBytes = 4 << 10
        options.termBatchBytes = 16 << 10
        return options
    }

    @Test("spilled runs and term batches give the in-memory load's store, into empty and non-empty stores",
          arguments: [["x"], ["x", "y"], ["x", "x"]])
    func sameStore(tags: [String]) throws {
        let dir = TemporaryDirectory()
        let (memory, memoryReport, _) = try Self.load(dir, name: "memory", tags: tags, count: 3_000, options: LoadOptions())
        let (spilled, spilledReport, store) = try Self.load(dir, name: "spilled", tags: tags, count: 3_000, options: Self.tiny)
        #expect(memoryReport.sortedRuns == 0)
        #expect(memoryReport.termBatches <= 1)
        #expect(spilledReport.sortedRuns > 20)
        #expect(tags.count > 1 && tags[0] == tags[1] || spilledReport.termBatches > 5)
        #expect(spilled.quads.count == memory.quads.count)
        let firstDifference = spilled.quads.indices.first { $0 < memory.quads.count && spilled.quads[$0] != memory.quads[$0] }
        #expect(firstDifference == nil, "quad \(firstDifference ?? 0): \(firstDifference.map { "\(spilled.quads[$0]) against \(memory.quads[$0])" } ?? "")")
        #expect(spilled.prefixes == memory.prefixes)
        #expect(spilled.quadCount == memory.quadCount)
        #expect(spilled.terms == memory.terms)
        #expect(spilled.predicates == memory.predicates)
        #expect(spilledReport.quadsRead == memoryReport.quadsRead)
        #expect(spilledReport.quadsAdded == memoryReport.quadsAdded)
        #expect(spilledReport.termsAdded == memoryReport.termsAdded)
        let health = try Store.check(path: store.path)
        #expect(health.isHealthy, "\(health.summary)")
    }

    @Test("a spilling load leaves no temporary files beside the store")
    func noLeftovers() throws {
        let dir = TemporaryDirectory()
        _ = try Self.load(dir, name: "spilled", tags: ["x"], count: 2_000, options: Self.tiny)
        #expect(Set(try Self.entries(dir.child("spilled"))) == ["data.mdb", "lock.mdb"])
    }

    @Test("a spilling load that fails leaves the store as it was and no temporary files")
    func failureLeavesNothing() throws {
        let dir = TemporaryDirectory()
        let (before, _, store) = try Self.load(dir, name: "db", tags: ["x"], count: 1_000, options: LoadOptions())
        var sources = try Self.documents(dir, tag: "y", count: 2_000)
        let bad = dir.child("bad.nt")
        try "<http://ex.org/a> <http://ex.org/b> .\n".write(toFile: bad)
        sources.append(LoadSource.file(bad, syntax: .nt))
        #expect(throws: RDFSyntaxError.self) { try store.load(sources, options: Self.tiny) }
        #expect(try Self.contents(store) == before)
        #expect(Set(try Self.entries(dir.child("db"))) == ["data.mdb", "lock.mdb"])
    }

    static func entries(_ path: String) throws -> [String] {
        guard let handle = opendir(path) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

extension String {
    /// Writes the string to a file, or throws.
    func write(toFile path: String) throws {
        guard let file = fopen(path, "w") else { throw POSIXFailure(code: errno) }
        defer { fclose(file) }
        let bytes = Array(utf8)
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw POSIXFailure(code: errno) }
    }
}

struct POSIXFailure: Error { var code: Int32 }
