#include "extract/stances.hpp"

#include <algorithm>
#include <vector>

namespace newskg::extract {

// A stance verb (a reporting verb with a polarity in the lexicon) that is the speaker's own
// act: the verb that introduces the statement ("X rejected the quota deal", "X reaffirmed
// that ..."), or the verb after "we"/"I" at the start of a quote ("We welcome the accord").
// Its object names the topic. "not" or "never" just before the verb turns it round.
void StanceExtractor::run(Doc& doc) const {
  const auto& tokens = doc.tokens();
  for (std::size_t q = 0; q < doc.facts.quotations.size(); ++q) {
    const Quotation& quotation = doc.facts.quotations[q];
    // The sentence's tokens [first, last) and the statement's first token, found by binary
    // search: tokens are in text order and do not overlap.
    auto from = [&](std::uint32_t cp) {
      return static_cast<std::size_t>(
          std::partition_point(tokens.begin(), tokens.end(),
                               [&](const Token& t) { return t.cp.begin < cp; }) -
          tokens.begin());
    };
    const Span& sentence = quotation.evidence.sentence;
    std::size_t first = from(sentence.begin);
    std::size_t last = static_cast<std::size_t>(
        std::partition_point(tokens.begin() + first, tokens.end(),
                             [&](const Token& t) { return t.cp.end <= sentence.end; }) -
        tokens.begin());
    std::size_t span_first = from(quotation.evidence.span.begin);
    if (span_first >= tokens.size() || tokens[span_first].cp.begin != quotation.evidence.span.begin)
      continue;
    std::vector<std::size_t> candidates;
    if (quotation.evidence.rule == "reported:verb-phrase")
      candidates.push_back(span_first);  // "rejected the quota deal ..." (the verb opens the report)
    std::size_t before = span_first;
    while (before > first && (tokens[before - 1].norm == "that" || tokens[before - 1].kind == TokenKind::kPunct)) --before;
    if (before > first) candidates.push_back(before - 1);  // "X reaffirmed that ..."
    std::size_t after = span_first;
    if (tokens[after].norm == "we" || tokens[after].norm == "i") {
      ++after;
      while (after < last && (tokens[after].norm == "fully" || tokens[after].norm == "strongly" ||
                              tokens[after].norm == "firmly" || tokens[after].norm == "do" ||
                              tokens[after].norm == "not" || tokens[after].norm == "will"))
        ++after;
      candidates.push_back(after);  // "We welcome the accord"
    }
    for (std::size_t v : candidates) {
      if (v >= last) continue;
      auto verb = doc.lexicon.longest(doc.text, v, LexKind::kReportingVerb);
      if (!verb) continue;
      const Concept& entry = doc.lexicon.entry(verb->concept_index);
      if (!entry.polarity) continue;
      Polarity polarity = *entry.polarity;
      if (v > first && (tokens[v - 1].norm == "not" || tokens[v - 1].norm == "never"))
        polarity = polarity == Polarity::kSupports ? Polarity::kOpposes : Polarity::kSupports;
      // The topic is the verb's object: "rejected the quota deal", "reaffirmed Norway's
      // commitment to the accord". A clause ("denied that ...") states a claim, not a topic.
      std::size_t object_end = v + verb->length;
      while (object_end < last && object_end < v + verb->length + 8 && tokens[object_end].norm != "that" &&
             tokens[object_end].norm != "," && tokens[object_end].norm != ";")
        ++object_end;
      std::optional<EntityId> topic;
      for (EntityKind wanted : {EntityKind::kAgreement, EntityKind::kOrganization, EntityKind::kCountry}) {
        for (std::size_t k = v + verb->length; k < object_end && !topic; ++k) {
          auto id = doc.entity_at[k];
          if (id && *id != quotation.speaker && doc.facts.entities[*id].kind == wanted) topic = id;
        }
      }
      if (!topic) continue;
      // one stance per speaker, topic and sentence, however many quotations it holds
      bool known = false;
      for (const Stance& other : doc.facts.stances)
        if (other.holder == quotation.speaker && other.topic == *topic && other.polarity == polarity &&
            doc.facts.quotations[other.quotation].evidence.sentence == quotation.evidence.sentence)
          known = true;
      if (!known) doc.facts.stances.push_back({quotation.speaker, *topic, polarity, q, "stance:" + entry.label});
      break;
    }
  }
}

}  // namespace newskg::extract
