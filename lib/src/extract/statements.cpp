#include "extract/statements.hpp"

#include <algorithm>
#include <array>

namespace newskg::extract {
namespace {

using Kind = EntityKind;

constexpr std::string_view kAdverbs[] = {
    "further", "also",  "later",   "recently", "then",  "again",   "previously", "once",
    "firmly",  "has",   "have",    "had",      "was",   "is",      "separately", "subsequently",
    "earlier", "today", "strongly", "clearly", "openly", "publicly"};

bool is_adverb(std::string_view w) {
  return std::find(std::begin(kAdverbs), std::end(kAdverbs), w) != std::end(kAdverbs) ||
         (w.size() > 4 && w.ends_with("ly") && w != "only");
}

bool is_pronoun(std::string_view w) { return w == "he" || w == "she" || w == "him" || w == "her"; }

bool is_speaker_kind(Kind kind) { return kind == Kind::kPerson || kind == Kind::kOrganization; }

bool is_open(const Token& t) { return t.kind == TokenKind::kOpenQuote; }
bool is_close(const Token& t) { return t.kind == TokenKind::kCloseQuote; }

struct QuoteSpan {
  std::size_t open, close;  // the quote-mark tokens; words are (open, close)
};

// Pairs quotation marks within a paragraph; straight quotes alternate. A quote left open at
// a paragraph's end continues when the next paragraph opens with a quote mark.
std::vector<QuoteSpan> find_quotes(const Doc& doc) {
  std::vector<QuoteSpan> spans;
  const auto& tokens = doc.tokens();
  std::optional<std::size_t> open;
  char open_style = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.paragraph_before && open) {
      bool continues = is_open(t) || t.kind == TokenKind::kQuote;
      if (!continues) open.reset();
      else {
        // the quote goes on: close the part before and reopen here
        spans.push_back({*open, i});
        open = i;
        continue;
      }
    }
    char style = t.norm == "\"" ? '"' : (t.norm == "'" || doc.word(i) == "\u2018" || doc.word(i) == "\u2019") ? '\'' : 'c';
    if (is_open(t) || (t.kind == TokenKind::kQuote && !open)) {
      if (!open) {
        open = i;
        open_style = style;
      }
      continue;
    }
    if ((is_close(t) || t.kind == TokenKind::kQuote) && open) {
      // single quotes only close single quotes; double close double
      if ((open_style == '\'') != (style == '\'')) continue;
      if (i > *open + 1) spans.push_back({*open, i});
      open.reset();
    }
  }
  return spans;
}

class Attribution {
 public:
  // The holder of the first title over each token, found once: scanning every title at every
  // token made long articles quadratic. (update() takes the last, as Doc::title_holder_at
  // gives it.) This extractor adds no titles, so the list stays true.
  explicit Attribution(Doc& doc) : doc_(doc), first_holder_(doc.tokens().size()) {
    for (const Title& t : doc.titles)
      for (std::size_t k = t.first; t.holder && k < t.last && k < first_holder_.size(); ++k)
        if (!first_holder_[k]) first_holder_[k] = t.holder;
  }

  // The person or organization named (or meant by a title or pronoun) at token k.
  std::optional<EntityId> entity_at(std::size_t k) const {
    if (first_holder_[k]) return first_holder_[k];
    auto id = doc_.entity_at[k];
    if (id && is_speaker_kind(doc_.facts.entities[*id].kind)) return id;
    if (is_pronoun(doc_.token(k).norm)) return salient_;
    return std::nullopt;
  }

