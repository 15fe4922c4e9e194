import ArgumentParser

/// A size given on the command line: bytes, or with a K, M or G suffix (`512M`, `2G`; an
/// optional `B` or `iB` after the suffix is accepted: `512MiB`).
struct ByteSize: ExpressibleByArgument, CustomStringConvertible, Sendable {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) { self.init(argument) }

    init?(_ text: String) {
        var text = text.uppercased()
        if text.hasSuffix("IB") { text.removeLast(2) } else if text.hasSuffix("B") { text.removeLast() }
        var shift = 0
        if let last = text.last, let unit = ["K": 10, "M": 20, "G": 30, "T": 40][String(last)] {
            shift = unit
            text.removeLast()
        }
        guard let value = Int(text), value > 0, value <= Int.max >> shift else { return nil }
        bytes = value << shift
    }

    /// The size as `--help` shows a default: `1G`, `512M`, or bytes.
    var description: String {
        for (unit, shift) in [("G", 30), ("M", 20), ("K", 10)] where bytes % (1 << shift) == 0 { return "\(bytes >> shift)\(unit)" }
        return "\(bytes)"
    }
}
