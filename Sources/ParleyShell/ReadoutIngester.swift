// TEMPORARY: stands in for the readout ingester of issue 5 until it lands; drop this file's commit.
import ParleyStore

/// Stand-in for `ParleyExtraction.Lexicon`.
public struct Lexicon {}

public struct IngestReport: Sendable {
    public var slug: String
    public var graph: String
    public var facts: Int
    public var quads: Int
    public var replaced: Int
}

public struct ReadoutIngester {
    public init(store: Store, lexicon: Lexicon) {}

    public static func defaultLexicon() throws -> Lexicon { throw NotYetAvailable() }

    public func ingest(path: String) throws -> IngestReport { throw NotYetAvailable() }

    public static func readoutFiles(in path: String) throws -> [String] { throw NotYetAvailable() }

    struct NotYetAvailable: Error, CustomStringConvertible {
        var description: String { "readout ingestion is not in this build yet (issue 5)" }
    }
}
