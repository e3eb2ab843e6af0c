// SPARQL over a Store: rasqal through librdf's query interface (the default graph is the
// union of all graphs, GRAPH ranges over the store's contexts). rasqal 0.9.33 returns an
// empty graph for DESCRIBE, so DESCRIBE runs here: its targets are found with a SELECT, and
// each is described by the statements about it and those pointing at it.
#include <algorithm>
#include <cctype>
#include <set>

#include "newskg/sparql.hpp"
#include "store/store_impl.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define NEWSKG_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWSKG_LSAN 1
#endif
#endif
#ifdef NEWSKG_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace newskg::sparql {
namespace {

using Query = rdf::Handle<librdf_query, librdf_free_query>;
using QueryResults = rdf::Handle<librdf_query_results, librdf_free_query_results>;
using RasqalQuery = rdf::Handle<rasqal_query, rasqal_free_query>;

constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";

// A rasqal world of our own, on librdf's raptor world, to read a query's form before running it
// (librdf does not expose its parsed query). It keeps the last error rasqal logs.
class RasqalWorld {
 public:
  static RasqalWorld& instance() {
    static RasqalWorld world;
    return world;
  }
  rasqal_world* get() const { return world_.get(); }
  std::string take_last_error() {
    std::string message;
    message.swap(last_error_);
    return message;
  }

 private:
  RasqalWorld() : world_(rdf::checked(rasqal_new_world(), "rasqal_new_world")) {
    rasqal_world_set_raptor(world_.get(), rdf::World::instance().raptor());
    rasqal_world_set_log_handler(world_.get(), this, [](void* self, raptor_log_message* message) {
      if (message->level < RAPTOR_LOG_LEVEL_ERROR) return;
      auto& error = static_cast<RasqalWorld*>(self)->last_error_;
      error = message->text ? message->text : "unknown rasqal error";
      if (message->locator && message->locator->line > 0)
        error = "line " + std::to_string(message->locator->line) + ": " + error;
    });
    if (rasqal_world_open(world_.get())) throw Error(ErrorCode::kRdf, "rasqal_world_open failed");
  }
  rdf::Handle<rasqal_world, rasqal_free_world> world_;
  std::string last_error_;
};

struct QueryForm {
  rasqal_query_verb verb = RASQAL_QUERY_VERB_UNKNOWN;
  bool ordered = false;
  std::vector<std::string> variables;  // SELECT's projection: librdf names none when no row comes
};

QueryForm read_form(const std::string& text) {
  auto& world = RasqalWorld::instance();
  RasqalQuery query(
      rdf::checked(rasqal_new_query(world.get(), "sparql", nullptr), "rasqal_new_query"));
  if (rasqal_query_prepare(query.get(), reinterpret_cast<const unsigned char*>(text.c_str()),
                           nullptr)) {
    std::string reason = world.take_last_error();
    throw Error(ErrorCode::kRdf,
                "invalid SPARQL query: " + (reason.empty() ? "it does not parse" : reason));
  }
  QueryForm form;
  form.verb = rasqal_query_get_verb(query.get());
  raptor_sequence* order = rasqal_query_get_order_conditions_sequence(query.get());
  form.ordered = order && raptor_sequence_size(order) > 0;
  if (raptor_sequence* bound = rasqal_query_get_bound_variable_sequence(query.get())) {
    for (int i = 0; i < raptor_sequence_size(bound); ++i) {
      auto* variable = static_cast<rasqal_variable*>(raptor_sequence_get_at(bound, i));
      if (variable && variable->name)
        form.variables.emplace_back(reinterpret_cast<const char*>(variable->name));
    }
  }
  return form;
}

std::string text_of(const unsigned char* text, std::size_t length) {
  return std::string(reinterpret_cast<const char*>(text), length);
}

Value value_of(librdf_node* node) {
  Value value;
  if (librdf_node_is_resource(node)) {
    value.type = Value::Type::kIri;
    value.value = reinterpret_cast<const char*>(librdf_uri_as_string(librdf_node_get_uri(node)));
  } else if (librdf_node_is_blank(node)) {
    value.type = Value::Type::kBlank;
    value.value = reinterpret_cast<const char*>(librdf_node_get_blank_identifier(node));
  } else {
    value.type = Value::Type::kLiteral;
    std::size_t length = 0;
    const unsigned char* text = librdf_node_get_literal_value_as_counted_string(node, &length);
    value.value = text_of(text, length);
    if (const char* language = librdf_node_get_literal_value_language(node))
      value.language = language;
    if (librdf_uri* datatype = librdf_node_get_literal_value_datatype_uri(node))
      value.datatype = reinterpret_cast<const char*>(librdf_uri_as_string(datatype));
    if (value.datatype == kXsdString) value.datatype.clear();  // the same literal in RDF 1.1
  }
  return value;
}

QueryResults execute(const Store& store, const std::string& text) {
  librdf_world* world = rdf::World::instance().get();
  Query query(librdf_new_query(world, "sparql", nullptr,
                               reinterpret_cast<const unsigned char*>(text.c_str()), nullptr));
  if (!query) {
    std::string reason = rdf::World::instance().take_last_error();
    throw Error(ErrorCode::kRdf, "SPARQL query rejected" + (reason.empty() ? "" : ": " + reason));
  }
  QueryResults results(librdf_model_query_execute(store.impl().model.get(), query.get()));
  if (!results) {
    std::string reason = rdf::World::instance().take_last_error();
    throw Error(ErrorCode::kRdf, "SPARQL query failed" + (reason.empty() ? "" : ": " + reason));
  }
  return results;
}

void read_bindings(librdf_query_results* results, const QueryForm& form, Result& result) {
  int count =
      librdf_query_results_finished(results) ? 0 : librdf_query_results_get_bindings_count(results);
  for (int i = 0; i < count; ++i) {
    const char* name = librdf_query_results_get_binding_name(results, i);
    result.variables.emplace_back(name ? name : "");
  }
  if (count == 0) result.variables = form.variables;
  for (; !librdf_query_results_finished(results); librdf_query_results_next(results)) {
    std::vector<std::optional<Value>> row(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      rdf::Node node(librdf_query_results_get_binding_value(results, i));
      if (node) row[static_cast<std::size_t>(i)] = value_of(node.get());
    }
    result.rows.push_back(std::move(row));
  }
}

void sort_triples(std::vector<ValueTriple>& triples) {
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
}

// --- DESCRIBE -------------------------------------------------------------------------------

// Reads the query text token by token, as far as the DESCRIBE targets: enough to turn
// "PREFIX ... DESCRIBE ?x <iri> WHERE {...}" into "PREFIX ... SELECT DISTINCT ?x (<iri> AS ?_)
// WHERE {...}".
class DescribeRewriter {
 public:
  explicit DescribeRewriter(const std::string& text) : text_(text) {}

