#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under `$TMPDIR` (or `/tmp`), removed with everything in it when the
/// value is deinitialised. Each test gets its own, so nothing mocks LMDB.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ label: String = "parley-test") {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? "\(base)/\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if made == nil { mkdir(path, 0o700) }
    }

    /// A path inside the directory (not created).
    public func child(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to a file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes bytes to a file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = child(name)
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        return file
    }

    deinit {
        // rm -r, without shelling out.
        Self.remove(path)
    }

    private static func remove(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." { continue }
                let child = "\(path)/\(name)"
                if entry.pointee.d_type == UInt8(DT_DIR) { remove(child) } else { unlink(child) }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
