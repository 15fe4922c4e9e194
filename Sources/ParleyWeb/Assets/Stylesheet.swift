/// `/assets/parley.css`.
enum Stylesheet {
    static let text = """
        :root { --ink: #1d2733; --muted: #5b6877; --line: #d7dee6; --accent: #2f5d95; --paper: #fbfcfd; --soft: #eef3fb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .bar { display: flex; gap: 1rem; align-items: center; padding: .6rem 1.2rem; background: #17304f; color: #dfe8f3; }
        .bar .home { color: #fff; font-weight: 700; font-size: 1.15rem; }
        .bar .tagline { color: #a9bdd4; font-size: .9rem; }
        .bar .open { margin-left: auto; }
        .bar .open input { width: 22rem; max-width: 40vw; padding: .3rem .5rem; border-radius: 4px; border: 1px solid #456; background: #20395a; color: #fff; }
        main { padding: 1rem 1.2rem 3rem; max-width: 84rem; margin: 0 auto; }
        h1 { margin: .2rem 0; font-size: 1.6rem; }
        h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        textarea { width: 100%; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; padding: .6rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
        .actions { display: flex; align-items: center; gap: 1rem; margin: .5rem 0 1rem; }
        button { font: inherit; padding: .35rem 1rem; border-radius: 5px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
        #status { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--line); }
        thead th { background: var(--soft); font-weight: 600; position: sticky; top: 0; }
        tbody th { font-weight: 500; white-space: nowrap; }
        tr.first { border-top: 2px solid var(--line); }
        .literal { color: #6b3d00; }
        .datatype { color: var(--muted); font-size: .85em; }
        .iri { color: var(--muted); margin: 0; }
        .iri .full { font-size: .85em; }
        .error { white-space: pre-wrap; font-family: ui-monospace, monospace; color: #8a1f11; background: #fdecea; border: 1px solid #f3c1b9; padding: .6rem; border-radius: 6px; }
        .note { color: var(--muted); font-style: italic; }
        .graph { overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; padding: .5rem; }
        .graph svg { max-width: 100%; height: auto; }
        ul.evidence { margin: 0; padding-left: 1rem; }
        ul.evidence li { margin: 0 0 .25rem; }
        ul.evidence q { font-style: italic; }
        .source { color: var(--muted); font-size: .85em; margin-left: .3rem; }
        pre.graph-result { background: #fff; border: 1px solid var(--line); padding: .6rem; overflow: auto; }
        """
}
