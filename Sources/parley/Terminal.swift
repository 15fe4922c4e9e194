import ParleyOperations

/// The subcommands write through the same buffered ``OutputSink`` as the prompt and the server.
typealias Terminal = OutputSink

/// `value` with `decimals` digits after the point (two by default).
func formatted(_ value: Double, decimals: Int = 2) -> String { formatDecimal(value, decimals: decimals) }
