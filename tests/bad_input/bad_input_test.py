#!/usr/bin/env python3
"""The bad-input suite: hostile and broken input given to the newskg command.

Each case asserts the exact behaviour (exit status, each error line, what still comes out),
and every output newskg writes is parsed by an independent parser: serdi (N-Quads,
N-Triples, Turtle, TriG), rapper (RDF/XML), Python's json and, when installed, jsonld.js
(JSON-LD). Big inputs are generated at test time into the work folder.

    bad_input_test.py --newskg BIN --work DIR [--list] [TestCase.test_name ...]
"""
import argparse
import json
import os
import random
import re
import select
import shutil
import stat
import subprocess
import sys
import unittest

NEWSKG = ""
WORK = ""
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JSONLD_ROUNDTRIP = os.path.join(ROOT, "tests", "integration", "jsonld_roundtrip.mjs")

# ---------------------------------------------------------------- running newskg


class Run:
    def __init__(self, returncode, out, err):
        self.returncode = returncode
        self.out = out  # bytes
        self.err = err.decode("utf-8", "replace")

    @property
    def errors(self):
        """stderr lines, the work folder left out of file names."""
        return [line.replace(WORK + os.sep, "") for line in self.err.splitlines()]


def path(name):
    return os.path.join(WORK, name)


