// The working document the extractors share for one article: the text analysis, the lexicon,
// and the annotations each extractor adds for the next (mentions, titles, dates).
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "extract/token_index.hpp"
#include "newskg/analysis.hpp"
#include "newskg/facts.hpp"
#include "newskg/lexicon.hpp"
#include "text/word_set.hpp"

namespace newskg::extract {

struct Mention {
  std::size_t first, last;  // tokens
  EntityId entity;
};

// An office or title in the text: "US Secretary of War", "Defence minister", "chairman of X".
struct Title {
  std::size_t first, last;         // the whole title, country adjective included
  std::string label;               // the office as written, without the country
  std::string office_iri;          // lexicon entry of the head office
  std::string office_key;          // normalised: "defence-minister"
  std::optional<EntityId> in;      // country or organization it belongs to
  std::optional<EntityId> holder;  // the person holding it, once known
  bool reference = false;          // repeats an office someone here holds: not a post of its own
  bool shared = false;             // one of a plural title's holders: its country is not implied
};

// Text written by one speaker: a quotation, or an embedded social-media post. Inside it,
// "I", "we" and "my" are the author, and the post's date dates what it says happened.
struct Voice {
  std::size_t first, last;  // tokens of the words
  EntityId author;
  std::string date;         // ISO date of an embedded post, else empty
};

struct Date {
  std::size_t first, last;  // tokens
  std::string iso;          // yyyy-mm-dd, or empty when the text does not fix it
};

struct Doc {
  const Article& article;
  const Analysis& text;
  const Lexicon& lexicon;
  Facts& facts;

  std::vector<Mention> mentions;             // sorted by first token once names are done
  std::vector<std::optional<EntityId>> entity_at;  // token -> entity it names
  std::vector<Title> titles;                       // added through add_title and add_shared_title
  std::vector<Date> dates;                         // in the order found; only appended
  // The titles and dates near a token: asked at many tokens, so not found by a scan.
  TokenIndex<Title> titles_by_token{titles};
  TokenIndex<Date> dates_by_token{dates};
  std::vector<Voice> voices;                 // quotations and embedded posts, as added
  std::string anchor_date;                   // ISO date relative dates are resolved against
  std::string home_country;                  // alpha-2 of the dateline / most named country
  std::vector<std::string> countries_by_weight;  // keys: the dateline's, then the most named
  // Sentences that are headlines (title case), in order.
  std::vector<std::size_t> headline_sentences;
  // Norms of the words the article writes in lower case.
  WordSet common_words;

  Doc(const Article& a, const Analysis& t, const Lexicon& l, Facts& f)
      : article(a), text(t), lexicon(l), facts(f), entity_at(t.tokens().size()) {}

  const std::vector<Token>& tokens() const { return text.tokens(); }
  const Token& token(std::size_t i) const { return text.tokens()[i]; }
  std::string_view word(std::size_t i) const { return text.token_text(i); }
  // The first token at or after i where an office ("Minister", "Secretary General") begins;
  // the token count if none does. Every title has one, and the title rule is tried at every
  // token: this tells it in one look-up that none can start before the sentence ends.
  std::size_t next_office(std::size_t i) const;
  bool is_common_word(std::string_view norm) const { return common_words.contains(norm); }
  bool is_headline(std::size_t sentence) const;
  // Adds a quotation or an embedded post to `voices`; they are added only through this.
  void add_voice(Voice voice);
  // Adds a quotation to facts.quotations unless the speaker already has one over the same
  // span; false if so. Quotations are added only through this: a scan of those found so far
  // made long articles quadratic.
  bool add_quotation(Quotation quotation);
  // The first voice added that holds token k, or null. Asked at many tokens: a scan of the
  // voices each time made long articles quadratic.
  const Voice* voice_at(std::size_t k) const {
    return k < voice_at_.size() && voice_at_[k] ? &voices[voice_at_[k] - 1] : nullptr;
  }
  // Registers a title once, since the chunk rules and the title rule may both meet it:
  // returns the index of the first title over the same tokens, else adds this one.
  std::size_t add_title(const Title& title);
  // Adds a title even where one is over the same tokens: each holder of a plural title
  // ("the two foreign ministers, A and B") has one.
  std::size_t add_shared_title(const Title& title);
  // The first voice added with a date (an embedded post) that holds token k, or null.
  const Voice* dated_voice_at(std::size_t k) const;
  // The holder of the last title with one over token k. Listed on first use, and again if
  // titles were added since: the extractors after names only read the titles.
  std::optional<EntityId> title_holder_at(std::size_t k) const;

  // The entity with this kind and key, created with `label` if it is new.
  EntityId entity(EntityKind kind, const std::string& key, const std::string& label,
                  const std::string& rule);
  // Records a mention of `entity` over tokens [first, last) and its surface form as a label.
  void mention(EntityId entity, std::size_t first, std::size_t last, const std::string& rule);
  // Adds to `mentions` only (a nominal mention, not one of the entity's names); false if it
  // is there already. Mentions are added through these two, never pushed directly.
  bool add_mention(EntityId entity, std::size_t first, std::size_t last);
  void add_label(EntityId entity, const std::string& label);
  std::optional<EntityId> entity_in(std::size_t first, std::size_t last, EntityKind kind) const;
  std::optional<EntityId> find(EntityKind kind, const std::string& key) const;
  // Co-reference found late ("Eastgate" is "Eastgate Oil Corp"): `from` becomes `into`.
  void merge(EntityId from, EntityId into);

 private:
  std::map<std::pair<EntityKind, std::string>, EntityId> by_key_;
  // The mentions recorded, as (first, last, entity + 1) with 0 for a free slot, so that a
  // repeat is found in constant time: a long article has hundreds of thousands of mentions,
  // and a scan of them per mention made it quadratic. Open addressing, at most half full;
  // made again from `mentions` when merge() changes their entities.
  std::vector<std::array<std::uint32_t, 3>> mention_slots_;
  std::size_t mention_count_ = 0;
  bool insert_mention_key(const Mention& m);
  mutable std::vector<std::uint32_t> next_office_;  // by token, filled on first use
  std::unordered_map<std::uint64_t, std::size_t> title_at_;  // (first, last) -> first title there
  std::set<std::tuple<std::uint32_t, std::uint32_t, EntityId>> quotation_keys_;  // span, speaker
  std::vector<std::size_t> dated_voices_;  // indices of the voices with a date: a few posts
  std::vector<std::uint32_t> voice_at_;  // by token: 1 + the index of the first voice holding it
  mutable std::vector<std::optional<EntityId>> title_holder_;  // by token, see title_holder_at
  mutable std::size_t title_holder_titles_ = static_cast<std::size_t>(-1);  // titles it was made of
};

// Whether `word` is one of `words`, compared size first: the extractors ask this of most
// tokens, and GCC calls memcmp for each string_view == however short the word.
inline bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (w.size() == word.size() &&
        std::char_traits<char>::compare(w.data(), word.data(), w.size()) == 0)
      return true;
  return false;
}

// Slug of a name for identity keys and IRIs: lower case, letters and digits, single hyphens.
std::string slug(std::string_view text);
bool is_stopword(std::string_view folded);

}  // namespace newskg::extract
