// Raptor-backed writers (Turtle, N-Triples, N-Quads, RDF/XML) and our own TriG writer.
#include <algorithm>
#include <vector>

#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"
#include "newskg/writer.hpp"
#include "rdf/librdf.hpp"
#include "rdf/turtle_terms.hpp"

namespace newskg {

std::unique_ptr<GraphWriter> make_jsonld_writer(std::ostream& out, const WriterOptions& options);

const std::vector<std::pair<std::string, std::string>>& prefixes() {
  static const std::vector<std::pair<std::string, std::string>> list = {
      {"nkg", std::string(vocab::nkg::ns)},       {"schema", std::string(vocab::schema::ns)},
      {"org", std::string(vocab::org::ns)},       {"prov", std::string(vocab::prov::ns)},
      {"nif", std::string(vocab::nif::ns)},       {"itsrdf", std::string(vocab::itsrdf::ns)},
      {"skos", std::string(vocab::skos::ns)},     {"rdfs", std::string(vocab::rdfs::ns)},
      {"rdf", std::string(vocab::rdf::ns)},       {"xsd", std::string(vocab::xsd::ns)},
  };
  return list;
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "turtle" || name == "ttl") return Format::kTurtle;
  if (name == "trig") return Format::kTriG;
  if (name == "nquads" || name == "nq") return Format::kNQuads;
  if (name == "ntriples" || name == "nt") return Format::kNTriples;
  if (name == "rdfxml" || name == "xml" || name == "rdf") return Format::kRdfXml;
  if (name == "jsonld" || name == "json-ld") return Format::kJsonLd;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kTurtle: return "turtle";
    case Format::kTriG: return "trig";
    case Format::kNQuads: return "nquads";
    case Format::kNTriples: return "ntriples";
    case Format::kRdfXml: return "rdfxml";
    case Format::kJsonLd: return "jsonld";
  }
  return "?";
}

bool keeps_graphs(Format format) {
  return format == Format::kTriG || format == Format::kNQuads || format == Format::kJsonLd;
}

namespace {

// A raptor iostream that writes into a std::ostream.
int write_bytes(void* context, const void* bytes, size_t size, size_t count) {
  auto* out = static_cast<std::ostream*>(context);
  out->write(static_cast<const char*>(bytes), static_cast<std::streamsize>(size * count));
  return out->good() ? static_cast<int>(count) : -1;
}
int write_byte(void* context, const int byte) {
  auto* out = static_cast<std::ostream*>(context);
  out->put(static_cast<char>(byte));
  return out->good() ? 0 : 1;
}
const raptor_iostream_handler kOstreamHandler = {2, nullptr, nullptr, write_byte, write_bytes, nullptr, nullptr, nullptr};

rdf::RaptorTerm raptor_term(raptor_world* world, const Term& term) {
  if (term.is_iri()) {
    return rdf::RaptorTerm(rdf::checked(
        raptor_new_term_from_uri_string(world, reinterpret_cast<const unsigned char*>(term.value.c_str())),
        "raptor_new_term_from_uri_string"));
  }
  rdf::RaptorUri datatype;
  if (!term.datatype.empty())
    datatype.reset(raptor_new_uri(world, reinterpret_cast<const unsigned char*>(term.datatype.c_str())));
  return rdf::RaptorTerm(rdf::checked(
      raptor_new_term_from_counted_literal(
          world, reinterpret_cast<const unsigned char*>(term.value.data()), term.value.size(), datatype.get(),
          term.language.empty() ? nullptr : reinterpret_cast<const unsigned char*>(term.language.c_str()),
          static_cast<unsigned char>(term.language.size())),
      "raptor_new_term_from_counted_literal"));
}

class RaptorWriter : public GraphWriter {
 public:
  RaptorWriter(Format format, std::ostream& out) : format_(format), out_(out) {
    world_ = rdf::World::instance().raptor();
    // Turtle's serializer keeps a document in memory until it ends, so each article is a
    // document of its own (prefixes repeated, which Turtle allows); the others stream.
    if (format_ != Format::kTurtle) start();
  }

  void write(const Graph& graph) override {
    if (format_ == Format::kTurtle) start();
    rdf::RaptorTerm graph_term;
    for (const Triple& t : graph.triples) {
      raptor_statement* statement = raptor_new_statement_from_nodes(
          world_, raptor_term(world_, t.subject).release(), raptor_term(world_, t.predicate).release(),
          raptor_term(world_, t.object).release(),
          format_ == Format::kNQuads ? raptor_term(world_, Term::iri(graph.name)).release() : nullptr);
      rdf::checked(statement, "raptor_new_statement_from_nodes");
      int failed = raptor_serializer_serialize_statement(serializer_.get(), statement);
      raptor_free_statement(statement);
      if (failed) throw Error(ErrorCode::kRdf, "raptor could not serialize a statement of " + graph.name);
    }
    if (format_ == Format::kTurtle) end();
  }

  void finish() override {
    if (format_ != Format::kTurtle) end();
    out_.flush();
  }

 private:
  void start() {
    const char* name = format_ == Format::kTurtle    ? "turtle"
                       : format_ == Format::kNQuads  ? "nquads"
                       : format_ == Format::kNTriples ? "ntriples"
                                                     : "rdfxml";
    serializer_.reset(rdf::checked(raptor_new_serializer(world_, name), "raptor_new_serializer"));
    if (format_ == Format::kTurtle || format_ == Format::kRdfXml) {
      for (const auto& [prefix, ns] : prefixes()) {
        rdf::RaptorUri uri(raptor_new_uri(world_, reinterpret_cast<const unsigned char*>(ns.c_str())));
        raptor_serializer_set_namespace(serializer_.get(), uri.get(), reinterpret_cast<const unsigned char*>(prefix.c_str()));
      }
    }
    stream_.reset(rdf::checked(raptor_new_iostream_from_handler(world_, &out_, &kOstreamHandler),
                               "raptor_new_iostream_from_handler"));
    if (raptor_serializer_start_to_iostream(serializer_.get(), nullptr, stream_.get()))
      throw Error(ErrorCode::kRdf, "raptor could not start the serializer");
  }
  void end() {
    raptor_serializer_serialize_end(serializer_.get());
    serializer_.reset();
    stream_.reset();
  }

  Format format_;
  std::ostream& out_;
  raptor_world* world_;
  rdf::RaptorSerializer serializer_;
  rdf::RaptorIostream stream_;
};

// TriG: the prefixes once, then one graph block per article, subjects grouped.
class TrigWriter : public GraphWriter {
 public:
  explicit TrigWriter(std::ostream& out) : out_(out) {
    for (const auto& [prefix, ns] : prefixes()) out_ << "@prefix " << prefix << ": <" << ns << "> .\n";
  }
  void write(const Graph& graph) override {
    out_ << "\n" << turtle::iri(graph.name) << " {\n";
    turtle::write_triples(out_, graph.triples, "  ");
    out_ << "}\n";
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_writer(Format format, std::ostream& out, const WriterOptions& options) {
  switch (format) {
    case Format::kTriG: return std::make_unique<TrigWriter>(out);
    case Format::kJsonLd: return make_jsonld_writer(out, options);
    default: return std::make_unique<RaptorWriter>(format, out);
  }
}

}  // namespace newskg
