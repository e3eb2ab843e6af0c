// Tokens and sentences over UTF-8 text, with code-point offsets computed on the way.
// ICU supplies the character properties (letters, case, marks) so names in any script
// tokenise correctly; the rules for news text (abbreviations, initials, hard-wrapped wire
// copy, quotes glued to the next sentence) are ours.
#include "newskg/analysis.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "text/utf8.hpp"

namespace newskg {
namespace {

bool is_ascii_alnum(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

[[gnu::noinline]] bool is_word_char_beyond_ascii(UChar32 c) {
  auto type = u_charType(c);
  return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Called for every character: the ASCII answer inline, ICU for the rest.
inline bool is_word_char(UChar32 c) { return c < 0x80 ? is_ascii_alnum(c) : is_word_char_beyond_ascii(c); }

// ICU's u_isdigit and u_isalpha, without the call for ASCII (where they mean [0-9], [A-Za-z]).
bool is_digit(UChar32 c) { return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }
bool is_alpha(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c); }

bool is_space(UChar32 c) {
  // ASCII white space is what ICU says it is (U+0009..U+000D, U+0020), without the call.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c) || c == 0xFEFF;
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Abbreviations after which a period does not end a sentence.
constexpr std::string_view kAbbreviations[] = {
    "mr",   "mrs",  "ms",  "dr",   "prof", "st",   "gen",  "lt",   "col",  "sgt", "capt", "adm",
    "sen",  "rep",  "gov", "no",   "vs",   "jan",  "feb",  "mar",  "apr",  "jun", "jul",  "aug",
    "sep",  "sept", "oct", "nov",  "dec",  "inc",  "corp", "co",   "ltd",  "jr",   "eng",  "engr",
    "hon",  "rev",  "maj", "brig", "cdr",  "amb",  "messrs"};

bool is_abbreviation(std::string_view norm) {
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), norm) != std::end(kAbbreviations);
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ICU's lower case of ASCII, without the call
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++i;
      continue;
    }
    UChar32 c = utf8::decode(text, i);
    switch (c) {
      case 0x2019: case 0x2018: case 0x02BC: c = '\''; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: c = '-'; break;
      case 0x00A0: c = ' '; break;
      default: c = u_tolower(c);
    }
    utf8::append(out, c);
  }
  return out;
}

Analysis::Analysis(const std::string& text) : text_(text) {
  tokens_.reserve(text.size() / 5 + 1);  // news text runs about six bytes a token
  tokenize();
  split_sentences();
}

std::string_view Analysis::slice(std::size_t first, std::size_t last) const {
  if (first >= last) return {};
  return std::string_view(text_).substr(tokens_[first].begin,
                                        tokens_[last - 1].end - tokens_[first].begin);
}

std::string_view Analysis::token_text(std::size_t index) const { return slice(index, index + 1); }

Span Analysis::span(std::size_t first, std::size_t last) const {
  return {tokens_[first].cp.begin, tokens_[last - 1].cp.end};
}

Evidence Analysis::evidence(std::size_t first, std::size_t last, std::string rule) const {
  const Sentence& s = sentences_[sentence_index_[first]];
  return Evidence{span(first, last), std::string(slice(first, last)), span(s.first, s.last), std::move(rule)};
}

std::uint32_t Analysis::code_point_at(std::uint32_t byte) const {
  // Tokens are sorted by offset; find the token starting at or before byte and count on.
  auto it = std::upper_bound(tokens_.begin(), tokens_.end(), byte,
                             [](std::uint32_t b, const Token& t) { return b < t.begin; });
  std::uint32_t cp = 0, from = 0;
  if (it != tokens_.begin()) {
    --it;
    cp = it->cp.begin;
    from = it->begin;
  }
  return cp + static_cast<std::uint32_t>(utf8::count(std::string_view(text_).substr(from, byte - from)));
}

