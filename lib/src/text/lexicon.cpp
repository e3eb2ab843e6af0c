#include "newskg/lexicon.hpp"

#include <algorithm>

namespace newskg {

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
  Entry entry{kind, concept_index, false, {}, {}};
  std::size_t letters = 0;
  bool upper = true;
  // Hyphens and dashes are left out: "Secretary-General" matches "Secretary General".
  for (std::size_t i = 0; i < doc.tokens().size(); ++i) {
    if (doc.tokens()[i].norm == "-") continue;
    entry.norms.push_back(doc.tokens()[i].norm);
    entry.raws.emplace_back(doc.token_text(i));
  }
  if (entry.norms.empty()) return;
  for (char c : form) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      ++letters;
      if (!std::isupper(static_cast<unsigned char>(c))) upper = false;
    }
  }
  entry.exact_case = upper && letters > 0 && letters <= 4;
  auto& bucket = by_first_token_[entry.norms.front()];
  bool duplicate = std::any_of(bucket.begin(), bucket.end(), [&](const Entry& e) {
    return e.kind == kind && e.concept_index == concept_index && e.norms == entry.norms &&
           e.exact_case == entry.exact_case;
  });
  if (!duplicate) bucket.push_back(std::move(entry));
}

// Calls `found` for every entry of this kind matching at `first`, in the order the entries were
// added. The extractors ask this many times per token, so it allocates nothing.
template <typename Found>
void Lexicon::visit_matches(const Analysis& doc, std::size_t first, LexKind kind, Found&& found) const {
  const auto& tokens = doc.tokens();
  if (first >= tokens.size()) return;
  auto it = by_first_token_.find(tokens[first].norm);
  if (it == by_first_token_.end()) return;
  for (const Entry& entry : it->second) {
    if (entry.kind != kind) continue;
    bool ok = true;
    std::size_t at = first;
    for (std::size_t k = 0; k < entry.norms.size() && ok; ++k, ++at) {
      // a hyphen glued between two words of the text is skipped, as in the forms
      if (k > 0 && at + 1 < tokens.size() && tokens[at].norm == "-" && !tokens[at].space_before &&
          !tokens[at + 1].space_before)
        ++at;
      if (at >= tokens.size()) {
        ok = false;
        break;
      }
      const Token& t = tokens[at];
      // A phrase never spans a sentence or paragraph break.
      if (k > 0 && (t.paragraph_before || doc.sentence_of(at) != doc.sentence_of(first))) ok = false;
      else if (t.norm != entry.norms[k]) ok = false;
      else if (entry.exact_case && doc.token_text(at) != entry.raws[k]) ok = false;
    }
    if (ok) found(LexiconMatch{kind, entry.concept_index, static_cast<std::uint32_t>(at - first)});
  }
}

std::vector<LexiconMatch> Lexicon::match(const Analysis& doc, std::size_t first, LexKind kind) const {
  std::vector<LexiconMatch> found;
  visit_matches(doc, first, kind, [&](const LexiconMatch& m) { found.push_back(m); });
  std::stable_sort(found.begin(), found.end(),
                   [](const LexiconMatch& a, const LexiconMatch& b) { return a.length > b.length; });
  return found;
}

std::optional<LexiconMatch> Lexicon::longest(const Analysis& doc, std::size_t first, LexKind kind) const {
  // the first of the longest, as match() would put it in front
  std::optional<LexiconMatch> best;
  visit_matches(doc, first, kind, [&](const LexiconMatch& m) {
    if (!best || m.length > best->length) best = m;
  });
  return best;
}

bool Lexicon::is(const Analysis& doc, std::size_t token, LexKind kind) const {
  bool one_token = false;
  visit_matches(doc, token, kind, [&](const LexiconMatch& m) { one_token = one_token || m.length == 1; });
  return one_token;
}

bool Lexicon::is_form(LexKind kind, const std::string& folded_word) const {
  auto it = by_first_token_.find(folded_word);
  if (it == by_first_token_.end()) return false;
  for (const Entry& e : it->second)
    if (e.kind == kind && e.norms.size() == 1) return true;
  return false;
}

std::optional<std::uint32_t> Lexicon::country(const std::string& alpha2) const {
  auto it = countries_by_code_.find(alpha2);
  if (it == countries_by_code_.end()) return std::nullopt;
  return it->second;
}

}  // namespace newskg
