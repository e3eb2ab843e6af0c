#include "store_loading.hpp"

#include <iostream>
#include <memory>
#include <optional>

#include "newskg/lexicon.hpp"
#include "newskg/mapping.hpp"
#include "newskg/pipeline.hpp"
#include "newskg/reader.hpp"

namespace newskg::tools {

StoreLoadReport load_into_store(Store& store, const std::vector<std::string>& inputs,
                                const StoreLoadOptions& options) {
  StoreLoadReport report;
  std::optional<Pipeline> pipeline;  // built on the first article: RDF files need none
  const ReaderOptions reader_options = options.extraction.reader();
  const MappingOptions mapping = options.extraction.mapping();
  auto committed = [&](const std::string& graph, std::size_t statements) {
    ++report.graphs;
    report.statements += statements;
    if (options.progress)
      *options.progress << "loaded " << graph << " (" << statements << " statements)\n";
  };

  for (const auto& input : inputs) {
    if (is_rdf_file(input)) {
      try {
        store.load_file(input, committed);
      } catch (const Error& e) {
        ++report.failed;
        std::cerr << "newskg: " << e.what() << " (" << error_code_name(e.code()) << ")\n";
      }
      continue;
    }
    if (!pipeline) pipeline.emplace(load_lexicon(options.extraction.ontology_folder()));
    read_input(
        input, reader_options,
        [&](Article&& article) {
          try {
            Graph graph = to_graph(pipeline->run(article), mapping);
            if (store.replace(graph)) {
              committed(graph.name, graph.triples.size());
            } else {
              ++report.unchanged;
              if (options.progress) *options.progress << "unchanged " << graph.name << "\n";
            }
          } catch (const Error& e) {
            ++report.failed;
            std::cerr << "newskg: " << article.source << ": " << e.what() << " ("
                      << error_code_name(e.code()) << ")\n";
          } catch (
              const std::exception& e) {  // an extractor's bug: this article only, like extract
            ++report.failed;
            std::cerr << "newskg: " << article.source << ": extraction failed on article '"
                      << article.id << "': " << e.what() << " ("
                      << error_code_name(ErrorCode::kExtraction) << ")\n";
          }
        },
        [&](InputError&& error) {
          ++report.failed;
          std::cerr << "newskg: " << error.to_string() << "\n";
        });
  }
  return report;
}

}  // namespace newskg::tools
