// The librdf side of a Store, shared by the store and the SPARQL engine in lib/src.
#pragma once
#include <string>

#include "newskg/store.hpp"
#include "rdf/librdf.hpp"

namespace newskg {

struct Store::Impl {
  std::string path;         // the SQLite file; empty in memory
  bool persistent = false;  // transactions only where the storage has them (SQLite)
  rdf::Storage storage;
  rdf::Model model;
};

namespace rdf {

// Throws Error(kRdf) with librdf's last logged message when a call returned non-zero.
void check_status(int status, std::string_view call);

Node iri_node(std::string_view iri);

}  // namespace rdf

}  // namespace newskg
