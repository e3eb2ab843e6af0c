#include "extract/events.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "extract/dates.hpp"

namespace newskg::extract {
namespace {

using Kind = EntityKind;

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "its" || w == "their" ||
         w == "our" || w == "any" || w == "his" || w == "her" || w == "these" || w == "those" || w == "such" ||
         w == "no" || w == "every" || w == "each" || w == "latest";
}

// Words of a description that name its subject: "defence" in "the 10-year water framework".
std::string domain_word(std::string w) {
  if (w == "defense") return "defence";
  return w;
}

struct AgreementMention {
  std::size_t first, last;     // the whole phrase, determiners excluded
  std::size_t noun;            // the agreement noun's first token
  std::set<std::string> domain;
  std::set<EntityId> parties;  // countries named inside
  std::string duration;
  bool named = false;          // capitalised: a name, not a description
  std::string noun_kind;       // the agreement noun's concept ("treaty"), empty when generic
  std::size_t cluster = 0;
};

struct Cluster {
  std::vector<std::size_t> mentions;
  std::set<std::string> domain;
  std::map<std::string, int> domain_count;
  std::set<EntityId> parties;
  std::string duration;
  std::set<std::string> noun_kinds;  // the specific nouns its mentions use
  std::string label;
  bool named = false;
  std::optional<EntityId> entity;
};

bool compatible(const AgreementMention& m, const Cluster& c) {
  // "the memorandum" is not the treaty named before; "the deal" may be anything
  if (!m.noun_kind.empty() && !c.noun_kinds.empty() && !c.noun_kinds.count(m.noun_kind)) return false;
  if (!m.domain.empty() && !c.domain.empty()) {
    bool shared = std::any_of(m.domain.begin(), m.domain.end(), [&](auto& w) { return c.domain.count(w) > 0; });
    if (!shared) return false;
  }
  if (!m.duration.empty() && !c.duration.empty() && m.duration != c.duration) return false;
  if (!m.parties.empty() && !c.parties.empty()) {
    bool subset = std::includes(c.parties.begin(), c.parties.end(), m.parties.begin(), m.parties.end()) ||
                  std::includes(m.parties.begin(), m.parties.end(), c.parties.begin(), c.parties.end());
    if (!subset) return false;
  }
  return true;
}

std::vector<AgreementMention> find_agreements(Doc& doc) {
  const auto& tokens = doc.tokens();
  const auto& lex = doc.lexicon;
  std::vector<AgreementMention> found;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto noun = lex.longest(doc.text, i, LexKind::kAgreementNoun);
    if (!noun) continue;
    const Concept& entry = lex.entry(noun->concept_index);
    std::size_t end = i + noun->length;
    // compound nouns: "framework agreement"
    while (end < tokens.size() && lex.longest(doc.text, end, LexKind::kAgreementNoun) &&
           doc.text.sentence_of(end) == doc.text.sentence_of(i))
      end += lex.longest(doc.text, end, LexKind::kAgreementNoun)->length;
    std::string_view last_word = doc.word(end - 1);
    std::string pref = fold(entry.label);
    // plurals are generic ("trade deals are about trust"); so is "deal" as a verb
    if (tokens[end - 1].norm.ends_with("s") && !pref.ends_with("s") && !tokens[end - 1].norm.ends_with("ss")) {
      i = end - 1;
      continue;
    }
    if (i > 0 && (tokens[i - 1].norm == "to" || tokens[i - 1].norm == "will" || tokens[i - 1].norm == "would") &&
        tokens[i].norm == "deal") continue;
    (void)last_word;
    AgreementMention m{};
    m.noun = i;
    // the last noun of a compound ("framework agreement") says what kind of agreement it is
    std::size_t head = end - 1;
    while (head > i && tokens[head].kind != TokenKind::kWord) --head;
    for (std::size_t k = i; k < end; ++k)
      if (auto n = lex.longest(doc.text, k, LexKind::kAgreementNoun); n && k + n->length == end) head = k;
    if (!lex.longest(doc.text, head, LexKind::kGenericAgreementNoun))
      m.noun_kind = lex.entry(lex.longest(doc.text, head, LexKind::kAgreementNoun)->concept_index).iri;
    std::size_t sentence_first = doc.text.sentences()[doc.text.sentence_of(i)].first;
    std::size_t sentence_last = doc.text.sentences()[doc.text.sentence_of(i)].last;
    // right: "Framework for the Peru-Chile Water Partnership", "agreement for the US-India “major defence partnership”"
    if (end + 2 < sentence_last && (tokens[end].norm == "for" || tokens[end].norm == "on" || tokens[end].norm == "of")) {
      std::size_t k = end + 1;
      if (tokens[k].norm == "the") ++k;
      std::size_t j = k;
      bool quoted = false;
      while (j < sentence_last) {
        const Token& t = tokens[j];
        if (t.kind == TokenKind::kOpenQuote && !quoted) {
          quoted = true;
          ++j;
          continue;
        }
        if (quoted) {
          ++j;
          if (t.kind == TokenKind::kCloseQuote || t.kind == TokenKind::kQuote) break;
          continue;
        }
        // a date is not part of the name: "accord on Tuesday"
        bool date = false;
        doc.dates_by_token.near(j, 0, [&](const Date&, std::size_t) { date = true; });
        if (!date && (t.capitalised || t.all_caps || (t.norm == "-" && !t.space_before))) {
          ++j;
          continue;
        }
        break;
      }
      if (j > k + 0 && (quoted || tokens[k].capitalised)) end = j;
    }
    // left: modifiers back to a determiner, a verb or punctuation
    std::size_t first = i;
    while (first > sentence_first && i - first < 6) {
      const Token& t = tokens[first - 1];
      if (t.kind == TokenKind::kPunct && !(t.norm == "-" && !tokens[first].space_before && !t.space_before)) break;
      if (t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote || t.kind == TokenKind::kQuote) break;
      if (t.norm == "'s" || t.norm == "'") break;
      // "sports and cultural cooperation agreement": "and" between two modifiers
      bool joins = t.norm == "and" && first - 1 > sentence_first && tokens[first - 2].kind == TokenKind::kWord &&
                   !is_stopword(tokens[first - 2].norm) && !is_determiner(tokens[first - 2].norm);
      if (t.kind == TokenKind::kWord && !joins && (is_stopword(t.norm) || is_determiner(t.norm))) break;
      if (lex.is(doc.text, first - 1, LexKind::kSigningVerb) || lex.is(doc.text, first - 1, LexKind::kReportingVerb)) break;
      if (t.kind == TokenKind::kWord && !t.capitalised && t.norm.ends_with("ed") && t.norm.size() > 5 &&
          !lex.is(doc.text, first - 1, LexKind::kGenericModifier))
        break;  // a verb: "sealed", "inked"
      --first;
    }
    // "an all-stock deal": a hyphenated modifier stays whole
    if (first < i && tokens[first].norm == "-" && first > sentence_first) --first;
    // generic modifiers and durations at the front are not part of the name
    std::size_t name_first = first;
    for (std::size_t k = first; k < i; ++k) {
      std::size_t dur_end = 0;
      std::string d = duration_at(doc, k, &dur_end);
      if (!d.empty()) {
        m.duration = d;
        k = dur_end - 1;
        continue;
      }
      const Token& t = tokens[k];
      if (t.kind == TokenKind::kNumber && t.norm.size() == 4) continue;  // "the 2025 framework"
      if (lex.is(doc.text, k, LexKind::kGenericModifier)) continue;
      if (t.kind != TokenKind::kWord) continue;
      if (doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kCountry) {
        m.parties.insert(*doc.entity_at[k]);
        continue;
      }
      m.domain.insert(domain_word(slug(t.norm)));
    }
    (void)name_first;
    // durations right before: "the 10 years ‘Framework …’"
    for (std::size_t k = end; k < sentence_last && k < end + 3; ++k) {
      std::string d = duration_at(doc, k);
      if (!d.empty() && tokens[k - 1].norm == "for") m.duration = d;
    }
    for (std::size_t k = i; k < end; ++k) {
      if (doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kCountry) m.parties.insert(*doc.entity_at[k]);
      const Token& t = tokens[k];
      if (k >= i + noun->length && t.kind == TokenKind::kWord && !lex.is(doc.text, k, LexKind::kGenericModifier) &&
          !lex.longest(doc.text, k, LexKind::kAgreementNoun) && !is_stopword(t.norm) &&
          !(doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kCountry))
        m.domain.insert(domain_word(slug(t.norm)));
    }
    m.first = first;
    m.last = end;
    m.named = tokens[i].capitalised && !doc.is_headline(doc.text.sentence_of(i)) && i != sentence_first;
    found.push_back(m);
    i = end - 1;
  }
  return found;
}

