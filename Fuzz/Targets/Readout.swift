// libFuzzer entry point: readout text. The extractor must return facts (possibly none) for any
// text; it never throws and must never crash, loop or blow the stack. The lexicon is the shipped
// one (schema/lexicon, relative to the package root the script runs from).
import ParleyExtraction

nonisolated(unsafe) let lexicon: Lexicon? = try? Lexicon(directory: "schema/lexicon")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadout(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let lexicon else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let extraction = ReadoutExtractor.extract(text: text, slug: "fuzz", lexicon: lexicon)
    _ = extraction.quads.count
    return 0
}
