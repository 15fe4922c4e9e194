import Crypto
import Foundation
import ParleyRDF
import ParleySPARQL

/// §17.4.6: MD5, SHA1, SHA256, SHA384, SHA512 of a simple literal's UTF-8 bytes, as lower-case hex.
extension ExpressionEvaluator {
    static func hash(_ function: BuiltinFunction, _ term: Term) throws -> Term {
        let bytes = Data(try simpleString(term, function.rawValue.uppercased()).utf8)
        let digest: [UInt8] = switch function {
        case .md5: Array(Insecure.MD5.hash(data: bytes))
        case .sha1: Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: Array(SHA256.hash(data: bytes))
        case .sha384: Array(SHA384.hash(data: bytes))
        default: Array(SHA512.hash(data: bytes))
        }
        let hex = "0123456789abcdef".unicodeScalars.map { $0 }
        var text = String.UnicodeScalarView()
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0f)])
        }
        return .string(String(text))
    }
}
