import ParleyRDF

/// The text of a query, update or script and where it came from (a file name, or `nil` for an
/// argument or the prompt), so that errors can name the place and show the line.
public struct RequestText: Sendable {
    public var text: String
    /// The file the text was read from, as the user named it.
    public var name: String?

    public init(text: String, name: String? = nil) {
        self.text = text
        self.name = name
    }

    /// The text of `path` (`-` is standard input), strict UTF-8.
    public static func read(_ path: String) throws -> RequestText {
        RequestText(text: try TextFile.read(path), name: path == "-" ? nil : path)
    }

    /// An error in this text, compiler style: `FILE:LINE:COLUMN: error: …` with the line and a
    /// caret when the error has a position in the text.
    public func render(_ error: Error, with renderer: DiagnosticRenderer = DiagnosticRenderer()) -> String {
        var diagnostic = error.asDiagnostic
        if let name, diagnostic.line != nil { diagnostic = diagnostic.naming(name) }
        return renderer.render(diagnostic, text: diagnostic.line != nil ? text : nil)
    }
}
