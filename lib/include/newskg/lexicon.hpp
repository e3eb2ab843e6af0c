// The general vocabulary the extractors match against: countries, places, offices, verbs...
// Loaded from ontology/lexicon/*.ttl (SKOS) at start-up; this header is free of RDF.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newskg/analysis.hpp"
#include "newskg/facts.hpp"

namespace newskg {

enum class LexKind : std::uint8_t {
  kCountry,
  kDemonym,
  kPlace,
  kOrganization,
  kOrgHead,
  kOrgPrefix,
  kEventHead,
  kEventPrefix,
  kAgreementNoun,
  kGenericModifier,
  kOffice,
  kPortfolio,
  kHonorific,
  kParticle,
  kReportingVerb,
  kSigningVerb,
  kMeetingVerb,
  kOfficeQualifier,
  kPersonNoun,
  kPlaceHead,
  kPlacePrefix,
  kCommonAcronym,
  kGenericAgreementNoun,
  kAttendanceVerb,
  kGatheringNoun,
};

struct Concept {
  std::string iri;
  std::string label;         // skos:prefLabel
  std::string code;          // countries: ISO 3166 alpha-2; places: their country's alpha-2
  std::string capital_of;    // places: alpha-2 of the country whose capital this is
  std::string place_kind;    // places: city, region, sea
  std::string entity_class;  // organizations and kinds: the class to emit
  std::string complement;    // reporting verbs: "clause" or "object"
  std::optional<Polarity> polarity;  // stance verbs
  bool takes_portfolio = false;      // offices: "Minister" + "Defence"
};

struct LexiconMatch {
  LexKind kind;
  std::uint32_t concept_index;
  std::uint32_t length;  // in tokens
};

class Lexicon {
 public:
  // Adds a entry with its surface forms. Forms are tokenised like article text.
  std::uint32_t add(LexKind kind, Concept entry, const std::vector<std::string>& forms);
  void add_form(LexKind kind, std::uint32_t concept_index, const std::string& form);

  const Concept& entry(std::uint32_t index) const { return concepts_[index]; }
  std::size_t size() const { return concepts_.size(); }

  // Every entry of this kind matching the tokens starting at `first`, longest first.
  std::vector<LexiconMatch> match(const Analysis& doc, std::size_t first, LexKind kind) const;
  std::optional<LexiconMatch> longest(const Analysis& doc, std::size_t first, LexKind kind) const;
  bool is(const Analysis& doc, std::size_t token, LexKind kind) const;  // one-token entry
  bool is_form(LexKind kind, const std::string& folded_word) const;      // a one-word form of this kind
  // The country entry with this alpha-2 code.
  std::optional<std::uint32_t> country(const std::string& alpha2) const;

 private:
  struct Entry {
    LexKind kind;
    std::uint32_t concept_index;
    bool exact_case;                 // short all-caps forms ("US") match only as written
    std::vector<std::string> norms;  // folded tokens
    std::vector<std::string> raws;   // as written, for exact_case
  };
  template <typename Found>
  void visit_matches(const Analysis& doc, std::size_t first, LexKind kind, Found&& found) const;

  std::vector<Concept> concepts_;
  std::unordered_map<std::string, std::vector<Entry>> by_first_token_;
  std::unordered_map<std::string, std::uint32_t> countries_by_code_;
};

// Reads every lexicon/*.ttl file below `folder` with librdf. Throws newskg::Error naming
// the file on a parse failure.
Lexicon load_lexicon(const std::string& folder);

// Where the ontology folder is: $NEWSKG_ONTOLOGY, else the build's configured source path,
// else the installed data path.
std::string default_ontology_folder();

}  // namespace newskg
