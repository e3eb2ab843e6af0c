// Minimal UTF-8 decoding and encoding for text already validated by the reader.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newskg::utf8 {

// Decodes the character at text[i] and moves i past it. Invalid bytes decode as U+FFFD
// one byte at a time, so a caller can never loop forever.
inline char32_t decode_raw(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = b & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return c;
}

inline int decode(std::string_view text, std::size_t& i) { return static_cast<int>(decode_raw(text, i)); }

inline void append(std::string& out, int c) {
  auto u = static_cast<char32_t>(c);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

// Number of code points: every byte that is not a continuation byte starts one.
inline std::size_t count(std::string_view text) {
  std::size_t n = 0, i = 0;
  // Eight bytes a step: a continuation byte (10xxxxxx) has bit 7 set and bit 6 clear.
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    n += 8 - static_cast<std::size_t>(std::popcount(x & ~(x << 1) & 0x8080808080808080ull));
  }
  for (; i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// Where the first invalid sequence starts, or npos. Rejects overlongs, surrogates and
// code points above U+10FFFF, as RFC 3629 requires.
std::size_t find_invalid(std::string_view text);

}  // namespace newskg::utf8
