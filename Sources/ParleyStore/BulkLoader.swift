internal import ParleyLMDB
import ParleyRDF

/// What one load did.
public struct LoadReport: Sendable {
    /// Quads read from the input (duplicates included).
    public var quadsRead = 0
    /// Quads that were new to the store.
    public var quadsAdded = 0
    /// Terms new to the store.
    public var termsAdded = 0
}

/// How a load places its data.
public struct LoadOptions: Sendable {
    /// Put default-graph triples of the input into this named graph instead.
    public var graph: Term?
    /// Called now and then with the number of quads read so far.
    public var progress: (@Sendable (Int) -> Void)?
    /// The inputs' size when known (uncompressed estimate), to grow the map once up front.
    public var expectedInputBytes: Int

    public init(graph: Term? = nil, progress: (@Sendable (Int) -> Void)? = nil, expectedInputBytes: Int = 0) {
        self.graph = graph
        self.progress = progress
        self.expectedInputBytes = expectedInputBytes
    }
}

/// One input of a load: a name for messages and a way to make its reader.
public struct LoadSource {
    /// The file name (or another label) that errors name.
    public var name: String
    /// Makes a fresh reader over the input; may be called again if the load restarts.
    public var makeReader: () throws -> any QuadReader
    /// Prefixes the document declared, asked for after it was read (Turtle's `@prefix`).
    public var prefixes: () -> [(prefix: String, iri: String)]

    public init(name: String, makeReader: @escaping () throws -> any QuadReader,
                prefixes: @escaping () -> [(prefix: String, iri: String)] = { [] }) {
        self.name = name
        self.makeReader = makeReader
        self.prefixes = prefixes
    }
}

extension Store {
    /// Loads every quad of every source in ONE write transaction: a syntax error anywhere
    /// loads nothing, and the error names its source. Blank nodes get labels unique to their
    /// document and load, so two documents never share a blank node. Declared prefixes are
    /// saved where not yet bound.
    ///
    /// Terms are interned in memory, then each index is sorted and appended (`MDB_APPEND` into
    /// an empty index) or merged. If the map must grow the whole load runs again.
    @discardableResult
    public func load(_ sources: [LoadSource], options: LoadOptions = LoadOptions()) throws -> LoadReport {
        if options.expectedInputBytes > 0 {
            // About 100 bytes stored per 150 bytes of N-Triples; leave room for a copy-on-write
            // of the touched pages too.
            try environment.reserve(atLeast: environment.usedBytes * 2 + options.expectedInputBytes * 2)
        }
        return try writeTransaction { txn in
            var loader = try BulkLoader(store: self, txn: txn, options: options)
            for source in sources {
                try loader.beginDocument(txn: txn)
                var reader = try source.makeReader()
                do {
                    try reader.read { quad in try loader.add(quad, txn: txn) }
                } catch let error as RDFSyntaxError where error.file == nil {
                    throw error.inFile(source.name)
                }
            }
            let report = try loader.finish(txn: txn)
            for source in sources {
                for (prefix, iri) in source.prefixes() { try savePrefix(prefix, iri: iri, overwrite: false, in: txn) }
            }
            return report
        }
    }

    /// Loads the quads of one reader (see ``load(_:options:)``).
    @discardableResult
    public func load(_ makeReader: @escaping () throws -> any QuadReader, options: LoadOptions = LoadOptions()) throws -> LoadReport {
        try load([LoadSource(name: "input", makeReader: makeReader)], options: options)
    }
}

/// One load in progress inside a write transaction.
struct BulkLoader {
    let store: Store
    let options: LoadOptions
    var interner = TermInterner()
    var quads: [IDQuad] = []
    var nextID: TermID
    let storeHasTerms: Bool
    var blankPrefix: [UInt8] = []
    var serial: UInt64
    var scratch: [UInt8] = []
    var graphID: TermID = 0
    var report = LoadReport()

