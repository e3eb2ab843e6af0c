// The embedded store over librdf's SQLite storage (contexts on): one context per graph, each
// graph replaced inside one SQLite transaction.
#include "newskg/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>
#include <string_view>

#include "store/store_impl.hpp"

namespace fs = std::filesystem;

namespace newskg {
namespace rdf {

void check_status(int status, std::string_view call) {
  if (status == 0) return;
  std::string message = World::instance().take_last_error();
  throw Error(ErrorCode::kRdf, std::string(call) + " failed" + (message.empty() ? "" : ": " + message));
}

Node iri_node(std::string_view iri) {
  std::string text(iri);
  return Node(checked(librdf_new_node_from_uri_string(World::instance().get(),
                                                      reinterpret_cast<const unsigned char*>(text.c_str())),
                      "librdf_new_node_from_uri_string"));
}

}  // namespace rdf

namespace {

const unsigned char* bytes(const std::string& text) {
  return reinterpret_cast<const unsigned char*>(text.c_str());
}

rdf::Node node_of(const Term& term) {
  if (term.is_iri()) return rdf::iri_node(term.value);
  librdf_world* world = rdf::World::instance().get();
  rdf::Uri datatype;
  if (!term.datatype.empty())
    datatype.reset(rdf::checked(librdf_new_uri(world, bytes(term.datatype)), "librdf_new_uri"));
  return rdf::Node(rdf::checked(
      librdf_new_node_from_typed_counted_literal(world, bytes(term.value), term.value.size(),
                                                 term.language.empty() ? nullptr : term.language.c_str(),
                                                 term.language.size(), datatype.get()),
      "librdf_new_node_from_typed_counted_literal"));
}

// One SQLite transaction (BEGIN IMMEDIATE ... END in librdf's storage), rolled back unless
// committed. The in-memory storage has no transactions, and needs none.
class Transaction {
 public:
  explicit Transaction(Store::Impl& store) : store_(store) {
    if (store_.persistent)
      rdf::check_status(librdf_model_transaction_start(store_.model.get()), "librdf_model_transaction_start");
  }
  ~Transaction() {
    if (store_.persistent && !committed_) librdf_model_transaction_rollback(store_.model.get());
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    if (store_.persistent)
      rdf::check_status(librdf_model_transaction_commit(store_.model.get()), "librdf_model_transaction_commit");
    committed_ = true;
  }

