// RDF terms and quads as plain values: what the mapping produces and the writers consume.
// No librdf here, so users and most tests never see a C handle.
#pragma once
#include <string>
#include <vector>

namespace newskg {

struct Term {
  // kBlank comes last so that existing orderings of IRIs and literals stay as they were.
  // newskg's own output has no blank nodes; they come in through parse_rdf (convert, validate).
  enum class Type { kIri, kLiteral, kBlank };
  Type type = Type::kIri;
  std::string value;     // the IRI, the literal's lexical form, or the blank node's label
  std::string datatype;  // literal datatype IRI; empty for xsd:string
  std::string language;  // language tag; empty if none

  static Term iri(std::string value) { return {Type::kIri, std::move(value), {}, {}}; }
  static Term literal(std::string value, std::string datatype = {}) {
    return {Type::kLiteral, std::move(value), std::move(datatype), {}};
  }
  static Term blank(std::string label) { return {Type::kBlank, std::move(label), {}, {}}; }
  bool is_iri() const { return type == Type::kIri; }
  bool is_blank() const { return type == Type::kBlank; }
  bool is_literal() const { return type == Type::kLiteral; }
  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

struct Triple {
  Term subject, predicate, object;
  friend bool operator==(const Triple&, const Triple&) = default;
  friend auto operator<=>(const Triple&, const Triple&) = default;
};

// The facts of one article: one named graph, its triples sorted and without repeats.
struct Graph {
  std::string name;  // the graph IRI; "_:label" for a blank graph name, empty for the default graph
  std::vector<Triple> triples;
};

struct MappingOptions {
  std::string base = "https://w3id.org/newskg/id/";  // entity IRIs: base + kind + "/" + key
};

}  // namespace newskg