def write(name, data):
    """Writes bytes (or str as UTF-8) to WORK/name and returns the path."""
    with open(path(name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path(name)


def newskg(*args, stdin=None):
    p = subprocess.run([NEWSKG, *args], input=stdin, capture_output=True, timeout=1800)
    return Run(p.returncode, p.stdout, p.stderr)


def extract(*inputs, fmt="nquads", extra=()):
    """Runs newskg extract and checks that what it wrote is valid in that format."""
    r = newskg("extract", "-f", fmt, *extra, *inputs)
    check_valid(r.out, fmt)
    return r


# ---------------------------------------------------------------- independent parsers


def check_valid(document, fmt):
    """Fails unless `document` parses with a parser that is not newskg's."""
    if fmt == "jsonld":
        if document.strip():
            json.loads(document.decode("utf-8"))  # strict: raises on invalid UTF-8 or JSON
        return
    if fmt == "rdfxml":
        if not document.strip():
            return
        p = subprocess.run(["rapper", "-q", "-i", "rdfxml", "-c", "-", "https://base.invalid/"],
                           input=document, capture_output=True)
        assert p.returncode == 0, "rapper rejects the RDF/XML: " + p.stderr.decode(errors="replace")[:2000]
        return
    syntax = {"nquads": "nquads", "ntriples": "ntriples", "turtle": "turtle", "trig": "trig"}[fmt]
    p = subprocess.run(["serdi", "-i", syntax, "-o", "nquads", "-"], input=document, capture_output=True)
    assert p.returncode == 0 and not p.stderr, "serdi rejects the %s: %s" % (
        fmt, p.stderr.decode(errors="replace")[:2000])


_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"\'\\])')
_QUAD = re.compile(r'(<[^>]*>|_:\S+) (<[^>]*>) (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?)'
                   r'(?: (<[^>]*>))? \.$')


def _unescape(s):
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return _ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else simple[m.group(1)], s)


def _term(t):
    if t.startswith("<"):
        return ("iri", _unescape(t[1:-1]))
    if t.startswith('"'):
        end = t.rindex('"')
        return ("literal", _unescape(t[1:end]), t[end + 1:])
    return ("blank", t)


def quads(document):
    """Parses newskg's N-Quads into (s, p, o, g) tuples of terms; fails on a line it cannot read."""
    result = []
    for line in document.decode("utf-8").splitlines():
        if not line.strip():
            continue
        m = _QUAD.match(line)
        assert m, "not an N-Quads line: " + line[:300]
        result.append(tuple(_term(t) if t else None for t in m.groups()))
    return result


def graphs(document):
    return {q[3][1] for q in quads(document) if q[3]}


def objects(document, predicate_suffix):
    return [q[2] for q in quads(document) if q[1][1].endswith(predicate_suffix)]


# Code points RDF forbids in an IRI (RFC 3987 and the N-Triples grammar).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def check_iris(document):
    for q in quads(document):
        for term in q:
            if term and term[0] == "iri":
                assert not _BAD_IRI.search(term[1]), "invalid IRI: %r" % term[1]
                assert re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", term[1]), "IRI without a scheme: %r" % term[1]


def check_offsets(document):
    """Every nif:anchorOf is exactly the article text at [beginIndex, endIndex) in code points."""
    texts, begin, end, anchor, context = {}, {}, {}, {}, {}
    for s, p, o, _ in quads(document):
        name = p[1].rsplit("#", 1)[-1]
        if name == "isString":
            texts[s[1]] = o[1]
        elif name == "beginIndex":
            begin[s[1]] = int(o[1])
        elif name == "endIndex":
            end[s[1]] = int(o[1])
        elif name == "anchorOf":
            anchor[s[1]] = o[1]
        elif name == "referenceContext":
            context[s[1]] = o[1]
    checked = 0
    for phrase, words in anchor.items():
        text = texts[context[phrase]]
        assert text[begin[phrase]:end[phrase]] == words, "offsets of %r point at %r" % (
            words, text[begin[phrase]:end[phrase]])
        checked += 1
    return checked


def all_formats(*inputs, extra=()):
    """Extracts in every format; each output is checked valid. Returns the N-Quads run."""
    nq = None
    for fmt in ("nquads", "ntriples", "turtle", "trig", "rdfxml", "jsonld"):
        r = extract(*inputs, fmt=fmt, extra=extra)
        if fmt == "nquads":
            nq = r
        elif fmt == "jsonld" and r.out.strip() and shutil.which("node") and os.path.isdir(
                os.path.join(ROOT, "tests", "integration", "node_modules", "jsonld")):
            # jsonld.js reads the JSON-LD back; it must mean the same dataset as the N-Quads.
            write("roundtrip.jsonld", r.out)
            write("roundtrip.nq", nq.out)
            p = subprocess.run(["node", JSONLD_ROUNDTRIP, path("roundtrip.jsonld"), path("roundtrip.nq")],
                               capture_output=True)
            assert p.returncode == 0, "jsonld.js disagrees: " + p.stderr.decode(errors="replace")[:2000]
    return nq


ARTICLE = ("Foreign Minister Ana Costa of Portugal signed the fisheries accord with "
           "Morocco in Rabat on Monday. \"This is a good day,\" Costa said.\n")


def extract_peak_mb(*inputs, extra=()):
    """Runs newskg extract (N-Quads, checked valid); returns the Run and its own peak resident
    memory in MB, read from wait4 so that no other child counts."""
    with open(path("peak.out"), "w+b") as out, open(path("peak.err"), "w+b") as err:
        p = subprocess.Popen([NEWSKG, "extract", *extra, *inputs], stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        r = Run(p.returncode, out.read(), err.read())
    check_valid(r.out, "nquads")
    return r, usage.ru_maxrss / 1024


# ---------------------------------------------------------------- the cases


class EmptyInput(unittest.TestCase):
    def test_empty_text_file_is_an_error_and_writes_nothing(self):
        r = extract(write("empty.txt", b""))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: empty.txt: E004 the text is empty"])
        self.assertEqual(r.out, b"")

    def test_empty_json_lines_file_is_no_articles_and_no_error(self):
        r = extract(write("empty.jsonl", b""))
        self.assertEqual((r.returncode, r.errors, r.out), (0, [], b""))

    def test_empty_json_file_is_malformed(self):
        r = extract(write("empty.json", b""))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: empty.json: E003 malformed JSON at byte 0: The document is empty."])

    def test_empty_stdin_is_no_articles(self):
        r = newskg("extract", "-", stdin=b"")
        self.assertEqual((r.returncode, r.errors, r.out), (0, [], b""))


class WhitespaceOnly(unittest.TestCase):
    def test_white_space_text_is_an_error(self):
        r = extract(write("blank.txt", " \n\t\r\n  \n"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: blank.txt: E004 the text is only white space"])

    def test_blank_json_lines_are_skipped(self):
        r = extract(write("blank.jsonl", "\n   \n\t\n" + json.dumps({"id": "a", "text": ARTICLE}) + "\n\n"))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/a"})

    def test_white_space_text_field_names_its_line(self):
        r = extract(write("blankfield.jsonl", '{"id":"a","text":"  \\n "}\n' + json.dumps({"id": "b", "text": ARTICLE})))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: blankfield.jsonl:1: E004 the text is only white space"])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/b"})


class BinaryInput(unittest.TestCase):
    def test_nul_byte_in_text_is_binary(self):
        r = extract(write("nul.txt", b"First line.\nSecond \x00 line.\n"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: nul.txt:2: E011 NUL byte at byte 19: binary data or UTF-16, not UTF-8 text"])
        self.assertEqual(r.out, b"")

    def test_escaped_nul_in_json_text_is_binary_too(self):
        r = extract(write("nul.jsonl", '{"id":"n","text":"a\\u0000b"}\n' + json.dumps({"id": "ok", "text": ARTICLE})))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: nul.jsonl:1: E011 NUL byte at byte 1: binary data or UTF-16, not UTF-8 text"])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/ok"})

    def test_random_binary_is_rejected_at_its_first_bad_byte(self):
        data = bytes(random.Random(7).randrange(256) for _ in range(100000))
        first_bad = next(i for i, b in enumerate(data) if b >= 0x80 or b == 0)
        r = extract(write("junk.txt", data))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.errors), 1)
        self.assertRegex(r.errors[0], r"^newskg: junk\.txt:\d+: E0(02|11) ")
        self.assertIn("at byte %d" % first_bad, r.errors[0])

    def test_binary_json_lines_name_each_line(self):
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n" + json.dumps({"id": "ok", "text": ARTICLE}).encode() + b"\n"
        r = extract(write("junk.jsonl", data))
        self.assertEqual(r.returncode, 1)
        self.assertEqual([e.split(" ")[1] for e in r.errors], ["junk.jsonl:1:", "junk.jsonl:2:", "junk.jsonl:3:"])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/ok"})


