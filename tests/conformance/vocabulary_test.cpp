// The nkg: constants of lib/include/newskg/vocab/nkg.hpp against ontology/newskg.ttl, both
// ways: every constant is declared there (with label, comment and, for properties, what they
// link), and every nkg: term declared there has a constant. Also: nkg::all_terms lists every
// constant of the header, and no other source file spells an nkg: IRI out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "newskg/dataset.hpp"
#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"

namespace {

namespace nkg = newskg::vocab::nkg;
const std::string kOwl = "http://www.w3.org/2002/07/owl#";
const std::string kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
const std::string kSchema = "http://schema.org/";

// The ontology as subject -> predicate -> objects.
using Description = std::map<std::string, std::vector<newskg::Term>>;
std::map<std::string, Description> ontology() {
  std::map<std::string, Description> terms;
  for (const auto& q : newskg::parse_rdf(std::string(NEWSKG_TEST_ONTOLOGY) + "/newskg.ttl",
                                         newskg::Format::kTurtle))
    if (q.triple.subject.is_iri())
      terms[q.triple.subject.value][q.triple.predicate.value].push_back(q.triple.object);
  return terms;
}

bool has(const Description& d, const std::string& predicate) {
  return d.count(predicate) && !d.at(predicate).empty();
}

std::string types_of(const Description& d) {
  std::string out;
  if (d.count(std::string(newskg::vocab::rdf::type)))
    for (const auto& t : d.at(std::string(newskg::vocab::rdf::type))) out += t.value + " ";
  return out;
}

TEST(Vocabulary, EveryConstantIsDeclaredWithLabelAndComment) {
  auto terms = ontology();
  for (std::string_view constant : nkg::all_terms) {
    std::string iri(constant);
    SCOPED_TRACE(iri);
    ASSERT_TRUE(terms.count(iri)) << "not declared in ontology/newskg.ttl";
    const Description& d = terms.at(iri);
    EXPECT_TRUE(has(d, std::string(newskg::vocab::rdf::type))) << "no rdf:type";
    EXPECT_TRUE(has(d, kRdfs + "label")) << "no rdfs:label";
    EXPECT_TRUE(has(d, kRdfs + "comment")) << "no rdfs:comment";
    EXPECT_TRUE(has(d, kRdfs + "isDefinedBy")) << "no rdfs:isDefinedBy";
    std::string types = types_of(d);
    if (types.find(kOwl + "ObjectProperty") != std::string::npos ||
        types.find(kOwl + "DatatypeProperty") != std::string::npos) {
      // What a property links: rdfs:range, or schema:rangeIncludes where the range is open
      // (nkg:holder); nkg:topic is about anything, which its comment says.
      if (iri != nkg::topic) {
        EXPECT_TRUE(has(d, kRdfs + "range") || has(d, kSchema + "rangeIncludes"))
            << "a property without a range";
      }
      // nkg:polarity and nkg:evidence are used on several kinds of subject: no rdfs:domain,
      // on purpose (their comments say why); the others have one.
      if (iri != nkg::polarity && iri != nkg::evidence) {
        EXPECT_TRUE(has(d, kRdfs + "domain") || has(d, kSchema + "domainIncludes"))
            << "a property without a domain";
      }
    }
  }
}

TEST(Vocabulary, EveryDeclaredTermHasAConstant) {
  std::set<std::string> constants(std::begin(nkg::all_terms), std::end(nkg::all_terms));
  for (const auto& [iri, d] : ontology()) {
    if (!iri.starts_with(nkg::ns) || iri.size() == nkg::ns.size()) continue;
    EXPECT_TRUE(constants.count(iri))
        << iri << " is declared in newskg.ttl but has no constant in nkg.hpp";
  }
}

TEST(Vocabulary, AllTermsListsEveryConstantOfTheHeader) {
  std::ifstream in(NEWSKG_NKG_HEADER);
  std::stringstream text;
  text << in.rdbuf();
  std::string header = text.str();
  std::set<std::string> listed(std::begin(nkg::all_terms), std::end(nkg::all_terms));
  std::regex constant("inline constexpr std::string_view (\\w+) =\\s*\"([^\"]+)\"");
  std::size_t seen = 0;
  for (std::sregex_iterator it(header.begin(), header.end(), constant), end; it != end; ++it) {
    if ((*it)[1] == "ns") continue;
    ++seen;
    EXPECT_TRUE(listed.count((*it)[2])) << "nkg::" << (*it)[1] << " is missing from nkg::all_terms";
  }
  EXPECT_EQ(seen, listed.size());
}

// "No IRI string anywhere else": the code names nkg: terms only through the constants.
TEST(Vocabulary, NoOtherSourceSpellsAnNkgIri) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(NEWSKG_TEST_ONTOLOGY).parent_path();  // the source tree
  for (const char* folder : {"lib/src", "lib/include", "tools"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file() || entry.path() == fs::path(NEWSKG_NKG_HEADER)) continue;
      std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      EXPECT_EQ(text.str().find(nkg::ns), std::string::npos)
          << entry.path() << " spells out an nkg: IRI";
    }
  }
}

}  // namespace
