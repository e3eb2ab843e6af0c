// slug() makes the identity keys of entities and the last segment of their IRIs: internal to
// the library (lib/src/extract), tested directly because every IRI depends on it.
#include <gtest/gtest.h>

#include "extract/doc.hpp"

namespace newskg::extract {
namespace {

TEST(Slug, LowerCaseWordsJoinedBySingleHyphens) {
  EXPECT_EQ(slug("Ministry of Defence"), "ministry-of-defence");
  EXPECT_EQ(slug("  U.S.-Japan  Pact, 2024 "), "u-s-japan-pact-2024");
  EXPECT_EQ(slug("--"), "");
  EXPECT_EQ(slug(""), "");
}

TEST(Slug, ApostrophesVanish) {
  EXPECT_EQ(slug("Ministers' Meeting"), "ministers-meeting");
  EXPECT_EQ(slug("O\u2019Brien"), "obrien");
}

TEST(Slug, LettersBeyondAsciiAreFoldedAndKept) {
  EXPECT_EQ(slug("São Tomé"), "são-tomé");
  EXPECT_EQ(slug("ÇANAKKALE Köprüsü"), "çanakkale-köprüsü");
  EXPECT_EQ(slug("Αθήνα – Σόφια"), "αθήνα-σόφια");  // an en dash separates
}

TEST(Slug, ALowerCaseLongerThanItsCapitalStillFits) {
  // U+023A (two bytes) lower-cases to U+2C65 (three): the slug outgrows its text
  EXPECT_EQ(slug("\u023A\u023A\u023A"), "\u2C65\u2C65\u2C65");
  EXPECT_EQ(slug("a \u023A"), "a-\u2C65");
}

}  // namespace
}  // namespace newskg::extract
