#!/usr/bin/env bash
# Installs, builds and runs every test (the README's second command; CI runs this), in three
# stages, each timed:
#   1. the ordinary build (RelWithDebInfo, warnings are errors) and the whole suite;
#   2. the whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. a smoke run of each libFuzzer target (clang), NEWSKG_FUZZ_SECONDS each (default 60).
# NEWSKG_TEST_STAGES picks stages (default "1 2 3"), e.g. NEWSKG_TEST_STAGES=1 for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
stages="${NEWSKG_TEST_STAGES:-1 2 3}"
fuzz_seconds="${NEWSKG_FUZZ_SECONDS:-60}"
timings=()

stage() {  # stage NAME COMMAND...: runs it, keeps its wall time for the summary
  local name="$1" start=$SECONDS
  shift
  echo "==== $name"
  "$@"
  timings+=("$(printf '%-44s %4d s' "$name" $((SECONDS - start)))")
}

suite() {  # suite BUILD_DIR CMAKE_OPTION...: configure, build, run every test
  local dir="$1"
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSKG_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs"
}

fuzz_smoke() {
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DNEWSKG_FUZZ=ON -DNEWSKG_BUILD_TESTS=OFF >/dev/null
  cmake --build build-fuzz -j "$jobs" --target reader_fuzz analysis_fuzz pipeline_fuzz validate_fuzz
  tests/fuzz/run.sh build-fuzz "$fuzz_seconds"
}

for s in $stages; do
  case "$s" in
    1) stage "1. build and test" suite build ;;
    2) stage "2. build and test with ASan+UBSan" suite build-asan -DNEWSKG_SANITIZE=ON ;;
    3) stage "3. fuzz smoke, ${fuzz_seconds} s per target" fuzz_smoke ;;
    *) echo "NEWSKG_TEST_STAGES: no stage '$s' (1, 2 or 3)" >&2; exit 2 ;;
  esac
done
echo "==== all stages passed"
printf '%s\n' "${timings[@]}"