void Analysis::tokenize() {
  std::string_view text(text_);
  std::size_t i = 0;
  std::uint32_t cp = 0;
  int newlines = 0;
  bool space = false;
  std::size_t run_end = 0;  // end of the current run of non-space characters
  static constexpr std::array<std::string_view, 3> kUrlMarkers = {"://", ".com/", ".org/"};
  std::array<std::size_t, kUrlMarkers.size()> next_marker{};  // where each marker is next found
  // Norms go into norms_ while it may still grow; each token's view is set at the end.
  norms_.clear();
  norms_.reserve(text.size());
  std::vector<std::uint32_t> norm_ends;
  norm_ends.reserve(tokens_.capacity());
  for (std::size_t m = 0; m < kUrlMarkers.size(); ++m) next_marker[m] = text.find(kUrlMarkers[m]);

  auto push = [&](std::size_t begin, std::size_t end, std::uint32_t cp_begin, TokenKind kind) {
    Token t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.cp = {cp_begin, cp};
    t.kind = kind;
    t.space_before = space || newlines > 0;
    t.line_before = newlines > 0;
    t.paragraph_before = newlines > 1;
    std::string_view raw = text.substr(begin, end - begin);
    int letters = 0, upper = 0;
    // Most tokens are ASCII: ICU's answers without the calls, and fold() is lower case. The
    // norm is written as the bytes are checked, and taken back if one is not ASCII.
    const std::size_t at = norms_.size();
    norms_.append(raw);
    char* norm = norms_.data() + at;
    unsigned char high = 0;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      auto c = static_cast<unsigned char>(norm[k]);
      high |= c;
      bool is_upper = c >= 'A' && c <= 'Z';
      letters += is_upper || (c >= 'a' && c <= 'z');
      upper += is_upper;
      norm[k] = static_cast<char>(is_upper ? c + ('a' - 'A') : c);
    }
    const bool ascii = high < 0x80;
    if (ascii) {
      t.capitalised = raw[0] >= 'A' && raw[0] <= 'Z';
    } else {
      norms_.resize(at);
      letters = upper = 0;
      std::size_t k = 0;
      UChar32 first = utf8::decode(raw, k);
      t.capitalised = u_isupper(first) || u_istitle(first);
      for (std::size_t j = 0; j < raw.size();) {
        UChar32 c = utf8::decode(raw, j);
        if (u_isalpha(c)) {
          ++letters;
          if (u_isupper(c)) ++upper;
        }
      }
    }
    t.all_caps = letters >= 2 && upper == letters;
    if (!ascii) norms_ += fold(raw);
    norm_ends.push_back(static_cast<std::uint32_t>(norms_.size()));
    tokens_.push_back(t);
    space = false;
    newlines = 0;
  };

  while (i < text.size()) {
    std::size_t begin = i;
    std::uint32_t cp_begin = cp;
    UChar32 c = utf8::decode(text, i);
    ++cp;
    if (is_space(c)) {
      if (c == '\n' || (c == '\r' && !(i < text.size() && text[i] == '\n'))) ++newlines;
      space = true;
      continue;
    }
    auto peek = [&](std::size_t at) -> UChar32 {
      if (at >= text.size()) return -1;
      return utf8::decode(text, at);
    };
    auto advance = [&]() {
      utf8::decode(text, i);
      ++cp;
    };

    if (c == '@' && is_word_char(peek(i))) {
      while (i < text.size() && (is_word_char(peek(i)) || peek(i) == '_')) advance();
      push(begin, i, cp_begin, TokenKind::kHandle);
      continue;
    }
    if (is_word_char(c)) {
      // A URL-like run (scheme, or host with a path) is one token. The run's end and the
      // next URL marker are remembered, so a megabyte without spaces stays linear.
      if (run_end <= begin) {
        run_end = begin;
        while (run_end < text.size()) {
          if (auto b = static_cast<unsigned char>(text[run_end]); b < 0x80) {  // ASCII: no decoding
            if (is_space(b)) break;
            ++run_end;
            continue;
          }
          std::size_t at = run_end;
          if (is_space(utf8::decode(text, at))) break;
          run_end = at;
        }
      }
      bool url = text.substr(begin, 4) == "www.";
      for (std::size_t m = 0; m < kUrlMarkers.size() && !url; ++m) {
        if (next_marker[m] != std::string_view::npos && next_marker[m] < begin)
          next_marker[m] = text.find(kUrlMarkers[m], begin);
        url = next_marker[m] != std::string_view::npos && next_marker[m] + kUrlMarkers[m].size() <= run_end;
      }
      std::string_view run = text.substr(begin, run_end - begin);
      if (url) {
        while (run.size() > 1 && std::string_view(".,;:)\"'").find(run.back()) != std::string_view::npos)
          run.remove_suffix(1);
        while (i < begin + run.size()) advance();
        push(begin, i, cp_begin, TokenKind::kUrl);
        continue;
      }
      bool digit_start = is_digit(c);
      // Single-letter abbreviations joined by periods: U.S., D.C., U.K.
      if (is_alpha(c) && peek(i) == '.') {
        std::size_t j = i;
        std::uint32_t extra = 0;
        while (j + 1 < text.size() && text[j] == '.' && is_alpha(peek(j + 1))) {
          std::size_t k = j + 1;
          utf8::decode(text, k);
          if (k < text.size() && text[k] == '.') {
            extra += 1 + 1 + 1;
            j = k + 1;
            // Do not continue past a letter that starts a word: "U.S. On"
            if (j < text.size() && is_word_char(peek(j))) break;
            continue;
          }
          break;
        }
        if (extra > 0) {
          while (i < j) advance();
          push(begin, i, cp_begin, TokenKind::kWord);
          continue;
        }
      }
      while (i < text.size()) {
        if (is_ascii_alnum(static_cast<unsigned char>(text[i]))) {  // most of a word: one byte, one code point
          ++i;
          ++cp;
          continue;
        }
        UChar32 n = peek(i);
        if (is_word_char(n)) {
          advance();
          continue;
        }
        // Digits joined by , or . stay one number: 1,000 and 3.5
        if (digit_start && (n == ',' || n == '.') && i + 1 < text.size() && is_digit(peek(i + 1))) {
          advance();
          continue;
        }
        // An apostrophe inside a word (We're, O'Neill), but not a possessive 's.
        if (is_apostrophe(n)) {
          std::size_t j = i;
          utf8::decode(text, j);
          UChar32 after = peek(j);
          if (is_word_char(after)) {
            std::size_t k = j;
            utf8::decode(text, k);
            bool possessive = (after == 's' || after == 'S') && !is_word_char(peek(k));
            if (!possessive) {
              advance();
              continue;
            }
          }
        }
        break;
      }
      bool number = digit_start;
      if (number) {
        for (std::size_t j = begin; j < i; ++j)
          if (!(std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',' || text[j] == '.'))
            number = false;
      }
      push(begin, i, cp_begin, number ? TokenKind::kNumber : TokenKind::kWord);
      continue;
    }
    // Apostrophes: possessive 's, a plural possessive (Ministers' Meeting), or a quote mark.
    if (is_apostrophe(c)) {
      bool glued_left = !space && newlines == 0 && !tokens_.empty() && tokens_.back().end == begin &&
                        tokens_.back().kind == TokenKind::kWord;
      UChar32 n = peek(i);
      if (glued_left && (n == 's' || n == 'S')) {
        std::size_t k = i;
        utf8::decode(text, k);
        if (!is_word_char(peek(k))) {
          advance();
          push(begin, i, cp_begin, TokenKind::kWord);  // the token "'s"
          continue;
        }
      }
      if (glued_left) {
        std::string_view prev = text.substr(tokens_.back().begin, tokens_.back().end - tokens_.back().begin);
        bool plural = !prev.empty() && (prev.back() == 's' || prev.back() == 'S');
        // A plural possessive is followed by a space and a word; a closing quote by anything.
        if (plural && (n == ' ') ) {
          push(begin, i, cp_begin, TokenKind::kWord);  // the token "'", part of the name
          continue;
        }
        push(begin, i, cp_begin, c == '\'' ? TokenKind::kQuote : TokenKind::kCloseQuote);
        continue;
      }
      push(begin, i, cp_begin, c == '\'' ? TokenKind::kQuote : TokenKind::kOpenQuote);
      continue;
    }
    switch (c) {
      case 0x201C: case 0x00AB: case 0x201E: case 0x2018:
        push(begin, i, cp_begin, TokenKind::kOpenQuote);
        continue;
      case 0x201D: case 0x00BB:
        push(begin, i, cp_begin, TokenKind::kCloseQuote);
        continue;
      case '"':
        push(begin, i, cp_begin, TokenKind::kQuote);
        continue;
      default:
        push(begin, i, cp_begin, TokenKind::kPunct);
    }
  }
  std::string_view norms(norms_);
  for (std::size_t k = 0, from = 0; k < tokens_.size(); from = norm_ends[k++])
    tokens_[k].norm = norms.substr(from, norm_ends[k] - from);
}

