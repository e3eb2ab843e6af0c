// An article as read from the input, before any analysis.
// The text is kept exactly as read: every offset newskg writes counts its code points.
#pragma once
#include <string>

namespace newskg {

struct Article {
  std::string id;         // stable identifier (input field, or the file's stem)
  std::string url;        // may be empty
  std::string title;      // may be empty
  std::string published;  // ISO 8601 date or date-time as given; may be empty
  std::string publisher;  // may be empty
  std::string text;       // valid UTF-8, exactly as read
  std::string source;     // where it came from, for messages: "file.jsonl:12"
};

}  // namespace newskg
