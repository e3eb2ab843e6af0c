// Facts to RDF: deterministic IRIs (base + kind + key), one named graph per article,
// PROV-O provenance for the graph and every n-ary fact, NIF phrases for every span.
#pragma once
#include <string_view>

#include "newskg/facts.hpp"
#include "newskg/graph.hpp"

namespace newskg {

Graph to_graph(const Facts& facts, const MappingOptions& options = {});
// The same graph into `graph` (cleared first, its buffers reused): the fast path of extract.
void to_graph(const Facts& facts, const MappingOptions& options, TermGraph& graph);

// Whether `base` can start newskg's IRIs: it has a scheme ("https:") and none of the
// characters RDF forbids in IRIs (space, <>"{}|^`\ and controls).
bool is_valid_base_iri(std::string_view base);

// The version newskg writes into its provenance.
const char* version();

}  // namespace newskg
