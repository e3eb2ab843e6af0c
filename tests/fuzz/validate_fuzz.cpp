// Fuzzes what `newskg validate` does with a file: parse RDF (the syntax picked by the first
// byte), group the quads by graph and check each graph against ontology/shapes.ttl. Any input
// must parse or be refused with newskg::Error; what parses is written back as N-Quads, which
// raptor must read to the same number of statements.
#include <cstdint>
#include <sstream>

#include "fuzz_support.hpp"
#include "newskg/dataset.hpp"
#include "newskg/error.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/shacl.hpp"
#include "newskg/writer.hpp"

using namespace newskg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const Format kFormats[] = {Format::kNQuads, Format::kNTriples, Format::kTurtle, Format::kTriG,
                                    Format::kRdfXml};
  const Format format = kFormats[data[0] % 5];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::vector<Quad> quads;
  try {
    quads = parse_rdf_text(text, format, "https://fuzz.invalid/", "fuzz");
  } catch (const Error&) {
    return 0;  // refused with a named error: what validate reports
  }
  std::vector<Graph> graphs = group_by_graph(std::move(quads));

  static const shacl::Shapes shapes = shacl::Shapes::load(default_ontology_folder() + "/shapes.ttl");
  std::size_t triples = 0;
  for (const Graph& graph : graphs) {
    shapes.validate(graph.triples);  // violations are results, not failures
    triples += graph.triples.size();
  }

  std::ostringstream out;
  auto writer = make_writer(Format::kNQuads, out);
  for (const Graph& graph : graphs) writer->write(graph);
  writer->finish();
  const std::string document = out.str();
  auto parsed = fuzz::parse_rdf(document, "nquads");
  fuzz::require(parsed.first_error.empty(), "N-Quads written from parsed input do not parse: " + parsed.first_error);
  fuzz::require(parsed.statements == triples, "N-Quads written from parsed input hold " +
                                                  std::to_string(parsed.statements) + " statements, not " +
                                                  std::to_string(triples));
  return 0;
}