std::string label_of(const Doc& doc, const AgreementMention& m) {
  // Without determiners; generic modifiers and durations stay, as the text says them.
  std::size_t first = m.first;
  while (first < m.noun && doc.lexicon.is(doc.text, first, LexKind::kGenericModifier)) ++first;
  return std::string(doc.text.slice(first, m.last));
}

// Persons in [first, last) joined by "and" / ",": the subjects of "X and Y signed".
std::vector<EntityId> people_in(const Doc& doc, std::size_t first, std::size_t last, Kind kind = Kind::kPerson) {
  std::vector<EntityId> out;
  for (std::size_t k = first; k < last; ++k) {
    std::optional<EntityId> id = kind == Kind::kPerson ? doc.title_holder_at(k) : std::nullopt;
    if (!id && doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == kind) id = doc.entity_at[k];
    if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  }
  return out;
}

// How far back (in tokens) a verb's subject is looked for; longer clauses are not news prose.
constexpr std::size_t kClauseReach = 60;

// Where the clause of the verb at v begins: after the last subordinating word or semicolon
// before it. "Han, who met Turki" keeps "Han" (the relative pronoun points back to it).
std::size_t clause_start(const Doc& doc, std::size_t first, std::size_t v) {
  for (std::size_t k = v; k > first; --k) {
    const auto& w = doc.token(k - 1).norm;
    if (w == "after" || w == "before" || w == "when" || w == "while" || w == "since" || w == "as" ||
        w == "because" || w == ";" || w == "but" || w == "although" || w == "though" || w == "that")
      return k;
    if (w == "who" && k >= 3 && doc.token(k - 2).norm == ",") {
      std::size_t start = k - 2;
      while (start > first && doc.entity_at[start - 1]) --start;
      return start;
    }
  }
  return first;
}

