// newskg validate: RDF files checked against the output shapes (ontology/shapes.ttl), each
// named graph on its own as the shapes ask, with one line per violation.
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "newskg/dataset.hpp"
#include "newskg/error.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/shacl.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace newskg::tools {

int validate_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg validate [options] FILE...\n\n"
      "FILE is RDF in any syntax newskg reads (- for standard input). Each named graph is\n"
      "validated on its own (one article), the default graph as one more.\n"
      "exit status: 0 every graph conforms, 1 violations or unreadable files, 2 usage or setup "
      "error");
  std::string input_name, shapes_file;
  std::size_t max_shown = 50;
  options.add_options()("help,h", "show this help")(
      "input-format,i", po::value(&input_name),
      "turtle | trig | nquads | ntriples | rdfxml (default: from each file's extension)")(
      "shapes", po::value(&shapes_file),
      "SHACL shapes (default: shapes.ttl in the ontology folder)")(
      "max-shown", po::value(&max_shown)->default_value(max_shown), "violations listed per file")(
      "ontology", po::value<std::string>(),
      "ontology folder (default: built-in path or $NEWSKG_ONTOLOGY)");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::vector<std::string>>(), "file");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newskg validate: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  std::optional<Format> input_format;
  if (!input_name.empty() && !(input_format = parse_format(input_name))) {
    std::cerr << "newskg validate: unknown input format '" << input_name << "'\n";
    return 2;
  }
  if (!vm.count("file")) {
    std::cerr << "newskg validate: no FILE given (try --help)\n";
    return 2;
  }
  if (shapes_file.empty()) {
    std::string ontology =
        vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();
    shapes_file = (fs::path(ontology) / "shapes.ttl").string();
  }
  std::optional<shacl::Shapes> shapes;
  try {
    shapes = shacl::Shapes::load(shapes_file);
  } catch (const std::exception& e) {
    std::cerr << "newskg validate: " << e.what() << "\n";
    return 2;
  }

  bool failed = false;
  std::size_t graphs = 0, triples = 0, violations = 0;
  for (const auto& file : vm["file"].as<std::vector<std::string>>()) {
    try {
      auto format = input_format ? input_format : format_from_file_name(file);
      if (!format)
        throw Error(ErrorCode::kUnknownFormat, file + ": cannot tell its syntax; give -i FORMAT");
      std::size_t shown = 0, in_file = 0;
      for (const Graph& graph : group_by_graph(parse_rdf(file, *format))) {
        ++graphs;
        triples += graph.triples.size();
        for (const shacl::Violation& v : shapes->validate(graph.triples)) {
          ++in_file;
          if (shown++ >= max_shown) continue;
          std::cout << file << ": "
                    << (graph.name.empty() ? "default graph" : "<" + graph.name + ">") << ": <"
                    << v.focus << "> " << (v.path.empty() ? "" : "<" + v.path + "> ") << v.component
                    << " (" << v.shape << "): " << v.message << "\n";
        }
      }
      if (in_file > max_shown) std::cout << file << ": ... " << in_file - max_shown << " more\n";
      violations += in_file;
      failed |= in_file > 0;
    } catch (const std::exception& e) {
      std::cerr << "newskg validate: " << e.what() << "\n";
      failed = true;
    }
  }
  std::cout << (failed ? "FAIL" : "OK") << ": " << graphs << " graphs, " << triples << " triples, "
            << violations << " violations (" << shapes->size() << " node shapes from "
            << shapes_file << ")\n";
  return failed ? 1 : 0;
}

}  // namespace newskg::tools
