#include "newskg/analysis.hpp"

#include <gtest/gtest.h>

namespace newskg {
namespace {

std::vector<std::string> sentence_texts(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sentences()) out.emplace_back(a.slice(s.first, s.last));
  return out;
}

TEST(Analysis, OffsetsCountCodePointsNotBytes) {
  std::string text = "Ministers\u2019 Meeting in Z\u00fcrich \U0001F600 ended.";
  Analysis a(text);
  for (std::size_t i = 0; i < a.tokens().size(); ++i) {
    const Token& t = a.tokens()[i];
    // code-point offsets agree with the byte slice
    std::u32string all;
    std::size_t cps = 0;
    for (std::size_t b = 0; b < t.begin; ++b) cps += (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
    EXPECT_EQ(t.cp.begin, cps) << a.token_text(i);
  }
  EXPECT_EQ(a.tokens().back().cp.end, 37u);
}

TEST(Analysis, AbbreviationsAndInitialsDoNotEndSentences) {
  std::string text = "Mr. Berg met S. Jaishankar in the U.S. on Monday. He left.";
  Analysis a(text);
  EXPECT_EQ(sentence_texts(a), (std::vector<std::string>{"Mr. Berg met S. Jaishankar in the U.S. on Monday.", "He left."}));
}

TEST(Analysis, HonorificAbbreviationsDoNotEndSentences) {
  std::string text = "It was signed by Eng. Amani Njoroge and Hon. Ruth Achieng. They left.";
  Analysis a(text);
  EXPECT_EQ(sentence_texts(a).size(), 2u);
}

TEST(Analysis, QuoteGluedToNextSentenceStillSplits) {
  std::string text = "Singh said, \"It is done.\"The talks ended";
  Analysis a(text);
  EXPECT_EQ(sentence_texts(a).size(), 2u);
}

TEST(Analysis, PossessiveIsItsOwnToken) {
  std::string text = "Norway\u2019s minister";
  Analysis a(text);
  ASSERT_EQ(a.tokens().size(), 3u);
  EXPECT_EQ(a.tokens()[1].norm, "'s");
}

TEST(Analysis, HardWrappedWireCopyJoinsLines) {
  std::string text =
      "OSLO, June 3 - Norway and Iceland signed a fisheries accord on\n"
      "Tuesday after two years of talks, officials from both countries\n"
      "said, ending a long dispute over mackerel quotas in the North\n"
      "Atlantic that had strained relations between the neighbours.\n"
      "The accord sets quotas for ten years and creates a joint body\n"
      "to review the science each spring, the ministers told reporters.\n";
  Analysis a(text);
  EXPECT_EQ(a.sentences().size(), 2u);
}

TEST(Analysis, ParagraphsEndSentencesWithoutPunctuation) {
  std::string text = "Broader Context\n\nThe talks went on.";
  Analysis a(text);
  EXPECT_EQ(sentence_texts(a), (std::vector<std::string>{"Broader Context", "The talks went on."}));
}

TEST(Fold, FoldsCaseApostrophesAndDashes) {
  EXPECT_EQ(fold("Ministers\u2019 India\u2013US"), "ministers' india-us");
}

}  // namespace
}  // namespace newskg
