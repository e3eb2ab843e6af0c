#include "newskg/writer.hpp"

#include "newskg/dataset.hpp"
#include "newskg/error.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace newskg {
namespace {

Graph tricky_graph() {
  Graph g;
  g.name = "https://w3id.org/newskg/id/graph/x";
  g.triples.push_back({Term::iri("https://w3id.org/newskg/id/person/x"),
                       Term::iri("http://www.w3.org/2000/01/rdf-schema#label"),
                       Term::literal("quote \" backslash \\ newline \n tab \t \U0001F600")});
  return g;
}

std::string write(Format format) {
  std::ostringstream out;
  WriterOptions options;
  options.context_file = std::string(NEWSKG_TEST_ONTOLOGY) + "/context.jsonld";
  auto writer = make_writer(format, out, options);
  writer->write(tricky_graph());
  writer->finish();
  return out.str();
}

TEST(Writer, FormatNamesRoundTrip) {
  for (Format f : {Format::kTurtle, Format::kTriG, Format::kNQuads, Format::kNTriples,
                   Format::kRdfXml, Format::kJsonLd})
    EXPECT_EQ(parse_format(format_name(f)), f);
  EXPECT_FALSE(parse_format("yaml"));
}

TEST(Writer, TrigEscapesLiteralsAndGroupsByGraph) {
  std::string trig = write(Format::kTriG);
  EXPECT_NE(trig.find("@prefix nkg: <https://w3id.org/newskg/ontology#> ."), std::string::npos);
  EXPECT_NE(trig.find("<https://w3id.org/newskg/id/graph/x> {"), std::string::npos);
  EXPECT_NE(trig.find("\"quote \\\" backslash \\\\ newline \\n tab \\t "), std::string::npos);
}

TEST(Writer, NQuadsCarryTheGraphName) {
  std::string nq = write(Format::kNQuads);
  EXPECT_NE(nq.find("<https://w3id.org/newskg/id/graph/x> .\n"), std::string::npos);
}

TEST(Writer, NTriplesHaveNoGraph) {
  std::string nt = write(Format::kNTriples);
  EXPECT_EQ(nt.find("graph/x"), std::string::npos);
}

TEST(Writer, JsonLdHasOneGraphObjectPerArticle) {
  std::string json = write(Format::kJsonLd);
  EXPECT_EQ(json.rfind("{\"@context\":", 0), 0u);
  EXPECT_NE(json.find("\"@id\":\"https://w3id.org/newskg/id/graph/x\",\"@graph\":["),
            std::string::npos);
}

// raptor reads IRIs RDF forbids; written back they would not parse elsewhere (fuzz finding).
TEST(ParsedInput, AnIriNoIriCanHoldIsRefusedByName) {
  for (const char* text :
       {"<http://a.example/s> <http://<http://a.example/p> \"x\" .\n",
        "<http://a.example/s> <http://a.example/p> \"x\"^^<http://a.example/d{t}> .\n",
        "<http://a.example/s> <http://a.example/p> <http://a.example/o> <http://g|1> .\n"}) {
    try {
      parse_rdf_text(text, Format::kNQuads, "", "in.nq");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kRdf);
      EXPECT_EQ(std::string(e.what()).rfind("in.nq: an IRI holds U+00", 0), 0u) << e.what();
    }
  }
  for (auto [text, reason] :
       {std::pair{"<http://a.example/s> <http://a.example/p> \"x\xde y\" .\n",
                  "a literal is not UTF-8"},
        std::pair{"<http://a.example/s> <http://a.example/p> \"x\"@e1 .\n",
                  "a literal has a malformed language tag"}}) {
    try {
      parse_rdf_text(text, Format::kNQuads, "", "in.nq");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), std::string("in.nq: ") + reason);
    }
  }
  // Non-ASCII is what IRIs are for; it stays.
  auto quads = parse_rdf_text("<http://a.example/s\u00E9> <http://a.example/p> \"x\" .\n",
                              Format::kNQuads, "", "ok.nq");
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].triple.subject.value, "http://a.example/s\u00e9");
}

// Blank node labels that N-Quads cannot hold (raptor passes on even invalid UTF-8) are
// rewritten, distinct labels staying distinct; ordinary labels stay as they are.
TEST(ParsedInput, BlankNodeLabelsAreMadeWritable) {
  auto quads =
      parse_rdf_text("_:g\xde <http://a.example/p> _:b_1 _:c.d .\n", Format::kNQuads, "", "in.nq");
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].triple.object.value, "b_1");
  EXPECT_EQ(quads[0].graph, "_:_632e64");  // "c.d"
  const std::string& subject = quads[0].triple.subject.value;
  ASSERT_FALSE(subject.empty());
  EXPECT_EQ(subject[0], '_');
  EXPECT_EQ(subject.find_first_not_of("_0123456789abcdef"), std::string::npos) << subject;
  std::ostringstream out;
  auto writer = make_writer(Format::kNQuads, out);
  writer->write(group_by_graph(std::move(quads)).at(0));
  writer->finish();
  EXPECT_EQ(out.str().find('\xde'), std::string::npos) << out.str();
}

}  // namespace
}  // namespace newskg
