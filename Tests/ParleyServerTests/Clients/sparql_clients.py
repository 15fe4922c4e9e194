"""Queries a running `parley serve` with the clients analysts use (SPARQLWrapper and rdflib's
SPARQLStore) and checks every answer equals the one `parley query` wrote for the same query.

usage: sparql_clients.py ENDPOINT DIR
DIR holds NAME.rq with, from `parley query`, NAME.json (SELECT/ASK as JSON), NAME.csv (SELECT as
CSV) or NAME.nt (CONSTRUCT as N-Triples). Prints one line per check; exits 1 on a mismatch.
"""
import csv
import io
import json
import os
import re
import sys
from xml.dom import minidom

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

endpoint, folder = sys.argv[1], sys.argv[2]
failures = 0


def check(name, ok, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
    if not ok:
        failures += 1


def json_rows(doc):
    """Rows of a SPARQL JSON result as sorted tuples; blank node labels dropped."""
    if "boolean" in doc:
        return doc["boolean"]
    rows = []
    for binding in doc["results"]["bindings"]:
        row = []
        for var, term in sorted(binding.items()):
            kind = "literal" if term["type"] == "typed-literal" else term["type"]
            value = "" if kind == "bnode" else term["value"]
            row.append((var, kind, value, term.get("xml:lang", ""), term.get("datatype", "")))
        rows.append(tuple(row))
    return sorted(rows)


def xml_rows(document):
    """The same from a SPARQL XML result (SPARQLWrapper gives a DOM)."""
    booleans = document.getElementsByTagName("boolean")
    if booleans:
        return booleans[0].firstChild.data.strip() == "true"
    rows = []
    for result in document.getElementsByTagName("result"):
        row = []
        for binding in result.getElementsByTagName("binding"):
            node = [n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE][0]
            text = "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)
            kind = {"uri": "uri", "literal": "literal", "bnode": "bnode"}[node.tagName]
            row.append((binding.getAttribute("name"), kind, "" if kind == "bnode" else text,
                        node.getAttribute("xml:lang"), node.getAttribute("datatype")))
        rows.append(tuple(sorted(row)))
    return sorted(rows)


def rdflib_rows(result):
    """The same from rdflib's SPARQLStore result rows."""
    if result.type == "ASK":
        return result.askAnswer
    rows = []
    for solution in result.bindings:
        row = []
        for var, term in sorted((str(k), v) for k, v in solution.items()):
            if isinstance(term, URIRef):
                row.append((var, "uri", str(term), "", ""))
            elif isinstance(term, BNode):
                row.append((var, "bnode", "", "", ""))
            else:
                row.append((var, "literal", str(term), term.language or "",
                            str(term.datatype) if term.datatype and not term.language else ""))
        rows.append(tuple(row))
    return sorted(rows)


def plain_datatypes(rows):
    """xsd:string written out or left implicit means the same literal."""
    if isinstance(rows, bool):
        return rows
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    lang_string = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    return sorted(tuple((v, k, val, lang, "" if dt in (xsd_string, lang_string) else dt) for v, k, val, lang, dt in row)
                  for row in rows)


def csv_rows(text):
    reader = csv.reader(io.StringIO(text))
    table = list(reader)
    return table[0] if table else [], sorted(re.sub(r"_:\S+", "_:", ",".join(r)) for r in table[1:])


names = sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".rq"))
for name in names:
    query = open(os.path.join(folder, name + ".rq")).read()
    base = os.path.join(folder, name)
    if os.path.exists(base + ".json"):
        expected = plain_datatypes(json_rows(json.load(open(base + ".json"))))
        client = SPARQLWrapper(endpoint)
        client.setQuery(query)
        client.setReturnFormat(JSON)
        check(f"{name} SPARQLWrapper JSON", plain_datatypes(json_rows(client.query().convert())) == expected)
        client.setReturnFormat(XML)
        check(f"{name} SPARQLWrapper XML", plain_datatypes(xml_rows(client.query().convert())) == expected)
        store = SPARQLStore(endpoint, returnFormat="json")
        got = plain_datatypes(rdflib_rows(store.query(query)))
        check(f"{name} rdflib SPARQLStore", got == expected, f"{got} != {expected}")
    if os.path.exists(base + ".csv"):
        client = SPARQLWrapper(endpoint)
        client.setQuery(query)
        client.setReturnFormat(CSV)
        got = csv_rows(client.query().convert().decode("utf-8"))
        want = csv_rows(open(base + ".csv", encoding="utf-8", newline="").read())
        check(f"{name} SPARQLWrapper CSV", got == want, f"{got} != {want}")
    if os.path.exists(base + ".nt"):
        expected = Graph().parse(base + ".nt", format="nt")
        client = SPARQLWrapper(endpoint)
        client.setQuery(query)
        client.setReturnFormat(TURTLE)
        body = client.query().convert()
        got = Graph().parse(data=body, format="turtle")
        check(f"{name} SPARQLWrapper CONSTRUCT as Turtle", isomorphic(got, expected), body.decode("utf-8")[:300])
        # rdflib's default for graphs asks for RDF/XML, which Parley does not write: ask for Turtle.
        store = SPARQLStore(endpoint, returnFormat="turtle")
        got = Graph()
        for triple in store.query(query):
            got.add(triple)
        check(f"{name} rdflib SPARQLStore CONSTRUCT", isomorphic(got, expected))

print(f"{failures} failed")
sys.exit(1 if failures else 0)
