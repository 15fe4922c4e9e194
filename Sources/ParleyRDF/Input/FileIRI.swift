#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `file:` IRIs for local paths, the default base of a Turtle file.
public enum FileIRI {
    /// The `file:` IRI of `path`, made absolute against the working directory (symbolic links
    /// resolved when the file exists), percent-encoding what an IRI path cannot hold.
    public static func make(for path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            func text(_ buffer: [CChar]) -> String {
                String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            if realpath(path, &buffer) != nil {
                absolute = text(buffer)
            } else if getcwd(&buffer, buffer.count) != nil {
                absolute = text(buffer) + "/" + path
            }
        }
        var iri = Array("file://".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in absolute.utf8 {
            // Keep what an IRI path allows (non-ASCII included); percent-encode the rest.
            let allowed = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || "/-._~!$&'()*+,;=:@".utf8.contains(byte)
            if allowed {
                iri.append(byte)
            } else {
                iri += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: iri, as: UTF8.self)
    }
}
