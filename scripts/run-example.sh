#!/usr/bin/env bash
# Installs, builds and runs newskg extract on the example articles (the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEWSKG_BUILD_TESTS=OFF >/dev/null
cmake --build build
mkdir -p out
build/tools/newskg extract -f trig -o out/examples.trig examples/articles/*
echo "wrote out/examples.trig ($(wc -l < out/examples.trig) lines) from $(ls examples/articles | wc -l) articles"