class InvalidUtf8(unittest.TestCase):
    CASES = {
        "overlong": b"ab\xc0\xafcd",           # '/' in two bytes
        "overlong3": b"ab\xe0\x80\xafcd",      # '/' in three bytes
        "surrogate": b"ab\xed\xa0\x80cd",      # U+D800 encoded
        "truncated": b"ab\xe2\x82",            # the euro sign cut short at the end
        "truncated_mid": b"ab\xe2\x82 cd",
        "above_10ffff": b"ab\xf4\x90\x80\x80",
        "five_bytes": b"ab\xf8\x88\x80\x80\x80",
        "lone_continuation": b"ab\x80cd",
    }

    def test_each_invalid_sequence_is_named_with_its_offset(self):
        for name, data in self.CASES.items():
            with self.subTest(name):
                r = extract(write("bad-%s.txt" % name, b"Headline\n" + data))
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.errors, ["newskg: bad-%s.txt:2: E002 invalid UTF-8 at byte 11" % name])
                self.assertEqual(r.out, b"")

    def test_invalid_bytes_in_json_strings_name_line_and_offset(self):
        lines = [b'{"id":"a","text":"ok \xc0\xaf"}', b'{"id":"b","title":"\xed\xa0\x80","text":"x"}',
                 json.dumps({"id": "ok", "text": ARTICLE}).encode()]
        r = extract(write("bad.jsonl", b"\n".join(lines)))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, [
            "newskg: bad.jsonl:1: E002 invalid UTF-8 at byte 21",
            "newskg: bad.jsonl:2: E002 invalid UTF-8 at byte 19"])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/ok"})

    def test_lone_surrogate_escapes_are_rejected(self):
        lines = ['{"id":"a","text":"x \\udc00 y"}', '{"id":"b","title":"\\udc00","text":"x"}',
                 '{"id":"c","text":"\\ud800"}', json.dumps({"id": "ok", "text": ARTICLE})]
        r = extract(write("surrogate.jsonl", "\n".join(lines)))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, [
            "newskg: surrogate.jsonl:1: E002 invalid UTF-8 at byte 2",
            'newskg: surrogate.jsonl:2: E002 field "title" is not valid UTF-8 (a lone surrogate escape?)',
            "newskg: surrogate.jsonl:3: E003 malformed JSON at byte 18: The surrogate pair in string is invalid."])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/ok"})

    def test_file_name_that_is_not_utf8_still_gives_valid_rdf(self):
        name = os.fsencode(path("caf\xe9")) + b"\xff.txt"
        with open(name, "wb") as f:
            f.write(ARTICLE.encode())
        r = extract(os.fsdecode(name))
        self.assertEqual((r.returncode, r.errors), (0, []))
        check_iris(r.out)
        # The stray byte is percent-encoded in the id, and that '%' again in the IRI.
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/caf\xe9%25FF"})
        self.assertEqual([o[1] for o in objects(r.out, "/identifier")], ["caf\xe9%FF"])


