// Named entities, titles and posts, and within-article co-reference.
//
// The order matters and is fixed here: lexicon names (countries, places, international
// organizations) first, so later rules know them; then capitalised chunks are classified
// by their head word (Ministry, Summit, Corp) or by the title or honorific before them
// (a person); then surnames, "Mr X", handles and acronyms are tied to the full names.
#include "extract/names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/dates.hpp"

namespace newskg::extract {
namespace {

using Kind = EntityKind;

bool is_word(const Token& t) { return t.kind == TokenKind::kWord; }

bool is_initial(const Doc& doc, std::size_t i) {
  const Token& t = doc.token(i);
  return is_word(t) && t.capitalised && doc.word(i).size() == 1;
}

bool glued(const Doc& doc, std::size_t i) { return i < doc.tokens().size() && !doc.token(i).space_before; }

bool same_sentence(const Doc& doc, std::size_t a, std::size_t b) {
  return b < doc.tokens().size() && doc.text.sentence_of(a) == doc.text.sentence_of(b);
}

bool is_hyphen(const Token& t) { return t.kind == TokenKind::kPunct && t.norm == "-"; }

// A word that could be part of a name: capitalised, not a sentence-initial function word.
bool name_word(const Doc& doc, std::size_t i) {
  const Token& t = doc.token(i);
  if (!(is_word(t) || t.kind == TokenKind::kNumber)) return false;
  if (!t.capitalised) return false;
  if (is_stopword(t.norm)) return false;
  return true;
}

// Sentences that are headlines or section heads: a whole line, no final period, and most
// words capitalised. Only lexicon names and names known from the body are taken from them.
void find_headlines(Doc& doc) {
  const auto& sentences = doc.text.sentences();
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    const Token& first = doc.token(sentence.first);
    bool line_start = sentence.first == 0 || first.line_before;
    bool line_end = sentence.last == doc.tokens().size() || doc.token(sentence.last).line_before;
    if (!line_start || !line_end) continue;
    const Token& last = doc.token(sentence.last - 1);
    bool final_stop = last.kind == TokenKind::kPunct && (last.norm == "." || last.norm == "?" || last.norm == "!");
    int words = 0, capitals = 0;
    for (std::size_t k = sentence.first; k < sentence.last; ++k) {
      const Token& t = doc.token(k);
      if (!is_word(t) || t.norm.size() < 4) continue;
      ++words;
      if (t.capitalised) ++capitals;
    }
    bool title_case = words >= 2 && capitals * 10 >= words * 7;
    bool short_line = (sentence.last - sentence.first) <= 12 && !final_stop;
    if ((title_case && !final_stop) || (short_line && words <= 6)) doc.headline_sentences.push_back(s);
  }
}

struct LexiconHit {
  Kind kind;
  std::uint32_t concept_index;
  std::size_t length;
  bool demonym;
};

std::optional<LexiconHit> lexicon_name(const Doc& doc, std::size_t i) {
  const Token& t = doc.token(i);
  if (!(t.capitalised || t.all_caps)) return std::nullopt;
  // The longest form wins; of equal ones, the kind first in this list.
  static constexpr std::array kinds{LexKind::kOrganization, LexKind::kCountry, LexKind::kPlace,
                                    LexKind::kDemonym};
  static constexpr std::array entity_kinds{Kind::kOrganization, Kind::kCountry, Kind::kPlace,
                                           Kind::kCountry};
  auto found = doc.lexicon.longest_each(doc.text, i, kinds);
  std::optional<LexiconHit> best;
  for (std::size_t k = 0; k < kinds.size(); ++k)
    if (found[k] && (!best || found[k]->length > best->length))
      best = LexiconHit{entity_kinds[k], found[k]->concept_index, found[k]->length,
                        kinds[k] == LexKind::kDemonym};
  return best;
}

EntityId lexicon_entity(Doc& doc, const LexiconHit& hit) {
  const Concept& c = doc.lexicon.entry(hit.concept_index);
  switch (hit.kind) {
    case Kind::kCountry:
      return doc.entity(Kind::kCountry, slug(c.code.empty() ? c.label : c.code), c.label, "lexicon:country");
    case Kind::kPlace:
      return doc.entity(Kind::kPlace, slug(c.label), c.label, "lexicon:place");
    default: {
      EntityId id = doc.entity(Kind::kOrganization, slug(c.label), c.label, "lexicon:organization");
      doc.facts.entities[id].extra_class = c.entity_class;
      return id;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Titles

std::optional<Title> match_title(Doc& doc, std::size_t i, std::size_t limit) {
  if (doc.next_office(i) >= limit) return std::nullopt;  // no office ahead: no title
  const auto& lex = doc.lexicon;
  std::size_t k = i;
  Title title{};
  title.first = i;
  // A country before the title: "US Secretary of War", "Indian Defence Minister", "Chile's".
  // Its entity is made only once the office is found: "North Korea's security objectives"
  // holds no title, and must not leave a "Korea" behind.
  std::optional<LexiconHit> country;
  if (auto hit = lexicon_name(doc, k); hit && hit->kind == Kind::kCountry && k + hit->length < limit) {
    std::size_t after = k + hit->length;
    if (after < limit && doc.token(after).norm == "'s") ++after;
    if (after < limit && doc.word(after) == "counterpart") ++after;
    if (after < limit && (lex.longest(doc.text, after, LexKind::kPortfolio) || lex.longest(doc.text, after, LexKind::kOffice))) {
      country = hit;
      k = after;
    }
  }
  // The organization or country the title belongs to may stand just before it:
  // "Eastgate Chief Executive", "OPEC Secretary General", "Greyrock's chief executive".
  if (!country && i > 0) {
    std::size_t before = i - 1;
    if (doc.token(before).norm == "'s" && before > 0) --before;
    if (auto e = doc.entity_at[before]) {
      auto kind = doc.facts.entities[*e].kind;
      if (kind == Kind::kOrganization || kind == Kind::kCountry) title.in = e;
    }
  }
  std::size_t label_first = k;
  // "Vice Premier", "Deputy Secretary General", "Acting President"
  while (k < limit && lex.is(doc.text, k, LexKind::kOfficeQualifier) && !lex.longest(doc.text, k, LexKind::kOffice) &&
         (lex.longest(doc.text, k + 1, LexKind::kOffice) || lex.longest(doc.text, k + 1, LexKind::kPortfolio) ||
          lex.is(doc.text, k + 1, LexKind::kOfficeQualifier)))
    ++k;
  std::vector<std::string> portfolios;
  auto read_portfolios = [&](std::size_t& at) {
    bool any = false;
    while (at < limit) {
      auto p = lex.longest(doc.text, at, LexKind::kPortfolio);
      if (!p) break;
      portfolios.push_back(lex.entry(p->concept_index).label);
      at += p->length;
      any = true;
      if (at + 1 < limit && (doc.token(at).norm == "and" || doc.token(at).norm == "&") &&
          lex.longest(doc.text, at + 1, LexKind::kPortfolio)) {
        ++at;
        continue;
      }
      break;
    }
    return any;
  };
  read_portfolios(k);
  auto office = k < limit ? lex.longest(doc.text, k, LexKind::kOffice) : std::nullopt;
  if (!office) return std::nullopt;
  if (country) title.in = lexicon_entity(doc, *country);
  // Plural offices ("Defence Ministers' Meeting") are not a person's title.
  std::size_t end = k + office->length;
  if (end < limit && doc.token(end).norm == "'") return std::nullopt;
  const Concept& head = lex.entry(office->concept_index);
  // "Minister of Defence", "Secretary of State for Trade", "Minister for Fisheries"
  if (end + 1 < limit && (doc.token(end).norm == "of" || doc.token(end).norm == "for")) {
    std::size_t at = end + 1;
    // A list of portfolios may have commas: "Minister of Transport, Communications and
    // Information Technology", with one word between the comma and "and" (a comma before a
    // name in apposition, "Minister of Mines, Ana Ruiz and ...", has two).
    auto list_comma = [&](std::size_t c) {
      return c + 3 < limit && doc.token(c).norm == "," && doc.token(c + 1).capitalised && is_word(doc.token(c + 1)) &&
             (doc.token(c + 2).norm == "and" || doc.token(c + 2).norm == "&") && doc.token(c + 3).capitalised;
    };
    // Capitalised words, "and" before one, and list commas, from `from`.
    auto capitalised_run = [&](std::size_t from) {
      std::size_t j = from;
      while (j < limit && ((doc.token(j).capitalised && is_word(doc.token(j))) ||
                           ((doc.token(j).norm == "and" || doc.token(j).norm == "&") && j + 1 < limit &&
                            doc.token(j + 1).capitalised) ||
                           list_comma(j)))
        ++j;
      return j;
    };
    auto unknown_portfolio = [&](std::size_t from, std::size_t to) {
      std::string joined;
      for (std::size_t w = from; w < to; ++w)
        if (doc.token(w).capitalised) joined += (joined.empty() ? "" : " ") + std::string(doc.word(w));
      portfolios.push_back(joined);
    };
    if (head.takes_portfolio && read_portfolios(at)) {
      end = at;
      // the list goes on past the portfolios the lexicon knows
      if (list_comma(at)) {
        std::size_t j = capitalised_run(at);
        if (j - at <= 6) unknown_portfolio(at, j), end = j;
      }
    } else if (head.takes_portfolio && doc.token(at).capitalised && !lexicon_name(doc, at)) {
      // A portfolio the lexicon does not know: "Minister of National Defense",
      // "Commissioner for Political Affairs and Security" (capitalised words and "and").
      std::size_t j = capitalised_run(at);
      if (j > at && j - at <= 7) {
        unknown_portfolio(at, j);
        end = j;
      }
    }
  }
  title.label = std::string(doc.text.slice(label_first, end));
  // "Defence Secretary of the United States", "chairman of Eastgate"
  if (end + 1 < limit && doc.token(end).norm == "of") {
    std::size_t at = end + 1;
    if (doc.token(at).norm == "the") ++at;
    if (at < limit) {
      if (auto hit = lexicon_name(doc, at); hit && !hit->demonym && hit->kind == Kind::kCountry) {
        title.in = lexicon_entity(doc, *hit);
        doc.mention(*title.in, at, at + hit->length, "title:of-country");
        end = at + hit->length;
      } else if (doc.entity_at[at] && doc.facts.entities[*doc.entity_at[at]].kind == Kind::kOrganization) {
        title.in = doc.entity_at[at];
        end = at;
        while (end < limit && doc.entity_at[end] == title.in) ++end;
        end = std::max(end, at + 1);
        // "President of the SADC Secretariat": a known name with a head word after it is a
        // body of that organization, and the head word is no person's name
        std::size_t j = end;
        while (j < limit && j < end + 3 && doc.token(j).capitalised && is_word(doc.token(j)) && !doc.entity_at[j]) ++j;
        if (j > end && lex.is(doc.text, j - 1, LexKind::kOrgHead)) {
          std::string name(doc.text.slice(at, j));
          title.in = doc.entity(Kind::kOrganization, slug(name), name, "title:of-organization");
          doc.mention(*title.in, at, j, "title:of-organization");
          end = j;
        }
      }
    }
  }
  title.last = end;
  title.office_iri = head.iri;
  std::sort(portfolios.begin(), portfolios.end());
  portfolios.erase(std::unique(portfolios.begin(), portfolios.end()), portfolios.end());
  std::string key;
  for (const auto& p : portfolios) key += slug(p) + "-";
  title.office_key = key + slug(head.label);
  return title;
}

namespace {

// A person's name starting at i: capitalised words, initials ("S."), particles ("bin",
// "al-", "van der") between them. Returns the end token, or i when there is no name.
std::size_t read_person_name(const Doc& doc, std::size_t i, std::size_t limit) {
  std::size_t k = i, words = 0, first_word = i;
  while (k < limit && words < 5) {
    const Token& t = doc.token(k);
    if (k > i && !same_sentence(doc, i, k)) break;
    if (is_word(t) && t.capitalised && !is_stopword(t.norm) && !t.all_caps) {
      // A known country or organization ends the name ("... Mehta India")
      if (k > i && doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind != Kind::kPerson) break;
      if (words == 0) first_word = k;
      ++k;
      ++words;
      if (is_initial(doc, k - 1) && k < limit && doc.token(k).norm == "." && glued(doc, k)) ++k;
      // al-Mansouri, Jean-Pierre: a hyphen glued on both sides
      if (k + 1 < limit && is_hyphen(doc.token(k)) && glued(doc, k) && glued(doc, k + 1) &&
          is_word(doc.token(k + 1))) {
        k += 2;
      }
      continue;
    }
    // particles inside a name, or opening it after a title ("Mr de Castro Lima"), several in
    // a row too ("van der Berg", "de la Vega")
    if (is_word(t) && !t.capitalised && doc.lexicon.is(doc.text, k, LexKind::kParticle) && k + 1 < limit &&
        (doc.token(k + 1).capitalised || is_hyphen(doc.token(k + 1)) ||
         (k + 2 < limit && doc.lexicon.is(doc.text, k + 1, LexKind::kParticle) && doc.token(k + 2).capitalised))) {
      ++k;
      if (is_hyphen(doc.token(k)) && glued(doc, k)) ++k;
      continue;
    }
    // "al-Mansouri" after a first name: particle glued to a hyphen
    if (k > i && is_word(t) && !t.capitalised && k + 2 < limit && is_hyphen(doc.token(k + 1)) &&
        glued(doc, k + 1) && doc.lexicon.is(doc.text, k, LexKind::kParticle)) {
      k += 2;
      continue;
    }
    break;
  }
  // A name does not end in a particle or a hyphen ("Min-seo" keeps its lower-case part).
  while (k > i && (is_hyphen(doc.token(k - 1)) ||
                   (!doc.token(k - 1).capitalised && is_word(doc.token(k - 1)) &&
                    !(k >= 2 && is_hyphen(doc.token(k - 2)) && glued(doc, k - 1) && glued(doc, k - 2)))))
    --k;
  // A one-word "name" this article also writes in lower case is a common word
  // ("Minister of Fisheries and Ocean Policy").
  if (words == 1 && doc.is_common_word(doc.token(first_word).norm)) return i;
  return words == 0 ? i : k;
}

// Whether tokens [first, last) are plain name words: no entity found there yet and no word
// the lexicon knows as part of an organization, place, event, office or agreement name.
bool plain_name_words(const Doc& doc, std::size_t first, std::size_t last) {
  static constexpr LexKind kNameParts[] = {
      LexKind::kOrgHead,   LexKind::kOrgPrefix,     LexKind::kPlaceHead, LexKind::kPlacePrefix,
      LexKind::kEventHead, LexKind::kEventPrefix,   LexKind::kOffice,    LexKind::kPortfolio,
      LexKind::kHonorific, LexKind::kAgreementNoun, LexKind::kPlace,     LexKind::kOrganization};
  for (std::size_t k = first; k < last; ++k) {
    if (doc.entity_at[k] || !doc.token(k).capitalised || doc.token(k).kind != TokenKind::kWord) return false;
    for (LexKind kind : kNameParts)
      if (doc.lexicon.longest(doc.text, k, kind)) return false;
  }
  return true;
}

// Whether the word at k is written, capitalised, in a sentence that is not a headline.
bool named_in_body(const Doc& doc, std::size_t k) {
  std::string_view norm = doc.token(k).norm;
  for (std::size_t s = 0; s < doc.text.sentences().size(); ++s) {
    if (doc.is_headline(s)) continue;
    const Sentence& sentence = doc.text.sentences()[s];
    for (std::size_t j = sentence.first; j < sentence.last; ++j)
      if (doc.token(j).capitalised && doc.token(j).norm == norm) return true;
  }
  return false;
}

// The honorific at k, in tokens (its period included): "Dr", "Mr.", "Datuk Seri"; 0 if none.
std::size_t honorific_length(const Doc& doc, std::size_t k, std::size_t limit) {
  if (!doc.token(k).capitalised) return 0;
  auto hit = doc.lexicon.longest(doc.text, k, LexKind::kHonorific);
  if (!hit || k + hit->length >= limit) return 0;
  std::size_t end = k + hit->length;
  if (doc.token(end).norm == "." && glued(doc, end)) ++end;
  return end - k;
}

// Honorifics before a name: "Dr Paolo Ferri", "Prince Faisal", "Datuk Seri Rahim".
std::size_t skip_honorifics(const Doc& doc, std::size_t k, std::size_t limit) {
  while (k + 1 < limit) {
    std::size_t length = honorific_length(doc, k, limit);
    if (length == 0) break;
    k += length;
  }
  return k;
}

// Folded name tokens without periods and hyphens: the identity of a name.
// A hyphenated name is one word: "Owusu-Ansah" is the surname of "Yaw Owusu-Ansah".
std::vector<std::string> name_words(const Doc& doc, std::size_t first, std::size_t last) {
  std::vector<std::string> out;
  bool join = false;
  for (std::size_t k = first; k < last; ++k) {
    const Token& t = doc.token(k);
    if (is_hyphen(t) && glued(doc, k) && glued(doc, k + 1) && !out.empty()) {
      join = true;
      continue;
    }
    if (!is_word(t) || t.norm == "'s") continue;
    if (join) out.back() += "-" + slug(t.norm);
    else out.push_back(slug(t.norm));
    join = false;
  }
  return out;
}

struct PersonCandidate {
  std::size_t first, last;
  std::vector<std::string> words;
  std::string rule;
  std::optional<std::size_t> title;  // index into doc.titles
  bool strong;                       // a full name (two words or more) with a cue
};

// "the two foreign ministers, A and B," / "The foreign ministers of the two countries, A and
// B,": portfolios, a plural office, an optional complement, then two names in apposition.
// Adds both holders with a title each and returns the token after the second name; 0 if the
// text at i is no such title.
std::size_t read_plural_title(Doc& doc, std::size_t i, std::size_t limit, std::vector<PersonCandidate>& people) {
  const auto& lex = doc.lexicon;
  std::size_t k = i;
  while (k < limit) {
    auto portfolio = lex.longest(doc.text, k, LexKind::kPortfolio);
    if (!portfolio) break;
    k += portfolio->length;
  }
  if (k >= limit) return 0;
  std::string_view plural = doc.token(k).norm;
  if (plural.size() < 4 || plural.back() != 's' || !lex.is_form(LexKind::kOffice, plural.substr(0, plural.size() - 1)))
    return 0;
  std::size_t label_end = k + 1;
  std::size_t comma = label_end;
  if (comma < limit && doc.token(comma).norm == "of")
    while (comma < limit && comma < label_end + 6 && doc.token(comma).norm != ",") ++comma;
  if (comma + 1 >= limit || doc.token(comma).norm != ",") return 0;
  std::size_t first_start = comma + 1;
  std::size_t first_end = read_person_name(doc, first_start, limit);
  if (first_end - first_start < 2 || first_end >= limit || doc.token(first_end).norm != "and") return 0;
  std::size_t second_start = first_end + 1;
  std::size_t second_end = read_person_name(doc, second_start, limit);
  if (second_end - second_start < 2) return 0;
  if (second_end < limit && doc.token(second_end).norm != "," && doc.token(second_end).norm != "." &&
      !lex.is(doc.text, second_end, LexKind::kReportingVerb) && !lex.is(doc.text, second_end, LexKind::kMeetingVerb))
    return 0;
  std::string label(doc.text.slice(i, label_end));
  label.pop_back();  // "foreign ministers" -> "foreign minister"
  for (auto [first, last] : {std::pair{first_start, first_end}, std::pair{second_start, second_end}}) {
    Title title{};
    title.first = i;
    title.last = label_end;
    title.label = label;
    title.office_key = slug(label);
    title.shared = true;
    std::size_t index = doc.add_shared_title(title);
    people.push_back({first, last, name_words(doc, first, last), "plural-title+name", index, true});
  }
  return second_end;
}

bool compatible_first_names(const std::string& a, const std::string& b) {
  return a.starts_with(b) || b.starts_with(a);
}

// Classifies one capitalised chunk [first, last) by its head word or its lexicon parts.
void classify_chunk(Doc& doc, std::size_t first, std::size_t last, std::vector<PersonCandidate>& people) {
  const auto& tokens = doc.tokens();
  const auto& lex = doc.lexicon;
  if (first >= last) return;
  // Ordinals are not part of a name: "12th ASEAN ...".
  std::size_t start = first;
  while (start < last && tokens[start].kind == TokenKind::kNumber) ++start;
  if (start < last && tokens[start].norm.size() > 2 && std::isdigit(static_cast<unsigned char>(tokens[start].norm[0])))
    ++start;
  if (start >= last) return;
  // The head: the last word, or "-Plus"/"Plus" after it.
  std::size_t head = last - 1;
  if (head > start && (tokens[head].norm == "plus") ) head = head - 1 - (is_hyphen(tokens[head - 1]) ? 1 : 0);
  auto is_kind = [&](std::size_t at, LexKind kind) {
    for (const auto& m : lex.match(doc.text, at, kind))
      if (at + m.length == head + 1) return true;
    return false;
  };
  auto starts_with = [&](LexKind kind) { return bool(lex.longest(doc.text, start, kind)); };
  bool ends_with_head = false;
  Kind kind = Kind::kOrganization;
  std::string rule;
  for (std::size_t at = start; at <= head && !ends_with_head; ++at) {
    if (is_kind(at, LexKind::kEventHead)) ends_with_head = true, kind = Kind::kEvent, rule = "event-head";
    else if (is_kind(at, LexKind::kPlaceHead)) ends_with_head = true, kind = Kind::kPlace, rule = "place-head";
    else if (is_kind(at, LexKind::kOrgHead)) ends_with_head = true, kind = Kind::kOrganization, rule = "org-head";
    else if (is_kind(at, LexKind::kAgreementNoun)) return;  // agreements have their own extractor
  }
  if (!ends_with_head) {
    if (starts_with(LexKind::kEventPrefix) && last - start >= 2) ends_with_head = true, kind = Kind::kEvent, rule = "event-prefix";
    else if (auto prefix = lex.longest(doc.text, start, LexKind::kOrgPrefix); prefix && last - start > prefix->length)
      ends_with_head = true, kind = Kind::kOrganization, rule = "org-prefix";
    else if (starts_with(LexKind::kPlacePrefix) && last - start >= 2) ends_with_head = true, kind = Kind::kPlace, rule = "place-prefix";
  }
  // "Zhejiang province", "Duqm port", "the Namib desert": a place noun in lower case after it
  if (!ends_with_head && last < tokens.size() && !tokens[last].capitalised &&
      doc.text.sentence_of(last) == doc.text.sentence_of(start) && last - start <= 3) {
    if (auto head_word = lex.longest(doc.text, last, LexKind::kPlaceHead)) {
      std::string name(doc.text.slice(start, last));
      EntityId id = doc.entity(Kind::kPlace, slug(name), name, "place-noun");
      doc.mention(id, start, last, "place-noun");
      doc.add_label(id, std::string(doc.text.slice(start, last + head_word->length)));
      return;
    }
  }
  std::string name(doc.text.slice(start, last));
  if (ends_with_head) {
    // A single head word alone ("Ministry", "Summit") is no name.
    if (last - start < 2) return;
    // "Agreement for the ..." style chunks that start with an agreement noun belong elsewhere.
    if (lex.longest(doc.text, start, LexKind::kAgreementNoun)) return;
    // A company's legal form is not part of its identity: "Eastgate Oil Corp" and
    // "Eastgate Oil" are one company in every article.
    std::string key = slug(name);
    if (kind == Kind::kOrganization && last - start >= 3) {
      std::string_view form = doc.word(last - 1);
      bool legal = form.size() <= 5 && is_kind(last - 1, LexKind::kOrgHead);
      if (legal) key = slug(doc.text.slice(start, last - 1));
    }
    EntityId id = doc.entity(kind, key, name, rule);
    doc.mention(id, start, last, rule);
    return;
  }
  // A person named without a title, where the text gives a cue: a reporting verb after
  // the name, "according to" before it, or an apposition with a title after it.
  std::size_t name_end = read_person_name(doc, start, last);
  if (name_end != last || last - start > 4) {
    // Not a clean name; still record its known single names later through surnames.
    if (last - start == 1) return;
  }
  std::vector<std::string> w = name_words(doc, start, last);
  if (w.empty()) return;
  bool cue = false;
  std::optional<std::size_t> employed_as;  // a title read from "X, banking analyst at Y"
  std::size_t after = last;
  if (after < tokens.size() && doc.text.sentence_of(after) == doc.text.sentence_of(start)) {
    if (lex.is(doc.text, after, LexKind::kReportingVerb)) cue = true;
    if (tokens[after].norm == "," && after + 1 < tokens.size()) {
      std::size_t k = after + 1;
      if (tokens[k].norm == "the" || tokens[k].norm == "a" || tokens[k].norm == "an") ++k;
      // the title after the comma is picked up by the title rule; the holder is this name
      // (k is the text's end when "..., the" are its last words)
      std::optional<Title> title;
      if (k < tokens.size()) title = match_title(doc, k, doc.text.sentences()[doc.text.sentence_of(k)].last);
      if (title) {
        cue = true;
        std::size_t index = doc.add_title(*title);
        people.push_back({start, last, w, "name,title", index, w.size() >= 2});
        return;
      }
    }
    if (tokens[after].norm == "(" && after + 1 < tokens.size() && tokens[after + 1].kind == TokenKind::kHandle) cue = true;
    // "Maya Iyer, banking analyst at ...", "Inés Duarte, a political scientist"
    // With an employer after it the noun is their post: "banking analyst at Fenwick Research".
    if (tokens[after].norm == ",")
      for (std::size_t k = after + 1; k < tokens.size() && k < after + 5 && !tokens[k].capitalised; ++k)
        if (lex.is(doc.text, k, LexKind::kPersonNoun)) {
          cue = true;
          if (k + 2 < tokens.size() && (tokens[k + 1].norm == "at" || tokens[k + 1].norm == "with") &&
              tokens[k + 2].capitalised) {
            std::size_t first = after + 1;
            if (tokens[first].norm == "a" || tokens[first].norm == "an" || tokens[first].norm == "the") ++first;
            Title title{};
            title.first = first;
            title.last = k + 1;
            title.label = std::string(doc.text.slice(first, k + 1));
            title.office_key = slug(title.label);
            employed_as = doc.add_title(title);
          }
          break;
        }
  }
  if (start >= 2 && tokens[start - 1].norm == "to" && tokens[start - 2].norm == "according") cue = true;
  // "Nora Vance of Kestrel Asset Management": plain name words before "of" and a name
  if (last + 1 < tokens.size() && tokens[last].norm == "of" && tokens[last + 1].capitalised && w.size() >= 2 && w.size() <= 3 &&
      plain_name_words(doc, start, last))
    cue = true;
  // "said Inés Duarte, a political scientist"
  if (start >= 1 && !tokens[start - 1].capitalised && lex.is(doc.text, start - 1, LexKind::kReportingVerb)) cue = true;
  if (start >= 1 && (tokens[start - 1].norm == "—" || tokens[start - 1].norm == "-") && tokens[start - 1].line_before) cue = true;
  // "analyst at Fenwick Research", "Nora Vance of Kestrel Asset Management": a name after
  // "at"/"of" that follows a person, a title or a person noun is where they work
  if (!cue && start >= 2 && (tokens[start - 1].norm == "at" || tokens[start - 1].norm == "of") &&
      w.size() >= 2 && !(last < tokens.size() && tokens[last].capitalised)) {
    std::size_t b = start - 2;
    bool person_before = (doc.entity_at[b] && doc.facts.entities[*doc.entity_at[b]].kind == Kind::kPerson) ||
                         lex.is(doc.text, b, LexKind::kPersonNoun) || lex.is(doc.text, b, LexKind::kOffice);
    for (const auto& p : people)
      if (p.last == start - 1) person_before = true;
    if (person_before) {
      EntityId id = doc.entity(Kind::kOrganization, slug(name), name, "at+name");
      doc.mention(id, start, last, "at+name");
      return;
    }
  }
  // "in Tulsa", "near Jinja": an unknown name after a preposition of place
  if (!cue && start > 0 && (tokens[start - 1].norm == "in" || tokens[start - 1].norm == "near") && last - start <= 3 &&
      !is_calendar_word(tokens[start].norm) &&
      !(last < tokens.size() && (tokens[last].norm == "'s" || tokens[last].capitalised))) {
    std::string place(doc.text.slice(start, last));
    EntityId id = doc.entity(Kind::kPlace, slug(place), place, "in+name");
    doc.mention(id, start, last, "in+name");
    return;
  }
  if (w.size() >= 2 && w.size() <= 4 && name_end == last) {
    people.push_back({start, last, w, cue ? "name+cue" : "name", employed_as, cue});
    if (!cue) people.back().words = w;  // weak: kept only if a strong form confirms it
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------

namespace {

// The country of a title the text does not place ("Defence Minister Arun Mehta"): not a
// country another title in the sentence names ("his US counterpart"), but the first other
// country named in the sentence after it ("... said that India would not rush"), else in the
// sentence before, else the article's home country (its dateline, or the most named).
// The organization a title names around it, once every name of the article is known:
// "coordinator of the Bangui-based Women for Justice Network", "chief executive at Cardew",
// "Its leader, ..." (the organization last named), "Tollan Minerale's chief executive"
// (an unknown name before a possessive and a title is an organization's).
std::optional<EntityId> organization_of_title(Doc& doc, const Title& title) {
  const auto& tokens = doc.tokens();
  auto organization_at = [&](std::size_t k) -> std::optional<EntityId> {
    if (k < tokens.size() && doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kOrganization)
      return doc.entity_at[k];
    return std::nullopt;
  };
  std::size_t sentence_first = doc.text.sentences()[doc.text.sentence_of(title.first)].first;
  std::size_t k = title.last;
  if (k + 1 < tokens.size() && (tokens[k].norm == "of" || tokens[k].norm == "at" || tokens[k].norm == "for") &&
      same_sentence(doc, title.first, k + 1)) {
    ++k;
    if (tokens[k].norm == "the") ++k;
    // "the Bangui-based ...", "the London-based ..."
    if (k + 2 < tokens.size() && tokens[k].capitalised && is_hyphen(tokens[k + 1]) && tokens[k + 2].norm == "based") k += 3;
    // "for the opposition Civic Union Party": a word or two in lower case before the name
    for (int words = 0; words < 2 && k < tokens.size() && is_word(tokens[k]) && !tokens[k].capitalised; ++words) ++k;
    if (auto id = organization_at(k)) return id;
  }
  if (title.first == 0) return std::nullopt;
  std::size_t before = title.first - 1;
  if (tokens[before].norm == "its") {
    std::size_t stop = doc.text.sentence_of(title.first) > 0
                           ? doc.text.sentences()[doc.text.sentence_of(title.first) - 1].first
                           : sentence_first;
    for (std::size_t j = before; j-- > stop;)
      if (auto id = organization_at(j)) return id;
    return std::nullopt;
  }
  if (tokens[before].norm == "'s" && before > sentence_first) {
    if (auto id = organization_at(before - 1)) return id;
    std::size_t start = before;
    while (start > sentence_first && before - start < 4 && tokens[start - 1].capitalised && is_word(tokens[start - 1]) &&
           !doc.entity_at[start - 1])
      --start;
    if (start < before && start > sentence_first) {  // not the sentence's first word: "Its", "The"
      std::string name(doc.text.slice(start, before));
      EntityId id = doc.entity(Kind::kOrganization, slug(name), name, "possessive+title");
      doc.mention(id, start, before, "possessive+title");
      return id;
    }
  }
  return std::nullopt;
}

std::optional<EntityId> implied_country(const Doc& doc, const Title& title) {
  std::set<EntityId> taken;
  const std::size_t s = doc.text.sentence_of(title.first);
  doc.titles_by_token.starting_in(doc.text.sentences()[s].first, doc.text.sentences()[s].last,
                                  [&](const Title& other, std::size_t) {
                                    if (&other != &title && other.in) taken.insert(*other.in);
                                  });
  auto country_at = [&](std::size_t k) -> std::optional<EntityId> {
    auto id = doc.entity_at[k];
    if (!id || doc.facts.entities[*id].kind != EntityKind::kCountry || taken.count(*id)) return std::nullopt;
    // a country named as a location is no one's side: "in Kuala Lumpur, Malaysia", "to India"
    if (k > 0) {
      const auto& before = doc.token(k - 1).norm;
      if (before == "in" || before == "at" || before == "to" || before == "from" || before == "near") return std::nullopt;
      if (before == "," && k >= 2 && doc.entity_at[k - 2] &&
          doc.facts.entities[*doc.entity_at[k - 2]].kind == EntityKind::kPlace)
        return std::nullopt;
    }
    bool of_title = false;  // the country a title near it belongs to
    doc.titles_by_token.near(k, 3,
                             [&](const Title& other, std::size_t) { of_title |= other.in == id; });
    return of_title ? std::nullopt : id;
  };
  const auto& sentences = doc.text.sentences();
  // words in quotation marks are someone's speech or a name, not the narrative's sides
  std::vector<bool> quoted(sentences[s].last - sentences[s].first, false);
  bool open = false;
  for (std::size_t k = sentences[s].first; k < sentences[s].last; ++k) {
    const Token& t = doc.token(k);
    if (t.kind == TokenKind::kOpenQuote || (t.kind == TokenKind::kQuote && !open)) open = true;
    else if (t.kind == TokenKind::kCloseQuote || t.kind == TokenKind::kQuote) open = false;
    quoted[k - sentences[s].first] = open;
  }
  for (std::size_t k = title.last; k < sentences[s].last; ++k)
    if (!quoted[k - sentences[s].first])
      if (auto id = country_at(k)) return id;
  for (std::size_t k = sentences[s].first; k < title.first; ++k)
    if (!quoted[k - sentences[s].first])
      if (auto id = country_at(k)) return id;
  for (const std::string& code : doc.countries_by_weight)
    if (auto id = doc.find(EntityKind::kCountry, code); id && !taken.count(*id)) return id;
  return std::nullopt;
}

}  // namespace

void NameExtractor::run(Doc& doc) const {
  find_headlines(doc);
  const auto& tokens = doc.tokens();
  const std::size_t n = tokens.size();
  // It grows as needed: an article has far fewer distinct words than tokens.
  doc.common_words.reset(256);
  for (std::size_t i = 1; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kWord && !t.capitalised && t.norm.size() > 2 && !tokens[i - 1].line_before)
      doc.common_words.insert(t.norm);
  }

  // 1. Lexicon names everywhere (countries, places, international organizations).
  for (std::size_t i = 0; i < n;) {
    auto hit = lexicon_name(doc, i);
    if (!hit) {
      ++i;
      continue;
    }
    // "Washington Post", "Bank of England": a lexicon place inside a longer name is left to
    // the chunk rules, which see the head word.
    EntityId id = lexicon_entity(doc, *hit);
    if (hit->demonym) {
      doc.add_mention(id, i, i + hit->length);
      for (std::size_t k = i; k < i + hit->length; ++k) doc.entity_at[k] = id;
      doc.facts.entities[id].mentions.push_back(doc.text.evidence(i, i + hit->length, "lexicon:demonym"));
    } else {
      doc.mention(id, i, i + hit->length, "lexicon");
    }
    i += hit->length;
  }

  // Dateline: "OSLO, June 3 -" or "New Delhi:" at the start of the body names the home
  // country, used for offices and ministries the text does not place.
  std::map<EntityId, int> country_count;
  for (const Mention& m : doc.mentions) {
    const Entity& e = doc.facts.entities[m.entity];
    if (e.kind == Kind::kCountry) ++country_count[m.entity];
  }
  for (std::size_t s = 0; s < doc.text.sentences().size() && s < 4; ++s) {
    const Sentence& sentence = doc.text.sentences()[s];
    const Token& first = doc.token(sentence.first);
    if (!(sentence.first == 0 || first.line_before)) continue;
    auto at = doc.entity_at[sentence.first];
    if (!at) continue;
    std::size_t k = sentence.first;
    while (k < sentence.last && doc.entity_at[k] == at) ++k;
    if (k < n && (tokens[k].norm == ":" || tokens[k].norm == "," || tokens[k].norm == "-")) {
      const Entity& e = doc.facts.entities[*at];
      if (e.kind == Kind::kPlace) {
        // A place the lexicon knows carries its country's code ("THIMPHU:" gives "bt"); a
        // place found otherwise ("Port Vale City") says nothing, even if a country starts it.
        if (auto hit = lexicon_name(doc, sentence.first);
            hit && hit->kind == Kind::kPlace && sentence.first + hit->length == k)
          doc.home_country = slug(doc.lexicon.entry(hit->concept_index).code);  // a country's key
      } else if (e.kind == Kind::kCountry) {
        doc.home_country = e.key;
      }
      if (!doc.home_country.empty()) break;
    }
  }
  // Countries by weight: the dateline's first, then by how often they are named.
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [id, count] : country_count) ranked.push_back({-count, doc.facts.entities[id].key});
  std::sort(ranked.begin(), ranked.end());
  if (!doc.home_country.empty()) doc.countries_by_weight.push_back(doc.home_country);
  for (const auto& [count, key] : ranked)
    if (key != doc.home_country) doc.countries_by_weight.push_back(key);
  if (doc.home_country.empty() && !ranked.empty()) doc.home_country = ranked.front().second;

  // 2. Chunks: titles with names, honorifics with names, and names by their head word.
  std::vector<PersonCandidate> people;
  for (std::size_t s = 0; s < doc.text.sentences().size(); ++s) {
    const Sentence& sentence = doc.text.sentences()[s];
    bool headline = doc.is_headline(s);
    for (std::size_t i = sentence.first; i < sentence.last;) {
      // A plural title with its holders in apposition: "the two foreign ministers, Ana Ruiz and
      // Tomas Vidal, met": each holds the office; which country is whose, the title does not say.
      if (std::size_t end = read_plural_title(doc, i, sentence.last, people)) {
        i = end;
        continue;
      }
      // Titles (lower case too: "Defence minister Arun Mehta", "the defence minister")
      if (auto title = match_title(doc, i, sentence.last)) {
        std::size_t after = title->last;
        std::size_t name_start = after;
        if (name_start < sentence.last && tokens[name_start].kind == TokenKind::kHandle) ++name_start;
        name_start = skip_honorifics(doc, name_start, sentence.last);
        std::size_t name_end = read_person_name(doc, name_start, sentence.last);
        // "the special representative for West Africa and the Sahel, Lena Okoro, said",
        // "envoy to the region, Ana Ruiz": a complement of the office before the apposition
        if (name_end == name_start && after + 1 < sentence.last &&
            (tokens[after].norm == "for" || tokens[after].norm == "to" || tokens[after].norm == "on")) {
          std::size_t comma = after + 1;
          while (comma < sentence.last && comma < after + 10 && tokens[comma].norm != "," &&
                 tokens[comma].kind != TokenKind::kOpenQuote && tokens[comma].kind != TokenKind::kQuote)
            ++comma;
          if (comma < sentence.last && tokens[comma].norm == ",") after = comma;
        }
        // "Tuvalu's Prime Minister, Tavita Leota, said": the name in apposition after a comma
        if (name_end == name_start && after + 1 < sentence.last && tokens[after].norm == ",") {
          std::size_t start = skip_honorifics(doc, after + 1, sentence.last);
          std::size_t end = read_person_name(doc, start, sentence.last);
          bool closed = end == sentence.last || tokens[end].norm == "," || tokens[end].norm == "." ||
                        doc.lexicon.is(doc.text, end, LexKind::kReportingVerb);
          if (end - start >= 2 && closed) name_start = start, name_end = end;
        }
        // A headline in title case capitalises verbs too ("Energy Minister Seals Deal"): a
        // name there counts only if the body names it as well.
        if (headline && name_end > name_start && !named_in_body(doc, name_end - 1)) name_end = name_start;
        std::size_t title_index = doc.add_title(*title);
        if (name_end > name_start) {
          people.push_back({name_start, name_end, name_words(doc, name_start, name_end), "title+name",
                            title_index, name_end - name_start >= 2});
          i = name_end;
        } else {
          i = title->last;
        }
        continue;
      }
      const Token& t = tokens[i];
      // Person nouns: "candidate Tomas Rivas", "the financier Edwin Pell"
      if (!t.capitalised && doc.lexicon.is(doc.text, i, LexKind::kPersonNoun)) {
        std::size_t k = i + 1;
        if (k < sentence.last && tokens[k].norm == ",") ++k;
        std::size_t name_end = read_person_name(doc, k, sentence.last);
        if (name_end - k >= 2) {
          people.push_back({k, name_end, name_words(doc, k, name_end), "noun+name", std::nullopt, true});
          i = name_end;
          continue;
        }
      }
      // Honorifics: "Mr Mehta", "Dr Ingrid van der Berg", "Sheikh Hamad bin Khalid"
      if (std::size_t honorific = honorific_length(doc, i, sentence.last)) {
        std::size_t k = skip_honorifics(doc, i + honorific, sentence.last);
        std::size_t name_end = read_person_name(doc, k, sentence.last);
        if (name_end > k) {
          people.push_back({k, name_end, name_words(doc, k, name_end), "honorific+name", std::nullopt,
                            name_end - k >= 2});
          // the label with the honorific ("Mr Mehta") is a surface form too
          people.back().rule = "honorific+name";
          i = name_end;
          continue;
        }
      }
      if (!name_word(doc, i) || headline) {
        ++i;
        continue;
      }
      // A lexicon name may open a longer one: "Andes Trade Agency", "Bank of England".
      if (doc.entity_at[i]) {
        std::size_t end = i;
        while (end < sentence.last && doc.entity_at[end] == doc.entity_at[i]) ++end;
        std::size_t next = end;
        if (next + 1 < sentence.last && is_hyphen(tokens[next]) && glued(doc, next) && glued(doc, next + 1)) ++next;
        bool continues = next < sentence.last && name_word(doc, next) && tokens[next].kind == TokenKind::kWord &&
                         (!doc.entity_at[next] || next != end);
        if (!continues) {
          i = end;
          continue;
        }
      }
      // A capitalised chunk: words, "of"/"for"/"and"/"the"/"&" between capitalised words,
      // hyphens and plural apostrophes glued inside.
      std::size_t k = i;
      bool title_follows = false;
      // "Bank of Ghana", "Bank Kenya Limited", "Bank Kenya": after an organization's
      // prefix word a country is part of the name, and an office word ends it.
      const bool org_prefix = bool(doc.lexicon.longest(doc.text, i, LexKind::kOrgPrefix));
      while (k < sentence.last) {
        const Token& c = tokens[k];
        if (k > i && !org_prefix && doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kCountry &&
            doc.entity_at[k] != doc.entity_at[k - 1] && !is_hyphen(tokens[k - 1]) && tokens[k - 1].norm != "of" &&
            tokens[k - 1].norm != "for" && tokens[k - 1].norm != "the")
          break;
        // "Pell, Marsh & Co.", "Ministry of Trade, Industry and Tourism": a comma inside a name
        if (c.norm == "," && k > i && k + 2 < sentence.last && tokens[k + 1].capitalised &&
            ((tokens[k + 2].norm == "&") ||
             (doc.lexicon.longest(doc.text, i, LexKind::kOrgPrefix) && tokens[k + 2].norm == "and"))) {
          ++k;
          continue;
        }
        if ((is_word(c) || c.kind == TokenKind::kNumber) && (c.capitalised || c.all_caps || (k > i && glued(doc, k) && is_hyphen(tokens[k - 1])))) {
          if (c.norm == "'s") break;
          // "Eastgate Chief Executive Ada Whitlock": the chunk before the title names who the
          // office belongs to; the title and the name are read on their own.
          if (k > i && (org_prefix ? k > i + 1 && doc.lexicon.longest(doc.text, k, LexKind::kOffice)
                                   : bool(match_title(doc, k, sentence.last)))) {
            title_follows = true;
            break;
          }
          ++k;
          continue;
        }
        if (c.norm == "'" && glued(doc, k)) {  // Ministers' Meeting
          ++k;
          continue;
        }
        if (is_hyphen(c) && glued(doc, k) && glued(doc, k + 1)) {
          ++k;
          continue;
        }
        if (is_initial(doc, k - 1) && c.norm == "." && glued(doc, k)) {
          ++k;
          continue;
        }
        // name particles join a person's name: "João de Castro Lima", "Ingrid van der Berg"
        if (k > i && !c.capitalised && doc.lexicon.is(doc.text, k, LexKind::kParticle) && k + 1 < sentence.last &&
            (tokens[k + 1].capitalised || doc.lexicon.is(doc.text, k + 1, LexKind::kParticle))) {
          ++k;
          continue;
        }
        // "Nora Vance of Kestrel Asset Management": two or three plain name words before
        // "of" are a person, and the organization starts after it
        if (c.norm == "of" && k - i >= 2 && k - i <= 3 && plain_name_words(doc, i, k)) break;
        if ((c.norm == "of" || c.norm == "for" || c.norm == "and" || c.norm == "&" || c.norm == "the" ||
             c.norm == "on") &&
            k + 1 < sentence.last && (tokens[k + 1].capitalised || tokens[k + 1].norm == "the")) {
          ++k;
          continue;
        }
        break;
      }
      while (k > i && !(tokens[k - 1].capitalised || tokens[k - 1].all_caps || tokens[k - 1].kind == TokenKind::kNumber ||
                        (is_word(tokens[k - 1]) && tokens[k - 1].norm != "'" && glued(doc, k - 1) && is_hyphen(tokens[k - 2]))))
        --k;
      if (title_follows && k - i <= 4 && !doc.entity_at[i]) {
        std::string name(doc.text.slice(i, k));
        EntityId id = doc.entity(Kind::kOrganization, slug(name), name, "name-before-title");
        doc.mention(id, i, k, "name-before-title");
      } else {
        classify_chunk(doc, i, k, people);
      }
      i = std::max(k, i + 1);
    }
  }

  // 3. People: group the full names ("Paul Hendry", "Paul Hendry"), pick the most used
  // form as the label and key, then tie single names and "Mr X" to them.
  struct Group {
    std::vector<std::size_t> members;  // indexes into people
    std::map<std::vector<std::string>, int> forms;
    std::vector<std::string> canonical;
  };
  std::vector<Group> groups;
  auto find_group = [&](const std::vector<std::string>& w) -> std::optional<std::size_t> {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (const auto& [form, count] : groups[g].forms) {
        if (form == w) return g;
        if (form.size() >= 2 && w.size() >= 2 && form.back() == w.back() && compatible_first_names(form.front(), w.front()))
          return g;
        // "Sá Pereira" ends "Rui Sá Pereira"; "Manasa Tuilau" ends "Ratu Manasa Tuilau"
        const auto& shorter = form.size() < w.size() ? form : w;
        const auto& longer = form.size() < w.size() ? w : form;
        if (shorter.size() >= 2 && shorter.size() < longer.size() &&
            std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin()))
          return g;
      }
    }
    return std::nullopt;
  };
  // Strong full names (a title, an honorific or a speech cue) found groups; weak ones (two
  // capitalised words and nothing else) only join a group that a strong form started.
  for (bool strong : {true, false}) {
    for (std::size_t p = 0; p < people.size(); ++p) {
      if (people[p].words.size() < 2 || people[p].strong != strong) continue;
      auto g = find_group(people[p].words);
      if (!g) {
        if (!strong) continue;
        groups.push_back({});
        g = groups.size() - 1;
      }
      groups[*g].members.push_back(p);
      ++groups[*g].forms[people[p].words];
    }
  }
  for (auto& group : groups) {
    int best = -1;
    for (std::size_t m : group.members) {
      const auto& w = people[m].words;
      int count = group.forms[w];
      if (count > best) {
        best = count;
        group.canonical = w;
      }
    }
  }
  // Single names: a surname (or a first name) of exactly one group.
  auto group_of_single = [&](const std::string& word) -> std::optional<std::size_t> {
    std::optional<std::size_t> found;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      bool match = false;
      for (const auto& [form, count] : groups[g].forms)
        for (const auto& w : form)
          if (w == word && w.size() > 2 && !doc.lexicon.is_form(LexKind::kParticle, w)) match = true;
      if (match) {
        if (found) return std::nullopt;  // ambiguous
        found = g;
      }
    }
    return found;
  };
  std::vector<EntityId> group_entity(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& first = people[groups[g].members.front()];
    // The label is the canonical form as first written.
    std::string label;
    for (std::size_t m : groups[g].members)
      if (people[m].words == groups[g].canonical) {
        label = std::string(doc.text.slice(people[m].first, people[m].last));
        break;
      }
    std::string key;
    for (const auto& w : groups[g].canonical) key += (key.empty() ? "" : "-") + w;
    group_entity[g] = doc.entity(Kind::kPerson, key, label, first.rule);
  }
  for (std::size_t p = 0; p < people.size(); ++p) {
    auto& person = people[p];
    std::optional<EntityId> id;
    if (person.words.size() >= 2) {
      auto g = find_group(person.words);
      if (!g) continue;  // a weak name no strong form confirms
      id = group_entity[*g];
    } else if (auto g = group_of_single(person.words.front())) {
      id = group_entity[*g];
    } else if (!person.title && person.rule != "honorific+name") {
      continue;
    } else {
      id = doc.entity(Kind::kPerson, person.words.front(), std::string(doc.text.slice(person.first, person.last)),
                      person.rule);
    }
    doc.mention(*id, person.first, person.last, person.rule);
    // "Mr Mehta": the honorific form is a surface form too
    if (person.rule == "honorific+name") {
      // the honorifics just before the name, however many words they take ("Datuk Seri")
      for (std::size_t back = std::min<std::size_t>(person.first, 4); back >= 1; --back) {
        std::size_t h = person.first - back;
        if (honorific_length(doc, h, person.last) && skip_honorifics(doc, h, person.last) == person.first) {
          doc.add_label(*id, std::string(doc.text.slice(h, person.last)));
          break;
        }
      }
    }
    if (person.title) doc.titles[*person.title].holder = id;
  }

  // Remaining single capitalised words that are a known surname: "Mehta noted that ..."
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.entity_at[i] || !is_word(tokens[i]) || !tokens[i].capitalised || is_stopword(tokens[i].norm)) continue;
    if (i + 1 < n && is_hyphen(tokens[i + 1]) && glued(doc, i + 1)) continue;
    if (i > 0 && is_hyphen(tokens[i - 1]) && glued(doc, i)) continue;
    if (auto g = group_of_single(slug(tokens[i].norm))) doc.mention(group_entity[*g], i, i + 1, "surname");
  }

