import Testing
import ParleyRDF
import ParleySPARQL

/// Inputs that libFuzzer (Fuzz/run.sh) or the bad-input work turned up, run through every
/// parser in process: each must end in a result or a syntax error, never a crash. A crash file
/// from `.build-fuzz/crashes/` becomes one more row (its bytes, and the target that found it).
@Suite struct FuzzRegressionTests {
    static let inputs: [(name: String, bytes: [UInt8])] = [
        ("empty", []),
        ("a lone NUL", [0]),
        ("NUL after a statement", Array("<a:b> <a:c> <a:d> .".utf8) + [0]),
        ("an unterminated IRI", Array("<http://ex.org/".utf8)),
        ("an escape cut short", Array("<a:b> <a:c> \"\\u12".utf8)),
        ("an escape past U+10FFFF", Array("<a:b> <a:c> \"\\UFFFFFFFF\" .".utf8)),
        ("a surrogate escape", Array("<a:b> <a:c> \"\\uD800\" .".utf8)),
        ("a lone UTF-8 continuation byte", [0x80]),
        ("an overlong UTF-8 encoding", Array("<a:b> <a:c> \"".utf8) + [0xC0, 0xAF] + Array("\" .".utf8)),
        ("a blank node label ending in a dot", Array("_:b. <a:c> <a:d> .".utf8)),
        ("a prefix declaration cut short", Array("@prefix ex: <".utf8)),
        ("open collections", Array(repeating: UInt8(ascii: "("), count: 5_000)),
        ("open brackets", Array(repeating: UInt8(ascii: "["), count: 5_000)),
        ("open groups", Array("SELECT * ".utf8) + Array(repeating: UInt8(ascii: "{"), count: 5_000)),
        ("a long sum", Array("ASK { FILTER(1".utf8) + Array(String(repeating: "+1", count: 20_000).utf8) + Array(") }".utf8)),
        ("a language tag of dashes", Array("<a:b> <a:c> \"x\"@-------- .".utf8)),
        ("a graph name that is a literal", Array("<a:b> <a:c> <a:d> \"g\" .".utf8)),
    ]

    @Test("every parser ends in a result or an error", arguments: inputs)
    func parsersSurvive(_ name: String, _ bytes: [UInt8]) {
        var nt = NTriplesParser(bytes: bytes, format: .nTriples)
        _ = try? nt.readAll()
        var nq = NTriplesParser(bytes: bytes, format: .nQuads)
        _ = try? nq.readAll()
        var ttl = TurtleParser(bytes: bytes, baseIRI: "http://example.org/")
        _ = try? ttl.readAll()
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? SPARQLParser.parseQueryOrPatterns(text)
        _ = try? SPARQLParser.parseUpdate(text)
    }
}
