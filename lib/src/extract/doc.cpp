#include "extract/doc.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <unordered_set>

#include "text/utf8.hpp"

namespace newskg::extract {

std::size_t Doc::next_office(std::size_t i) const {
  const std::size_t n = text.tokens().size();
  if (next_office_.size() != n + 1) {
    next_office_.assign(n + 1, static_cast<std::uint32_t>(n));
    for (std::size_t k = n; k-- > 0;)
      next_office_[k] = lexicon.longest(text, k, LexKind::kOffice) ? static_cast<std::uint32_t>(k)
                                                                   : next_office_[k + 1];
  }
  return next_office_[std::min(i, n)];
}

std::optional<EntityId> Doc::title_holder_at(std::size_t k) const {
  if (title_holder_titles_ != titles.size()) {
    title_holder_.assign(text.tokens().size(), std::nullopt);
    for (const Title& t : titles)
      for (std::size_t j = t.first; t.holder && j < t.last && j < title_holder_.size(); ++j)
        title_holder_[j] = t.holder;
    title_holder_titles_ = titles.size();
  }
  return k < title_holder_.size() ? title_holder_[k] : std::nullopt;
}

void Doc::add_voice(Voice voice) {
  if (voice_at_.empty()) voice_at_.assign(text.tokens().size(), 0);
  auto number = static_cast<std::uint32_t>(voices.size() + 1);
  for (std::size_t k = voice.first; k < voice.last && k < voice_at_.size(); ++k)
    if (!voice_at_[k]) voice_at_[k] = number;
  if (!voice.date.empty()) dated_voices_.push_back(voices.size());
  voices.push_back(std::move(voice));
}

const Voice* Doc::dated_voice_at(std::size_t k) const {
  for (std::size_t v : dated_voices_)
    if (k >= voices[v].first && k < voices[v].last) return &voices[v];
  return nullptr;
}

std::size_t Doc::add_title(const Title& title) {
  auto found = title_at_.find(std::uint64_t{title.first} << 32 | title.last);
  return found != title_at_.end() ? found->second : add_shared_title(title);
}

std::size_t Doc::add_shared_title(const Title& title) {
  titles.push_back(title);
  title_at_.emplace(std::uint64_t{title.first} << 32 | title.last, titles.size() - 1);
  return titles.size() - 1;
}

bool Doc::add_quotation(Quotation quotation) {
  const Span& span = quotation.evidence.span;
  if (!quotation_keys_.emplace(span.begin, span.end, quotation.speaker).second) return false;
  facts.quotations.push_back(std::move(quotation));
  return true;
}

bool Doc::is_headline(std::size_t sentence) const {
  // Asked per sentence and per token; a long article has many headlines, listed in order.
  return std::binary_search(headline_sentences.begin(), headline_sentences.end(), sentence);
}

EntityId Doc::entity(EntityKind kind, const std::string& key, const std::string& label,
                     const std::string& rule) {
  auto found = by_key_.find({kind, key});
  if (found != by_key_.end()) return found->second;
  EntityId id = facts.entities.size();
  Entity e;
  e.kind = kind;
  e.key = key;
  e.label = label;
  e.rule = rule;
  facts.entities.push_back(std::move(e));
  by_key_[{kind, key}] = id;
  return id;
}

std::optional<EntityId> Doc::find(EntityKind kind, const std::string& key) const {
  auto found = by_key_.find({kind, key});
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

void Doc::merge(EntityId from, EntityId into) {
  if (from == into) return;
  Entity& source = facts.entities[from];
  for (const Evidence& m : source.mentions) facts.entities[into].mentions.push_back(m);
  add_label(into, source.label);
  for (const auto& alt : source.alt_labels) add_label(into, alt);
  source.mentions.clear();
  source.merged_into = into;
  for (Mention& m : mentions)
    if (m.entity == from) m.entity = into;
  std::fill(mention_slots_.begin(), mention_slots_.end(), std::array<std::uint32_t, 3>{});
  mention_count_ = 0;
  for (const Mention& m : mentions) insert_mention_key(m);
  for (auto& at : entity_at)
    if (at == from) at = into;
  for (Title& t : titles) {
    if (t.in == from) t.in = into;
    if (t.holder == from) t.holder = into;
  }
  by_key_[{source.kind, source.key}] = into;
}

void Doc::add_label(EntityId id, const std::string& label) {
  Entity& e = facts.entities[id];
  if (label.empty() || label == e.label) return;
  if (std::find(e.alt_labels.begin(), e.alt_labels.end(), label) == e.alt_labels.end())
    e.alt_labels.push_back(label);
}

bool Doc::insert_mention_key(const Mention& m) {
  if (2 * (mention_count_ + 1) > mention_slots_.size()) {
    mention_slots_.assign(std::max<std::size_t>(64, 2 * mention_slots_.size()), {});
    mention_count_ = 0;
    for (const Mention& old : mentions) insert_mention_key(old);
  }
  const std::array<std::uint32_t, 3> key{static_cast<std::uint32_t>(m.first),
                                         static_cast<std::uint32_t>(m.last),
                                         static_cast<std::uint32_t>(m.entity + 1)};
  std::size_t mask = mention_slots_.size() - 1;
  std::uint64_t h = ((std::uint64_t{key[0]} << 32 | key[1]) ^ (std::uint64_t{key[2]} << 17)) *
                    0x9E3779B97F4A7C15ull;
  for (std::size_t at = (h >> 32) & mask;; at = (at + 1) & mask) {
    if (mention_slots_[at][2] == 0) {
      mention_slots_[at] = key;
      ++mention_count_;
      return true;
    }
    if (mention_slots_[at] == key) return false;
  }
}

bool Doc::add_mention(EntityId id, std::size_t first, std::size_t last) {
  Mention m{first, last, id};
  if (!insert_mention_key(m)) return false;
  mentions.push_back(m);
  return true;
}

void Doc::mention(EntityId id, std::size_t first, std::size_t last, const std::string& rule) {
  if (first >= last || !add_mention(id, first, last)) return;
  // A token names the first entity found there, except that an organization's name takes
  // the country or place inside it: "Bank Kenya", "Andes Trade Agency".
  const bool organization = facts.entities[id].kind == EntityKind::kOrganization && last - first >= 2;
  for (std::size_t k = first; k < last; ++k) {
    if (!entity_at[k]) entity_at[k] = id;
    else if (organization) {
      EntityKind inner = facts.entities[*entity_at[k]].kind;
      if (inner == EntityKind::kCountry || inner == EntityKind::kPlace) entity_at[k] = id;
    }
  }
  facts.entities[id].mentions.push_back(text.evidence(first, last, rule));
  add_label(id, std::string(text.slice(first, last)));
}

std::optional<EntityId> Doc::entity_in(std::size_t first, std::size_t last, EntityKind kind) const {
  for (std::size_t k = first; k < last && k < entity_at.size(); ++k)
    if (entity_at[k] && facts.entities[*entity_at[k]].kind == kind) return entity_at[k];
  return std::nullopt;
}

namespace {

// What slug() makes of each ASCII byte: the lower-case letter or digit, 0 for a separator,
// 1 for an apostrophe (dropped); bytes from 0x80 on start a character ICU is asked about.
constexpr std::array<char, 128> kSlugAscii = [] {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) table[c] = static_cast<char>(c);
    if (c >= 'A' && c <= 'Z') table[c] = static_cast<char>(c + ('a' - 'A'));
  }
  table['\''] = 1;
  return table;
}();

}  // namespace

