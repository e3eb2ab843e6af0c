#!/usr/bin/env python3
"""Writes an N-Quads dataset with every kind of literal and node newskg's writers must carry:
language tags, each datatype the JSON-LD context coerces (matching and not matching the
coercion), other datatypes, escapes, control characters, non-BMP characters, blank nodes,
the default graph and several named graphs sharing subjects. Deterministic: the same
file every run. Standard library only.

usage: make_stress_graph.py [--no-blank-graph] > stress.nq
  --no-blank-graph  leave out the graph named by a blank node, which raptor 2.0.15's TriG
                    parser cannot read back (TriG allows it; newskg writes it)
"""
import sys

NKG = "https://w3id.org/newskg/ontology#"
SCHEMA = "http://schema.org/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
ID = "https://w3id.org/newskg/id/"

TEXTS = [
    "plain ASCII",
    'a "quoted" word and a back\\slash',
    "line one\nline two\r\nand a\ttab",
    "control \x01 and \x7f characters",
    "accents: São Tomé, Zürich, Łódź",
    "non-BMP: \U0001F600 \U0001D11E \U00020BB7",
    "right-to-left: \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "",
    "   leading and trailing spaces   ",
    "looks like an IRI: http://example.org/x",
    "looks like a compact IRI: nkg:Agreement",
    "@value",
]
LANGUAGES = ["en", "en-GB", "fr", "zh-Hant-TW", "ar"]
TYPED = [
    ("2025-06-02", XSD + "date"),
    ("2025-06-02T09:30:00Z", XSD + "dateTime"),
    ("P10Y6M", XSD + "duration"),
    ("42", XSD + "nonNegativeInteger"),
    ("-7", XSD + "integer"),
    ("true", XSD + "boolean"),
    ("1.5E3", XSD + "double"),
    ("3.14", XSD + "decimal"),
    ("explicit xsd:string", XSD + "string"),
    ("custom", "http://example.org/datatype#custom"),
    ('{"a":[1,2]}', RDF + "JSON"),
]


def literal(text):
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def main():
    out = []

    def quad(s, p, o, g=None):
        out.append("%s <%s> %s%s .\n" % (s, p, o, "" if g is None else " " + g))

    graphs = ["<%sgraph/stress-%d>" % (ID, n) for n in range(3)] + [None]
    if "--no-blank-graph" not in sys.argv[1:]:
        graphs.append("_:g1")
    for number, graph in enumerate(graphs):
        subject = "<%sperson/stress-%d>" % (ID, number)
        shared = "<%sagreement/shared>" % ID  # the same subject in every graph
        quad(subject, RDF + "type", "<%sPerson>" % SCHEMA, graph)
        quad(subject, RDF + "type", "<%sAgreement>" % NKG, graph)
        for i, text in enumerate(TEXTS):
            quad(subject, SCHEMA + "name", literal(text), graph)           # term "name", no coercion
            quad(subject, "http://example.org/p%d" % i, literal(text), graph)  # no term at all
        for language in LANGUAGES:
            quad(subject, SCHEMA + "name", literal("name") + "@" + language, graph)
            quad(subject, RDFS + "label", literal(TEXTS[5]) + "@" + language, graph)
            quad(subject, SKOS + "altLabel", literal(TEXTS[2]) + "@" + language, graph)
        for lexical, datatype in TYPED:
            # properties whose context term coerces one datatype, fed every datatype
            for prop in (NKG + "signedOn", NKG + "duration", NIF + "beginIndex", SCHEMA + "startDate",
                         SCHEMA + "datePublished", SCHEMA + "text"):
                quad(shared, prop, "%s^^<%s>" % (literal(lexical), datatype), graph)
        # "@id"-coerced terms given literals, IRIs and blank nodes
        for prop in (ORG + "heldBy", NKG + "party", SCHEMA + "url", NKG + "status"):
            quad(shared, prop, "<%scountry/xx-%d>" % (ID, number), graph)
            quad(shared, prop, literal("a literal where an IRI is expected"), graph)
            quad(shared, prop, "_:b%d" % number, graph)
        quad("_:b%d" % number, RDFS + "label", literal("a blank node \U0001F600"), graph)
        quad("_:b%d" % number, RDF + "type", "_:class%d" % number, graph)
        quad(subject, "http://example.org/unicode-iri", "<http://example.org/S%C3%A3o/\u00e9t\u00e9>", graph)
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
