// The extraction pipeline: one article in, its Facts out. Extractors run in a fixed order
// that is checked when the pipeline is built; the pipeline is const and thread-safe.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "newskg/article.hpp"
#include "newskg/facts.hpp"
#include "newskg/lexicon.hpp"

namespace newskg {

class Pipeline {
 public:
  explicit Pipeline(Lexicon lexicon);
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;

  Facts run(const Article& article) const;
  const Lexicon& lexicon() const;
  std::vector<std::string> step_names() const;

 private:
  struct Steps;
  Lexicon lexicon_;
  std::unique_ptr<Steps> steps_;
};

}  // namespace newskg
