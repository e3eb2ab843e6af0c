// SPARQL 1.1 queries over a Store (rasqal through librdf; DESCRIBE done here, as rasqal
// leaves it empty) and the result writers: an aligned table, CSV, TSV, SPARQL 1.1 Query
// Results JSON, and RDF syntaxes for graph results.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/store.hpp"

namespace newskg::sparql {

// A term of a result: like newskg::Term, plus the blank nodes that results may carry.
struct Value {
  enum class Type { kIri, kBlank, kLiteral };
  Type type = Type::kIri;
  std::string value;     // IRI, blank node label, or the literal's lexical form
  std::string datatype;  // literal datatype IRI; empty for a plain string
  std::string language;  // literal language tag; empty if none

  friend bool operator==(const Value&, const Value&) = default;
  friend auto operator<=>(const Value&, const Value&) = default;
};

struct ValueTriple {
  Value subject, predicate, object;
  friend bool operator==(const ValueTriple&, const ValueTriple&) = default;
  friend auto operator<=>(const ValueTriple&, const ValueTriple&) = default;
};

struct Result {
  enum class Kind { kBindings, kBoolean, kGraph };
  Kind kind = Kind::kBindings;
  std::vector<std::string> variables;                   // SELECT: in projection order
  std::vector<std::vector<std::optional<Value>>> rows;  // SELECT: unbound is nullopt
  bool boolean = false;                                 // ASK
  std::vector<ValueTriple> triples;                     // CONSTRUCT, DESCRIBE: sorted, no repeats
  bool ordered = false;                                 // SELECT with ORDER BY: row order matters
};

// Runs one query. Throws Error(kRdf) naming the reason when it does not parse or fails.
Result run(const Store& store, std::string_view query);

enum class ResultFormat { kTable, kCsv, kTsv, kJson, kTurtle, kNTriples, kRdfXml };
std::optional<ResultFormat> parse_result_format(std::string_view name);  // "csv", "json", ...

// Writes a result. Bindings and booleans take table, csv, tsv or json; graphs take turtle,
// ntriples or rdfxml (a table or json request for a graph gives Turtle).
void write(const Result& result, ResultFormat format, std::ostream& out);

// A value as written in N-Triples (and TSV results): <iri>, _:label, "text"@en, "1"^^<xsd:...>.
std::string to_ntriples(const Value& value);

}  // namespace newskg::sparql
