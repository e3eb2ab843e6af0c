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
  // Non-ASCII is what IRIs are for; it stays.
  auto quads = parse_rdf_text("<http://a.example/s\u00E9> <http://a.example/p> \"x\" .\n",
                              Format::kNQuads, "", "ok.nq");
  ASSERT_EQ(quads.size(), 1u);
  EXPECT_EQ(quads[0].triple.subject.value, "http://a.example/s\u00e9");
}

}  // namespace
}  // namespace newskg
