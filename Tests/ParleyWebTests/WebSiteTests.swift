import ParleyOperations
import ParleyQuery
import ParleyRDF
import ParleyStore
import ParleyTestSupport
import ParleyWeb
import Testing

/// The page's routes, answered by WebSite without a server: the query page, assets, entity
/// pages and pictures, and that nothing from the data reaches the page as markup.
@Suite struct WebSiteTests {
    let directory: TemporaryDirectory
    let site: WebSite

    static let hostile = "<script>alert(1)</script>\"'&"

    init() throws {
        directory = TemporaryDirectory()
        let session = StoreSession(store: try Store(path: directory.child("db")))
        _ = try session.apply(try session.parseUpdate("""
            PREFIX pv: <https://parley.dev/ns#>
            PREFIX pe: <https://parley.dev/id/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            INSERT DATA {
              pv:advocates rdfs:subPropertyOf pv:expresses .
              pe:Wang_Yi rdfs:label "Wang Yi" ; pv:advocates pe:evil .
              pe:evil rdfs:label "\(Self.hostile.replacingQuotes)" .
              <https://parley.dev/id/statement/r/s1-1> rdf:subject pe:Wang_Yi ; rdf:predicate pv:advocates ; rdf:object pe:evil ;
                pv:evidence "said </q><img src=x onerror=alert(2)>" ; pv:sentenceNumber 1 .
            }
            """), options: QueryOptions())
        try session.store.savePrefix("pe", iri: "https://parley.dev/id/")
        try session.store.savePrefix("x</script><b>", iri: "https://example.org/\"<>")
        site = WebSite(session: session)
    }

    @Test func escapesTextAttributesJSONAndQueryValues() {
        #expect(HTMLText.escape(Self.hostile) == "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;")
        #expect(HTMLText.jsonString("</script>\"\\\n\u{2028}") == #""\u003c/script\u003e\"\\\n\u2028""#)
        #expect(HTMLText.percentEncoded("https://a.b/c d?e=f&g#h") == "https%3A%2F%2Fa.b%2Fc%20d%3Fe%3Df%26g%23h")
        #expect(HTMLText.entityLink("https://parley.dev/id/Wang_Yi") == "/entity?iri=https%3A%2F%2Fparley.dev%2Fid%2FWang_Yi")
    }

    @Test func theQueryPageHasTheEditorThePrefixesAndTheExample() throws {
        let page = site.respond(path: "/", parameters: [:])
        #expect(page.status == 200)
        #expect(page.contentType.hasPrefix("text/html"))
        #expect(page.body.contains("<textarea id=\"query\""))
        #expect(page.body.contains("PREFIX pe: &lt;https://parley.dev/id/&gt;"))
        #expect(page.body.contains("?stance rdfs:subPropertyOf pv:expresses"))
        #expect(page.body.contains("<script src=\"/assets/parley.js\"></script>"))
        // A prefix that tries to close the script element or the textarea stays data.
        #expect(!page.body.contains("x</script><b>"))
        #expect(page.body.contains(#""x\u003c/script\u003e\u003cb\u003e":"https://example.org/\"\u003c\u003e""#))
        #expect(page.body.contains("PREFIX x&lt;/script&gt;&lt;b&gt;: &lt;https://example.org/&quot;&lt;&gt;&gt;"))
        #expect(!page.body.contains("http://") || !page.body.contains("src=\"http"), "no asset from elsewhere")
    }

    @Test func assetsComeFromTheBinary() {
        let css = site.respond(path: "/assets/parley.css", parameters: [:])
        #expect(css.status == 200 && css.contentType.hasPrefix("text/css") && css.body.contains(".graph"))
        let js = site.respond(path: "/assets/parley.js", parameters: [:])
        #expect(js.status == 200 && js.contentType.hasPrefix("text/javascript") && js.body.contains("fetch(\"/sparql\""))
        #expect(!js.body.contains("innerHTML"))
        #expect(site.respond(path: "/assets/../Package.swift", parameters: [:]).status == 404)
        #expect(site.respond(path: "/nowhere", parameters: [:]).status == 404)
    }

    @Test func anEntityPageShowsFactsEvidenceAndLinksWithTheDataEscaped() throws {
        let page = site.respond(path: "/entity", parameters: ["iri": "https://parley.dev/id/Wang_Yi"])
        #expect(page.status == 200)
        #expect(page.body.contains("<h1>Wang Yi</h1>"))
        #expect(page.body.contains("<table class=\"facts\" id=\"facts\">"))
        #expect(page.body.contains("href=\"/entity?iri=https%3A%2F%2Fparley.dev%2Fid%2Fevil\""))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
        #expect(page.body.contains("<q>said &lt;/q&gt;&lt;img src=x onerror=alert(2)&gt;</q>"))
        #expect(!page.body.contains("<script>alert"))
        #expect(!page.body.contains("<img"))
        if ExternalTool.find("dot") != nil {
            #expect(page.body.contains("<div id=\"graph\" class=\"graph\"><svg"))
            #expect(!page.body.contains("<?xml"))
        } else {
            print("skipped the picture checks: Graphviz's dot is not installed (apt-get install graphviz)")
            #expect(page.body.contains("id=\"graph-missing\""))
        }
        // The same entity by label and by prefixed name.
        #expect(site.respond(path: "/entity", parameters: ["term": "wang yi"]).body == page.body)
        #expect(site.respond(path: "/entity", parameters: ["term": "pe:Wang_Yi"]).body == page.body)
    }

    @Test func unknownOrMissingEntitiesAreNotFoundOrBadRequests() {
        let unknown = site.respond(path: "/entity", parameters: ["term": "pe:Wang_Y"])
        #expect(unknown.status == 404)
        #expect(unknown.body.contains("pe:Wang_Y is not in the store; did you mean pe:Wang_Yi?"))
        let hostile = site.respond(path: "/entity", parameters: ["iri": Self.hostile])
        #expect(hostile.status == 404)
        #expect(!hostile.body.contains("<script>alert"))
        #expect(site.respond(path: "/entity", parameters: [:]).status == 400)
        #expect(site.respond(path: "/graph.svg", parameters: [:]).status == 400)
        #expect(site.respond(path: "/graph.svg", parameters: ["iri": "https://nowhere.example/"]).status == 404)
    }

    @Test func theGraphRouteServesSVG() throws {
        guard ExternalTool.find("dot") != nil else {
            print("skipped: Graphviz's dot is not installed (apt-get install graphviz)")
            return
        }
        let svg = site.respond(path: "/graph.svg", parameters: ["iri": "https://parley.dev/id/Wang_Yi"])
        #expect(svg.status == 200)
        #expect(svg.contentType.hasPrefix("image/svg+xml"))
        #expect(svg.body.contains("<svg") && svg.body.contains(">advocates<"))
        #expect(!svg.body.contains("<script>"))
    }

    @Test func withoutGraphvizThePageSaysWhatToInstall() throws {
        let session = site.session
        let noDot = WebSite(session: session, layout: GraphvizLayout(tool: "parley-no-such-dot"))
        let page = noDot.respond(path: "/entity", parameters: ["iri": "https://parley.dev/id/Wang_Yi"])
        #expect(page.status == 200)
        #expect(page.body.contains("apt-get install graphviz"))
        #expect(noDot.respond(path: "/graph.svg", parameters: ["iri": "https://parley.dev/id/Wang_Yi"]).status == 503)
    }
}

extension String {
    /// For a SPARQL string literal: quotes and backslashes escaped.
    fileprivate var replacingQuotes: String {
        var out = ""
        for c in self {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
