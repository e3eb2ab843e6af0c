#!/usr/bin/env python3
"""Generates the tables of ontology/README.md (below "<!-- generated tables below -->") from
ontology/newskg.ttl and ontology/shapes.ttl, so the documentation never drifts from the Turtle.

  ontology_readme.py --newskg BIN --check ONTOLOGY_DIR   exit 1 if the README is stale
  ontology_readme.py --newskg BIN --write ONTOLOGY_DIR   rewrite the tables (only if changed)

The Turtle is read through `newskg convert -f nquads` (raptor), so this script needs only the
Python standard library and parses nothing but N-Quads lines.
"""
import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

MARKER = "<!-- generated tables below -->"
PREFIXES = {
    "nkg": "https://w3id.org/newskg/ontology#",
    "schema": "http://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
    "nkgsh": "https://w3id.org/newskg/shapes#",
}
RDF, RDFS, OWL, SH, NKG = (PREFIXES[p] for p in ("rdf", "rdfs", "owl", "sh", "nkg"))
TERM = re.compile(r'<([^>]*)>|(_:\S+)|"((?:[^"\\]|\\.)*)"(?:@[\w-]+|\^\^<[^>]*>)?')


def unescape(s):
    return re.sub(r'\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)',
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2))
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(3), m.group(3)), s)


def load(newskg, path):
    """subject -> predicate -> [objects]; IRIs and blank nodes as strings, literals as ('lit', text)."""
    out = subprocess.run([newskg, "convert", "-f", "nquads", str(path)], check=True, capture_output=True, text=True)
    graph = defaultdict(lambda: defaultdict(list))
    for line in out.stdout.splitlines():
        terms = []
        for m in TERM.finditer(line):
            if m.group(1) is not None:
                terms.append(m.group(1))
            elif m.group(2):
                terms.append(m.group(2))
            else:
                terms.append(("lit", unescape(m.group(3))))
        if len(terms) >= 3:
            graph[terms[0]][terms[1]].append(terms[2])
    return graph


def curie(iri):
    if isinstance(iri, tuple):
        return '"%s"' % iri[1]
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return "%s:%s" % (prefix, iri[len(ns):])
    return "<%s>" % iri


def text(g, node, predicate):
    values = [v[1] for v in g[node][predicate] if isinstance(v, tuple)]
    return " ".join(values[0].split()) if values else ""


def rdf_list(g, node):
    items = []
    while node != RDF + "nil" and g[node][RDF + "first"]:
        items.append(g[node][RDF + "first"][0])
        node = g[node][RDF + "rest"][0]
    return items


def cell(s):
    return s.replace("|", "\\|")


def value_kind(shapes, prop):
    """What a property shape allows, in words: datatype, class, one of a list."""
    p = shapes[prop]
    if p[SH + "datatype"]:
        return curie(p[SH + "datatype"][0])
    if p[SH + "class"]:
        return " or ".join(curie(c) for c in p[SH + "class"])
    if p[SH + "in"]:
        return "one of " + ", ".join(curie(v) for v in rdf_list(shapes, p[SH + "in"][0]))
    if p[SH + "or"]:
        alternatives = []
        for alt in rdf_list(shapes, p[SH + "or"][0]):
            alternatives.append(value_kind(shapes, alt))
        return " or ".join(alternatives)
    if p[SH + "pattern"]:
        return "IRI matching `%s`" % p[SH + "pattern"][0][1]
    if p[SH + "nodeKind"]:
        return "any " + curie(p[SH + "nodeKind"][0]).replace("sh:", "")
    return "any"


def example_value(shapes, prop):
    p = shapes[prop]
    datatype = curie(p[SH + "datatype"][0]) if p[SH + "datatype"] else None
    samples = {"xsd:date": '"2025-06-02"^^xsd:date', "xsd:dateTime": '"2025-06-02T09:30:00Z"^^xsd:dateTime',
               "xsd:duration": '"P10Y"^^xsd:duration', "xsd:nonNegativeInteger": '"42"^^xsd:nonNegativeInteger',
               "xsd:string": '"…"'}
    if datatype:
        return samples.get(datatype, '"…"^^' + datatype)
    if p[SH + "in"]:
        return curie(rdf_list(shapes, p[SH + "in"][0])[0])
    if p[SH + "or"]:
        return example_value(shapes, rdf_list(shapes, p[SH + "or"][0])[0])
    if p[SH + "hasValue"]:
        return curie(p[SH + "hasValue"][0])
    if p[SH + "class"]:
        local = curie(p[SH + "class"][0]).split(":")[-1]
        return "<…/%s/…>" % local.lower()
    return "<…>"


