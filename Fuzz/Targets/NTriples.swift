// libFuzzer entry point: N-Triples. Any input must end in triples or an RDFSyntaxError, never a
// crash, a hang or a sanitizer report.
import ParleyRDF

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNTriples(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var parser = NTriplesParser(bytes: Array(UnsafeBufferPointer(start: data, count: size)), format: .nTriples)
    _ = try? parser.readAll()
    return 0
}
