import ParleyOperations
import ParleyRDF

/// The page of one entity, rendered on the server from an ``EntityDescription``: its
/// neighbourhood picture, then its facts grouped by predicate (as subject, then as object),
/// each with the readout sentences behind it.
public struct EntityPage {
    public var description: EntityDescription
    public var formatter: TermFormatter
    /// The SVG document of the neighbourhood, or why there is none.
    public var picture: Result<String, OperationError>

    public init(description: EntityDescription, formatter: TermFormatter, picture: Result<String, OperationError>) {
        self.description = description
        self.formatter = formatter
        self.picture = picture
    }

    /// The whole page.
    public var html: String {
        let iri = description.iri
        let name = description.label ?? formatter.sparql(iri)
        var content = """
            <section class="entity-head">
            <h1>\(HTMLText.escape(name))</h1>
            <p class="iri"><code>\(HTMLText.escape(formatter.sparql(iri)))</code> <span class="full">\(HTMLText.escape("<" + iri + ">"))</span></p>
            </section>
            <section class="picture">
            <h2>Who said what</h2>
            \(pictureHTML)
            </section>

            """
        if description.isEmpty { content += "<p class=\"note\">The store holds no triples about this entity.</p>\n" }
        if !description.outgoing.isEmpty {
            content += "<section><h2>What it is and says</h2>\n" + table(description.outgoing, id: "facts") + "</section>\n"
        }
        if !description.incoming.isEmpty {
            content += "<section><h2>Said about it and linked to it</h2>\n" + table(description.incoming, id: "incoming") + "</section>\n"
        }
        return PageLayout.document(title: name, content: content)
    }

    /// The SVG inline (its XML prolog and doctype dropped), or a note saying why not.
    var pictureHTML: String {
        switch picture {
        case .success(let svg):
            guard let start = svg.range(of: "<svg") else { return "" }
            return "<div id=\"graph\" class=\"graph\">" + svg[start.lowerBound...] + "</div>"
        case .failure(let error):
            return "<p class=\"note\" id=\"graph-missing\">" + HTMLText.escape(error.diagnostic.message) + "</p>"
        }
    }

    /// A table: one row per value, the predicate shown on its first row.
    func table(_ groups: [EntityDescription.Group], id: String) -> String {
        var html = "<table class=\"facts\" id=\"\(id)\"><thead><tr><th>predicate</th><th>value</th><th>evidence</th></tr></thead><tbody>\n"
        for group in groups {
            for (i, value) in group.values.enumerated() {
                let head = i == 0 ? predicateHTML(group.predicate) : ""
                html += "<tr\(i == 0 ? " class=\"first\"" : "")><th scope=\"row\">\(head)</th><td>\(termHTML(value.term))</td><td>\(evidenceHTML(value.evidence))</td></tr>\n"
            }
        }
        return html + "</tbody></table>\n"
    }

    func predicateHTML(_ predicate: Term) -> String {
        guard case .iri(let iri) = predicate else { return termHTML(predicate) }
        let title = description.labels[iri].map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
        return "<a href=\"\(HTMLText.escape(HTMLText.entityLink(iri)))\"\(title)>\(HTMLText.escape(formatter.format(predicate)))</a>"
    }

    /// An IRI as a link to its page (its label, else its prefixed name); a literal as text.
    func termHTML(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            let text = description.labels[iri] ?? formatter.sparql(iri)
            return "<a href=\"\(HTMLText.escape(HTMLText.entityLink(iri)))\" title=\"\(HTMLText.escape(iri))\">\(HTMLText.escape(text))</a>"
        case .literal(let literal):
            var suffix = ""
            if let language = literal.language {
                suffix = "@" + language
            } else if literal.datatype != Vocabulary.xsdString {
                suffix = formatter.prefixedName(literal.datatype) ?? "<\(literal.datatype)>"
            }
            let tag = suffix.isEmpty ? "" : " <span class=\"datatype\">\(HTMLText.escape(suffix))</span>"
            return "<span class=\"literal\">\(HTMLText.escape(literal.lexical))</span>" + tag
        case .blank:
            return "<span class=\"blank\">\(HTMLText.escape(formatter.format(term)))</span>"
        }
    }

    /// The sentences behind one fact: the quoted text, the readout (linked) and sentence number.
    func evidenceHTML(_ evidence: [Evidence]) -> String {
        guard !evidence.isEmpty else { return "" }
        var html = "<ul class=\"evidence\">"
        for item in evidence {
            html += "<li>"
            if let text = item.text { html += "<q>\(HTMLText.escape(text))</q> " }
            var source: [String] = []
            if let readout = item.readout {
                source.append("<a href=\"\(HTMLText.escape(HTMLText.entityLink(readout)))\">\(HTMLText.escape(NeighbourhoodGraph.localName(readout)))</a>")
            }
            if let sentence = item.sentence { source.append("sentence \(sentence)") }
            if !source.isEmpty { html += "<span class=\"source\">" + source.joined(separator: ", ") + "</span>" }
            html += "</li>"
        }
        return html + "</ul>"
    }
}
