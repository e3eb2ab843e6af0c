// Calendar dates in the text, normalised to ISO 8601. Dates without a year and weekdays are
// resolved only against an anchor: the article's published date, else a full date in the text.
#pragma once
#include "extract/extractor.hpp"

namespace newskg::extract {

class DateExtractor : public Extractor {
 public:
  std::string_view name() const override { return "dates"; }
  std::vector<std::string_view> needs() const override { return {}; }
  std::vector<std::string_view> gives() const override { return {"dates"}; }
  void run(Doc& doc) const override;
};

// True for the name of a month or a weekday (folded): "february", "friday".
bool is_calendar_word(std::string_view folded);

// "P10Y" for "10-year", "ten-year", "10 years"; empty when the tokens at i are no duration.
std::string duration_at(const Doc& doc, std::size_t i, std::size_t* end = nullptr);

}  // namespace newskg::extract
