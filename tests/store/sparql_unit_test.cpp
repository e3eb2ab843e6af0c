// SPARQL over a store (each query form, GRAPH, aggregates) and the result writers.
#include "newskg/sparql.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "newskg/error.hpp"

namespace newskg::sparql {
namespace {

constexpr const char* kPrefixes =
    "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

// Two articles' graphs: both say Ada works for Acme, one also that she wrote a note.
Store example_store() {
  Store store = Store::in_memory();
  auto iri = [](const std::string& local) { return Term::iri("http://example.org/" + local); };
  store.replace({"http://example.org/graph/1",
                 {{iri("ada"), iri("worksFor"), iri("acme")},
                  {iri("ada"), iri("name"), Term::literal("Ada")},
                  {iri("note"), iri("author"), iri("ada")},
                  {iri("note"), iri("text"), Term::literal("a, \"quoted\"\nline\twith tab")}}});
  store.replace(
      {"http://example.org/graph/2",
       {{iri("ada"), iri("worksFor"), iri("acme")},
        {iri("ada"), iri("age"), Term::literal("36", "http://www.w3.org/2001/XMLSchema#integer")},
        {iri("acme"), iri("name"), Term{Term::Type::kLiteral, "Acme", {}, "en"}}}});
  return store;
}

Value iri(const std::string& local) {
  return {Value::Type::kIri, "http://example.org/" + local, "", ""};
}
Value text(const std::string& value) {
  return {Value::Type::kLiteral, value, "", ""};
}

std::string written(const Result& result, ResultFormat format) {
  std::ostringstream out;
  write(result, format, out);
  return out.str();
}

TEST(Sparql, SelectKeepsProjectionOrderAndLeavesUnboundEmpty) {
  Store store = example_store();
  Result result = run(
      store,
      std::string(kPrefixes) +
          "SELECT ?who ?age WHERE { ?who ex:name ?n OPTIONAL { ?who ex:age ?age } } ORDER BY ?who");
  EXPECT_EQ(result.kind, Result::Kind::kBindings);
  EXPECT_TRUE(result.ordered);
  EXPECT_EQ(result.variables, (std::vector<std::string>{"who", "age"}));
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0][0], iri("acme"));
  EXPECT_FALSE(result.rows[0][1]);
  EXPECT_EQ(result.rows[1][0], iri("ada"));
  EXPECT_EQ(result.rows[1][1],
            (Value{Value::Type::kLiteral, "36", "http://www.w3.org/2001/XMLSchema#integer", ""}));
}

TEST(Sparql, NoRowsStillNamesTheVariables) {
  Result result =
      run(example_store(),
          "SELECT ?nobody ?nothing WHERE { ?nobody <http://example.org/none> ?nothing }");
  EXPECT_TRUE(result.rows.empty());
  EXPECT_FALSE(result.ordered);
  EXPECT_EQ(result.variables, (std::vector<std::string>{"nobody", "nothing"}));
  EXPECT_EQ(written(result, ResultFormat::kCsv), "nobody,nothing\r\n");
}

TEST(Sparql, GraphRangesOverTheArticlesAndAggregatesCount) {
  Store store = example_store();
  Result result =
      run(store, std::string(kPrefixes) +
                     "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ex:ada ex:worksFor ?org } } "
                     "GROUP BY ?g ORDER BY ?g");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0][0], iri("graph/1"));
  EXPECT_EQ(result.rows[1][1]->value, "1");
  // The default graph is the union of the graphs.
  Result sources = run(
      store,
      std::string(kPrefixes) +
          "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ex:ada ex:worksFor ex:acme } }");
  EXPECT_EQ(sources.rows[0][0]->value, "2");
}

TEST(Sparql, AskConstructAndDescribe) {
  Store store = example_store();
  EXPECT_TRUE(run(store, std::string(kPrefixes) + "ASK { ex:ada ex:worksFor ex:acme }").boolean);
  Result no = run(store, std::string(kPrefixes) + "ASK { ex:acme ex:worksFor ex:ada }");
  EXPECT_EQ(no.kind, Result::Kind::kBoolean);
  EXPECT_FALSE(no.boolean);

  Result built = run(store, std::string(kPrefixes) +
                                "CONSTRUCT { ?org ex:employs ?p } WHERE { ?p ex:worksFor ?org }");
  EXPECT_EQ(built.kind, Result::Kind::kGraph);
  EXPECT_EQ(built.triples,
            (std::vector<ValueTriple>{{iri("acme"), iri("employs"), iri("ada")}}));  // once

  // DESCRIBE: what is said about the resource and what points at it, from every graph.
  Result described = run(store, std::string(kPrefixes) + "DESCRIBE ex:ada");
  EXPECT_EQ(described.kind, Result::Kind::kGraph);
  EXPECT_EQ(described.triples.size(), 4u);
  EXPECT_TRUE(std::count(described.triples.begin(), described.triples.end(),
                         ValueTriple{iri("note"), iri("author"), iri("ada")}));
  Result by_pattern =
      run(store, std::string(kPrefixes) + "DESCRIBE ?org WHERE { ?p ex:worksFor ?org }");
  EXPECT_EQ(by_pattern.triples,
            (std::vector<ValueTriple>{
                {iri("acme"), iri("name"), {Value::Type::kLiteral, "Acme", "", "en"}},
                {iri("ada"), iri("worksFor"), iri("acme")}}));
}

