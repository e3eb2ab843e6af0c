// Filling a Store from the command line's inputs: RDF files (newskg's own output among them)
// are loaded as they are, articles are extracted first. Shared by load and query --data.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "newskg/store.hpp"

namespace newskg::tools {

struct StoreLoadOptions {
  ExtractionOptions extraction;      // for articles
  std::ostream* progress = nullptr;  // one line per graph committed or found unchanged, if set
};

struct StoreLoadReport {
  std::size_t graphs = 0;      // graphs committed
  std::size_t statements = 0;  // statements in them
  std::size_t unchanged = 0;   // articles whose graph the store already held as it is
  std::size_t failed = 0;      // inputs or articles that failed (each named on stderr)
};

StoreLoadReport load_into_store(Store& store, const std::vector<std::string>& inputs,
                                const StoreLoadOptions& options);

}  // namespace newskg::tools
