/// The page at `/`: a SPARQL editor prefilled with the store's prefixes and an example (who
/// holds which stance toward what), run by `parley.js` against `/sparql`, the results a table
/// whose IRIs open entity pages.
public enum QueryPage {
    /// The example query under the prefixes.
    public static let example = """
        # Who holds which stance toward what (Ctrl-Enter runs it)
        SELECT ?who ?stance ?what WHERE {
          ?who ?stance ?what .
          ?stance rdfs:subPropertyOf pv:expresses .
        }
        ORDER BY ?who ?stance ?what
        LIMIT 200
        """

    /// The editor's starting text: one `PREFIX` line per saved prefix, then ``example``.
    public static func initialText(prefixes: [(prefix: String, iri: String)]) -> String {
        prefixes.map { "PREFIX \($0.prefix): <\($0.iri)>\n" }.joined() + "\n" + example + "\n"
    }

    /// The whole page.
    public static func html(prefixes: [(prefix: String, iri: String)]) -> String {
        let json = "{" + prefixes.map { HTMLText.jsonString($0.prefix) + ":" + HTMLText.jsonString($0.iri) }.joined(separator: ",") + "}"
        let lines = initialText(prefixes: prefixes).split(separator: "\n", omittingEmptySubsequences: false).count
        let content = """
            <section class="editor">
            <form id="query-form" action="/sparql" method="post">
            <textarea id="query" name="query" rows="\(min(max(lines, 10), 30))" spellcheck="false" autocapitalize="off" aria-label="SPARQL query">\(HTMLText.escape(initialText(prefixes: prefixes)))</textarea>
            <div class="actions"><button type="submit" id="run">Run query</button><span id="status" role="status"></span></div>
            </form>
            </section>
            <section id="results" aria-live="polite"></section>
            <script type="application/json" id="parley-prefixes">\(json)</script>
            """
        return PageLayout.document(title: "Query", content: content, script: true)
    }
}
