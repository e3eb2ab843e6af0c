// JSON-LD 1.1 API, section 8.4 "Serialize RDF as JSON-LD" and 8.5 "RDF to Object
// Conversion", step by step (the step numbers below are the spec's). The spec's algorithm
// keeps references into the node maps and rewrites values in place when it finds lists and
// compound literals, so values and nodes are shared pointers here.
#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>

#include "newskg/jsonld.hpp"
#include "newskg/vocab/standard.hpp"

namespace newskg::jsonld {
namespace {

namespace rdf = vocab::rdf;
namespace xsd = vocab::xsd;

constexpr std::string_view kI18n = vocab::i18n::ns;
const std::string kRdfJson(rdf::JSON), kRdfList(rdf::List), kRdfNil(rdf::nil),
    kRdfFirst(rdf::first), kRdfRest(rdf::rest), kRdfValue(rdf::value), kRdfLanguage(rdf::language),
    kRdfDirection(rdf::direction);

// One item of a property's array: a node reference, a value object or (after list
// conversion) a list object.
struct Value {
  enum class Kind { kReference, kLiteral, kList };
  Kind kind = Kind::kReference;
  std::string id;       // kReference
  std::string json;     // kLiteral: @value as JSON text
  std::string lexical;  // kLiteral: the literal's lexical form (for compound literals)
  std::string type, language, direction;     // kLiteral; empty when absent
  std::vector<std::shared_ptr<Value>> list;  // kList

