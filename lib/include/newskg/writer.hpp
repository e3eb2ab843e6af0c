// Writing graphs, one article at a time, in every supported RDF syntax. Turtle, N-Triples,
// N-Quads and RDF/XML go through raptor's serializers; TriG (raptor 2.0.15 cannot write it)
// and JSON-LD (compacted with ontology/context.jsonld) have writers of their own.
#pragma once
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "newskg/graph.hpp"

namespace newskg {

enum class Format { kTurtle, kTriG, kNQuads, kNTriples, kRdfXml, kJsonLd };

std::optional<Format> parse_format(std::string_view name);  // "turtle", "nq", "jsonld", ...
std::string_view format_name(Format format);
bool keeps_graphs(Format format);  // TriG, N-Quads, JSON-LD

struct WriterOptions {
  std::string context_file;  // ontology/context.jsonld, for JSON-LD
  std::string context_iri;   // if set, JSON-LD refers to the context by this IRI instead of inlining it
};

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  virtual void write(const Graph& graph) = 0;  // one article
  virtual void finish() = 0;                   // closes the document
};

std::unique_ptr<GraphWriter> make_writer(Format format, std::ostream& out, const WriterOptions& options = {});

// Prefixes newskg writes, in order: (prefix, namespace IRI).
const std::vector<std::pair<std::string, std::string>>& prefixes();

}  // namespace newskg
