import ParleyRDF

/// A byte source that hands out at most `step` bytes per read (1 by default), so tests can
/// check that a reader copes with tokens, escapes and UTF-8 sequences split across reads.
public struct TrickleByteSource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var position = 0

    public init(_ bytes: [UInt8], step: Int = 1) {
        self.bytes = bytes
        self.step = max(1, step)
    }

    public init(_ text: String, step: Int = 1) { self.init(Array(text.utf8), step: step) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(step, buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        for k in 0..<count { buffer[k] = bytes[position + k] }
        position += count
        return count
    }
}