  // Handles: "@arunmehta" spells a known name; "Name (@handle)" and "@handle Name" tie a
  // handle to the name beside it.
  for (std::size_t i = 0; i < n; ++i) {
    if (tokens[i].kind != TokenKind::kHandle) continue;
    std::string handle = slug(doc.word(i));
    std::optional<EntityId> id;
    for (std::size_t g = 0; g < groups.size() && !id; ++g) {
      std::string joined;
      for (const auto& w : groups[g].canonical) joined += w;
      if (handle == joined) id = group_entity[g];
    }
    if (!id && i >= 2 && tokens[i - 1].norm == "(" && doc.entity_at[i - 2] &&
        doc.facts.entities[*doc.entity_at[i - 2]].kind == Kind::kPerson)
      id = doc.entity_at[i - 2];
    if (!id && i + 1 < n && doc.entity_at[i + 1] && doc.facts.entities[*doc.entity_at[i + 1]].kind == Kind::kPerson &&
        same_sentence(doc, i, i + 1))
      id = doc.entity_at[i + 1];
    if (id) doc.mention(*id, i, i + 1, "handle");
  }
  // A handle tied to a person anywhere is that person everywhere in the article.
  for (std::size_t i = 0; i < n; ++i) {
    if (tokens[i].kind != TokenKind::kHandle || doc.entity_at[i]) continue;
    for (const Mention& m : doc.mentions) {
      if (m.last - m.first == 1 && tokens[m.first].kind == TokenKind::kHandle && tokens[m.first].norm == tokens[i].norm) {
        doc.mention(m.entity, i, i + 1, "handle");
        break;
      }
    }
  }

