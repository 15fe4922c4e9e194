// libFuzzer entry point: N-Quads. Any input must end in quads or an RDFSyntaxError.
import ParleyRDF

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNQuads(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var parser = NTriplesParser(bytes: Array(UnsafeBufferPointer(start: data, count: size)), format: .nQuads)
    _ = try? parser.readAll()
    return 0
}
