// newskg convert: RDF in any syntax raptor reads to any syntax newskg writes, graph names kept
// where both sides have them (like raptor's rapper, plus TriG and JSON-LD output).
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "newskg/dataset.hpp"
#include "newskg/error.hpp"
#include "newskg/jsonld.hpp"
#include "newskg/lexicon.hpp"
#include "newskg/writer.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace newskg::tools {

int convert_command(const std::vector<std::string>& args) {
  po::options_description options(
      "newskg convert [-i FORMAT] -f FORMAT [--expanded] FILE...\n\n"
      "FILE is an RDF file (- for standard input); all FILEs are read into one dataset");
  std::string input_name, format_name = "nquads", output, base, direction, mode = "json-ld-1.1";
  options.add_options()("help,h", "show this help")(
      "input-format,i", po::value(&input_name),
      "turtle | trig | nquads | ntriples | rdfxml (default: from each file's extension)")(
      "format,f", po::value(&format_name)->default_value(format_name),
      "turtle | trig | nquads | ntriples | rdfxml | jsonld")("output,o", po::value(&output),
                                                             "write to FILE (atomically)")(
      "base", po::value(&base),
      "base IRI for relative IRIs in the input (default: the file's IRI)")(
      "expanded",
      "JSON-LD: expanded form (JSON-LD 1.1 fromRdf) instead of compacted with the context")(
      "use-native-types", "expanded JSON-LD: xsd:boolean, xsd:integer, xsd:double as JSON values")(
      "use-rdf-type", "expanded JSON-LD: rdf:type as a property, not @type")(
      "rdf-direction", po::value(&direction), "expanded JSON-LD: i18n-datatype | compound-literal")(
      "processing-mode", po::value(&mode)->default_value(mode),
      "expanded JSON-LD: json-ld-1.0 | json-ld-1.1")(
      "ontology", po::value<std::string>(),
      "ontology folder holding context.jsonld (default: built-in path or $NEWSKG_ONTOLOGY)");
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
    std::cerr << "newskg convert: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  auto usage_error = [](const std::string& message) {
    std::cerr << "newskg convert: " << message << " (try --help)\n";
    return 2;
  };
  auto format = parse_format(format_name);
  if (!format) return usage_error("unknown output format '" + format_name + "'");
  std::optional<Format> input_format;
  if (!input_name.empty() && !(input_format = parse_format(input_name)))
    return usage_error("unknown input format '" + input_name + "'");
  if (!vm.count("file")) return usage_error("no FILE given");

  jsonld::FromRdfOptions from_rdf;
  from_rdf.use_native_types = vm.count("use-native-types") > 0;
  from_rdf.use_rdf_type = vm.count("use-rdf-type") > 0;
  if (direction == "i18n-datatype")
    from_rdf.rdf_direction = jsonld::RdfDirection::kI18nDatatype;
  else if (direction == "compound-literal")
    from_rdf.rdf_direction = jsonld::RdfDirection::kCompoundLiteral;
  else if (!direction.empty())
    return usage_error("unknown --rdf-direction '" + direction + "'");
  if (mode == "json-ld-1.0")
    from_rdf.processing_mode = jsonld::ProcessingMode::kJsonLd10;
  else if (mode != "json-ld-1.1")
    return usage_error("unknown --processing-mode '" + mode + "'");
  const bool expanded = vm.count("expanded") > 0;
  if (expanded && *format != Format::kJsonLd) return usage_error("--expanded is for -f jsonld");

  try {
    std::vector<Quad> dataset;
    for (const auto& file : vm["file"].as<std::vector<std::string>>()) {
      auto file_format = input_format ? input_format : format_from_file_name(file);
      if (!file_format)
        throw Error(ErrorCode::kUnknownFormat, file + ": cannot tell its syntax; give -i FORMAT");
      auto quads = parse_rdf(file, *file_format, base);
      dataset.insert(dataset.end(), std::make_move_iterator(quads.begin()),
                     std::make_move_iterator(quads.end()));
    }
    AtomicOutput out(output);
    if (expanded) {
      out.stream() << jsonld::from_rdf(dataset, from_rdf);
    } else {
      std::string ontology =
          vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();
      WriterOptions writer_options;
      writer_options.context_file = (fs::path(ontology) / "context.jsonld").string();
      auto writer = make_writer(*format, out.stream(), writer_options);
      for (const Graph& graph : group_by_graph(std::move(dataset))) writer->write(graph);
      writer->finish();
    }
    out.commit();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg convert: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace newskg::tools
