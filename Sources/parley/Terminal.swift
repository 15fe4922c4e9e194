#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer on a file descriptor: standard output, standard error or a file.
/// Bytes go out in large writes; `flush()` (also at deinit) sends the rest.
final class Terminal {
    let fd: Int32
    private var buffer: [UInt8] = []
    private let ownsDescriptor: Bool
    private(set) var failed = false

    init(fd: Int32, ownsDescriptor: Bool = false) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(1 << 20)
    }

    nonisolated(unsafe) static let standardError = Terminal(fd: 2)

    /// Discards what is written (for timing runs whose output nobody reads).
    nonisolated(unsafe) static let discard = Terminal(fd: -1)

    /// Opens (truncating) a file for writing.
    static func file(_ path: String) throws -> Terminal {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIError("\(path): error: cannot write: \(String(cString: strerror(errno)))") }
        return Terminal(fd: fd, ownsDescriptor: true)
    }

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool { isatty(fd) == 1 }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if fd == 2 { flush() } else if buffer.count >= 1 << 20 { flush() }
    }

    /// Appends bytes through `body`, flushing when the buffer is large.
    @inline(__always)
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        if fd < 0 { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < buffer.count && !failed {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        if ownsDescriptor { close(fd) }
    }
}

/// Numbers as people read them: `1,234,567`.
func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}

/// Seconds with two decimals.
func seconds(_ duration: Duration) -> Double {
    let c = duration.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

func formatted(_ value: Double, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...].count
        if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
    } else if decimals > 0 {
        text += "." + String(repeating: "0", count: decimals)
    }
    return text
}
