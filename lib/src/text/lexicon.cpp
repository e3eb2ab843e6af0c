#include "newskg/lexicon.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>

#include "text/hash.hpp"

namespace newskg {
namespace {

// Version numbers of lexicons: a word cache filled by one lexicon is never read by another.
std::uint64_t next_version() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

}  // namespace

std::uint32_t Lexicon::add(LexKind kind, Concept entry, const std::vector<std::string>& forms) {
  auto index = static_cast<std::uint32_t>(concepts_.size());
  if (kind == LexKind::kCountry && !entry.code.empty()) countries_by_code_[entry.code] = index;
  concepts_.push_back(std::move(entry));
  for (const auto& form : forms) add_form(kind, index, form);
  return index;
}

void Lexicon::add_form(LexKind kind, std::uint32_t concept_index, const std::string& form) {
  Analysis doc(form);
  if (doc.tokens().empty()) return;
  Entry entry{kind, concept_index, false, {}};
  std::vector<Word> words;
  // Hyphens and dashes are left out: "Secretary-General" matches "Secretary General".
  for (std::size_t i = 0; i < doc.tokens().size(); ++i) {
    if (doc.tokens()[i].norm == "-") continue;
    Word w = words_.insert(doc.tokens()[i].norm);
    if (w == roots_.size()) roots_.push_back(kNoNode);  // a new word
    words.push_back(w);
    entry.raws.emplace_back(doc.token_text(i));
  }
  if (words.empty()) return;
  version_ = next_version();  // word numbers may have changed: caches of this lexicon are stale
  std::size_t letters = 0;
  bool upper = true;
  for (char c : form) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      ++letters;
      if (!std::isupper(static_cast<unsigned char>(c))) upper = false;
    }
  }
  entry.exact_case = upper && letters > 0 && letters <= 4;

  // The path of the form's words, made where missing.
  std::vector<std::uint32_t> path;
  auto new_node = [&] {
    nodes_.emplace_back();
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  };
  if (roots_[words.front()] == kNoNode) roots_[words.front()] = new_node();
  path.push_back(roots_[words.front()]);
  for (std::size_t k = 1; k < words.size(); ++k) {
    auto& children = nodes_[path.back()].children;
    auto it = std::lower_bound(children.begin(), children.end(), std::pair<Word, std::uint32_t>{words[k], 0},
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    if (it == children.end() || it->first != words[k]) {
      std::uint32_t child = new_node();  // may move nodes_: look the children up again
      auto& again = nodes_[path.back()].children;
      it = again.insert(std::lower_bound(again.begin(), again.end(), std::pair<Word, std::uint32_t>{words[k], 0},
                                         [](const auto& a, const auto& b) { return a.first < b.first; }),
                        {words[k], child});
    }
    path.push_back(it->second);
  }
  Node& end = nodes_[path.back()];
  bool duplicate = std::any_of(end.entries.begin(), end.entries.end(), [&](std::uint32_t e) {
    return entries_[e].kind == kind && entries_[e].concept_index == concept_index &&
           entries_[e].exact_case == entry.exact_case;
  });
  if (duplicate) return;
  end.entries.push_back(static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
  for (std::uint32_t n : path) nodes_[n].kinds |= kind_bit(kind);
}

Lexicon::Word Lexicon::word(std::string_view folded) const {
  return words_.find(folded);
}

std::uint64_t Lexicon::WordTable::hash(std::string_view word) {
  return short_string_hash(word);
}

// Where the word is, or the empty slot where it would go.
std::size_t Lexicon::WordTable::slot(std::string_view word, std::uint64_t h) const {
  std::size_t mask = slots_.size() - 1;
  auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const Slot& s = slots_[at];
    if (s.word == kNoWord || (s.tag == tag && text(s.word) == word)) return at;
  }
}

Lexicon::Word Lexicon::WordTable::insert(std::string_view word) {
  if (2 * (count_ + 1) > slots_.size()) {  // at most half full
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
    for (const Slot& s : old)
      if (s.word != kNoWord) slots_[slot(text(s.word), hash(text(s.word)))] = s;
  }
  std::uint64_t h = hash(word);
  Slot& s = slots_[slot(word, h)];
  if (s.word == kNoWord) {
    s = {static_cast<std::uint32_t>(h >> 32), static_cast<Word>(count_++)};
    spans_.emplace_back(static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(word.size()));
    text_.append(word);
  }
  return s.word;
}

// Each token's word and the kinds of forms starting with it, looked up once per article.
void Lexicon::fill_cache(const Analysis& doc) const {
  Analysis::WordCache& cache = doc.word_cache();
  cache.words.clear();
  cache.kinds.clear();
  const auto& tokens = doc.tokens();
  cache.words.reserve(tokens.size());
  cache.kinds.reserve(tokens.size());
  if (words_.empty()) {
    cache.words.assign(tokens.size(), kNoWord);
    cache.kinds.assign(tokens.size(), 0);
    cache.owner = version_;
    return;
  }
  // Hashes first, then the lookups with the slot of a word a few tokens ahead already on its
  // way into the cache: the table is random access, and every token of the article goes here.
  constexpr std::size_t kAhead = 8;
  std::vector<std::uint64_t>& hashes = cache.hashes;
  hashes.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) hashes[i] = WordTable::hash(tokens[i].norm);
  for (std::size_t i = 0; i < std::min(kAhead, tokens.size()); ++i) words_.prefetch(hashes[i]);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i + kAhead < tokens.size()) words_.prefetch(hashes[i + kAhead]);
    Word w = words_.find(tokens[i].norm, hashes[i]);
    cache.words.push_back(w);
    cache.kinds.push_back(w == kNoWord || roots_[w] == kNoNode ? 0 : nodes_[roots_[w]].kinds);
  }
  cache.owner = version_;
}

