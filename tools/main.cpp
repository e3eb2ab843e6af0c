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
         "  extract   articles (.txt, .json, .jsonl, -) to RDF with provenance\n"
         "  load      articles or RDF files into the embedded store (one graph per article)\n"
         "  query     SPARQL over the store, or over files with --data\n"
         "  push      each article's graph to a SPARQL Graph Store (HTTP PUT)\n"
         "  convert   RDF from one syntax to another (N-Quads, TriG, Turtle, RDF/XML to any, JSON-LD out)\n"
         "  validate  RDF files against the output shapes (ontology/shapes.ttl), with a report\n\n"
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
  if (command == "load") return newskg::tools::load_command(args);
  if (command == "query") return newskg::tools::query_command(args);
  if (command == "push") return newskg::tools::push_command(args);
  if (command == "convert") return newskg::tools::convert_command(args);
  if (command == "validate") return newskg::tools::validate_command(args);
  std::cerr << "newskg: unknown command '" << command << "'\n";
  usage(std::cerr);
  return 2;
}