  // The subject just before a verb: "Hendry declared", "Kapoor further affirmed",
  // "Paul Hendry, Defence Secretary of the United States hailed".
  std::optional<EntityId> subject_before(std::size_t verb, std::size_t sentence_first) const {
    if (verb == 0) return std::nullopt;
    std::size_t k = verb - 1;
    while (k > sentence_first && is_adverb(doc_.token(k).norm)) --k;
    if (doc_.token(k).norm == "'s") return std::nullopt;
    // "X welcomed the declaration and said ...": the subject of the first verb speaks, the
    // first person of the clause (else its first organization)
    if (doc_.token(k).norm == "and" && k > sentence_first && !entity_at(k - 1)) {
      std::optional<EntityId> person, organization;
      for (std::size_t j = std::max(sentence_first, k > 30 ? k - 30 : std::size_t{0}); j < k; ++j) {
        auto id = entity_at(j);
        if (!id) continue;
        if (doc_.facts.entities[*id].kind == EntityKind::kPerson) {
          if (!person) person = id;
        } else if (!organization) {
          organization = id;
        }
      }
      return person ? person : organization;
    }
    if (doc_.token(k).norm == "," && k > sentence_first) {
      // "Elena Marin, defense spokeswoman for the party, said": the subject stands before
      // the comma that opens the apposition.
      std::size_t open = k;
      while (open > sentence_first && k - open < 16) {
        --open;
        if (doc_.token(open).norm == ",") break;
      }
      if (doc_.token(open).norm == "," && open > sentence_first) {
        if (auto id = entity_at(open - 1)) return id;  // a person or an organization
      }
      return std::nullopt;
    }
    auto id = entity_at(k);
    // "Nora Vance of Kestrel Asset Management said": the person of the organization
    if (id && doc_.facts.entities[*id].kind == EntityKind::kOrganization) {
      std::size_t start = k;
      while (start > sentence_first && doc_.entity_at[start - 1] == id) --start;
      if (start >= sentence_first + 2 && doc_.token(start - 1).norm == "of")
        if (auto person = entity_at(start - 2); person && doc_.facts.entities[*person].kind == EntityKind::kPerson)
          return person;
    }
    return id;
  }

  // The speaker just after a verb: "said Mr Mehta", "reiterated Defence Minister Rajnath
  // Mehta", "said the defence ministry".
  std::optional<EntityId> subject_after(std::size_t verb, std::size_t sentence_last) const {
    std::size_t k = verb + 1;
    if (k < sentence_last && doc_.token(k).norm == "the") ++k;
    // "said Ms Holm": the honorific stands before the name's mention
    if (k + 1 < sentence_last && doc_.lexicon.is(doc_.text, k, LexKind::kHonorific)) {
      ++k;
      if (doc_.token(k).norm == "." && k + 1 < sentence_last) ++k;
    }
    if (k >= sentence_last) return std::nullopt;
    return entity_at(k);
  }

  void set_salient(EntityId id) { salient_ = id; }
  std::optional<EntityId> salient() const { return salient_; }

  // At the start of each sentence: a person named first in the previous sentence is the
  // one "he" and "she" most likely mean.
  void update(std::size_t sentence) {
    const Sentence& s = doc_.text.sentences()[sentence];
    for (std::size_t k = s.first; k < s.last && k < s.first + 12; ++k) {
      if (doc_.token(k).kind == TokenKind::kOpenQuote) break;
      auto id = doc_.title_holder_at(k);
      if (!id) id = doc_.entity_at[k];
      if (id && doc_.facts.entities[*id].kind == Kind::kPerson) {
        salient_ = id;
        return;
      }
    }
  }

 private:
  Doc& doc_;
  std::vector<std::optional<EntityId>> first_holder_;  // by token
  std::optional<EntityId> salient_;
};

void add_quotation(Doc& doc, EntityId speaker, std::size_t first, std::size_t last, QuoteKind kind,
                   const std::string& rule) {
  const auto& tokens = doc.tokens();
  // trim punctuation and quote marks at both ends
  auto trim = [&](const Token& t) {
    return t.kind == TokenKind::kPunct || t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote ||
           t.kind == TokenKind::kQuote || t.kind == TokenKind::kUrl;
  };
  while (first < last && trim(tokens[first])) ++first;
  while (last > first && trim(tokens[last - 1]) && tokens[last - 1].norm != "…") --last;
  while (last > first && tokens[last - 1].norm == "…" ) --last;
  if (last - first < 1) return;
  doc.add_quotation({speaker, std::string(doc.text.slice(first, last)), kind,
                     doc.text.evidence(first, last, rule)});
}

// One quotation per sentence of the words [first, last).
void add_by_sentence(Doc& doc, EntityId speaker, std::size_t first, std::size_t last, QuoteKind kind,
                     const std::string& rule) {
  std::size_t start = first;
  for (std::size_t k = first + 1; k <= last; ++k) {
    if (k == last || doc.text.sentence_of(k) != doc.text.sentence_of(k - 1)) {
      add_quotation(doc, speaker, start, k, kind, rule);
      start = k;
    }
  }
}

