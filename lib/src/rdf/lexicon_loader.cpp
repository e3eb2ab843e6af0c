// Loads the SKOS lexicon (ontology/lexicon/*.ttl) with librdf into the plain Lexicon the
// extractors use. Which list a entry joins is decided by its skos:inScheme.
#include <algorithm>
#include <filesystem>
#include <map>

#include "newskg/lexicon.hpp"
#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"
#include "rdf/librdf.hpp"

#ifndef NEWSKG_SOURCE_ONTOLOGY
#define NEWSKG_SOURCE_ONTOLOGY ""
#endif
#ifndef NEWSKG_INSTALLED_ONTOLOGY
#define NEWSKG_INSTALLED_ONTOLOGY ""
#endif

namespace newskg {
namespace {

namespace fs = std::filesystem;
namespace skos = vocab::skos;
namespace nkg = vocab::nkg;

constexpr std::string_view kLexiconNs = "https://w3id.org/newskg/lexicon/";

struct Description {
  std::multimap<std::string, std::string> values;  // predicate -> object (IRI or lexical form)

  std::vector<std::string> all(std::string_view predicate) const {
    std::vector<std::string> out;
    auto [from, to] = values.equal_range(std::string(predicate));
    for (auto it = from; it != to; ++it) out.push_back(it->second);
    std::sort(out.begin(), out.end());  // files are read in order, but keep it independent of it
    return out;
  }
  std::string one(std::string_view predicate) const {
    auto found = all(predicate);
    return found.empty() ? std::string() : found.front();
  }
};

std::string node_value(librdf_node* node) {
  if (librdf_node_is_resource(node)) {
    return reinterpret_cast<const char*>(librdf_uri_as_string(librdf_node_get_uri(node)));
  }
  if (librdf_node_is_literal(node)) {
    return reinterpret_cast<const char*>(librdf_node_get_literal_value(node));
  }
  return {};
}

void parse_file(const fs::path& path, std::map<std::string, Description>& subjects) {
  auto& world = newskg::rdf::World::instance();
  rdf::Parser parser(rdf::checked(librdf_new_parser(world.get(), "turtle", nullptr, nullptr),
                                  "librdf_new_parser"));
  std::string uri_text = "file://" + fs::absolute(path).string();
  rdf::Uri uri(rdf::checked(
      librdf_new_uri(world.get(), reinterpret_cast<const unsigned char*>(uri_text.c_str())),
      "librdf_new_uri"));
  rdf::Stream stream(librdf_parser_parse_as_stream(parser.get(), uri.get(), uri.get()));
  std::string problem = world.take_last_error();
  if (!stream || !problem.empty()) {
    throw Error(ErrorCode::kLexicon, path.string() + ": cannot parse the lexicon: " +
                                         (problem.empty() ? "parser failed" : problem));
  }
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* statement = librdf_stream_get_object(stream.get());
    std::string subject = node_value(librdf_statement_get_subject(statement));
    std::string predicate = node_value(librdf_statement_get_predicate(statement));
    std::string object = node_value(librdf_statement_get_object(statement));
    subjects[subject].values.emplace(predicate, object);
  }
  problem = world.take_last_error();
  if (!problem.empty()) throw Error(ErrorCode::kLexicon, path.string() + ": " + problem);
}

std::optional<LexKind> kind_of_scheme(std::string_view scheme) {
  if (!scheme.starts_with(kLexiconNs)) return std::nullopt;
  scheme.remove_prefix(kLexiconNs.size());
  static const std::map<std::string_view, LexKind> kinds = {
      {"countries", LexKind::kCountry},          {"places", LexKind::kPlace},
      {"organizations", LexKind::kOrganization}, {"org-kinds", LexKind::kOrgHead},
      {"event-kinds", LexKind::kEventHead},      {"agreement-nouns", LexKind::kAgreementNoun},
      {"generic-modifiers", LexKind::kGenericModifier}, {"offices", LexKind::kOffice},
      {"portfolios", LexKind::kPortfolio},       {"honorifics", LexKind::kHonorific},
      {"name-particles", LexKind::kParticle},    {"reporting-verbs", LexKind::kReportingVerb},
      {"signing-verbs", LexKind::kSigningVerb},  {"meeting-verbs", LexKind::kMeetingVerb},
      {"office-qualifiers", LexKind::kOfficeQualifier}, {"person-nouns", LexKind::kPersonNoun},
      {"place-kinds", LexKind::kPlaceHead},        {"common-acronyms", LexKind::kCommonAcronym},
      {"generic-agreement-nouns", LexKind::kGenericAgreementNoun},
      {"attendance-verbs", LexKind::kAttendanceVerb}, {"gathering-nouns", LexKind::kGatheringNoun},
  };
  auto it = kinds.find(scheme);
  if (it == kinds.end()) return std::nullopt;
  return it->second;
}

std::string alpha2_of(const std::string& country_iri, const std::map<std::string, Description>& subjects) {
  auto it = subjects.find(country_iri);
  if (it != subjects.end()) {
    std::string code = it->second.one(skos::notation);
    if (!code.empty()) return code;
  }
  auto slash = country_iri.rfind('/');
  return slash == std::string::npos ? std::string() : country_iri.substr(slash + 1);
}

}  // namespace