  std::string select_query() {
    // Prologue: BASE <iri> and PREFIX name: <iri>, any number of times.
    while (true) {
      std::size_t start = skip_space();
      std::string word = next_token();
      if (upper(word) == "BASE") {
        next_token();
      } else if (upper(word) == "PREFIX") {
        next_token();
        next_token();
      } else {
        if (upper(word) != "DESCRIBE") throw Error(ErrorCode::kRdf, "not a DESCRIBE query");
        prologue_end_ = start;
        break;
      }
    }
    std::string projection;
    int constants = 0;
    while (true) {
      std::size_t start = skip_space();
      if (position_ >= text_.size() || text_[position_] == '{') {
        position_ = start;
        break;
      }
      std::string target = next_token();
      std::string keyword = upper(target);
      if (keyword == "WHERE" || keyword == "FROM") {
        position_ = start;
        break;
      }
      if (target == "*" || target[0] == '?' || target[0] == '$') {
        projection += " " + target;
      } else {
        projection += " (" + target + " AS ?newskg_describe_" + std::to_string(constants++) + ")";
      }
    }
    std::string rest = text_.substr(position_);
    bool has_where = rest.find('{') != std::string::npos;
    return text_.substr(0, prologue_end_) + "SELECT DISTINCT" + projection + " " +
           (has_where ? rest : "{}");
  }

 private:
  static std::string upper(std::string word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    return word;
  }

  std::size_t skip_space() {
    while (position_ < text_.size()) {
      char c = text_[position_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++position_;
      } else if (c == '#') {
        while (position_ < text_.size() && text_[position_] != '\n') ++position_;
      } else {
        break;
      }
    }
    return position_;
  }

  // An IRI in angle brackets, or a run of characters up to a space, '{', or a comment.
  std::string next_token() {
    skip_space();
    std::size_t start = position_;
    if (position_ < text_.size() && text_[position_] == '<') {
      std::size_t end = text_.find('>', position_);
      position_ = end == std::string::npos ? text_.size() : end + 1;
    } else {
      while (position_ < text_.size() &&
             !std::isspace(static_cast<unsigned char>(text_[position_])) &&
             text_[position_] != '{' && text_[position_] != '#' && text_[position_] != '<')
        ++position_;
    }
    return text_.substr(start, position_ - start);
  }

