import ParleyShell
#if canImport(Glibc)
import Glibc
#endif

/// The subcommands write through ParleyShell's buffered ``OutputSink``, as the prompt does.
typealias Terminal = OutputSink

extension OutputSink {
    nonisolated(unsafe) static let standardError = OutputSink(fd: 2)

    /// Discards what is written (for timing runs whose output nobody reads).
    nonisolated(unsafe) static let discard = OutputSink(fd: -1)
}

/// `value` with `decimals` digits after the point (two by default).
func formatted(_ value: Double, decimals: Int = 2) -> String { formatDecimal(value, decimals: decimals) }