// Countries and organizations named in [first, last) as actors, not as the country of a
// title ("Iceland's fisheries minister", "US Secretary of War").
// "by the prime ministers of Fiji, Tuvalu and Tonga" (from the token after "by"): the
// countries sign, and so does whoever the article names as holding that office in each.
void office_holders_of(const Doc& doc, std::size_t k, std::size_t last, std::vector<EntityId>& signers,
                       std::vector<EntityId>& countries) {
  const auto& tokens = doc.tokens();
  if (k < last && tokens[k].norm == "the") ++k;
  std::size_t of = k;
  while (of < last && of < k + 4 && !tokens[of].capitalised && tokens[of].kind == TokenKind::kWord && tokens[of].norm != "of")
    ++of;
  if (of == k || of + 1 >= last || tokens[of].norm != "of") return;
  std::string_view plural = tokens[of - 1].norm;
  if (plural.size() < 3 || plural.back() != 's') return;
  std::string_view office(plural.data(), plural.size() - 1);  // "ministers" -> "minister"
  for (std::size_t j = of + 1; j < last; ++j) {
    const auto& w = tokens[j].norm;
    if (w == "," || w == "and" || w == "the") continue;
    auto id = doc.entity_at[j];
    if (!id || doc.facts.entities[*id].kind != Kind::kCountry) break;
    if (std::find(countries.begin(), countries.end(), *id) != countries.end()) continue;
    countries.push_back(*id);
    while (j + 1 < last && doc.entity_at[j + 1] == id) ++j;
    for (const Post& post : doc.facts.posts) {
      std::string label = post.label;
      std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return std::tolower(c); });
      if (post.post_in == id && label.ends_with(office) &&
          (label.size() == office.size() || label[label.size() - office.size() - 1] == ' '))
        signers.push_back(post.holder);
    }
  }
}