 private:
  Store::Impl& store_;
  bool committed_ = false;
};

void close_database(sqlite3* db) { sqlite3_close(db); }
using Database = rdf::Handle<sqlite3, close_database>;

// librdf's SQLite storage indexes subjects and IRIs only. Without these, removing a graph
// scans every statement and adding a literal scans every literal, so a load slows down with
// every article; the storage's own SQL picks them up.
constexpr const char* kIndexes =
    "CREATE INDEX IF NOT EXISTS newskg_triples_context ON triples (contextUri);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_object ON triples (objectUri);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_literal ON triples (objectLiteral);"
    "CREATE INDEX IF NOT EXISTS newskg_literals_text ON literals (text);";

void add_indexes(const std::string& path) {
  sqlite3* handle = nullptr;
  int status = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
  Database db(handle);
  if (status != SQLITE_OK)
    throw Error(ErrorCode::kRdf, path + ": cannot open the store: " + sqlite3_errmsg(handle));
  sqlite3_busy_timeout(handle, 10000);
  int tables = 0;
  char* message = nullptr;
  status = sqlite3_exec(
      handle, "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name IN ('triples','uris','literals')",
      [](void* count, int, char** values, char**) {
        *static_cast<int*>(count) = values[0] ? std::atoi(values[0]) : 0;
        return 0;
      },
      &tables, &message);
  if (status == SQLITE_OK && tables != 3) {
    throw Error(ErrorCode::kRdf, path + ": not a newskg store (an SQLite file without librdf's tables)");
  }
  if (status == SQLITE_OK) status = sqlite3_exec(handle, kIndexes, nullptr, nullptr, &message);
  // Write-ahead logging, a setting kept in the file, so librdf's connection uses it too: a
  // commit appends to the log instead of syncing a rollback journal and the database, which
  // makes a transaction per article cheap. Each commit stays atomic, and durable once the
  // process has made it (a kill -9 loses nothing committed).
  if (status == SQLITE_OK) status = sqlite3_exec(handle, "PRAGMA journal_mode=WAL", nullptr, nullptr, &message);
  if (status != SQLITE_OK) {
    std::string reason = message ? message : sqlite3_errmsg(handle);
    sqlite3_free(message);
    throw Error(ErrorCode::kRdf, path + ": cannot open the store: " + reason);
  }
}

rdf::Storage open_sqlite_storage(const std::string& path, bool create) {
  auto& world = rdf::World::instance();
  // The values must be quoted: librdf ignores unquoted ones without a word.
  std::string options = std::string("new='") + (create ? "yes" : "no") + "',contexts='yes'";
  librdf_storage* storage = librdf_new_storage(world.get(), "sqlite", path.c_str(), options.c_str());
  if (!storage) {
    std::string reason = world.take_last_error();
    throw Error(ErrorCode::kRdf, path + ": cannot open the store" + (reason.empty() ? "" : ": " + reason) +
                                     " (librdf's sqlite storage: apt-get install librdf-storage-sqlite)");
  }
  return rdf::Storage(storage);
}

std::unique_ptr<Store::Impl> open_sqlite_model(const std::string& path, bool create) {
  auto impl = std::make_unique<Store::Impl>();
  impl->path = path;
  impl->persistent = true;
  impl->storage = open_sqlite_storage(path, create);
  impl->model.reset(librdf_new_model(rdf::World::instance().get(), impl->storage.get(), nullptr));
  if (!impl->model) {
    std::string reason = rdf::World::instance().take_last_error();
    throw Error(ErrorCode::kRdf, path + ": cannot open the store" + (reason.empty() ? "" : ": " + reason));
  }
  return impl;
}

void remove_graph(Store::Impl& store, librdf_node* context) {
  rdf::check_status(librdf_model_context_remove_statements(store.model.get(), context),
                    "librdf_model_context_remove_statements");
}

void add_statement(Store::Impl& store, librdf_node* context, librdf_statement* statement) {
  rdf::check_status(librdf_model_context_add_statement(store.model.get(), context, statement),
                    "librdf_model_context_add_statement");
}

bool graph_contains(Store::Impl& store, librdf_node* context, librdf_statement* statement) {
  rdf::Stream found(librdf_model_find_statements_in_context(store.model.get(), statement, context));
  return found && !librdf_stream_end(found.get());
}

std::size_t count_graph(const Store::Impl& store, const std::string& graph_name) {
  rdf::Node context = rdf::iri_node(graph_name);
  rdf::Stream stream(rdf::checked(librdf_model_context_as_stream(store.model.get(), context.get()),
                                  "librdf_model_context_as_stream"));
  std::size_t count = 0;
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) ++count;
  return count;
}

const char* parser_for(const std::string& path) {
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".nq" || extension == ".nquads") return "nquads";
  if (extension == ".trig") return "trig";
  if (extension == ".ttl") return "turtle";
  if (extension == ".nt") return "ntriples";
  if (extension == ".rdf" || extension == ".owl") return "rdfxml";
  return nullptr;
}

void free_raptor_string(unsigned char* text) { raptor_free_memory(text); }

using RaptorStatement = rdf::Handle<raptor_statement, raptor_free_statement>;

// Gathers the statements of one graph at a time (newskg writes each graph's statements
// together) and commits each graph when the next one begins. A graph met again later in the
// same file is added to, not replaced, so nothing said about it in this file is lost.
class FileLoader {
 public:
  FileLoader(Store::Impl& store, std::string default_graph, const GraphLoadedHandler& on_graph)
      : store_(store), default_graph_(std::move(default_graph)), on_graph_(on_graph) {}

