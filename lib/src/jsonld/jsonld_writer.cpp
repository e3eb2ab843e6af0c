// JSON-LD, compacted with ontology/context.jsonld and streamed with RapidJSON's Writer:
// one {"@id": graph, "@graph": [...]} object per article under a top-level "@graph".
// The writer reads the context as data, so a term is used for a value only where the
// term's coercion reads that value back exactly; everything else is written expanded.
#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <map>
#include <sstream>

#include "newskg/error.hpp"
#include "newskg/vocab/standard.hpp"
#include "newskg/writer.hpp"

namespace newskg {
namespace {

struct TermDefinition {
  std::string name;
  std::string iri;
  std::string coercion;  // "@id", "@vocab", a datatype IRI, or empty
  bool set = false;      // @container @set
  bool language = false; // has its own @language: plain strings would gain a tag
};

class Context {
 public:
  void load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::kUnreadableFile, path + ": cannot read the JSON-LD context");
    std::stringstream buffer;
    buffer << in.rdbuf();
    document_.Parse<rapidjson::kParseValidateEncodingFlag>(buffer.str().c_str());
    if (document_.HasParseError() || !document_.IsObject() || !document_.HasMember("@context") ||
        !document_["@context"].IsObject())
      throw Error(ErrorCode::kMalformedJson, path + ": not a JSON-LD context object");
    const auto& context = document_["@context"];
    for (auto it = context.MemberBegin(); it != context.MemberEnd(); ++it) {
      std::string name = it->name.GetString();
      if (name.starts_with("@")) continue;
      if (it->value.IsString()) {
        std::string value = it->value.GetString();
        if (value.ends_with("#") || value.ends_with("/")) prefixes_[name] = value;
      } else if (it->value.IsObject() && it->value.HasMember("@id") && it->value["@id"].IsString() &&
                 it->value.HasMember("@prefix") && it->value["@prefix"].IsBool() && it->value["@prefix"].GetBool()) {
        prefixes_[name] = it->value["@id"].GetString();
      }
    }
    for (auto it = context.MemberBegin(); it != context.MemberEnd(); ++it) {
      std::string name = it->name.GetString();
      if (name.starts_with("@") || prefixes_.count(name)) continue;
      TermDefinition term{name, {}, {}, false, false};
      if (it->value.IsString()) {
        term.iri = expand(it->value.GetString());
      } else if (it->value.IsObject()) {
        const auto& v = it->value;
        if (v.HasMember("@reverse")) continue;
        term.iri = v.HasMember("@id") && v["@id"].IsString() ? expand(v["@id"].GetString()) : std::string();
        if (v.HasMember("@type") && v["@type"].IsString()) {
          std::string type = v["@type"].GetString();
          term.coercion = type.starts_with("@") ? type : expand(type);
        }
        if (v.HasMember("@container")) {
          const auto& c = v["@container"];
          if (c.IsString() && std::string(c.GetString()) == "@set") term.set = true;
          else if (!(c.IsArray() && c.Size() == 1 && c[0].IsString() && std::string(c[0].GetString()) == "@set"))
            continue;  // lists, language maps, indexes: not for us
          else term.set = true;
        }
        term.language = v.HasMember("@language");
      }
      if (!term.iri.empty()) by_iri_[term.iri].push_back(term);
    }
  }

  const rapidjson::Value& value() const { return document_["@context"]; }

  std::string expand(const std::string& value) const {
    auto colon = value.find(':');
    if (colon == std::string::npos) return value;
    auto it = prefixes_.find(value.substr(0, colon));
    if (it == prefixes_.end()) return value;
    return it->second + value.substr(colon + 1);
  }

  // "schema:Person" where a prefix fits and the result reads back the same.
  std::string compact(const std::string& iri) const {
    std::string best = iri;
    for (const auto& [prefix, ns] : prefixes_) {
      if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0) {
        std::string local = iri.substr(ns.size());
        if (local.starts_with("//") || local.find_first_of(" ") != std::string::npos) continue;
        std::string candidate = prefix + ":" + local;
        if (candidate.size() < best.size()) best = candidate;
      }
    }
    return best;
  }

  // The term that can carry this value for this property, if any.
  const TermDefinition* term_for(const std::string& property, const Term& value) const {
    auto it = by_iri_.find(property);
    if (it == by_iri_.end()) return nullptr;
    for (const TermDefinition& t : it->second) {
      if (t.language) continue;
      if (t.coercion.empty()) return &t;
      if ((t.coercion == "@id") && !value.is_literal()) return &t;
      if (value.is_literal() && value.language.empty() && t.coercion == value.datatype) return &t;
    }
    return nullptr;
  }

 private:
  rapidjson::Document document_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, std::vector<TermDefinition>> by_iri_;
};

// The document is {"@context": ..., "@graph": [ article, article, ... ]}: header() opens it,
// body() is one article object (written by a fresh Writer, so bodies are independent), the
// separator is the comma between two, and footer() closes the array and the object.
class JsonLdEncoder : public GraphEncoder {
 public:
  explicit JsonLdEncoder(const WriterOptions& options) : context_iri_(options.context_iri) {
    writer_.SetMaxDecimalPlaces(17);
    context_.load(options.context_file);
  }

