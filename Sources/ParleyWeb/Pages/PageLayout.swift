/// The frame every page shares: head with the embedded stylesheet, a header bar, the content.
enum PageLayout {
    /// A whole document; `title` is text (escaped here), `content` is HTML already escaped.
    static func document(title: String, content: String, script: Bool = false) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · Parley</title>
        <link rel="stylesheet" href="/assets/parley.css">
        </head>
        <body>
        <header class="bar"><a class="home" href="/">Parley</a><span class="tagline">who said what, and where it says so</span>
        <form class="open" action="/entity" method="get"><input name="term" placeholder="Open an entity: Wang Yi, pe:China, &lt;IRI&gt;" aria-label="entity"></form></header>
        <main>
        \(content)
        </main>
        \(script ? "<script src=\"/assets/parley.js\"></script>\n" : "")</body>
        </html>

        """
    }
}