TEST(Sparql, ErrorsSayWhatIsWrong) {
  Store store = example_store();
  try {
    run(store, "SELECT ?x\nWHERE { ?x ?y }");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("invalid SPARQL query: line 2: ", 0), 0u) << e.what();
  }
  EXPECT_THROW(run(store, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"), Error);
}

TEST(ResultWriters, CsvAndTsvEscapeWhatTheyMust) {
  Result result = run(example_store(),
                      std::string(kPrefixes) + "SELECT ?note ?text WHERE { ?note ex:text ?text }");
  EXPECT_EQ(written(result, ResultFormat::kCsv),
            "note,text\r\nhttp://example.org/note,\"a, \"\"quoted\"\"\nline\twith tab\"\r\n");
  EXPECT_EQ(written(result, ResultFormat::kTsv),
            "?note\t?text\n<http://example.org/note>\t\"a, \\\"quoted\\\"\\nline\\twith tab\"\n");
}

TEST(ResultWriters, JsonFollowsTheSparqlResultsFormat) {
  Store store = example_store();
  Result result = run(
      store,
      std::string(kPrefixes) +
          "SELECT ?s ?o WHERE { { ?s ex:name ?o } UNION { ?s ex:age ?o } } ORDER BY ?s STR(?o)");
  EXPECT_EQ(
      written(result, ResultFormat::kJson),
      R"({"head":{"vars":["s","o"]},"results":{"bindings":[)"
      R"({"s":{"type":"uri","value":"http://example.org/acme"},)"
      R"("o":{"type":"literal","value":"Acme","xml:lang":"en"}},)"
      R"({"s":{"type":"uri","value":"http://example.org/ada"},)"
      R"("o":{"type":"literal","value":"36","datatype":"http://www.w3.org/2001/XMLSchema#integer"}},)"
      R"({"s":{"type":"uri","value":"http://example.org/ada"},)"
      R"("o":{"type":"literal","value":"Ada"}}]}})"
      "\n");
  EXPECT_EQ(written(run(store, "ASK {}"), ResultFormat::kJson), "{\"head\":{},\"boolean\":true}\n");
  Result unbound = run(store, "SELECT ?x ?y WHERE { BIND(1 AS ?x) }");
  EXPECT_EQ(
      written(unbound, ResultFormat::kJson),
      R"({"head":{"vars":["x","y"]},"results":{"bindings":[)"
      R"({"x":{"type":"literal","value":"1","datatype":"http://www.w3.org/2001/XMLSchema#integer"}})"
      R"(]}})"
      "\n");
}

TEST(ResultWriters, TableColumnsLineUpByCharacter) {
  Result result;
  result.variables = {"name", "n"};
  result.rows = {
      {text("Zoë Ångström"),
       Value{Value::Type::kLiteral, "7", "http://www.w3.org/2001/XMLSchema#integer", ""}},
      {Value{Value::Type::kIri, "https://w3id.org/newskg/id/person/x", "", ""}, std::nullopt}};
  EXPECT_EQ(written(result, ResultFormat::kTable),
            "| name           | n |\n"
            "|----------------|---|\n"
            "| \"Zoë Ångström\" | 7 |\n"
            "| id:person/x    |   |\n");
}

TEST(ResultWriters, GraphsGoOutAsRdfAndNotAsRows) {
  Result graph;
  graph.kind = Result::Kind::kGraph;
  graph.triples = {{iri("a"), iri("b"), text("c \"d\"")}};
  EXPECT_EQ(written(graph, ResultFormat::kNTriples),
            "<http://example.org/a> <http://example.org/b> \"c \\\"d\\\"\" .\n");
  EXPECT_THROW(written(graph, ResultFormat::kCsv), Error);
  EXPECT_EQ(written(graph, ResultFormat::kTable), written(graph, ResultFormat::kTurtle));
  Result yes;
  yes.kind = Result::Kind::kBoolean;
  yes.boolean = true;
  EXPECT_EQ(written(yes, ResultFormat::kTable), "true\n");
  EXPECT_THROW(written(yes, ResultFormat::kTurtle), Error);
}

TEST(ResultWriters, FormatNamesAndNTriplesTerms) {
  EXPECT_EQ(parse_result_format("csv"), ResultFormat::kCsv);
  EXPECT_EQ(parse_result_format("ttl"), ResultFormat::kTurtle);
  EXPECT_FALSE(parse_result_format("yaml"));
  EXPECT_EQ(to_ntriples({Value::Type::kLiteral, "x", "", "en"}), "\"x\"@en");
  EXPECT_EQ(to_ntriples({Value::Type::kBlank, "b0", "", ""}), "_:b0");
  EXPECT_EQ(
      to_ntriples({Value::Type::kLiteral, "1", "http://www.w3.org/2001/XMLSchema#integer", ""}),
      "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

}  // namespace
}  // namespace newskg::sparql
