// Agreements (named or described: "the quota deal"), their parties, signatories, date, place
// and duration; and meetings (who met whom, where, when).
#pragma once
#include "extract/extractor.hpp"

namespace newskg::extract {

class AgreementExtractor : public Extractor {
 public:
  std::string_view name() const override { return "agreements"; }
  std::vector<std::string_view> needs() const override { return {"entities", "dates", "quotations"}; }
  std::vector<std::string_view> gives() const override { return {"agreements"}; }
  void run(Doc& doc) const override;
};

class MeetingExtractor : public Extractor {
 public:
  std::string_view name() const override { return "meetings"; }
  std::vector<std::string_view> needs() const override { return {"entities", "dates", "agreements"}; }
  std::vector<std::string_view> gives() const override { return {"meetings"}; }
  void run(Doc& doc) const override;
};

}  // namespace newskg::extract
