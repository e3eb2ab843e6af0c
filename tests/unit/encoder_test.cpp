// The encoders behind `newskg extract --jobs`: our N-Quads lines must be raptor's bytes, and
// header + bodies (made by separate encoders) + footer must be what one GraphWriter writes.
#include <gtest/gtest.h>
#include <raptor2.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <random>
#include <sstream>

#include "newskg/error.hpp"
#include "newskg/writer.hpp"

namespace newskg {
namespace {

// What raptor's own "nquads" serializer writes for these triples.
std::string raptor_nquads(const Graph& graph) {
  raptor_world* world = raptor_new_world();
  raptor_world_open(world);
  raptor_serializer* serializer = raptor_new_serializer(world, "nquads");
  void* text = nullptr;
  size_t length = 0;
  raptor_iostream* stream = raptor_new_iostream_to_string(world, &text, &length, nullptr);
  raptor_serializer_start_to_iostream(serializer, nullptr, stream);
  auto term = [&](const Term& t) {
    if (t.is_iri()) return raptor_new_term_from_counted_uri_string(world, reinterpret_cast<const unsigned char*>(t.value.data()), t.value.size());
    raptor_uri* datatype = t.datatype.empty() ? nullptr : raptor_new_uri(world, reinterpret_cast<const unsigned char*>(t.datatype.c_str()));
    raptor_term* literal = raptor_new_term_from_counted_literal(
        world, reinterpret_cast<const unsigned char*>(t.value.data()), t.value.size(), datatype,
        t.language.empty() ? nullptr : reinterpret_cast<const unsigned char*>(t.language.c_str()),
        static_cast<unsigned char>(t.language.size()));
    if (datatype) raptor_free_uri(datatype);
    return literal;
  };
  for (const Triple& t : graph.triples) {
    raptor_statement* statement = raptor_new_statement_from_nodes(world, term(t.subject), term(t.predicate),
                                                                   term(t.object), term(Term::iri(graph.name)));
    raptor_serializer_serialize_statement(serializer, statement);
    raptor_free_statement(statement);
  }
  raptor_serializer_serialize_end(serializer);
  raptor_free_serializer(serializer);
  raptor_free_iostream(stream);
  std::string out(static_cast<const char*>(text), length);
  raptor_free_memory(text);
  raptor_free_world(world);
  return out;
}

std::string ours(const Graph& graph) {
  std::string out;
  make_encoder(Format::kNQuads)->body(graph, out);
  return out;
}

Term literal(std::string value, std::string datatype = {}, std::string language = {}) {
  Term t = Term::literal(std::move(value), std::move(datatype));
  t.language = std::move(language);
  return t;
}

TEST(NQuadsEncoder, EscapesEveryAsciiByteLikeRaptor) {
  Graph g{"https://w3id.org/newskg/id/graph/x", {}};
  for (int c = 1; c < 0x80; ++c) {
    std::string s = "a" + std::string(1, static_cast<char>(c)) + "b";
    g.triples.push_back({Term::iri("http://x/" + s), Term::iri("http://p/"), literal(s)});
    g.triples.push_back({Term::iri("http://x/"), Term::iri("http://p/"), literal(s, "http://dt/" + s)});
  }
  EXPECT_EQ(ours(g), raptor_nquads(g));
}

// Long IRIs and literals are checked sixteen bytes at a time: every byte, at every place in
// a block and in the tail after the last block, must still be escaped as raptor does.
TEST(NQuadsEncoder, EscapesEveryByteAtEveryPlaceOfLongTermsLikeRaptor) {
  Graph g{"https://w3id.org/newskg/id/graph/x", {}};
  const std::string plain = "http://example.org/a/long/path/with/40bytes";
  for (int c = 1; c < 0x100; ++c) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string term = plain;
      term[at] = static_cast<char>(c);
      g.triples.push_back({Term::iri(term), Term::iri("http://p/"), literal(term)});
    }
  }
  EXPECT_EQ(ours(g), raptor_nquads(g));
}

