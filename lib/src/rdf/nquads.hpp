// N-Triples and N-Quads lines written directly from our Terms, byte for byte what raptor's
// "ntriples" / "nquads" serializers write (ASCII only, \u escapes), without building a
// raptor term per node: the writer is the hottest part of `newskg extract -f nquads`.
#pragma once
#include <string>

#include "newskg/graph.hpp"

namespace newskg::nquads {

// Appends one line per triple, "S P O G .\n" when `graph` is not null, else "S P O .\n".
void append_triples(std::string& out, const std::vector<Triple>& triples, const std::string* graph);

// One term as raptor writes it in N-Triples (exposed for tests).
void append_term(std::string& out, const Term& term);

}  // namespace newskg::nquads
