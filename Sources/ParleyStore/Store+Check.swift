internal import ParleyLMDB
import ParleyRDF
#if canImport(Glibc)
import Glibc
#endif

extension Store {
    /// The named databases a store of this format holds.
    static let databaseNames = ["meta", "id2term", "term2id", "stats", "prefixes"] + QuadIndex.allCases.map(\.rawValue)
        + [GraphSubjects.name]

    /// Reads the whole store at `path` and reports its health: every page of every named
    /// database reachable and well-formed (walked with plain reads, so damage cannot crash the
    /// check), every permutation index holding the same quads, every term id resolving in both
    /// directions of the dictionary, the statistics equal to the counts, the format version.
    /// Opens nothing for writing and creates nothing.
    public static func check(path: String, options: Options = Options()) throws -> StoreHealth {
        try examine(path: path, options: options).health
    }

    /// The check, keeping what a repair needs.
    static func examine(path: String, options: Options) throws -> HealthCheck {
        var check = HealthCheck(health: StoreHealth(path: path))
        let audit: PageAudit
        do {
            guard let found = try PageAudit.run(directory: path) else {
                throw StoreError.cannotOpen(path: path, reason: "no store here (no data.mdb)")
            }
            audit = found
        } catch DataFileProblem.unreadable(let code) {
            throw StoreError.cannotOpen(path: path, reason: code == EACCES ? "permission denied" : String(cString: strerror(code)))
        } catch let problem as DataFileProblem {
            check.health.record("data file", StoreError.describe(problem), repairable: false)
            return check
        }
        check.health.pages = audit.freeTree.pages + audit.mainTree.pages + audit.databases.values.reduce(0) { $0 + $1.pages }
        check.health.record("page tree", audit.mainTree.problem ?? audit.freeTree.problem, repairable: false)
        guard audit.mainTree.problem == nil else { return check }
        for name in databaseNames {
            let part = partName(name)
            guard let tree = audit.databases[name] else {
                check.health.record(part, "the '\(name)' database is missing", repairable: false)
                continue
            }
            if let problem = tree.problem {
                check.health.record(part, "'\(name)' pages: \(problem)", repairable: isRebuildable(name))
                check.damagedPages.insert(name)
            }
        }
        guard !check.damagedPages.contains("meta"), audit.databases["meta"] != nil else { return check }
        var storeOptions = options
        storeOptions.readOnly = true
        let store: Store
        do {
            store = try Store(path: path, options: storeOptions)
        } catch {
            check.health.record("format", "\(error)", repairable: false)
            return check
        }
        check.health.formatVersion = formatVersion
        try store.readTransaction { txn in try store.examineContents(&check, in: txn) }
        return check
    }

    static func partName(_ database: String) -> String {
        if QuadIndex(rawValue: database) != nil || database == GraphSubjects.name { return "index \(database)" }
        return switch database {
        case "id2term", "term2id": "dictionary"
        case "stats": "statistics"
        case "meta": "format"
        default: database
        }
    }

    /// Indexes, the term-to-id direction and the statistics can be rebuilt from the rest.
    static func isRebuildable(_ database: String) -> Bool {
        QuadIndex(rawValue: database) != nil || database == GraphSubjects.name || database == "stats" || database == "term2id"
    }

    private func examineContents(_ check: inout HealthCheck, in txn: borrowing ReadTransaction) throws {
        for group in [QuadIndex.defaultGraphIndexes, QuadIndex.namedGraphIndexes] {
            try examineIndexes(group, &check, in: txn)
        }
        check.health.quads = check.truth.count
        try examineGraphSubjects(&check, in: txn)
        try examineDictionary(&check, in: txn)
        if !check.damagedPages.contains("stats") { try examineStatistics(&check, in: txn) } else {
            check.health.record("statistics", nil)
        }
    }

