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
  return facts;
}

}  // namespace newskg
