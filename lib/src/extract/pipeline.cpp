#include "newskg/pipeline.hpp"

#include <algorithm>
#include <set>

#include "extract/dates.hpp"
#include "extract/events.hpp"
#include "extract/names.hpp"
#include "extract/statements.hpp"
#include "extract/stances.hpp"

namespace newskg {

struct Pipeline::Steps {
  std::vector<std::unique_ptr<extract::Extractor>> extractors;
};

namespace {

// The built-in extractors, in the order they run: the one place they are registered.
std::vector<std::unique_ptr<extract::Extractor>> builtin_extractors() {
  std::vector<std::unique_ptr<extract::Extractor>> steps;
  steps.push_back(std::make_unique<extract::NameExtractor>());
  steps.push_back(std::make_unique<extract::DateExtractor>());
  steps.push_back(std::make_unique<extract::StatementExtractor>());
  steps.push_back(std::make_unique<extract::AgreementExtractor>());
  steps.push_back(std::make_unique<extract::MeetingExtractor>());
  steps.push_back(std::make_unique<extract::StanceExtractor>());
  return steps;
}

void check_order(const std::vector<std::unique_ptr<extract::Extractor>>& steps) {
  std::set<std::string_view> given;
  for (const auto& step : steps) {
    for (auto need : step->needs())
      if (!given.count(need))
        throw std::logic_error("extractor '" + std::string(step->name()) + "' needs '" + std::string(need) +
                               "', which no earlier step gives");
    for (auto g : step->gives()) given.insert(g);
  }
}

// The headline: the title field, else a first line that is followed by a blank line or
// does not end like a sentence.
std::string headline_of(const Article& article) {
  if (!article.title.empty()) return article.title;
  const std::string& text = article.text;
  std::size_t end = text.find('\n');
  if (end == std::string::npos || end == 0 || end > 300) return {};
  std::string line = text.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  bool blank_after = text.compare(end, 2, "\n\n") == 0 || text.compare(end, 3, "\n\r\n") == 0;
  char last = line.empty() ? '.' : line.back();
  if (blank_after || std::string_view(".!?").find(last) == std::string_view::npos) return line;
  return {};
}

// Removes the entities co-reference merged into others and renumbers every reference.
void drop_merged(Facts& facts) {
  bool any = std::any_of(facts.entities.begin(), facts.entities.end(), [](const Entity& e) { return e.merged_into; });
  if (!any) return;
  std::vector<EntityId> new_id(facts.entities.size());
  std::vector<Entity> kept;
  auto final_target = [&](EntityId e) {
    while (facts.entities[e].merged_into) e = *facts.entities[e].merged_into;
    return e;
  };
  std::vector<EntityId> target(facts.entities.size());
  for (EntityId e = 0; e < facts.entities.size(); ++e) target[e] = final_target(e);
  for (EntityId e = 0; e < facts.entities.size(); ++e)
    if (target[e] == e) new_id[e] = kept.size(), kept.push_back(std::move(facts.entities[e]));
  for (EntityId e = 0; e < facts.entities.size(); ++e) new_id[e] = new_id[target[e]];
  auto remap = [&](EntityId& id) { id = new_id[id]; };
  auto remap_all = [&](std::vector<EntityId>& ids) {
    for (auto& id : ids) remap(id);
    std::vector<EntityId> unique;
    for (EntityId id : ids)
      if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
    ids = unique;
  };
  facts.entities = std::move(kept);
  if (facts.publisher) remap(*facts.publisher);
  for (Post& p : facts.posts) {
    remap(p.holder);
    if (p.post_in) remap(*p.post_in);
  }
  for (AgreementFacts& a : facts.agreements) {
    remap(a.agreement);
    remap_all(a.parties);
    remap_all(a.signatories);
    if (a.signed_at) remap(*a.signed_at);
  }
  for (Meeting& m : facts.meetings) {
    remap_all(m.attendees);
    std::sort(m.attendees.begin(), m.attendees.end());
    if (m.place) remap(*m.place);
  }
  for (Quotation& q : facts.quotations) remap(q.speaker);
  for (Stance& s : facts.stances) {
    remap(s.holder);
    remap(s.topic);
  }
}

}  // namespace

Pipeline::Pipeline(Lexicon lexicon) : lexicon_(std::move(lexicon)), steps_(std::make_unique<Steps>()) {
  steps_->extractors = builtin_extractors();
  check_order(steps_->extractors);
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;

const Lexicon& Pipeline::lexicon() const { return lexicon_; }

std::vector<std::string> Pipeline::step_names() const {
  std::vector<std::string> names;
  for (const auto& step : steps_->extractors) names.emplace_back(step->name());
  return names;
}

Facts Pipeline::run(const Article& article) const {
  Facts facts;
  facts.article = article;
  facts.headline = headline_of(article);
  Analysis analysis(facts.article.text);
  extract::Doc doc(facts.article, analysis, lexicon_, facts);
  for (const auto& step : steps_->extractors) step->run(doc);
  if (!article.publisher.empty()) {
    facts.publisher = doc.entity(EntityKind::kOrganization, extract::slug(article.publisher), article.publisher,
                                 "metadata:publisher");
  }
  drop_merged(facts);
  for (const Sentence& s : analysis.sentences())
    if (s.last > s.first)
      facts.sentences.push_back({analysis.span(s.first, s.last), std::string(analysis.slice(s.first, s.last))});
  return facts;
}

}  // namespace newskg