  static void on_statement(void* user_data, raptor_statement* statement) {
    auto* self = static_cast<FileLoader*>(user_data);
    if (self->failure_) return;
    try {
      self->take(statement);
    } catch (...) {
      // Exceptions must not cross raptor's C frames: keep it and stop the parser.
      self->failure_ = std::current_exception();
      raptor_parser_parse_abort(self->parser_);
    }
  }

  void set_parser(raptor_parser* parser) { parser_ = parser; }
  std::exception_ptr failure() const { return failure_; }
  std::size_t graphs() const { return done_.size(); }

  void finish() { flush(); }

 private:
  void take(raptor_statement* statement) {
    std::string graph = default_graph_;
    if (const raptor_term* term = statement->graph) {
      if (term->type != RAPTOR_TERM_TYPE_URI)
        throw Error(ErrorCode::kRdf, "a graph named by a blank node or literal is not supported");
      graph = reinterpret_cast<const char*>(raptor_uri_as_string(term->value.uri));
    }
    if (graph != current_graph_) {
      flush();
      current_graph_ = graph;
    }
    batch_.emplace_back(raptor_statement_copy(statement));
  }

  void flush() {
    if (batch_.empty()) return;
    auto less = [](const RaptorStatement& a, const RaptorStatement& b) {
      return raptor_statement_compare(a.get(), b.get()) < 0;
    };
    auto same = [](const RaptorStatement& a, const RaptorStatement& b) {
      return raptor_statement_compare(a.get(), b.get()) == 0;
    };
    std::sort(batch_.begin(), batch_.end(), less);
    batch_.erase(std::unique(batch_.begin(), batch_.end(), same), batch_.end());

    rdf::Node context = rdf::iri_node(current_graph_);
    bool first_time = done_.insert(current_graph_).second;
    Transaction transaction(store_);
    if (first_time) remove_graph(store_, context.get());
    for (const auto& statement : batch_) {
      if (!first_time && graph_contains(store_, context.get(), statement.get())) continue;
      add_statement(store_, context.get(), statement.get());
    }
    transaction.commit();
    std::size_t statements = first_time ? batch_.size() : count_graph(store_, current_graph_);
    batch_.clear();
    if (on_graph_) on_graph_(current_graph_, statements);
  }

  Store::Impl& store_;
  std::string default_graph_;
  const GraphLoadedHandler& on_graph_;
  raptor_parser* parser_ = nullptr;
  std::string current_graph_;
  std::vector<RaptorStatement> batch_;
  std::set<std::string> done_;
  std::exception_ptr failure_;
};

}  // namespace

bool is_rdf_file(const std::string& path) { return parser_for(path) != nullptr; }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
  std::error_code error;
  bool create = !fs::exists(path, error) || fs::file_size(path, error) == 0;
  // librdf opens the storage (and creates its tables) when a model is made over it; the new
  // store is closed again so that the indexes go in before it is used.
  if (create) open_sqlite_model(path, true);
  add_indexes(path);
  return Store(open_sqlite_model(path, false));
}

Store Store::in_memory() {
  librdf_world* world = rdf::World::instance().get();
  auto impl = std::make_unique<Impl>();
  impl->storage.reset(rdf::checked(
      librdf_new_storage(world, "hashes", "newskg", "hash-type='memory',contexts='yes'"), "librdf_new_storage"));
  impl->model.reset(rdf::checked(librdf_new_model(world, impl->storage.get(), nullptr), "librdf_new_model"));
  return Store(std::move(impl));
}

