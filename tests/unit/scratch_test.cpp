// The rule for working memory kept between articles (lib/src/rdf/scratch.hpp): a buffer far
// larger than the last article needed is given back, anything else is kept for reuse.
#include "rdf/scratch.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace newskg {
namespace {

TEST(Scratch, AFarLargerBufferThanTheLastArticleNeededIsFreed) {
  std::vector<std::uint64_t> big(kAlwaysKeptBytes / 8 * 2);  // 8 MB, all of it used
  clear_for_next(big);                                       // after the long article: kept
  EXPECT_TRUE(big.empty());
  EXPECT_GE(big.capacity() * 8, 2 * kAlwaysKeptBytes);
  big.resize(100);  // a short article
  clear_for_next(big);
  EXPECT_EQ(big.capacity(), 0u);
}

TEST(Scratch, SmallBuffersAndWellUsedOnesAreKept) {
  std::string small(kAlwaysKeptBytes / 2, 'x');
  small.resize(10);
  clear_for_next(small);  // mostly unused, but small
  EXPECT_GE(small.capacity(), kAlwaysKeptBytes / 2);

  std::vector<char> used(kAlwaysKeptBytes * 2);
  used.resize(kAlwaysKeptBytes / 2);  // a quarter used: kept
  release_if_oversized(used);
  EXPECT_EQ(used.size(), kAlwaysKeptBytes / 2);
  EXPECT_GE(used.capacity(), kAlwaysKeptBytes * 2);
  used.resize(1000);  // far less: freed
  release_if_oversized(used);
  EXPECT_EQ(used.capacity(), 0u);
}

}  // namespace
}  // namespace newskg
