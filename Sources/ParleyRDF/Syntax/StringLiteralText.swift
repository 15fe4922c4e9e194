/// A lexical form written as a Turtle/SPARQL short string, for text meant to be read back or
/// by people (S-expressions, the prompt's terms): `"` `\` and line ends and tabs escaped with
/// ECHARs, everything else as it is. (Serializers use the byte-level writers in `Escapes`.)
public enum StringLiteralText {
    /// `text` between double quotes, escaped.
    public static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    /// `text` escaped for the inside of a double-quoted string.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
