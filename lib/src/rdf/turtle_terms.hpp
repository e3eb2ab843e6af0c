// Turtle terms for our own Turtle and TriG writers: prefixed names where safe, escaped literals.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "newskg/graph.hpp"

namespace newskg::turtle {

std::string iri(std::string_view value);  // prefixed name, "a" for rdf:type, or <...>
void append_iri(std::string& out, std::string_view value);  // the same, appended
// A term as subject or object: like iri() but never "a".
void append_term(std::string& out, const TermGraph::TermView& term);

// Writes the triples (grouped by subject, as TermGraph::sort_unique leaves them) as Turtle
// statements, subjects grouped with ';' and ','. Each term is written once per article into
// scratch space and copied from there.
class TripleWriter {
 public:
  void write(std::string& out, const TermGraph& graph, std::string_view indent);

 private:
  struct Slice {
    std::uint32_t offset = 0, size = 0;
  };
  std::string_view get(const std::string& text, Slice s) const { return std::string_view(text).substr(s.offset, s.size); }
  std::string terms_text_;
  std::vector<Slice> terms_;       // by term number: as subject or object
  std::vector<bool> is_type_;      // rdf:type, written "a" as a predicate
};

}  // namespace newskg::turtle
