// newskg query: SPARQL over the embedded store, or over files without a store.
#include <boost/program_options.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/sparql.hpp"
#include "newskg/store.hpp"
#include "store_loading.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace newskg::tools {
namespace {

std::string read_query_file(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the query");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int query_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg query (--store FILE | --data INPUT...) (QUERY | -q FILE.rq) [options]\n\n"
      "Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). The default graph is the union\n"
      "of all graphs; GRAPH ?g ranges over the articles' graphs");
  std::string store_path, query_file, results_name;
  options.add_options()
      ("help,h", "show this help")
      ("store,s", po::value(&store_path), "query this store (made by newskg load)")
      ("data,d", po::value<std::vector<std::string>>()->multitoken(),
       "query these files instead, held in memory: RDF files (.nq, .trig, .ttl, .nt, .rdf) or articles")
      ("query-file,q", po::value(&query_file), "read the query from FILE (- for stdin)")
      ("results,r", po::value(&results_name),
       "table (default for SELECT/ASK) | csv | tsv | json | turtle (default for graphs) | ntriples | rdfxml")
      ("ontology", po::value<std::string>(), "ontology folder, for --data articles");
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::string>(), "query");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("query", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newskg query: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (store_path.empty() == !vm.count("data")) {
    std::cerr << "newskg query: give either --store FILE or --data INPUT... (try --help)\n";
    return 2;
  }
  if (vm.count("query") == !query_file.empty()) {
    std::cerr << "newskg query: give the query as an argument or with -q FILE, not both nor neither\n";
    return 2;
  }
  std::optional<sparql::ResultFormat> format;
  if (!results_name.empty()) {
    format = sparql::parse_result_format(results_name);
    if (!format) {
      std::cerr << "newskg query: unknown results format '" << results_name << "'\n";
      return 2;
    }
  }

  try {
    std::string text = query_file.empty() ? vm["query"].as<std::string>() : read_query_file(query_file);
    Store store = [&] {
      if (!store_path.empty()) {
        // Opening would create a missing store; a query wants an existing one.
        if (!fs::exists(store_path)) throw std::runtime_error(store_path + ": no such store (make one with newskg load)");
        return Store::open(store_path);
      }
      Store memory = Store::in_memory();
      StoreLoadOptions load;
      load.ontology = vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();
      if (load_into_store(memory, vm["data"].as<std::vector<std::string>>(), load).failed)
        throw std::runtime_error("some --data inputs could not be read");
      return memory;
    }();
    sparql::Result result = sparql::run(store, text);
    sparql::ResultFormat chosen = format.value_or(result.kind == sparql::Result::Kind::kGraph
                                                      ? sparql::ResultFormat::kTurtle
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
