// Turtle term syntax for our own TriG writer: prefixed names where safe, escaped literals.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "newskg/graph.hpp"

namespace newskg::turtle {

std::string iri(const std::string& value);  // prefixed name, or <...>
std::string literal(const Term& term);
std::string term(const Term& term);
// Triples (sorted by subject) as Turtle statements, subjects grouped with ';' and ','.
void write_triples(std::ostream& out, const std::vector<Triple>& triples, const std::string& indent);

}  // namespace newskg::turtle
