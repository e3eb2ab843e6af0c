#!/usr/bin/env python3
"""newskg against a real triplestore: Virtuoso Open Source 7 (Debian's virtuoso-opensource).

Starts Virtuoso bound to 127.0.0.1 on two free ports with a private database under --work and
examples/triplestores/virtuoso.ini (ports and load folder put in), bulk-loads newskg's N-Quads
with ld_dir + rdf_loader_run (graph names kept), runs every examples/queries/*.rq over HTTP and
checks each answer equals the embedded store's (newskg load + newskg query); then pushes the
articles with newskg push to /sparql-graph-crud-auth, which asks for digest authentication
(a wrong password must get HTTP 401; the right one comes from a netrc file), and checks each
graph holds what the store holds; then stops Virtuoso with checkpoint; shutdown, which must
end it with status 0. Every wait is bounded.

Exit status: 0 passed, 1 failed, 77 skipped (Virtuoso not installed and cannot be).
"""
import argparse
import configparser
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
import results  # noqa: E402  (tests/store/results.py: parsing and normalising answers)

SKIP = 77
HOST = "127.0.0.1"  # loopback only


def log(message):
    print(f"virtuoso-test: {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def find_virtuoso():
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server and isql:
        return server, isql
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing virtuoso-opensource with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "virtuoso-opensource"],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else (None, None)


EXAMPLE_INI = Path(__file__).resolve().parents[2] / "examples" / "triplestores" / "virtuoso.ini"


def private_ini(ports, load_folder):
    """examples/triplestores/virtuoso.ini with this run's ports, load folder and a small buffer pool."""
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",), interpolation=None)
    ini.optionxform = str  # Virtuoso's keys are case-sensitive
    ini.read(EXAMPLE_INI, encoding="utf-8")
    ini["Parameters"].update(ServerPort=f"{HOST}:{ports[0]}", DirsAllowed=f"., {load_folder}",
                             NumberOfBuffers="20000", MaxDirtyBuffers="15000", CheckpointInterval="0")
    ini["HTTPServer"]["ServerPort"] = f"{HOST}:{ports[1]}"
    text = io.StringIO()
    ini.write(text, space_around_delimiters=True)
    return text.getvalue()


class Virtuoso:
    def __init__(self, server, isql, work):
        self.isql_bin, self.work = isql, work
        self.db, self.load = work / "db", work / "load"
        if work.exists():
            shutil.rmtree(work)
        for folder in (self.db / "vsp", self.load):  # vsp: the ini's ServerRoot, under the database
            folder.mkdir(parents=True)
        self.sql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.ini = work / "virtuoso.ini"
        self.ini.write_text(private_ini((self.sql_port, self.http_port), self.load), encoding="utf-8")
        self.output = open(work / "virtuoso.out", "w")
        self.process = subprocess.Popen([server, "+foreground", "+configfile", str(self.ini)], cwd=self.db,
                                        stdout=self.output, stderr=subprocess.STDOUT)
        self.base = f"http://{HOST}:{self.http_port}"

    def isql(self, statements, timeout=300):
        run = subprocess.run([self.isql_bin, f"{HOST}:{self.sql_port}", "dba", "dba", f"exec={statements}"],
                             capture_output=True, text=True, timeout=timeout)
        if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
            raise RuntimeError(f"isql failed on {statements!r}:\n{run.stdout}{run.stderr}")
        return run.stdout

    def wait_ready(self, seconds=180):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}; see {self.work}/db/virtuoso.log")
            try:
                self.isql("select 1;", timeout=20)
                with urllib.request.urlopen(self.base + "/sparql?query=" + urllib.parse.quote("ASK {}"), timeout=20):
                    return
            except Exception:
                time.sleep(1)
        raise RuntimeError(f"Virtuoso not ready after {seconds} s")

    def sparql(self, query, accept):
        request = urllib.request.Request(self.base + "/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": accept,
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read().decode("utf-8")

    def stop(self):
        if self.process.poll() is None:
            try:
                self.isql("checkpoint; shutdown;", timeout=120)
            except Exception as error:  # shutdown closes the connection, which isql may report
                log(f"(shutdown: {str(error).splitlines()[0]})")
            try:
                self.process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                log("Virtuoso did not stop in 120 s: terminating it")
                self.process.terminate()
                try:
                    self.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=30)
        self.output.close()
        return self.process.returncode


