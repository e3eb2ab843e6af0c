// Stances: a speaker's statement that backs or rejects an agreement, an organization's policy
// or a country's action ("reaffirmed Norway's commitment to the accord", "rejected the deal").
#pragma once
#include "extract/extractor.hpp"

namespace newskg::extract {

class StanceExtractor : public Extractor {
 public:
  std::string_view name() const override { return "stances"; }
  std::vector<std::string_view> needs() const override { return {"quotations", "agreements"}; }
  std::vector<std::string_view> gives() const override { return {"stances"}; }
  void run(Doc& doc) const override;
};

}  // namespace newskg::extract
