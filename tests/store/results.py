"""SPARQL answers in one canonical, comparable form, for the store tests and the Virtuoso test.

A term is written as in N-Triples with only \\\\ \\" \\n \\r \\t escaped (other characters as
themselves), plain strings without ^^xsd:string. A SELECT answer is its variables and rows of
such terms ("" for unbound); a graph is a set of triples; ASK is true or false.
"""
import re

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_TERM = re.compile(r'<[^>]*>|_:[^\s]+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?')
_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\", "'": "'", "b": "\b", "f": "\f"}


def _unescape(text):
    def one(match):
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)
    return _ESCAPE.sub(one, text)


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\r", "\\r").replace("\t", "\\t") + '"'


def term(kind, value, datatype=None, language=None):
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    if language:
        return f"{_quote(value)}@{language.lower()}"
    if datatype and datatype != XSD_STRING:
        return f"{_quote(value)}^^<{datatype}>"
    return _quote(value)


def _parse_term(text):
    if text.startswith("<"):
        return term("uri", _unescape(text[1:-1]))
    if text.startswith("_:"):
        return term("bnode", text[2:])
    end = text.rindex('"')
    value, rest = _unescape(text[1:end]), text[end + 1:]
    if rest.startswith("@"):
        return term("literal", value, language=rest[1:])
    if rest.startswith("^^"):
        return term("literal", value, datatype=_unescape(rest[3:-1]))
    return term("literal", value)


def parse_ntriples(text):
    triples = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms = _TERM.findall(line)
        if len(terms) < 3:
            raise ValueError(f"not an N-Triples line: {line}")
        triples.add(tuple(_parse_term(t) for t in terms[:3]))
    return triples


def from_json(answer):
    """SPARQL 1.1 Query Results JSON -> ("boolean", bool) or ("bindings", variables, rows)."""
    if "boolean" in answer:
        return ("boolean", bool(answer["boolean"]))
    variables = answer["head"]["vars"]
    rows = []
    for binding in answer["results"]["bindings"]:
        row = []
        for name in variables:
            value = binding.get(name)
            if value is None:
                row.append("")
            else:
                kind = "literal" if value["type"] in ("literal", "typed-literal") else value["type"]
                row.append(term(kind, value["value"], value.get("datatype"), value.get("xml:lang")))
        rows.append(tuple(row))
    return ("bindings", variables, rows)


def _code(text):
    """The query without comments, strings and IRIs, to look for keywords in."""
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    text = re.sub(r"<[^>\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def query_kind(text):
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", _code(text), re.I)
    if not match:
        raise ValueError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    word = match.group(1).upper()
    return {"SELECT": "select", "ASK": "ask"}.get(word, "graph")


def is_ordered(text):
    return re.search(r"\bORDER\s+BY\b", _code(text), re.I) is not None


def canonical_text(answer, ordered):
    """An answer as text for an expected file: rows sorted unless the query orders them."""
    if answer[0] == "boolean":
        return "true\n" if answer[1] else "false\n"
    if answer[0] == "graph":
        return "".join(f"{s} {p} {o} .\n" for s, p, o in sorted(answer[1]))
    _, variables, rows = answer
    lines = ["\t".join("?" + v for v in variables)]
    body = ["\t".join(row) for row in rows]
    lines += body if ordered else sorted(body)
    return "\n".join(lines) + "\n"


_DURATION = "http://www.w3.org/2001/XMLSchema#duration"
_YEARS_MONTHS = re.compile(r'^"P(?:(\d+)Y)?(?:(\d+)M)?"\^\^<' + re.escape(_DURATION) + ">$")


def as_virtuoso_stores_it(value):
    """Virtuoso 7.2 keeps an xsd:duration of years and months as a number of months ("P10Y"
    comes back as "120"): compare ours in that form."""
    match = _YEARS_MONTHS.match(value)
    if not match or not any(match.groups()):
        return value
    months = int(match.group(1) or 0) * 12 + int(match.group(2) or 0)
    return f'"{months}"^^<{_DURATION}>'


def for_virtuoso(answer):
    if answer[0] == "bindings":
        return ("bindings", answer[1], [tuple(as_virtuoso_stores_it(v) for v in row) for row in answer[2]])
    return answer


def triples_for_virtuoso(triples):
    return {(s, p, as_virtuoso_stores_it(o)) for s, p, o in triples}


def diff_results(ours, theirs, ordered):
    if ours[0] != theirs[0]:
        return f"  kinds differ: {ours[0]} / {theirs[0]}"
    if ours[0] == "boolean":
        return "" if ours[1] == theirs[1] else f"  store says {ours[1]}, Virtuoso says {theirs[1]}"
    if ours[1] != theirs[1]:
        return f"  variables differ: {ours[1]} / {theirs[1]}"
    a, b = ours[2], theirs[2]
    if ordered and a == b or not ordered and sorted(a) == sorted(b):
        return ""
    only_ours = [r for r in a if r not in b]
    only_theirs = [r for r in b if r not in a]
    lines = [f"  {len(a)} rows from the store, {len(b)} from Virtuoso" + (" (order matters)" if ordered else "")]
    lines += ["  store only:    " + "\t".join(r) for r in only_ours[:10]]
    lines += ["  Virtuoso only: " + "\t".join(r) for r in only_theirs[:10]]
    if not only_ours and not only_theirs:
        lines.append("  same rows, different order or repeats")
    return "\n".join(lines)


def diff_sets(ours, theirs):
    if ours == theirs:
        return ""
    lines = [f"  {len(ours)} triples from the store, {len(theirs)} from Virtuoso"]
    lines += ["  store only:    " + " ".join(t) for t in sorted(ours - theirs)[:10]]
    lines += ["  Virtuoso only: " + " ".join(t) for t in sorted(theirs - ours)[:10]]
    return "\n".join(lines)
