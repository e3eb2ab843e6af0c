#include "newskg/reader.hpp"

#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "text/utf8.hpp"

namespace newskg {
namespace {

namespace fs = std::filesystem;

std::string stem_of(const std::string& path) { return fs::path(path).stem().string(); }

// news-please writes "2019-06-03 12:00:00"; RDF wants "2019-06-03T12:00:00".
std::string iso_date(std::string value) {
  if (value.size() == 19 && value[10] == ' ') value[10] = 'T';
  return value;
}

std::optional<std::string> string_field(const rapidjson::Value& object, std::initializer_list<const char*> names,
                                        bool& wrong_type, std::string& which) {
  for (const char* name : names) {
    auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) continue;
    if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
    if (it->value.IsNumber() && std::string_view(name) == "id") {
      if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
      if (it->value.IsUint64()) return std::to_string(it->value.GetUint64());
    }
    wrong_type = true;
    which = name;
    return std::nullopt;
  }
  return std::nullopt;
}

bool check_text(Article& article, const std::string& input, std::size_t line, const ReaderOptions& options,
                InputError& error) {
  if (article.text.size() > options.max_article_bytes) {
    error = {ErrorCode::kArticleTooLarge, input, line, 0,
             "article is " + std::to_string(article.text.size()) + " bytes, over --max-article-bytes " +
                 std::to_string(options.max_article_bytes)};
    return false;
  }
  if (auto bad = utf8::find_invalid(article.text); bad != std::string::npos) {
    error = {ErrorCode::kInvalidUtf8, input, line, bad, "invalid UTF-8 at byte " + std::to_string(bad)};
    return false;
  }
  return true;
}

void read_text_file(const std::string& path, const ReaderOptions& options, const ArticleHandler& on_article,
                    const ErrorHandler& on_error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > options.max_article_bytes) {
    on_error({ErrorCode::kArticleTooLarge, path, 0, 0,
              "file is " + std::to_string(size) + " bytes, over --max-article-bytes " +
                  std::to_string(options.max_article_bytes)});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_error({ErrorCode::kUnreadableFile, path, 0, 0, "cannot open the file"});
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  Article article;
  article.id = stem_of(path);
  article.text = buffer.str();
  article.source = path;
  // A UTF-8 byte order mark is not part of the text.
  if (article.text.starts_with("\xEF\xBB\xBF")) article.text.erase(0, 3);
  InputError error;
  if (!check_text(article, path, 0, options, error)) {
    // name the line of the bad byte
    error.line = 1 + static_cast<std::size_t>(std::count(article.text.begin(), article.text.begin() + error.offset, '\n'));
    on_error(std::move(error));
    return;
  }
  on_article(std::move(article));
}

}  // namespace

std::optional<Article> parse_json_article(std::string_view json, const std::string& input, std::size_t line,
                                          const std::string& fallback_id, const ReaderOptions& options,
                                          InputError& error) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (document.HasParseError()) {
    error = {document.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding ? ErrorCode::kInvalidUtf8
                                                                                       : ErrorCode::kMalformedJson,
             input, line, document.GetErrorOffset(),
             std::string("malformed JSON: ") + rapidjson::GetParseError_En(document.GetParseError())};
    return std::nullopt;
  }
  if (!document.IsObject()) {
    error = {ErrorCode::kMalformedJson, input, line, 0, "expected a JSON object for an article"};
    return std::nullopt;
  }
  Article article;
  bool wrong = false;
  std::string which;
  auto text = string_field(document, {"text", "maintext"}, wrong, which);
  if (wrong) {
    error = {ErrorCode::kWrongFieldType, input, line, 0, "field \"" + which + "\" must be a string"};
    return std::nullopt;
  }
  if (!text) {
    error = {ErrorCode::kMissingText, input, line, 0, "no \"text\" (or \"maintext\") field"};
    return std::nullopt;
  }
  article.text = std::move(*text);
  auto field = [&](std::initializer_list<const char*> names) -> std::string {
    bool bad = false;
    std::string name;
    auto value = string_field(document, names, bad, name);
    if (bad) wrong = true, which = name;
    return value.value_or("");
  };
  article.id = field({"id"});
  article.url = field({"url"});
  article.title = field({"title"});
  article.published = iso_date(field({"published", "date_publish"}));
  article.publisher = field({"publisher", "source_domain"});
  if (wrong) {
    error = {ErrorCode::kWrongFieldType, input, line, 0, "field \"" + which + "\" must be a string"};
    return std::nullopt;
  }
  if (article.id.empty()) article.id = fallback_id;
  article.source = line ? input + ":" + std::to_string(line) : input;
  if (!check_text(article, input, line, options, error)) return std::nullopt;
  return article;
}

namespace {

void read_json_lines(std::istream& in, const std::string& input, const ReaderOptions& options,
                     const ArticleHandler& on_article, const ErrorHandler& on_error) {
  std::string line;
  std::size_t number = 0;
  std::string stem = input == "-" ? "stdin" : stem_of(input);
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (line.size() > options.max_article_bytes * 2 + 4096) {
      on_error({ErrorCode::kArticleTooLarge, input, number, 0, "line is too long for --max-article-bytes"});
      continue;
    }
    InputError error;
    auto article = parse_json_article(line, input, number, stem + "-" + std::to_string(number), options, error);
    if (article) on_article(std::move(*article));
    else on_error(std::move(error));
  }
}

}  // namespace

void read_input(const std::string& input, const ReaderOptions& options, const ArticleHandler& on_article,
                const ErrorHandler& on_error) {
  if (input == "-") {
    read_json_lines(std::cin, input, options, on_article, on_error);
    return;
  }
  std::error_code ec;
  if (!fs::is_regular_file(input, ec)) {
    on_error({ErrorCode::kUnreadableFile, input, 0, 0, fs::exists(input, ec) ? "not a regular file" : "no such file"});
    return;
  }
  std::string extension = fs::path(input).extension().string();
  if (extension == ".txt") {
    read_text_file(input, options, on_article, on_error);
  } else if (extension == ".jsonl" || extension == ".ndjson") {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      on_error({ErrorCode::kUnreadableFile, input, 0, 0, "cannot open the file"});
      return;
    }
    read_json_lines(in, input, options, on_article, on_error);
  } else if (extension == ".json") {
    std::ifstream in(input, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string json = buffer.str();
    if (json.size() > options.max_article_bytes * 2 + 4096) {
      on_error({ErrorCode::kArticleTooLarge, input, 0, 0, "file is too large for --max-article-bytes"});
      return;
    }
    InputError error;
    auto article = parse_json_article(json, input, 0, stem_of(input), options, error);
    if (article) on_article(std::move(*article));
    else on_error(std::move(error));
  } else {
    on_error({ErrorCode::kUnknownFormat, input, 0, 0,
              "unknown input type '" + extension + "' (expected .txt, .json, .jsonl, .ndjson or -)"});
  }
}

const char* error_code_name(ErrorCode code) {
  static const char* names[] = {"E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E010"};
  return names[static_cast<int>(code)];
}

std::string InputError::to_string() const {
  std::string where = input;
  if (line) where += ":" + std::to_string(line);
  std::string text = where + ": " + error_code_name(code) + " " + message;
  return text;
}

}  // namespace newskg