  std::string header() override {
    buffer_.Clear();
    writer_.Reset(buffer_);
    check(writer_.StartObject());
    check(writer_.Key("@context"));
    if (!context_iri_.empty()) check(writer_.String(context_iri_));
    else check(context_.value().Accept(writer_));
    check(writer_.Key("@graph"));
    check(writer_.StartArray());
    return std::string(buffer_.GetString(), buffer_.GetSize());
  }

  std::string_view separator() const override { return ","; }

  void body(const Graph& graph, std::string& out) override {
    if (graph.name.empty()) {  // the default graph (newskg convert): its nodes at the top level
      default_graph(graph, out);
      return;
    }
    buffer_.Clear();
    writer_.Reset(buffer_);
    check(writer_.StartObject());
    check(writer_.Key("@id"));
    check(writer_.String(context_.compact(graph.name)));
    check(writer_.Key("@graph"));
    check(writer_.StartArray());
    const auto& triples = graph.triples;
    for (std::size_t i = 0; i < triples.size();) {
      std::size_t j = i;
      while (j < triples.size() && triples[j].subject == triples[i].subject) ++j;
      node(triples, i, j);
      i = j;
    }
    check(writer_.EndArray());
    check(writer_.EndObject());
    if (!writer_.IsComplete()) throw Error(ErrorCode::kOutput, "JSON-LD object of " + graph.name + " left incomplete");
    out.append(buffer_.GetString(), buffer_.GetSize());
  }

  std::string footer() override { return "]}\n"; }

 private:
  static void check(bool ok) {
    if (!ok) throw Error(ErrorCode::kOutput, "JSON-LD writer failed (invalid UTF-8 in a value?)");
  }

  // Each node of the default graph as a member of the top-level @graph, comma-separated.
  void default_graph(const Graph& graph, std::string& out) {
    const auto& triples = graph.triples;
    for (std::size_t i = 0; i < triples.size();) {
      std::size_t j = i;
      while (j < triples.size() && triples[j].subject == triples[i].subject) ++j;
      buffer_.Clear();
      writer_.Reset(buffer_);
      node(triples, i, j);
      if (!writer_.IsComplete()) throw Error(ErrorCode::kOutput, "JSON-LD node object left incomplete");
      if (i > 0) out += ',';
      out.append(buffer_.GetString(), buffer_.GetSize());
      i = j;
    }
  }

  // A node's @id: its IRI compacted, or "_:label" for a blank node.
  std::string node_id(const Term& t) const { return t.is_blank() ? "_:" + t.value : context_.compact(t.value); }

  void node(const std::vector<Triple>& triples, std::size_t first, std::size_t last) {
    check(writer_.StartObject());
    check(writer_.Key("@id"));
    check(writer_.String(node_id(triples[first].subject)));
    // keys in a fixed order: @type first, then by key name
    std::vector<std::string> types;
    std::map<std::string, std::pair<const TermDefinition*, std::vector<const Term*>>> properties;
    for (std::size_t k = first; k < last; ++k) {
      const Triple& t = triples[k];
      if (t.predicate.value == vocab::rdf::type && !t.object.is_literal()) {
        types.push_back(node_id(t.object));
        continue;
      }
      const TermDefinition* term = context_.term_for(t.predicate.value, t.object);
      std::string key = term ? term->name : context_.compact(t.predicate.value);
      auto& entry = properties[key];
      entry.first = term;
      entry.second.push_back(&t.object);
    }
    if (!types.empty()) {
      check(writer_.Key("@type"));
      if (types.size() == 1) check(writer_.String(types.front()));
      else {
        check(writer_.StartArray());
        for (const auto& t : types) check(writer_.String(t));
        check(writer_.EndArray());
      }
    }
    for (const auto& [key, entry] : properties) {
      check(writer_.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size())));
      bool array = entry.second.size() > 1 || (entry.first && entry.first->set);
      if (array) check(writer_.StartArray());
      for (const Term* value : entry.second) this->value(entry.first, *value);
      if (array) check(writer_.EndArray());
    }
    check(writer_.EndObject());
  }

  void value(const TermDefinition* term, const Term& v) {
    std::string coercion = term ? term->coercion : std::string();
    if (!v.is_literal()) {
      if (coercion == "@id") {
        check(writer_.String(node_id(v)));
        return;
      }
      check(writer_.StartObject());
      check(writer_.Key("@id"));
      check(writer_.String(node_id(v)));
      check(writer_.EndObject());
      return;
    }
    bool plain = v.language.empty() && (v.datatype.empty() || v.datatype == vocab::xsd::string);
    if ((plain && coercion.empty()) || (!coercion.empty() && coercion == v.datatype)) {
      check(writer_.String(v.value.data(), static_cast<rapidjson::SizeType>(v.value.size())));
      return;
    }
    check(writer_.StartObject());
    check(writer_.Key("@value"));
    check(writer_.String(v.value.data(), static_cast<rapidjson::SizeType>(v.value.size())));
    if (!v.language.empty()) {
      check(writer_.Key("@language"));
      check(writer_.String(v.language));
    } else if (!v.datatype.empty() && v.datatype != vocab::xsd::string) {
      check(writer_.Key("@type"));
      check(writer_.String(context_.compact(v.datatype)));
    }
    check(writer_.EndObject());
  }

  std::string context_iri_;
  Context context_;
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
                    rapidjson::kWriteValidateEncodingFlag>
      writer_;
};

}  // namespace

std::unique_ptr<GraphEncoder> make_jsonld_encoder(const WriterOptions& options) {
  return std::make_unique<JsonLdEncoder>(options);
}

}  // namespace newskg