    init(store: Store, txn: borrowing WriteTransaction, options: LoadOptions) throws {
        self.store = store
        self.options = options
        nextID = try store.metaCounter(MetaKey.nextID, in: txn, default: 1)
        storeHasTerms = nextID > 1
        serial = try store.metaCounter(MetaKey.loadSerial, in: txn, default: 0)
        quads.reserveCapacity(1 << 16)
        if let graph = options.graph {
            let bytes = TermEncoding.encode(graph)
            graphID = try bytes.withUnsafeBytes { try intern($0, txn: txn) }
        }
    }

    /// Starts a new document: its blank node labels are its own.
    mutating func beginDocument(txn: borrowing WriteTransaction) throws {
        serial += 1
        try store.setMetaCounter(MetaKey.loadSerial, serial, in: txn)
        blankPrefix = Array("b\(String(serial, radix: 36))_".utf8)
    }

    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer, txn: borrowing WriteTransaction) throws -> TermID {
        if bytes.first == TermEncoding.blank && !blankPrefix.isEmpty {
            // A blank node label is local to its document: give it a store-unique label.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(TermEncoding.blank)
            scratch.append(contentsOf: blankPrefix)
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[1...]))
            let copy = scratch
            return try copy.withUnsafeBytes { try internExact($0, txn: txn) }
        }
        return try internExact(bytes, txn: txn)
    }

    @inline(__always)
    private mutating func internExact(_ bytes: UnsafeRawBufferPointer, txn: borrowing WriteTransaction) throws -> TermID {
        let dictionary = store.dictionary
        let hasTerms = storeHasTerms
        var next = nextID
        defer { nextID = next }
        return try interner.intern(bytes) { bytes, hash in
            if hasTerms, let existing = try dictionary.id(of: bytes, hash: hash, in: txn) {
                return (existing, false)
            }
            let id = next
            next += 1
            return (id, true)
        }
    }

    mutating func add(_ quad: EncodedQuad, txn: borrowing WriteTransaction) throws {
        let s = try intern(quad.subject, txn: txn)
        let p = try intern(quad.predicate, txn: txn)
        let o = try intern(quad.object, txn: txn)
        let g = try quad.graph.map { try intern($0, txn: txn) } ?? graphID
        quads.append(IDQuad(s, p, o, graph: g))
        if quads.count & 0xFFFF == 0 { options.progress?(quads.count) }
    }

    mutating func finish(txn: borrowing WriteTransaction) throws -> LoadReport {
        report.quadsRead = quads.count
        try writeNewTerms(txn: txn)
        try store.setMetaCounter(MetaKey.nextID, nextID, in: txn)

        var defaultGraph: [IDQuad] = []
        var named: [IDQuad] = []
        for q in quads {
            if q.graph == 0 { defaultGraph.append(q) } else { named.append(q) }
        }
        quads = []
        let writer = IndexWriter(store: store)
        let addedDefault = try writer.insert(&defaultGraph, into: QuadIndex.defaultGraphIndexes, txn: txn)
        let addedNamed = try writer.insert(&named, into: QuadIndex.namedGraphIndexes, txn: txn)
        try writer.updateStatistics(added: defaultGraph, named: named, txn: txn)
        report.quadsAdded = addedDefault + addedNamed
        return report
    }

    private mutating func writeNewTerms(txn: borrowing WriteTransaction) throws {
        let dictionary = store.dictionary
        let append = true  // new ids are above every stored id, and come in order
        var hashed: [(hash: UInt64, id: TermID)] = []
        hashed.reserveCapacity(interner.count)
        try interner.forEachNew { bytes, hash, id in
            var key = id
            try withUnsafeBytes(of: &key) { k in
                _ = try txn.put(dictionary.id2term, key: k, value: bytes, flags: append ? .append : [])
            }
            hashed.append((hash, id))
        }
        report.termsAdded = hashed.count
        hashed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.id < $1.id }
        let emptyIndex = !storeHasTerms
        try txn.withCursor(dictionary.term2id) { cursor in
            var key: UInt64 = 0
            var value: UInt64 = 0
            for entry in hashed {
                key = entry.hash.bigEndian
                value = entry.id.bigEndian
                try withUnsafeBytes(of: &key) { k in
                    try withUnsafeBytes(of: &value) { v in
                        _ = try cursor.put(key: k, value: v, flags: emptyIndex ? [.append, .appendDuplicate] : [])
                    }
                }
            }
        }
    }
}
