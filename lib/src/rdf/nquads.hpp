// N-Triples and N-Quads lines written directly from our Terms, byte for byte what raptor's
// "ntriples" / "nquads" serializers write (ASCII only, \u escapes), without building a
// raptor term per node: the writer is the hottest part of `newskg extract -f nquads`.
#pragma once
#include <string>

#include "newskg/graph.hpp"

namespace newskg::nquads {

// One term as raptor writes it in N-Triples. The encoder writes each term of an article
// once and copies it into every line that holds it.
void append_term(std::string& out, const TermGraph::TermView& term);
void append_term(std::string& out, const Term& term);
// A graph name (Graph::name, not empty): an IRI, or "_:label" as it is.
void append_graph_term(std::string& out, const std::string& graph);

}  // namespace newskg::nquads
