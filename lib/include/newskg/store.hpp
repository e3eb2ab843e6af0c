// The embedded store: a persistent RDF store (librdf's SQLite storage) holding one named graph
// per article. Each graph is replaced as a whole in one transaction, so a killed load leaves
// whole articles only and loading an article again never duplicates a statement.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newskg/graph.hpp"

namespace newskg {

// Called after each graph is committed: its name and how many statements it now holds.
using GraphLoadedHandler = std::function<void(const std::string& graph, std::size_t statements)>;

class Store {
 public:
  // Opens the SQLite store at `path`, creating it when the file does not exist.
  static Store open(const std::string& path);
  // A store in memory, for querying files without a store on disk.
  static Store in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Replaces the graph named graph.name with graph.triples, in one transaction. A persistent
  // store remembers a digest of each graph it was given: when the graph is the same as last
  // time, nothing is written and the result is false (a re-run after a kill skips what it did).
  bool replace(const Graph& graph);

  // Loads an RDF file (N-Quads, TriG, Turtle, N-Triples, RDF/XML, chosen by its extension).
  // Each named graph in it replaces the store's graph of that name, one transaction each;
  // triples outside any graph go to a graph named by the file's URL. Repeated statements are
  // stored once. Returns the number of graphs loaded. A syntax error throws Error(kRdf)
  // naming FILE:LINE; the graphs before it stay loaded whole, the one being read is not.
  std::size_t load_file(const std::string& path, const GraphLoadedHandler& on_graph = {});

  bool remove(const std::string& graph_name);  // false if there was no such graph
  std::size_t size() const;                    // statements, over all graphs
  std::size_t graph_size(const std::string& graph_name) const;
  std::vector<std::string> graph_names() const;  // sorted
  const std::string& path() const;               // empty for a store in memory

  // The librdf side, for the SPARQL engine in lib/src (an opaque type to everyone else).
  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for the file names load_file reads (.nq, .nquads, .trig, .ttl, .nt, .rdf, .owl).
bool is_rdf_file(const std::string& path);

}  // namespace newskg
