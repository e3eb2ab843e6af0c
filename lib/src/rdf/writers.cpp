// The writers: raptor for RDF/XML; our own Turtle, N-Quads, N-Triples and TriG.
// Every format is an encoder (header, bodies, footer), so articles can be encoded in parallel.
#include <algorithm>
#include <vector>

#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"
#include "newskg/writer.hpp"
#include "rdf/librdf.hpp"
#include "rdf/nquads.hpp"
#include "rdf/scratch.hpp"
#include "rdf/turtle_terms.hpp"

namespace newskg {

std::unique_ptr<GraphEncoder> make_jsonld_encoder(const WriterOptions& options);

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

// A raptor iostream that appends to a std::string.
int append_bytes(void* context, const void* bytes, size_t size, size_t count) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(bytes), size * count);
  return static_cast<int>(count);
}
int append_byte(void* context, const int byte) {
  static_cast<std::string*>(context)->push_back(static_cast<char>(byte));
  return 0;
}
const raptor_iostream_handler kStringHandler = {2,       nullptr, nullptr, append_byte, append_bytes,
                                                nullptr, nullptr, nullptr};

rdf::RaptorTerm raptor_term(raptor_world* world, const Term& term) {
  if (term.is_blank()) {
    return rdf::RaptorTerm(rdf::checked(
        raptor_new_term_from_counted_blank(world, reinterpret_cast<const unsigned char*>(term.value.data()),
                                           term.value.size()),
        "raptor_new_term_from_counted_blank"));
  }
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

// XML 1.0 cannot carry most control characters, not even escaped, and raptor drops them with
// a message on stderr. In RDF/XML each becomes U+FFFD instead: one code point for one, so
// every offset stays exact; the other formats keep the text as it was.
Term xml_safe(const Term& term) {
  if (term.type != Term::Type::kLiteral) return term;
  auto forbidden = [](unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; };
  bool noncharacter = term.value.find("\xEF\xBF\xBE") != std::string::npos ||
                      term.value.find("\xEF\xBF\xBF") != std::string::npos;  // U+FFFE, U+FFFF
  if (!noncharacter && std::none_of(term.value.begin(), term.value.end(), forbidden)) return term;
  Term safe = term;
  safe.value.clear();
  for (std::size_t i = 0; i < term.value.size(); ++i) {
    auto c = static_cast<unsigned char>(term.value[i]);
    if (forbidden(c)) {
      safe.value += "\xEF\xBF\xBD";
    } else if (c == 0xEF && term.value.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < term.value.size() &&
               (term.value[i + 2] == '\xBE' || term.value[i + 2] == '\xBF')) {
      safe.value += "\xEF\xBF\xBD";
      i += 2;
    } else {
      safe.value += static_cast<char>(c);
    }
  }
  return safe;
}

// RDF/XML through raptor. Each article is serialised as a document of its own, then cut out
// of it: the XML header and the closing </rdf:RDF> are dropped, written once by header() and
// footer(). Each encoder has its own raptor world, since a world is not thread-safe.
class RdfXmlEncoder : public GraphEncoder {
 public:
  RdfXmlEncoder() : world_(rdf::checked(raptor_new_world(), "raptor_new_world")) {
    if (raptor_world_open(world_.get())) throw Error(ErrorCode::kRdf, "raptor_world_open failed");
    std::string empty = document(nullptr);
    if (!empty.ends_with(kRdfXmlFooter))
      throw Error(ErrorCode::kRdf,
                  "raptor's RDF/XML does not end with " + std::string(kRdfXmlFooter));
    header_ = empty.substr(0, empty.size() - kRdfXmlFooter.size());
    footer_ = kRdfXmlFooter;
  }

  std::string header() override { return header_; }
  std::string footer() override { return footer_; }

  void encode(const TermGraph& terms, std::string& out) override {
    Graph graph = terms.to_graph();  // raptor wants a term object per node anyway
    std::string whole = document(&graph);
    if (!whole.starts_with(header_) || !whole.ends_with(footer_) ||
        whole.size() < header_.size() + footer_.size())
      throw Error(ErrorCode::kRdf, "raptor wrote an unexpected document for " + graph.name);
    out.append(whole, header_.size(), whole.size() - header_.size() - footer_.size());
  }

 private:
  static constexpr std::string_view kRdfXmlFooter = "</rdf:RDF>\n";

  std::string document(const Graph* graph) {
    raptor_world* world = world_.get();
    rdf::RaptorSerializer serializer(
        rdf::checked(raptor_new_serializer(world, "rdfxml"), "raptor_new_serializer"));
    for (const auto& [prefix, ns] : prefixes()) {
      rdf::RaptorUri uri(raptor_new_uri(world, reinterpret_cast<const unsigned char*>(ns.c_str())));
      raptor_serializer_set_namespace(serializer.get(), uri.get(), reinterpret_cast<const unsigned char*>(prefix.c_str()));
    }
    std::string text;
    rdf::RaptorIostream stream(rdf::checked(raptor_new_iostream_from_handler(world, &text, &kStringHandler),
                                            "raptor_new_iostream_from_handler"));
    if (raptor_serializer_start_to_iostream(serializer.get(), nullptr, stream.get()))
      throw Error(ErrorCode::kRdf, "raptor could not start the serializer");
    for (const Triple& t : graph ? graph->triples : std::vector<Triple>{}) {
      raptor_statement* statement = raptor_new_statement_from_nodes(
          world, raptor_term(world, t.subject).release(), raptor_term(world, t.predicate).release(),
          raptor_term(world, xml_safe(t.object)).release(), nullptr);
      rdf::checked(statement, "raptor_new_statement_from_nodes");
      int failed = raptor_serializer_serialize_statement(serializer.get(), statement);
      raptor_free_statement(statement);
      if (failed) throw Error(ErrorCode::kRdf, "raptor could not serialize a statement of " + graph->name);
    }
    raptor_serializer_serialize_end(serializer.get());
    serializer.reset();
    stream.reset();
    return text;
  }

  rdf::RaptorWorld world_;
  std::string header_, footer_;
};

// N-Quads and N-Triples: our own lines, the same bytes as raptor's serializers. Each term of
// the article is escaped once; a line is then four copies.
class NQuadsEncoder : public GraphEncoder {
 public:
  explicit NQuadsEncoder(bool quads) : quads_(quads) {}
  std::string header() override { return {}; }
  std::string footer() override { return {}; }

 protected:
  void encode(const TermGraph& graph, std::string& out) override {
    std::string tail = prepare(graph);
    // The size first, so the string grows once; then each line is four copies.
    std::size_t size = out.size();
    for (const auto& t : graph.triples()) size += line_size(t) + tail.size();
    out.reserve(size);
    for (const auto& t : graph.triples()) append_line(out, t, tail);
  }

  void encode_in_pieces(const TermGraph& graph, const Sink& write, std::size_t piece) override {
    std::string tail = prepare(graph);
    std::string out;
    out.reserve(piece + 4096);
    for (const auto& t : graph.triples()) {
      append_line(out, t, tail);
      if (out.size() >= piece) {
        write(out);
        out.clear();
      }
    }
    if (!out.empty()) write(out);
  }

 private:
  // Escapes each term of the article once, into terms_text_; returns the end of every line
  // ("G .\n" or ".\n").
  std::string prepare(const TermGraph& graph) {
    clear_for_next(terms_text_);
    release_if_oversized(terms_);
    terms_.resize(graph.term_count());
    for (TermGraph::Id id = 0; id < graph.term_count(); ++id) {
      std::size_t offset = terms_text_.size();
      nquads::append_term(terms_text_, graph.term(id));
      terms_text_ += ' ';  // every term in a line is followed by a space
      terms_[id] = {offset, terms_text_.size() - offset};
    }
    std::string tail;
    if (quads_ && !graph.name.empty()) {  // an empty name is the default graph (newskg convert)
      nquads::append_graph_term(tail, graph.name);
      tail += ' ';
    }
    tail += ".\n";
    return tail;
  }
  std::size_t line_size(const TermGraph::IdTriple& t) const {
    return terms_[t.subject].size + terms_[t.predicate].size + terms_[t.object].size;
  }
  void append_line(std::string& out, const TermGraph::IdTriple& t, const std::string& tail) const {
    const char* text = terms_text_.data();
    out.append(text + terms_[t.subject].offset, terms_[t.subject].size);
    out.append(text + terms_[t.predicate].offset, terms_[t.predicate].size);
    out.append(text + terms_[t.object].offset, terms_[t.object].size);
    out.append(tail);
  }

  struct Piece {
    std::size_t offset, size;
  };
  bool quads_;
  std::string terms_text_;    // each term as written, with its trailing space
  std::vector<Piece> terms_;  // by term number
};

// TriG: the prefixes once, then one graph block per article, subjects grouped.
class TrigEncoder : public GraphEncoder {
 public:
  std::string header() override {
    std::string out;
    for (const auto& [prefix, ns] : prefixes()) out += "@prefix " + prefix + ": <" + ns + "> .\n";
    return out;
  }
  std::string footer() override { return {}; }

 protected:
  void encode(const TermGraph& graph, std::string& out) override {
    if (graph.name.empty()) {  // the default graph (newskg convert): plain triples
      out += '\n';
      triples_.write(out, graph, "");
    } else {
      out += '\n';
      out += graph.name.starts_with("_:") ? graph.name : turtle::iri(graph.name);
      out += " {\n";
      triples_.write(out, graph, "  ");
      out += "}\n";
    }
  }

  turtle::TripleWriter triples_;
};

// Turtle: TriG without the graph blocks. Not raptor's Turtle serializer: it writes a literal
// with a carriage return but no line feed as a short string holding the raw CR, which Turtle
// forbids (raptor 2.0.15; found by pipeline_fuzz on an article with a lone CR). It is also
// slow and keeps a whole document in memory.
class TurtleEncoder : public TrigEncoder {
 protected:
  void encode(const TermGraph& graph, std::string& out) override {
    out += '\n';
    triples_.write(out, graph, "");
  }
};

// A GraphWriter over an encoder: the header at once, then each body as it comes.
class EncodingWriter : public GraphWriter {
 public:
  EncodingWriter(std::unique_ptr<GraphEncoder> encoder, std::ostream& out)
      : encoder_(std::move(encoder)), out_(out) {
    out_ << encoder_->header();
  }
  void write(const Graph& graph) override {
    body_.clear();
    if (written_++) body_ += encoder_->separator();
    encoder_->body(graph, body_);
    out_.write(body_.data(), static_cast<std::streamsize>(body_.size()));
  }
  void finish() override {
    out_ << encoder_->footer();
    out_.flush();
  }

 private:
  std::unique_ptr<GraphEncoder> encoder_;
  std::ostream& out_;
  std::string body_;
  std::size_t written_ = 0;
};

}  // namespace

std::unique_ptr<GraphEncoder> make_encoder(Format format, const WriterOptions& options) {
  switch (format) {
    case Format::kTriG: return std::make_unique<TrigEncoder>();
    case Format::kJsonLd: return make_jsonld_encoder(options);
    case Format::kNQuads: return std::make_unique<NQuadsEncoder>(true);
    case Format::kNTriples: return std::make_unique<NQuadsEncoder>(false);
    case Format::kTurtle: return std::make_unique<TurtleEncoder>();
    case Format::kRdfXml: return std::make_unique<RdfXmlEncoder>();
  }
  throw Error(ErrorCode::kUnknownFormat, "no encoder for this format");
}

std::unique_ptr<GraphWriter> make_writer(Format format, std::ostream& out, const WriterOptions& options) {
  return std::make_unique<EncodingWriter>(make_encoder(format, options), out);
}

}  // namespace newskg
