internal import ParleyLMDB
#if canImport(Glibc)
import Glibc
#endif

extension Store {
    /// Writes a consistent copy of the store into `destination` (created when missing; an
    /// existing one must be empty) while readers and a writer go on: LMDB copies one committed
    /// transaction's pages from a read snapshot (`mdb_env_copy2`). `compact` leaves out free
    /// pages. The copy is an ordinary store directory.
    public func backup(to destination: String, compact: Bool) throws {
        var info = stat()
        if stat(destination, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw StoreError.cannotBackUp(destination: destination, reason: "it is a file")
            }
            guard Self.isEmptyDirectory(destination) else {
                throw StoreError.cannotBackUp(destination: destination, reason: "it is not empty; a backup never overwrites")
            }
        } else if mkdir(destination, 0o755) != 0 {
            throw StoreError.cannotBackUp(destination: destination, reason: String(cString: strerror(errno)))
        }
        do {
            try environment.copy(to: destination, compact: compact)
        } catch {
            unlink(destination + "/data.mdb")
            throw StoreError.cannotBackUp(destination: destination, reason: "\(error)")
        }
    }

    private static func isEmptyDirectory(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { return false }
        }
        return true
    }
}
