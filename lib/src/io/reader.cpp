#include "newskg/reader.hpp"

#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "text/utf8.hpp"

namespace newskg {
namespace {

namespace fs = std::filesystem;

// A file's stem as an article id. A name that is not UTF-8 (file names are bytes) has its
// stray bytes percent-encoded, so the id can still go into a literal and an IRI.
std::string stem_of(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  std::string out;
  while (!stem.empty()) {
    std::size_t bad = utf8::find_invalid(stem);
    out += stem.substr(0, bad);
    if (bad == std::string::npos) break;
    static const char* hex = "0123456789ABCDEF";
    auto byte = static_cast<unsigned char>(stem[bad]);
    out += {'%', hex[byte >> 4], hex[byte & 15]};
    stem.erase(0, bad + 1);
  }
  return out;
}

// How long a JSON Lines line (or a .json file) may be for --max-article-bytes: JSON escapes
// can triple the text (Python writes "\u00e9" for "é"), and metadata comes on top.
std::size_t json_limit(const ReaderOptions& options) {
  std::size_t max = std::min<std::size_t>(options.max_article_bytes, SIZE_MAX / 4);
  return max * 3 + 64 * 1024;
}

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
  const std::string& text = article.text;
  if (text.size() > options.max_article_bytes) {
    error = {ErrorCode::kArticleTooLarge, input, line, 0,
             "article is " + std::to_string(text.size()) + " bytes, over --max-article-bytes " +
                 std::to_string(options.max_article_bytes)};
    return false;
  }
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    error = {ErrorCode::kInvalidUtf8, input, line, 0,
             "UTF-16 text (byte order mark at byte 0); newskg reads UTF-8, convert with iconv -f UTF-16 -t UTF-8"};
    return false;
  }
  if (auto bad = utf8::find_invalid(text); bad != std::string::npos) {
    error = {ErrorCode::kInvalidUtf8, input, line, bad, "invalid UTF-8 at byte " + std::to_string(bad)};
    return false;
  }
  // Text never holds NUL; one means binary data or UTF-16 without a byte order mark.
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    error = {ErrorCode::kBinaryText, input, line, nul,
             "NUL byte at byte " + std::to_string(nul) + ": binary data or UTF-16, not UTF-8 text"};
    return false;
  }
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    error = {ErrorCode::kMissingText, input, line, 0, text.empty() ? "the text is empty" : "the text is only white space"};
    return false;
  }
  return true;
}

void read_text_file(const std::string& path, const ReaderOptions& options,
                    const RawArticleHandler& on_raw) {
  auto on_error = [&](InputError&& error) { on_raw(RawArticle(std::move(error))); };
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
    // An error at a byte names its line; the others are about the whole file.
    if (error.code == ErrorCode::kInvalidUtf8 || error.code == ErrorCode::kBinaryText) error.line = 1 + static_cast<std::size_t>(std::count(article.text.begin(), article.text.begin() + error.offset, '\n'));
    on_error(std::move(error));
    return;
  }
  on_raw(RawArticle(std::move(article)));
}

