import ParleyRDF
import ParleyTestSupport
import Testing

@Suite struct NTriplesParserTests {
    @Test("reads a simple triple")
    func simple() throws {
        var parser = NTriplesParser(text: "<http://ex/s> <http://ex/p> \"o\" .\n")
        #expect(try parser.readAll() == [Quad(.iri("http://ex/s"), .iri("http://ex/p"), .string("o"))])
    }
}
