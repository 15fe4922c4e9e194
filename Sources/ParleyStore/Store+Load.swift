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
    /// Sorted runs spilled to temporary files (0: the load fitted its memory budget whole).
    public var sortedRuns = 0
    /// Batches of new terms written to the dictionary during the load (at least 1 when any).
    public var termBatches = 0
}

/// How a load places its data.
public struct LoadOptions: Sendable {
    /// Put default-graph triples of the input into this named graph instead.
    public var graph: Term?
    /// Called now and then with the number of quads read so far.
    public var progress: (@Sendable (Int) -> Void)?
    /// The inputs' size when known (uncompressed estimate), to grow the map once up front.
    public var expectedInputBytes: Int
    /// The process's anonymous memory the load may use, whatever the input's size: terms are
    /// written to the dictionary in batches and quads sorted in runs that fit, spilled to
    /// temporary files beside the store and merged. Default 1 GiB.
    public var memoryBudget: Int
    /// Overrides the bytes of one sorted run (normally from ``memoryBudget``): tests force
    /// many tiny runs with it.
    public var sortRunBytes: Int?
    /// Overrides the bytes of one term batch (normally from ``memoryBudget``).
    public var termBatchBytes: Int?

    /// The default memory budget: 1 GiB.
    public static let defaultMemoryBudget = 1 << 30
    /// The least budget a load can keep to: LMDB's dirty pages and the program (560 MiB), plus
    /// the least room for terms and runs (48 MiB).
    public static let minimumMemoryBudget = LoadBudget.reserved + LoadBudget.minimumWork

    public init(graph: Term? = nil, progress: (@Sendable (Int) -> Void)? = nil, expectedInputBytes: Int = 0,
                memoryBudget: Int = LoadOptions.defaultMemoryBudget) {
        self.graph = graph
        self.progress = progress
        self.expectedInputBytes = expectedInputBytes
        self.memoryBudget = memoryBudget
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
    /// Memory stays within ``LoadOptions/memoryBudget``: terms are interned in batches that
    /// are written to the dictionary when full, quads sorted in runs spilled to unlinked
    /// temporary files in the store's directory, and each index gets the merge of its runs,
    /// appended (`MDB_APPEND` into an empty index) or put in key order. If the map must grow
    /// the whole load runs again.
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