def shape_tables(onto, shapes):
    out = ["## Output shapes, one table per class", "",
           "From `shapes.ttl`: what each node newskg writes must have. *Count* is min..max per "
           "article graph (`*`: no upper bound); properties in the `nkg:` namespace link to their "
           "definition below.", ""]
    node_shapes = sorted(s for s in shapes if RDF + "type" in shapes[s] and SH + "NodeShape" in shapes[s][RDF + "type"])
    for shape in node_shapes:
        s = shapes[shape]
        targets = [curie(c) for c in s[SH + "targetClass"]] + \
                  ["subjects of " + curie(p) for p in s[SH + "targetSubjectsOf"]]
        out.append("### %s" % ", ".join(targets))
        out.append("")
        comment = text(shapes, shape, RDFS + "comment")
        node = [curie(c) for c in s[SH + "class"]]
        line = "Shape `%s`." % curie(shape)
        if comment:
            line += " " + comment
        if node:
            line += " Also typed " + ", ".join(node) + "."
        out.append(line)
        out.append("")
        props = s[SH + "property"]
        if not props:
            continue
        out.append("| property | count | values |")
        out.append("|---|---|---|")
        example = []
        for prop in sorted(props, key=lambda p: curie(shapes[p][SH + "path"][0])):
            p = shapes[prop]
            path = p[SH + "path"][0]
            low = p[SH + "minCount"][0][1] if p[SH + "minCount"] else "0"
            high = p[SH + "maxCount"][0][1] if p[SH + "maxCount"] else "*"
            name = curie(path)
            link = "[`%s`](#%s)" % (name, name.replace(":", "").lower()) if path.startswith(NKG) else "`%s`" % name
            out.append("| %s | %s..%s | %s |" % (link, low, high, cell(value_kind(shapes, prop))))
            example.append("    %s %s" % (name, example_value(shapes, prop)))
        out.append("")
        if s[SH + "targetClass"] and example:
            out.append("```turtle")
            out.append("<…> a %s ;" % targets[0])
            out.append(" ;\n".join(example) + " .")
            out.append("```")
            out.append("")
    return out


def vocabulary_tables(onto):
    out = ["## The `nkg:` vocabulary", "", "From `newskg.ttl`: every term newskg defines.", ""]
    kinds = [("Classes", [OWL + "Class"]), ("Individuals", [OWL + "NamedIndividual"]),
             ("Properties", [OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty"])]
    for title, types in kinds:
        terms = sorted(t for t in onto if t.startswith(NKG) and any(ty in onto[t][RDF + "type"] for ty in types))
        out += ["### " + title, ""]
        if title == "Properties":
            out += ["| term | kind | domain | range | comment |", "|---|---|---|---|---|"]
        elif title == "Classes":
            out += ["| term | subclass of | comment |", "|---|---|---|"]
        else:
            out += ["| term | type | comment |", "|---|---|---|"]
        for t in terms:
            d = onto[t]
            anchor = '<a id="%s"></a>`%s`' % (curie(t).replace(":", "").lower(), curie(t))
            comment = cell(text(onto, t, RDFS + "comment"))

            def named(values):
                names = []
                for v in values:
                    if isinstance(v, str) and v.startswith("_:"):
                        members = rdf_list(onto, onto[v][OWL + "unionOf"][0]) if onto[v][OWL + "unionOf"] else []
                        names.append(" or ".join(curie(m) for m in members) or "(anonymous)")
                    else:
                        names.append(curie(v))
                return ", ".join(names)
            if title == "Properties":
                kind = named([ty for ty in d[RDF + "type"] if ty in types]).replace("owl:", "")
                domain = named(d[RDFS + "domain"]) or named(d[PREFIXES["schema"] + "domainIncludes"])
                rng = named(d[RDFS + "range"]) or named(d[PREFIXES["schema"] + "rangeIncludes"])
                out.append("| %s | %s | %s | %s | %s |" % (anchor, kind, domain, rng, comment))
            elif title == "Classes":
                out.append("| %s | %s | %s |" % (anchor, named(d[RDFS + "subClassOf"]), comment))
            else:
                kind = named([ty for ty in d[RDF + "type"] if ty != OWL + "NamedIndividual"])
                out.append("| %s | %s | %s |" % (anchor, kind, comment))
        out.append("")
    return out


def generate(newskg, folder):
    onto = load(newskg, folder / "newskg.ttl")
    shapes = load(newskg, folder / "shapes.ttl")
    lines = ["", "<!-- Everything below is generated from newskg.ttl and shapes.ttl by",
             "     tests/conformance/ontology_readme.py (cmake --build BUILD --target ontology_readme);",
             "     edit the Turtle, not these tables. The test ontology.readme_fresh fails when they are stale. -->", ""]
    lines += shape_tables(onto, shapes) + vocabulary_tables(onto)
    return "\n".join(lines).rstrip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newskg", required=True, help="the newskg binary (reads the Turtle)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--write", action="store_true")
    parser.add_argument("ontology", type=Path)
    args = parser.parse_args()
    readme = args.ontology / "README.md"
    current = readme.read_text(encoding="utf-8")
    if MARKER not in current:
        sys.exit("%s: the marker %s is missing" % (readme, MARKER))
    intro = current.split(MARKER)[0]
    wanted = intro + MARKER + "\n" + generate(args.newskg, args.ontology)
    if args.check:
        if wanted != current:
            sys.exit("%s is stale: run `cmake --build BUILD --target ontology_readme` and commit it" % readme)
        print("%s is up to date" % readme)
    elif wanted != current:
        readme.write_text(wanted, encoding="utf-8")
        print("rewrote " + str(readme))


if __name__ == "__main__":
    main()