class ByteOrderMarks(unittest.TestCase):
    def test_utf8_bom_is_not_part_of_the_text(self):
        text = "Portugal and Morocco signed a treaty.\n"
        for name, data in [("bom.txt", b"\xef\xbb\xbf" + text.encode()),
                           ("bom.json", b"\xef\xbb\xbf" + json.dumps({"id": "bom-json", "text": text}).encode()),
                           ("bom.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "bom-jsonl", "text": text}).encode())]:
            with self.subTest(name):
                r = extract(write(name, data))
                self.assertEqual((r.returncode, r.errors), (0, []))
                strings = [o[1] for o in objects(r.out, "#isString")]
                self.assertEqual(strings, [text])
                check_offsets(r.out)

    def test_utf16_with_bom_is_named_as_utf16(self):
        for name, data in [("le.txt", "\ufeffHello world.\n".encode("utf-16-le")),
                           ("be.txt", "\ufeffHello world.\n".encode("utf-16-be"))]:
            with self.subTest(name):
                r = extract(write(name, data))
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.errors, ["newskg: %s:1: E002 UTF-16 text (byte order mark at byte 0); newskg reads "
                                            "UTF-8, convert with iconv -f UTF-16 -t UTF-8" % name])

    def test_utf16_without_bom_is_binary(self):
        r = extract(write("nobom.txt", "Hello world.\n".encode("utf-16-le")))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: nobom.txt:1: E011 NUL byte at byte 1: binary data or UTF-16, not UTF-8 text"])

    def test_utf16_json_lines_are_named_as_not_utf8(self):
        data = (json.dumps({"id": "x", "text": "Hello."}) + "\n").encode("utf-16-le")
        r = extract(write("utf16.jsonl", data))
        self.assertEqual(r.returncode, 1)
        # "\n" in UTF-16 is 0A 00: the NUL left over starts line 2.
        self.assertEqual(r.errors, [
            "newskg: utf16.jsonl:1: E011 NUL byte at byte 1: binary data or UTF-16, not UTF-8 JSON",
            "newskg: utf16.jsonl:2: E011 NUL byte at byte 0: binary data or UTF-16, not UTF-8 JSON"])


class LineEndings(unittest.TestCase):
    def test_crlf_and_lone_cr_text_is_kept_and_offsets_count_them(self):
        base = "Fisheries accord signed\n\n" + ARTICLE + "Portugal and Morocco agreed.\n"
        for name, text in [("lf.txt", base), ("crlf.txt", base.replace("\n", "\r\n")), ("cr.txt", base.replace("\n", "\r"))]:
            with self.subTest(name):
                r = extract(write(name, text.encode()))
                self.assertEqual((r.returncode, r.errors), (0, []))
                self.assertEqual([o[1] for o in objects(r.out, "#isString")], [text])
                self.assertGreater(check_offsets(r.out), 3)
                names = sorted(o[1] for o in objects(r.out, "rdf-schema#label"))
                self.assertIn("Ana Costa", names)

    def test_crlf_json_lines(self):
        lines = [json.dumps({"id": str(i), "text": ARTICLE}) for i in range(3)]
        r = extract(write("crlf.jsonl", "\r\n".join(lines) + "\r\n"))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertEqual(len(graphs(r.out)), 3)

    def test_lone_cr_does_not_end_a_json_line(self):
        # JSON Lines ends lines with \n only; \r is white space inside JSON.
        lines = [json.dumps({"id": str(i), "text": ARTICLE}) for i in range(3)]
        r = extract(write("cr.jsonl", "\r".join(lines)))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.errors), 1)
        self.assertTrue(r.errors[0].startswith("newskg: cr.jsonl:1: E003 malformed JSON at byte "), r.errors[0])