std::vector<EntityId> parties_in(const Doc& doc, std::size_t first, std::size_t last) {
  std::vector<EntityId> out;
  int depth = 0;  // words in brackets are asides: "OSLO, June 3 (Fjordwire) - Norway and ..."
  for (std::size_t k = first; k < last; ++k) {
    if (doc.token(k).norm == "(") ++depth;
    if (doc.token(k).norm == ")" && depth > 0) --depth;
    if (depth > 0) continue;
    auto id = doc.entity_at[k];
    if (!id) continue;
    Kind kind = doc.facts.entities[*id].kind;
    if (kind != Kind::kCountry && kind != Kind::kOrganization) continue;
    bool of_title = false;
    doc.titles_by_token.near(k, 3, [&](const Title& t, std::size_t) { of_title |= t.in == id; });
    if (!of_title && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  }
  return out;
}

std::optional<EntityId> place_in(const Doc& doc, std::size_t first, std::size_t last) {
  for (std::size_t k = first + 1; k < last; ++k) {
    const Token& prev = doc.token(k - 1);
    if (prev.norm != "in" && prev.norm != "at") continue;
    std::size_t j = k;
    if (doc.token(j).norm == "the") ++j;
    if (j < last && doc.entity_at[j] && doc.facts.entities[*doc.entity_at[j]].kind == Kind::kPlace) return doc.entity_at[j];
  }
  return std::nullopt;
}

std::string date_in(const Doc& doc, std::size_t first, std::size_t last) {
  std::optional<std::size_t> found;  // the first date found inside
  doc.dates_by_token.starting_in(first, last, [&](const Date& d, std::size_t index) {
    if (d.last <= last && !d.iso.empty() && (!found || index < *found)) found = index;
  });
  if (found) return doc.dates[*found].iso;
  if (const Voice* post = doc.dated_voice_at(first)) return post->date;
  return {};
}

// "I", "we", "my": the author of the post or quote they stand in.
void add_first_person(const Doc& doc, std::size_t first, std::size_t last, std::vector<EntityId>& people) {
  for (std::size_t k = first; k < last; ++k) {
    const auto& w = doc.token(k).norm;
    if (w != "i" && w != "we" && w != "my") continue;
    if (const Voice* v = doc.voice_at(k))
      if (std::find(people.begin(), people.end(), v->author) == people.end()) people.push_back(v->author);
  }
}

}  // namespace