    /// Reads every readable permutation of `group` and takes as true the quads most of them
    /// hold; an index that differs is reported with its first differences.
    private func examineIndexes(_ group: [QuadIndex], _ check: inout HealthCheck, in txn: borrowing ReadTransaction) throws {
        var contents: [QuadIndex: [IDQuad]] = [:]
        for index in group where !check.damagedPages.contains(index.rawValue) {
            do {
                contents[index] = try readIndex(index, in: txn)
            } catch let error as IndexEntryError {
                check.health.record("index \(index.rawValue)", error.message)
                check.damagedIndexes.insert(index)
            }
        }
        for index in group where check.damagedPages.contains(index.rawValue) { check.damagedIndexes.insert(index) }
        let readable = contents.count
        guard readable > 0 else {
            for index in group { check.health.record("index \(index.rawValue)", "no permutation of its graphs is readable", repairable: false) }
            return
        }
        var all = contents.values.flatMap { $0 }
        all.sort(by: IDQuad.canonicalOrder)
        var agreed: [IDQuad] = []
        var i = 0
        while i < all.count {
            var j = i + 1
            while j < all.count && all[j] == all[i] { j += 1 }
            if 2 * (j - i) >= readable { agreed.append(all[i]) }
            i = j
        }
        for index in group {
            guard let held = contents[index] else { continue }
            let difference = QuadDifference(expected: agreed, found: held)
            if let problem = difference.description {
                check.health.record("index \(index.rawValue)", problem)
                check.damagedIndexes.insert(index)
            } else {
                check.health.record("index \(index.rawValue)", nil)
            }
        }
        check.truth += agreed
    }

    /// `gs` against the graph and subject pairs of the agreed named-graph quads.
    private func examineGraphSubjects(_ check: inout HealthCheck, in txn: borrowing ReadTransaction) throws {
        let part = "index \(GraphSubjects.name)"
        guard !check.damagedPages.contains(GraphSubjects.name) else {
            check.damagedGraphSubjects = true
            return
        }
        let held: [GraphSubjectPair]
        do {
            held = try readGraphSubjects(in: txn)
        } catch let error as IndexEntryError {
            check.health.record(part, error.message)
            check.damagedGraphSubjects = true
            return
        }
        let expected = Self.graphSubjectPairs(check.truth)
        let missing = Set(expected).subtracting(held), extra = Set(held).subtracting(expected)
        guard !missing.isEmpty || !extra.isEmpty else {
            check.health.record(part, nil)
            return
        }
        var parts: [String] = []
        if let first = missing.min(by: GraphSubjectPair.precedes) {
            parts.append("\(grouped(missing.count)) graph and subject pair\(missing.count == 1 ? "" : "s") missing (first: subject \(first.subject) in graph \(first.graph))")
        }
        if let first = extra.min(by: GraphSubjectPair.precedes) {
            parts.append("\(grouped(extra.count)) without quads (first: subject \(first.subject) in graph \(first.graph))")
        }
        check.health.record(part, parts.joined(separator: ", "))
        check.damagedGraphSubjects = true
    }

    /// All quads of one index, in canonical order.
    private func readIndex(_ index: QuadIndex, in txn: borrowing ReadTransaction) throws -> [IDQuad] {
        var quads: [IDQuad] = []
        try txn.withCursor(databases[index]) { cursor in
            var entry = try cursor.move(.first)
            while let e = entry {
                guard e.key.count == 8, e.value.count == index.valueSize else {
                    throw IndexEntryError(message: "an entry has a \(e.key.count)-byte key and a \(e.value.count)-byte value")
                }
                let a = IDBytes.load(e.key, at: 0)
                let (b, c, d) = index.loadValue(e.value)
                let quad = index.unpermute(a, b, c, d)
                guard quad.subject != 0, quad.predicate != 0, quad.object != 0, index.isDefaultGraph || quad.graph != 0 else {
                    throw IndexEntryError(message: "an entry holds term id 0")
                }
                quads.append(quad)
                entry = try cursor.next()
            }
        }
        quads.sort(by: IDQuad.canonicalOrder)
        return quads
    }

