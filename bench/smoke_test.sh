#!/usr/bin/env bash
# A small, untimed check of what the benchmark relies on (run by ctest as bench.smoke):
# the corpus generator is deterministic, and `newskg extract --jobs 2` writes the same bytes
# as --jobs 1 in every format, also when articles are streamed (--stream-above). Progress goes
# to stderr only when asked for.
# usage: bench/smoke_test.sh NEWSKG WORKDIR
set -euo pipefail
newskg=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"

python3 "$here/make_corpus.py" --articles 60 --seed 7 -o "$work/a.jsonl"
python3 "$here/make_corpus.py" --articles 60 --seed 7 > "$work/b.jsonl"
cmp "$work/a.jsonl" "$work/b.jsonl" || { echo "make_corpus.py is not deterministic"; exit 1; }
python3 "$here/make_corpus.py" --articles 60 --seed 8 > "$work/c.jsonl"
if cmp -s "$work/a.jsonl" "$work/c.jsonl"; then echo "--seed has no effect"; exit 1; fi
[ "$(wc -l < "$work/a.jsonl")" -eq 60 ] || { echo "expected 60 articles"; exit 1; }

for format in nquads ntriples turtle trig jsonld rdfxml; do
  "$newskg" extract --jobs 1 -f "$format" "$work/a.jsonl" > "$work/one.$format"
  "$newskg" extract --jobs 2 -f "$format" "$work/a.jsonl" > "$work/two.$format"
  "$newskg" extract --jobs 3 -f "$format" -o "$work/three.$format" "$work/a.jsonl"
  cmp "$work/one.$format" "$work/two.$format" || { echo "$format: --jobs 2 differs from --jobs 1"; exit 1; }
  cmp "$work/one.$format" "$work/three.$format" || { echo "$format: --jobs 3 -o differs from --jobs 1"; exit 1; }
  # every article written by its worker in its turn, as a very long one would be
  "$newskg" extract --jobs 1 --stream-above 0 -f "$format" "$work/a.jsonl" > "$work/streamed1.$format"
  "$newskg" extract --jobs 3 --stream-above 0 -f "$format" "$work/a.jsonl" > "$work/streamed3.$format"
  cmp "$work/one.$format" "$work/streamed1.$format" || { echo "$format: --stream-above 0 differs"; exit 1; }
  cmp "$work/one.$format" "$work/streamed3.$format" || { echo "$format: --stream-above 0 --jobs 3 differs"; exit 1; }
done
[ "$(wc -l < "$work/one.nquads")" -gt 1000 ] || { echo "too few quads: the extractors did no work"; exit 1; }

# stderr is a pipe here: no progress unless asked for, none with --quiet
"$newskg" extract "$work/a.jsonl" 2> "$work/stderr" > /dev/null
[ ! -s "$work/stderr" ] || { echo "progress written to a pipe unasked"; cat "$work/stderr"; exit 1; }
"$newskg" extract --progress "$work/a.jsonl" 2> "$work/stderr" > /dev/null
grep -q "60 articles" "$work/stderr" || { echo "--progress shows nothing"; exit 1; }
"$newskg" extract --progress --quiet "$work/a.jsonl" 2> "$work/stderr" > /dev/null
[ ! -s "$work/stderr" ] || { echo "--quiet still shows progress"; exit 1; }
echo "bench smoke test passed"