  // Ministries described, not named: "the defence ministry", "Portugal's foreign ministry".
  // One organization per portfolio and country (the text's, else the home country).
  for (std::size_t i = 0; i < n; ++i) {
    if (doc.entity_at[i] || !doc.lexicon.longest(doc.text, i, LexKind::kPortfolio)) continue;
    if (i > 0 && tokens[i - 1].capitalised && !doc.entity_at[i - 1] && !tokens[i - 1].line_before) continue;
    std::size_t k = i;
    std::vector<std::string> portfolios;
    while (k < n) {
      auto p = doc.lexicon.longest(doc.text, k, LexKind::kPortfolio);
      if (!p) break;
      portfolios.push_back(doc.lexicon.entry(p->concept_index).label);
      k += p->length;
      if (k + 1 < n && tokens[k].norm == "and" && doc.lexicon.longest(doc.text, k + 1, LexKind::kPortfolio)) ++k;
    }
    if (k >= n || (tokens[k].norm != "ministry" && tokens[k].norm != "department")) continue;
    std::optional<EntityId> country;
    std::size_t before = i;
    if (before > 0 && tokens[before - 1].norm == "'s") --before;
    if (before > 0 && doc.entity_at[before - 1] &&
        doc.facts.entities[*doc.entity_at[before - 1]].kind == Kind::kCountry)
      country = doc.entity_at[before - 1];
    if (!country && !doc.home_country.empty()) country = doc.find(Kind::kCountry, doc.home_country);
    std::sort(portfolios.begin(), portfolios.end());
    std::string key = std::string(tokens[k].norm) + "-of";
    for (const auto& p : portfolios) key += "-" + slug(p);
    if (country) key += "-" + doc.facts.entities[*country].key;
    std::string label(doc.text.slice(i, k + 1));
    EntityId id = doc.entity(Kind::kOrganization, key, label, "ministry-description");
    // the class comes from the lexicon's kind for "ministry" (org-kinds.ttl)
    if (auto head = doc.lexicon.longest(doc.text, k, LexKind::kOrgHead))
      doc.facts.entities[id].extra_class = doc.lexicon.entry(head->concept_index).entity_class;
    doc.mention(id, i, k + 1, "ministry-description");
    i = k;
  }

