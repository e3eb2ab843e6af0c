// newskg query: SPARQL over the embedded store, or over files without a store.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "command_line.hpp"
#include "commands.hpp"
#include "newskg/sparql.hpp"
#include "newskg/store.hpp"
#include "store_loading.hpp"

namespace fs = std::filesystem;

namespace newskg::tools {
namespace {

std::string read_query_file(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the query");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The store to query: the one named, which must exist (opening would create it), or one in
// memory holding the --data files.
Store open_store(const std::string& store_path, const std::vector<std::string>& data,
                 const StoreLoadOptions& load) {
  if (!store_path.empty()) {
    if (!fs::exists(store_path))
      throw std::runtime_error(store_path + ": no such store (make one with newskg load)");
    return Store::open(store_path);
  }
  Store memory = Store::in_memory();
  if (load_into_store(memory, data, load).failed)
    throw std::runtime_error("some --data inputs could not be read");
  return memory;
}

}  // namespace

int query_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg query (QUERY | -q FILE.rq) (--store FILE | --data INPUT...) [options]\n\n"
      "Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). The default graph is the\n"
      "union of all graphs; GRAPH ?g ranges over the articles' graphs. --data takes every word\n"
      "after it, so the QUERY goes before it");
  std::string store_path, query_file, results_name;
  StoreLoadOptions load;
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("store,s", po::value(&store_path), "query this store (made by newskg load)")
      ("data,d", po::value<std::vector<std::string>>()->multitoken(),
       "query these files instead, held in memory: RDF files (.nq, .trig, .ttl, .nt, .rdf)\n"
       "or articles")
      ("query-file,q", po::value(&query_file), "read the query from FILE (- for stdin)")
      ("results,r", po::value(&results_name),
       "table (default for SELECT/ASK) | csv | tsv | json |\n"
       "turtle (default for graphs) | ntriples | rdfxml");
  // clang-format on
  load.extraction.add_to(options);
  CommandLine line = parse_command_line("query", args, options, "query", 1);
  if (line.exit_status) return *line.exit_status;
  std::vector<std::string> data = line.values.count("data")
                                      ? line.values["data"].as<std::vector<std::string>>()
                                      : std::vector<std::string>{};
  std::vector<std::string> query = line.positional("query");
  if (store_path.empty() == data.empty())
    return usage_error("query", "give either --store FILE or --data INPUT... (try --help)");
  if (query.empty() == query_file.empty())
    return usage_error(
        "query", query.empty() ? "give the query as an argument (before --data, which takes every "
                                 "word after it) or with -q FILE"
                               : "give the query as an argument or with -q FILE, not both");
  std::optional<sparql::ResultFormat> format;
  if (!results_name.empty() && !(format = sparql::parse_result_format(results_name)))
    return usage_error("query", "unknown results format '" + results_name + "'");
  if (auto problem = load.extraction.problem()) return usage_error("query", *problem);

  try {
    std::string text = query_file.empty() ? query.front() : read_query_file(query_file);
    Store store = open_store(store_path, data, load);
    sparql::Result result = sparql::run(store, text);
    sparql::ResultFormat chosen =
        format.value_or(result.kind == sparql::Result::Kind::kGraph ? sparql::ResultFormat::kTurtle
                                                                    : sparql::ResultFormat::kTable);
    sparql::write(result, chosen, std::cout);
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg query: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace newskg::tools
