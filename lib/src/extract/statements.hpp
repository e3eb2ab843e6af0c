// Statements: direct quotes (in quotation marks, or an embedded social-media post signed
// "— Name (@handle) date") and reported speech ("X said that ...", "according to X, ...",
// "X highlighted ..."), each with its speaker.
#pragma once
#include "extract/extractor.hpp"

namespace newskg::extract {

class StatementExtractor : public Extractor {
 public:
  std::string_view name() const override { return "statements"; }
  std::vector<std::string_view> needs() const override { return {"entities", "titles", "dates"}; }
  std::vector<std::string_view> gives() const override { return {"quotations", "posts-by-author"}; }
  void run(Doc& doc) const override;
};

}  // namespace newskg::extract