// Parses `json` in its own buffer: RapidJSON decodes the strings where they stand instead
// of copying them byte by byte into its own memory.
std::optional<Article> parse_json_in_place(std::string json, const std::string& input,
                                           std::size_t line, const std::string& fallback_id,
                                           const ReaderOptions& options, InputError& error) {
  // JSON never holds a raw NUL; one means binary data or UTF-16 (say so, not "Invalid value").
  if (auto nul = json.find('\0'); nul != std::string::npos) {
    error = {ErrorCode::kBinaryText, input, line, nul,
             "NUL byte at byte " + std::to_string(nul) + ": binary data or UTF-16, not UTF-8 JSON"};
    return std::nullopt;
  }
  // Checked here, eight ASCII bytes a step, rather than by RapidJSON a character at a time.
  if (auto bad = utf8::find_invalid(json); bad != std::string::npos) {
    error = {ErrorCode::kInvalidUtf8, input, line, bad,
             "invalid UTF-8 at byte " + std::to_string(bad)};
    return std::nullopt;
  }
  rapidjson::Document document;
  // Iterative parsing keeps its stack on the heap: a line of 10,000 '[' cannot overflow ours.
  document.ParseInsitu<rapidjson::kParseIterativeFlag>(json.data());
  if (document.HasParseError()) {
    error = {ErrorCode::kMalformedJson, input, line, document.GetErrorOffset(),
             "malformed JSON at byte " + std::to_string(document.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(document.GetParseError())};
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
  // RapidJSON lets a lone low surrogate ("\\udc00") through as invalid UTF-8: check every field.
  for (auto [name, value] : {std::pair{"id", &article.id}, {"url", &article.url}, {"title", &article.title},
                             {"published", &article.published}, {"publisher", &article.publisher}}) {
    if (utf8::find_invalid(*value) != std::string::npos) {
      error = {ErrorCode::kInvalidUtf8, input, line, 0,
               std::string("field \"") + name + "\" is not valid UTF-8 (a lone surrogate escape?)"};
      return std::nullopt;
    }
  }
  if (article.id.empty()) article.id = fallback_id;
  article.source = line ? input + ":" + std::to_string(line) : input;
  if (!check_text(article, input, line, options, error)) return std::nullopt;
  return article;
}

}  // namespace

std::optional<Article> parse_json_article(std::string_view json, const std::string& input,
                                          std::size_t line, const std::string& fallback_id,
                                          const ReaderOptions& options, InputError& error) {
  return parse_json_in_place(std::string(json), input, line, fallback_id, options, error);
}

namespace {

enum class LineRead { kEnd, kLine, kTooLong };

// The lines of a stream, a block at a time: a call per byte (sbumpc) cost more than parsing
// the JSON. A block is what the stream holds already or gets with one read, never more, so
// a line arriving on a pipe is handed on at once rather than when a block fills.
class LineReader {
 public:
  explicit LineReader(std::streambuf& in) : in_(in) {}

  // Reads one line without its '\n', keeping at most `limit` bytes: the rest of a longer
  // line is skipped, so memory stays bounded whatever the input holds.
  LineRead next(std::string& line, std::size_t limit) {
    line.clear();
    bool too_long = false, any = false;
    while (at_ < end_ || refill()) {
      any = true;
      const char* begin = block_.data() + at_;
      const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - at_));
      std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : end_ - at_;
      std::size_t room = limit - std::min(limit, line.size());
      if (length > room) too_long = true;
      line.append(begin, std::min(length, room));
      at_ += length;
      if (newline) {
        ++at_;
        return too_long ? LineRead::kTooLong : LineRead::kLine;
      }
    }
    if (!any) return LineRead::kEnd;
    return too_long ? LineRead::kTooLong : LineRead::kLine;
  }

 private:
  bool refill() {
    at_ = end_ = 0;
    std::streamsize available = in_.in_avail();
    if (available <= 0) {  // nothing buffered: one read by the stream, which may be short
      if (in_.sgetc() == std::char_traits<char>::eof()) return false;
      available = std::max<std::streamsize>(1, in_.in_avail());
    }
    auto wanted = std::min<std::streamsize>(available, static_cast<std::streamsize>(block_.size()));
    end_ = static_cast<std::size_t>(std::max<std::streamsize>(0, in_.sgetn(block_.data(), wanted)));
    return end_ > 0;
  }

  std::streambuf& in_;
  std::vector<char> block_ = std::vector<char>(64 * 1024);
  std::size_t at_ = 0, end_ = 0;  // the unread bytes of block_
};

