// libFuzzer entry point: Turtle, with a base so relative IRIs resolve, and a serializer round
// trip of what parsed (the writer must cope with every term the reader can produce).
import ParleyRDF

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTurtle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var parser = TurtleParser(bytes: Array(UnsafeBufferPointer(start: data, count: size)), baseIRI: "http://example.org/base/")
    guard let quads = try? parser.readAll() else { return 0 }
    var serializer = TurtleSerializer(prefixes: parser.prefixes)
    var out: [UInt8] = []
    for quad in quads { serializer.append(quad, to: &out) }
    serializer.finish(to: &out)
    return 0
}
