import Foundation

/// A test helper, not a Turtle parser: a small, tolerant reader for the W3C SPARQL test
/// manifests (which are regular Turtle), written so the SPARQL tests need nothing from the
/// Turtle parser being built in ParleyRDF. It knows just enough to find each entry's
/// `rdf:type`, its `mf:action` file, the `qt:query`/`ut:request` files and `mf:include`s.
struct W3CManifest {
    /// One test entry: its name in the manifest, its type's local name, and its action file.
    struct Entry: CustomStringConvertible {
        var name: String
        var type: String
        var action: URL?
        var description: String { "\(name) (\(action?.lastPathComponent ?? "-"))" }
    }

    let url: URL
    private let statements: [[String]]

    init(_ url: URL) throws {
        self.url = url
        let text = try String(contentsOf: url, encoding: .utf8)
        statements = Self.split(Self.tokenize(text))
    }

    /// Entries with a type and an action, in file order.
    var entries: [Entry] {
        statements.compactMap { s -> Entry? in
            guard let subject = s.first else { return nil }
            var type: String?
            var action: URL?
            for (i, t) in s.enumerated() where i + 1 < s.count {
                if (t == "rdf:type" || t == "a"), type == nil { type = Self.localName(s[i + 1]) }
                if t == "mf:action", let file = resolve(s[i + 1]) { action = file }
            }
            guard let type else { return nil }
            return Entry(name: subject, type: type, action: action)
        }
    }

    /// Every file named by `qt:query` (`isUpdate == false`) or `ut:request` (`true`).
    var requestFiles: [(url: URL, isUpdate: Bool)] {
        var out: [(URL, Bool)] = []
        for s in statements {
            for (i, t) in s.enumerated() where i + 1 < s.count && (t == "qt:query" || t == "ut:request") {
                if let file = resolve(s[i + 1]), !out.contains(where: { $0.0 == file }) { out.append((file, t == "ut:request")) }
            }
        }
        return out
    }

    /// The manifests listed by `mf:include ( … )`.
    var includes: [URL] {
        var out: [URL] = []
        for s in statements {
            guard let i = s.firstIndex(of: "mf:include") else { continue }
            for t in s[(i + 1)...] {
                if t == ")" { break }
                if let file = resolve(t) { out.append(file) }
            }
        }
        return out
    }

    private func resolve(_ token: String) -> URL? {
        guard token.hasPrefix("<"), token.hasSuffix(">"), token.count > 2 else { return nil }
        let reference = String(token.dropFirst().dropLast())
        return URL(fileURLWithPath: reference, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
    }

    private static func localName(_ token: String) -> String {
        if let colon = token.lastIndex(of: ":") { return String(token[token.index(after: colon)...]) }
        return token
    }

    /// IRIs, strings, punctuation and words; comments dropped.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        func isDelimiter(_ c: Unicode.Scalar) -> Bool {
            c.properties.isWhitespace || "<\";,()[]".unicodeScalars.contains(c)
        }
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace {
                i += 1
            } else if c == "#" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "<" {
                var j = i + 1
                while j < chars.count, chars[j] != ">" { j += 1 }
                tokens.append(String(String.UnicodeScalarView(chars[i...min(j, chars.count - 1)])))
                i = j + 1
            } else if c == "\"" || c == "'" {
                let long = i + 2 < chars.count && chars[i + 1] == c && chars[i + 2] == c
                var j = i + (long ? 3 : 1)
                while j < chars.count {
                    if chars[j] == "\\" { j += 2; continue }
                    if chars[j] == c {
                        if !long { break }
                        if j + 2 < chars.count, chars[j + 1] == c, chars[j + 2] == c { j += 2; break }
                    }
                    j += 1
                }
                tokens.append("\"…\"")
                i = j + 1
            } else if ";,()[]".unicodeScalars.contains(c) {
                tokens.append(String(c))
                i += 1
            } else {
                var j = i
                while j < chars.count, !isDelimiter(chars[j]) { j += 1 }
                var word = String(String.UnicodeScalarView(chars[i..<j]))
                var trailingDot = false
                if word.count > 1, word.hasSuffix(".") {
                    word.removeLast()
                    trailingDot = true
                }
                tokens.append(word)
                if trailingDot { tokens.append(".") }
                i = j
            }
        }
        return tokens
    }

    /// Statements end at a `.` outside brackets.
    static func split(_ tokens: [String]) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        var depth = 0
        for t in tokens {
            if t == "[" || t == "(" { depth += 1 }
            if t == "]" || t == ")" { depth -= 1 }
            if t == ".", depth == 0 {
                if !current.isEmpty { out.append(current) }
                current = []
            } else {
                current.append(t)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
