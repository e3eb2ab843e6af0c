// Facts to triples: deterministic IRIs, provenance, NIF offsets. No text analysis here.
#include "newskg/mapping.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"

namespace newskg {
namespace {

using namespace vocab;

Facts sample() {
  Facts f;
  f.article.id = "a1";
  f.article.text = "Kari Holm signed.";
  Entity holm{EntityKind::kPerson, "kari-holm", "Kari Holm", {"Holm"}, {}, "test", {}, {}};
  holm.mentions.push_back({{0, 9}, "Kari Holm", {0, 17}, "test"});
  f.sentences.push_back({{0, 17}, "Kari Holm signed."});
  f.entities.push_back(holm);
  f.entities.push_back({EntityKind::kCountry, "no", "Norway", {}, {}, "test", {}, {}});
  f.entities.push_back({EntityKind::kAgreement, "no-fisheries", "fisheries accord", {}, {}, "test", {}, {}});
  f.posts.push_back({"Fisheries Minister", "", "fisheries-minister", 0, 1, {{0, 9}, "Kari Holm", {}, "test"}});
  AgreementFacts a;
  a.agreement = 2;
  a.parties = {1};
  a.signatories = {0};
  a.duration = "P10Y";
  a.signed_ = true;
  f.agreements.push_back(a);
  return f;
}

bool has(const Graph& g, const std::string& s, std::string_view p, const Term& o) {
  return std::find(g.triples.begin(), g.triples.end(), Triple{Term::iri(s), Term::iri(std::string(p)), o}) != g.triples.end();
}

TEST(Mapping, EntitiesGetIrisFromKindAndKey) {
  Graph g = to_graph(sample());
  const std::string holm = "https://w3id.org/newskg/id/person/kari-holm";
  EXPECT_TRUE(has(g, holm, rdf::type, Term::iri(std::string(schema::Person))));
  EXPECT_TRUE(has(g, holm, rdfs::label, Term::literal("Kari Holm")));
  EXPECT_TRUE(has(g, holm, skos::altLabel, Term::literal("Holm")));
}

TEST(Mapping, TheGraphIsDerivedFromTheArticleAndGeneratedByNewskg) {
  Graph g = to_graph(sample());
  EXPECT_EQ(g.name, "https://w3id.org/newskg/id/graph/a1");
  EXPECT_TRUE(has(g, g.name, prov::wasDerivedFrom, Term::iri("https://w3id.org/newskg/id/article/a1")));
  EXPECT_TRUE(has(g, g.name, prov::wasGeneratedBy, Term::iri(std::string("https://w3id.org/newskg/id/activity/newskg-") + version())));
}

TEST(Mapping, MentionsArePhrasesWithExactOffsets) {
  Graph g = to_graph(sample());
  const std::string phrase = "https://w3id.org/newskg/id/article/a1#char=0,9";
  EXPECT_TRUE(has(g, phrase, nif::beginIndex, Term::literal("0", std::string(xsd::nonNegativeInteger))));
  EXPECT_TRUE(has(g, phrase, nif::endIndex, Term::literal("9", std::string(xsd::nonNegativeInteger))));
  EXPECT_TRUE(has(g, phrase, nif::anchorOf, Term::literal("Kari Holm")));
  EXPECT_TRUE(has(g, phrase, itsrdf::taIdentRef, Term::iri("https://w3id.org/newskg/id/person/kari-holm")));
}

TEST(Mapping, NaryFactsCarryTheirSource) {
  Graph g = to_graph(sample());
  const std::string agreement = "https://w3id.org/newskg/id/agreement/no-fisheries";
  EXPECT_TRUE(has(g, agreement, nkg::party, Term::iri("https://w3id.org/newskg/id/country/no")));
  EXPECT_TRUE(has(g, agreement, nkg::duration, Term::literal("P10Y", std::string(xsd::duration))));
  EXPECT_TRUE(has(g, agreement, prov::wasDerivedFrom, Term::iri("https://w3id.org/newskg/id/article/a1")));
  const std::string post = "https://w3id.org/newskg/id/post/fisheries-minister/no";
  EXPECT_TRUE(has(g, post, org::heldBy, Term::iri("https://w3id.org/newskg/id/person/kari-holm")));
  EXPECT_TRUE(has(g, post, prov::wasDerivedFrom, Term::iri("https://w3id.org/newskg/id/article/a1")));
}

TEST(Mapping, OutputIsSortedUniqueAndDeterministic) {
  Graph a = to_graph(sample()), b = to_graph(sample());
  EXPECT_EQ(a.triples, b.triples);
  EXPECT_TRUE(std::is_sorted(a.triples.begin(), a.triples.end()));
  EXPECT_EQ(std::adjacent_find(a.triples.begin(), a.triples.end()), a.triples.end());
}

TEST(Mapping, HostileIdsStillGiveValidIris) {
  Facts f = sample();
  f.article.id = "a b<>\"{}|^`\\";
  Graph g = to_graph(f);
  for (char c : std::string(" <>\"{}|^`\\")) EXPECT_EQ(g.name.find(c), std::string::npos) << c;
}

}  // namespace
}  // namespace newskg
