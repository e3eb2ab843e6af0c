// Fuzzes the whole way through: an article (JSON if the input starts with '{', else plain
// text) -> pipeline -> graph -> every output format. Each output is parsed back in-process
// (raptor for the RDF syntaxes, the JSON reader for JSON-LD) and must be valid, hold every
// triple, and every evidence span must select exactly its anchor text.
#include <cstdint>
#include <sstream>

#include "fuzz_support.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/mapping.hpp"
#include "newskg/pipeline.hpp"
#include "newskg/reader.hpp"
#include "newskg/writer.hpp"

using namespace newskg;

namespace {

const Pipeline& pipeline() {
  static const Pipeline instance(load_lexicon(default_ontology_folder()));
  return instance;
}

void check_evidence(const fuzz::CodePoints& text, const Evidence& e) {
  fuzz::require(text.slice(e.span.begin, e.span.end) == e.anchor,
                "evidence span does not select its anchor: '" + e.anchor + "'");
  fuzz::require(e.sentence.begin <= e.span.begin, "evidence begins before its sentence: '" + e.anchor + "'");
}

void check_facts(const Facts& facts) {
  fuzz::CodePoints text(facts.article.text);
  for (const SentenceText& s : facts.sentences)
    fuzz::require(text.slice(s.span.begin, s.span.end) == s.text, "sentence span does not select its text");
  for (const Entity& entity : facts.entities)
    for (const Evidence& e : entity.mentions) check_evidence(text, e);
  for (const Post& post : facts.posts) check_evidence(text, post.evidence);
  for (const AgreementFacts& a : facts.agreements)
    for (const Evidence& e : a.evidence) check_evidence(text, e);
  for (const Meeting& m : facts.meetings)
    for (const Evidence& e : m.evidence) check_evidence(text, e);
  for (const Quotation& q : facts.quotations) check_evidence(text, q.evidence);
}

void check_output(const Graph& graph, Format format, const char* raptor_syntax) {
  std::ostringstream out;
  WriterOptions options;
  options.context_file = default_ontology_folder() + "/context.jsonld";
  options.context_iri = "https://w3id.org/newskg/context.jsonld";  // a short document to re-parse
  auto writer = make_writer(format, out, options);
  writer->write(graph);
  writer->finish();
  const std::string document = out.str();
  const std::string name(format_name(format));
  fuzz::require(fuzz::valid_utf8(document), name + " output is not valid UTF-8");
  if (format == Format::kJsonLd) {
    // Valid JSON gives "no text field" (E004); broken JSON gives E003 or E002.
    InputError error;
    ReaderOptions unlimited;
    unlimited.max_article_bytes = document.size() + 1;
    parse_json_article(document, "out.jsonld", 0, "out", unlimited, error);
    fuzz::require(error.code == ErrorCode::kMissingText, "JSON-LD output is not valid JSON: " + error.message);
    return;
  }
  auto parsed = fuzz::parse_rdf(document, raptor_syntax);
  fuzz::require(parsed.first_error.empty(), name + " output does not parse: " + parsed.first_error);
  fuzz::require(parsed.statements == graph.triples.size(),
                name + " output holds " + std::to_string(parsed.statements) + " statements, not " +
                    std::to_string(graph.triples.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ReaderOptions options;
  options.max_article_bytes = 64 * 1024;
  Article article;
  if (!bytes.empty() && bytes[0] == '{') {
    InputError error;
    auto parsed = parse_json_article(bytes, "fuzz.json", 0, "fuzz", options, error);
    if (!parsed) return 0;
    article = std::move(*parsed);
  } else {
    // The reader's contract for text: valid UTF-8 without NUL bytes.
    if (!fuzz::valid_utf8(bytes) || bytes.find('\0') != std::string::npos) return 0;
    article.id = "fuzz";
    article.source = "fuzz.txt";
    article.text = std::move(bytes);
  }

  Facts facts = pipeline().run(article);
  check_facts(facts);
  Graph graph = to_graph(facts);
  check_output(graph, Format::kNQuads, "nquads");
  check_output(graph, Format::kNTriples, "ntriples");
  check_output(graph, Format::kTurtle, "turtle");
  check_output(graph, Format::kTriG, "trig");
  check_output(graph, Format::kRdfXml, "rdfxml");
  check_output(graph, Format::kJsonLd, nullptr);
  return 0;
}
