#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace newskg::utf8 {

std::size_t find_invalid(std::string_view text) {
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    // Eight ASCII bytes a step: most of a news text is ASCII.
    for (std::uint64_t block; i + 8 <= text.size(); i += 8) {
      std::memcpy(&block, text.data() + i, 8);
      if (block & 0x8080808080808080ull) break;
    }
    if (i == text.size()) break;
    unsigned char b = byte(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    char32_t min;
    if ((b & 0xE0) == 0xC0) length = 2, min = 0x80;
    else if ((b & 0xF0) == 0xE0) length = 3, min = 0x800;
    else if ((b & 0xF8) == 0xF0) length = 4, min = 0x10000;
    else return i;
    if (i + length > text.size()) return i;
    char32_t c = b & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      c = (c << 6) | (byte(i + k) & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace newskg::utf8
