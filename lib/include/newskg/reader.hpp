// Reading articles: .txt (the whole file is the text), .json (one article), .jsonl / .ndjson
// (one per line) and "-" (JSON Lines on stdin). Fields: id, url, title, published,
// publisher, text; news-please's maintext, date_publish and source_domain are accepted too.
// One bad article is reported and skipped; the rest still come through, in order.
#pragma once
#include <functional>
#include <istream>
#include <optional>
#include <string>

#include "newskg/article.hpp"
#include "newskg/error.hpp"

namespace newskg {

struct ReaderOptions {
  std::size_t max_article_bytes = 16 * 1024 * 1024;
};

using ArticleHandler = std::function<void(Article&&)>;
using ErrorHandler = std::function<void(InputError&&)>;

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