std::string slug(std::string_view text) {
  // ASCII letters never lengthen, and a hyphen only replaces a separator, so an ASCII text's
  // slug fits in its own length; a non-ASCII character makes room as it goes.
  std::string out(text.size(), '\0');
  std::size_t w = 0;
  bool hyphen = false;
  auto put = [&](char c) {
    if (hyphen && w > 0) out[w++] = '-';
    hyphen = false;
    out[w++] = c;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
      ++i;
      if (char c = kSlugAscii[b]; c > 1)
        put(c);
      else if (c == 0)
        hyphen = true;
      continue;
    }
    int c = utf8::decode(text, i);
    if (c == 0x2019) continue;  // apostrophes vanish: "ministers'" -> "ministers"
    if (!u_isalnum(c)) {
      hyphen = true;
      continue;
    }
    std::string lower;
    utf8::append(lower, u_tolower(c));
    std::size_t room = w + 1 + lower.size() + (text.size() - i);  // a hyphen, this, the rest
    if (out.size() < room) out.resize(room);
    for (char byte : lower) put(byte);
  }
  out.resize(w);
  return out;
}

bool is_stopword(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a",        "an",       "the",     "this",      "that",    "these",   "those",    "in",
      "on",       "at",       "after",   "before",    "during",  "according", "but",   "however",
      "while",    "as",       "for",     "with",      "it",      "he",      "she",      "they",
      "we",       "i",        "our",     "his",       "her",     "their",   "its",      "both",
      "each",     "every",    "recently", "last",     "next",    "thus",    "there",    "what",
      "when",     "where",    "why",     "how",       "if",      "though",  "although", "despite",
      "since",    "because",  "so",      "even",      "also",    "meanwhile", "earlier", "later",
      "today",    "yesterday", "tomorrow", "some",    "many",    "most",    "all",      "any",
      "no",       "not",      "only",    "one",       "two",     "three",   "more",     "further",
      "other",    "such",     "from",    "by",        "to",      "of",      "and",      "or",
      "my",       "your",     "you",     "us",        "them",    "him",     "had",      "has",
      "have",     "was",      "were",    "is",        "are",     "be",      "will",     "would",
      "could",    "should",   "may",     "might",     "can",     "must",    "do",       "did",
      "post",     "read",     "comments", "comment",  "related", "advertisement", "share", "yes",
      "about",    "into",     "over",    "under",     "against", "between", "among",   "through",
      "amid",     "within",   "without", "upon",      "unlike",  "like",    "then",     "now"};
  // Asked for most tokens: a hash set of the list, made once (C++ statics start thread-safely).
  static const std::unordered_set<std::string_view> kStopSet(std::begin(kStop), std::end(kStop));
  return kStopSet.count(w) > 0;
}

}  // namespace newskg::extract
