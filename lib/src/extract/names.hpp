// Named entities (people, organizations, countries, places, events), titles and posts,
// with within-article co-reference ("Mr Mehta", "Mehta", "@arunmehta").
#pragma once
#include <optional>

#include "extract/extractor.hpp"

namespace newskg::extract {

class NameExtractor : public Extractor {
 public:
  std::string_view name() const override { return "names"; }
  std::vector<std::string_view> needs() const override { return {}; }
  std::vector<std::string_view> gives() const override { return {"entities", "titles", "posts"}; }
  void run(Doc& doc) const override;
};

// The office or title starting at token i (before `limit`), if any.
std::optional<Title> match_title(Doc& doc, std::size_t i, std::size_t limit);

}  // namespace newskg::extract