void Store::replace(const Graph& graph) {
  librdf_world* world = rdf::World::instance().get();
  rdf::Node context = rdf::iri_node(graph.name);
  Transaction transaction(*impl_);
  remove_graph(*impl_, context.get());
  // graph.triples has no repeats (to_graph sorts them and drops repeats); a guard for others:
  const Triple* previous = nullptr;
  for (const Triple& triple : graph.triples) {
    if (previous && *previous == triple) continue;
    previous = &triple;
    rdf::Statement statement(rdf::checked(
        librdf_new_statement_from_nodes(world, node_of(triple.subject).release(), node_of(triple.predicate).release(),
                                        node_of(triple.object).release()),
        "librdf_new_statement_from_nodes"));
    add_statement(*impl_, context.get(), statement.get());
  }
  transaction.commit();
}

std::size_t Store::load_file(const std::string& path, const GraphLoadedHandler& on_graph) {
  const char* syntax = parser_for(path);
  if (!syntax) throw Error(ErrorCode::kUnknownFormat, path + ": not an RDF file name (.nq, .trig, .ttl, .nt, .rdf)");
  if (!fs::is_regular_file(path)) throw Error(ErrorCode::kUnreadableFile, path + ": no such file");
  raptor_world* world = rdf::World::instance().raptor();

  std::string absolute = fs::absolute(path).lexically_normal().string();
  rdf::Handle<unsigned char, free_raptor_string> file_uri_string(
      rdf::checked(raptor_uri_filename_to_uri_string(absolute.c_str()), "raptor_uri_filename_to_uri_string"));
  rdf::RaptorUri file_uri(
      rdf::checked(raptor_new_uri(world, file_uri_string.get()), "raptor_new_uri"));
  rdf::RaptorParser parser(rdf::checked(raptor_new_parser(world, syntax), "raptor_new_parser"));

  FileLoader loader(*impl_, reinterpret_cast<const char*>(file_uri_string.get()), on_graph);
  loader.set_parser(parser.get());
  raptor_parser_set_statement_handler(parser.get(), &loader, FileLoader::on_statement);
  int status = raptor_parser_parse_file(parser.get(), file_uri.get(), file_uri.get());
  if (loader.failure()) std::rethrow_exception(loader.failure());
  if (status != 0) {
    const raptor_locator* where = raptor_parser_get_locator(parser.get());
    std::string reason = rdf::World::instance().take_last_error();
    throw Error(ErrorCode::kRdf, path + ":" + std::to_string(where ? where->line : 0) + ": " +
                                     (reason.empty() ? std::string("cannot parse as ") + syntax : reason));
  }
  loader.finish();
  return loader.graphs();
}

bool Store::remove(const std::string& graph_name) {
  rdf::Node context = rdf::iri_node(graph_name);
  if (!librdf_model_contains_context(impl_->model.get(), context.get())) return false;
  Transaction transaction(*impl_);
  remove_graph(*impl_, context.get());
  transaction.commit();
  return true;
}

std::size_t Store::size() const {
  int size = librdf_model_size(impl_->model.get());
  if (size < 0) throw Error(ErrorCode::kRdf, (impl_->path.empty() ? "store" : impl_->path) + ": cannot count statements");
  return static_cast<std::size_t>(size);
}

std::size_t Store::graph_size(const std::string& graph_name) const { return count_graph(*impl_, graph_name); }

std::vector<std::string> Store::graph_names() const {
  std::vector<std::string> names;
  rdf::Handle<librdf_iterator, librdf_free_iterator> contexts(librdf_model_get_contexts(impl_->model.get()));
  if (!contexts) return names;
  for (; !librdf_iterator_end(contexts.get()); librdf_iterator_next(contexts.get())) {
    auto* node = static_cast<librdf_node*>(librdf_iterator_get_object(contexts.get()));
    if (node && librdf_node_is_resource(node))
      names.emplace_back(reinterpret_cast<const char*>(librdf_uri_as_string(librdf_node_get_uri(node))));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

const std::string& Store::path() const { return impl_->path; }

}  // namespace newskg
