#!/usr/bin/env bash
# Cross-checks newskg's six output formats against each other using parsers that
# share no code with newskg (rapper, serdi, jsonld.js), so a serialiser bug shows
# up as a parse error or as a dataset that differs from the N-Quads.
# Usage: formats_test.sh NEWSKG_BINARY ARTICLES_DIR WORKDIR
# Prints one PASS/FAIL line per check; exits 1 if any check failed, 2 on misuse.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 NEWSKG_BINARY ARTICLES_DIR WORKDIR" >&2
  exit 2
fi
newskg=$1 articles_dir=$2 work=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Byte order, so sorted files compare the same on every machine.
export LC_ALL=C

for tool in rapper serdi node; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (run scripts/install-deps.sh)"; exit 1; }
done
[ -x "$newskg" ] || { echo "FAIL: $newskg is not an executable"; exit 1; }

shopt -s nullglob
inputs=("$articles_dir"/*.txt "$articles_dir"/*.json "$articles_dir"/*.jsonl)
shopt -u nullglob
[ ${#inputs[@]} -gt 0 ] || { echo "FAIL: no .txt/.json/.jsonl articles in $articles_dir"; exit 1; }

# A fresh folder: a file left by an earlier run must never pass for this run's.
# Only a folder this script made (marked) is wiped, so a mistyped WORKDIR is safe.
if [ -d "$work" ] && [ ! -e "$work/.formats_test" ] && [ -n "$(ls -A "$work")" ]; then
  echo "FAIL: $work is not empty and was not made by $0: give another WORKDIR" >&2
  exit 2
fi
rm -rf "$work"
mkdir -p "$work"
touch "$work/.formats_test"

passes=0 fails=0
pass() { echo "PASS: $*"; passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# Shows the start of a file that explains a failure, indented under the FAIL line.
show() { sed -n '1,20s/^/    /p' "$1"; }

formats=(turtle trig nquads ntriples rdfxml jsonld)
declare -A parser=(
  [turtle]="rapper -q -i turtle -o nquads"
  [trig]="rapper -q -i trig -o nquads"
  [rdfxml]="rapper -q -i rdfxml -o nquads"
  [ntriples]="serdi -i ntriples -o nquads"
  [nquads]="serdi -i nquads -o nquads"
)

# 1. Every format is written, with exit status 0, and parses without a word on stderr.
for f in "${formats[@]}"; do
  out="$work/out.$f"
  if "$newskg" extract -f "$f" -o "$out" "${inputs[@]}" 2>"$work/extract.$f.err" && [ -s "$out" ]; then
    pass "extract -f $f"
  else
    fail "extract -f $f (exit status non-zero or empty output)"; show "$work/extract.$f.err"
    rm -f "$out"
    continue
  fi
  [ "$f" = jsonld ] && continue # jsonld.js parses it in check 4
  # shellcheck disable=SC2086 # the parser command is meant to split into words
  if ${parser[$f]} "$out" >"$work/parsed.$f.nq" 2>"$work/parse.$f.err" \
      && [ ! -s "$work/parse.$f.err" ] && [ -s "$work/parsed.$f.nq" ]; then
    pass "parse $f with ${parser[$f]%% *}"
  else
    fail "parse $f with ${parser[$f]%% *} (error, message or no data)"; show "$work/parse.$f.err"
    rm -f "$work/parsed.$f.nq"
  fi
done

# rapper and serdi escape differently (\uXXXX vs UTF-8), so every side goes
# through serdi once more; sort -u turns the result into a set. $2 is nquads to
# keep graph names or ntriples to drop them.
normalise() {
  serdi -i nquads -o "$2" "$work/parsed.$1.nq" 2>"$work/norm.$1.$2.err" | sort -u >"$work/set.$1.$2" \
    && [ ! -s "$work/norm.$1.$2.err" ]
}
# Compares two normalised sets; on a difference prints the first 40 lines of each side.
same_set() { # label fileA fileB
  if cmp -s "$2" "$3"; then
    pass "$1 ($(wc -l <"$2") statements)"
  else
    fail "$1"
    comm -23 "$2" "$3" >"$work/diff.a"
    comm -13 "$2" "$3" >"$work/diff.b"
    echo "    only in $(basename "$2") ($(wc -l <"$work/diff.a") lines, first 40):"
    sed -n '1,40s/^/      /p' "$work/diff.a"
    echo "    only in $(basename "$3") ($(wc -l <"$work/diff.b") lines, first 40):"
    sed -n '1,40s/^/      /p' "$work/diff.b"
  fi
}

if [ -s "$work/parsed.nquads.nq" ] && normalise nquads nquads && normalise nquads ntriples; then
  # 2. N-Quads is the reference below, so first check it keeps the graph names:
  # every quad in a named graph, and (for .txt inputs, one article each) one
  # graph per article. serdi's ntriples output is the same line minus the graph.
  graphs=$(awk 'NR == FNR { t[FNR] = $0; next }
                $0 == t[FNR] { print "DEFAULT"; next }
                { print substr($0, length(t[FNR]), length($0) - length(t[FNR]) - 1) }' \
             <(serdi -i nquads -o ntriples "$work/parsed.nquads.nq") "$work/parsed.nquads.nq" | sort -u)
  ngraphs=$(grep -c '^<' <<<"$graphs" || true)
  ntxt=$(printf '%s\n' "${inputs[@]}" | grep -c '\.txt$' || true)
  if grep -qx DEFAULT <<<"$graphs"; then
    fail "nquads: some quads are in the default graph, not in an article's named graph"
  elif [ "$ntxt" -eq ${#inputs[@]} ] && [ "$ngraphs" -ne "$ntxt" ]; then
    fail "nquads: $ngraphs named graphs for $ntxt articles"
  else
    pass "nquads: every quad in a named graph ($ngraphs graphs, ${#inputs[@]} inputs)"
  fi

  # 3a. TriG keeps graph names, so it must give exactly the N-Quads' quads.
  if [ -s "$work/parsed.trig.nq" ] && normalise trig nquads; then
    same_set "trig (rapper) = nquads as quads" "$work/set.trig.nquads" "$work/set.nquads.nquads"
  else
    fail "trig = nquads: TriG output missing or not normalisable"
  fi
  # 3b. The triple-only formats must give the N-Quads' triples, graph names dropped.
  for f in turtle ntriples rdfxml; do
    if [ -s "$work/parsed.$f.nq" ] && normalise "$f" ntriples; then
      same_set "$f = nquads without graph names" "$work/set.$f.ntriples" "$work/set.nquads.ntriples"
    else
      fail "$f = nquads without graph names: $f output missing or not normalisable"
    fi
  done
else
  fail "nquads output missing or not normalisable: trig/turtle/ntriples/rdfxml comparisons cannot run"
  show "$work/norm.nquads.nquads.err" 2>/dev/null || true
fi

# 4. JSON-LD through jsonld.js must give the N-Quads' dataset. A missing jsonld.js
# is a failure, not a skip: otherwise a machine without it would pass silently.
if [ ! -d "$here/node_modules/jsonld" ] || [ ! -d "$here/node_modules/rdf-canonize" ]; then
  fail "jsonld = nquads: jsonld.js is not installed in $here/node_modules; run scripts/install-deps.sh"
elif [ ! -s "$work/out.jsonld" ] || [ ! -s "$work/parsed.nquads.nq" ]; then
  fail "jsonld = nquads: JSON-LD or (parsed) N-Quads output missing"
# serdi's re-serialisation of the N-Quads, as rdf-canonize's reader knows no comments.
elif node "$here/jsonld_roundtrip.mjs" "$work/out.jsonld" "$work/parsed.nquads.nq" >"$work/jsonld.log" 2>&1; then
  pass "jsonld (jsonld.js) = nquads as canonical datasets: $(cat "$work/jsonld.log")"
else
  fail "jsonld (jsonld.js) = nquads as canonical datasets"
  sed 's/^/    /' "$work/jsonld.log"
fi

# 5. Same input, same bytes: diffs of generated graphs and caches rely on it.
for f in nquads jsonld; do
  if "$newskg" extract -f "$f" -o "$work/again.$f" "${inputs[@]}" 2>/dev/null \
      && [ -s "$work/out.$f" ] && cmp -s "$work/out.$f" "$work/again.$f"; then
    pass "deterministic: two runs of extract -f $f are byte-identical"
  else
    fail "deterministic: two runs of extract -f $f differ (or failed)"
    cmp "$work/out.$f" "$work/again.$f" 2>&1 | sed 's/^/    /' || true
  fi
done

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
