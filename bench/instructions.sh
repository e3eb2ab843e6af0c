#!/bin/sh
# Instructions `newskg extract -f nquads --jobs 1` executes on a corpus, all threads, counted
# by callgrind: unlike wall time on a shared VM (which drifts by 10 % between runs), the count
# repeats exactly, so two builds can be compared one change at a time (bench/README.md,
# "History"). Needs valgrind; about 25 s for 1,000 articles.
#
#     bench/instructions.sh build/tools/newskg [bench/out/corpus-1000-1.jsonl]
set -eu
newskg=$1
corpus=${2:-$(dirname "$0")/out/corpus-1000-1.jsonl}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" "$newskg" extract --quiet --jobs 1 -f nquads "$corpus" \
  2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1 instructions/p'
