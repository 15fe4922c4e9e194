"""Runs the W3C SPARQL 1.1 Protocol test manifest against a running `parley serve`
(started with --allow-update and --no-union-default-graph: the tests assume the standard dataset).

usage: protocol_manifest.py HOST PORT MANIFEST
Reads each test's requests (method, path, headers, body) and expected responses (status class,
result format, boolean) from the manifest with rdflib, loads its ut:graphData through the Graph
Store Protocol, sends the requests with http.client byte for byte (so malformed ones arrive
malformed), and checks the responses. Prints one line per test; exits 1 on a failure.
"""
import http.client
import json
import os
import sys
import urllib.parse

from rdflib import Graph, Namespace, RDF, RDFS
from rdflib.collection import Collection

host, port, manifest_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

graph = Graph().parse(manifest_path, format="turtle")
folder = os.path.dirname(os.path.abspath(manifest_path))
manifest = next(graph.subjects(RDF.type, MF.Manifest))
entries = list(Collection(graph, graph.value(manifest, MF.entries)))


def send(method, path, headers=None, body=None):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type") or "", data


def reset(test):
    status, _, data = send("POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL")
    assert status == 200, data
    for data_node in graph.objects(test, UT.graphData):
        name = str(graph.value(data_node, RDFS.label))
        source = str(graph.value(data_node, UT.graph)).split("/")[-1]
        body = open(os.path.join(folder, source), "rb").read()
        status, _, data = send("PUT", "/store?graph=" + urllib.parse.quote(name, safe=""),
                               {"Content-Type": "application/n-triples"}, body)
        assert status in (200, 201), data


def status_ok(status, expected):
    classes = {HTS.StatusCode2xx: 2, HTS.StatusCode3xx: 3, HTS.StatusCode4xx: 4, HTS.StatusCode5xx: 5}
    return any(status // 100 == classes.get(code) for code in expected)


def format_ok(content_type, expected):
    essence = content_type.split(";")[0].strip()
    tabular = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"}
    rdf = {"text/turtle", "application/n-triples", "application/n-quads", "application/rdf+xml"}
    return {"boolean": essence in {"application/sparql-results+json", "application/sparql-results+xml"},
            "tabular": essence in tabular, "RDF": essence in rdf}.get(expected, True)


def boolean_of(content_type, body):
    text = body.decode("utf-8")
    if "json" in content_type:
        return json.loads(text)["boolean"]
    return "<boolean>true</boolean>" in text


failures = 0
for test in entries:
    name = str(test).split("#")[-1]
    reset(test)
    problems = []
    action = graph.value(test, MF.action)
    for request in Collection(graph, graph.value(action, HT.requests)):
        method = str(graph.value(request, HT.methodName))
        path = str(graph.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
        headers = {}
        header_list = graph.value(request, HT.headers)
        if header_list is not None:
            for header in Collection(graph, header_list):
                headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
        body = None
        body_node = graph.value(request, HT.body)
        if body_node is not None:
            encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
            body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower().replace("utf-16", "utf-16"))
        status, content_type, data = send(method, path, headers, body)
        response = graph.value(request, HT.resp)
        expected_status = list(graph.objects(response, MF.expectedStatus))
        if not status_ok(status, expected_status):
            problems.append(f"{method} {path[:60]} -> {status} {data[:200]!r}")
            continue
        expected_format = graph.value(response, MF.expectedFormat)
        if expected_format is not None and not format_ok(content_type, str(expected_format)):
            problems.append(f"format {content_type} is not {expected_format}")
        expected_boolean = graph.value(response, MF.expectedBoolean)
        if expected_boolean is not None and boolean_of(content_type, data) != expected_boolean.toPython():
            problems.append(f"boolean is not {expected_boolean}: {data[:200]!r}")
    print(("ok   " if not problems else "FAIL ") + name + ("" if not problems else ": " + "; ".join(problems)))
    failures += bool(problems)

print(f"protocol tests ok: {len(entries) - failures} of {len(entries)}")
sys.exit(1 if failures else 0)
