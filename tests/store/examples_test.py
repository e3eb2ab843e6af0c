#!/usr/bin/env python3
"""The example questions (examples/queries/*.rq) answered from the embedded store.

    examples_test.py build --newskg BIN --work DIR --set NAME
    examples_test.py check --newskg BIN --work DIR --set NAME --query FILE.rq

`build` loads a set of articles into DIR/NAME/kg.sqlite with `newskg load` and writes their
N-Quads (`newskg extract`) beside it. `check` runs one query on that store and compares the
answer with tests/store/expected/NAME/QUERY.txt (canonical form: tests/store/results.py);
then runs it again without a store, over the articles themselves and over their N-Quads
(`newskg query --data`), and requires the same answer. With NEWSKG_UPDATE_GOLDEN=1 in the
environment the expected file is rewritten instead, for review with git diff.

Sets: dev, the five dev articles (examples/articles); corpus-json, the project's own JSON
articles (tests/corpus/*.json), which carry publication dates and publishers.
"""
import argparse
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import results  # noqa: E402

SETS = {
    "dev": sorted((ROOT / "examples" / "articles").glob("*.txt")),
    "corpus-json": sorted((ROOT / "tests" / "corpus").glob("*.json")),
}


def newskg(binary, *args):
    run = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise SystemExit(f"newskg {' '.join(map(str, args))} failed ({run.returncode}):\n{run.stderr}")
    return run.stdout


def answer(binary, source, query_file):
    """The query's answer in canonical form; `source` is ["--store", S] or ["--data", F...]."""
    text = query_file.read_text(encoding="utf-8")
    if results.query_kind(text) == "graph":
        out = newskg(binary, "query", *source, "-q", query_file, "--results", "ntriples")
        return results.canonical_text(("graph", results.parse_ntriples(out)), ordered=False)
    out = newskg(binary, "query", *source, "-q", query_file, "--results", "json")
    return results.canonical_text(results.from_json(json.loads(out)), ordered=results.is_ordered(text))


def build(args):
    folder = args.work / args.set
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / "kg.sqlite"
    for stale in folder.glob("kg.sqlite*"):
        stale.unlink()
    newskg(args.newskg, "load", "--store", store, *SETS[args.set])
    (folder / "articles.nq").write_text(newskg(args.newskg, "extract", "-f", "nquads", *SETS[args.set]),
                                        encoding="utf-8")
    print(f"{store}: {len(SETS[args.set])} articles loaded")
    return 0


def check(args):
    folder = args.work / args.set
    query = args.query.resolve()
    expected_file = HERE / "expected" / args.set / (query.stem + ".txt")
    ours = answer(args.newskg, ["--store", folder / "kg.sqlite"], query)

    if os.environ.get("NEWSKG_UPDATE_GOLDEN"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(ours, encoding="utf-8")
        print(f"rewrote {expected_file.relative_to(ROOT)}")
        return 0

    failures = []
    if not expected_file.exists():
        failures.append(f"{expected_file} is missing (NEWSKG_UPDATE_GOLDEN=1 writes it, for review)")
    else:
        expected = expected_file.read_text(encoding="utf-8")
        if ours != expected:
            diff = difflib.unified_diff(expected.splitlines(True), ours.splitlines(True),
                                        str(expected_file.relative_to(ROOT)), "the store's answer")
            failures.append("the store's answer differs from the expected one "
                            "(NEWSKG_UPDATE_GOLDEN=1 to accept):\n" + "".join(diff))
    for name, source in (("the articles (--data)", ["--data", *SETS[args.set]]),
                         ("their N-Quads (--data)", ["--data", folder / "articles.nq"])):
        theirs = answer(args.newskg, source, query)
        if theirs != ours:
            diff = difflib.unified_diff(ours.splitlines(True), theirs.splitlines(True), "store", name)
            failures.append(f"the answer over {name} differs from the store's:\n" + "".join(diff))

    for failure in failures:
        print(f"FAILED {query.name} on {args.set}: {failure}")
    if not failures:
        print(f"ok {query.name} on {args.set} ({len(ours.splitlines())} lines of answer)")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["build", "check"])
    parser.add_argument("--newskg", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--set", required=True, choices=sorted(SETS))
    parser.add_argument("--query", type=Path)
    args = parser.parse_args()
    if args.action == "check" and not args.query:
        parser.error("check needs --query FILE.rq")
    return build(args) if args.action == "build" else check(args)


if __name__ == "__main__":
    sys.exit(main())
