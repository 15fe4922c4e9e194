import ParleyLMDB

/// Why a store operation failed, in the user's terms.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The directory holds files but no Parley store.
    case notAStore(path: String, reason: String)
    /// The store was written by another format version of Parley.
    case formatVersion(path: String, found: UInt32, expected: UInt32)
    /// The directory could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The store's contents contradict themselves (a missing term, a malformed record).
    case corrupt(String)
    /// An LMDB call failed.
    case storage(LMDBError)
    /// The store is opened read-only and a write was asked for.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .notAStore(let path, let reason):
            "\(path): error: not a Parley store (\(reason))"
        case .formatVersion(let path, let found, let expected):
            "\(path): error: store format version \(found) is not supported by this parley (it reads version \(expected)); export it with the parley that wrote it and load it again"
        case .cannotOpen(let path, let reason):
            "\(path): error: cannot open store: \(reason)"
        case .corrupt(let what):
            "error: store is corrupt: \(what)"
        case .storage(let error):
            storageDescription(error)
        case .readOnly(let path):
            "\(path): error: store is read-only; cannot write"
        }
    }

    private func storageDescription(_ error: LMDBError) -> String {
        switch error.code {
        case .noSpace: "error: no space left on device while writing the store; nothing was changed"
        case .ioError: "error: writing the store failed (input/output error; is the disk full?); nothing was changed"
        case .permissionDenied, .readOnlyFileSystem: "error: store is not writable (\(error)); nothing was changed"
        default: "error: \(error)"
        }
    }
}
