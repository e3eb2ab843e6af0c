// Where `newskg extract` reports the inputs it could not use: always on stderr
// ("newskg: feed.jsonl:12: E003 ..."), and with --errors FILE also as JSON Lines, one object
// per error with code, input, line, offset and message, for pipelines.
#pragma once
#include <cstddef>
#include <fstream>
#include <string>

#include "newskg/error.hpp"

namespace newskg::tools {

class ErrorLog {
 public:
  // `json_lines_path` empty: stderr only. Throws if the file cannot be written.
  explicit ErrorLog(const std::string& json_lines_path);
  void report(const InputError& error);
  std::size_t count() const { return count_; }

 private:
  std::string path_;
  std::ofstream file_;
  std::size_t count_ = 0;
};

}  // namespace newskg::tools