    /// Both directions of the dictionary, and every id the quads use.
    private func examineDictionary(_ check: inout HealthCheck, in txn: borrowing ReadTransaction) throws {
        let forward = !check.damagedPages.contains("id2term"), backward = !check.damagedPages.contains("term2id")
        guard forward else {
            check.health.record("dictionary", nil, repairable: false)
            return
        }
        var problems: [String] = []
        var known = Set<TermID>()
        var maxID: TermID = 0
        try txn.withCursor(databases.id2term) { cursor in
            var entry = try cursor.move(.first)
            while let e = entry {
                guard e.key.count == 8 else { problems.append("an id2term key has \(e.key.count) bytes"); break }
                let id = e.key.loadUnaligned(as: UInt64.self)
                known.insert(id)
                maxID = max(maxID, id)
                if TermEncoding.decode(e.value) == nil { problems.append("term id \(id) does not decode") }
                if backward {
                    let hash = TermHash.hash(e.value)
                    if try !pairExists(databases.term2id, key: hash.bigEndian, value: id.bigEndian, in: txn) {
                        problems.append("term id \(id) is missing from term2id")
                    }
                }
                entry = try cursor.next()
            }
        }
        check.health.terms = known.count
        check.knownTerms = known
        if backward {
            let reverse = try txn.statistics(databases.term2id).entries
            if reverse != known.count { problems.append("term2id holds \(reverse) ids, id2term \(known.count)") }
        }
        let next = try metaCounter(MetaKey.nextID, in: txn, default: 1)
        if maxID >= next { problems.append("the id counter (\(next)) is not above the largest id (\(maxID))") }
        var unknown = 0
        var firstUnknown: TermID?
        for quad in check.truth {
            for id in [quad.subject, quad.predicate, quad.object, quad.graph] where id != 0 && !known.contains(id) {
                unknown += 1
                if firstUnknown == nil { firstUnknown = id }
            }
        }
        if let firstUnknown {
            problems.append("quads use \(unknown) term ids missing from the dictionary (first: \(firstUnknown))")
            check.unknownTerms = true
        }
        check.term2idDamaged = !backward || problems.contains { $0.contains("term2id") }
        check.counterBehind = maxID >= next
        let fixable = problems.allSatisfy { $0.contains("term2id") || $0.contains("id counter") }
        let problem = problems.first.map { problems.count > 1 ? "\($0) (and \(problems.count - 1) more)" : $0 }
        check.health.record("dictionary", problem, repairable: fixable && !check.unknownTerms)
    }

    private func pairExists(_ database: Database, key: UInt64, value: UInt64, in txn: borrowing ReadTransaction) throws -> Bool {
        var k = key, v = value
        return try withUnsafeBytes(of: &k) { keyBytes in
            try withUnsafeBytes(of: &v) { valueBytes in
                try txn.withCursor(database) { try $0.move(.keyAndValue, key: keyBytes, value: valueBytes) != nil }
            }
        }
    }

    /// The `stats` records against counts of the agreed quads.
    private func examineStatistics(_ check: inout HealthCheck, in txn: borrowing ReadTransaction) throws {
        let expected = StatisticCounts(check.truth, unionDuplicates: (try? keepsUnionDuplicates(in: txn)) ?? false).records
        var stored: [[UInt8]: UInt64] = [:]
        try txn.withCursor(databases.stats) { cursor in
            var entry = try cursor.move(.first)
            while let e = entry {
                stored[Array(e.key)] = e.value.count == 8 ? IDBytes.load(e.value, at: 0) : UInt64.max
                entry = try cursor.next()
            }
        }
        let wrong = Set(expected.keys).union(stored.keys).filter { expected[$0] != stored[$0] }
        guard let first = wrong.sorted(by: { $0.lexicographicallyPrecedes($1) }).first else {
            check.health.record("statistics", nil)
            return
        }
        check.damagedStatistics = true
        check.health.record("statistics", "\(wrong.count) count\(wrong.count == 1 ? "" : "s") differ from the quads (first: \(StatisticCounts.describe(first)) is \(stored[first].map(String.init) ?? "missing"), should be \(expected[first].map(String.init) ?? "absent"))")
    }
}

