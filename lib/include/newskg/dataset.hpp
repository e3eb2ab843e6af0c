// Reading RDF in any syntax raptor parses (Turtle, TriG, N-Triples, N-Quads, RDF/XML) into
// quads that keep their graph names, for `newskg convert` and `newskg validate`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/graph.hpp"
#include "newskg/writer.hpp"

namespace newskg {

// One statement of a dataset. `graph` follows Graph::name: an IRI, "_:label" for a blank
// graph name, or empty for the default graph.
struct Quad {
  Triple triple;
  std::string graph;
  friend bool operator==(const Quad&, const Quad&) = default;
  friend auto operator<=>(const Quad&, const Quad&) = default;
};

// The syntax a file name suggests (.ttl, .trig, .nq, .nt, .rdf/.owl/.xml, .jsonld), if any.
std::optional<Format> format_from_file_name(std::string_view path);

// Parses a whole file ("-" for standard input). Literals typed xsd:string come back with an
// empty datatype, as newskg writes them. Blank node labels are those of the input, so one
// file's blank nodes stay distinct only within that file. `base` resolves relative IRIs
// (default: the file's own file: IRI). JSON-LD input is not supported. Throws Error naming
// the file and raptor's message when the input does not parse.
std::vector<Quad> parse_rdf(const std::string& path, Format format, const std::string& base = {});

// The same for text in memory; `name` only labels errors.
std::vector<Quad> parse_rdf_text(std::string_view text, Format format, const std::string& base,
                                 const std::string& name = "<text>");

// Groups quads by graph (default graph first, then by name), each graph's triples sorted
// and without repeats, ready for a GraphWriter.
std::vector<Graph> group_by_graph(std::vector<Quad> quads);

}  // namespace newskg
