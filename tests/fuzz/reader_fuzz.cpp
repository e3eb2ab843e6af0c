// Fuzzes the article reader: one JSON article, and the same bytes as JSON Lines. Every
// article that comes out must be valid UTF-8 within the size limit; every error must name
// a line that exists.
#include <algorithm>
#include <cstdint>
#include <sstream>

#include "fuzz_support.hpp"
#include "newskg/reader.hpp"

using namespace newskg;

namespace {

constexpr std::size_t kLimit = 2048;  // small, so the limit paths are reached too

void check_article(const Article& a) {
  fuzz::require(a.text.size() <= kLimit, "article over the size limit");
  for (const std::string* field : {&a.id, &a.url, &a.title, &a.published, &a.publisher, &a.text})
    fuzz::require(fuzz::valid_utf8(*field), "article field is not valid UTF-8: " + a.source);
  fuzz::require(a.text.find('\0') == std::string::npos, "article text holds a NUL byte");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ReaderOptions options;
  options.max_article_bytes = kLimit;

  InputError error;
  auto article = parse_json_article(bytes, "fuzz.json", 0, "fuzz", options, error);
  if (article) check_article(*article);
  else fuzz::require(error.offset <= bytes.size() && !error.message.empty(), "bad error for one article");

  std::size_t lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
  std::size_t last_line = 0;
  std::istringstream in(bytes);
  read_json_lines(
      in, "fuzz.jsonl", options,
      [&](Article&& a) { check_article(a); },
      [&](InputError&& e) {
        fuzz::require(e.line >= 1 && e.line <= lines, "error names a line that does not exist");
        fuzz::require(e.line > last_line, "errors out of order");
        fuzz::require(!e.message.empty() && e.input == "fuzz.jsonl", "error without message or input");
        last_line = e.line;
      });
  return 0;
}