// A hyphen glued between two words of the text is skipped, as in the forms.
static bool glued_hyphen(const std::vector<Token>& tokens, std::size_t at) {
  return at + 1 < tokens.size() && tokens[at].norm == "-" && !tokens[at].space_before && !tokens[at + 1].space_before;
}

// An exact-case form's tokens, as written, along the path visit_matches walked.
bool Lexicon::raws_match(const Analysis& doc, std::size_t first, const Entry& entry) const {
  std::size_t at = first;
  for (std::size_t k = 0; k < entry.raws.size(); ++k, ++at) {
    if (k > 0 && glued_hyphen(doc.tokens(), at)) ++at;
    if (doc.token_text(at) != entry.raws[k]) return false;
  }
  return true;
}

// Calls `found(entry, length in tokens)` for every entry of these kinds (a mask of kind bits)
// matching at `first` with at most `max_words` words: shorter forms first, forms of one
// length in the order they were added. The extractors ask this many times per token, so it
// allocates nothing.
template <typename Found>
void Lexicon::visit_matches(const Analysis& doc, std::size_t first, std::uint64_t kinds,
                            std::size_t max_words, Found&& found) const {
  const auto& tokens = doc.tokens();
  if (!may_start(doc, first, kinds)) return;  // fills the cache too
  const std::vector<Word>& words = doc.word_cache().words;
  std::uint32_t n = roots_[words[first]];
  std::size_t at = first + 1;  // after the last token matched
  for (std::size_t depth = 1;; ++depth) {
    const Node& node = nodes_[n];
    if (!(node.kinds & kinds)) return;
    for (std::uint32_t e : node.entries) {
      const Entry& entry = entries_[e];
      if ((kind_bit(entry.kind) & kinds) && (!entry.exact_case || raws_match(doc, first, entry)))
        found(entry, static_cast<std::uint32_t>(at - first));
    }
    if (depth >= max_words || node.children.empty()) return;
    if (glued_hyphen(tokens, at)) ++at;
    if (at >= tokens.size()) return;
    // A phrase never spans a sentence or paragraph break.
    if (tokens[at].paragraph_before || doc.sentence_of(at) != doc.sentence_of(first)) return;
    Word w = words[at];
    auto it = std::lower_bound(node.children.begin(), node.children.end(), std::pair<Word, std::uint32_t>{w, 0},
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    if (w == kNoWord || it == node.children.end() || it->first != w) return;
    n = it->second;
    ++at;
  }
}

std::vector<LexiconMatch> Lexicon::match_at(const Analysis& doc, std::size_t first, LexKind kind) const {
  // longest first, forms of one length in the order they were added
  std::vector<LexiconMatch> found;
  visit_matches(doc, first, kind_bit(kind), SIZE_MAX, [&](const Entry& e, std::uint32_t length) {
    found.push_back(LexiconMatch{kind, e.concept_index, length});
  });
  std::stable_sort(found.begin(), found.end(),
                   [](const LexiconMatch& a, const LexiconMatch& b) { return a.length > b.length; });
  return found;
}

std::optional<LexiconMatch> Lexicon::longest_at(const Analysis& doc, std::size_t first, LexKind kind) const {
  // The first of the longest, as match() would put it in front. Plain locals, not an
  // optional written field by field: this runs several times per token.
  std::uint32_t best_length = 0, best_concept = 0;
  visit_matches(doc, first, kind_bit(kind), SIZE_MAX, [&](const Entry& e, std::uint32_t length) {
    if (length > best_length) best_length = length, best_concept = e.concept_index;
  });
  // Most calls find nothing. The empty optional is copied from memory written long ago: made
  // here, GCC stores its flag byte and reloads the whole, and the reload stalls.
  static const std::optional<LexiconMatch> kNone;
  if (best_length == 0) return kNone;
  return LexiconMatch{kind, best_concept, best_length};
}

void Lexicon::longest_each_at(const Analysis& doc, std::size_t first, const LexKind* kinds,
                              std::size_t count, LexiconMatch* best) const {
  std::uint64_t mask = 0;
  for (std::size_t k = 0; k < count; ++k) mask |= kind_bit(kinds[k]);
  visit_matches(doc, first, mask, SIZE_MAX, [&](const Entry& e, std::uint32_t length) {
    for (std::size_t k = 0; k < count; ++k)
      if (e.kind == kinds[k] && length > best[k].length)
        best[k] = {e.kind, e.concept_index, length};
  });
}

bool Lexicon::is_at(const Analysis& doc, std::size_t token, LexKind kind) const {
  bool one_token = false;
  visit_matches(doc, token, kind_bit(kind), 1,
                [&](const Entry&, std::uint32_t) { one_token = true; });
  return one_token;
}

bool Lexicon::is_form(LexKind kind, std::string_view folded_word) const {
  Word w = word(folded_word);
  if (w == kNoWord || roots_[w] == kNoNode) return false;
  for (std::uint32_t e : nodes_[roots_[w]].entries)
    if (entries_[e].kind == kind) return true;
  return false;
}

std::optional<std::uint32_t> Lexicon::country(const std::string& alpha2) const {
  auto it = countries_by_code_.find(alpha2);
  if (it == countries_by_code_.end()) return std::nullopt;
  return it->second;
}

}  // namespace newskg
