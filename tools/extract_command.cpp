// newskg extract: articles in, RDF with provenance out, one article at a time.
#include <boost/program_options.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "newskg/explain.hpp"
#include "newskg/mapping.hpp"
#include "newskg/pipeline.hpp"
#include "newskg/reader.hpp"
#include "newskg/writer.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace newskg::tools {

int extract_command(const std::vector<std::string>& args) {
  po::options_description options("newskg extract [options] INPUT...\n\nINPUT is a .txt, .json, .jsonl file or - (JSON Lines on stdin)");
  std::string format_name = "nquads", output, base;
  std::string context_iri;
  std::string explain_to;
  std::size_t max_bytes = 16 * 1024 * 1024;
  options.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format_name)->default_value("nquads"), "turtle | trig | nquads | ntriples | rdfxml | jsonld")
      ("output,o", po::value(&output), "write to FILE (atomically: a temporary file renamed when complete)")
      ("base", po::value(&base), "base IRI for minted IRIs (default https://w3id.org/newskg/id/)")
      ("context-iri", po::value(&context_iri), "JSON-LD: refer to the context by this IRI instead of inlining it")
      ("max-article-bytes", po::value(&max_bytes)->default_value(max_bytes), "articles larger than this are rejected")
      ("explain", "write each fact with the rule that made it and its text span to stderr")
      ("explain-to", po::value(&explain_to), "the same, to FILE")
      ("ontology", po::value<std::string>(), "ontology folder (default: built-in path or $NEWSKG_ONTOLOGY)");
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
    std::cerr << "newskg extract: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  auto format = parse_format(format_name);
  if (!format) {
    std::cerr << "newskg extract: unknown format '" << format_name << "'\n";
    return 2;
  }
  if (!vm.count("input")) {
    std::cerr << "newskg extract: no INPUT given (try --help)\n";
    return 2;
  }
  std::string ontology = vm.count("ontology") ? vm["ontology"].as<std::string>() : default_ontology_folder();

  MappingOptions mapping;
  if (!base.empty()) mapping.base = base;
  WriterOptions writer_options;
  writer_options.context_file = (fs::path(ontology) / "context.jsonld").string();
  writer_options.context_iri = context_iri;
  ReaderOptions reader_options;
  reader_options.max_article_bytes = max_bytes;

  try {
    Pipeline pipeline(load_lexicon(ontology));
    AtomicOutput out(output);
    auto writer = make_writer(*format, out.stream(), writer_options);
    std::ofstream explain_file;
    std::ostream* explain_out = nullptr;
    if (vm.count("explain") || vm.count("explain-to")) {
      if (explain_to.empty()) explain_out = &std::cerr;
      else {
        explain_file.open(explain_to, std::ios::binary | std::ios::trunc);
        if (!explain_file) throw std::runtime_error(explain_to + ": cannot write the explanation");
        explain_out = &explain_file;
      }
    }
    std::size_t failed = 0;
    for (const auto& input : vm["input"].as<std::vector<std::string>>()) {
      read_input(
          input, reader_options,
          [&](Article&& article) {
            Facts facts = pipeline.run(article);
            if (explain_out) explain(facts, *explain_out);
            writer->write(to_graph(facts, mapping));
          },
          [&](InputError&& error) {
            ++failed;
            std::cerr << "newskg: " << error.to_string() << "\n";
          });
    }
    writer->finish();
    out.commit();
    return failed ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "newskg extract: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace newskg::tools
