// JSON-LD 1.1 "Serialize RDF as JSON-LD" (fromRdf): a dataset of quads to EXPANDED JSON-LD,
// with the spec's options. The compacted output of `newskg extract` is GraphWriter's job.
#pragma once
#include <string>
#include <vector>

#include "newskg/dataset.hpp"
#include "newskg/error.hpp"

namespace newskg::jsonld {

enum class RdfDirection { kNone, kI18nDatatype, kCompoundLiteral };
enum class ProcessingMode { kJsonLd10, kJsonLd11 };

struct FromRdfOptions {
  bool use_native_types = false;  // xsd:boolean, xsd:integer, xsd:double as JSON values
  bool use_rdf_type = false;      // rdf:type as a property instead of @type
  RdfDirection rdf_direction = RdfDirection::kNone;
  ProcessingMode processing_mode = ProcessingMode::kJsonLd11;  // 1.0: no @json, no i18n
};

// A JSON-LD processing error; code() is the spec's error code ("invalid JSON literal").
class JsonLdError : public Error {
 public:
  JsonLdError(std::string code, const std::string& message)
      : Error(ErrorCode::kRdf, code + ": " + message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The expanded JSON-LD document (a JSON array, indented) for the dataset. Nodes come ordered
// by @id and properties by IRI, so the same dataset always gives the same text.
std::string from_rdf(const std::vector<Quad>& dataset, const FromRdfOptions& options = {});

}  // namespace newskg::jsonld