class HugeInput(unittest.TestCase):
    def test_50_mb_article_is_rejected_and_the_others_still_come_out(self):
        big = path("big.txt")
        with open(big, "wb") as f:
            line = (ARTICLE * 20).encode()
            while f.tell() < 50 * 1024 * 1024:
                f.write(line)
        size = os.path.getsize(big)
        r = extract(write("before.txt", ARTICLE), big, write("after.txt", ARTICLE))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: big.txt: E006 file is %d bytes, over --max-article-bytes 16777216" % size])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/before",
                                         "https://w3id.org/newskg/id/graph/after"})

    def test_50_mb_json_line_is_skipped_unread(self):
        big = path("big.jsonl")
        with open(big, "wb") as f:
            f.write((json.dumps({"id": "a", "text": ARTICLE}) + "\n").encode())
            f.write(b'{"id":"huge","text":"')
            chunk = b"All work and no play. " * 4096
            while f.tell() < 50 * 1024 * 1024:
                f.write(chunk)
            f.write(b'"}\n')
            f.write((json.dumps({"id": "b", "text": ARTICLE}) + "\n").encode())
        limit = ("--max-article-bytes", "1000000")
        r, peak = extract_peak_mb(big, extra=limit)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, ["newskg: big.jsonl:2: E006 line is over 3065536 bytes, too long for "
                                    "--max-article-bytes 1000000"])
        self.assertEqual(graphs(r.out), {"https://w3id.org/newskg/id/graph/a", "https://w3id.org/newskg/id/graph/b"})
        # The 50 MB line is never held in memory: at most the 3 MB the limit allows, over what
        # the same run without it takes (measured, so a sanitizer build's overhead cancels out).
        small = write("small.jsonl", "".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in "ab"))
        _, baseline = extract_peak_mb(small, extra=limit)
        self.assertLess(peak - baseline, 20, "newskg held the long line in memory")

    def test_raising_the_limit_lets_a_large_article_through(self):
        big = write("large.txt", (ARTICLE * 4000).encode())  # about 560 kB
        r = extract(big, extra=("--max-article-bytes", "400000"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.errors[0], r"^newskg: large\.txt: E006 file is \d+ bytes, over --max-article-bytes 400000$")
        r = extract(big, extra=("--max-article-bytes", "1000000"))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertGreater(check_offsets(r.out), 4000)


class LongJsonLines(unittest.TestCase):
    LINES = 200_000
    BROKEN = {50_000: "malformed", 100_000: "missing", 120_000: "deep", 150_000: "number"}

    def test_200k_lines_with_broken_ones_in_the_middle(self):
        name = path("long.jsonl")
        with open(name, "w") as f:
            for n in range(1, self.LINES + 1):
                kind = self.BROKEN.get(n)
                if kind == "malformed":
                    f.write('{"id":"x","text":"unterminated}\n')
                elif kind == "missing":
                    f.write('{"id":"x","title":"no text"}\n')
                elif kind == "number":
                    f.write('{"id":"x","text":42}\n')
                elif kind == "deep":
                    f.write('{"id":"x","text":"t","extra":' + "[" * 10000 + "]" * 10000 + "}\n")
                else:
                    f.write('{"id":"n%d","text":"Talks in Oslo %d."}\n' % (n, n))
        out = path("long.nq")
        r = newskg("extract", "-f", "nquads", "-o", out, name)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.errors, [
            "newskg: long.jsonl:50000: E003 malformed JSON at byte 31: Missing a closing quotation mark in string.",
            'newskg: long.jsonl:100000: E004 no "text" (or "maintext") field',
            'newskg: long.jsonl:150000: E005 field "text" must be a string'])
        seen = set()
        with open(out, "rb") as f:
            document = f.read()
        check_valid(document, "nquads")
        for line in document.split(b"\n"):
            if line:
                seen.add(line[line.rindex(b" <") + 2:-3])
        # Every good line came out, the deeply nested one too (its extra field is ignored).
        self.assertEqual(len(seen), self.LINES - 3)
        self.assertIn(b"https://w3id.org/newskg/id/graph/x", seen)
        self.assertIn(b"https://w3id.org/newskg/id/graph/n199999", seen)


