import ParleyQuery
import ParleyRDF
import ParleySPARQL
import Testing

@Suite struct FunctionCastTests {
    static let casts: [ExpressionCase] = [
        // to xsd:string (XPath canonical forms)
        .init("xsd:string(<http://example.org/z>)", "\"http://example.org/z\""),
        .init("xsd:string(\"+33.3300\")", "\"+33.3300\""),
        .init("xsd:string(1.0)", "\"1\""),
        .init("xsd:string(-2.50)", "\"-2.5\""),
        .init("xsd:string(0E1)", "\"0\""),
        .init("xsd:string(1E0)", "\"1\""),
        .init("xsd:string(\"1.25\"^^xsd:float)", "\"1.25\""),
        .init("xsd:string(1e7)", "\"1.0E7\""),
        .init("xsd:string(1.5e-7)", "\"1.5E-7\""),
        .init("xsd:string(\"0\"^^xsd:boolean)", "\"false\""),
        .init("xsd:string(\"007\"^^xsd:integer)", "\"7\""),
        .init("xsd:string(?b)", nil),
        .init("xsd:string(?badint)", nil),
        // to xsd:integer
        .init("xsd:integer(\"13\")", "13"),
        .init("xsd:integer(\" 13 \")", "13"),
        .init("xsd:integer(\"1.5\")", nil),
        .init("xsd:integer(\"1E0\")", nil),
        .init("xsd:integer(\"true\")", nil),
        .init("xsd:integer(true)", "1"),
        .init("xsd:integer(-2.5)", "-2"),
        .init("xsd:integer(\"-7.875\"^^xsd:float)", "-7"),
        .init("xsd:integer(\"INF\"^^xsd:double)", nil),
        .init("xsd:integer(<http://a>)", nil),
        // to xsd:decimal
        .init("xsd:decimal(\"+33.3300\")", "33.33"),
        .init("xsd:decimal(\"13\")", "\"13\"^^xsd:decimal"),
        .init("xsd:decimal(\"1E0\")", nil),
        .init("xsd:decimal(1)", "\"1\"^^xsd:decimal"),
        .init("xsd:decimal(false)", "\"0\"^^xsd:decimal"),
        .init("xsd:decimal(\"-7.875\"^^xsd:float)", "-7.875"),
        .init("xsd:decimal(\"NaN\"^^xsd:double)", nil),
        // to xsd:float / xsd:double
        .init("xsd:double(\"-10.2E3\")", "\"-1.02E4\"^^xsd:double"),
        .init("xsd:double(\"+33.3300\")", "\"3.333E1\"^^xsd:double"),
        .init("xsd:double(\"1\")", "\"1.0E0\"^^xsd:double"),
        .init("xsd:double(\"INF\")", "\"INF\"^^xsd:double"),
        .init("xsd:double(true)", "\"1.0E0\"^^xsd:double"),
        .init("xsd:double(2.5)", "\"2.5E0\"^^xsd:double"),
        .init("xsd:double(\"string\")", nil),
        .init("xsd:double(\"2002-10-10T17:00:00Z\")", nil),
        .init("xsd:float(\"1.5\")", "\"1.5E0\"^^xsd:float"),
        .init("xsd:float(-1)", "\"-1.0E0\"^^xsd:float"),
        // to xsd:boolean
        .init("xsd:boolean(\"1\")", "true"),
        .init("xsd:boolean(\"false\")", "false"),
        .init("xsd:boolean(\"yes\")", nil),
        .init("xsd:boolean(\"1.5\")", nil),
        .init("xsd:boolean(0.0)", "false"),
        .init("xsd:boolean(-1)", "true"),
        .init("xsd:boolean(\"0E1\"^^xsd:float)", "false"),
        // to xsd:dateTime
        .init("xsd:dateTime(\"2002-10-10T17:00:00Z\")", "\"2002-10-10T17:00:00Z\"^^xsd:dateTime"),
        .init("xsd:dateTime(\"2002-10-10\")", nil),
        .init("xsd:dateTime(\"2002-10-10\"^^xsd:date)", "\"2002-10-10T00:00:00\"^^xsd:dateTime"),
        .init("xsd:dateTime(1)", nil),
        .init("xsd:date(?dt)", "\"2010-12-21-08:00\"^^xsd:date"),
        // arity and language tags
        .init("xsd:integer(\"1\", \"2\")", nil),
        .init("xsd:string(\"a\"@en)", nil),
    ]

    @Test("casts with the XPath constructor functions and their lexical checks", arguments: casts)
    func cast(_ c: ExpressionCase) throws {
        let r = try c.check()
        #expect(r.actual == r.expected)
    }
}
