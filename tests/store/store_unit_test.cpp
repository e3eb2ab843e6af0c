// The embedded store: graphs replaced whole, digests that skip unchanged graphs, RDF files.
#include "newskg/store.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "newskg/error.hpp"
#include "newskg/sparql.hpp"

namespace fs = std::filesystem;

namespace newskg {
namespace {

constexpr const char* kLabel = "http://www.w3.org/2000/01/rdf-schema#label";

// A folder of its own for each test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("newskg-store-test-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string file(const std::string& name, const std::string& content = {}) {
    std::string path = (folder_ / name).string();
    if (!content.empty()) std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  fs::path folder_;
};

Triple labelled(const std::string& subject, const std::string& label) {
  return {Term::iri("http://example.org/" + subject), Term::iri(kLabel), Term::literal(label)};
}

Graph graph(const std::string& name, std::vector<Triple> triples) {
  return {"http://example.org/graph/" + name, std::move(triples)};
}

// The labels of a subject, as SPARQL sees them, in one string.
std::string labels(const Store& store, const std::string& subject) {
  sparql::Result result = sparql::run(store, "SELECT DISTINCT ?l WHERE { <http://example.org/" +
                                                 subject + "> <" + kLabel + "> ?l } ORDER BY ?l");
  std::string text;
  for (const auto& row : result.rows) text += row[0]->value + ";";
  return text;
}

TEST_F(StoreTest, ReplaceSwapsTheWholeGraphAndLeavesOthers) {
  Store store = Store::in_memory();
  store.replace(graph("a", {labelled("x", "one"), labelled("y", "two")}));
  store.replace(graph("b", {labelled("x", "three")}));
  EXPECT_EQ(store.size(), 3u);
  store.replace(graph("a", {labelled("x", "four")}));
  EXPECT_EQ(store.size(), 2u);
  EXPECT_EQ(store.graph_size("http://example.org/graph/a"), 1u);
  EXPECT_EQ(labels(store, "x"), "four;three;");
  EXPECT_EQ(labels(store, "y"), "");
  EXPECT_EQ(store.graph_names(),
            (std::vector<std::string>{"http://example.org/graph/a", "http://example.org/graph/b"}));
  EXPECT_TRUE(store.remove("http://example.org/graph/a"));
  EXPECT_FALSE(store.remove("http://example.org/graph/a"));
  EXPECT_EQ(store.graph_names(), std::vector<std::string>{"http://example.org/graph/b"});
}

TEST_F(StoreTest, RepeatedTriplesAreStoredOnce) {
  Store store = Store::open(file("kg.sqlite"));
  store.replace(graph("a", {labelled("x", "one"), labelled("x", "one"), labelled("x", "two")}));
  EXPECT_EQ(store.size(), 2u);
}

TEST_F(StoreTest, AnUnchangedGraphIsSkippedAChangedOneReplaced) {
  std::string path = file("kg.sqlite");
  {
    Store store = Store::open(path);
    EXPECT_TRUE(store.replace(graph("a", {labelled("x", "one")})));
    EXPECT_FALSE(store.replace(graph("a", {labelled("x", "one")})));
    EXPECT_TRUE(store.replace(graph("a", {labelled("x", "two")})));
    EXPECT_TRUE(store.replace(graph("b", {labelled("x", "two")})));  // same triples, other graph
  }
  Store reopened = Store::open(path);  // the digests are kept in the file
  EXPECT_FALSE(reopened.replace(graph("a", {labelled("x", "two")})));
  EXPECT_EQ(labels(reopened, "x"), "two;");
  EXPECT_EQ(reopened.size(), 2u);
  // A graph removed, or replaced from an RDF file, is written again the next time.
  EXPECT_TRUE(reopened.remove("http://example.org/graph/a"));
  EXPECT_TRUE(reopened.replace(graph("a", {labelled("x", "two")})));
  reopened.load_file(file("a.nq", "<http://example.org/x> <" + std::string(kLabel) +
                                      "> \"from a file\" <http://example.org/graph/a> .\n"));
  EXPECT_EQ(labels(reopened, "x"), "from a file;two;");
  EXPECT_TRUE(reopened.replace(graph("a", {labelled("x", "two")})));
  EXPECT_EQ(labels(reopened, "x"), "two;");
}

TEST_F(StoreTest, TermsComeBackExactly) {
  // Longer than a SHA-1 block, with quotes SQL must escape, in several scripts.
  std::string text =
      "It's \"quoted\", it's 'long' — longer than sixty-four bytes: Ünïcödé, 日本語, "
      "🙂\n\tend";
  Graph g = graph("a", {{Term::iri("http://example.org/x"), Term::iri(kLabel), Term::literal(text)},
                        {Term::iri("http://example.org/x"), Term::iri(kLabel),
                         Term::literal("10", "http://www.w3.org/2001/XMLSchema#integer")},
                        {Term::iri("http://example.org/x"), Term::iri(kLabel),
                         Term{Term::Type::kLiteral, "hallo", {}, "de"}}});
  Store store = Store::open(file("kg.sqlite"));
  store.replace(g);
  sparql::Result result = sparql::run(store, "SELECT ?l WHERE { ?x ?p ?l } ORDER BY STR(?l)");
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(*result.rows[0][0], (sparql::Value{sparql::Value::Type::kLiteral, "10",
                                               "http://www.w3.org/2001/XMLSchema#integer", ""}));
  EXPECT_EQ(*result.rows[1][0], (sparql::Value{sparql::Value::Type::kLiteral, text, "", ""}));
  EXPECT_EQ(*result.rows[2][0], (sparql::Value{sparql::Value::Type::kLiteral, "hallo", "", "de"}));
}

TEST_F(StoreTest, LoadFileKeepsGraphNamesAndAddsToAGraphMetTwice) {
  std::string trig = file("data.trig",
                          "@prefix ex: <http://example.org/> .\n"
                          "ex:x ex:p \"default graph\" .\n"
                          "ex:g1 { ex:x ex:p \"one\" . ex:x ex:p \"one\" . }\n"
                          "ex:g2 { ex:x ex:p \"two\" }\n"
                          "ex:g1 { ex:x ex:p \"one again\" }\n");
  Store store = Store::open(file("kg.sqlite"));
  std::vector<std::string> seen;
  EXPECT_EQ(store.load_file(trig, [&](const std::string& g, std::size_t) { seen.push_back(g); }),
            3u);
  std::string file_graph = "file://" + fs::absolute(trig).lexically_normal().string();
  EXPECT_EQ(store.graph_names(), (std::vector<std::string>{file_graph, "http://example.org/g1",
                                                           "http://example.org/g2"}));
  EXPECT_EQ(store.graph_size("http://example.org/g1"), 2u);
  EXPECT_EQ(seen.size(), 4u);  // g1 was committed twice
  store.load_file(trig);       // again: each graph replaced by itself
  EXPECT_EQ(store.size(), 4u);
}

TEST_F(StoreTest, BadFilesAreNamed) {
  Store store = Store::open(file("kg.sqlite"));
  std::string broken = file("broken.nq",
                            "<http://x/a> <http://x/b> <http://x/c> <http://x/g1> .\n"
                            "<http://x/a> <http://x/b> <http://x/c> <http://x/g2> .\n"
                            "<http://x/a> <http://x/b> \"open .\n"
                            "<http://x/a> <http://x/b> <http://x/c> <http://x/g3> .\n");
  try {
    store.load_file(broken);
    FAIL() << "a syntax error was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kRdf);
    EXPECT_EQ(std::string(e.what()).rfind(broken + ":3: ", 0), 0u) << e.what();
  }
  // The graphs before the error are whole and committed; the one it may belong to is not.
  EXPECT_EQ(store.graph_names(), std::vector<std::string>{"http://x/g1"});
  // An error on the last line, with no line end after it, is named too.
  std::string last =
      file("last.nt", "<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b>");
  try {
    store.load_file(last);
    FAIL() << "a syntax error was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind(last + ":2: ", 0), 0u) << e.what();
  }
  std::string first = file(
      "first.nq", "<a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> <http://x/c> .\n");
  try {
    store.load_file(first);
    FAIL() << "a relative IRI was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind(first + ":1: ", 0), 0u) << e.what();
  }
  try {
    store.load_file(file("gone.nq"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnreadableFile);
  }
  try {
    store.load_file(file("notes.txt", "words"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownFormat);
  }
  EXPECT_TRUE(is_rdf_file("a.TRIG"));
  EXPECT_FALSE(is_rdf_file("a.jsonl"));
}

TEST_F(StoreTest, AFileThatIsNoStoreIsRefused) {
  std::string text = file("notes.sqlite", std::string(5000, 'x'));
  try {
    Store::open(text);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), text + ": cannot open the store: file is not a database");
  }
}

}  // namespace
}  // namespace newskg
