// Writing graphs, one article at a time, in every supported RDF syntax. RDF/XML goes through
// raptor's serializer; Turtle, TriG, N-Triples, N-Quads (the same bytes as raptor's) and
// JSON-LD (compacted with ontology/context.jsonld) have writers of their own.
#pragma once
#include <functional>
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

// The same document cut into parts, so that worker threads can encode articles in parallel
// and one thread writes them in input order: header(), then body() of each article with
// separator() between two bodies, then footer(). Those bytes are exactly what a GraphWriter
// writes. An encoder keeps scratch state (a raptor world, buffers): one per thread.
class GraphEncoder {
 public:
  virtual ~GraphEncoder() = default;
  virtual std::string header() = 0;
  // Appends one article. A Graph is numbered into a TermGraph first (its triples in their
  // order); newskg extract maps facts straight into a TermGraph and skips that step.
  void body(const Graph& graph, std::string& out) { encode(TermGraph::from(graph), out); }
  void body(const TermGraph& graph, std::string& out) { encode(graph, out); }
  // The same bytes, handed to `write` in pieces of about `piece` bytes as they are made, so
  // that a very long article's output is never held whole. Only N-Quads and N-Triples are
  // made in pieces; the other formats hand on the whole body at once.
  using Sink = std::function<void(std::string_view)>;
  void body(const TermGraph& graph, const Sink& write, std::size_t piece) {
    encode_in_pieces(graph, write, piece);
  }
  virtual std::string_view separator() const { return {}; }  // between two bodies
  virtual std::string footer() = 0;

 protected:
  virtual void encode(const TermGraph& graph, std::string& out) = 0;
  virtual void encode_in_pieces(const TermGraph& graph, const Sink& write, std::size_t /*piece*/) {
    std::string out;
    encode(graph, out);
    write(out);
  }
};

std::unique_ptr<GraphEncoder> make_encoder(Format format, const WriterOptions& options = {});

// Prefixes newskg writes, in order: (prefix, namespace IRI).
const std::vector<std::pair<std::string, std::string>>& prefixes();

}  // namespace newskg
