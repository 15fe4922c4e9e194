import Foundation
import ParleyQuery
import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct ResultWriterTests {
    static let xsd = Vocabulary.xsd
    static let variables = ["s", "o", "x"]
    /// Unbound values, a blank node, a language tag, datatypes, quotes, commas, tabs, newlines,
    /// markup characters and non-ASCII text.
    static let rows: [[Term?]] = [
        [.iri("http://example.org/a"), .string("plain"), nil],
        [.blank("b0"), .literal(Literal("chat", language: "fr")), .literal(Literal("42", datatype: Vocabulary.xsdInteger))],
        [.iri("http://example.org/b"), .string("say \"hi\", then\ttab\nnewline\r\nCRLF"),
         .literal(Literal("2024-01-01", datatype: xsd + "date"))],
        [.iri("http://example.org/ü"), .string("日本語 ünïcødé 🎉"), .literal(Literal("1.50", datatype: Vocabulary.xsdDecimal))],
        [nil, nil, nil],
        [.iri("http://example.org/c?q=1&r=2"), .string("a,b <&>"), .string("")],
        [.blank("b0"), .literal(Literal("x\\y", datatype: "http://example.org/dt")), .literal(Literal("true", datatype: Vocabulary.xsdBoolean))],
    ]

    static func write(_ format: ResultFormat, _ rows: [[Term?]] = rows, variables: [String] = variables,
                      prefixes: [(prefix: String, iri: String)] = [], style: TableStyle = TableStyle()) -> String {
        var writer = SolutionsSerializer(format: format, variables: variables, prefixes: prefixes, table: style)
        var out: [UInt8] = []
        writer.begin(to: &out)
        for row in rows { writer.append(row, to: &out) }
        writer.finish(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static var expected: SPARQLSolutions { SPARQLSolutions(variables: variables, positional: rows) }

    @Test("a table with plain strings shows their text without quotes, other terms as before")
    func plainStrings() {
        var style = TableStyle()
        style.plainStrings = true
        let table = Self.write(.table, [[.string("Wang Yi\tsaid"), .literal(Literal("ni hao", language: "zh"))]],
                               variables: ["a", "b"], style: style)
        #expect(table.contains("│ Wang Yi said │ \"ni hao\"@zh │"), "\(table)")
        #expect(Self.write(.table, [[.string("Wang Yi"), nil]], variables: ["a", "b"]).contains("│ \"Wang Yi\" │"))
    }

    // MARK: JSON and XML, read back

    @Test("JSON reads back as the same solutions")
    func jsonRoundTrip() throws {
        let text = Self.write(.json)
        #expect(try SPARQLResultsReader.readJSON(Data(text.utf8)) == .solutions(Self.expected))
        #expect(text.contains(#"{"type":"literal","value":"chat","xml:lang":"fr"}"#))
        #expect(text.contains(#"{"type":"literal","value":"plain"}"#), "xsd:string has no datatype")
        #expect(text.contains(#""o":{"type":"literal","value":"say \"hi\", then\ttab\nnewline\r\nCRLF"}"#))
        #expect(text.contains(#"{"type":"bnode","value":"b0"}"#))
    }

    @Test("XML reads back as the same solutions, CR included")
    func xmlRoundTrip() throws {
        let text = Self.write(.xml)
        #expect(try SPARQLResultsReader.readXML(Data(text.utf8)) == .solutions(Self.expected))
        #expect(text.contains(#"<binding name="o"><literal xml:lang="fr">chat</literal></binding>"#))
        #expect(text.contains("<uri>http://example.org/c?q=1&amp;r=2</uri>"))
        #expect(text.contains("<literal>a,b &lt;&amp;&gt;</literal>"))
        #expect(text.contains("newline&#xD;\nCRLF"))
    }

    @Test("JSON and XML of no rows, and of no variables")
    func emptyResults() throws {
        #expect(try SPARQLResultsReader.readJSON(Data(Self.write(.json, []).utf8)) == .solutions(SPARQLSolutions(variables: Self.variables)))
        #expect(try SPARQLResultsReader.readXML(Data(Self.write(.xml, []).utf8)) == .solutions(SPARQLSolutions(variables: Self.variables)))
        let unit = SPARQLSolutions(variables: [], rows: [[:]])
        #expect(try SPARQLResultsReader.readJSON(Data(Self.write(.json, [[]], variables: []).utf8)) == .solutions(unit))
        #expect(try SPARQLResultsReader.readXML(Data(Self.write(.xml, [[]], variables: []).utf8)) == .solutions(unit))
    }

    @Test("XML cannot carry control characters: they become U+FFFD, and the document stays well-formed")
    func xmlControlCharacters() throws {
        let text = Self.write(.xml, [[.string("bell\u{07}")]], variables: ["v"])
        #expect(try SPARQLResultsReader.readXML(Data(text.utf8)) == .solutions(SPARQLSolutions(variables: ["v"], positional: [[.string("bell\u{FFFD}")]])))
        let json = Self.write(.json, [[.string("bell\u{07}")]], variables: ["v"])
        #expect(json.contains(#""bell\u0007""#))
        #expect(try SPARQLResultsReader.readJSON(Data(json.utf8)) == .solutions(SPARQLSolutions(variables: ["v"], positional: [[.string("bell\u{07}")]])))
    }

    // MARK: TSV and CSV

    @Test("TSV writes Turtle terms with tabs and newlines escaped, and reads back")
    func tsv() throws {
        let text = Self.write(.tsv)
        #expect(text == """
            ?s\t?o\t?x
            <http://example.org/a>\t"plain"\t
            _:b0\t"chat"@fr\t42
            <http://example.org/b>\t"say \\"hi\\", then\\ttab\\nnewline\\r\\nCRLF"\t"2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>
            <http://example.org/ü>\t"日本語 ünïcødé 🎉"\t1.50
            \t\t
            <http://example.org/c?q=1&r=2>\t"a,b <&>"\t""
            _:b0\t"x\\\\y"^^<http://example.org/dt>\ttrue

            """)
        #expect(try SPARQLResultsReader.readTSV(text) == Self.expected)
    }

    @Test("an IRI repeated row after row is written the same each time, prefixed or not")
    func repeatedIRIs() {
        let rows: [[Term?]] = Array(repeating: [.iri("http://example.org/a"), .iri("http://other.org/x"), nil], count: 3)
        let prefixes = [(prefix: "ex", iri: "http://example.org/")]
        let tsv = Self.write(.tsv, rows, prefixes: prefixes)
        #expect(tsv == "?s\t?o\t?x\n" + String(repeating: "<http://example.org/a>\t<http://other.org/x>\t\n", count: 3))
        let table = Self.write(.table, rows, prefixes: prefixes)
        #expect(table.components(separatedBy: "ex:a").count - 1 == 3)
        #expect(table.components(separatedBy: "<http://other.org/x>").count - 1 == 3)
    }

    @Test("TSV writes its header even for zero rows")
    func tsvHeaderWithoutRows() {
        #expect(Self.write(.tsv, []) == "?s\t?o\t?x\n")
        #expect(Self.write(.tsv, [], variables: []) == "\n")
    }

    @Test("CSV writes bare values, quotes what RFC 4180 needs, ends lines with CRLF")
    func csv() throws {
        let text = Self.write(.csv)
        #expect(text == "s,o,x\r\n"
            + "http://example.org/a,plain,\r\n"
            + "_:b0,chat,42\r\n"
            + "http://example.org/b,\"say \"\"hi\"\", then\ttab\nnewline\r\nCRLF\",2024-01-01\r\n"
            + "http://example.org/ü,日本語 ünïcødé 🎉,1.50\r\n"
            + ",,\r\n"
            + "http://example.org/c?q=1&r=2,\"a,b <&>\",\r\n"
            + "_:b0,x\\y,true\r\n")
        #expect(try SPARQLResultsReader.readCSV(text) == SPARQLResultsComparison.csvProjection(Self.expected))
        #expect(Self.write(.csv, []) == "s,o,x\r\n")
    }

    // MARK: Table

    static let prefixes = [(prefix: "ex", iri: "http://example.org/"), (prefix: "xsd", iri: xsd)]

    @Test("the table aligns columns, uses prefixes, escapes newlines and tabs, and counts rows")
    func table() {
        let text = Self.write(.table, prefixes: Self.prefixes)
        #expect(text == """
            ┌────────────────────────────────┬──────────────────────────────────────────┬────────────────────────┐
            │ s                              │ o                                        │ x                      │
            ├────────────────────────────────┼──────────────────────────────────────────┼────────────────────────┤
            │ ex:a                           │ "plain"                                  │                        │
            │ _:b0                           │ "chat"@fr                                │                     42 │
            │ ex:b                           │ "say \\"hi\\", then\\ttab\\nnewline\\r\\nCRLF" │ "2024-01-01"^^xsd:date │
            │ ex:ü                           │ "日本語 ünïcødé 🎉"                      │                   1.50 │
            │                                │                                          │                        │
            │ <http://example.org/c?q=1&r=2> │ "a,b <&>"                                │ ""                     │
            │ _:b0                           │ "x\\\\y"^^ex:dt                            │ true                   │
            └────────────────────────────────┴──────────────────────────────────────────┴────────────────────────┘
            7 rows

            """)
    }

    @Test("long cells are cut with …, and wide characters count two columns")
    func truncation() {
        var style = TableStyle()
        style.maxCellWidth = 8
        let text = Self.write(.table, [[.string("abcdefghijkl")], [.string("日本語日本語")]], variables: ["v"], style: style)
        #expect(text == """
            ┌──────────┐
            │ v        │
            ├──────────┤
            │ "abcdef… │
            │ "日本語… │
            └──────────┘
            2 rows

            """)
    }

    @Test("maxRows stops buffering and says how many rows were not shown; headers can be left out")
    func maxRows() {
        var style = TableStyle()
        style.maxRows = 2
        style.headers = false
        let rows: [[Term?]] = (1...5).map { [.literal(Literal(String($0), datatype: Vocabulary.xsdInteger))] }
        #expect(Self.write(.table, rows, variables: ["n"], style: style) == """
            ┌───┐
            │ 1 │
            │ 2 │
            └───┘
            … (3 more rows not shown)
            5 rows

            """)
    }

    @Test("one row says 1 row; no variables is just the count")
    func footers() {
        #expect(Self.write(.table, [[.string("x")]], variables: ["v"]).hasSuffix("└─────┘\n1 row\n"))
        #expect(Self.write(.table, [[]], variables: []) == "1 row\n")
        #expect(Self.write(.table, [], variables: ["v"]).hasSuffix("└───┘\n0 rows\n"))
    }

    // MARK: ASK

    @Test("ASK in every format", arguments: [
        (ResultFormat.table, "true\n"), (.csv, "true\r\n"), (.tsv, "true\n"),
        (.json, "{\"head\":{},\"boolean\":true}\n"),
    ])
    func ask(format: ResultFormat, text: String) {
        var out: [UInt8] = []
        SolutionsSerializer.boolean(true, format: format, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test("ASK as JSON and XML reads back")
    func askRoundTrip() throws {
        for value in [true, false] {
            var json: [UInt8] = [], xml: [UInt8] = []
            SolutionsSerializer.boolean(value, format: .json, to: &json)
            SolutionsSerializer.boolean(value, format: .xml, to: &xml)
            #expect(try SPARQLResultsReader.readJSON(Data(json)) == .boolean(value))
            #expect(try SPARQLResultsReader.readXML(Data(xml)) == .boolean(value))
        }
    }
}
