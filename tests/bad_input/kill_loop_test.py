#!/usr/bin/env python3
"""Kills `newskg extract -o out.nq` at random moments and checks out.nq every time.

-o writes a temporary file and renames it into place when complete, so after any kill
out.nq must be byte for byte the old file or the whole new one, never a part. The corpus is
grown until a full run takes a few seconds, so most kills land while newskg is writing.

    kill_loop_test.py --newskg BIN --work DIR [--kills 60] [--seed 7]
"""
import argparse
import glob
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")


def articles():
    """The test articles as JSON objects."""
    result = []
    for name in sorted(os.listdir(CORPUS)):
        full = os.path.join(CORPUS, name)
        if name.endswith(".txt"):
            with open(full, encoding="utf-8") as f:
                result.append({"text": f.read()})
        elif name.endswith(".json"):
            with open(full, encoding="utf-8") as f:
                result.append(json.load(f))
    return result


def write_corpus(path, copies):
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(copies):
            for i, article in enumerate(articles()):
                f.write(json.dumps(dict(article, id="a%d-%d" % (copy, i))) + "\n")


def timed_run(newskg, corpus, out):
    start = time.monotonic()
    subprocess.run([newskg, "extract", "-o", out, corpus], check=True, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newskg", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    newskg = os.path.abspath(args.newskg)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "corpus.jsonl")
    out = os.path.join(work, "out.nq")
    reference = os.path.join(work, "reference.nq")

    # The old file: a complete output of a smaller corpus.
    small = os.path.join(work, "small.jsonl")
    write_corpus(small, 1)
    timed_run(newskg, small, out)
    with open(out, "rb") as f:
        old = f.read()

    copies, duration = 2, 0.0
    while True:
        write_corpus(corpus, copies)
        duration = timed_run(newskg, corpus, reference)
        if duration >= 2.0 or copies >= 512:
            break
        copies *= 2
    with open(reference, "rb") as f:
        new = f.read()
    assert new != old and new.strip(), "the two outputs must differ to tell them apart"
    print("corpus: %d articles, a full run takes %.1f s, output %d bytes" % (
        copies * len(articles()), duration, len(new)))

    rng = random.Random(args.seed)
    killed = 0
    outcomes = {"old": 0, "new": 0}
    for attempt in range(args.kills * 3):
        if killed >= args.kills:
            break
        with open(out, "wb") as f:  # start every round from the old file
            f.write(old)
        process = subprocess.Popen([newskg, "extract", "-o", out, corpus], stderr=subprocess.DEVNULL)
        # Mostly while it works, sometimes right at the start or around the end.
        time.sleep(rng.uniform(0.0, duration * 1.05))
        process.send_signal(signal.SIGKILL if rng.random() < 0.8 else signal.SIGTERM)
        code = process.wait()
        if code < 0:
            killed += 1
        with open(out, "rb") as f:
            now = f.read()
        if now == old:
            outcomes["old"] += 1
        elif now == new:
            outcomes["new"] += 1
        else:
            print("FAIL: after a kill at attempt %d (exit %d) out.nq is %d bytes, neither the old %d nor the new %d"
                  % (attempt, code, len(now), len(old), len(new)))
            return 1
        for leftover in glob.glob(out + ".tmp-*"):  # a SIGKILL leaves its temporary behind
            os.remove(leftover)
    print("%d kills: out.nq was the old file %d times and the whole new one %d times, never partial" % (
        killed, outcomes["old"], outcomes["new"]))
    if killed < args.kills:
        print("FAIL: only %d of the runs were killed before they finished" % killed)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