TEST(NQuadsEncoder, EscapesUnicodeAndStopsAtBadCharactersLikeRaptor) {
  Graph g{"https://w3id.org/newskg/id/graph/\xC3\xA9", {}};
  for (const char* s : {"caf\xC3\xA9", "\xE2\x80\xA8 line separator", "\xEF\xBB\xBF bom", "\xF0\x9F\x98\x80 emoji",
                        "bad \xEF\xBF\xBE here", "surrogate \xED\xA0\x80 x", "overlong \xC0\xAF x", "cut \xE2\x82",
                        "stray \x80 x", "five \xF8\x88\x80\x80\x80 x", "\x7F del"}) {
    g.triples.push_back({Term::iri(std::string("http://x/") + s), Term::iri("http://p/"), literal(s)});
    g.triples.push_back({Term::iri("http://x/"), Term::iri("http://p/"), literal(s, "", "en-GB")});
  }
  EXPECT_EQ(ours(g), raptor_nquads(g));
}

TEST(NQuadsEncoder, RandomStringsMatchRaptor) {
  std::mt19937 random(6);
  const std::string pieces[] = {"a", " ", "\"", "\\", "<", ">", "\n", "\t", "\r", "\x01", "\x7F", "\xC3\xA9",
                                "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xEF\xBF\xBF", "{", "|", "^", "`", "#"};
  Graph g{"https://w3id.org/newskg/id/graph/r", {}};
  for (int n = 0; n < 500; ++n) {
    std::string s;
    for (int k = 0, len = static_cast<int>(random() % 12); k < len; ++k) s += pieces[random() % std::size(pieces)];
    g.triples.push_back({Term::iri("http://x/" + s), Term::iri("http://p/"), literal(s, n % 3 ? "" : "http://d/")});
  }
  EXPECT_EQ(ours(g), raptor_nquads(g));
}

Graph article(int n) {
  Graph g{"https://w3id.org/newskg/id/graph/" + std::to_string(n), {}};
  std::string s = "https://w3id.org/newskg/id/person/p" + std::to_string(n);
  g.triples.push_back({Term::iri(s), Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                       Term::iri("http://schema.org/Person")});
  g.triples.push_back({Term::iri(s), Term::iri("http://www.w3.org/2000/01/rdf-schema#label"),
                       literal("Person \"" + std::to_string(n) + "\" \xC3\xA9")});
  g.triples.push_back({Term::iri(s), Term::iri("http://schema.org/birthDate"),
                       literal("2000-01-0" + std::to_string(n), "http://www.w3.org/2001/XMLSchema#date")});
  return g;
}

// What a parallel run writes: each body from a different encoder, joined in order.
std::string split(Format format, const WriterOptions& options, int articles) {
  auto first = make_encoder(format, options);
  std::string out = first->header();
  for (int n = 1; n <= articles; ++n) {
    if (n > 1) out += first->separator();
    make_encoder(format, options)->body(article(n), out);
  }
  return out + first->footer();
}

std::string whole(Format format, const WriterOptions& options, int articles) {
  std::ostringstream out;
  auto writer = make_writer(format, out, options);
  for (int n = 1; n <= articles; ++n) writer->write(article(n));
  writer->finish();
  return out.str();
}

TEST(GraphEncoder, PartsMadeApartJoinToTheWholeDocument) {
  WriterOptions options;
  options.context_file = std::string(NEWSKG_TEST_ONTOLOGY) + "/context.jsonld";
  for (Format f : {Format::kTurtle, Format::kTriG, Format::kNQuads, Format::kNTriples, Format::kRdfXml, Format::kJsonLd}) {
    for (int articles : {0, 1, 3}) {
      SCOPED_TRACE(std::string(format_name(f)) + ", " + std::to_string(articles) + " articles");
      EXPECT_EQ(split(f, options, articles), whole(f, options, articles));
    }
  }
}