std::string default_ontology_folder() {
  if (const char* env = std::getenv("NEWSKG_ONTOLOGY"); env && *env) return env;
  for (const char* candidate : {NEWSKG_SOURCE_ONTOLOGY, NEWSKG_INSTALLED_ONTOLOGY}) {
    if (*candidate && fs::is_directory(fs::path(candidate) / "lexicon")) return candidate;
  }
  return "ontology";
}

Lexicon load_lexicon(const std::string& folder) {
  fs::path dir = fs::path(folder) / "lexicon";
  if (!fs::is_directory(dir)) {
    throw Error(ErrorCode::kLexicon, dir.string() + ": no lexicon folder (set NEWSKG_ONTOLOGY)");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".ttl") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, Description> subjects;
  for (const auto& file : files) parse_file(file, subjects);

  Lexicon lexicon;
  for (const auto& [iri, description] : subjects) {
    for (const auto& scheme : description.all(skos::inScheme)) {
      auto kind = kind_of_scheme(scheme);
      if (!kind) continue;
      Concept entry;
      entry.iri = iri;
      entry.label = description.one(skos::prefLabel);
      std::vector<std::string> forms;
      // A kind's own name ("government body") is no head word; only its nkg:headWord forms are.
      if (*kind != LexKind::kOrgHead && *kind != LexKind::kEventHead && *kind != LexKind::kPlaceHead) {
        forms = description.all(skos::prefLabel);
        for (auto& alt : description.all(skos::altLabel)) forms.push_back(alt);
      }
      entry.entity_class = description.one(nkg::entityClass);
      entry.place_kind = description.one(nkg::placeKind);
      entry.complement = description.one(nkg::complement);
      entry.takes_portfolio = description.one(nkg::takesPortfolio) == "true";
      std::string polarity = description.one(nkg::polarity);
      if (polarity == nkg::Supports) entry.polarity = Polarity::kSupports;
      if (polarity == nkg::Opposes) entry.polarity = Polarity::kOpposes;
      if (*kind == LexKind::kCountry) entry.code = description.one(skos::notation);
      if (*kind == LexKind::kPlace) {
        std::string in = description.one(nkg::inCountry);
        if (!in.empty()) entry.code = alpha2_of(in, subjects);
        std::string capital = description.one(nkg::capitalOf);
        if (!capital.empty()) entry.capital_of = alpha2_of(capital, subjects);
      }
      if (*kind == LexKind::kReportingVerb || *kind == LexKind::kSigningVerb || *kind == LexKind::kMeetingVerb ||
          *kind == LexKind::kAttendanceVerb) {
        for (auto& f : description.all(nkg::form)) forms.push_back(f);
      }
      auto demonyms = description.all(nkg::demonym);
      auto heads = description.all(nkg::headWord);
      auto prefixes = description.all(nkg::prefixWord);
      std::uint32_t index = lexicon.add(*kind, entry, forms);
      for (const auto& d : demonyms) lexicon.add_form(LexKind::kDemonym, index, d);
      LexKind head_kind = *kind == LexKind::kEventHead   ? LexKind::kEventHead
                          : *kind == LexKind::kPlaceHead ? LexKind::kPlaceHead
                                                         : LexKind::kOrgHead;
      LexKind prefix_kind = *kind == LexKind::kEventHead   ? LexKind::kEventPrefix
                            : *kind == LexKind::kPlaceHead ? LexKind::kPlacePrefix
                                                           : LexKind::kOrgPrefix;
      for (const auto& h : heads) lexicon.add_form(head_kind, index, h);
      for (const auto& p : prefixes) lexicon.add_form(prefix_kind, index, p);
    }
  }
  return lexicon;
}

}  // namespace newskg
