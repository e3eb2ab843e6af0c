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

bool Doc::is_headline(std::size_t sentence) const {
  return std::find(headline_sentences.begin(), headline_sentences.end(), sentence) !=
         headline_sentences.end();
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

void Doc::mention(EntityId id, std::size_t first, std::size_t last, const std::string& rule) {
  if (first >= last) return;
  for (const Mention& m : mentions)
    if (m.first == first && m.last == last && m.entity == id) return;
  mentions.push_back({first, last, id});
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

std::string slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool hyphen = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (auto b = static_cast<unsigned char>(text[i]); b < 0x80 && b != '\'') {  // ICU's answers for ASCII
      ++i;
      bool lower = b >= 'a' && b <= 'z', upper = b >= 'A' && b <= 'Z', digit = b >= '0' && b <= '9';
      if (lower || upper || digit) {
        if (hyphen && !out.empty()) out += '-';
        hyphen = false;
        out += static_cast<char>(upper ? b + ('a' - 'A') : b);
      } else {
        hyphen = true;
      }
      continue;
    }
    int c = utf8::decode(text, i);
    if (c == 0x2019 || c == '\'') continue;  // apostrophes vanish: "ministers'" -> "ministers"
    if (u_isalnum(c)) {
      if (hyphen && !out.empty()) out += '-';
      hyphen = false;
      utf8::append(out, u_tolower(c));
    } else {
      hyphen = true;
    }
  }
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string s = slug(text);
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('-', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
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
