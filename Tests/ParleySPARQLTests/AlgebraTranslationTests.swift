import ParleyRDF
import ParleySPARQL
import Testing

/// Queries and the algebra §18.2 makes of them, compared as SSE text.
@Suite struct AlgebraTranslationTests {
    static let cases: [(query: String, algebra: String)] = [
        ("SELECT * { ?s <p> ?o }", "(project (?s ?o) (bgp (triple ?s <p> ?o)))"),
        ("SELECT ?s {}", "(project (?s) (bgp))"),
        ("ASK { ?s a <C> ; <p> 1, 2 }",
         "(bgp (triple ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <C>) (triple ?s <p> 1) (triple ?s <p> 2))"),
        ("ASK { ?s <p> [ <q> ?o ] }", "(bgp (triple ??~1 <q> ?o) (triple ?s <p> ??~1))"),
        ("ASK { _:a <p> ?o . _:a <q> 'x'@en }", #"(bgp (triple ??a <p> ?o) (triple ??a <q> "x"@en))"#),
        ("ASK { ?s <p> ('a' 1.5) }",
         #"(bgp (triple ??~1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a") (triple ??~1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> ??~2) (triple ??~2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> 1.5) (triple ??~2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>) (triple ?s <p> ??~1))"#),
        ("ASK { ?s <p> 'x'^^<dt>, true, 1e0, -3 }",
         #"(bgp (triple ?s <p> "x"^^<dt>) (triple ?s <p> true) (triple ?s <p> 1e0) (triple ?s <p> -3))"#),
        // Filters apply to the whole group, wherever they are written.
        ("ASK { FILTER(?o > 1) ?s <p> ?o . ?s <q> ?r }",
         "(filter (> ?o 1) (bgp (triple ?s <p> ?o) (triple ?s <q> ?r)))"),
        ("ASK { ?s <p> ?o FILTER(?o) FILTER(?s) }", "(filter (&& ?o ?s) (bgp (triple ?s <p> ?o)))"),
        // OPTIONAL's filter goes into the LeftJoin.
        ("ASK { ?s <p> ?o OPTIONAL { ?s <q> ?r FILTER(?r = ?o) } }",
         "(leftjoin (bgp (triple ?s <p> ?o)) (bgp (triple ?s <q> ?r)) (= ?r ?o))"),
        ("ASK { OPTIONAL { ?s <q> ?r } }", "(leftjoin (bgp) (bgp (triple ?s <q> ?r)))"),
        ("ASK { { ?s <p> ?o } UNION { ?s <q> ?o } UNION { ?s <r> ?o } }",
         "(union (union (bgp (triple ?s <p> ?o)) (bgp (triple ?s <q> ?o))) (bgp (triple ?s <r> ?o)))"),
        ("ASK { ?s <p> ?o MINUS { ?s <q> ?o } }", "(minus (bgp (triple ?s <p> ?o)) (bgp (triple ?s <q> ?o)))"),
        ("ASK { GRAPH ?g { ?s <p> ?o } GRAPH <g> { } }",
         "(join (graph ?g (bgp (triple ?s <p> ?o))) (graph <g> (bgp)))"),
        // BIND ends the BGP before it.
        ("ASK { ?s <p> ?o BIND(?o * 2 AS ?d) ?s <q> ?d }",
         "(join (extend ((?d (* ?o 2))) (bgp (triple ?s <p> ?o))) (bgp (triple ?s <q> ?d)))"),
        ("ASK { VALUES (?x ?y) { (1 UNDEF) (<a> 'b') } }", #"(table (vars ?x ?y) (row [?x 1]) (row [?x <a>] [?y "b"]))"#),
        ("SELECT * { ?s <p> ?o } VALUES ?s { <a> }",
         "(project (?s ?o) (join (bgp (triple ?s <p> ?o)) (table (vars ?s) (row [?s <a>]))))"),
        ("ASK { SERVICE SILENT <http://s> { ?s ?p ?o } }", "(service silent <http://s> (bgp (triple ?s ?p ?o)))"),
        ("ASK { ?s <p> ?o FILTER EXISTS { ?o <q> ?s } FILTER NOT EXISTS { ?o <r> ?s } }",
         "(filter (&& (exists (bgp (triple ?o <q> ?s))) (notexists (bgp (triple ?o <r> ?s)))) (bgp (triple ?s <p> ?o)))"),
        // Sub-select.
        ("SELECT ?s { ?s <p> ?o { SELECT ?o { ?o <q> 1 } ORDER BY ?o LIMIT 2 } }",
         "(project (?s) (join (bgp (triple ?s <p> ?o)) (slice _ 2 (project (?o) (order (?o) (bgp (triple ?o <q> 1)))))))"),
        // Property paths (§18.2.2.4): IRIs, inverses and sequences become triples.
        ("ASK { ?s <p>/<q> ?o }", "(bgp (triple ?s <p> ??~1) (triple ??~1 <q> ?o))"),
        ("ASK { ?s ^<p> ?o }", "(bgp (triple ?o <p> ?s))"),
        ("ASK { ?s <p>|<q> ?o }", "(path ?s (alt <p> <q>) ?o)"),
        ("ASK { ?s <p>* ?o . ?s <q>+ ?o . ?s (<r>)? ?o }",
         "(join (join (path ?s (path* <p>) ?o) (path ?s (path+ <q>) ?o)) (path ?s (path? <r>) ?o))"),
        ("ASK { ?s !<p> ?o }", "(path ?s (notoneof <p>) ?o)"),
        ("ASK { ?s !(<p>|^<q>|a) ?o }",
         "(path ?s (alt (notoneof <p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) (reverse (notoneof <q>))) ?o)"),
        ("ASK { ?s !^<q> ?o }", "(path ?o (notoneof <q>) ?s)"),
        ("ASK { ?s ^(<p>/<q>*) ?o }", "(join (bgp (triple ?o <p> ??~1)) (path ??~1 (path* <q>) ?s))"),
        ("ASK { ?s <p>/(<q>|<r>)/<t> ?o }",
         "(join (join (bgp (triple ?s <p> ??~2)) (path ??~2 (alt <q> <r>) ??~1)) (bgp (triple ??~1 <t> ?o)))"),
        // Solution modifiers in §18.2.4/§18.2.5 order.
        ("SELECT DISTINCT ?s { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 5 OFFSET 10",
         "(slice 10 5 (distinct (project (?s) (order ((desc ?o) ?s) (bgp (triple ?s ?p ?o))))))"),
        ("SELECT REDUCED * { ?s ?p ?o } OFFSET 3", "(slice 3 _ (reduced (project (?s ?p ?o) (bgp (triple ?s ?p ?o)))))"),
        ("SELECT (?o + 1 AS ?n) ?s { ?s ?p ?o }",
         "(project (?n ?s) (extend ((?n (+ ?o 1))) (bgp (triple ?s ?p ?o))))"),
        // Grouping and aggregates.
        ("SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 2)",
         "(project (?s ?n) (extend ((?n ?.1)) (filter (> ?.1 2) (group (?s) ((?.1 (count))) (bgp (triple ?s ?p ?o))))))"),
        ("SELECT (SUM(DISTINCT ?o) AS ?t) { ?s ?p ?o }",
         "(project (?t) (extend ((?t ?.1)) (group () ((?.1 (sum distinct ?o))) (bgp (triple ?s ?p ?o)))))"),
        ("SELECT ?k (GROUP_CONCAT(?o; SEPARATOR='|') AS ?all) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)",
         #"(project (?k ?all) (extend ((?all ?.1)) (group (?k) ((?.1 (group_concat (separator "|") ?o))) (extend ((?k (str ?s))) (bgp (triple ?s ?p ?o))))))"#),
        ("SELECT (MAX(?o) - MIN(?o) AS ?range) { ?s ?p ?o } GROUP BY (?s)",
         "(project (?range) (extend ((?range (- ?.1 ?.2))) (group (?s) ((?.1 (max ?o)) (?.2 (min ?o))) (bgp (triple ?s ?p ?o)))))"),
        ("SELECT ?s { ?s ?p ?o } GROUP BY ?s ORDER BY AVG(?o)",
         "(project (?s) (order (?.1) (group (?s) ((?.1 (avg ?o))) (bgp (triple ?s ?p ?o)))))"),
        ("SELECT (SAMPLE(?o) AS ?x) (COUNT(DISTINCT ?o) AS ?c) { ?s ?p ?o } GROUP BY ?s",
         "(project (?x ?c) (extend ((?c ?.2)) (extend ((?x ?.1)) (group (?s) ((?.1 (sample ?o)) (?.2 (count distinct ?o))) (bgp (triple ?s ?p ?o))))))"),
        // CONSTRUCT and DESCRIBE keep their algebra unprojected.
        ("CONSTRUCT { ?s <p> ?o } WHERE { ?s <q> ?o } LIMIT 1", "(slice _ 1 (bgp (triple ?s <q> ?o)))"),
        ("DESCRIBE <x>", "(bgp)"),
    ]

    @Test("translates each query as §18.2 specifies", arguments: cases)
    func translates(_ query: String, _ algebra: String) throws {
        #expect(try SPARQLParser.parse(query).algebra.description == algebra)
    }

    static let expressions: [(expression: String, sse: String)] = [
        ("?a || ?b && ?c", "(|| ?a (&& ?b ?c))"),
        ("?a && ?b || ?c", "(|| (&& ?a ?b) ?c)"),
        ("?a = ?b && ?c != ?d", "(&& (= ?a ?b) (!= ?c ?d))"),
        ("1 + 2 * 3 - 4 / 5", "(- (+ 1 (* 2 3)) (/ 4 5))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("?a -1", "(- ?a 1)"),
        ("?a +2 * 3", "(+ ?a (* 2 3))"),
        ("?a - -1", "(- ?a -1)"),
        ("-?a + +?b", "(+ (- ?a) (+ ?b))"),
        ("!?a = false", "(= (! ?a) false)"),
        ("?a < 1 || ?a >= 2.5", "(|| (< ?a 1) (>= ?a 2.5))"),
        ("?a IN (1, 'x') && ?b NOT IN ()", #"(&& (in ?a 1 "x") (notin ?b))"#),
        ("REGEX(STR(?a), '^x', 'i')", #"(regex (str ?a) "^x" "i")"#),
        ("isURI(?a) && isBlank(?b) && sameTerm(?a, ?b)", "(&& (&& (isiri ?a) (isblank ?b)) (sameterm ?a ?b))"),
        ("BOUND(?a) && !BOUND(?b)", "(&& (bound ?a) (! (bound ?b)))"),
        ("IF(?a, COALESCE(?b, 1), CONCAT())", "(if ?a (coalesce ?b 1) (concat))"),
        ("SUBSTR(?s, 1, 2) = STRLANG('x', 'en')", #"(= (substr ?s 1 2) (strlang "x" "en"))"#),
        ("<http://www.w3.org/2001/XMLSchema#integer>(?a) + <f>(?a, ?b)",
         "(+ (<http://www.w3.org/2001/XMLSchema#integer> ?a) (<f> ?a ?b))"),
        ("NOW() < RAND() && BNODE() != UUID()", "(&& (< (now) (rand)) (!= (bnode) (uuid)))"),
        ("YEAR(?d) + TZ(?d) + ENCODE_FOR_URI(?s) + SHA512(?s)",
         "(+ (+ (+ (year ?d) (tz ?d)) (encode_for_uri ?s)) (sha512 ?s))"),
        ("<x>", "<x>"),
    ]

    @Test("parses expressions with SPARQL's precedence and the signed-number rule", arguments: expressions)
    func precedence(_ expression: String, _ sse: String) throws {
        let query = try SPARQLParser.parse("ASK { FILTER(\(expression)) }")
        guard case .filter(let e, _) = query.algebra else {
            Issue.record("no filter in \(query.algebra)")
            return
        }
        #expect(e.description == sse)
    }

    @Test("resolves relative IRIs against BASE, else the caller's base, else keeps them")
    func baseResolution() throws {
        let withBase = try SPARQLParser.parse("BASE <http://ex/a/b> PREFIX p: <c#> ASK { <d> p:e <../f> }")
        #expect(withBase.algebra.description == "(bgp (triple <http://ex/a/d> <http://ex/a/c#e> <http://ex/f>))")
        #expect(withBase.baseIRI == "http://ex/a/b")
        let callerBase = try SPARQLParser.parse("ASK { <d> <e> <f> }", baseIRI: "http://ex/x/")
        #expect(callerBase.algebra.description == "(bgp (triple <http://ex/x/d> <http://ex/x/e> <http://ex/x/f>))")
        let none = try SPARQLParser.parse("ASK { <d> <e> <f> }")
        #expect(none.algebra.description == "(bgp (triple <d> <e> <f>))")
    }

    @Test("makes caller prefixes available and lets PREFIX override them")
    func prefixes() throws {
        let defaults = ["ex": "http://ex/", "pv": "https://parley.dev/ns#"]
        let query = try SPARQLParser.parse("PREFIX ex: <http://other/> ASK { ex:a pv:b ex:c\\.d }", prefixes: defaults)
        #expect(query.algebra.description == "(bgp (triple <http://other/a> <https://parley.dev/ns#b> <http://other/c.d>))")
        #expect(query.prefixes["pv"] == "https://parley.dev/ns#")
    }

    @Test("reports each query form with what it needs")
    func forms() throws {
        #expect(try SPARQLParser.parse("SELECT DISTINCT ?b ?a { ?a ?p ?b }").form == .select(variables: ["b", "a"], modifier: .distinct))
        #expect(try SPARQLParser.parse("ASK {}").form == .ask)
        let construct = try SPARQLParser.parse("CONSTRUCT { ?s <p> [] } WHERE { ?s ?q ?o }").form
        #expect(construct == .construct([TriplePattern(.variable("s"), .term(.iri("p")), .term(.blank("~1")))]))
        let short = try SPARQLParser.parse("CONSTRUCT WHERE { ?s <p> _:o }").form
        #expect(short == .construct([TriplePattern(.variable("s"), .term(.iri("p")), .term(.blank("o")))]))
        #expect(try SPARQLParser.parse("DESCRIBE ?s <x> { ?s ?p ?o }").form == .describe([.variable("s"), .term(.iri("x"))]))
        #expect(try SPARQLParser.parse("DESCRIBE * { ?s ?p _:o }").form == .describe([.variable("s"), .variable("p")]))
        let dataset = try SPARQLParser.parse("SELECT * FROM <a> FROM NAMED <b> FROM <c> { ?s ?p ?o }").dataset
        #expect(dataset == Dataset(defaultGraphs: ["a", "c"], namedGraphs: ["b"]))
    }

    static let updates: [(update: String, sse: String)] = [
        ("INSERT DATA { <a> <b> 'c' . GRAPH <g> { <a> <b> _:x } }",
         #"(insertData (quad _ <a> <b> "c") (quad <g> <a> <b> _:x))"#),
        ("DELETE DATA { <a> <b> <c> }", "(deleteData (quad _ <a> <b> <c>))"),
        ("DELETE WHERE { ?s <p> ?o . GRAPH ?g { ?s <q> ?o } }", "(deleteWhere (quad _ ?s <p> ?o) (quad ?g ?s <q> ?o))"),
        ("WITH <g> DELETE { ?s <p> ?o } INSERT { ?s <q> [] } USING <u> USING NAMED <n> WHERE { ?s <p> ?o }",
         "(modify (with <g>) (delete (quad _ ?s <p> ?o)) (insert (quad _ ?s <q> _:~1)) (using <u> (named <n>)) (bgp (triple ?s <p> ?o)))"),
        ("INSERT { ?s <q> 1 } WHERE { ?s <p> ?o }", "(modify (insert (quad _ ?s <q> 1)) (bgp (triple ?s <p> ?o)))"),
        ("LOAD SILENT <http://x> INTO GRAPH <g>; LOAD <y>", "(load silent <http://x> <g>)\n(load <y>)"),
        ("CLEAR GRAPH <g>; CLEAR DEFAULT; DROP NAMED; DROP SILENT ALL",
         "(clear <g>)\n(clear default)\n(drop named)\n(drop silent all)"),
        ("CREATE GRAPH <g>; ADD <a> TO DEFAULT; MOVE SILENT DEFAULT TO GRAPH <b>; COPY <a> TO <b> ;",
         "(create <g>)\n(add <a> default)\n(move silent default <b>)\n(copy <a> <b>)"),
        ("PREFIX : <http://ex/> INSERT DATA { :a :b :c } ; PREFIX : <http://other/> DELETE DATA { :a :b :c }",
         "(insertData (quad _ <http://ex/a> <http://ex/b> <http://ex/c>))\n(deleteData (quad _ <http://other/a> <http://other/b> <http://other/c>))"),
        ("", ""),
    ]

    @Test("translates each update operation", arguments: updates)
    func translatesUpdates(_ update: String, _ sse: String) throws {
        #expect(try SPARQLParser.parseUpdate(update).description == sse)
    }

    @Test("tells queries from updates")
    func requests() throws {
        guard case .query = try SPARQLParser.parseRequest("PREFIX a: <x> BASE <y> SELECT * {}") else {
            Issue.record("expected a query")
            return
        }
        guard case .update = try SPARQLParser.parseRequest("PREFIX a: <x> CLEAR ALL") else {
            Issue.record("expected an update")
            return
        }
    }
}