// A very long article's body is handed on in pieces as it is made (newskg extract
// --stream-above): joined, they are the body, whatever the size of a piece.
TEST(GraphEncoder, PiecesJoinToTheBody) {
  WriterOptions options;
  options.context_file = std::string(NEWSKG_TEST_ONTOLOGY) + "/context.jsonld";
  for (Format f : {Format::kNQuads, Format::kNTriples, Format::kTurtle, Format::kJsonLd}) {
    auto encoder = make_encoder(f, options);
    TermGraph graph = TermGraph::from(article(3));
    std::string body;
    encoder->body(graph, body);
    for (std::size_t piece : {std::size_t{1}, std::size_t{100}, body.size(), body.size() + 1}) {
      SCOPED_TRACE(std::string(format_name(f)) + ", pieces of " + std::to_string(piece));
      std::string joined;
      std::size_t pieces = 0;
      encoder->body(
          graph,
          [&](std::string_view part) {
            joined += part;
            ++pieces;
          },
          piece);
      EXPECT_EQ(joined, body);
      // N-Quads and N-Triples come in pieces; the other formats whole
      bool lines = f == Format::kNQuads || f == Format::kNTriples;
      if (lines && piece == 1) {
        EXPECT_EQ(pieces, static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')));
      }
      if (!lines || piece > body.size()) {
        EXPECT_EQ(pieces, 1u);
      }
    }
  }
}

TEST(GraphEncoder, RdfXmlAndJsonLdAreOneDocument) {
  WriterOptions options;
  options.context_file = std::string(NEWSKG_TEST_ONTOLOGY) + "/context.jsonld";
  std::string xml = whole(Format::kRdfXml, options, 3);
  EXPECT_EQ(xml.find("<?xml"), 0u);
  EXPECT_EQ(xml.find("<?xml", 1), std::string::npos);
  EXPECT_TRUE(xml.ends_with("</rdf:RDF>\n"));
  std::string json = whole(Format::kJsonLd, options, 3);
  EXPECT_EQ(json.find("\"@context\""), json.rfind("\"@context\""));
  EXPECT_NE(json.find("]},{\"@id\""), std::string::npos);
  EXPECT_TRUE(json.ends_with("]}\n"));
}

// TermGraph::sort_unique ranks terms without comparing whole strings (a multikey quicksort,
// objects compared only within a subject and predicate): its order must be Graph's.
// Values are sorted eight bytes at a time: values of every length around those boundaries,
// sharing prefixes, with bytes above 0x7F (which must sort as unsigned), keep byte order.
TEST(TermGraph, SortUniqueOrdersValuesOfEveryLengthByteByByte) {
  std::mt19937 random(11);
  for (int round = 0; round < 50; ++round) {
    Graph g{"https://w3id.org/newskg/id/graph/x", {}};
    for (int n = 0; n < 300; ++n) {
      std::string value = "p/";
      for (int k = 0, len = static_cast<int>(random() % 26); k < len; ++k)
        value += "ab\xFF"[random() % 3];
      g.triples.push_back(
          {Term::iri(value), Term::iri("http://p/" + std::to_string(random() % 3)), literal("o")});
    }
    TermGraph terms = TermGraph::from(g);
    terms.sort_unique();
    std::sort(g.triples.begin(), g.triples.end());
    g.triples.erase(std::unique(g.triples.begin(), g.triples.end()), g.triples.end());
    ASSERT_EQ(terms.to_graph().triples, g.triples);
  }
}

TEST(TermGraph, SortUniqueGivesTheOrderOfSortedTriples) {
  std::mt19937 random(7);
  std::vector<Term> pool;
  for (const char* s : {"https://w3id.org/newskg/id/article/a#char=1,2", "https://w3id.org/newskg/id/article/a#char=1,20",
                        "https://w3id.org/newskg/id/article/a#char=10,2", "https://w3id.org/newskg/id/article/a",
                        "https://w3id.org/newskg/id/article/ab", "http://schema.org/name", "http://schema.org/",
                        "", "a", "\xC3\xA9", "\x7F"}) {
    pool.push_back(Term::iri(s));
    pool.push_back(literal(s));
    pool.push_back(literal(s, "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"));
    pool.push_back(literal(s, "", "en"));
    pool.push_back(Term::blank(std::string("b") + s));
  }
  for (int round = 0; round < 20; ++round) {
    Graph g{"https://w3id.org/newskg/id/graph/x", {}};
    for (int n = 0; n < 400; ++n)
      g.triples.push_back({pool[random() % pool.size()], pool[random() % 6], pool[random() % pool.size()]});
    TermGraph terms = TermGraph::from(g);
    terms.sort_unique();
    std::sort(g.triples.begin(), g.triples.end());
    g.triples.erase(std::unique(g.triples.begin(), g.triples.end()), g.triples.end());
    ASSERT_EQ(terms.to_graph().triples, g.triples);
  }
}

// A literal's datatype and language are stored once for a run of literals that share them:
// each literal must still read back with its own.
TEST(TermGraph, LiteralsKeepTheirOwnDatatypeAndLanguage) {
  const std::array<std::string_view, 3> datatypes{
      "", "http://www.w3.org/2001/XMLSchema#nonNegativeInteger",
      "http://www.w3.org/2001/XMLSchema#date"};
  const std::array<std::string_view, 3> languages{"", "en", "fr"};
  std::mt19937 random(5);
  TermGraph g;
  std::vector<std::pair<TermGraph::Id, Term>> made;
  for (int n = 0; n < 500; ++n) {
    std::string value = std::to_string(random() % 40);
    std::string_view datatype = datatypes[random() % 3];
    std::string_view language = datatype.empty() ? languages[random() % 3] : "";
    made.push_back({g.literal(value, datatype, language),
                    literal(value, std::string(datatype), std::string(language))});
  }
  for (const auto& [id, expected] : made) {
    TermGraph::TermView v = g.term(id);
    EXPECT_EQ(v.value, expected.value);
    EXPECT_EQ(v.datatype, expected.datatype) << expected.value;
    EXPECT_EQ(v.language, expected.language) << expected.value;
  }
}

// JSON-LD bodies escape strings themselves (RapidJSON's escapes and UTF-8 checks, without
// its per-character calls): every string must read back as it was, bad UTF-8 must fail.
TEST(JsonLdEncoder, StringsReadBackAndBadUtf8Fails) {
  WriterOptions options;
  options.context_file = std::string(NEWSKG_TEST_ONTOLOGY) + "/context.jsonld";
  std::string tricky = "quote \" backslash \\ / nl \n tab \t cr \r bell \x07 del \x7F nul ";
  tricky += '\0';
  tricky += " \xC3\xA9 \xE2\x80\x9C \xF0\x9F\x98\x80 \xEF\xBF\xBD end";
  Graph g{"https://w3id.org/newskg/id/graph/x", {}};
  g.triples.push_back({Term::iri("https://w3id.org/newskg/id/person/x"),
                       Term::iri("http://www.w3.org/2000/01/rdf-schema#label"), literal(tricky)});
  std::string body;
  make_encoder(Format::kJsonLd, options)->body(g, body);
  rapidjson::Document parsed;
  parsed.Parse<rapidjson::kParseValidateEncodingFlag>(body.data(), body.size());
  ASSERT_FALSE(parsed.HasParseError()) << body;
  EXPECT_NE(body.find("\\u0000"), std::string::npos);
  EXPECT_NE(body.find("\\u0007"), std::string::npos);
  const auto& node = parsed["@graph"][0];
  bool found = false;
  for (auto m = node.MemberBegin(); m != node.MemberEnd(); ++m)
    if (m->value.IsString() && std::string(m->value.GetString(), m->value.GetStringLength()) == tricky) found = true;
  EXPECT_TRUE(found) << body;
  for (const char* bad : {"cut \xE2\x82", "stray \x80", "overlong \xC0\xAF", "surrogate \xED\xA0\x80", "big \xF4\x90\x80\x80"}) {
    g.triples.back().object = literal(bad);
    std::string out;
    EXPECT_THROW(make_encoder(Format::kJsonLd, options)->body(g, out), Error) << bad;
  }
}

}  // namespace
}  // namespace newskg