class LongTokensAndLines(unittest.TestCase):
    def test_a_megabyte_token(self):
        r = extract(write("token.txt", "Start " + "x" * 1_000_000 + " end.\n"))
        self.assertEqual((r.returncode, r.errors), (0, []))
        check_offsets(r.out)

    def test_a_megabyte_line_of_words(self):
        r = extract(write("line.txt", ("Ana Costa met Morocco officials in Rabat " * 25000).rstrip() + "."))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertGreater(check_offsets(r.out), 100)

    def test_a_megabyte_without_spaces_between_short_words(self):
        # Each word starts a scan for a URL-like run: that scan must not make this quadratic.
        for name, text in [("commas.txt", "a," * 500_000), ("dots.txt", "A." * 500_000),
                           ("quotes.txt", '"a"' * 300_000), ("hyphens.txt", "Ab-" * 300_000)]:
            with self.subTest(name):
                r = extract(write(name, text))
                self.assertEqual((r.returncode, r.errors), (0, []))
                check_offsets(r.out)


class ControlCharacters(unittest.TestCase):
    def test_control_characters_are_kept_and_escaped_in_every_format(self):
        controls = "".join(chr(c) for c in range(1, 32) if c not in (10, 13)) + "\x7f\x85\u2028\u2029"
        text = "Portugal and Morocco\x0c signed\x01 a treaty.\n" + controls + "\nAna Costa said \x1b[31m \"fine\".\n"
        r = all_formats(write("controls.txt", text))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertEqual([o[1] for o in objects(r.out, "#isString")], [text])
        check_offsets(r.out)


class HostileNames(unittest.TestCase):
    NASTY = 'a b<c>d"e{f}g|h^i`j\\k\'l m\tn\no\r'

    def test_iris_stay_valid_and_literals_escaped_in_every_format(self):
        article = {
            "id": "id " + self.NASTY,
            "url": "http://example.com/" + self.NASTY,
            "title": "Title " + self.NASTY + " \"quoted\" \\back\\ ]]> </x> &amp; ${x}",
            "publisher": "Pub " + self.NASTY,
            "published": "2025-01-01T00:00:00Z\"> <x",
            "text": "President Ana Costa of Portugal met King <Zed> \"Q\" {Brace} in Rabat.\n"
                    "\"We agreed,\" said Foreign Minister Jean-Luc d'Arc\\Backslash`Tick.\n",
        }
        second = dict(article, id="", url="not a url at all <>")
        r = all_formats(write("hostile.jsonl", json.dumps(article) + "\n" + json.dumps(second) + "\n"),
                        extra=("--base", "https://example.org/kg/"))
        self.assertEqual((r.returncode, r.errors), (0, []))
        check_iris(r.out)
        check_offsets(r.out)
        self.assertIn(article["title"], [o[1] for o in objects(r.out, "/headline")])
        self.assertIn(article["id"], [o[1] for o in objects(r.out, "/identifier")])

    def test_a_base_iri_that_is_not_one_is_a_usage_error(self):
        r = newskg("extract", "--base", "https://example.org/a b/", write("ok.txt", ARTICLE))
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.out, b"")
        self.assertEqual(len(r.errors), 1)
        self.assertIn("--base", r.errors[0])


