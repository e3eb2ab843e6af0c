// One step of the extraction pipeline. Extractors are const and stateless: everything an
// article needs lives in its Doc, so articles can run in parallel.
#pragma once
#include <string_view>
#include <vector>

#include "extract/doc.hpp"

namespace newskg::extract {

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual std::string_view name() const = 0;
  // Annotations this step reads, and the ones it adds; the pipeline checks the order.
  virtual std::vector<std::string_view> needs() const = 0;
  virtual std::vector<std::string_view> gives() const = 0;
  virtual void run(Doc& doc) const = 0;
};

}  // namespace newskg::extract
