// RDF terms and quads as plain values: what the mapping produces and the writers consume.
// No librdf here, so users and most tests never see a C handle.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
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

// The same kind of graph with every distinct term stored once and each triple as three term
// numbers: what `newskg extract` maps facts into and encodes from. A Graph holds a dozen
// strings per triple; here a triple is 12 bytes, the sort compares integers and an encoder
// escapes each term once however many triples it is in. Reusable: clear() keeps capacity.
class TermGraph {
 public:
  using Id = std::uint32_t;
  struct TermView {
    Term::Type type;
    std::string_view value, datatype, language;  // as in Term
    bool is_iri() const { return type == Term::Type::kIri; }
    bool is_blank() const { return type == Term::Type::kBlank; }
    bool is_literal() const { return type == Term::Type::kLiteral; }
  };
  struct IdTriple {
    Id subject, predicate, object;
    friend bool operator==(const IdTriple&, const IdTriple&) = default;
  };

  std::string name;  // as Graph::name

  void clear();
  // The number of the term, the same for equal terms (added if new).
  Id iri(std::string_view value) { return intern(Term::Type::kIri, value, {}, {}); }
  Id literal(std::string_view value, std::string_view datatype = {}, std::string_view language = {}) {
    return intern(Term::Type::kLiteral, value, datatype, language);
  }
  Id blank(std::string_view label) { return intern(Term::Type::kBlank, label, {}, {}); }
  Id term(const Term& t) { return intern(t.type, t.value, t.datatype, t.language); }
  void add(Id subject, Id predicate, Id object) { triples_.push_back({subject, predicate, object}); }

  // Sorts the triples in Term order (type, value, datatype, language) of subject, predicate
  // and object, and drops repeats: the order of Graph::triples after to_graph. Term numbers
  // stay as they were.
  void sort_unique();

  std::size_t term_count() const { return terms_.size(); }
  TermView term(Id id) const {
    const Record& r = terms_[id];
    return {r.type, slice(r.value), slice(r.datatype), slice(r.language)};
  }
  const std::vector<IdTriple>& triples() const { return triples_; }

  static TermGraph from(const Graph& graph);  // triples kept in their order and repeats
  Graph to_graph() const;

 private:
  struct Slice {
    std::uint32_t offset = 0, size = 0;
  };
  struct Record {
    Term::Type type;
    Slice value, datatype, language;
    std::uint64_t hash;
  };
  std::string_view slice(Slice s) const { return std::string_view(text_).substr(s.offset, s.size); }
  Slice store(std::string_view bytes);
  // A datatype or language as stored: most literals of an article share one of a few, so the
  // last one stored is reused rather than stored again.
  Slice store_tag(std::string_view bytes, Slice& last);
  Id intern(Term::Type type, std::string_view value, std::string_view datatype, std::string_view language);
  void rehash(std::size_t slots);
  void sort_terms(std::vector<Id>& order);
  bool less(Id a, Id b) const;  // in Term order

  std::string text_;              // every term's strings, back to back
  std::vector<Record> terms_;
  Slice last_datatype_, last_language_;  // see store_tag
  std::vector<Id> slots_;         // open addressing over terms_, kNoTerm where empty
  std::vector<IdTriple> triples_;
  // sort_unique's working space, kept for the next article
  std::vector<std::uint8_t> scratch_used_;
  std::vector<Id> scratch_order_, scratch_rank_;
  std::vector<std::uint32_t> scratch_start_;
  std::vector<IdTriple> scratch_triples_;
  struct Keyed {
    std::uint64_t chunk;  // eight bytes of the value, big-endian
    std::uint32_t rest;   // bytes of the value from there on, 9 for more than 8
    Id id;
  };
  std::vector<Keyed> scratch_keyed_;
};

struct MappingOptions {
  std::string base = "https://w3id.org/newskg/id/";  // entity IRIs: base + kind + "/" + key
};

}  // namespace newskg
