// newskg: news articles in, a knowledge graph with provenance out.
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "newskg/mapping.hpp"

namespace {

void usage(std::ostream& out) {
  out << "usage: newskg COMMAND [options]\n\n"
         "commands:\n"
         "  extract   articles (.txt, .json, .jsonl, -) to RDF with provenance\n\n"
         "newskg COMMAND --help for a command's options; newskg --version\n"
         "exit status: 0 all articles done, 1 some failed (each named on stderr), 2 usage or setup error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--version" || command == "-V") {
    std::cout << "newskg " << newskg::version() << "\n";
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    usage(std::cout);
    return 0;
  }
  if (command == "extract") return newskg::tools::extract_command(args);
  std::cerr << "newskg: unknown command '" << command << "'\n";
  usage(std::cerr);
  return 2;
}
