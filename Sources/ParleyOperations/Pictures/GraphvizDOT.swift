import ParleyRDF

/// Graphviz DOT text: quoting that keeps any data a plain string, and the drawing of a
/// ``NeighbourhoodGraph``.
public enum GraphvizDOT {
    /// `text` as a DOT double-quoted string: backslashes and quotes escaped (so Graphviz's own
    /// escapes such as `\N` or `\l` cannot be formed from data), line breaks as `\n`, other
    /// control characters dropped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.properties.generalCategory == .control: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether `url` can go into a node's `URL` attribute: Graphviz copies it into the SVG's
    /// `xlink:href` without escaping, so only printable ASCII other than double and single
    /// quotes, `<`, `>`, `&`, backslash and space is allowed (percent-encode the rest).
    public static func isSafeURL(_ url: String) -> Bool {
        !url.isEmpty && url.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7f && !"\"'<>&\\".unicodeScalars.contains(scalar)
        }
    }

    /// `text` broken between words into lines of about `width` characters (a word longer than
    /// that stays whole), at most `lines` lines, the last ending in `…` if cut.
    public static func wrapped(_ text: String, width: Int = 28, lines: Int = 3) -> String {
        var result: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                result.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { result.append(line) }
        if result.count > lines {
            result = Array(result.prefix(lines))
            result[lines - 1] += " …"
        }
        return result.joined(separator: "\n")
    }
}

extension NeighbourhoodGraph {
    /// The graph as DOT, left to right; `link` gives each node's URL (drawn as an SVG link),
    /// or `nil` for none. A URL that is not ``GraphvizDOT/isSafeURL(_:)`` is left out.
    public func dot(link: (Term) -> String? = { _ in nil }) -> String {
        var text = """
            digraph neighbourhood {
              graph [rankdir=LR, bgcolor="transparent", fontname="Helvetica", fontsize=10, nodesep=0.25, ranksep=0.6];
              node [shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#4a6fa5", fontname="Helvetica", fontsize=11];
              edge [color="#667788", fontcolor="#334455", fontname="Helvetica", fontsize=9, arrowsize=0.7];

            """
        for (i, node) in nodes.enumerated() {
            var attributes = ["label=" + GraphvizDOT.quoted(GraphvizDOT.wrapped(node.label))]
            if node.isCentre { attributes.append("fillcolor=\"#ffe9a8\", color=\"#a07800\", penwidth=1.5") }
            if let url = link(node.term), GraphvizDOT.isSafeURL(url) {
                attributes.append("URL=" + GraphvizDOT.quoted(url))
                attributes.append("tooltip=" + GraphvizDOT.quoted(node.label))
            }
            text += "  n\(i) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in edges {
            text += "  n\(edge.from) -> n\(edge.to) [label=\(GraphvizDOT.quoted(edge.name))];\n"
        }
        if edges.isEmpty || omitted > 0 {
            let note = edges.isEmpty ? "no stances recorded about this entity" : "\(omitted) more stances not drawn"
            text += "  graph [label=\(GraphvizDOT.quoted(note)), labelloc=b];\n"
        }
        return text + "}\n"
    }
}
