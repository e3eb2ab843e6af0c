// Errors that name the input they come from, with a stable code for pipelines.
// The library never prints; callers decide where errors go.
#pragma once
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace newskg {

enum class ErrorCode {
  kUnreadableFile,    // E001
  kInvalidUtf8,       // E002
  kMalformedJson,     // E003
  kMissingText,       // E004
  kWrongFieldType,    // E005
  kArticleTooLarge,   // E006
  kUnknownFormat,     // E007
  kLexicon,           // E008
  kRdf,               // E009
  kOutput,            // E010
  kBinaryText,        // E011: a NUL byte, so binary data or UTF-16, not text
  kExtraction,        // E012: extraction failed on this article (a bug: report it with the article)
};

const char* error_code_name(ErrorCode code);  // "E002"

// One failed input: an article, a line of a JSON Lines file, or a whole file.
struct InputError {
  ErrorCode code;
  std::string input;   // file name, "-" for stdin
  std::size_t line;    // 1-based; 0 when the whole input is meant
  std::size_t offset;  // byte offset in the line or file where the problem is; 0 if unknown
  std::string message;

  std::string to_string() const;  // "file.jsonl:12: E003 malformed JSON: ..."
};

// Writes the error as one line of JSON Lines (for `newskg extract --errors FILE`):
// {"code":"E003","input":"feed.jsonl","line":12,"offset":34,"message":"malformed JSON ..."}
// `line` is 1-based (0: the whole input), `offset` a byte offset in that line or file.
void write_error_json_line(std::ostream& out, const InputError& error);

// Setup and internal failures (lexicon, RDF library): not tied to one article.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace newskg
