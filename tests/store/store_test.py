#!/usr/bin/env python3
"""The store, query and push commands from the outside: what a user runs and sees.

Reloading and replacing graphs, kill -9 during a load of 1,000 articles, the result formats
(each read back with an independent reader: Python's csv and json, serdi, rapper), clear
errors for bad input, and push against a local HTTP server that fails on purpose. Store
contents are checked through newskg query and, independently, with SQL on librdf's tables.

    store_test.py --newskg BIN --work DIR [--list] [TestCase.test_name ...]
"""
import argparse
import base64
import csv
import http.server
import io
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import unittest
import urllib.parse
from collections import Counter
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import results  # noqa: E402

NEWSKG = ""
WORK = Path()
DEV = sorted((ROOT / "examples" / "articles").glob("*.txt"))
QUERIES = ROOT / "examples" / "queries"
COUNT_BY_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


class Run:
    """stdout and stderr as text, line ends as written (CSV results end lines with CR LF)."""
    def __init__(self, completed):
        self.returncode = completed.returncode
        self.out = completed.stdout.decode("utf-8")
        self.err = completed.stderr.decode("utf-8")


def newskg(*args, env=None, timeout=900):
    return Run(subprocess.run([NEWSKG, *map(str, args)], capture_output=True, env=env, timeout=timeout))


def ok(*args, **kwargs):
    run = newskg(*args, **kwargs)
    assert run.returncode == 0, f"newskg {' '.join(map(str, args))} failed ({run.returncode}):\n{run.err}"
    return run


def folder(name):
    path = WORK / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def graph_sizes(store):
    """{graph: statements} through newskg query."""
    out = ok("query", "--store", store, "--results", "json", COUNT_BY_GRAPH).out
    return {b["g"]["value"]: int(b["n"]["value"]) for b in json.loads(out)["results"]["bindings"]}


def sql_graph_sizes(store):
    """{graph: statements} and the number of repeated rows, read with SQL from librdf's own tables
    (an independent reader: librdf's schema is uris, literals, blanks and triples)."""
    with closing(sqlite3.connect(store)) as db:
        sizes = dict(db.execute("SELECT u.uri, COUNT(*) FROM triples t JOIN uris u ON u.id = t.contextUri "
                                "GROUP BY t.contextUri"))
        rows = db.execute("SELECT COUNT(*) FROM triples").fetchone()[0]
        distinct = db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT subjectUri, subjectBlank, predicateUri, "
                              "objectUri, objectBlank, objectLiteral, contextUri FROM triples)").fetchone()[0]
        without_graph = db.execute("SELECT COUNT(*) FROM triples WHERE contextUri IS NULL").fetchone()[0]
    return sizes, rows - distinct, without_graph


def nquads_sizes(document):
    """{graph: statements} of newskg's N-Quads (one statement a line, graph IRI last)."""
    return dict(Counter(re.search(r"<([^>]*)> \.$", line).group(1) for line in document.splitlines() if line))


# ------------------------------------------------------------------------------------ reloading


