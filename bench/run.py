#!/usr/bin/env python3
"""The newskg throughput and memory benchmark (not part of CI; bench/README.md has the figures).

For each corpus size it generates (once, cached in --work) a corpus with make_corpus.py, then
times `newskg extract` in each format with --jobs 1, N-Quads also with --jobs 2, and two
references in the same run: serdi re-writing newskg's own N-Quads (the floor for writing RDF)
and compromise finding people, places and organizations in the same text (the NLP baseline;
installed into bench/node_modules with `npm ci` on first use). Wall time, CPU time and peak
RSS come from /usr/bin/time; the table is Markdown on stdout.

Outputs go to /dev/null unless --to-disk: N-Quads come out at about 50 bytes per byte of
article text, so a file on an ordinary disk measures the disk, not newskg. The N-Quads that
serdi reads (and whose lines are the triple count) are written once, untimed.

    bench/run.py --newskg build-release/tools/newskg --sizes 1000 10000 100000
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ["nquads", "turtle", "trig", "jsonld"]


def timed(command, stdout_path, repeat=1):
    """Runs command `repeat` times, stdout to a file; returns the fastest run's
    (wall seconds, user+sys seconds, peak RSS MB), or None if it failed."""
    best = None
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report, open(stdout_path, "wb") as out:
            done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, stdout=out,
                                  stderr=subprocess.PIPE, text=True)
            if done.returncode != 0:
                print(f"<!-- {' '.join(command)}: exit {done.returncode}: {done.stderr.strip()[-300:]} -->", flush=True)
                return None
            wall, user, system, rss_kb = report.read().split()[-4:]
        run = (float(wall), float(user) + float(system), int(rss_kb) / 1024)
        if best is None or run[0] < best[0]:
            best = run
    return best


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


def compromise_ready(install):
    """compromise in bench/node_modules, installed from package-lock.json if missing."""
    if not shutil.which("node"):
        return False
    if not (HERE / "node_modules" / "compromise").exists() and install and shutil.which("npm"):
        print("<!-- installing compromise: npm ci in bench/ -->", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=False)
    return (HERE / "node_modules" / "compromise").exists()


def row(name, size, text_bytes, articles, triples, result, base_wall=None):
    if result is None:
        return f"| {size} | {name} | failed | | | | | | |"
    wall, cpu, rss = result
    mbps = text_bytes / 1e6 / wall if wall else 0
    ratio = f"{wall / base_wall:.2f}" if base_wall else ""
    quads = f"{triples / wall:,.0f}" if triples else ""
    return (f"| {size} | {name} | {wall:.2f} | {cpu:.2f} | {mbps:.2f} | {articles / wall:,.0f} | "
            f"{quads} | {rss:.1f} | {ratio} |")


def machine():
    model = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(open("/proc/loadavg", encoding="utf-8").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    return f"{os.cpu_count()} cores (nproc), {model}, {platform.system()} {platform.release()}, load average {load}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newskg", required=True, help="the newskg binary (a Release or RelWithDebInfo build)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=str(HERE / "out"), help="corpora and outputs (default bench/out)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timing; the fastest counts (a shared "
                        "machine is noisy)")
    parser.add_argument("--to-disk", action="store_true", help="write every output to a file in --work, not /dev/null")
    parser.add_argument("--compromise-max", type=int, default=10000,
                        help="run compromise only up to this many articles (it manages ~0.2 MB/s)")
    parser.add_argument("--no-npm", action="store_true", help="do not run npm ci for compromise")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    compromise = compromise_ready(not args.no_npm)
    newskg = str(Path(args.newskg).resolve())

    print(f"<!-- machine: {machine()} -->")
    print("| articles | run | wall s | cpu s | MB/s text | articles/s | triples/s | peak RSS MB | × N-Quads j1 |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        path, text_bytes = corpus(work, size, args.seed)
        nquads = work / f"out-{size}.nq"
        # The reference N-Quads (serdi's input, one line per triple), untimed.
        subprocess.run([newskg, "extract", "--quiet", "-f", "nquads", "-o", str(nquads), str(path)], check=True)
        with open(nquads, "rb") as lines:
            triples = sum(1 for _ in lines)
        runs = [(f"extract -f {f} --jobs 1", f, 1) for f in FORMATS] + [("extract -f nquads --jobs 2", "nquads", 2)]
        base = None
        for name, fmt, jobs in runs:
            out = work / f"timed-{size}.{fmt}" if args.to_disk else Path(os.devnull)
            result = timed([newskg, "extract", "--quiet", "--jobs", str(jobs), "-f", fmt, str(path)], out, args.repeat)
            if base is None and result:
                base = result[0]
            print(row(name, size, text_bytes, size, triples, result, base), flush=True)
            if out != Path(os.devnull):
                out.unlink(missing_ok=True)
        serdi_out = work / "serdi.out" if args.to_disk else Path(os.devnull)
        result = timed(["serdi", "-b", "-i", "nquads", "-o", "nquads", "-q", str(nquads)], serdi_out, args.repeat)
        print(row("serdi N-Quads → N-Quads (reference)", size, text_bytes, size, triples, result, base), flush=True)
        if serdi_out != Path(os.devnull):
            serdi_out.unlink(missing_ok=True)
        nquads.unlink()
        if compromise and size <= args.compromise_max:
            names_out = work / "compromise.out"
            result = timed(["node", str(HERE / "compromise_names.mjs"), str(path)], names_out, 1)
            names = json.loads(names_out.read_text())["names"] if result else 0
            print(row(f"compromise names (reference, {names:,} names)", size, text_bytes, size, 0, result, base),
                  flush=True)
        print(f"<!-- {size} articles: {text_bytes / 1e6:.1f} MB of text, {triples:,} quads -->", flush=True)
    print(f"<!-- after: {machine()} -->")


if __name__ == "__main__":
    main()