  // 4. Acronyms introduced in brackets: "Andes Trade Agency (KTA)", "Meeting-Plus (ADMM-Plus)".
  // An acronym starts with an all-caps token; where each such token stands is listed on the
  // first acronym, since scanning the article for every acronym made long ones quadratic.
  std::unordered_map<std::string_view, std::vector<std::size_t>> all_caps_at;
  bool listed = false;
  auto uses_of = [&](std::string_view first_word) -> const std::vector<std::size_t>& {
    if (!listed) {
      for (std::size_t k = 0; k < n; ++k)
        if (tokens[k].all_caps) all_caps_at[doc.word(k)].push_back(k);
      listed = true;
    }
    return all_caps_at[first_word];  // the acronym's own token is there: never a new entry
  };
  for (std::size_t i = 1; i + 2 < n; ++i) {
    if (!one_of(tokens[i].norm, {"("})) continue;
    std::size_t close = i + 1;
    while (close < n && close < i + 5 && tokens[close].norm != ")") ++close;
    if (close >= n || tokens[close].norm != ")" || !tokens[i + 1].all_caps) continue;
    auto before = doc.entity_at[i - 1];
    if (!before) continue;
    Entity& e = doc.facts.entities[*before];
    if (e.kind == Kind::kPerson || e.kind == Kind::kCountry) continue;
    std::string acronym(doc.text.slice(i + 1, close));
    // Every later use of the acronym is this entity.
    doc.mention(*before, i + 1, close, "acronym");
    const std::size_t length = close - i - 1;
    const auto& uses = uses_of(doc.word(i + 1));
    for (auto k = std::upper_bound(uses.begin(), uses.end(), close);
         k != uses.end() && *k + length <= n; ++k) {
      if (doc.text.slice(*k, *k + length) == acronym) {
        auto old = doc.entity_at[*k];
        if (old && *old != *before) continue;
        doc.mention(*before, *k, *k + length, "acronym");
      }
    }
  }
  // Acronyms met alone, with no definition: an organization (news style: "ANI", "NATO").
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (doc.entity_at[i] || !t.all_caps || !is_word(t) || t.norm.size() < 2 || t.norm.size() > 6) continue;
    if (doc.is_headline(doc.text.sentence_of(i))) continue;
    if (i + 1 < n && (is_hyphen(tokens[i + 1]) && glued(doc, i + 1))) continue;
    if (i > 0 && is_hyphen(tokens[i - 1]) && glued(doc, i)) continue;
    std::string acronym(doc.word(i));
    if (acronym.find('.') != std::string::npos) continue;
    // "GDP", "CEO", Roman numerals ("Mohammed VI") and two-letter abbreviations are no names
    if (doc.lexicon.is(doc.text, i, LexKind::kCommonAcronym) || doc.lexicon.is(doc.text, i, LexKind::kOffice)) continue;
    if (acronym.size() <= 2 || acronym.find_first_not_of("IVXLC") == std::string::npos) continue;
    EntityId id = doc.entity(Kind::kOrganization, slug(acronym), acronym, "acronym");
    doc.mention(id, i, i + 1, "acronym");
  }

  // Organizations named short after their full name ("Eastgate" for "Eastgate Oil
  // Corp"): a name whose words begin a longer organization's name is that organization.
  // A slug's words are its hyphen-separated parts, so the words of `shorter` begin those of
  // `longer` when its slug and a hyphen do; each organization's slug is made once.
  std::vector<std::string> organization_slug(doc.facts.entities.size());
  for (EntityId e = 0; e < doc.facts.entities.size(); ++e)
    if (doc.facts.entities[e].kind == Kind::kOrganization)
      organization_slug[e] = slug(doc.facts.entities[e].label);
  for (EntityId shorter = 0; shorter < doc.facts.entities.size(); ++shorter) {
    const Entity& s = doc.facts.entities[shorter];
    // a short company name may have been taken for a place after "in" or for an untitled
    // person; the full organization name settles it
    bool guessed = s.rule == "in+name" || s.rule == "name" || s.rule == "name+cue";
    if ((s.kind != Kind::kOrganization && !guessed) || s.merged_into || s.rule.starts_with("lexicon")) continue;
    std::string short_slug =
        s.kind == Kind::kOrganization ? organization_slug[shorter] : slug(s.label);
    if (short_slug.empty()) continue;
    std::optional<EntityId> target;
    for (EntityId longer = 0; longer < doc.facts.entities.size(); ++longer) {
      const Entity& l = doc.facts.entities[longer];
      if (longer == shorter || l.kind != Kind::kOrganization || l.merged_into) continue;
      const std::string& long_slug = organization_slug[longer];
      if (!(long_slug.starts_with(short_slug) && long_slug.size() > short_slug.size() &&
            long_slug[short_slug.size()] == '-'))
        continue;
      if (target && *target != longer) {
        target.reset();  // ambiguous
        break;
      }
      target = longer;
    }
    if (target) doc.merge(shorter, *target);
  }

  // Names known from the body, met again in a headline.
  for (std::size_t s : doc.headline_sentences) {
    const Sentence& sentence = doc.text.sentences()[s];
    for (std::size_t i = sentence.first; i < sentence.last; ++i) {
      if (doc.entity_at[i] || !tokens[i].capitalised) continue;
      if (auto g = group_of_single(slug(tokens[i].norm)); g && !(i + 1 < sentence.last && tokens[i + 1].capitalised)) {
        doc.mention(group_entity[*g], i, i + 1, "surname");
      }
    }
  }

  // Appositions: "Sheikh Hamad, the Emirati energy minister, said" gives the title to the
  // person just before the comma; "chairman of the Lake Fisheries Management Unit" is in that unit.
  for (Title& title : doc.titles) {
    std::size_t k = title.first;
    while (k > 0 && (tokens[k - 1].norm == "the" || tokens[k - 1].norm == "a" || tokens[k - 1].norm == "an")) --k;
    if (!title.holder && k >= 2 && tokens[k - 1].norm == "," && doc.entity_at[k - 2] &&
        doc.facts.entities[*doc.entity_at[k - 2]].kind == Kind::kPerson && same_sentence(doc, k - 2, title.first))
      title.holder = doc.entity_at[k - 2];
    // "Tollan Minerale's chief executive": the organization known by now
    if (!title.in && title.first >= 2 && tokens[title.first - 1].norm == "'s")
      if (auto e = doc.entity_at[title.first - 2]) {
        auto kind = doc.facts.entities[*e].kind;
        if (kind == Kind::kOrganization || kind == Kind::kCountry) title.in = e;
      }
    std::size_t after = title.last;
    if (!title.in && after + 1 < n && (tokens[after].norm == "of" || tokens[after].norm == "at") &&
        same_sentence(doc, title.first, after + 1)) {
      std::size_t at = after + 1;
      if (tokens[at].norm == "the" && at + 1 < n) ++at;
      if (auto e = doc.entity_at[at]) {
        auto kind = doc.facts.entities[*e].kind;
        if (kind == Kind::kOrganization || kind == Kind::kCountry) title.in = e;
      }
    }
  }

  // Titles without a name that repeat an office a named person holds here:
  // "the US Defence Secretary added" is Hendry.
  // The titles with a holder by office, those given one here included as they are given it:
  // a scan of all titles for each made long articles quadratic.
  std::unordered_map<std::string_view, std::vector<std::size_t>> held;
  for (std::size_t t = 0; t < doc.titles.size(); ++t)
    if (doc.titles[t].holder) held[doc.titles[t].office_key].push_back(t);
  for (std::size_t t = 0; t < doc.titles.size(); ++t) {
    Title& title = doc.titles[t];
    if (title.holder) continue;
    auto same_office = held.find(title.office_key);
    if (same_office == held.end()) continue;
    std::optional<EntityId> holder;
    bool ambiguous = false;
    for (std::size_t o : same_office->second) {
      const Title& other = doc.titles[o];
      if (title.in && other.in && *title.in != *other.in) continue;
      if (holder && *holder != *other.holder) ambiguous = true;
      holder = other.holder;
    }
    if (holder && !ambiguous) {
      // a nominal mention: it points to the person but is not one of its names
      doc.add_mention(*holder, title.first, title.last);
      for (std::size_t k = title.first; k < title.last; ++k)
        if (!doc.entity_at[k]) doc.entity_at[k] = holder;
      doc.facts.entities[*holder].mentions.push_back(doc.text.evidence(title.first, title.last, "title-reference"));
      title.holder = holder;
      title.reference = true;
      same_office->second.push_back(t);
    }
  }

  // Posts: each title with a holder.
  for (Title& title : doc.titles) {
    if (!title.holder || title.reference) continue;
    if (!title.in) title.in = organization_of_title(doc, title);
    Post post;
    post.label = title.label;
    post.office = title.office_iri;
    post.office_key = title.office_key;
    post.holder = *title.holder;
    post.post_in = title.in ? title.in : title.shared ? std::nullopt : implied_country(doc, title);
    post.evidence = doc.text.evidence(title.first, title.last, "title");
    doc.facts.posts.push_back(std::move(post));
  }

  std::sort(doc.mentions.begin(), doc.mentions.end(), [](const Mention& a, const Mention& b) {
    return std::tie(a.first, a.last, a.entity) < std::tie(b.first, b.last, b.entity);
  });
}

}  // namespace newskg::extract
