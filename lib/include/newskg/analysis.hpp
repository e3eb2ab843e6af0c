// The shared document the extractors read: tokens and sentences of one article, each with
// byte offsets (for slicing the UTF-8 text) and code-point offsets (for what newskg writes).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/facts.hpp"

namespace newskg {

enum class TokenKind { kWord, kNumber, kPunct, kOpenQuote, kCloseQuote, kQuote, kHandle, kUrl };

struct Token {
  std::uint32_t begin = 0, end = 0;  // bytes
  Span cp;                           // code points
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;         // any white space between this and the previous token
  bool line_before = false;          // a line break between this and the previous token
  bool paragraph_before = false;     // a blank line between this and the previous token
  bool capitalised = false;          // first character is an upper-case letter
  bool all_caps = false;             // every letter upper case (at least two letters)
  std::string_view norm;  // lower case, curly apostrophes and dashes folded (held by the Analysis)
};

struct Sentence {
  std::size_t first = 0, last = 0;   // token range [first, last)
};

class Analysis {
 public:
  // The analysis refers to the text, which must outlive it.
  explicit Analysis(const std::string& text);
  explicit Analysis(std::string&&) = delete;
  // Tokens view their norms in norms_: an analysis stays where it was made.
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const std::string& text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::size_t sentence_of(std::size_t token) const { return sentence_index_[token]; }

  std::string_view slice(std::size_t first, std::size_t last) const;  // tokens [first, last)
  std::string_view token_text(std::size_t index) const;
  Span span(std::size_t first, std::size_t last) const;
  // The evidence for tokens [first, last): exact text, its sentence, the rule.
  Evidence evidence(std::size_t first, std::size_t last, std::string rule) const;
  // Code point offset of a byte offset that starts a character.
  std::uint32_t code_point_at(std::uint32_t byte) const;

  // Scratch space for the Lexicon: each token's word number in one lexicon (`owner`, a
  // version number of the lexicon), filled on its first lookup. An analysis belongs to one
  // article and one thread, so a cache in a const object is safe here.
  struct WordCache {
    std::uint64_t owner = 0;
    std::vector<std::uint32_t> words;  // the lexicon's number of the token's norm
    std::vector<std::uint64_t> kinds;  // kinds of the lexicon's forms that start with it
    std::vector<std::uint64_t> hashes;  // the lexicon's scratch space
  };
  WordCache& word_cache() const { return word_cache_; }

 private:
  void tokenize();
  void split_sentences();

  const std::string& text_;
  std::string norms_;  // every token's norm, back to back
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<std::size_t> sentence_index_;
  mutable WordCache word_cache_;
};

// Lower-cases and folds the characters newskg treats as equal when matching names:
// curly apostrophes to ', dashes to -, NFKC-like width forms left alone.
std::string fold(std::string_view text);

}  // namespace newskg
