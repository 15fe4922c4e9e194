/// Writes rows of plain text (not RDF terms) under named columns, for listings such as
/// `parley facts`: TSV with a header row (tabs and line breaks inside a field become spaces, so
/// each record is one line) or a JSON array of objects keyed by column. The aligned table for
/// the same rows is ``SolutionsSerializer``'s, with ``TableStyle/plainStrings``.
public struct TextRecordsSerializer {
    public enum Format: Sendable { case tsv, json }

    public let format: Format
    public let columns: [String]
    private var count = 0

    public init(format: Format, columns: [String]) {
        self.format = format
        self.columns = columns
    }

    public mutating func begin(to out: inout [UInt8]) {
        switch format {
        case .tsv: out += Array((columns.map(Self.tsvField).joined(separator: "\t") + "\n").utf8)
        case .json: out.append(UInt8(ascii: "["))
        }
    }

    public mutating func append(_ record: [String], to out: inout [UInt8]) {
        switch format {
        case .tsv:
            out += Array((record.map(Self.tsvField).joined(separator: "\t") + "\n").utf8)
        case .json:
            out += Array((count == 0 ? "\n  {" : ",\n  {").utf8)
            for (j, (column, value)) in zip(columns, record).enumerated() {
                if j > 0 { out += Array(", ".utf8) }
                ResultEscapes.appendJSONString(column, to: &out)
                out += Array(": ".utf8)
                ResultEscapes.appendJSONString(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        count += 1
    }

    public mutating func finish(to out: inout [UInt8]) {
        if format == .json { out += Array((count == 0 ? "]\n" : "\n]\n").utf8) }
    }

    /// Tabs and line breaks inside a field become spaces, so every record is one line.
    static func tsvField(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
