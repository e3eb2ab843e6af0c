#!/usr/bin/env bash
# Proves the "many machines" claim on one: a corpus split into shards, extracted by a Dask
# LocalCluster of 2 worker processes on 127.0.0.1, concatenated, is the same dataset as one
# single run (newskg writes no blank nodes, so sorted unique N-Quads lines are canonical),
# and, since the shards are contiguous and joined in order, the same bytes.
# usage: test_distributed.sh NEWSKG WORKDIR [PYTHON]
set -euo pipefail
newskg=$1
work=$2
python=${3:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"

"$python" "$here/../../bench/make_corpus.py" --articles 80 --seed 11 -o "$work/corpus.jsonl"
"$newskg" extract --quiet --jobs 1 -f nquads -o "$work/single.nq" "$work/corpus.jsonl"
timeout 120 "$python" "$here/extract_shards.py" --local-workers 2 --shards 5 --newskg "$newskg" \
  -o "$work/sharded.nq" "$work/corpus.jsonl"

LC_ALL=C sort -u "$work/single.nq" > "$work/single.sorted"
LC_ALL=C sort -u "$work/sharded.nq" > "$work/sharded.sorted"
[ "$(wc -l < "$work/single.sorted")" -gt 1000 ] || { echo "too few quads in the single run"; exit 1; }
if ! cmp -s "$work/single.sorted" "$work/sharded.sorted"; then
  echo "the shard union is not the single run's dataset:"
  diff "$work/single.sorted" "$work/sharded.sorted" | head -20
  exit 1
fi
cmp "$work/single.nq" "$work/sharded.nq" || { echo "contiguous shards joined in order should give the same bytes"; exit 1; }
echo "shard union equals the single run ($(wc -l < "$work/single.sorted") quads)"
