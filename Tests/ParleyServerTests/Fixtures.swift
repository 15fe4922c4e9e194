import Foundation
import ParleyTestSupport

/// The stores the server tests serve.
enum Fixtures {
    /// A few people in the default graph and a readout graph.
    static let quads = """
        <http://ex/alice> <http://ex/name> "Alice" .
        <http://ex/alice> <http://ex/knows> <http://ex/bob> .
        <http://ex/bob> <http://ex/name> "Bob"@en .
        <http://ex/bob> <http://ex/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
        <http://ex/carol> <http://ex/name> "Carol, \\"the\\" third" <http://ex/g1> .
        <http://ex/carol> <http://ex/knows> <http://ex/alice> <http://ex/g1> .
        _:b1 <http://ex/name> "anon" <http://ex/g2> .

        """

    /// A store loaded with ``quads`` by the real binary, in its own directory.
    static func store() throws -> (directory: TemporaryDirectory, db: String) {
        let dir = TemporaryDirectory("parley-serve-test")
        let file = dir.write("data.nq", quads)
        let db = dir.child("db")
        let load = try ParleyProcess.run(["load", "--db", db, file])
        guard load.status == 0 else { throw ServerProcess.StartFailure(description: "parley load failed: \(load.stderr)") }
        return (dir, db)
    }

    /// Percent-encodes a parameter value for a URL.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
