#!/usr/bin/env bash
# Installs everything newskg needs to build and test on a fresh Debian 12 machine (as root).
# Debian packages only, plus two npm packages for the JSON-LD round-trip test.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev raptor2-utils redland-utils rasqal-utils librdf-storage-sqlite
  rapidjson-dev libboost-program-options-dev libicu-dev iso-codes
  libgtest-dev libgmock-dev googletest
  libsqlite3-dev libcurl4-gnutls-dev  # the embedded store's indexes; newskg push
  serdi python3 nodejs npm
  python3-distributed                  # examples/distributed (Dask)
  libserd-dev clang libclang-rt-14-dev # fuzz targets: clang's libFuzzer, serd re-reads their output
  virtuoso-opensource                  # the triplestore test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  # nodejs from another repository may already provide npm; do not fight it.
  if command -v npm >/dev/null 2>&1; then missing=("${missing[@]/npm}"); fi
  if command -v node >/dev/null 2>&1; then missing=("${missing[@]/nodejs}"); fi
  apt-get install -y -qq --no-install-recommends ${missing[@]} >/dev/null
fi

# The npm packages the integration tests pin (jsonld.js, rdf-canonize, a SHACL engine).
if [ -f tests/integration/package.json ] && { [ ! -d tests/integration/node_modules/jsonld ] ||
    [ ! -d tests/integration/node_modules/rdf-validate-shacl ] || [ ! -d tests/integration/node_modules/n3 ]; }; then
  (cd tests/integration && npm ci --no-audit --no-fund --loglevel=error)
fi
