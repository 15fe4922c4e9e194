import ParleyRDF

/// Buffers rows and writes them as a box-drawn table (column widths need every row first).
struct TableWriter {
    private let variables: [String]
    private let style: TableStyle
    private var terms: TurtleTermWriter
    /// Rendered cells of the buffered rows, and whether each is a number (right-aligned).
    private var rows: [[(text: String, numeric: Bool)]] = []
    private var total = 0

    init(variables: [String], prefixes: [(prefix: String, iri: String)], style: TableStyle) {
        self.variables = variables
        self.style = style
        self.terms = TurtleTermWriter(prefixes: prefixes)
    }

    mutating func append(_ row: [Term?]) {
        total += 1
        if let maxRows = style.maxRows, rows.count >= maxRows { return }
        rows.append(variables.indices.map { i in
            guard i < row.count, let term = row[i] else { return (text: "", numeric: false) }
            let shown: String
            if style.plainStrings, case .literal(let literal) = term, literal.language == nil,
               literal.datatype == Vocabulary.xsdString {
                shown = String(literal.lexical.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            } else {
                shown = terms.display(term)
            }
            let text = DisplayWidth.truncate(shown, to: max(1, style.maxCellWidth))
            return (text: text, numeric: Self.isNumeric(term))
        })
    }

    func finish(to out: inout [UInt8]) {
        if !variables.isEmpty {
            var widths = variables.map { style.headers ? DisplayWidth.of(DisplayWidth.truncate($0, to: max(1, style.maxCellWidth))) : 0 }
            for row in rows {
                for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell.text)) }
            }
            line("┌", "┬", "┐", widths, to: &out)
            if style.headers {
                cells(variables.map { (text: DisplayWidth.truncate($0, to: max(1, style.maxCellWidth)), numeric: false) }, widths, to: &out)
                line("├", "┼", "┤", widths, to: &out)
            }
            for row in rows { cells(row, widths, to: &out) }
            line("└", "┴", "┘", widths, to: &out)
        }
        if total > rows.count {
            let hidden = total - rows.count
            out.append(contentsOf: "… (\(hidden) more \(hidden == 1 ? "row" : "rows") not shown)\n".utf8)
        }
        out.append(contentsOf: "\(total) \(total == 1 ? "row" : "rows")\n".utf8)
    }

    private func line(_ left: String, _ middle: String, _ right: String, _ widths: [Int], to out: inout [UInt8]) {
        out.append(contentsOf: left.utf8)
        for (i, width) in widths.enumerated() {
            if i > 0 { out.append(contentsOf: middle.utf8) }
            out.append(contentsOf: String(repeating: "─", count: width + 2).utf8)
        }
        out.append(contentsOf: right.utf8)
        out.append(0x0A)
    }

    private func cells(_ row: [(text: String, numeric: Bool)], _ widths: [Int], to out: inout [UInt8]) {
        out.append(contentsOf: "│".utf8)
        for (i, cell) in row.enumerated() {
            let padding = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell.text))
            out.append(0x20)
            if cell.numeric { out.append(contentsOf: padding.utf8) }
            out.append(contentsOf: cell.text.utf8)
            if !cell.numeric { out.append(contentsOf: padding.utf8) }
            out.append(contentsOf: " │".utf8)
        }
        out.append(0x0A)
    }

    private static func isNumeric(_ term: Term) -> Bool {
        guard case .literal(let literal) = term else { return false }
        return [Vocabulary.xsdInteger, Vocabulary.xsdDecimal, Vocabulary.xsdDouble].contains(literal.datatype)
    }
}
