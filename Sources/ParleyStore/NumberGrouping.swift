/// Counts as people read them: 1234567 as "1,234,567", -1234 as "-1,234". One formatter for every
/// message the store, the prompt and the subcommands print.
public func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
