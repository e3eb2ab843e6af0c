#!/usr/bin/env bash
# Installs, builds and runs newskg extract on the example articles (the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# A build folder of its own, so the test build's options never leak into this one.
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSKG_BUILD_TESTS=OFF -DNEWSKG_WERROR=OFF >/dev/null
cmake --build build-release
mkdir -p out
build-release/tools/newskg extract -f trig -o out/examples.trig examples/articles/*
echo "wrote out/examples.trig ($(wc -l < out/examples.trig) lines) from $(ls examples/articles | wc -l) articles"
