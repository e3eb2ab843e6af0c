// short_string_hash (lib/src/text/hash.hpp) reads a string's last bytes without a loop; a
// byte it failed to read would make words that differ only there collide in every table.
#include "text/hash.hpp"

#include <gtest/gtest.h>

#include <string>

namespace newskg {
namespace {

TEST(ShortStringHash, EveryByteOfEveryLengthCounts) {
  for (std::size_t length = 1; length <= 24; ++length) {
    const std::string base(length, 'a');
    const std::uint64_t h = short_string_hash(base);
    for (std::size_t at = 0; at < length; ++at) {
      std::string other = base;
      other[at] = 'b';
      EXPECT_NE(short_string_hash(other), h) << "length " << length << ", byte " << at;
    }
  }
}

TEST(ShortStringHash, LengthCounts) {
  // the same bytes, read from one buffer: only the length tells these apart
  const std::string zeros(16, '\0');
  for (std::size_t length = 0; length < 16; ++length)
    EXPECT_NE(short_string_hash(std::string_view(zeros).substr(0, length)),
              short_string_hash(std::string_view(zeros).substr(0, length + 1)))
        << length;
}

TEST(ShortStringHash, DependsOnTheTextNotOnWhereItIs) {
  const std::string text = "xxministerxx";
  EXPECT_EQ(short_string_hash(std::string_view(text).substr(2, 8)), short_string_hash("minister"));
  EXPECT_EQ(short_string_hash(std::string_view(text).substr(2, 3)), short_string_hash("min"));
}

}  // namespace
}  // namespace newskg