void AgreementExtractor::run(Doc& doc) const {
  auto mentions = find_agreements(doc);
  std::vector<Cluster> clusters;
  const auto& tokens = doc.tokens();
  for (std::size_t index = 0; index < mentions.size(); ++index) {
    AgreementMention& m = mentions[index];
    // the most recent compatible agreement, else a new one
    std::optional<std::size_t> target;
    for (std::size_t c = clusters.size(); c-- > 0;)
      if (compatible(m, clusters[c])) {
        target = c;
        break;
      }
    bool descriptive = m.domain.empty() && m.parties.empty() && !m.named;
    if (!target || (!descriptive && !clusters[*target].domain.empty() == false && false)) {
      clusters.push_back({});
      target = clusters.size() - 1;
    }
    Cluster& c = clusters[*target];
    c.mentions.push_back(index);
    for (const auto& w : m.domain) {
      c.domain.insert(w);
      ++c.domain_count[w];
    }
    c.parties.insert(m.parties.begin(), m.parties.end());
    if (!m.noun_kind.empty()) c.noun_kinds.insert(m.noun_kind);
    if (c.duration.empty()) c.duration = m.duration;
    m.cluster = *target;
  }

  // Signing: a signing verb with an agreement in its sentence.
  std::vector<AgreementFacts> facts(clusters.size());
  std::vector<bool> signed_(clusters.size(), false), negotiated(clusters.size(), false);
  // The mentions by token, and the last one listed that ends before the sentence: a scan of
  // all mentions per verb made long articles quadratic.
  TokenIndex<AgreementMention> mentions_at(mentions);
  std::vector<std::size_t> by_end(mentions.size());
  std::iota(by_end.begin(), by_end.end(), std::size_t{0});
  std::stable_sort(by_end.begin(), by_end.end(), [&](std::size_t a, std::size_t b) {
    return mentions[a].last < mentions[b].last;
  });
  std::size_t ended = 0;                  // mentions in by_end that end before the sentence
  std::optional<std::size_t> last_ended;  // the one of them listed last
  for (std::size_t s = 0; s < doc.text.sentences().size(); ++s) {
    const Sentence& sentence = doc.text.sentences()[s];
    for (; ended < by_end.size() && mentions[by_end[ended]].last <= sentence.first; ++ended)
      last_ended = std::max(last_ended.value_or(0), by_end[ended]);
    for (std::size_t v = sentence.first; v < sentence.last; ++v) {
      auto verb = doc.lexicon.longest(doc.text, v, LexKind::kSigningVerb);
      if (!verb) continue;
      // which agreement: the nearest mention in the sentence, after the verb first (the first
      // listed), else before it (the last listed)
      std::optional<std::size_t> after, before;
      mentions_at.starting_in(v, sentence.last, [&](const AgreementMention&, std::size_t m) {
        if (!after || m < *after) after = m;
      });
      mentions_at.starting_in(sentence.first, v, [&](const AgreementMention& m, std::size_t index) {
        if (m.last <= v && (!before || index > *before)) before = index;
      });
      // "It was signed by ...", "X and Y signed the document": the agreement last named
      std::optional<std::size_t> nearest = after ? after : before ? before : last_ended;
      if (!nearest) continue;
      const std::size_t which = mentions[*nearest].cluster;
      bool prospective = false;
      for (std::size_t k = v; k > sentence.first && k + 3 > v; --k) {
        const auto& w = tokens[k - 1].norm;
        if (w == "to" || w == "will" || w == "would" || w == "could" || w == "not" || w == "may") prospective = true;
      }
      // "met X to sign the framework" is a signing
      if (prospective && v >= 2 && tokens[v - 1].norm == "to") {
        for (std::size_t k = sentence.first; k + 1 < v; ++k)
          if (doc.lexicon.is(doc.text, k, LexKind::kMeetingVerb)) prospective = false;
      }
      if (prospective) {
        negotiated[which] = true;
        continue;
      }
      signed_[which] = true;
      AgreementFacts& f = facts[which];
      f.evidence.push_back(doc.text.evidence(sentence.first, sentence.last, "agreement:signing"));
      // signatories: persons before the verb, or after "by"; parties: countries before the verb
      std::vector<EntityId> signers = people_in(doc, sentence.first, v);
      for (std::size_t k = v; k + 1 < sentence.last; ++k)
        if (tokens[k].norm == "by") {
          // the signers end where the circumstances begin: "... at a ceremony hosted by X",
          // "... in the presence of Y", "... on behalf of Z"
          std::size_t by_end = k + 1;
          while (by_end < sentence.last) {
            const auto& w = tokens[by_end].norm;
            if (w == "at" || w == "in" || w == "during" || w == "on" || w == "hosted" || w == "witnessed" ||
                w == "before" || w == "after" || w == "while" || w == "who" || w == "which" || w == "where")
              break;
            ++by_end;
          }
          auto after = people_in(doc, k + 1, by_end);
          signers.insert(signers.end(), after.begin(), after.end());
          std::vector<EntityId> countries;
          office_holders_of(doc, k + 1, by_end, signers, countries);
          for (EntityId c : countries)
            if (std::find(f.parties.begin(), f.parties.end(), c) == f.parties.end()) f.parties.push_back(c);
          break;
        }
      add_first_person(doc, sentence.first, v + 1, signers);
      // "I just met with @X to sign": the met person signs too
      if (v >= 2 && tokens[v - 1].norm == "to") {
        auto met = people_in(doc, sentence.first, v);
        signers.insert(signers.end(), met.begin(), met.end());
      }
      for (EntityId p : signers)
        if (std::find(f.signatories.begin(), f.signatories.end(), p) == f.signatories.end()) f.signatories.push_back(p);
      // parties: the countries and organizations that sign ("Norway, Iceland and the EU
      // signed"), but not those inside a person's title ("Iceland's fisheries minister")
      for (EntityId c : parties_in(doc, sentence.first, v))
        if (std::find(f.parties.begin(), f.parties.end(), c) == f.parties.end()) f.parties.push_back(c);
      if (f.signed_on.empty()) f.signed_on = date_in(doc, sentence.first, sentence.last);
      if (!f.signed_at) f.signed_at = place_in(doc, sentence.first, sentence.last);
    }
  }

  // Entities, with keys that name the same agreement the same way in every article:
  // parties and subject ("in-us-defence"), else the fullest label.
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    Cluster& cluster = clusters[c];
    AgreementFacts& f = facts[c];
    for (EntityId p : cluster.parties)
      if (std::find(f.parties.begin(), f.parties.end(), p) == f.parties.end()) f.parties.push_back(p);
    // The key rests on the parties the text names, not on those inferred below.
    std::vector<std::string> party_keys;
    for (EntityId p : f.parties) party_keys.push_back(doc.facts.entities[p].key);
    // signatories' countries are parties
    for (const Post& post : doc.facts.posts)
      if (post.post_in && std::find(f.signatories.begin(), f.signatories.end(), post.holder) != f.signatories.end() &&
          doc.facts.entities[*post.post_in].kind == Kind::kCountry &&
          std::find(f.parties.begin(), f.parties.end(), *post.post_in) == f.parties.end())
        f.parties.push_back(*post.post_in);
    std::sort(party_keys.begin(), party_keys.end());
    std::string main_domain;
    int best = 0;
    for (const auto& [w, count] : cluster.domain_count)
      if (count > best) best = count, main_domain = w;
    // label: the longest named mention, else the longest description
    std::string label;
    bool label_named = false;
    for (std::size_t index : cluster.mentions) {
      const auto& m = mentions[index];
      std::string l = label_of(doc, m);
      if ((m.named && !label_named) || (m.named == label_named && l.size() > label.size())) {
        label = l;
        label_named = m.named;
      }
    }
    std::string key;
    if (!party_keys.empty() && !main_domain.empty()) {
      for (const auto& p : party_keys) key += p + "-";
      key += main_domain;
    } else {
      key = slug(label);
    }
    EntityId id = doc.entity(Kind::kAgreement, key, label, "agreement");
    for (std::size_t index : cluster.mentions) {
      const auto& m = mentions[index];
      doc.mention(id, m.first, m.last, m.named ? "agreement:name" : "agreement:description");
      std::string l = label_of(doc, m);
      doc.add_label(id, l);
      // the same without its duration: "Water Framework Agreement"
      std::size_t k = m.first;
      while (k < m.noun && (doc.lexicon.is(doc.text, k, LexKind::kGenericModifier) || !duration_at(doc, k).empty() ||
                            tokens[k].norm == "-" || tokens[k].norm == "year" || tokens[k].norm == "years" ||
                            tokens[k].kind == TokenKind::kNumber))
        ++k;
      if (k > m.first && k < m.last) doc.add_label(id, std::string(doc.text.slice(k, m.last)));
    }
    f.agreement = id;
    f.duration = cluster.duration;
    f.signed_ = signed_[c];
    if (!signed_[c] && !negotiated[c] && f.signatories.empty()) f.signed_ = false;
    doc.facts.agreements.push_back(std::move(f));
  }
}