class Scripts(unittest.TestCase):
    def test_right_to_left_and_combining_characters_keep_offsets_exact(self):
        text = ("\u0627\u0644\u0631\u0626\u064a\u0633 \u0645\u062d\u0645\u062f \u0628\u0646 \u0633\u0644\u0645\u0627\u0646 "
                "\u200f\u0642\u0627\u0644 \u00ab\u0633\u0646\u0648\u0642\u0639\u00bb.\n"
                "\u05e8\u05d0\u05e9 \u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05de\u05e8.\n"
                "President Jose\u0301 Mari\u0301a Nu\u0301n\u0303ez of Chile met Ana Costa in Lisbon. "
                "\U0001F1F5\U0001F1F9 \U0001F468\u200d\U0001F469\u200d\U0001F467 Zoe\u0308 said \u201cyes\u201d.\n"
                "\u202eevil\u202c \u0915\u094d\u0937 \u1100\u1161\u11a8 Cafe\u0301.\n")
        r = all_formats(write("scripts.txt", text))
        self.assertEqual((r.returncode, r.errors), (0, []))
        self.assertEqual([o[1] for o in objects(r.out, "#isString")], [text])
        self.assertGreater(check_offsets(r.out), 2)
        # The article's end index counts code points, not bytes or UTF-16 units.
        self.assertIn(("literal", str(len(text)), "^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"),
                      objects(r.out, "#endIndex"))


