// Reading articles: .txt (the whole file is the text), .json (one article), .jsonl / .ndjson
// (one per line) and "-" (JSON Lines on stdin). Fields: id, url, title, published,
// publisher, text; news-please's maintext, date_publish and source_domain are accepted too.
// One bad article is reported and skipped; the rest still come through, in order.
#pragma once
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <variant>

#include "newskg/article.hpp"
#include "newskg/error.hpp"

namespace newskg {

struct ReaderOptions {
  std::size_t max_article_bytes = 16 * 1024 * 1024;
};

using ArticleHandler = std::function<void(Article&&)>;
using ErrorHandler = std::function<void(InputError&&)>;

// An article as read but, from JSON, not yet parsed: parse() does the JSON and the
// checks on whichever thread processes the article, so that one reading thread does not cap
// how many cores `newskg extract --jobs N` can keep busy. A failure to read is carried too,
// to be reported in input order with the rest.
class RawArticle {
 public:
  struct JsonLine {
    std::string json;
    std::string input;        // for messages
    std::size_t line;         // 1-based; 0 for a whole .json file
    std::string fallback_id;  // the id when the object has none
    ReaderOptions options;
  };
  RawArticle() = default;
  explicit RawArticle(Article article) : content_(std::move(article)) {}
  explicit RawArticle(InputError error) : content_(std::move(error)) {}
  explicit RawArticle(JsonLine line) : content_(std::move(line)) {}

  // The article, or nothing with `error` set. Leaves this raw article empty.
  std::optional<Article> parse(InputError& error);

 private:
  std::variant<Article, InputError, JsonLine> content_;
};
using RawArticleHandler = std::function<void(RawArticle&&)>;

// Reads one input as read_input() does, parsing nothing of JSON Lines yet.
void read_raw_input(const std::string& input, const ReaderOptions& options,
                    const RawArticleHandler& on_raw);

// Reads one input (a path, or "-" for standard input) and calls back for each article or
// error, in input order.
void read_input(const std::string& input, const ReaderOptions& options, const ArticleHandler& on_article,
                const ErrorHandler& on_error);

// Reads JSON Lines from a stream, `input` naming it in errors. A line longer than
// 3 x max_article_bytes + 64 KiB is skipped unread (E006), so memory stays bounded.
void read_json_lines(std::istream& in, const std::string& input, const ReaderOptions& options,
                     const ArticleHandler& on_article, const ErrorHandler& on_error);

// Parses one JSON object as an article; `where` names it in errors. Exposed for tests.
std::optional<Article> parse_json_article(std::string_view json, const std::string& input, std::size_t line,
                                          const std::string& fallback_id, const ReaderOptions& options,
                                          InputError& error);

}  // namespace newskg