void MeetingExtractor::run(Doc& doc) const {
  const auto& tokens = doc.tokens();
  std::vector<Meeting> meetings;
  auto add = [&](std::vector<EntityId> who, std::optional<EntityId> place, std::string date, Evidence evidence) {
    std::sort(who.begin(), who.end());
    who.erase(std::unique(who.begin(), who.end()), who.end());
    if (who.size() < 2) return;
    for (Meeting& m : meetings)
      if (m.attendees == who) {
        if (!m.place) m.place = place;
        if (m.date.empty()) m.date = date;
        m.evidence.push_back(std::move(evidence));
        return;
      }
    meetings.push_back({who, place, date, {std::move(evidence)}});
  };
  for (std::size_t s = 0; s < doc.text.sentences().size(); ++s) {
    const Sentence& sentence = doc.text.sentences()[s];
    for (std::size_t v = sentence.first; v < sentence.last; ++v) {
      std::string_view w = tokens[v].norm;
      bool verb =
          doc.lexicon.is(doc.text, v, LexKind::kMeetingVerb) && !one_of(w, {"meeting", "meetings"});
      bool noun = one_of(w, {"meeting", "talks", "discussions", "discussion"});
      if (!verb && !noun) continue;
      std::vector<EntityId> who;
      std::size_t end = sentence.last;
      // the verb's subjects are looked for within a clause's reach, which keeps a sentence
      // of thousands of clauses linear
      std::size_t reach = v > sentence.first + kClauseReach ? v - kClauseReach : sentence.first;
      if (verb) {
        // "X met (with) Y", "X and Y met": the subjects stand in the verb's own clause
        // ("days after X met Y" leaves out whoever the sentence spoke of before "after")
        who = people_in(doc, clause_start(doc, reach, v), v);
        add_first_person(doc, reach, v, who);
        std::size_t k = v + 1;
        if (k < end && tokens[k].norm == "with") ++k;
        std::size_t stop = k;
        while (stop < end && tokens[stop].norm != "to" && tokens[stop].norm != "," && tokens[stop].norm != "in" &&
               tokens[stop].norm != "on" && stop < k + 10)
          ++stop;
        auto object = people_in(doc, k, stop);
        who.insert(who.end(), object.begin(), object.end());
      } else {
        // "meeting between X and Y", "X's meeting with Y", "discussions in KL between X and Y"
        std::size_t k = v + 1;
        while (k < end && k < v + 6 && tokens[k].norm != "between" && tokens[k].norm != "with") ++k;
        if (k >= end || k >= v + 6) continue;
        // "X's meeting with Y", "Had a fruitful meeting with Y" (the post's author is X)
        if (tokens[k].norm == "with") {
          who = people_in(doc, sentence.first, v);
          add_first_person(doc, sentence.first, v + 1, who);
        }
        std::size_t stop = k + 1;
        while (stop < end && tokens[stop].norm != "," && tokens[stop].norm != "to" && tokens[stop].norm != "took" &&
               tokens[stop].norm != "in" && stop < k + 16)
          ++stop;
        auto object = people_in(doc, k + 1, stop);
        who.insert(who.end(), object.begin(), object.end());
      }
      add(who, place_in(doc, sentence.first, sentence.last), date_in(doc, sentence.first, sentence.last),
          doc.text.evidence(sentence.first, sentence.last, verb ? "meeting:verb" : "meeting:noun"));
    }
  }
  // The gathering the article is about: everyone who attended, chaired or hosted a meeting,
  // summit or ceremony, and everyone who signed there, met; one meeting of them all.
  std::vector<EntityId> group;
  std::optional<EntityId> group_place;
  std::string group_date;
  std::vector<Evidence> group_evidence;
  for (std::size_t s = 0; s < doc.text.sentences().size(); ++s) {
    const Sentence& sentence = doc.text.sentences()[s];
    for (std::size_t v = sentence.first; v < sentence.last; ++v) {
      auto verb = doc.lexicon.longest(doc.text, v, LexKind::kAttendanceVerb);
      // "X said at the meeting that ...": speaking at a gathering is attending it
      if (!verb && v + 1 < sentence.last && one_of(tokens[v + 1].norm, {"at"}))
        if (auto said = doc.lexicon.longest(doc.text, v, LexKind::kReportingVerb)) verb = said;
      if (!verb || tokens[v].capitalised) continue;
      bool gathering = false;
      for (std::size_t k = v + verb->length; k < sentence.last && k < v + verb->length + 4 && !gathering; ++k)
        gathering = doc.lexicon.longest(doc.text, k, LexKind::kGatheringNoun) ||
                    (doc.entity_at[k] && doc.facts.entities[*doc.entity_at[k]].kind == Kind::kEvent);
      if (!gathering) continue;
      std::size_t reach = v > sentence.first + kClauseReach ? v - kClauseReach : sentence.first;
      auto who = people_in(doc, clause_start(doc, reach, v), v);
      if (who.empty()) continue;
      group.insert(group.end(), who.begin(), who.end());
      if (!group_place) group_place = place_in(doc, sentence.first, sentence.last);
      if (group_date.empty()) group_date = date_in(doc, sentence.first, sentence.last);
      group_evidence.push_back(doc.text.evidence(sentence.first, sentence.last, "meeting:attendance"));
    }
  }
  if (!group.empty()) {
    for (const AgreementFacts& f : doc.facts.agreements) {
      if (!f.signed_ || f.signatories.empty()) continue;
      group.insert(group.end(), f.signatories.begin(), f.signatories.end());
      if (!group_place) group_place = f.signed_at;
      if (group_date.empty()) group_date = f.signed_on;
    }
    std::sort(group.begin(), group.end());
    group.erase(std::unique(group.begin(), group.end()), group.end());
    if (group.size() >= 2) meetings.push_back({group, group_place, group_date, group_evidence});
  }

  // A signing by two people is a meeting of theirs, or part of a meeting with more people
  // ("signed by X and Y at a ceremony hosted by Z"); where one is silent, the other tells
  // the place and date.
  for (AgreementFacts& f : doc.facts.agreements) {
    if (f.signatories.size() < 2) continue;
    std::vector<EntityId> who = f.signatories;
    std::sort(who.begin(), who.end());
    bool found = false;
    for (Meeting& m : meetings) {
      if (!std::includes(m.attendees.begin(), m.attendees.end(), who.begin(), who.end())) continue;
      found = true;
      if (!m.place) m.place = f.signed_at;
      if (!f.signed_at) f.signed_at = m.place;
      if (m.date.empty()) m.date = f.signed_on;
      if (f.signed_on.empty()) f.signed_on = m.date;
    }
    if (!found && !f.evidence.empty()) add(who, f.signed_at, f.signed_on, f.evidence.front());
  }
  for (Meeting& m : meetings) doc.facts.meetings.push_back(std::move(m));
}

}  // namespace newskg::extract
