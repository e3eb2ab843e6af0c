// The librdf side of a Store, shared by the store and the SPARQL engine in lib/src.
#pragma once
#include <sqlite3.h>

#include <optional>
#include <string>

#include "newskg/store.hpp"
#include "rdf/librdf.hpp"

namespace newskg {

namespace rdf {

// SQLite's own handles, for the indexes and digests newskg keeps beside librdf's tables.
inline void close_database(sqlite3* db) {
  sqlite3_close(db);
}
inline void finalize_statement(sqlite3_stmt* statement) {
  sqlite3_finalize(statement);
}
using Database = Handle<sqlite3, close_database>;
using SqlStatement = Handle<sqlite3_stmt, finalize_statement>;

}  // namespace rdf

// What each graph held when it was last committed, as a digest of its statements, in a table
// of newskg's own beside librdf's (librdf never looks at it). A load skips an article whose
// graph is unchanged, so a re-run after a kill does only what is left. A digest is forgotten
// before its graph changes and remembered after the change is committed: a crash in between
// leaves no digest, and the next load replaces that graph again.
class GraphDigests {
 public:
  explicit GraphDigests(const std::string& path);  // the store's SQLite file, already prepared
  std::optional<std::string> find(const std::string& graph) const;
  void forget(const std::string& graph);
  void remember(const std::string& graph, const std::string& digest);

 private:
  bool run(sqlite3_stmt* statement, const std::string& graph, const std::string* digest) const;
  std::string path_;
  rdf::Database db_;
  rdf::SqlStatement find_, forget_, remember_;
};

struct Store::Impl {
  std::string path;         // the SQLite file; empty in memory
  bool persistent = false;  // transactions and digests only where the storage has them (SQLite)
  rdf::Storage storage;
  rdf::Model model;
  std::optional<GraphDigests> digests;  // persistent stores only
};

namespace rdf {

// Throws Error(kRdf) with librdf's last logged message when a call returned non-zero.
void check_status(int status, std::string_view call);

Node iri_node(std::string_view iri);

}  // namespace rdf

}  // namespace newskg
