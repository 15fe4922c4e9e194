internal import ParleyLMDB
import ParleyRDF
#if canImport(Glibc)
import Glibc
#endif

/// Why a store operation failed, as data; ``diagnostic`` words it in the user's terms.
public enum StoreError: DiagnosticError, Sendable {
    /// The directory holds files but no Parley store.
    case notAStore(path: String, reason: String)
    /// The store was written by another format version of Parley.
    case formatVersion(path: String, found: UInt32, expected: UInt32)
    /// The directory could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The store's contents contradict themselves (a missing term, a malformed record);
    /// thrown where the store's path is not at hand, and given it by ``Store/read(_:)``.
    case corrupt(String)
    /// The store at `path` contradicts itself: `what` says how.
    case inconsistent(path: String, what: String)
    /// `data.mdb` was found unusable at open, before LMDB mapped it; `problem` says how.
    case damaged(path: String, problem: String)
    /// An LMDB call failed on the store at `path`.
    case storage(StorageFailure, path: String)
    /// The store is opened read-only and a write was asked for.
    case readOnly(path: String)
    /// A backup could not be written to `destination`.
    case cannotBackUp(destination: String, reason: String)
    /// A ``StoreSnapshot`` (or a scan opened from it) was used after the closure it was lent
    /// to had returned: a bug in the caller, caught before it reads an ended transaction.
    case snapshotClosed
    /// A load's sorted runs could not be written to or read from the temporary files beside
    /// the store at `path` (the load changed nothing).
    case cannotSpill(path: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .notAStore(let path, let reason):
            Diagnostic("not a Parley store (\(reason))", source: path)
        case .formatVersion(let path, let found, let expected) where found < expected && found >= 1:
            Diagnostic("store format version \(found) is older than this parley's (version \(expected)) and was opened read-only; open it once with write access to upgrade it in place (for example 'parley stats --db \(path)')", source: path)
        case .formatVersion(let path, let found, let expected):
            Diagnostic("store format version \(found) is not supported by this parley (it reads version \(expected)); export it with the parley that wrote it and load it again", source: path)
        case .cannotOpen(let path, let reason):
            Diagnostic("cannot open store: \(reason)", source: path)
        case .corrupt(let what):
            Diagnostic("store is damaged: \(what); run 'parley check'")
        case .inconsistent(let path, let what):
            Diagnostic("store \(path) is damaged: \(what); run 'parley check --db \(path)'")
        case .damaged(_, let problem):
            Diagnostic("store is damaged: \(problem); restore it from a backup")
        case .storage(let failure, let path):
            Diagnostic(storageMessage(failure.error, path: path))
        case .readOnly(let path):
            Diagnostic("store is read-only; cannot write", source: path)
        case .cannotBackUp(let destination, let reason):
            Diagnostic("cannot write the backup here: \(reason)", source: destination)
        case .snapshotClosed:
            Diagnostic("a store snapshot was used after its read or write had ended")
        case .cannotSpill(let path, let reason):
            Diagnostic("cannot write the load's temporary files beside the store: \(reason); nothing was changed", source: path)
        }
    }

    private func storageMessage(_ error: LMDBError, path: String) -> String {
        if error.isDamage {
            return "store \(path) is damaged: \(Self.part(error.database)) cannot be read (\(error)); run 'parley check --db \(path)'"
        }
        return switch error.code {
        case .noSpace: "no space left on device while writing the store; nothing was changed"
        case .ioError: "writing the store failed (input/output error; is the disk full?); nothing was changed"
        case .permissionDenied, .readOnlyFileSystem: "store is not writable (\(error)); nothing was changed"
        default: "store \(path): \(error); if this persists, run 'parley check --db \(path)'"
        }
    }

    /// What a damaged data file looks like, in a user's terms.
    static func describe(_ problem: DataFileProblem) -> String {
        switch problem {
        case .truncated(let size, let end):
            "data.mdb is \(grouped(size)) bytes but its data ends at \(grouped(end)) bytes"
        case .headerTruncated(let size):
            "data.mdb is \(grouped(size)) bytes, cut short inside its first header page"
        case .headerPageDamaged(let page):
            "header page \(page) of data.mdb is overwritten"
        case .notLMDB:
            "data.mdb is not an LMDB file"
        case .versionMismatch:
            "data.mdb was written by another LMDB version"
        case .notAFile(let what):
            "data.mdb is \(what), not a file"
        case .symbolicLinkLoop:
            "data.mdb is a symbolic link that loops"
        case .unreadable(let code):
            "data.mdb cannot be read (\(String(cString: strerror(code))))"
        }
    }

    /// The part of the store a named LMDB database holds, as a user knows it.
    static func part(_ database: String?) -> String {
        guard let database else { return "a page" }
        if QuadIndex(rawValue: database) != nil { return "index '\(database)'" }
        return switch database {
        case "id2term", "term2id": "the dictionary ('\(database)')"
        case "stats": "the statistics ('stats')"
        case "meta": "the format record ('meta')"
        case "prefixes": "the saved prefixes ('prefixes')"
        default: "database '\(database)'"
        }
    }
}

