#!/usr/bin/env bash
# Runs the libFuzzer targets: each for SECONDS (default 60), starting from seeds made of the
# test articles, every kept regression input and what earlier runs found. A finding (crash,
# leak, failed check, timeout) stops that target, is saved under BUILD/fuzz-work/TARGET/ and
# makes the script fail.
#   tests/fuzz/run.sh BUILD [SECONDS] [TARGET...]   (BUILD configured with -DNEWSKG_FUZZ=ON)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "$1" && pwd)"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader_fuzz analysis_fuzz pipeline_fuzz validate_fuzz)

seed() {  # seed TARGET DIR: the test articles that suit the target
  local target="$1" dir="$2"
  case "$target" in
    reader_fuzz)
      cp "$root"/tests/corpus/*.json "$dir"/
      cat "$root"/tests/corpus/*.json | tr -d '\n' | sed 's/}{/}\n{/g' > "$dir/all.jsonl" ;;
    analysis_fuzz)
      cp "$root"/tests/corpus/*.txt "$root"/examples/articles/*.txt "$dir"/ 2>/dev/null || true ;;
    pipeline_fuzz)
      cp "$root"/tests/corpus/*.txt "$root"/tests/corpus/*.json "$dir"/ ;;
    validate_fuzz)  # first byte: 0 N-Quads, 2 Turtle (see validate_fuzz.cpp)
      for f in "$root"/tests/golden/*/*.nq; do { printf '\x00'; cat "$f"; } > "$dir/$(basename "$f")"; done
      for f in "$root"/ontology/*.ttl; do { printf '\x02'; cat "$f"; } > "$dir/$(basename "$f")"; done ;;
  esac
  cp "$here/regressions/$target"/* "$dir"/ 2>/dev/null || true
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

status=0
for target in "${targets[@]}"; do
  work="$build/fuzz-work/$target"
  mkdir -p "$work/corpus" "$work/seeds" "$work/findings"
  seed "$target" "$work/seeds"
  max_len=65536
  [ "$target" = pipeline_fuzz ] && max_len=4096  # every input goes through six writers and parsers
  echo "== $target: ${seconds}s"
  if ! (cd "$work" && nice -n 19 "$build/tests/fuzz/$target" \
          -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -max_len=$max_len \
          -dict="$here/json.dict" -artifact_prefix="$work/findings/" -print_final_stats=1 \
          corpus seeds > "$work/log.txt" 2>&1); then
    echo "!! $target found a problem; input and log in $work"
    tail -n 40 "$work/log.txt"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/log.txt" | sed "s/^/   /"
  fi
done
exit $status
