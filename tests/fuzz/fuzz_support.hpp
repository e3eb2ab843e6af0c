// Shared by the fuzz targets: an independent check that what newskg wrote is valid RDF.
// serd (strict) or raptor parses each output in-process, and a failed check aborts, which
// libFuzzer reports as a finding with the input that caused it.
#pragma once
#include <raptor2.h>
#include <serd/serd.h>

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newskg::fuzz {

// Aborts with a message: libFuzzer saves the input and the sanitizers print the stack.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

inline void require(bool condition, const std::string& what) {
  if (!condition) fail(what);
}

// Strict UTF-8 (the well-formed byte sequences of Unicode's table 3-7), written apart from
// the library's own check so the two can disagree.
inline bool valid_utf8(std::string_view s) {
  auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  for (std::size_t i = 0; i < s.size();) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t n = c < 0x80 ? 1 : in(c, 0xC2, 0xDF) ? 2 : in(c, 0xE0, 0xEF) ? 3 : in(c, 0xF0, 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n >= 2) {
      unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
      unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
      if (!in(b(i + 1), lo, hi)) return false;
      for (std::size_t k = 2; k < n; ++k)
        if (!in(b(i + k), 0x80, 0xBF)) return false;
    }
    i += n;
  }
  return true;
}

// Slices valid UTF-8 text by code points, counted independently of the library.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
    starts_.push_back(text.size());
  }
  // The bytes of code points [begin, end).
  std::string_view slice(std::size_t begin, std::size_t end) const {
    require(begin <= end && end < starts_.size(), "span [" + std::to_string(begin) + "," + std::to_string(end) +
                                                      ") is outside the text");
    return text_.substr(starts_[begin], starts_[end] - starts_[begin]);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  // byte offset of each code point, then the size
};

struct RdfParseResult {
  std::size_t statements = 0;
  std::string first_error;  // empty when the parser reported no error or warning
};

// Parses `document` with serd, strict (N-Quads, N-Triples, Turtle, TriG), and counts
// statements and reported problems.
inline RdfParseResult parse_with_serd(std::string_view document, SerdSyntax syntax) {
  RdfParseResult result;
  struct ReaderFree {
    void operator()(SerdReader* r) const { serd_reader_free(r); }
  };
  std::unique_ptr<SerdReader, ReaderFree> reader(serd_reader_new(
      syntax, &result, nullptr, nullptr, nullptr,
      [](void* data, SerdStatementFlags, const SerdNode*, const SerdNode*, const SerdNode*, const SerdNode*,
         const SerdNode*, const SerdNode*) {
        ++static_cast<RdfParseResult*>(data)->statements;
        return SERD_SUCCESS;
      },
      nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(
      reader.get(),
      [](void* data, const SerdError* error) {
        auto* r = static_cast<RdfParseResult*>(data);
        if (r->first_error.empty()) {
          char message[512];
          std::vsnprintf(message, sizeof message, error->fmt, *error->args);
          r->first_error = std::string(message) + " at line " + std::to_string(error->line) + ":" +
                           std::to_string(error->col);
        }
        return SERD_SUCCESS;
      },
      &result);
  std::string text(document);  // serd reads a NUL-terminated string
  SerdStatus status = serd_reader_read_string(reader.get(), reinterpret_cast<const std::uint8_t*>(text.c_str()));
  if (status > SERD_FAILURE && result.first_error.empty()) 
    result.first_error = reinterpret_cast<const char*>(serd_strerror(status));
  return result;
}

// Parses RDF/XML with raptor (its own world, not the one the writers use).
inline RdfParseResult parse_with_raptor(std::string_view document, const char* syntax) {
  struct WorldFree {
    void operator()(raptor_world* w) const { raptor_free_world(w); }
  };
  struct ParserFree {
    void operator()(raptor_parser* p) const { raptor_free_parser(p); }
  };
  struct UriFree {
    void operator()(raptor_uri* u) const { raptor_free_uri(u); }
  };
  // The log handler is set once, before the world opens; it reports into `current`.
  static RdfParseResult* current = nullptr;
  static std::unique_ptr<raptor_world, WorldFree> world = [] {
    std::unique_ptr<raptor_world, WorldFree> w(raptor_new_world());
    raptor_world_set_log_handler(w.get(), nullptr, [](void*, raptor_log_message* message) {
      if (current && message->level >= RAPTOR_LOG_LEVEL_WARN && current->first_error.empty())
        current->first_error = std::string(message->text ? message->text : "?") + " at line " +
                               std::to_string(message->locator ? message->locator->line : -1);
    });
    raptor_world_open(w.get());
    return w;
  }();

  RdfParseResult result;
  current = &result;
  std::unique_ptr<raptor_parser, ParserFree> parser(raptor_new_parser(world.get(), syntax));
  require(parser != nullptr, std::string("raptor has no parser ") + syntax);
  raptor_parser_set_statement_handler(parser.get(), &result,
                                      [](void* data, raptor_statement*) { ++static_cast<RdfParseResult*>(data)->statements; });
  std::unique_ptr<raptor_uri, UriFree> base(
      raptor_new_uri(world.get(), reinterpret_cast<const unsigned char*>("https://fuzz.invalid/")));
  raptor_parser_parse_start(parser.get(), base.get());
  raptor_parser_parse_chunk(parser.get(), reinterpret_cast<const unsigned char*>(document.data()), document.size(), 0);
  raptor_parser_parse_chunk(parser.get(), nullptr, 0, 1);
  current = nullptr;
  return result;
}

// Parses `document` in `syntax` ("nquads", "ntriples", "turtle", "trig", "rdfxml") with a
// parser that is not newskg's: serd for the line and Turtle family, raptor for RDF/XML.
inline RdfParseResult parse_rdf(std::string_view document, std::string_view syntax) {
  if (syntax == "nquads") return parse_with_serd(document, SERD_NQUADS);
  if (syntax == "ntriples") return parse_with_serd(document, SERD_NTRIPLES);
  if (syntax == "turtle") return parse_with_serd(document, SERD_TURTLE);
  if (syntax == "trig") return parse_with_serd(document, SERD_TRIG);
  return parse_with_raptor(document, "rdfxml");
}

}  // namespace newskg::fuzz
