// The embedded store over librdf's SQLite storage (contexts on): one context per graph, each
// graph replaced inside one SQLite transaction.
#include "newskg/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>

#include "store/store_impl.hpp"

namespace fs = std::filesystem;

namespace newskg {
namespace rdf {

void check_status(int status, std::string_view call) {
  if (status == 0) return;
  std::string message = World::instance().take_last_error();
  throw Error(ErrorCode::kRdf,
              std::string(call) + " failed" + (message.empty() ? "" : ": " + message));
}

Node iri_node(std::string_view iri) {
  std::string text(iri);
  return Node(
      checked(librdf_new_node_from_uri_string(World::instance().get(),
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
  if (term.is_blank())
    return rdf::Node(rdf::checked(librdf_new_node_from_blank_identifier(world, bytes(term.value)),
                                  "librdf_new_node_from_blank_identifier"));
  rdf::Uri datatype;
  if (!term.datatype.empty())
    datatype.reset(rdf::checked(librdf_new_uri(world, bytes(term.datatype)), "librdf_new_uri"));
  return rdf::Node(rdf::checked(librdf_new_node_from_typed_counted_literal(
                                    world, bytes(term.value), term.value.size(),
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
      rdf::check_status(librdf_model_transaction_start(store_.model.get()),
                        "librdf_model_transaction_start");
  }
  ~Transaction() {
    if (store_.persistent && !committed_) librdf_model_transaction_rollback(store_.model.get());
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    if (store_.persistent)
      rdf::check_status(librdf_model_transaction_commit(store_.model.get()),
                        "librdf_model_transaction_commit");
    committed_ = true;
  }

 private:
  Store::Impl& store_;
  bool committed_ = false;
};

// librdf's SQLite storage has one index on triples, (subjectUri, subjectBlank, predicateUri),
// of which its queries use the first column only, and none on literals. Without better ones,
// removing a graph scans every statement, adding a literal scans every literal, and so a load
// slows down with every article. The storage's own SQL picks these up. SQLite has no statistics
// here (no ANALYZE), so it takes the index matching the most columns of a query: each index
// below leads with what a query binds, so that the most selective one also matches the most
// columns. A single-column object index would otherwise win over the subject for the
// "SELECT 1 ... WHERE subject AND predicate AND object AND context" check librdf makes before
// each insert, and scan every `a nif:Phrase` statement for each one.
constexpr const char* kSchema =
    "DROP INDEX IF EXISTS spindex;"                 // librdf's own, covered by the first one here
    "DROP INDEX IF EXISTS newskg_triples_context;"  // stores made before these indexes
    "DROP INDEX IF EXISTS newskg_triples_object;"
    "CREATE INDEX IF NOT EXISTS newskg_triples_spo ON triples (subjectUri, predicateUri, "
    "objectUri);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_po ON triples (predicateUri, objectUri);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_o ON triples (objectUri);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_literal ON triples (objectLiteral);"
    "CREATE INDEX IF NOT EXISTS newskg_triples_csp ON triples (contextUri, subjectUri, "
    "predicateUri);"
    "CREATE INDEX IF NOT EXISTS newskg_literals_text ON literals (text);"
    "CREATE TABLE IF NOT EXISTS newskg_graphs (graph TEXT PRIMARY KEY, digest TEXT NOT NULL);";

rdf::Database open_database(const std::string& path) {
  sqlite3* handle = nullptr;
  int status = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
  rdf::Database db(handle);
  if (status != SQLITE_OK)
    throw Error(ErrorCode::kRdf, path + ": cannot open the store: " + sqlite3_errmsg(handle));
  // A query may read while a load writes (WAL); a writer waits for the other instead of failing.
  sqlite3_busy_timeout(handle, 60000);
  return db;
}

// Checks that `path` is a librdf SQLite store and adds newskg's indexes and digest table.
void prepare_database(const std::string& path) {
  rdf::Database db = open_database(path);
  int tables = 0;
  char* message = nullptr;
  int status = sqlite3_exec(
      db.get(),
      "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name IN "
      "('triples','uris','literals')",
      [](void* count, int, char** values, char**) {
        *static_cast<int*>(count) = values[0] ? std::atoi(values[0]) : 0;
        return 0;
      },
      &tables, &message);
  if (status == SQLITE_OK && tables != 3)
    throw Error(ErrorCode::kRdf,
                path + ": not a newskg store (an SQLite file without librdf's tables)");
  if (status == SQLITE_OK) status = sqlite3_exec(db.get(), kSchema, nullptr, nullptr, &message);
  // Write-ahead logging, a setting kept in the file, so librdf's connection uses it too: a
  // commit appends to the log instead of syncing a rollback journal and the database, which
  // makes a transaction per article cheap. Each commit stays atomic, and durable once the
  // process has made it (a kill -9 loses nothing committed).
  if (status == SQLITE_OK)
    status = sqlite3_exec(db.get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, &message);
  if (status != SQLITE_OK) {
    std::string reason = message ? message : sqlite3_errmsg(db.get());
    sqlite3_free(message);
    throw Error(ErrorCode::kRdf, path + ": cannot open the store: " + reason);
  }
}

rdf::SqlStatement prepare_statement(sqlite3* db, const std::string& path, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::kRdf, path + ": cannot prepare '" + sql + "': " + sqlite3_errmsg(db));
  return rdf::SqlStatement(statement);
}

void free_memory(char* text) {
  librdf_free_memory(text);
}

// A SHA-1 of the graph's statements in order (they are sorted and without repeats), each term
// with its kind, datatype and language, separated by bytes no term holds.
std::string digest_of(const Graph& graph) {
  std::string text;
  for (const Triple& triple : graph.triples) {
    for (const Term* term : {&triple.subject, &triple.predicate, &triple.object}) {
      text += static_cast<char>('0' + static_cast<int>(term->type));
      (((text += term->value) += '\0') += term->datatype) += '\0';
      (text += term->language) += '\1';
    }
  }
  rdf::Handle<librdf_digest, librdf_free_digest> digest(
      rdf::checked(librdf_new_digest(rdf::World::instance().get(), "SHA1"), "librdf_new_digest"));
  librdf_digest_init(digest.get());
  // librdf's SHA-1 works in place on the bytes it is given (it scrambles them), so it is given
  // this copy and never a term's own string.
  librdf_digest_update(digest.get(), reinterpret_cast<unsigned char*>(text.data()), text.size());
  librdf_digest_final(digest.get());
  rdf::Handle<char, free_memory> hex(
      rdf::checked(librdf_digest_to_string(digest.get()), "librdf_digest_to_string"));
  return hex.get();
}

rdf::Storage open_sqlite_storage(const std::string& path, bool create) {
  auto& world = rdf::World::instance();
  // The values must be quoted: librdf ignores unquoted ones without a word.
  std::string options = std::string("new='") + (create ? "yes" : "no") + "',contexts='yes'";
  librdf_storage* storage =
      librdf_new_storage(world.get(), "sqlite", path.c_str(), options.c_str());
  if (!storage) {
    std::string reason = world.take_last_error();
    throw Error(ErrorCode::kRdf,
                path + ": cannot open the store" + (reason.empty() ? "" : ": " + reason) +
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
    throw Error(ErrorCode::kRdf,
                path + ": cannot open the store" + (reason.empty() ? "" : ": " + reason));
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

void free_raptor_string(unsigned char* text) {
  raptor_free_memory(text);
}

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
    if (store_.digests)
      store_.digests->forget(current_graph_);  // it no longer holds an article's graph
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

GraphDigests::GraphDigests(const std::string& path)
    : path_(path),
      db_(open_database(path)),
      find_(
          prepare_statement(db_.get(), path, "SELECT digest FROM newskg_graphs WHERE graph = ?1")),
      forget_(prepare_statement(db_.get(), path, "DELETE FROM newskg_graphs WHERE graph = ?1")),
      remember_(prepare_statement(
          db_.get(), path,
          "INSERT OR REPLACE INTO newskg_graphs (graph, digest) VALUES (?1, ?2)")) {}

// Runs one of the prepared statements; true when it stopped at a row (still to be read).
bool GraphDigests::run(sqlite3_stmt* statement, const std::string& graph,
                       const std::string* digest) const {
  sqlite3_reset(statement);
  sqlite3_bind_text(statement, 1, graph.data(), static_cast<int>(graph.size()), SQLITE_TRANSIENT);
  if (digest)
    sqlite3_bind_text(statement, 2, digest->data(), static_cast<int>(digest->size()),
                      SQLITE_TRANSIENT);
  int status = sqlite3_step(statement);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    throw Error(ErrorCode::kRdf,
                path_ + ": cannot keep the digest of " + graph + ": " + sqlite3_errmsg(db_.get()));
  return status == SQLITE_ROW;
}

std::optional<std::string> GraphDigests::find(const std::string& graph) const {
  std::optional<std::string> digest;
  if (run(find_.get(), graph, nullptr))
    if (const unsigned char* text = sqlite3_column_text(find_.get(), 0))
      digest = reinterpret_cast<const char*>(text);
  sqlite3_reset(find_.get());  // ends the read, so that it does not hold back checkpoints
  return digest;
}

void GraphDigests::forget(const std::string& graph) {
  run(forget_.get(), graph, nullptr);
}

void GraphDigests::remember(const std::string& graph, const std::string& digest) {
  run(remember_.get(), graph, &digest);
}

bool is_rdf_file(const std::string& path) {
  return parser_for(path) != nullptr;
}

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
  prepare_database(path);
  auto impl = open_sqlite_model(path, false);
  impl->digests.emplace(path);
  return Store(std::move(impl));
}

Store Store::in_memory() {
  librdf_world* world = rdf::World::instance().get();
  auto impl = std::make_unique<Impl>();
  impl->storage.reset(
      rdf::checked(librdf_new_storage(world, "hashes", "newskg",
                                      "hash-type='memory',contexts='yes',index-predicates='yes'"),
                   "librdf_new_storage"));
  impl->model.reset(
      rdf::checked(librdf_new_model(world, impl->storage.get(), nullptr), "librdf_new_model"));
  return Store(std::move(impl));
}

bool Store::replace(const Graph& graph) {
  std::string digest;
  if (impl_->digests) {
    digest = digest_of(graph);
    if (impl_->digests->find(graph.name) == digest) return false;
    impl_->digests->forget(graph.name);
  }
  librdf_world* world = rdf::World::instance().get();
  rdf::Node context = rdf::iri_node(graph.name);
  Transaction transaction(*impl_);
  remove_graph(*impl_, context.get());
  // graph.triples has no repeats (to_graph sorts them and drops repeats); a guard for others:
  const Triple* previous = nullptr;
  for (const Triple& triple : graph.triples) {
    if (previous && *previous == triple) continue;
    previous = &triple;
    rdf::Statement statement(
        rdf::checked(librdf_new_statement_from_nodes(world, node_of(triple.subject).release(),
                                                     node_of(triple.predicate).release(),
                                                     node_of(triple.object).release()),
                     "librdf_new_statement_from_nodes"));
    add_statement(*impl_, context.get(), statement.get());
  }
  transaction.commit();
  if (impl_->digests) impl_->digests->remember(graph.name, digest);
  return true;
}

std::size_t Store::load_file(const std::string& path, const GraphLoadedHandler& on_graph) {
  const char* syntax = parser_for(path);
  if (!syntax)
    throw Error(ErrorCode::kUnknownFormat,
                path + ": not an RDF file name (.nq, .trig, .ttl, .nt, .rdf)");
  if (!fs::is_regular_file(path)) throw Error(ErrorCode::kUnreadableFile, path + ": no such file");
  raptor_world* world = rdf::World::instance().raptor();

  std::string absolute = fs::absolute(path).lexically_normal().string();
  rdf::Handle<unsigned char, free_raptor_string> file_uri_string(rdf::checked(
      raptor_uri_filename_to_uri_string(absolute.c_str()), "raptor_uri_filename_to_uri_string"));
  rdf::RaptorUri file_uri(
      rdf::checked(raptor_new_uri(world, file_uri_string.get()), "raptor_new_uri"));
  FileLoader loader(*impl_, reinterpret_cast<const char*>(file_uri_string.get()), on_graph);
  auto new_parser = [&] {
    rdf::RaptorParser parser(rdf::checked(raptor_new_parser(world, syntax), "raptor_new_parser"));
    raptor_parser_set_statement_handler(parser.get(), &loader, FileLoader::on_statement);
    loader.set_parser(parser.get());
    return parser;
  };

  // An error must stop the load where it is: the N-Triples family logs a bad line and goes on
  // with the next, which would leave its graph without that statement. So the file is fed a
  // piece at a time and checked after each; the graph being read when an error comes is not
  // committed, the graphs before it are whole. N-Quads and N-Triples are parsed a line at a
  // time, each line on its own (raptor reads an unclosed string on into the next lines and
  // would name the last one), which names the line exactly; the other syntaxes say where.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kUnreadableFile, path + ": cannot read it");
  const bool line_based =
      std::string_view(syntax) == "nquads" || std::string_view(syntax) == "ntriples";
  rdf::RaptorParser parser = new_parser();
  std::size_t line_number = 0;
  auto check = [&](int status) {
    if (loader.failure()) std::rethrow_exception(loader.failure());
    std::string reason = rdf::World::instance().take_last_error();
    if (status == 0 && reason.empty()) return;
    const raptor_locator* where = raptor_parser_get_locator(parser.get());
    std::size_t line = !line_based && where && where->line > 0
                           ? static_cast<std::size_t>(where->line)
                           : line_number;
    throw Error(ErrorCode::kRdf,
                path + ":" + std::to_string(line) + ": " +
                    (reason.empty() ? std::string("cannot parse as ") + syntax : reason));
  };
  auto feed = [&](const std::string& text, bool at_end) {
    check(raptor_parser_parse_chunk(parser.get(),
                                    reinterpret_cast<const unsigned char*>(text.data()),
                                    text.size(), at_end ? 1 : 0));
  };
  rdf::World::instance().take_last_error();  // nothing logged before is blamed on this file
  if (!line_based) check(raptor_parser_parse_start(parser.get(), file_uri.get()));
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    if (line_based) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // nothing to parse
      if (line_number > 1) parser = new_parser();
      check(raptor_parser_parse_start(parser.get(), file_uri.get()));
      feed(line, true);
    } else {
      if (!in.eof()) line += '\n';
      feed(line, false);
    }
  }
  if (in.bad()) throw Error(ErrorCode::kUnreadableFile, path + ": read error");
  if (!line_based) feed({}, true);
  loader.finish();
  return loader.graphs();
}

bool Store::remove(const std::string& graph_name) {
  rdf::Node context = rdf::iri_node(graph_name);
  if (!librdf_model_contains_context(impl_->model.get(), context.get())) return false;
  if (impl_->digests) impl_->digests->forget(graph_name);
  Transaction transaction(*impl_);
  remove_graph(*impl_, context.get());
  transaction.commit();
  return true;
}

std::size_t Store::size() const {
  int size = librdf_model_size(impl_->model.get());
  if (size < 0)
    throw Error(ErrorCode::kRdf,
                (impl_->path.empty() ? "store" : impl_->path) + ": cannot count statements");
  return static_cast<std::size_t>(size);
}

std::size_t Store::graph_size(const std::string& graph_name) const {
  return count_graph(*impl_, graph_name);
}

std::vector<std::string> Store::graph_names() const {
  std::vector<std::string> names;
  rdf::Handle<librdf_iterator, librdf_free_iterator> contexts(
      librdf_model_get_contexts(impl_->model.get()));
  if (!contexts) return names;
  for (; !librdf_iterator_end(contexts.get()); librdf_iterator_next(contexts.get())) {
    auto* node = static_cast<librdf_node*>(librdf_iterator_get_object(contexts.get()));
    if (node && librdf_node_is_resource(node))
      names.emplace_back(
          reinterpret_cast<const char*>(librdf_uri_as_string(librdf_node_get_uri(node))));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

const std::string& Store::path() const {
  return impl_->path;
}

}  // namespace newskg
