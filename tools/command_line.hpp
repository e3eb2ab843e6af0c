// What the subcommands share on their command lines: parsing with a positional list and
// --help, and the options that say how articles are read and extracted.
#pragma once
#include <boost/program_options.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/graph.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/mapping.hpp"
#include "newskg/reader.hpp"

namespace newskg::tools {

namespace po = boost::program_options;

// A parsed command line, or the exit status when there is nothing more to do: 0 after --help
// (printed on stdout), 2 after a usage error (printed on stderr as "newskg COMMAND: reason").
struct CommandLine {
  po::variables_map values;
  std::optional<int> exit_status;

  // The words given without an option name, in order.
  std::vector<std::string> positional(const std::string& name) const {
    return values.count(name) ? values[name].as<std::vector<std::string>>()
                              : std::vector<std::string>{};
  }
};

// Parses `args` for `newskg COMMAND`: `options` are the documented options (one of them
// "help"); the words without an option name are kept under `positional_name`, at most
// `max_positional` of them (-1: any number).
inline CommandLine parse_command_line(std::string_view command,
                                      const std::vector<std::string>& args,
                                      const po::options_description& options,
                                      const std::string& positional_name, int max_positional = -1) {
  po::options_description hidden;
  hidden.add_options()(positional_name.c_str(), po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add(positional_name.c_str(), max_positional);
  CommandLine line;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), line.values);
    po::notify(line.values);
  } catch (const po::error& e) {
    std::cerr << "newskg " << command << ": " << e.what() << " (try --help)\n";
    line.exit_status = 2;
    return line;
  }
  if (line.values.count("help")) {
    std::cout << options << "\n";
    line.exit_status = 0;
  }
  return line;
}

// A usage error: the message on stderr, and the exit status for it.
inline int usage_error(std::string_view command, std::string_view message) {
  std::cerr << "newskg " << command << ": " << message << "\n";
  return 2;
}

// How articles are read and turned into graphs: --base, --max-article-bytes, --ontology.
struct ExtractionOptions {
  std::string base;
  std::size_t max_article_bytes = 16 * 1024 * 1024;
  std::string ontology;

  void add_to(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("base", po::value(&base), "base IRI for minted IRIs (default https://w3id.org/newskg/id/)")
        ("max-article-bytes", po::value(&max_article_bytes)->default_value(max_article_bytes),
         "articles larger than this are rejected")
        ("ontology", po::value(&ontology),
         "ontology folder (default: built-in path or $NEWSKG_ONTOLOGY)");
    // clang-format on
  }

  // After parsing: the reason the values cannot be used, if any.
  std::optional<std::string> problem() const {
    if (!base.empty() && !is_valid_base_iri(base))
      return "--base '" + base + "' is not an absolute IRI (a scheme, no spaces or <>\"{}|^`\\)";
    return std::nullopt;
  }
  MappingOptions mapping() const {
    MappingOptions options;
    if (!base.empty()) options.base = base;
    return options;
  }
  ReaderOptions reader() const {
    ReaderOptions options;
    options.max_article_bytes = max_article_bytes;
    return options;
  }
  std::string ontology_folder() const {
    return ontology.empty() ? default_ontology_folder() : ontology;
  }
};

}  // namespace newskg::tools
