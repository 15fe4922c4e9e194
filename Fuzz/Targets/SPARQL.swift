// libFuzzer entry point: SPARQL query and update text. The parser must return algebra or a
// SPARQLSyntaxError for any bytes; invalid UTF-8 is repaired by String(decoding:) as the CLI does.
import ParleySPARQL

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSPARQL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let query = try? SPARQLParser.parseQueryOrPatterns(text, prefixes: ["ex": "http://example.org/"]) {
        _ = "\(query.algebra)"
    }
    _ = try? SPARQLParser.parseUpdate(text)
    return 0
}
