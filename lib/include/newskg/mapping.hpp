// Facts to RDF: deterministic IRIs (base + kind + key), one named graph per article,
// PROV-O provenance for the graph and every n-ary fact, NIF phrases for every span.
#pragma once
#include "newskg/facts.hpp"
#include "newskg/graph.hpp"

namespace newskg {

Graph to_graph(const Facts& facts, const MappingOptions& options = {});

// The version newskg writes into its provenance.
const char* version();

}  // namespace newskg
