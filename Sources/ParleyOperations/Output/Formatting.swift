/// `value` with exactly `decimals` digits after the point (none when `decimals` is 0).
public func formatDecimal(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...].count
        if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
        if decimals == 0 { text = String(text[..<dot]) }
    } else if decimals > 0 {
        text += "." + String(repeating: "0", count: decimals)
    }
    return text
}

/// A duration in seconds.
public func seconds(_ duration: Duration) -> Double {
    let c = duration.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

/// A duration in milliseconds.
public func milliseconds(_ duration: Duration) -> Double {
    let c = duration.components
    return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
}

/// `0.42 ms`, `12.3 ms`, `250 ms`, `12.5 s`: an elapsed time as people read it.
public func formatMilliseconds(_ ms: Double) -> String {
    if ms >= 10_000 { return "\(formatDecimal(ms / 1000, decimals: 1)) s" }
    if ms >= 100 { return "\(Int(ms.rounded())) ms" }
    return "\(formatDecimal(ms, decimals: ms >= 10 ? 1 : 2)) ms"
}