class ErrorsAndExitCodes(unittest.TestCase):
    def test_errors_file_is_json_lines_with_code_input_line_offset(self):
        feed = write("feed.jsonl", '{"id":"1","text":"One."}\n{"id":"2","text":\n{"id":"3","text":7}\n')
        errors = path("errors.jsonl")
        r = extract(feed, write("gone.bin", b"x"), path("missing.txt"), extra=("--errors", errors))
        self.assertEqual(r.returncode, 1)
        with open(errors, encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        for record in records:
            record["input"] = os.path.basename(record["input"])
        self.assertEqual(records, [
            {"code": "E003", "input": "feed.jsonl", "line": 2, "offset": 17,
             "message": "malformed JSON at byte 17: Invalid value."},
            {"code": "E005", "input": "feed.jsonl", "line": 3, "offset": 0, "message": 'field "text" must be a string'},
            {"code": "E007", "input": "gone.bin", "line": 0, "offset": 0,
             "message": "unknown input type '.bin' (expected .txt, .json, .jsonl, .ndjson or -)"},
            {"code": "E001", "input": "missing.txt", "line": 0, "offset": 0, "message": "no such file"}])
        self.assertEqual(len(r.errors), 4)  # still on stderr too

    def test_exit_status_zero_one_two(self):
        ok = write("ok.txt", ARTICLE)
        self.assertEqual(newskg("extract", ok).returncode, 0)
        self.assertEqual(newskg("extract", ok, path("missing.txt")).returncode, 1)
        self.assertEqual(newskg("extract", "--no-such-option", ok).returncode, 2)
        self.assertEqual(newskg("extract", "-f", "yaml", ok).returncode, 2)
        self.assertEqual(newskg("extract").returncode, 2)
        self.assertEqual(newskg("extract", "-o", path("no/such/folder/out.nq"), ok).returncode, 2)

    def test_output_to_a_device_or_a_pipe_is_written_in_place(self):
        article = write("device.txt", "Kari Holm, Norway's fisheries minister, said on Monday the talks went well.")
        before = set(os.listdir("/dev"))
        r = newskg("extract", "-o", "/dev/null", article)
        self.assertEqual(r.returncode, 0, r.err)
        self.assertEqual(set(os.listdir("/dev")) - before, set(), "a temporary file was left in /dev")
        fifo = path("out.fifo")
        if os.path.exists(fifo):
            os.unlink(fifo)
        os.mkfifo(fifo)
        reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
        r = newskg("extract", "-f", "nquads", "-o", fifo, article)
        streamed = reader.communicate(timeout=60)[0]
        self.assertEqual(r.returncode, 0, r.err)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe was replaced by a file")
        self.assertEqual(streamed, newskg("extract", "-f", "nquads", article).out)
        check_valid(streamed, "nquads")

    def test_errors_come_in_input_order_whatever_the_jobs(self):
        # JSON is parsed by the workers; their errors and the reader's are written in turn.
        good = write("order-good.txt", ARTICLE)
        lines = [json.dumps({"id": "o%d" % n, "text": ARTICLE}) for n in range(40)]
        lines[5] = '{"id": "broken", "text": "unterminated}'
        lines[17] = json.dumps({"id": "big", "text": "x" * 5000})
        lines[30] = json.dumps({"id": "no-text"})
        feed = write("order.jsonl", "\n".join(lines) + "\n")
        runs = [newskg("extract", "--jobs", str(jobs), "--max-article-bytes", "1000", good, path("gone.txt"), feed)
                for jobs in (1, 3)]
        self.assertEqual(runs[0].errors, [
            "newskg: gone.txt: E001 no such file",
            "newskg: order.jsonl:6: E003 malformed JSON at byte 39: Missing a closing quotation mark in string.",
            "newskg: order.jsonl:18: E006 article is 5000 bytes, over --max-article-bytes 1000",
            'newskg: order.jsonl:31: E004 no "text" (or "maintext") field'])
        self.assertEqual(runs[1].errors, runs[0].errors)
        self.assertEqual(runs[1].out, runs[0].out)

    def test_an_article_on_a_pipe_comes_out_before_the_pipe_closes(self):
        # The reader takes what a pipe holds, not a full block: a live feed is not held back.
        p = subprocess.Popen([NEWSKG, "extract", "--quiet", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        try:
            p.stdin.write((json.dumps({"id": "live-1", "text": ARTICLE}) + "\n").encode("utf-8"))
            p.stdin.flush()
            ready, _, _ = select.select([p.stdout], [], [], 60)
            self.assertTrue(ready, "nothing came out while the pipe stayed open")
            self.assertIn(b"/article/live-1", os.read(p.stdout.fileno(), 1 << 16))
        finally:
            p.stdin.close()
            p.stdout.read()
            p.wait(timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr.read())

    def test_failed_run_leaves_an_existing_output_alone_on_setup_error(self):
        out = write("keep.nq", b"old\n")
        r = newskg("extract", "-o", out, "--ontology", path("no-ontology"), write("ok.txt", ARTICLE))
        self.assertEqual(r.returncode, 2)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"old\n")
        self.assertEqual([n for n in os.listdir(WORK) if n.startswith("keep.nq.")], [])


# ---------------------------------------------------------------- driver


def all_test_names():
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    names = []

    def walk(s):
        for t in s:
            if isinstance(t, unittest.TestSuite):
                walk(t)
            else:
                names.append(t.id().split(".", 1)[1])
    walk(suite)
    return names


def main():
    global NEWSKG, WORK
    parser = argparse.ArgumentParser()
    parser.add_argument("--newskg")
    parser.add_argument("--work")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if args.list:
        print(";".join(all_test_names()))
        return 0
    NEWSKG = os.path.abspath(args.newskg)
    WORK = os.path.abspath(args.work)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    loader = unittest.defaultTestLoader
    suite = loader.loadTestsFromNames(args.tests, sys.modules[__name__]) if args.tests else \
        loader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
