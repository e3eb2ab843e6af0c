#!/usr/bin/env python3
"""Where the time of `newskg extract` goes, by stage: a perf profile with call graphs, each
sample given to the innermost stage on its stack (bench/README.md, "Profile").

Needs `perf` (linux-perf) and a build with debug information (RelWithDebInfo). Unwinding
uses DWARF, so no frame pointers are needed.

    bench/profile.py --newskg build-speed/tools/newskg bench/out/corpus-1000-1.jsonl
"""
import argparse
import collections
import subprocess
import sys
import tempfile

# (stage, substrings of function names on the stack, |-separated), innermost stage first wins.
# Before GraphEncoder::body the encoders' entry was each format's own body(): both match.
STAGES = [
    ("lexicon lookups (Lexicon::*, inside the extractors)", "newskg::Lexicon::"),
    ("text analysis (tokens, sentences)", "newskg::Analysis::Analysis"),
    ("extract: names, titles, co-reference", "newskg::extract::NameExtractor::run"),
    ("extract: dates", "newskg::extract::DateExtractor::run"),
    ("extract: statements and quotes", "newskg::extract::StatementExtractor::run"),
    ("extract: agreements", "newskg::extract::AgreementExtractor::run"),
    ("extract: meetings", "newskg::extract::MeetingExtractor::run"),
    ("extract: stances", "newskg::extract::StanceExtractor::run"),
    ("pipeline, rest (facts, sentences)", "newskg::Pipeline::run"),
    ("mapping: facts to terms, sort", "newskg::to_graph"),
    ("encoding: terms to the format", "Encoder::body|nquads::append"),
    ("parsing JSON and checking UTF-8 (in the workers)", "newskg::RawArticle::parse"),
    ("reading lines (reader thread)", "newskg::read_raw_input"),
    ("loading the lexicon (start-up)", "newskg::load_lexicon"),
    ("writing output (writer thread)", "std::ostream::write"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newskg", required=True)
    parser.add_argument("--format", default="nquads")
    parser.add_argument("--frequency", type=int, default=1000, help="samples per second")
    parser.add_argument("corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = f"{tmp}/perf.data"
        subprocess.run(["perf", "record", "-q", "--call-graph", "dwarf,8192", "-F", str(args.frequency), "-o", data,
                        "--", args.newskg, "extract", "--quiet", "--jobs", "1", "-f", args.format, args.corpus],
                       stdout=subprocess.DEVNULL, check=True)
        script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym"], capture_output=True, text=True,
                                check=True).stdout
    counts = collections.Counter()
    total = 0
    stack = []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        for frame in stack:  # leaf first
            for stage, markers in STAGES:
                if any(marker in frame for marker in markers.split("|")):
                    counts[stage] += 1
                    return
        counts["other (threads, locks, allocator, kernel)"] += 1

    for line in script.splitlines() + [""]:
        if not line.strip():
            flush()
            stack = []
        else:
            stack.append(line.strip().split(None, 1)[-1])
    print(f"{total} samples at {args.frequency} Hz of `newskg extract --jobs 1 -f {args.format}` "
          f"(about {total / args.frequency:.2f} s of CPU)")
    print("| stage | share | CPU s |")
    print("|---|---:|---:|")
    for stage, n in counts.most_common():
        print(f"| {stage} | {100 * n / total:.1f} % | {n / args.frequency:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