// An embedded post: "— Secretary of War Paul Hendry (@DefSec) October 31, 2025" signs the
// lines just above it (at most a post's length).
void embedded_posts(Doc& doc, Attribution& who) {
  const auto& tokens = doc.tokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!(tokens[i].line_before || i == 0) || (tokens[i].norm != "-" && doc.word(i) != "\u2014")) continue;
    std::size_t line_end = i + 1;
    while (line_end < tokens.size() && !tokens[line_end].line_before) ++line_end;
    std::optional<EntityId> author;
    bool handle = false;
    for (std::size_t k = i + 1; k < line_end; ++k) {
      if (tokens[k].kind == TokenKind::kHandle) handle = true;
      if (!author) author = who.entity_at(k);
      if (author && doc.facts.entities[*author].kind != Kind::kPerson && doc.facts.entities[*author].kind != Kind::kOrganization)
        author.reset();
    }
    if (!author || !handle) continue;
    std::string date;
    std::optional<std::size_t> last_date;  // the last date found in the line
    doc.dates_by_token.starting_in(i + 1, line_end, [&](const Date& d, std::size_t index) {
      if (d.last <= line_end && (!last_date || index > *last_date)) last_date = index;
    });
    if (last_date) date = doc.dates[*last_date].iso;
    // The post: lines above, back to 300 characters.
    std::size_t first = i;
    std::uint32_t end_cp = tokens[i].cp.begin;
    while (first > 0) {
      std::size_t line_start = first - 1;
      while (line_start > 0 && !tokens[line_start].line_before) --line_start;
      if (end_cp - tokens[line_start].cp.begin > 300 || (tokens[line_start].paragraph_before && first != i)) break;
      first = line_start;
      if (tokens[line_start].paragraph_before) break;
    }
    if (first == i) continue;
    doc.add_voice({first, i, *author, date});
    add_by_sentence(doc, *author, first, i, QuoteKind::kDirect, "embedded-post");
  }
}

bool inside_voice(const Doc& doc, std::size_t k) {
  return doc.voice_at(k) != nullptr;
}

// The speaker of the direct quote q, and the rule that found it.
std::optional<EntityId> quote_speaker(const Doc& doc, const Attribution& who, const QuoteSpan& q,
                                      std::string& rule) {
  const auto& tokens = doc.tokens();
  const auto& sentences = doc.text.sentences();
  std::size_t s_open = doc.text.sentence_of(q.open), s_close = doc.text.sentence_of(q.close);
  std::size_t after_first = q.close + 1;
  std::size_t after_last = sentences[s_close].last;
  // after: “...,” said X / “...”, X added / “...,” he wrote
  for (std::size_t k = after_first; k < after_last && k < after_first + 8; ++k) {
    if (is_open(tokens[k])) break;
    if (tokens[k].capitalised || !doc.lexicon.is(doc.text, k, LexKind::kReportingVerb)) continue;
    auto speaker = who.subject_before(k, after_first);
    if (!speaker) speaker = who.subject_after(k, after_last);
    rule = "quote:attribution-after";
    if (speaker) return speaker;
  }
  // before: X said, “...” / X reiterated: “...”
  std::size_t first = sentences[s_open].first;
  for (std::size_t k = q.open; k > first && k + 6 > q.open; --k) {
    if (tokens[k - 1].capitalised || !doc.lexicon.is(doc.text, k - 1, LexKind::kReportingVerb)) continue;
    rule = "quote:attribution-before";
    if (auto speaker = who.subject_before(k - 1, first)) return speaker;
  }
  // a fragment inside reported speech: Kapoor asserted that India would not ... “in haste”
  // (within a clause's reach, so a sentence of thousands of quotes stays linear)
  constexpr std::size_t kReportedReach = 60;
  for (std::size_t k = std::max(first, q.open > kReportedReach ? q.open - kReportedReach : 0); k < q.open; ++k) {
    if (tokens[k].capitalised || !doc.lexicon.is(doc.text, k, LexKind::kReportingVerb)) continue;
    rule = "quote:reported-sentence";
    if (auto speaker = who.subject_before(k, first)) return speaker;
  }
  // "She told reporters:" at the end of the sentence before
  if (s_open > 0 && q.open == first) {
    const Sentence& previous = sentences[s_open - 1];
    if (tokens[previous.last - 1].norm == ":") {
      for (std::size_t k = previous.first; k < previous.last; ++k) {
        if (tokens[k].capitalised || !doc.lexicon.is(doc.text, k, LexKind::kReportingVerb)) continue;
        rule = "quote:attribution-colon";
        if (auto speaker = who.subject_before(k, previous.first)) return speaker;
      }
    }
  }
  return std::nullopt;
}

