#include "extract/stances.hpp"

namespace newskg::extract {

// A stance verb (a reporting verb with a polarity in the lexicon) in the sentence of a
// statement, with an agreement, organization or country after it: the speaker's stance on
// that topic. "not" or "no" just before the verb turns it round.
void StanceExtractor::run(Doc& doc) const {
  const auto& tokens = doc.tokens();
  for (std::size_t q = 0; q < doc.facts.quotations.size(); ++q) {
    const Quotation& quotation = doc.facts.quotations[q];
    // the statement's tokens: its sentence
    std::size_t first = tokens.size(), last = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].cp.begin >= quotation.evidence.sentence.begin && tokens[k].cp.end <= quotation.evidence.sentence.end) {
        first = std::min(first, k);
        last = k + 1;
      }
    }
    for (std::size_t v = first; v < last; ++v) {
      auto verb = doc.lexicon.longest(doc.text, v, LexKind::kReportingVerb);
      if (!verb) continue;
      const Concept& entry = doc.lexicon.entry(verb->concept_index);
      if (!entry.polarity) continue;
      Polarity polarity = *entry.polarity;
      if (v > first && (tokens[v - 1].norm == "not" || tokens[v - 1].norm == "never"))
        polarity = polarity == Polarity::kSupports ? Polarity::kOpposes : Polarity::kSupports;
      std::optional<EntityId> topic;
      for (std::size_t k = v + verb->length; k < last && !topic; ++k) {
        auto id = doc.entity_at[k];
        if (!id || *id == quotation.speaker) continue;
        auto kind = doc.facts.entities[*id].kind;
        if (kind == EntityKind::kAgreement) topic = id;
      }
      for (std::size_t k = v + verb->length; k < last && !topic; ++k) {
        auto id = doc.entity_at[k];
        if (!id || *id == quotation.speaker) continue;
        auto kind = doc.facts.entities[*id].kind;
        if (kind == EntityKind::kOrganization || kind == EntityKind::kCountry) topic = id;
      }
      if (!topic) continue;
      doc.facts.stances.push_back({quotation.speaker, *topic, polarity, q, "stance:" + entry.label});
      break;
    }
  }
}

}  // namespace newskg::extract
