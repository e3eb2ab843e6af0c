#include "newskg/reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newskg {
namespace {

namespace fs = std::filesystem;

struct Collected {
  std::vector<Article> articles;
  std::vector<InputError> errors;
};

Collected read_file(const std::string& name, const std::string& content) {
  fs::path path = fs::temp_directory_path() / ("newskg-reader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + name);
  std::ofstream(path, std::ios::binary) << content;
  Collected c;
  read_input(path.string(), {}, [&](Article&& a) { c.articles.push_back(std::move(a)); },
             [&](InputError&& e) { c.errors.push_back(std::move(e)); });
  fs::remove(path);
  return c;
}

TEST(Reader, TextFileIsTheWholeTextExactly) {
  auto c = read_file("a.txt", "Headline\r\n\r\nBody text.\n");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].text, "Headline\r\n\r\nBody text.\n");
  EXPECT_TRUE(c.errors.empty());
}

TEST(Reader, BadJsonLinesAreNamedAndTheRestStillComeThrough) {
  auto c = read_file("b.jsonl",
                     "{\"id\":\"1\",\"text\":\"One.\"}\n"
                     "{\"id\":\"2\",\"text\":\n"
                     "{\"id\":\"3\"}\n"
                     "{\"id\":\"4\",\"text\":42}\n"
                     "{\"id\":\"5\",\"text\":\"Five.\"}\n");
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "1");
  EXPECT_EQ(c.articles[1].id, "5");
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_EQ(c.errors[0].line, 2u);
  EXPECT_EQ(c.errors[0].code, ErrorCode::kMalformedJson);
  EXPECT_EQ(c.errors[1].code, ErrorCode::kMissingText);
  EXPECT_EQ(c.errors[2].code, ErrorCode::kWrongFieldType);
  EXPECT_NE(c.errors[2].to_string().find("b.jsonl:4: E005"), std::string::npos);
}

TEST(Reader, NewsPleaseFieldNamesAreAccepted) {
  auto c = read_file("c.json",
                     "{\"maintext\":\"Body.\",\"date_publish\":\"2019-06-03 12:00:00\",\"source_domain\":\"example.com\","
                     "\"title\":\"T\",\"url\":\"https://example.com/a\"}");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].text, "Body.");
  EXPECT_EQ(c.articles[0].published, "2019-06-03T12:00:00");
  EXPECT_EQ(c.articles[0].publisher, "example.com");
  EXPECT_FALSE(c.articles[0].id.empty());  // the file stem
}

TEST(Reader, InvalidUtf8IsRejectedWithItsLine) {
  auto c = read_file("d.txt", "fine line\nbad \xC0\xAF overlong\n");
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, ErrorCode::kInvalidUtf8);
  EXPECT_EQ(c.errors[0].line, 2u);
}

TEST(Reader, ByteOrderMarkIsNotText) {
  auto c = read_file("e.txt", "\xEF\xBB\xBFText.");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].text, "Text.");
}

TEST(Reader, UnknownExtensionIsAnError) {
  auto c = read_file("f.pdf", "%PDF");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, ErrorCode::kUnknownFormat);
}

}  // namespace
}  // namespace newskg
