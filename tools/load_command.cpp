// newskg load: articles or RDF files into the embedded store, one transaction per article graph.
#include <chrono>
#include <iostream>

#include "command_line.hpp"
#include "commands.hpp"
#include "newskg/store.hpp"
#include "store_loading.hpp"

namespace newskg::tools {

int load_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg load --store FILE [options] INPUT...\n\n"
      "INPUT is an article file (.txt, .json, .jsonl, - for JSON Lines on stdin), extracted\n"
      "first, or an RDF file (.nq, .trig, .ttl, .nt, .rdf), loaded as it is. Each article's\n"
      "graph replaces the graph of the same name in the store, in one transaction; an article\n"
      "whose graph the store already holds unchanged is skipped, so a load run again after a\n"
      "kill does the rest");
  std::string store_path;
  StoreLoadOptions load;
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("store,s", po::value(&store_path), "the store (an SQLite file, created when missing)")
      ("verbose,v", "one line on stderr per graph committed or found unchanged");
  // clang-format on
  load.extraction.add_to(options);
  CommandLine line = parse_command_line("load", args, options, "input");
  if (line.exit_status) return *line.exit_status;
  std::vector<std::string> inputs = line.positional("input");
  if (store_path.empty() || inputs.empty())
    return usage_error("load", "give --store FILE and at least one INPUT (try --help)");
  if (auto problem = load.extraction.problem()) return usage_error("load", *problem);
  if (line.values.count("verbose")) load.progress = &std::cerr;

  try {
    auto start = std::chrono::steady_clock::now();
    Store store = Store::open(store_path);
    StoreLoadReport report = load_into_store(store, inputs, load);
    std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cerr << "newskg load: " << report.graphs << " graphs (" << report.statements
              << " statements) loaded";
    if (report.unchanged) std::cerr << ", " << report.unchanged << " unchanged";
    std::cerr << " in " << seconds.count() << " s; " << store_path << " holds " << store.size()
              << " statements";
    if (report.failed) std::cerr << "; " << report.failed << " inputs failed";
    std::cerr << "\n";
    return report.failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg load: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace newskg::tools
