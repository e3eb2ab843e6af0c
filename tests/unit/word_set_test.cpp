// WordSet is internal to the library (lib/src/text); tested here directly because the
// extractors only ask it yes-or-no questions whose wrong answers would be hard to trace.
#include "text/word_set.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newskg {
namespace {

TEST(WordSet, FindsWhatWasInsertedAndNothingElse) {
  WordSet set;
  set.reset(4);
  for (std::string_view w : {"minister", "fisheries", "ocean", "minister"}) set.insert(w);
  EXPECT_EQ(set.size(), 3u);
  EXPECT_TRUE(set.contains("fisheries"));
  EXPECT_TRUE(set.contains(std::string("ocean")));  // equal text, another buffer
  EXPECT_FALSE(set.contains("policy"));
  EXPECT_FALSE(set.contains("minister-"));
  EXPECT_FALSE(set.contains(""));
}

TEST(WordSet, GrowsPastWhatResetMadeRoomFor) {
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("w" + std::to_string(i));
  WordSet set;
  set.reset(2);
  for (const std::string& w : words) set.insert(w);
  EXPECT_EQ(set.size(), words.size());
  for (const std::string& w : words) EXPECT_TRUE(set.contains(w)) << w;
  EXPECT_FALSE(set.contains("w1000"));
}

TEST(WordSet, ResetEmptiesIt) {
  WordSet set;
  EXPECT_FALSE(set.contains("any"));  // never reset: empty, not a crash
  set.insert("any");
  EXPECT_TRUE(set.contains("any"));
  set.reset(8);
  EXPECT_FALSE(set.contains("any"));
  EXPECT_EQ(set.size(), 0u);
}

}  // namespace
}  // namespace newskg