/// The state of a check, with what a repair needs: the agreed quads and what is damaged.
struct HealthCheck {
    var health: StoreHealth
    var damagedPages: Set<String> = []
    var damagedIndexes: Set<QuadIndex> = []
    /// `gs` is damaged or differs from the agreed quads.
    var damagedGraphSubjects = false
    var damagedStatistics = false
    var term2idDamaged = false
    var unknownTerms = false
    var counterBehind = false
    var knownTerms: Set<TermID>?
    /// The quads most readable permutations hold, default graph then named graphs.
    var truth: [IDQuad] = []
}

/// An index entry that cannot be a quad.
struct IndexEntryError: Error { var message: String }

/// How an index's quads differ from the agreed ones, for the summary.
struct QuadDifference {
    var missing = 0, extra = 0
    var firstMissing: IDQuad?, firstExtra: IDQuad?

    /// Both arrays in canonical order.
    init(expected: [IDQuad], found: [IDQuad]) {
        var i = 0, j = 0
        while i < expected.count || j < found.count {
            if j == found.count || (i < expected.count && IDQuad.canonicalOrder(expected[i], found[j])) {
                missing += 1
                if firstMissing == nil { firstMissing = expected[i] }
                i += 1
            } else if i == expected.count || IDQuad.canonicalOrder(found[j], expected[i]) {
                extra += 1
                if firstExtra == nil { firstExtra = found[j] }
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
    }

    var description: String? {
        guard missing + extra > 0 else { return nil }
        var parts: [String] = []
        if let firstMissing { parts.append("\(grouped(missing)) quad\(missing == 1 ? "" : "s") missing (first: \(firstMissing.idText))") }
        if let firstExtra { parts.append("\(grouped(extra)) not in the other permutations (first: \(firstExtra.idText))") }
        return parts.joined(separator: ", ")
    }
}

/// The `stats` records the quads call for.
struct StatisticCounts {
    var records: [[UInt8]: UInt64] = [:]

    /// With `unionDuplicates`, also the count of quads whose triple another graph holds too
    /// (for a store that keeps it).
    init(_ quads: [IDQuad], unionDuplicates: Bool) {
        for quad in quads {
            records[StatisticKey.predicate(quad.predicate), default: 0] += 1
            records[quad.graph == 0 ? StatisticKey.defaultGraph : StatisticKey.graph(quad.graph), default: 0] += 1
        }
        guard unionDuplicates else { return }
        let triples = Set(quads.lazy.map { IDQuad($0.subject, $0.predicate, $0.object) })
        // Like every count, absent when 0.
        if quads.count > triples.count { records[StatisticKey.unionDuplicates] = UInt64(quads.count - triples.count) }
    }

    static func describe(_ key: [UInt8]) -> String {
        guard let kind = key.first else { return "an empty key" }
        let id = key.count == 9 ? key.withUnsafeBytes { IDBytes.load(UnsafeRawBufferPointer(rebasing: $0[1...]), at: 0) } : 0
        return switch kind {
        case 0x01: "the count of predicate \(id)"
        case 0x02: "the count of graph \(id)"
        case 0x03: "the default graph's count"
        case 0x04: "the union duplicates (triples in more than one graph)"
        default: "a record of unknown kind \(kind)"
        }
    }
}

extension IDQuad {
    /// Graph, subject, predicate, object.
    static func canonicalOrder(_ l: IDQuad, _ r: IDQuad) -> Bool {
        if l.graph != r.graph { return l.graph < r.graph }
        if l.subject != r.subject { return l.subject < r.subject }
        if l.predicate != r.predicate { return l.predicate < r.predicate }
        return l.object < r.object
    }

    var idText: String { "ids \(subject) \(predicate) \(object)" + (graph == 0 ? "" : " in graph \(graph)") }
}