void read_raw_json_lines(std::istream& in, const std::string& input, const ReaderOptions& options,
                         const RawArticleHandler& on_raw) {
  std::string line;
  std::size_t number = 0;
  std::string stem = input == "-" ? "stdin" : stem_of(input);
  const std::size_t limit = json_limit(options);
  std::streambuf* buffer = in.rdbuf();
  if (!buffer) return;
  LineReader lines(*buffer);
  for (LineRead status; (status = lines.next(line, limit)) != LineRead::kEnd;) {
    ++number;
    if (status == LineRead::kTooLong) {
      on_raw(RawArticle(InputError{ErrorCode::kArticleTooLarge, input, number, limit,
                                   "line is over " + std::to_string(limit) +
                                       " bytes, too long for --max-article-bytes " +
                                       std::to_string(options.max_article_bytes)}));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    on_raw(RawArticle(
        RawArticle::JsonLine{line, input, number, stem + "-" + std::to_string(number), options}));
  }
}

// Read and parse at once, for the callers that want articles.
RawArticleHandler parsing(const ArticleHandler& on_article, const ErrorHandler& on_error) {
  return [&](RawArticle&& raw) {
    InputError error;
    if (auto article = raw.parse(error))
      on_article(std::move(*article));
    else
      on_error(std::move(error));
  };
}

}  // namespace

std::optional<Article> RawArticle::parse(InputError& error) {
  if (auto* article = std::get_if<Article>(&content_)) return std::move(*article);
  if (auto* failure = std::get_if<InputError>(&content_)) {
    error = std::move(*failure);
    return std::nullopt;
  }
  auto& line = std::get<JsonLine>(content_);
  return parse_json_in_place(std::move(line.json), line.input, line.line, line.fallback_id,
                             line.options, error);
}

void read_json_lines(std::istream& in, const std::string& input, const ReaderOptions& options,
                     const ArticleHandler& on_article, const ErrorHandler& on_error) {
  read_raw_json_lines(in, input, options, parsing(on_article, on_error));
}

void read_input(const std::string& input, const ReaderOptions& options, const ArticleHandler& on_article,
                const ErrorHandler& on_error) {
  read_raw_input(input, options, parsing(on_article, on_error));
}

void read_raw_input(const std::string& input, const ReaderOptions& options,
                    const RawArticleHandler& on_raw) {
  auto on_error = [&](InputError&& error) { on_raw(RawArticle(std::move(error))); };
  if (input == "-") {
    read_raw_json_lines(std::cin, input, options, on_raw);
    return;
  }
  std::error_code ec;
  if (!fs::is_regular_file(input, ec)) {
    on_error({ErrorCode::kUnreadableFile, input, 0, 0, fs::exists(input, ec) ? "not a regular file" : "no such file"});
    return;
  }
  std::string extension = fs::path(input).extension().string();
  if (extension == ".txt") {
    read_text_file(input, options, on_raw);
  } else if (extension == ".jsonl" || extension == ".ndjson") {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      on_error({ErrorCode::kUnreadableFile, input, 0, 0, "cannot open the file"});
      return;
    }
    read_raw_json_lines(in, input, options, on_raw);
  } else if (extension == ".json") {
    auto size = fs::file_size(input, ec);
    if (!ec && size > json_limit(options)) {
      on_error({ErrorCode::kArticleTooLarge, input, 0, 0,
                "file is " + std::to_string(size) + " bytes, too large for --max-article-bytes " +
                    std::to_string(options.max_article_bytes)});
      return;
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      on_error({ErrorCode::kUnreadableFile, input, 0, 0, "cannot open the file"});
      return;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string json = buffer.str();
    if (json.starts_with("\xEF\xBB\xBF")) json.erase(0, 3);  // a UTF-8 byte order mark
    on_raw(RawArticle(RawArticle::JsonLine{std::move(json), input, 0, stem_of(input), options}));
  } else {
    on_error({ErrorCode::kUnknownFormat, input, 0, 0,
              "unknown input type '" + extension + "' (expected .txt, .json, .jsonl, .ndjson or -)"});
  }
}

const char* error_code_name(ErrorCode code) {
  static const char* names[] = {"E001", "E002", "E003", "E004", "E005", "E006",
                                "E007", "E008", "E009", "E010", "E011", "E012"};
  return names[static_cast<int>(code)];
}

std::string InputError::to_string() const {
  std::string where = input;
  if (line) where += ":" + std::to_string(line);
  std::string text = where + ": " + error_code_name(code) + " " + message;
  return text;
}

}  // namespace newskg
