/// Resolves IRI references against a base IRI, as RFC 3986 §5.2 specifies (the algorithm
/// Turtle's `@base` and SPARQL's `BASE` use). Works on UTF-8 bytes, never normalises case or
/// percent-encoding, so an absolute IRI passes through unchanged.
public struct IRIResolver: Hashable, Sendable {
    /// The base, itself absolute (it has a scheme).
    public let base: String
    private let parts: Components

    /// A resolver for `base`, or `nil` when `base` is not an absolute IRI.
    public init?(base: String) {
        let parts = Components(Array(base.utf8))
        guard parts.scheme != nil else { return nil }
        self.base = base
        self.parts = parts
    }

    /// Whether `reference` is absolute (starts with a scheme).
    public static func isAbsolute(_ reference: String) -> Bool {
        Components.schemeEnd(Array(reference.utf8)) != nil
    }

    /// The target IRI of `reference` resolved against the base.
    public func resolve(_ reference: String) -> String {
        let r = Components(Array(reference.utf8))
        var t = Components()
        if r.scheme != nil {
            t.scheme = r.scheme
            t.authority = r.authority
            t.path = Self.removeDotSegments(r.path)
            t.query = r.query
        } else {
            t.scheme = parts.scheme
            if r.authority != nil {
                t.authority = r.authority
                t.path = Self.removeDotSegments(r.path)
                t.query = r.query
            } else {
                t.authority = parts.authority
                if r.path.isEmpty {
                    t.path = parts.path
                    t.query = r.query ?? parts.query
                } else {
                    if r.path.first == UInt8(ascii: "/") {
                        t.path = Self.removeDotSegments(r.path)
                    } else {
                        t.path = Self.removeDotSegments(merge(r.path))
                    }
                    t.query = r.query
                }
            }
        }
        t.fragment = r.fragment
        return String(decoding: t.recomposed(), as: UTF8.self)
    }

    /// RFC 3986 §5.2.3.
    private func merge(_ path: [UInt8]) -> [UInt8] {
        if parts.authority != nil && parts.path.isEmpty { return [UInt8(ascii: "/")] + path }
        guard let slash = parts.path.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return Array(parts.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var input = path[...]
        var output: [UInt8] = []
        func hasPrefix(_ p: [UInt8]) -> Bool { input.starts(with: p) }
        while !input.isEmpty {
            if hasPrefix([dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if hasPrefix([dot, slash]) {
                input = input.dropFirst(2)
            } else if hasPrefix([slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if input.elementsEqual([slash, dot]) {
                input = [slash][...]
            } else if hasPrefix([slash, dot, dot, slash]) {
                input = input.dropFirst(3)
                removeLastSegment(&output)
            } else if input.elementsEqual([slash, dot, dot]) {
                input = [slash][...]
                removeLastSegment(&output)
            } else if input.elementsEqual([dot]) || input.elementsEqual([dot, dot]) {
                input = [][...]
            } else {
                // Move the first segment (with its leading slash, if any) to the output.
                var end = input.startIndex
                if input[end] == slash { end += 1 }
                while end < input.endIndex && input[end] != slash { end += 1 }
                output.append(contentsOf: input[input.startIndex..<end])
                input = input[end...]
            }
        }
        return output
    }

    private static func removeLastSegment(_ output: inout [UInt8]) {
        if let last = output.lastIndex(of: UInt8(ascii: "/")) {
            output.removeSubrange(last...)
        } else {
            output.removeAll()
        }
    }

    /// The five parts of an IRI reference (RFC 3986 appendix B), as bytes.
    struct Components: Hashable, Sendable {
        var scheme: [UInt8]?
        var authority: [UInt8]?
        var path: [UInt8] = []
        var query: [UInt8]?
        var fragment: [UInt8]?

        init() {}

        init(_ bytes: [UInt8]) {
            var i = 0
            if let end = Self.schemeEnd(bytes) {
                scheme = Array(bytes[..<end])
                i = end + 1
            }
            if bytes.count >= i + 2, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "/") {
                var j = i + 2
                while j < bytes.count, !"/?#".utf8.contains(bytes[j]) { j += 1 }
                authority = Array(bytes[(i + 2)..<j])
                i = j
            }
            var j = i
            while j < bytes.count, bytes[j] != UInt8(ascii: "?"), bytes[j] != UInt8(ascii: "#") { j += 1 }
            path = Array(bytes[i..<j])
            i = j
            if i < bytes.count, bytes[i] == UInt8(ascii: "?") {
                j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "#") { j += 1 }
                query = Array(bytes[(i + 1)..<j])
                i = j
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
                fragment = Array(bytes[(i + 1)...])
            }
        }

        /// The index of the ':' ending a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`).
        static func schemeEnd(_ bytes: [UInt8]) -> Int? {
            guard let first = bytes.first, isAlpha(first) else { return nil }
            for (i, b) in bytes.enumerated().dropFirst() {
                if b == UInt8(ascii: ":") { return i }
                if !(isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E) { return nil }
            }
            return nil
        }

        private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

        func recomposed() -> [UInt8] {
            var out: [UInt8] = []
            if let scheme { out += scheme; out.append(UInt8(ascii: ":")) }
            if let authority { out += [UInt8(ascii: "/"), UInt8(ascii: "/")]; out += authority }
            out += path
            if let query { out.append(UInt8(ascii: "?")); out += query }
            if let fragment { out.append(UInt8(ascii: "#")); out += fragment }
            return out
        }
    }
}
