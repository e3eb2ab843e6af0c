// Fuzzes the text analysis (tokens, sentences, code-point offsets) on any valid UTF-8.
// Offsets must be exact: each token's code-point span selects exactly its bytes.
#include <cstdint>

#include "fuzz_support.hpp"
#include "newskg/analysis.hpp"

using namespace newskg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!fuzz::valid_utf8(text)) return 0;  // the reader rejects it before analysis
  Analysis doc(text);
  fuzz::CodePoints code_points(text);

  const auto& tokens = doc.tokens();
  std::uint32_t previous_end = 0;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    fuzz::require(token.begin < token.end && token.end <= text.size(), "token outside the text");
    fuzz::require(token.begin >= previous_end, "tokens overlap or are out of order");
    previous_end = token.end;
    std::string_view bytes = std::string_view(text).substr(token.begin, token.end - token.begin);
    fuzz::require(fuzz::valid_utf8(bytes), "token cuts a character");
    fuzz::require(code_points.slice(token.cp.begin, token.cp.end) == bytes,
                  "code-point span does not select the token's bytes");
    if (t % 64 == 0)  // it counts from the token before: linear per call, so sample it
      fuzz::require(doc.code_point_at(token.begin) == token.cp.begin, "code_point_at disagrees");
    fuzz::require(doc.token_text(t) == bytes, "token_text disagrees");
    fuzz::require(doc.sentence_of(t) < doc.sentences().size(), "token without a sentence");
    fuzz::require(fuzz::valid_utf8(token.norm), "token norm is not valid UTF-8");
  }
  std::size_t next = 0;
  for (const Sentence& s : doc.sentences()) {
    fuzz::require(s.first == next && s.first < s.last && s.last <= tokens.size(),
                  "sentences do not tile the tokens");
    next = s.last;
    Evidence e = doc.evidence(s.first, s.last, "fuzz");
    fuzz::require(code_points.slice(e.span.begin, e.span.end) == e.anchor, "sentence span inexact");
  }
  fuzz::require(next == tokens.size(), "tokens after the last sentence");
  fuzz::require(fuzz::valid_utf8(fold(text)), "fold broke UTF-8");
  return 0;
}