class Reload(unittest.TestCase):
    def test_loading_again_leaves_the_store_as_it_was(self):
        work = folder("reload")
        store = work / "kg.sqlite"
        quads = ok("extract", "-f", "nquads", *DEV).out
        expected = nquads_sizes(quads)
        (work / "dev.nq").write_text(quads, encoding="utf-8")
        (work / "dev.trig").write_text(ok("extract", "-f", "trig", *DEV).out, encoding="utf-8")

        first = ok("load", "--store", store, *DEV)
        self.assertIn(f"5 graphs ({sum(expected.values())} statements) loaded", first.err)
        self.assertEqual(graph_sizes(store), expected)
        again = ok("load", "--store", store, *DEV)
        self.assertIn("0 graphs (0 statements) loaded, 5 unchanged", again.err)
        # newskg's own output, in both dataset syntaxes, replaces each graph with itself
        for name in ("dev.nq", "dev.trig"):
            ok("load", "--store", store, work / name)
            self.assertEqual(graph_sizes(store), expected, name)
        # the file loads replaced the graphs, so the articles are written again, not skipped
        last = ok("load", "--store", store, *DEV)
        self.assertIn("5 graphs", last.err)
        sizes, repeated, without_graph = sql_graph_sizes(store)
        self.assertEqual(sizes, expected)
        self.assertEqual((repeated, without_graph), (0, 0))

    def test_a_changed_article_replaces_its_graph(self):
        work = folder("changed")
        store = work / "kg.sqlite"
        ok("load", "--store", store, *DEV)
        before = graph_sizes(store)
        changed = work / DEV[0].name  # the same file name, so the same article id and graph
        changed.write_text(DEV[0].read_text(encoding="utf-8").replace("Kuala Lumpur", "Jakarta"), encoding="utf-8")
        graph = "https://w3id.org/newskg/id/graph/" + DEV[0].stem
        run = ok("load", "--store", store, changed)
        self.assertIn("1 graphs", run.err)

        expected = dict(before, **nquads_sizes(ok("extract", "-f", "nquads", changed).out))
        self.assertEqual(graph_sizes(store), expected)
        ask = 'ASK { GRAPH <%s> { ?place ?label "%s" } }'
        self.assertEqual(ok("query", "--store", store, ask % (graph, "Kuala Lumpur")).out, "false\n")
        self.assertEqual(ok("query", "--store", store, ask % (graph, "Jakarta")).out, "true\n")
        other = "https://w3id.org/newskg/id/graph/" + DEV[1].stem
        self.assertEqual(ok("query", "--store", store, ask % (other, "Kuala Lumpur")).out, "true\n")
        self.assertEqual(sql_graph_sizes(store)[1:], (0, 0))


# ------------------------------------------------------------------------------ kill -9