// Quotation marks around a name or a title are no quote: a few words, all capitalised.
bool is_quoted_name(const Doc& doc, const QuoteSpan& q) {
  std::size_t words = 0, caps = 0;
  for (std::size_t k = q.open + 1; k < q.close; ++k)
    if (doc.token(k).kind == TokenKind::kWord) {
      ++words;
      caps += doc.token(k).capitalised;
    }
  return words >= 1 && caps == words && words <= 6;
}

// A quote with no attribution of its own continues the previous speaker's when nobody else
// is named between them and it follows in the same or the next paragraph.
bool continues_previous(const Doc& doc, std::size_t previous_close, EntityId previous, std::size_t open) {
  // only a quote that opens its sentence goes on from the last one; a quoted word inside
  // narrative ("was described as “constructive”") does not
  if (doc.text.sentences()[doc.text.sentence_of(open)].first != open) return false;
  int paragraphs = 0;
  for (std::size_t k = previous_close + 1; k <= open; ++k) {
    if (doc.token(k).paragraph_before && ++paragraphs > 1) return false;
    if (k < open && doc.entity_at[k] && *doc.entity_at[k] != previous &&
        doc.facts.entities[*doc.entity_at[k]].kind == EntityKind::kPerson)
      return false;
  }
  return true;
}

}  // namespace

