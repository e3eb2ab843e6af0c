// The general vocabulary the extractors match against: countries, places, offices, verbs...
// Loaded from ontology/lexicon/*.ttl (SKOS) at start-up; this header is free of RDF.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  kCount,  // not a kind: how many there are (each has a bit in a 64-bit mask)
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
  std::vector<LexiconMatch> match(const Analysis& doc, std::size_t first, LexKind kind) const {
    if (!may_start(doc, first, kind)) return {};
    return match_at(doc, first, kind);
  }
  std::optional<LexiconMatch> longest(const Analysis& doc, std::size_t first, LexKind kind) const {
    if (!may_start(doc, first, kind)) return std::nullopt;
    return longest_at(doc, first, kind);
  }
  // What longest() gives for each of `kinds`, from one walk along the text: the extractors
  // ask several kinds at one token ("is this a country, a place, an organization?"), and the
  // forms of all kinds share the trie's paths.
  template <std::size_t N>
  std::array<std::optional<LexiconMatch>, N> longest_each(
      const Analysis& doc, std::size_t first, const std::array<LexKind, N>& kinds) const {
    std::array<std::optional<LexiconMatch>, N> found;
    std::uint64_t mask = 0;
    for (LexKind kind : kinds) mask |= kind_bit(kind);
    if (!may_start(doc, first, mask)) return found;
    std::array<LexiconMatch, N> best{};
    longest_each_at(doc, first, kinds.data(), N, best.data());
    for (std::size_t k = 0; k < N; ++k)
      if (best[k].length > 0) found[k] = best[k];
    return found;
  }
  bool is(const Analysis& doc, std::size_t token, LexKind kind) const {  // one-token entry
    return may_start(doc, token, kind) && is_at(doc, token, kind);
  }
  bool is_form(LexKind kind, std::string_view folded_word) const;  // a one-word form of this kind
  // The country entry with this alpha-2 code.
  std::optional<std::uint32_t> country(const std::string& alpha2) const;

 private:
  // Every folded word of every form has a number; a token's word is looked up once per
  // article (Analysis::WordCache). The forms make a trie over word numbers, so one walk
  // along the text finds every form starting at a token, whatever the number of forms.
  using Word = std::uint32_t;
  static constexpr Word kNoWord = static_cast<Word>(-1);
  static constexpr std::uint32_t kNoNode = static_cast<std::uint32_t>(-1);
  struct Entry {
    LexKind kind;
    std::uint32_t concept_index;
    bool exact_case;                 // short all-caps forms ("US") match only as written
    std::vector<std::string> raws;   // the tokens as written, for exact_case
  };
  struct Node {
    std::uint64_t kinds = 0;                              // kinds of the entries here or below
    std::vector<std::uint32_t> entries;                   // forms ending here, in the order added
    std::vector<std::pair<Word, std::uint32_t>> children;  // (next word, node), sorted by word
  };
  // Whether a form of this kind may start at the token: the extractors ask several times a
  // token, mostly of tokens that start no form, so that answer is inline and cheap.
  bool may_start(const Analysis& doc, std::size_t first, LexKind kind) const {
    return may_start(doc, first, kind_bit(kind));
  }
  bool may_start(const Analysis& doc, std::size_t first,
                 std::uint64_t kinds) const {  // any of these
    // An analysis's tokens never change, so a cache this lexicon filled is still whole.
    const Analysis::WordCache& cache = doc.word_cache();
    if (cache.owner != version_) fill_cache(doc);
    return first < cache.kinds.size() && (cache.kinds[first] & kinds);
  }
  // The bit of a kind in the masks of kinds.
  static std::uint64_t kind_bit(LexKind kind) {
    return std::uint64_t{1} << static_cast<unsigned>(kind);
  }
  static_assert(static_cast<unsigned>(LexKind::kCount) <= 64, "more kinds than bits in a mask");
  void fill_cache(const Analysis& doc) const;
  std::vector<LexiconMatch> match_at(const Analysis& doc, std::size_t first, LexKind kind) const;
  std::optional<LexiconMatch> longest_at(const Analysis& doc, std::size_t first, LexKind kind) const;
  bool is_at(const Analysis& doc, std::size_t token, LexKind kind) const;
  void longest_each_at(const Analysis& doc, std::size_t first, const LexKind* kinds,
                       std::size_t count, LexiconMatch* best) const;
  template <typename Found>
  void visit_matches(const Analysis& doc, std::size_t first, std::uint64_t kinds,
                     std::size_t max_words, Found&& found) const;
  bool raws_match(const Analysis& doc, std::size_t first, const Entry& entry) const;
  Word word(std::string_view folded) const;

  std::vector<Concept> concepts_;
  // Folded words to their numbers: open addressing over one buffer of the words, since each
  // token of each article is looked up here once (std::unordered_map took twice as long).
  class WordTable {
   public:
    Word find(std::string_view word) const { return slots_.empty() ? kNoWord : find(word, hash(word)); }
    Word find(std::string_view word, std::uint64_t h) const { return slots_[slot(word, h)].word; }
    Word insert(std::string_view word);  // its number, new or old
    std::size_t size() const { return count_; }
    bool empty() const { return slots_.empty(); }
    static std::uint64_t hash(std::string_view word);
    // Asks the cache for the slot where a search for this hash starts (find() of many words
    // in a row waits on memory otherwise).
    void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

   private:
    struct Slot {  // 8 bytes, so that the table stays in a core's cache
      std::uint32_t tag = 0;  // the hash's high half
      Word word = kNoWord;
    };
    std::size_t slot(std::string_view word, std::uint64_t h) const;
    std::string_view text(Word w) const { return std::string_view(text_).substr(spans_[w].first, spans_[w].second); }
    std::vector<Slot> slots_;
    std::string text_;                                           // the words, back to back
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // by Word: offset and size in text_
    std::size_t count_ = 0;
  };
  WordTable words_;
  std::vector<std::uint32_t> roots_;  // by Word: the node of forms starting with it, or kNoNode
  std::vector<Node> nodes_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::uint32_t> countries_by_code_;
  std::uint64_t version_ = 0;         // a number no other lexicon (or earlier state of this one) had
};

// Reads every lexicon/*.ttl file below `folder` with librdf. Throws newskg::Error naming
// the file on a parse failure.
Lexicon load_lexicon(const std::string& folder);

// Where the ontology folder is: $NEWSKG_ONTOLOGY, else the build's configured source path,
// else the installed data path.
std::string default_ontology_folder();

}  // namespace newskg
