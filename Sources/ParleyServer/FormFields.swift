/// The fields of an `application/x-www-form-urlencoded` text — a URL's query string or a form
/// body — decoded strictly: `+` is a space, `%XX` a byte, and the bytes must be UTF-8. A bad
/// escape or invalid UTF-8 is a ``ProtocolError`` (400), never a guess.
struct FormFields: Sendable {
    /// Every field in order, names and values decoded; a name may come more than once.
    private(set) var fields: [(name: String, value: String)] = []

    init() {}

    init(_ text: Substring) throws(ProtocolError) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(pieces[0])
            let value = pieces.count > 1 ? try Self.decode(pieces[1]) : ""
            fields.append((name, value))
        }
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Whether `name` is present (with or without a value: `?default`).
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// The one value of `name`, `nil` when absent; two values are a 400.
    func single(_ name: String) throws(ProtocolError) -> String? {
        let all = values(name)
        guard all.count <= 1 else { throw .badRequest("the parameter '\(name)' is given \(all.count) times; give it once") }
        return all.first
    }

    /// Adds the fields of `other` after these.
    mutating func append(_ other: FormFields) { fields += other.fields }

    /// Names of fields other than `known`, for the 400 that names an unknown parameter.
    func unknown(_ known: Set<String>) -> [String] {
        var seen: [String] = []
        for field in fields where !known.contains(field.name) && !seen.contains(field.name) { seen.append(field.name) }
        return seen
    }

    static func decode(_ text: Substring) throws(ProtocolError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badRequest("bad percent-encoding in '\(text.prefix(80))': '%' must be followed by two hex digits")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .badRequest("a parameter is not UTF-8 once percent-decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
