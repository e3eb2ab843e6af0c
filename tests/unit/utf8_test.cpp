// utf8::count gives every offset newskg writes (nif:beginIndex, nif:endIndex, #char=): it is
// internal to the library (lib/src/text), tested directly against a byte-at-a-time count.
#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace newskg {
namespace {

std::size_t reference_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

TEST(Utf8Count, CountsCodePointsAtEveryLengthAndAlignment) {
  const std::string pieces[] = {"a",    " ", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                "\x7F", "Z"};
  std::mt19937 random(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    for (int k = 0, len = static_cast<int>(random() % 24); k < len; ++k)
      s += pieces[random() % std::size(pieces)];
    for (std::size_t from = 0; from < std::min<std::size_t>(s.size(), 9); ++from)
      ASSERT_EQ(utf8::count(std::string_view(s).substr(from)),
                reference_count(std::string_view(s).substr(from)))
          << s;
  }
  EXPECT_EQ(utf8::count(""), 0u);
  EXPECT_EQ(utf8::count("caf\xC3\xA9 caf\xC3\xA9 caf\xC3\xA9"), 14u);
}

}  // namespace
}  // namespace newskg
