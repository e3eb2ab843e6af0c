#!/usr/bin/env python3
"""The newskg throughput and memory benchmark (not part of CI; see bench/README.md).

For each corpus size it generates (once, cached) a corpus with make_corpus.py, then times
`newskg extract` in each format with --jobs 1, N-Quads also with --jobs 2, and two references
in the same run: serdi re-writing newskg's own N-Quads (the floor for writing RDF) and
compromise finding people, places and organizations in the same text (the NLP baseline;
`npm install` in bench/ first). Wall time and peak RSS come from /usr/bin/time; the table is
Markdown on stdout.

    bench/run.py --newskg build-release/tools/newskg --sizes 1000 10000 100000
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ["nquads", "turtle", "trig", "jsonld"]


def timed(command, stdout_path):
    """Runs command, stdout to a file; returns (wall seconds, user+sys seconds, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, open(stdout_path, "wb") as out:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, stdout=out,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            print(f"<!-- {' '.join(command)}: exit {done.returncode}: {done.stderr.strip()[-300:]} -->", flush=True)
        wall, user, system, rss_kb = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024


def corpus(work, articles, seed):
    path = work / f"corpus-{articles}-{seed}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "--articles", str(articles), "--seed",
                        str(seed), "-o", str(path) + ".part"], check=True)
        os.replace(str(path) + ".part", path)
    text_bytes = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    return path, text_bytes


def row(name, size, text_bytes, articles, triples, wall, cpu, rss):
    mbps = text_bytes / 1e6 / wall if wall else 0
    return (f"| {size} | {name} | {wall:.2f} | {cpu:.2f} | {mbps:.2f} | {articles / wall:,.0f} | "
            f"{triples / wall:,.0f} | {rss:.1f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newskg", required=True, help="the newskg binary (a Release build)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=str(HERE / "out"), help="corpora and outputs (default bench/out)")
    parser.add_argument("--compromise-max", type=int, default=10000,
                        help="run compromise only up to this many articles (it manages ~0.2 MB/s)")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    compromise = (HERE / "node_modules" / "compromise").exists() and shutil.which("node")

    print("| articles | run | wall s | cpu s | MB/s text | articles/s | triples/s | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        path, text_bytes = corpus(work, size, args.seed)
        nquads = work / f"out-{size}.nq"
        runs = [(f"extract -f {f} --jobs 1", f, 1) for f in FORMATS] + [("extract -f nquads --jobs 2", "nquads", 2)]
        triples = None
        for name, fmt, jobs in runs:
            out = nquads if (fmt, jobs) == ("nquads", 1) else work / f"out-{size}.{fmt}"
            wall, cpu, rss = timed([args.newskg, "extract", "--quiet", "--jobs", str(jobs), "-f", fmt, str(path)], out)
            if triples is None:  # the first run is N-Quads: one line a quad
                with open(out, "rb") as lines:
                    triples = sum(1 for _ in lines)
            print(row(name, size, text_bytes, size, triples, wall, cpu, rss), flush=True)
            if out != nquads:
                out.unlink()
        wall, cpu, rss = timed(["serdi", "-b", "-i", "nquads", "-o", "nquads", "-q", str(nquads)], work / "serdi.out")
        print(row("serdi N-Quads → N-Quads (reference)", size, text_bytes, size, triples, wall, cpu, rss), flush=True)
        (work / "serdi.out").unlink()
        nquads.unlink()
        if compromise and size <= args.compromise_max:
            wall, cpu, rss = timed(["node", str(HERE / "compromise_names.mjs"), str(path)], work / "compromise.out")
            names = json.loads((work / "compromise.out").read_text())["names"]
            print(row(f"compromise names (reference, {names:,} names)", size, text_bytes, size, 0, wall, cpu, rss),
                  flush=True)
        print(f"<!-- {size} articles: {text_bytes / 1e6:.1f} MB of text, {triples:,} quads -->", flush=True)


if __name__ == "__main__":
    main()