void StatementExtractor::run(Doc& doc) const {
  const auto& tokens = doc.tokens();
  const auto& sentences = doc.text.sentences();
  Attribution who(doc);
  embedded_posts(doc, who);

  auto quotes = find_quotes(doc);
  std::size_t next_quote = 0;
  std::optional<EntityId> previous_speaker;
  std::size_t previous_close = 0;
  // One pass in text order, so that "he" and "she" mean the person last in view.
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    who.update(s);
    // Direct quotes that open in this sentence.
    for (; next_quote < quotes.size() && doc.text.sentence_of(quotes[next_quote].open) <= s; ++next_quote) {
      const QuoteSpan& q = quotes[next_quote];
      if (inside_voice(doc, q.open) || is_quoted_name(doc, q)) continue;
      std::string rule;
      auto speaker = quote_speaker(doc, who, q, rule);
      if (!speaker && previous_speaker && continues_previous(doc, previous_close, *previous_speaker, q.open)) {
        speaker = previous_speaker;
        rule = "quote:continued";
      }
      if (!speaker) continue;
      doc.add_voice({q.open + 1, q.close, *speaker, {}});
      add_by_sentence(doc, *speaker, q.open + 1, q.close, QuoteKind::kDirect, rule);
      previous_speaker = speaker;
      previous_close = q.close;
      who.set_salient(*speaker);
    }
    if (doc.is_headline(s)) continue;
    const Sentence& sentence = sentences[s];
    // "According to X, ..."
    for (std::size_t k = sentence.first; k + 3 < sentence.last; ++k) {
      if (tokens[k].norm != "according" || tokens[k + 1].norm != "to") continue;
      std::size_t at = k + 2;
      while (at + 1 < sentence.last && (doc.lexicon.is(doc.text, at, LexKind::kHonorific) || tokens[at].norm == "."))
        ++at;
      auto speaker = who.entity_at(at);
      std::size_t comma = k + 2;
      while (comma < sentence.last && tokens[comma].norm != ",") ++comma;
      if (speaker && comma + 3 < sentence.last && comma <= k + 8) {
        add_quotation(doc, *speaker, comma + 1, sentence.last, QuoteKind::kReported, "reported:according-to");
        who.set_salient(*speaker);
      }
    }
    for (std::size_t v = sentence.first; v < sentence.last; ++v) {
      auto verbs = doc.lexicon.match(doc.text, v, LexKind::kReportingVerb);
      if (verbs.empty() || inside_voice(doc, v)) continue;
      if (tokens[v].capitalised) continue;  // a name or a headline word ("Heads of State")
      const Concept& verb = doc.lexicon.entry(verbs.front().concept_index);
      std::size_t verb_end = v + verbs.front().length;
      auto speaker = who.subject_before(v, sentence.first);
      if (!speaker) continue;
      // Attribution of a direct quote just before ("“...”, Hendry said") is no report of its own.
      bool after_quote = false;
      for (std::size_t k = v; k > sentence.first && k + 6 > v; --k)
        if (is_close(tokens[k - 1]) || (tokens[k - 1].kind == TokenKind::kQuote && inside_voice(doc, k - 2)))
          after_quote = true;
      // "CONTENT, X said." : the report stands before the attribution.
      std::size_t subject_start = v;
      while (subject_start > sentence.first && doc.entity_at[subject_start - 1] == doc.entity_at[v - 1] && doc.entity_at[v - 1]) --subject_start;
      while (subject_start > sentence.first && is_adverb(tokens[subject_start].norm)) --subject_start;
      bool trailing = subject_start > sentence.first + 3 && tokens[subject_start - 1].norm == ",";
      // "The agreement focuses on enhancing “...”, Hendry said": a report that merely ends in
      // a quoted phrase is still a report; one that is all quote is a direct quote's attribution.
      bool narrative_start = !is_open(tokens[sentence.first]) && tokens[sentence.first].kind != TokenKind::kQuote;
      if (trailing && (!after_quote || narrative_start)) {
        std::size_t rest = verb_end;
        while (rest < sentence.last && tokens[rest].kind == TokenKind::kPunct) ++rest;
        bool nothing_after = rest >= sentence.last || tokens[rest].norm == "in" || tokens[rest].norm == "on";
        if (nothing_after) {
          add_quotation(doc, *speaker, sentence.first, subject_start - 1, QuoteKind::kReported, "reported:content-before");
          who.set_salient(*speaker);
          continue;
        }
      }
      if (after_quote) continue;
      std::size_t k = verb_end;
      if (verb.complement == "object") {
        // "highlighted India's concerns ...": the verb phrase is the statement
        k = v;
      } else {
        // "told reporters that", "told parliament that": the listener is skipped
        for (std::size_t j = k; j < sentence.last && j < k + 5; ++j)
          if (tokens[j].norm == "that" && (tokens[v].norm == "told" || tokens[v].norm == "tells" || tokens[v].norm == "telling")) {
            k = j;
            break;
          }
        // skip "on X", "in a post on X", "in a statement", "to reporters", "at the meeting", ",", ":"
        for (int guard = 0; guard < 3 && k < sentence.last; ++guard) {
          if (tokens[k].norm == "on" || tokens[k].norm == "in" || tokens[k].norm == "to" || tokens[k].norm == "at") {
            std::size_t j = k + 1;
            while (j < sentence.last && j < k + 6 && tokens[j].norm != "that" && tokens[j].norm != "," &&
                   !is_open(tokens[j]))
              ++j;
            if (j < sentence.last && (tokens[j].norm == "that" || tokens[j].norm == ",")) k = j;
            else break;
          }
          if (k < sentence.last && (tokens[k].norm == "," || tokens[k].norm == ":")) ++k;
        }
        if (k < sentence.last && tokens[k].norm == "that") ++k;
      }
      if (k >= sentence.last || is_open(tokens[k]) || tokens[k].kind == TokenKind::kQuote) continue;
      std::size_t content_words = 0;
      for (std::size_t j = k; j < sentence.last; ++j) content_words += tokens[j].kind == TokenKind::kWord;
      if (content_words < 3) continue;
      // a report ends at the sentence end, or where a direct quote's attribution begins; a
      // verb phrase ends where the next report begins ("welcomed the truce and said ...")
      std::size_t end = sentence.last;
      if (verb.complement == "object")
        for (std::size_t j = k + 1; j + 1 < sentence.last; ++j)
          if (tokens[j].norm == "and" && !tokens[j + 1].capitalised &&
              doc.lexicon.is(doc.text, j + 1, LexKind::kReportingVerb)) {
            end = j;
            break;
          }
      add_quotation(doc, *speaker, k, end, QuoteKind::kReported,
                    verb.complement == "object" ? "reported:verb-phrase" : "reported:said-that");
      who.set_salient(*speaker);
      if (end == sentence.last) break;  // one report per sentence, or per coordinated verb
      v = end;
    }
  }
}

}  // namespace newskg::extract