def newskg(binary, *args, **kwargs):
    run = subprocess.run([binary, *args], capture_output=True, text=True, timeout=600, **kwargs)
    if run.returncode != 0:
        raise RuntimeError(f"newskg {' '.join(args)} failed ({run.returncode}):\n{run.stderr}")
    return run.stdout


def compare_query(virtuoso, binary, store, query_file):
    """The differences between the store's answer and Virtuoso's ("" for none), and its size."""
    text = query_file.read_text(encoding="utf-8")
    kind = results.query_kind(text)
    if kind == "graph":
        ours = results.parse_ntriples(newskg(binary, "query", "--store", str(store), "-q", str(query_file),
                                             "--results", "ntriples"))
        theirs = results.parse_ntriples(virtuoso.sparql(text, "text/plain"))
        return results.diff_sets(results.triples_for_virtuoso(ours), theirs), f"{len(ours)} triples"
    ours = results.from_json(json.loads(newskg(binary, "query", "--store", str(store), "-q", str(query_file),
                                               "--results", "json")))
    theirs = results.from_json(json.loads(virtuoso.sparql(text, "application/sparql-results+json")))
    size = str(ours[1]).lower() if ours[0] == "boolean" else f"{len(ours[2])} rows"
    return results.diff_results(results.for_virtuoso(ours), theirs, ordered=results.is_ordered(text)), size


def graph_contents(virtuoso, graph):
    answer = json.loads(virtuoso.sparql(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                        "application/sparql-results+json"))
    return set(results.from_json(answer)[2])