void Analysis::split_sentences() {
  // Hard-wrapped copy (wire style): most lines are of similar length and break mid-sentence.
  // There a single line break is a space; elsewhere it ends a sentence.
  std::size_t lines = 0, wrapped = 0;
  for (std::size_t start = 0; start < text_.size();) {
    std::size_t end = text_.find('\n', start);
    if (end == std::string::npos) end = text_.size();
    std::size_t length = end - start;
    if (length > 0) {
      ++lines;
      if (length >= 40 && length <= 90) {
        char last = text_[end - 1] == '\r' && end - 1 > start ? text_[end - 2] : text_[end - 1];
        if (std::string_view(".!?\"").find(last) == std::string_view::npos) ++wrapped;
      }
    }
    start = end + 1;
  }
  bool hard_wrapped = lines >= 6 && wrapped * 3 >= lines;

  auto ends_sentence_punct = [&](const Token& t) {
    return t.kind == TokenKind::kPunct && (t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "…");
  };

  std::size_t start = 0;
  auto close = [&](std::size_t end) {
    if (end > start) sentences_.push_back({start, end});
    start = end;
  };
  for (std::size_t i = 1; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    const Token& prev = tokens_[i - 1];
    if (t.paragraph_before) {
      close(i);
      continue;
    }
    if (t.line_before) {
      bool prev_final = ends_sentence_punct(prev) || prev.kind == TokenKind::kCloseQuote ||
                        prev.kind == TokenKind::kQuote || prev.norm == ":";
      bool continues = !t.capitalised && (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber);
      if (!hard_wrapped ? !(continues && !prev_final) : prev_final && t.capitalised) {
        close(i);
        continue;
      }
    }
    // After . ! ? (and any closing quotes or brackets) a capitalised word or an opening quote
    // starts a new sentence, unless the period ends an abbreviation or an initial.
    if (ends_sentence_punct(prev) || prev.kind == TokenKind::kCloseQuote || prev.kind == TokenKind::kQuote ||
        prev.norm == ")") {
      std::size_t p = i - 1;
      while (p > start && (tokens_[p].kind == TokenKind::kCloseQuote || tokens_[p].kind == TokenKind::kQuote ||
                           tokens_[p].norm == ")"))
        --p;
      if (!ends_sentence_punct(tokens_[p])) continue;
      bool starts = t.capitalised || t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kNumber ||
                    t.kind == TokenKind::kHandle ||
                    (t.kind == TokenKind::kQuote && i + 1 < tokens_.size() && tokens_[i + 1].capitalised);
      if (!starts) continue;
      if (tokens_[p].norm == "." && p > start) {
        const Token& before = tokens_[p - 1];
        bool glued = !tokens_[p].space_before;
        if (glued && is_abbreviation(before.norm)) continue;
        // An initial: a single capital letter after a space ("K. Raman").
        std::string_view word = token_text(p - 1);
        if (glued && word.size() == 1 && before.capitalised && t.capitalised && t.kind == TokenKind::kWord)
          continue;
      }
      close(i);
    }
  }
  close(tokens_.size());
  sentence_index_.assign(tokens_.size(), 0);
  for (std::size_t s = 0; s < sentences_.size(); ++s)
    for (std::size_t k = sentences_[s].first; k < sentences_[s].last; ++k) sentence_index_[k] = s;
}

}  // namespace newskg
