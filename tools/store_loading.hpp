// Filling a Store from the command line's inputs: RDF files (newskg's own output among them)
// are loaded as they are, articles are extracted first. Shared by load and query --data.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "newskg/graph.hpp"
#include "newskg/store.hpp"

namespace newskg::tools {

struct StoreLoadOptions {
  std::string ontology;             // for the extraction pipeline
  MappingOptions mapping;           // base IRI
  std::size_t max_article_bytes = 16 * 1024 * 1024;
  std::ostream* progress = nullptr;  // one line per committed graph, if set
};

struct StoreLoadReport {
  std::size_t graphs = 0;      // graphs committed
  std::size_t statements = 0;  // statements in them
  std::size_t failed = 0;      // inputs or articles that failed (each named on stderr)
};

StoreLoadReport load_into_store(Store& store, const std::vector<std::string>& inputs,
                                const StoreLoadOptions& options);

}  // namespace newskg::tools
