// Any RDF syntax raptor parses into quads, through raptor's statement handler so that each
// statement keeps its graph name (librdf 1.0.17's parsers drop them when filling a model).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "newskg/dataset.hpp"
#include "newskg/vocab/standard.hpp"
#include "rdf/iri.hpp"
#include "rdf/librdf.hpp"
#include "text/utf8.hpp"

namespace newskg {
namespace {

const unsigned char* bytes(const std::string& text) {
  return reinterpret_cast<const unsigned char*>(text.c_str());
}

std::string uri_text(raptor_uri* uri) {
  return reinterpret_cast<const char*>(raptor_uri_as_string(uri));
}

// A blank node label every syntax can write: raptor passes on labels with bytes N-Quads
// labels cannot hold (even invalid UTF-8). Labels of letters, digits, '_' and '-' that start
// with a letter or digit stay; any other becomes '_' and its bytes in hex, which no kept
// label starts with, so distinct labels stay distinct.
std::string safe_blank_label(std::string_view label) {
  auto plain = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  bool kept = !label.empty() && plain(label[0]) &&
              std::all_of(label.begin(), label.end(),
                          [&](char c) { return plain(c) || c == '_' || c == '-'; });
  if (kept) return std::string(label);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string safe = "_";
  for (unsigned char c : label) {
    safe += kHex[c >> 4];
    safe += kHex[c & 15];
  }
  return safe;
}

Term to_term(const raptor_term* term) {
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::iri(uri_text(term->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
      return Term::blank(safe_blank_label(std::string_view(
          reinterpret_cast<const char*>(term->value.blank.string), term->value.blank.string_len)));
    case RAPTOR_TERM_TYPE_LITERAL: {
      const raptor_term_literal_value& literal = term->value.literal;
      Term t = Term::literal(
          std::string(reinterpret_cast<const char*>(literal.string), literal.string_len));
      if (literal.datatype) t.datatype = uri_text(literal.datatype);
      if (t.datatype == vocab::xsd::string) t.datatype.clear();  // RDF 1.1: the same literal
      if (literal.language)
        t.language.assign(reinterpret_cast<const char*>(literal.language), literal.language_len);
      return t;
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  throw Error(ErrorCode::kRdf, "raptor gave a term of unknown type");
}

std::string graph_name(const raptor_term* graph) {
  if (!graph) return {};
  Term t = to_term(graph);
  return t.is_blank() ? "_:" + t.value : t.value;
}

const char* parser_name(Format format) {
  switch (format) {
    case Format::kTurtle:
      return "turtle";
    case Format::kTriG:
      return "trig";
    case Format::kNQuads:
      return "nquads";
    case Format::kNTriples:
      return "ntriples";
    case Format::kRdfXml:
      return "rdfxml";
    case Format::kJsonLd:
      break;
  }
  throw Error(ErrorCode::kUnknownFormat,
              "reading JSON-LD is not supported; convert from N-Quads, TriG or Turtle");
}

// What the statement handler collects while raptor parses.
struct ParseState {
  std::vector<Quad> quads;
};

void on_statement(void* user_data, raptor_statement* statement) {
  auto* state = static_cast<ParseState*>(user_data);
  state->quads.push_back(
      {{to_term(statement->subject), to_term(statement->predicate), to_term(statement->object)},
       graph_name(statement->graph)});
}

// raptor takes terms that RDF does not: IRIs like `<http://a/<b>` or `<a b>`, bytes that are
// not UTF-8, language tags like `@e n`. No escape writes them back in a form strict parsers
// read, so such input is refused where it is read, naming the input and what is wrong.
bool is_language_tag(std::string_view tag) {  // [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
  bool first = true;
  std::size_t run = 0;
  for (char c : tag) {
    if (c == '-') {
      if (run == 0) return false;
      first = false;
      run = 0;
    } else if (std::isalpha(static_cast<unsigned char>(c)) ||
               (!first && std::isdigit(static_cast<unsigned char>(c)))) {
      ++run;
    } else {
      return false;
    }
  }
  return run > 0;
}

void check_terms(const std::vector<Quad>& quads, const std::string& name) {
  auto refuse = [&](const std::string& what) { throw Error(ErrorCode::kRdf, name + ": " + what); };
  auto check_iri = [&](const std::string& iri) {
    if (utf8::find_invalid(iri) != std::string::npos) refuse("an IRI is not UTF-8");
    auto at = std::find_if(iri.begin(), iri.end(), [](char c) { return forbidden_in_iri(c); });
    if (at != iri.end()) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X",
                    static_cast<unsigned>(static_cast<unsigned char>(*at)));
      refuse(
          std::string("an IRI holds ") + code + ", which no IRI can, after <" +
          std::string(iri.begin(), iri.begin() + std::min<std::ptrdiff_t>(at - iri.begin(), 200)));
    }
  };
  for (const Quad& quad : quads) {
    for (const Term* term : {&quad.triple.subject, &quad.triple.predicate, &quad.triple.object}) {
      if (term->is_iri()) check_iri(term->value);
      if (!term->datatype.empty()) check_iri(term->datatype);
      if (term->type == Term::Type::kLiteral &&
          utf8::find_invalid(term->value) != std::string::npos)
        refuse("a literal is not UTF-8");
      if (!term->language.empty() && !is_language_tag(term->language))
        refuse("a literal has a malformed language tag");
    }
    if (!quad.graph.empty() && quad.graph.rfind("_:", 0) != 0) check_iri(quad.graph);
  }
}

}  // namespace

std::optional<Format> format_from_file_name(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view extension = path.substr(dot + 1);
  if (extension == "owl" || extension == "xml" || extension == "rdf") return Format::kRdfXml;
  if (extension == "json") return Format::kJsonLd;
  return parse_format(extension);
}

std::vector<Quad> parse_rdf_text(std::string_view text, Format format, const std::string& base,
                                 const std::string& name) {
  raptor_world* world = rdf::World::instance().raptor();
  rdf::RaptorParser parser(
      rdf::checked(raptor_new_parser(world, parser_name(format)), "raptor_new_parser"));
  ParseState state;
  raptor_parser_set_statement_handler(parser.get(), &state, on_statement);
  rdf::RaptorUri base_uri(rdf::checked(
      raptor_new_uri(world, bytes(base.empty() ? "file:///" : base)), "raptor_new_uri"));
  // raptor logs syntax errors through librdf's logger, which World keeps.
  rdf::World::instance().take_last_error();
  int failed = raptor_parser_parse_start(parser.get(), base_uri.get());
  if (!failed)
    failed = raptor_parser_parse_chunk(
        parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), 1);
  std::string error = rdf::World::instance().take_last_error();
  if (failed || !error.empty())
    throw Error(ErrorCode::kRdf, name + ": not valid " + std::string(format_name(format)) + " (" +
                                     (error.empty() ? "raptor failed" : error) + ")");
  check_terms(state.quads, name);
  return std::move(state.quads);
}

std::vector<Quad> parse_rdf(const std::string& path, Format format, const std::string& base) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::kUnreadableFile, path + ": cannot read");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  std::string file_base = base;
  if (file_base.empty() && path != "-") {
    unsigned char* uri = raptor_uri_filename_to_uri_string(path.c_str());
    if (uri) {
      file_base = reinterpret_cast<const char*>(uri);
      raptor_free_memory(uri);
    }
  }
  return parse_rdf_text(text, format, file_base, path);
}

std::vector<Graph> group_by_graph(std::vector<Quad> quads) {
  std::sort(quads.begin(), quads.end(), [](const Quad& a, const Quad& b) {
    return std::tie(a.graph, a.triple) < std::tie(b.graph, b.triple);
  });
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
  std::vector<Graph> graphs;
  for (Quad& q : quads) {
    if (graphs.empty() || graphs.back().name != q.graph) graphs.push_back({q.graph, {}});
    graphs.back().triples.push_back(std::move(q.triple));
  }
  return graphs;
}

}  // namespace newskg