def store_graph_contents(binary, store, graph):
    out = newskg(binary, "query", "--store", str(store), "--results", "json",
                 f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return set(results.for_virtuoso(results.from_json(json.loads(out)))[2])


def challenge(url):
    """The scheme a Graph Store endpoint asks for, from its answer to a PUT without credentials."""
    request = urllib.request.Request(url + "?graph=" + urllib.parse.quote("urn:newskg:probe"), data=b"",
                                     method="PUT", headers={"Content-Type": "text/turtle"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return f"no challenge (HTTP {response.status})"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code} {error.headers.get('WWW-Authenticate', '')}"


def graph_sizes_in_virtuoso(virtuoso, graphs):
    sizes = {}
    for graph in graphs:
        answer = json.loads(virtuoso.sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                            "application/sparql-results+json"))
        sizes[graph] = int(answer["results"]["bindings"][0]["n"]["value"])
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newskg", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--queries", required=True, type=Path)
    parser.add_argument("articles", nargs="+")
    args = parser.parse_args()
    started = time.monotonic()

    server, isql = find_virtuoso()
    if not server:
        print("SKIPPED: Virtuoso (virtuoso-t, isql-vt) is not installed and could not be installed "
              "(apt-get install virtuoso-opensource)")
        return SKIP

    work = args.work.resolve()
    virtuoso = Virtuoso(server, isql, work)
    failures = []
    try:
        store = work / "kg.sqlite"
        newskg(args.newskg, "load", "--store", str(store), *args.articles)
        quads = work / "load" / "articles.nq"
        quads.write_text(newskg(args.newskg, "extract", "-f", "nquads", *args.articles), encoding="utf-8")

        virtuoso.wait_ready()
        log(f"Virtuoso up on {HOST}:{virtuoso.sql_port} (SQL) and {HOST}:{virtuoso.http_port} (HTTP)")
        # N-Quads keep their graph names; the third argument is only for triples without one.
        virtuoso.isql(f"ld_dir('{virtuoso.load}', '*.nq', 'urn:newskg:no-graph'); rdf_loader_run(); checkpoint;")
        errors = virtuoso.isql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if "articles.nq" in errors:
            raise RuntimeError(f"bulk load failed:\n{errors}")

        graphs = sorted(set(re.findall(r"<([^>]*)> \.$", quads.read_text(encoding="utf-8"), re.M)))
        ours = {g: int(newskg(args.newskg, "query", "--store", str(store), "--results", "csv",
                              f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").split()[-1])
                for g in graphs}
        theirs = graph_sizes_in_virtuoso(virtuoso, graphs)
        if ours != theirs:
            failures.append(f"graph sizes after the bulk load differ: store {ours}, Virtuoso {theirs}")
        log(f"bulk-loaded {len(graphs)} graphs, {sum(theirs.values())} statements")

        queries = sorted(args.queries.glob("*.rq"))
        if not queries:
            failures.append(f"no queries in {args.queries}")
        for query_file in queries:
            difference, size = compare_query(virtuoso, args.newskg, store, query_file)
            if difference:
                failures.append(f"{query_file.name}: the store and Virtuoso differ:\n{difference}")
                log(f"FAIL {query_file.name}")
            else:
                log(f"ok   {query_file.name} (the same {size})")

        # Push: empty one graph in Virtuoso first and fill another with something else, so the
        # PUTs are seen to put the one back and to replace the other.
        virtuoso.isql(f"SPARQL CLEAR GRAPH <{graphs[0]}>;")
        virtuoso.isql(f"SPARQL INSERT DATA {{ GRAPH <{graphs[1]}> {{ <urn:x:stale> <urn:x:p> 'left over' }} }};")
        endpoint = f"{virtuoso.base}/sparql-graph-crud-auth"
        scheme = challenge(endpoint)
        if not scheme.startswith("HTTP 401 Digest"):
            failures.append(f"{endpoint} was expected to ask for digest authentication, not: {scheme}")
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_GRAPH_STORE_")}
        wrong = subprocess.run([args.newskg, "push", "--graph-store", endpoint, "--retries", "0", args.articles[0]],
                               capture_output=True, text=True, timeout=120,
                               env=dict(env, NEWSKG_GRAPH_STORE_USER="dba", NEWSKG_GRAPH_STORE_PASSWORD="wrong"))
        if wrong.returncode != 1 or "failed after 1 try: HTTP 401" not in wrong.stderr:
            failures.append(f"a push with a wrong password should fail with HTTP 401:\n{wrong.stderr}")
        netrc = work / "netrc"
        netrc.write_text(f"machine {HOST} login dba password dba\n")
        netrc.chmod(0o600)
        pushed = newskg(args.newskg, "push", "--graph-store", endpoint, "--netrc-file", str(netrc),
                        "--retries", "2", "--timeout", "60", *args.articles, env=env)
        log(f"push ({scheme.split()[2]} auth): {len(pushed.splitlines())} graphs pushed")
        for graph in graphs:
            ours_now, theirs_now = store_graph_contents(args.newskg, store, graph), graph_contents(virtuoso, graph)
            if ours_now != theirs_now:
                failures.append(f"{graph} after the push: {len(ours_now - theirs_now)} statements only in the "
                                f"store, {len(theirs_now - ours_now)} only in Virtuoso, e.g. "
                                f"{sorted(theirs_now - ours_now)[:2]} {sorted(ours_now - theirs_now)[:2]}")
    except Exception as error:  # report, then still stop the server
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        status = virtuoso.stop()
        log(f"Virtuoso stopped (exit status {status}) after {time.monotonic() - started:.0f} s in all")
        if status != 0:
            failures.append(f"Virtuoso did not stop cleanly (exit status {status}); see {work}/db/virtuoso.log")

    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
