// newskg load: articles or RDF files into the embedded store, one transaction per article graph.
#include <boost/program_options.hpp>

#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/store.hpp"
#include "store_loading.hpp"

namespace po = boost::program_options;

namespace newskg::tools {

int load_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg load --store FILE [options] INPUT...\n\n"
      "INPUT is an article file (.txt, .json, .jsonl, - for JSON Lines on stdin), extracted first,\n"
      "or an RDF file (.nq, .trig, .ttl, .nt, .rdf), loaded as it is. Each article's graph replaces\n"
      "the graph of the same name in the store, in one transaction");
  std::string store_path, base;
  StoreLoadOptions load;
  options.add_options()
      ("help,h", "show this help")
      ("store,s", po::value(&store_path), "the store (an SQLite file, created when missing)")
      ("base", po::value(&base), "base IRI for minted IRIs (default https://w3id.org/newskg/id/)")
      ("max-article-bytes", po::value(&load.max_article_bytes)->default_value(load.max_article_bytes),
       "articles larger than this are rejected")
      ("ontology", po::value<std::string>(), "ontology folder (default: built-in path or $NEWSKG_ONTOLOGY)")
      ("verbose,v", "one line on stderr per graph committed");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newskg load: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (store_path.empty() || !vm.count("input")) {
    std::cerr << "newskg load: give --store FILE and at least one INPUT (try --help)\n";
    return 2;
  }
  load.ontology = vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();
  if (!base.empty()) load.mapping.base = base;
  if (vm.count("verbose")) load.progress = &std::cerr;

  try {
    auto start = std::chrono::steady_clock::now();
    Store store = Store::open(store_path);
    StoreLoadReport report = load_into_store(store, vm["input"].as<std::vector<std::string>>(), load);
    std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cerr << "newskg load: " << report.graphs << " graphs (" << report.statements << " statements) loaded in "
              << seconds.count() << " s; " << store_path << " holds " << store.size() << " statements";
    if (report.failed) std::cerr << "; " << report.failed << " inputs failed";
    std::cerr << "\n";
    return report.failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg load: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace newskg::tools
