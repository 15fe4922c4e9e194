/// `/assets/parley.js`: runs the editor's query against `/sparql` and shows the answer. Every
/// value from the store goes into the page as text (`textContent`), never as HTML.
enum PageScript {
    static let text = #"""
        (function () {
          "use strict";
          var form = document.getElementById("query-form");
          if (!form) { return; }
          var editor = document.getElementById("query");
          var status = document.getElementById("status");
          var results = document.getElementById("results");
          var prefixes = {};
          try { prefixes = JSON.parse(document.getElementById("parley-prefixes").textContent || "{}"); } catch (e) { prefixes = {}; }
          var namespaces = Object.keys(prefixes).map(function (p) { return [p, prefixes[p]]; })
            .sort(function (a, b) { return b[1].length - a[1].length; });
          var simpleLocal = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*$/u;

          function shortName(iri) {
            for (var i = 0; i < namespaces.length; i++) {
              var ns = namespaces[i][1];
              if (iri.indexOf(ns) === 0) {
                var local = iri.slice(ns.length);
                if (simpleLocal.test(local) && local.charAt(local.length - 1) !== ".") { return namespaces[i][0] + ":" + local; }
              }
            }
            return "<" + iri + ">";
          }

          function cell(term) {
            var td = document.createElement("td");
            if (!term) { return td; }
            if (term.type === "uri") {
              var a = document.createElement("a");
              a.href = "/entity?iri=" + encodeURIComponent(term.value);
              a.title = term.value;
              a.textContent = shortName(term.value);
              td.appendChild(a);
            } else if (term.type === "bnode") {
              td.textContent = "_:" + term.value;
            } else {
              var span = document.createElement("span");
              span.className = "literal";
              span.textContent = term.value;
              td.appendChild(span);
              var suffix = term["xml:lang"] ? "@" + term["xml:lang"] : (term.datatype ? shortName(term.datatype) : "");
              if (suffix) {
                var small = document.createElement("span");
                small.className = "datatype";
                small.textContent = " " + suffix;
                td.appendChild(small);
              }
            }
            return td;
          }

          function showTable(json) {
            var table = document.createElement("table");
            table.id = "results-table";
            var head = table.createTHead().insertRow();
            var vars = (json.head && json.head.vars) || [];
            vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = "?" + v; head.appendChild(th); });
            var body = table.createTBody();
            var rows = (json.results && json.results.bindings) || [];
            rows.forEach(function (binding) {
              var tr = body.insertRow();
              vars.forEach(function (v) { tr.appendChild(cell(binding[v])); });
            });
            results.replaceChildren(table);
            return rows.length;
          }

          function showText(text, className) {
            var pre = document.createElement("pre");
            pre.className = className;
            pre.textContent = text;
            results.replaceChildren(pre);
          }

          function run(event) {
            if (event) { event.preventDefault(); }
            var started = performance.now();
            status.textContent = "running…";
            fetch("/sparql", {
              method: "POST",
              headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
              body: editor.value
            }).then(function (response) {
              return response.text().then(function (text) {
                var ms = Math.round(performance.now() - started) + " ms";
                if (!response.ok) {
                  showText(text || (response.status + " " + response.statusText), "error");
                  status.textContent = "failed (" + response.status + ") in " + ms;
                  return;
                }
                var type = response.headers.get("Content-Type") || "";
                if (type.indexOf("json") >= 0) {
                  var json = JSON.parse(text);
                  if (typeof json.boolean === "boolean") {
                    showText(json.boolean ? "yes" : "no", "graph-result");
                    status.textContent = "answered in " + ms;
                  } else {
                    var n = showTable(json);
                    status.textContent = n + (n === 1 ? " row" : " rows") + " in " + ms;
                  }
                } else {
                  showText(text, "graph-result");
                  status.textContent = "answered in " + ms;
                }
              });
            }).catch(function (error) {
              showText(String(error), "error");
              status.textContent = "failed";
            });
          }

          form.addEventListener("submit", run);
          editor.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { run(event); }
          });
        })();
        """#
}