  const std::string& text_;
  std::size_t position_ = 0;
  std::size_t prologue_end_ = 0;
};

// The statements about `resource` in any graph: those with it as subject, following blank-node
// objects (its concise bounded description), and those that point at it, as Virtuoso and
// Jena answer DESCRIBE (a mention's taIdentRef is about the entity as much as its label is).
void describe(const Store& store, librdf_node* resource, bool inbound, std::set<ValueTriple>& out,
              std::set<std::string>& seen_blanks) {
  librdf_world* world = rdf::World::instance().get();
  rdf::Node subject(librdf_new_node_from_node(resource));
  rdf::Statement pattern(
      rdf::checked(librdf_new_statement_from_nodes(world, subject.release(), nullptr, nullptr),
                   "librdf_new_statement_from_nodes"));
  rdf::Stream stream(
      rdf::checked(librdf_model_find_statements(store.impl().model.get(), pattern.get()),
                   "librdf_model_find_statements"));
  std::vector<rdf::Node> blank_objects;
  for (; !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    librdf_statement* statement = librdf_stream_get_object(stream.get());
    librdf_node* object = librdf_statement_get_object(statement);
    out.insert({value_of(librdf_statement_get_subject(statement)),
                value_of(librdf_statement_get_predicate(statement)), value_of(object)});
    if (librdf_node_is_blank(object) &&
        seen_blanks.insert(reinterpret_cast<const char*>(librdf_node_get_blank_identifier(object)))
            .second)
      blank_objects.emplace_back(librdf_new_node_from_node(object));
  }
  stream.reset();
  for (const auto& blank : blank_objects) describe(store, blank.get(), false, out, seen_blanks);
  if (!inbound) return;

  rdf::Node object(librdf_new_node_from_node(resource));
  rdf::Statement incoming(
      rdf::checked(librdf_new_statement_from_nodes(world, nullptr, nullptr, object.release()),
                   "librdf_new_statement_from_nodes"));
  rdf::Stream pointing(
      rdf::checked(librdf_model_find_statements(store.impl().model.get(), incoming.get()),
                   "librdf_model_find_statements"));
  for (; !librdf_stream_end(pointing.get()); librdf_stream_next(pointing.get())) {
    librdf_statement* statement = librdf_stream_get_object(pointing.get());
    out.insert({value_of(librdf_statement_get_subject(statement)),
                value_of(librdf_statement_get_predicate(statement)),
                value_of(librdf_statement_get_object(statement))});
  }
}

Result run_describe(const Store& store, const std::string& text) {
  std::string select = DescribeRewriter(text).select_query();
  QueryResults results = execute(store, select);
  std::set<ValueTriple> triples;
  std::set<std::string> seen_blanks;
  std::set<std::pair<bool, std::string>> described;
  int count = librdf_query_results_get_bindings_count(results.get());
  for (; !librdf_query_results_finished(results.get()); librdf_query_results_next(results.get())) {
    for (int i = 0; i < count; ++i) {
      rdf::Node node(librdf_query_results_get_binding_value(results.get(), i));
      if (!node || librdf_node_is_literal(node.get())) continue;
      Value value = value_of(node.get());
      if (!described.insert({value.type == Value::Type::kBlank, value.value}).second) continue;
      if (value.type == Value::Type::kBlank) seen_blanks.insert(value.value);
      describe(store, node.get(), true, triples, seen_blanks);
    }
  }
  Result result;
  result.kind = Result::Kind::kGraph;
  result.triples.assign(triples.begin(), triples.end());
  return result;
}

// rasqal 0.9.33 under librdf's sqlite storage loses part of each query's plan (a DISTINCT over
// a sqlite-backed pattern leaves its row sources and variables table behind). Debian's rasqal
// and raptor have no frame pointers, so LeakSanitizer cannot tell those blocks by their stack
// from a leak of ours. In sanitizer builds, what is allocated while a query runs is therefore
// left out of leak checking; every librdf handle here is RAII, and all else stays checked.
class ThirdPartyLeaksIgnored {
 public:
#ifdef NEWSKG_LSAN
  ThirdPartyLeaksIgnored() {
    __lsan_disable();
  }
  ~ThirdPartyLeaksIgnored() {
    __lsan_enable();
  }
#else
  ThirdPartyLeaksIgnored() = default;
#endif
  ThirdPartyLeaksIgnored(const ThirdPartyLeaksIgnored&) = delete;
  ThirdPartyLeaksIgnored& operator=(const ThirdPartyLeaksIgnored&) = delete;
};

}  // namespace

Result run(const Store& store, std::string_view query_text) {
  [[maybe_unused]] ThirdPartyLeaksIgnored rasqal_leaks;
  std::string text(query_text);
  QueryForm form = read_form(text);
  if (form.verb == RASQAL_QUERY_VERB_DESCRIBE) return run_describe(store, text);
  if (form.verb != RASQAL_QUERY_VERB_SELECT && form.verb != RASQAL_QUERY_VERB_ASK &&
      form.verb != RASQAL_QUERY_VERB_CONSTRUCT)
    throw Error(ErrorCode::kRdf,
                std::string("only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here, not ") +
                    rasqal_query_verb_as_string(form.verb));

  QueryResults results = execute(store, text);
  Result result;
  if (librdf_query_results_is_boolean(results.get())) {
    result.kind = Result::Kind::kBoolean;
    int answer = librdf_query_results_get_boolean(results.get());
    if (answer < 0) throw Error(ErrorCode::kRdf, "SPARQL ASK failed");
    result.boolean = answer > 0;
  } else if (librdf_query_results_is_graph(results.get())) {
    result.kind = Result::Kind::kGraph;
    rdf::Stream stream(librdf_query_results_as_stream(results.get()));
    for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
      librdf_statement* statement = librdf_stream_get_object(stream.get());
      result.triples.push_back({value_of(librdf_statement_get_subject(statement)),
                                value_of(librdf_statement_get_predicate(statement)),
                                value_of(librdf_statement_get_object(statement))});
    }
    sort_triples(result.triples);
  } else {
    result.kind = Result::Kind::kBindings;
    result.ordered = form.ordered;
    read_bindings(results.get(), form, result);
  }
  return result;
}

}  // namespace newskg::sparql