  bool same_as(const Value& o) const {
    return kind == o.kind && id == o.id && json == o.json && type == o.type &&
           language == o.language && direction == o.direction && list == o.list;
  }
};
using ValuePtr = std::shared_ptr<Value>;

struct Node;
// Where a blank node or rdf:nil is used as an object: node, property and the value there.
struct Usage {
  std::shared_ptr<Node> node;
  std::string property;
  ValuePtr value;
};

struct Node {
  std::string id;
  std::vector<std::string> types;                           // @type
  std::map<std::string, std::vector<ValuePtr>> properties;  // by IRI
  std::vector<Usage> usages;                                // rdf:nil only
  bool has_graph = false;                                   // step 8.1: gets an @graph entry
};
using NodePtr = std::shared_ptr<Node>;
using NodeMap = std::map<std::string, NodePtr>;

std::string term_id(const Term& t) {
  return t.is_blank() ? "_:" + t.value : t.value;
}

std::string json_string(std::string_view s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return buffer.GetString();
}

// The JSON-LD internal representation of a JSON literal, written back as compact JSON.
std::string canonical_json(const std::string& lexical) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag>(
      lexical.c_str(), lexical.size());
  if (document.HasParseError()) throw JsonLdError("invalid JSON literal", "not JSON: " + lexical);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return buffer.GetString();
}

// xsd:integer and xsd:double lexical forms (XML Schema 1.1 part 2), as JSON numbers where
// JSON can hold them (not INF, NaN or out-of-range doubles).
std::optional<std::string> native_number(const std::string& lexical, const std::string& datatype) {
  static const std::regex integer("[+-]?[0-9]+");
  static const std::regex decimal_double("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  if (datatype == xsd::integer) {
    if (!std::regex_match(lexical, integer)) return std::nullopt;
    errno = 0;
    long long value = std::strtoll(lexical.c_str(), nullptr, 10);
    if (errno != ERANGE) return std::to_string(value);
  } else if (!std::regex_match(lexical, decimal_double)) {
    return std::nullopt;
  }
  double value = std::strtod(lexical.c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.Double(value);
  return std::string(buffer.GetString());
}

class Serializer {
 public:
  explicit Serializer(const FromRdfOptions& options) : options_(options) {}

  std::string run(const std::vector<Quad>& dataset) {
    graphs_["@default"];
    std::set<Quad> seen;  // a dataset is a set: a repeated statement is the same statement
    for (const Quad& quad : dataset)
      if (seen.insert(quad).second) add(quad);  // step 5
    for (auto& [name, graph] : graphs_) {       // step 6
      convert_compound_literals(name, graph);
      convert_lists(graph);
    }
    return write();  // steps 7-9
  }

 private:
  // 5.1-5.7 for one quad.
  void add(const Quad& quad) {
    const std::string name = quad.graph.empty() ? "@default" : quad.graph;
    NodeMap& graph = graphs_[name];
    NodeMap& default_graph = graphs_["@default"];
    if (name != "@default") node_in(default_graph, name)->has_graph = true;  // 5.4
    const Triple& t = quad.triple;
    NodePtr node = node_in(graph, term_id(t.subject));  // 5.7.1-5.7.2
    const std::string& predicate = t.predicate.value;
    if (options_.rdf_direction == RdfDirection::kCompoundLiteral && predicate == kRdfDirection)
      compound_subjects_[name].insert(node->id);  // 5.7.3
    const bool object_is_node = !t.object.is_literal();
    if (object_is_node) node_in(graph, term_id(t.object));                     // 5.7.4
    if (predicate == rdf::type && !options_.use_rdf_type && object_is_node) {  // 5.7.5
      std::string type = term_id(t.object);
      if (std::find(node->types.begin(), node->types.end(), type) == node->types.end())
        node->types.push_back(type);
      return;
    }
    ValuePtr value = to_object(t.object);        // 5.7.6
    auto& values = node->properties[predicate];  // 5.7.7
    auto existing = std::find_if(values.begin(), values.end(),
                                 [&](const ValuePtr& v) { return v->same_as(*value); });
    if (existing == values.end())
      values.push_back(value);  // 5.7.8
    else
      value = *existing;
    if (t.object.is_iri() && t.object.value == kRdfNil) {  // 5.7.9
      graph[kRdfNil]->usages.push_back({node, predicate, value});
    } else if (auto seen = referenced_once_.find(term_id(t.object));
               seen != referenced_once_.end()) {
      seen->second.reset();  // 5.7.10: referenced more than once
    } else if (t.object.is_blank()) {
      referenced_once_[term_id(t.object)] = Usage{node, predicate, value};  // 5.7.11
    }
  }

  static NodePtr node_in(NodeMap& graph, const std::string& id) {
    NodePtr& node = graph[id];
    if (!node) {
      node = std::make_shared<Node>();
      node->id = id;
    }
    return node;
  }

  // 8.5 RDF to Object Conversion.
  ValuePtr to_object(const Term& term) const {
    auto value = std::make_shared<Value>();
    if (!term.is_literal()) {
      value->id = term_id(term);
      return value;
    }
    value->kind = Value::Kind::kLiteral;
    value->lexical = term.value;
    const std::string& datatype = term.datatype;
    const bool json_ld_11 = options_.processing_mode != ProcessingMode::kJsonLd10;
    std::string converted = json_string(term.value);
    const bool native = options_.use_native_types && term.language.empty();
    std::optional<std::string> number;
    if (native && datatype == xsd::boolean &&
        (term.value == "true" || term.value == "1")) {  // 2.4.2
      converted = "true";
    } else if (native && datatype == xsd::boolean && (term.value == "false" || term.value == "0")) {
      converted = "false";
    } else if (native && (datatype == xsd::integer || datatype == xsd::double_) &&  // 2.4.3
               (number = native_number(term.value, datatype))) {
      converted = *number;
    } else if (json_ld_11 && datatype == kRdfJson) {  // 2.5
      converted = canonical_json(term.value);
      value->type = "@json";
    } else if (json_ld_11 && datatype.starts_with(kI18n) &&
               options_.rdf_direction == RdfDirection::kI18nDatatype) {  // 2.6
      std::string suffix = datatype.substr(kI18n.size());
      auto underscore = suffix.find('_');
      if (underscore != std::string::npos) {
        if (underscore > 0) value->language = suffix.substr(0, underscore);
        value->direction = suffix.substr(underscore + 1);
      }
    } else if (!term.language.empty()) {  // 2.7
      value->language = term.language;
    } else if (!datatype.empty() && datatype != xsd::string) {  // 2.8
      value->type = datatype;
    }
    value->json = std::move(converted);
    return value;
  }

  // 6.1: blank nodes with rdf:value and rdf:direction become value objects with @direction.
  void convert_compound_literals(const std::string& name, NodeMap& graph) {
    auto subjects = compound_subjects_.find(name);
    if (subjects == compound_subjects_.end()) return;
    for (const std::string& cl : subjects->second) {
      auto usage = referenced_once_.find(cl);
      if (usage == referenced_once_.end() || !usage->second) continue;  // 6.1.1
      auto found = graph.find(cl);
      if (found == graph.end()) continue;
      NodePtr cl_node = found->second;
      graph.erase(found);  // 6.1.5
      auto first_of = [&](const std::string& property) -> const Value* {
        auto it = cl_node->properties.find(property);
        return it == cl_node->properties.end() || it->second.empty() ? nullptr
                                                                     : it->second.front().get();
      };
      for (ValuePtr& reference :
           usage->second->node->properties[usage->second->property]) {  // 6.1.6
        if (reference->kind != Value::Kind::kReference || reference->id != cl) continue;
        auto literal = std::make_shared<Value>();
        literal->kind = Value::Kind::kLiteral;
        const Value* value = first_of(kRdfValue);
        literal->json = value ? value->json : "null";
        literal->lexical = value ? value->lexical : "";
        if (const Value* language = first_of(kRdfLanguage)) {
          static const std::regex bcp47("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");
          if (!std::regex_match(language->lexical, bcp47))
            throw JsonLdError("invalid language-tagged string", language->lexical);
          literal->language = language->lexical;
        }
        if (const Value* direction = first_of(kRdfDirection)) {
          if (direction->lexical != "ltr" && direction->lexical != "rtl")
            throw JsonLdError("invalid base direction", direction->lexical);
          literal->direction = direction->lexical;
        }
        *reference = std::move(*literal);  // in place: lists may share this value
      }
    }
  }

  // 6.2-6.4: well-formed chains of rdf:first/rdf:rest blank nodes become @list.
  void convert_lists(NodeMap& graph) {
    auto nil = graph.find(kRdfNil);
    if (nil == graph.end()) return;
    for (const Usage& usage : nil->second->usages) {
      NodePtr node = usage.node;
      std::string property = usage.property;
      ValuePtr head = usage.value;
      std::vector<ValuePtr> list;
      std::vector<std::string> list_nodes;
      while (property == kRdfRest && is_list_node(*node)) {  // 6.4.3
        list.push_back(node->properties[kRdfFirst].front());
        list_nodes.push_back(node->id);
        const Usage& node_usage = *referenced_once_[node->id];
        node = node_usage.node;
        property = node_usage.property;
        head = node_usage.value;
        if (!node->id.starts_with("_:")) break;  // 6.4.3.5
      }
      if (options_.processing_mode == ProcessingMode::kJsonLd10 && property == kRdfFirst) {
        // JSON-LD 1.0 (its 4.3.3) has no lists of lists: a list nested in another keeps its
        // first node, and only that node's rdf:rest becomes a list; an empty one stays rdf:nil.
        if (list_nodes.empty()) continue;
        head = graph.at(list_nodes.back())->properties[kRdfRest].front();
        list.pop_back();
        list_nodes.pop_back();
      }
      std::reverse(list.begin(), list.end());
      head->kind = Value::Kind::kList;  // 6.4.4-6.4.6
      head->id.clear();
      head->list = std::move(list);
      for (const std::string& id : list_nodes) graph.erase(id);  // 6.4.7
    }
  }

  bool is_list_node(const Node& node) const {
    if (!node.id.starts_with("_:")) return false;
    auto usage = referenced_once_.find(node.id);
    if (usage == referenced_once_.end() || !usage->second) return false;
    if (node.properties.size() != 2) return false;
    auto first = node.properties.find(kRdfFirst), rest = node.properties.find(kRdfRest);
    if (first == node.properties.end() || rest == node.properties.end()) return false;
    if (first->second.size() != 1 || rest->second.size() != 1) return false;
    return node.types.empty() || (node.types.size() == 1 && node.types.front() == kRdfList);
  }

  using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

  std::string write() {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartArray();
    const NodeMap& default_graph = graphs_["@default"];
    for (const auto& [id, node] : default_graph) {  // step 8
      const NodeMap* graph = nullptr;
      if (node->has_graph) graph = &graphs_.at(id);
      if (!graph && only_id(*node)) continue;
      write_node(writer, *node, graph);
    }
    writer.EndArray();
    return std::string(buffer.GetString()) + "\n";
  }

  static bool only_id(const Node& node) { return node.types.empty() && node.properties.empty(); }

  void write_node(JsonWriter& writer, const Node& node, const NodeMap* graph) const {
    writer.StartObject();
    writer.Key("@id");
    writer.String(node.id);
    if (!node.types.empty()) {
      writer.Key("@type");
      writer.StartArray();
      for (const std::string& type : node.types) writer.String(type);
      writer.EndArray();
    }
    if (graph) {
      writer.Key("@graph");
      writer.StartArray();
      for (const auto& [id, member] : *graph)  // 8.1.2
        if (!only_id(*member)) write_node(writer, *member, nullptr);
      writer.EndArray();
    }
    for (const auto& [property, values] : node.properties) {
      writer.Key(property);
      writer.StartArray();
      for (const ValuePtr& value : values) write_value(writer, *value);
      writer.EndArray();
    }
    writer.EndObject();
  }

  static void write_value(JsonWriter& writer, const Value& value) {
    writer.StartObject();
    switch (value.kind) {
      case Value::Kind::kReference:
        writer.Key("@id");
        writer.String(value.id);
        break;
      case Value::Kind::kList:
        writer.Key("@list");
        writer.StartArray();
        for (const ValuePtr& item : value.list) write_value(writer, *item);
        writer.EndArray();
        break;
      case Value::Kind::kLiteral:
        writer.Key("@value");
        writer.RawValue(value.json.data(), value.json.size(), rapidjson::kObjectType);
        if (!value.type.empty()) {
          writer.Key("@type");
          writer.String(value.type);
        }
        if (!value.language.empty()) {
          writer.Key("@language");
          writer.String(value.language);
        }
        if (!value.direction.empty()) {
          writer.Key("@direction");
          writer.String(value.direction);
        }
        break;
    }
    writer.EndObject();
  }

  const FromRdfOptions& options_;
  std::map<std::string, NodeMap> graphs_;                        // graph map
  std::map<std::string, std::optional<Usage>> referenced_once_;  // nullopt: "false"
  std::map<std::string, std::set<std::string>> compound_subjects_;
};

}  // namespace

std::string from_rdf(const std::vector<Quad>& dataset, const FromRdfOptions& options) {
  return Serializer(options).run(dataset);
}

}  // namespace newskg::jsonld