class KillDuringLoad(unittest.TestCase):
    ARTICLES = 1000

    def load_until_killed(self, store, corpus, graphs_before_kill):
        """Starts a load and kills it with SIGKILL once it has committed that many graphs."""
        process = subprocess.Popen([NEWSKG, "load", "--verbose", "--store", str(store), str(corpus)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        committed = 0
        try:
            for line in process.stderr:
                committed += line.startswith("loaded ")
                if committed >= graphs_before_kill:
                    process.send_signal(signal.SIGKILL)
                    break
        finally:
            process.stderr.close()
            process.wait(timeout=60)
        self.assertEqual(process.returncode, -signal.SIGKILL, "the load ended before it could be killed")

    def check_whole_graphs_only(self, store, expected):
        sizes, repeated, without_graph = sql_graph_sizes(store)
        broken = {g: (n, expected.get(g)) for g, n in sizes.items() if n != expected.get(g)}
        self.assertEqual(broken, {}, "graphs not as extracted (statements in store, expected)")
        self.assertEqual((repeated, without_graph), (0, 0))
        return len(sizes)

    def test_kill_9_during_a_load_then_run_again(self):
        work = folder("kill")
        corpus, store = work / "corpus.jsonl", work / "kg.sqlite"
        with open(corpus, "w", encoding="utf-8") as out:
            subprocess.run([sys.executable, ROOT / "bench" / "make_corpus.py", "--articles", str(self.ARTICLES),
                            "--seed", "1"], stdout=out, check=True)
        expected = nquads_sizes(ok("extract", "-f", "nquads", corpus).out)
        self.assertEqual(len(expected), self.ARTICLES)

        # Killed twice: in the first run, and in the re-run that picks up from there.
        rng = random.Random(5)
        first = rng.randrange(150, 400)
        self.load_until_killed(store, corpus, first)
        complete = self.check_whole_graphs_only(store, expected)
        self.assertGreaterEqual(complete, first)
        self.load_until_killed(store, corpus, rng.randrange(100, 300))
        complete = self.check_whole_graphs_only(store, expected)

        run = ok("load", "--store", store, corpus, timeout=1800)
        self.assertIn(f"{self.ARTICLES - complete} graphs", run.err)
        self.assertIn(f"{complete} unchanged", run.err)
        self.assertEqual(self.check_whole_graphs_only(store, expected), self.ARTICLES)
        # each article exactly once, as SPARQL sees it
        per_graph = ("PREFIX schema: <http://schema.org/> SELECT ?g (COUNT(?article) AS ?n) "
                     "WHERE { GRAPH ?g { ?article a schema:NewsArticle } } GROUP BY ?g HAVING (COUNT(?article) != 1)")
        self.assertEqual(ok("query", "--store", store, "--results", "csv", per_graph).out, "g,n\r\n")
        total = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        self.assertEqual(ok("query", "--store", store, "--results", "csv", total).out,
                         f"n\r\n{sum(expected.values())}\r\n")


# ------------------------------------------------------------------------------ result formats


class Formats(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = folder("formats") / "kg.sqlite"
        ok("load", "--store", cls.store, *DEV)

    def query(self, *args):
        return ok("query", "--store", self.store, *args).out

    def json_answer(self, query_file):
        return json.loads(self.query("-q", QUERIES / query_file, "--results", "json"))

    def test_json_is_sparql_1_1_query_results_json(self):
        answer = self.json_answer("statements-by-person.rq")
        self.assertEqual(answer["head"]["vars"], ["article", "begin", "end", "kind", "text"])
        bindings = answer["results"]["bindings"]
        self.assertGreater(len(bindings), 5)
        for binding in bindings:
            self.assertEqual(set(binding), {"article", "begin", "end", "kind", "text"})
            self.assertEqual(binding["article"]["type"], "uri")
            self.assertEqual(binding["begin"], {"type": "literal", "value": binding["begin"]["value"],
                                                "datatype": "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"})
            self.assertEqual(set(binding["text"]), {"type", "value"})  # a plain string
        optional = self.json_answer("agreement-signatories.rq")  # signedOn is unbound: left out
        self.assertTrue(all("signedOn" not in b for b in optional["results"]["bindings"]))
        self.assertEqual(self.json_answer("signed-agreement-exists.rq"), {"head": {}, "boolean": True})

    def test_csv_reads_back_as_the_json_values(self):
        for name in ("entity-mentions.rq", "agreement-signatories.rq"):
            answer = self.json_answer(name)
            text = self.query("-q", QUERIES / name, "--results", "csv")
            self.assertTrue(text.endswith("\r\n"))
            rows = list(csv.reader(io.StringIO(text, newline="")))
            self.assertEqual(rows[0], answer["head"]["vars"])
            expected = [[b[v]["value"] if v in b else "" for v in answer["head"]["vars"]]
                        for b in answer["results"]["bindings"]]
            self.assertEqual(rows[1:], expected, name)

    def test_tsv_cells_are_the_json_terms_in_ntriples_syntax(self):
        for name in ("entity-mentions.rq", "offices-held.rq", "agreement-signatories.rq"):
            answer = results.from_json(self.json_answer(name))
            lines = self.query("-q", QUERIES / name, "--results", "tsv").split("\n")
            self.assertEqual(lines[-1], "")
            self.assertEqual(lines[0].split("\t"), ["?" + v for v in answer[1]])
            cells = [tuple(results._parse_term(c) if c else "" for c in line.split("\t")) for line in lines[1:-1]]
            self.assertEqual(cells, answer[2], name)

    def test_table_columns_line_up(self):
        # entity-mentions has curly quotes and dashes: widths are counted in characters
        table = self.query("-q", QUERIES / "entity-mentions.rq").splitlines()
        answer = self.json_answer("entity-mentions.rq")
        self.assertEqual(len(table), 2 + len(answer["results"]["bindings"]))
        self.assertTrue(any(not line.isascii() for line in table))
        bars = {tuple(i for i, c in enumerate(line) if c == "|") for line in table[:1] + table[2:]}
        self.assertEqual(len(bars), 1, "the | of every row at the same columns")
        self.assertEqual(len(next(iter(bars))), len(answer["head"]["vars"]) + 1)
        self.assertEqual({len(line) for line in table}, {len(table[0])})
        self.assertRegex(table[1], r"^\|(-+\|)+$")
        self.assertEqual(self.query("-q", QUERIES / "signed-agreement-exists.rq"), "true\n")

    def test_graph_results_in_three_syntaxes(self):
        query = QUERIES / "people-and-posts.rq"
        triples = results.parse_ntriples(self.query("-q", query, "--results", "ntriples"))
        self.assertGreater(len(triples), 10)
        for syntax, reader in (("turtle", ["serdi", "-i", "turtle", "-o", "ntriples", "-"]),
                               ("rdfxml", ["rapper", "-q", "-i", "rdfxml", "-o", "ntriples", "-", "http://x.invalid/"])):
            document = self.query("-q", query, "--results", syntax)
            parsed = subprocess.run(reader, input=document, capture_output=True, text=True, check=True).stdout
            self.assertEqual(results.parse_ntriples(parsed), triples, syntax)
        self.assertEqual(self.query("-q", query), self.query("-q", query, "--results", "turtle"))


# ------------------------------------------------------------------------------ bad input


class Errors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = folder("errors")
        cls.store = cls.work / "kg.sqlite"
        ok("load", "--store", cls.store, DEV[0])

    def fails(self, status, message, *args, **kwargs):
        run = newskg(*args, **kwargs)
        self.assertEqual(run.returncode, status, run.err)
        self.assertIn(message, run.err)
        self.assertEqual(len(run.err.splitlines()), 1, "one clear line:\n" + run.err)
        return run

    def test_a_missing_store_is_named_and_not_created(self):
        missing = self.work / "nowhere.sqlite"
        self.fails(1, f"newskg query: {missing}: no such store (make one with newskg load)",
                   "query", "--store", missing, "ASK {}")
        self.assertFalse(missing.exists())

    def test_a_file_that_is_no_store(self):
        text = self.work / "notes.sqlite"
        text.write_text("not a database, just words\n" * 100)
        self.fails(1, f"{text}: cannot open the store: file is not a database", "query", "--store", text, "ASK {}")
        other = self.work / "other.sqlite"
        with closing(sqlite3.connect(other)) as db:
            db.execute("CREATE TABLE people (name TEXT)")
            db.commit()
        self.fails(1, f"{other}: not a newskg store (an SQLite file without librdf's tables)",
                   "query", "--store", other, "ASK {}")
        self.fails(2, f"{other}: not a newskg store", "load", "--store", other, DEV[0])

    def test_a_syntax_error_names_the_line(self):
        run = self.fails(1, "newskg query: invalid SPARQL query: line 2:", "query", "--store", self.store,
                         "SELECT ?s\nWHERE { ?s ?p }")
        self.assertIn("syntax error", run.err.split("line 2:")[1])
        bad = self.work / "bad.rq"
        bad.write_text("PREFIX x: <http://x/>\nSELECT * WHERE { ?s x:p ?o\n")
        self.fails(1, "invalid SPARQL query: line ", "query", "--store", self.store, "-q", bad)

    def test_only_queries_run(self):
        self.fails(1, "only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here",
                   "query", "--store", self.store, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")

    def test_usage_errors(self):
        missing_query = self.work / "missing.rq"
        self.fails(1, f"{missing_query}: cannot read the query", "query", "--store", self.store, "-q", missing_query)
        self.fails(2, "unknown results format 'xml2'", "query", "--store", self.store, "--results", "xml2", "ASK {}")
        self.fails(2, "give either --store FILE or --data INPUT...", "query", "ASK {}")
        self.fails(2, "give the query as an argument (before --data", "query", "--store", self.store)
        self.fails(1, "table, csv, tsv or json for SELECT and ASK results",
                   "query", "--store", self.store, "--results", "turtle", "ASK {}")
        self.fails(2, "give --store FILE and at least one INPUT", "load", DEV[0])
        # credentials never come from the command line
        self.fails(2, "unrecognised option '--password'", "push", "--graph-store", "http://127.0.0.1:9/x",
                   "--password", "secret", DEV[0])

    def test_bad_data_files_are_named(self):
        missing = self.work / "gone.nq"
        run = newskg("query", "ASK {}", "--data", missing)
        self.assertEqual(run.returncode, 1)
        self.assertIn(f"{missing}: no such file", run.err)
        broken = self.work / "broken.nq"
        broken.write_text('<http://x/a> <http://x/b> <http://x/c> <http://x/g> .\n<http://x/a> <http://x/b> "open .\n')
        run = newskg("load", "--store", self.work / "broken.sqlite", broken, DEV[1])
        self.assertEqual(run.returncode, 1, run.err)
        self.assertRegex(run.err, re.escape(str(broken)) + r":2: .+")
        self.assertIn("1 graphs", run.err.splitlines()[-1])  # the article after it still went in
        self.assertEqual(list(graph_sizes(self.work / "broken.sqlite")),
                         ["https://w3id.org/newskg/id/graph/" + DEV[1].stem])


# ------------------------------------------------------------------------------ push


class GraphStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint that records each PUT and answers from a script:
    `replies` maps a graph IRI to a list of statuses, used in turn (201 when used up)."""
    replies, seen, credentials = {}, [], None

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        graph = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)["graph"][0]
        authorization = self.headers.get("Authorization")
        GraphStore.seen.append((graph, self.headers["Content-Type"], body.decode("utf-8"), authorization))
        if self.credentials and authorization != "Basic " + base64.b64encode(self.credentials.encode()).decode():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="graphs"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        pending = self.replies.get(graph, [])
        status = pending.pop(0) if pending else 201
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Push(unittest.TestCase):
    def setUp(self):
        GraphStore.replies, GraphStore.seen, GraphStore.credentials = {}, [], None
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GraphStore)
        self.serving = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.serving.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/graph-store"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_GRAPH_STORE_")}
        self.env["HOME"] = str(folder("push-home"))  # no ~/.netrc of the user's

    def tearDown(self):
        self.stop_server()

    def stop_server(self):
        if self.serving.is_alive():
            self.server.shutdown()
            self.server.server_close()

    def graph(self, article):
        return "https://w3id.org/newskg/id/graph/" + article.stem

    def test_each_article_is_one_put_of_its_graph_in_turtle(self):
        run = newskg("push", "--graph-store", self.url, *DEV[:3], env=self.env)
        self.assertEqual(run.returncode, 0, run.err)
        self.assertEqual([s[0] for s in GraphStore.seen], [self.graph(a) for a in DEV[:3]])
        expected = nquads_sizes(ok("extract", "-f", "nquads", *DEV[:3]).out)
        for graph, content_type, body, _ in GraphStore.seen:
            self.assertEqual(content_type, "text/turtle; charset=utf-8")
            parsed = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples", "-"], input=body,
                                    capture_output=True, text=True, check=True).stdout
            self.assertEqual(len(results.parse_ntriples(parsed)), expected[graph])
        self.assertEqual(len(run.out.splitlines()), 3)
        self.assertIn(f"pushed {DEV[0]} -> {self.graph(DEV[0])} ({expected[self.graph(DEV[0])]} statements, HTTP 201)",
                      run.out)

    def test_transient_failures_are_tried_again(self):
        GraphStore.replies = {self.graph(DEV[0]): [503, 502]}
        run = newskg("push", "--graph-store", self.url, *DEV[:2], env=self.env)
        self.assertEqual(run.returncode, 0, run.err)
        self.assertEqual([s[0] for s in GraphStore.seen], [self.graph(DEV[0])] * 3 + [self.graph(DEV[1])])

    def test_a_rejected_graph_is_reported_and_the_others_go_on(self):
        GraphStore.replies = {self.graph(DEV[0]): [400], self.graph(DEV[1]): [503] * 5}
        run = newskg("push", "--graph-store", self.url, "--retries", "2", *DEV[:3], env=self.env)
        self.assertEqual(run.returncode, 1)
        self.assertIn(f"newskg push: {DEV[0]} -> {self.graph(DEV[0])}: failed after 1 try: HTTP 400", run.err)
        self.assertIn(f"newskg push: {DEV[1]} -> {self.graph(DEV[1])}: failed after 3 tries: HTTP 503", run.err)
        self.assertIn("1 graphs pushed, 2 failed", run.err)
        self.assertIn(f"pushed {DEV[2]}", run.out)

    def test_credentials_from_the_environment_or_a_netrc_file(self):
        GraphStore.credentials = "loader:s3cret"
        refused = newskg("push", "--graph-store", self.url, DEV[0], env=self.env)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("failed after 1 try: HTTP 401", refused.err)

        env = dict(self.env, NEWSKG_GRAPH_STORE_USER="loader", NEWSKG_GRAPH_STORE_PASSWORD="s3cret")
        self.assertEqual(newskg("push", "--graph-store", self.url, DEV[0], env=env).returncode, 0)
        netrc = WORK / "push-home" / "credentials"
        netrc.write_text("machine 127.0.0.1 login loader password s3cret\n")
        netrc.chmod(0o600)
        run = newskg("push", "--graph-store", self.url, "--netrc-file", netrc, DEV[0], env=self.env)
        self.assertEqual(run.returncode, 0, run.err)
        self.assertNotIn("s3cret", run.out + run.err)

    def test_no_server_is_a_failure_per_article_after_the_retries(self):
        self.stop_server()
        run = newskg("push", "--graph-store", self.url, "--retries", "1", *DEV[:2], env=self.env)
        self.assertEqual(run.returncode, 1)
        self.assertEqual(len(re.findall(r"failed after 2 tries: .*(refused|connect)", run.err, re.I)), 2, run.err)


# ------------------------------------------------------------------------------ the examples


class Examples(unittest.TestCase):
    def test_each_example_says_what_it_asks_and_has_expected_answers(self):
        queries = sorted(QUERIES.glob("*.rq"))
        self.assertGreaterEqual(len(queries), 10)
        for query in queries:
            self.assertRegex(query.read_text(encoding="utf-8"), r"^# \S.{20,}", f"{query.name}: a comment first")
            for answer_set in ("dev", "corpus-json"):
                self.assertTrue((HERE / "expected" / answer_set / (query.stem + ".txt")).exists(), query.name)
        for expected in (HERE / "expected").glob("*/*.txt"):
            self.assertTrue((QUERIES / (expected.stem + ".rq")).exists(), f"{expected} without a query")


# ------------------------------------------------------------------------------ running


def all_test_names():
    loader = unittest.defaultTestLoader
    return [test.id().split(".", 1)[1] for suite in loader.loadTestsFromModule(sys.modules[__name__])
            for test in suite]


def main():
    global NEWSKG, WORK
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newskg")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("tests", nargs="*")
    args = parser.parse_args()
    if args.list:
        print(";".join(all_test_names()))
        return 0
    NEWSKG = os.path.abspath(args.newskg)
    WORK = args.work.resolve()
    WORK.mkdir(parents=True, exist_ok=True)
    loader = unittest.defaultTestLoader
    suite = loader.loadTestsFromNames(args.tests, sys.modules[__name__]) if args.tests else \
        loader.loadTestsFromModule(sys.modules[__name__])
    return 0 if unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
