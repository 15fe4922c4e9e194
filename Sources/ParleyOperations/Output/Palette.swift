#if canImport(Glibc)
import Glibc
#endif
import ParleyRDF

/// ANSI colours for a terminal; every field is empty when colours are off (not a terminal, or
/// `NO_COLOR` is set), so text can always be written as `palette.red + message + palette.reset`.
public struct Palette: Sendable {
    public var red = ""
    public var yellow = ""
    public var dim = ""
    public var bold = ""
    public var reset = ""

    public init(enabled: Bool) {
        guard enabled else { return }
        red = "\u{1B}[31m"
        yellow = "\u{1B}[33m"
        dim = "\u{1B}[2m"
        bold = "\u{1B}[1m"
        reset = "\u{1B}[0m"
    }

    /// Colours are on when `fd` is a terminal and `NO_COLOR` is unset or empty
    /// (<https://no-color.org>).
    public static func allowed(on fd: Int32) -> Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(fd) == 1
    }
}

extension Palette {
    /// The diagnostic renderer in these colours: `error:` and carets in red.
    public var diagnostics: DiagnosticRenderer { DiagnosticRenderer(highlight: red, reset: reset) }
}
