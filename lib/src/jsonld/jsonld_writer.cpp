// JSON-LD, compacted with ontology/context.jsonld and streamed with RapidJSON's Writer:
// one {"@id": graph, "@graph": [...]} object per article under a top-level "@graph".
// The writer reads the context as data, so a term is used for a value only where the
// term's coercion reads that value back exactly; everything else is written expanded.
#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unordered_map>

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
  const TermDefinition* term_for(const std::string& property, const TermGraph::TermView& value) const {
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

// A JSON string exactly as RapidJSON's Writer<..., UTF8<>, UTF8<>, ..., kWriteValidateEncodingFlag>
// writes it: the same escapes, and false where its UTF-8 validation fails (a byte past the end
// reads as the NUL RapidJSON would find there). RapidJSON takes two calls a character for this;
// here runs of plain ASCII are copied at once, the article bodies' hottest loop.
bool append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr auto kEscape = [] {  // RapidJSON's escape table for the bytes below 0x80
    std::array<char, 128> e{};
    for (int c = 0; c < 0x20; ++c) e[c] = 'u';
    e['\b'] = 'b', e['\t'] = 't', e['\n'] = 'n', e['\f'] = 'f', e['\r'] = 'r', e['"'] = '"', e['\\'] = '\\';
    return e;
  }();
  // rapidjson::UTF8<>::GetRange: the classes of Hoehrmann's UTF-8 automaton, as RapidJSON maps them.
  static constexpr auto kRange = [] {
    std::array<unsigned char, 256> r{};
    for (int c = 0x80; c < 0x90; ++c) r[c] = 0x10;
    for (int c = 0x90; c < 0xA0; ++c) r[c] = 0x40;
    for (int c = 0xA0; c < 0xC0; ++c) r[c] = 0x20;
    r[0xC0] = r[0xC1] = 8;
    for (int c = 0xC2; c < 0xE0; ++c) r[c] = 2;
    r[0xE0] = 10;
    for (int c = 0xE1; c < 0xF0; ++c) r[c] = 3;
    r[0xED] = 4;
    r[0xF0] = 11;
    r[0xF1] = r[0xF2] = r[0xF3] = 6;
    r[0xF4] = 5;
    for (int c = 0xF5; c < 0x100; ++c) r[c] = 8;
    return r;
  }();
  out += '"';
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) -> unsigned char { return k < n ? static_cast<unsigned char>(s[k]) : 0; };
  for (std::size_t i = 0; i < n;) {
    std::size_t plain = i;
    while (plain < n && static_cast<unsigned char>(s[plain]) < 0x80 && !kEscape[static_cast<unsigned char>(s[plain])])
      ++plain;
    out.append(s.data() + i, plain - i);
    i = plain;
    if (i >= n) break;
    unsigned char c = byte(i);
    if (c < 0x80) {
      out += '\\';
      out += kEscape[c];
      if (kEscape[c] == 'u') {
        out += "00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
      ++i;
      continue;
    }
    // rapidjson::UTF8<>::Validate: the lead byte's class says what each next byte may be.
    bool ok = true;
    auto next = [&](std::size_t k, unsigned mask) { ok = ok && (kRange[byte(i + k)] & mask) != 0; };
    std::size_t length = 0;
    switch (kRange[c]) {
      case 2: length = 2, next(1, 0x70); break;
      case 3: length = 3, next(1, 0x70), next(2, 0x70); break;
      case 4: length = 3, next(1, 0x50), next(2, 0x70); break;
      case 5: length = 4, next(1, 0x10), next(2, 0x70), next(3, 0x70); break;
      case 6: length = 4, next(1, 0x70), next(2, 0x70), next(3, 0x70); break;
      case 10: length = 3, next(1, 0x20), next(2, 0x70); break;
      case 11: length = 4, next(1, 0x60), next(2, 0x70), next(3, 0x70); break;
      default: return false;
    }
    if (!ok) return false;  // a NUL fails every class, so the sequence is inside s here
    out.append(s.data() + i, length);
    i += length;
  }
  out += '"';
  return true;
}

// The document is {"@context": ..., "@graph": [ article, article, ... ]}: header() opens it
// (RapidJSON's Writer, the context as the file has it), body() is one article object, the
// separator is the comma between two, and footer() closes the array and the object. A body is
// written here token by token, in the bytes RapidJSON's Writer would write (no white space,
// strings by append_json_string), since it is one long run of small strings: an article's
// node @ids are escaped once and copied, and plain text is copied in runs.
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

  std::string footer() override { return "]}\n"; }

 protected:
  void encode(const TermGraph& graph, std::string& out) override {
    start_article(graph);
    if (graph.name.empty()) {  // the default graph (newskg convert): its nodes at the top level
      default_graph(graph, out);
      return;
    }
    out += "{\"@id\":";
    string(out, context_.compact(graph.name));
    out += ",\"@graph\":[";
    const auto& triples = graph.triples();
    for (std::size_t i = 0; i < triples.size();) {
      std::size_t j = i;
      while (j < triples.size() && triples[j].subject == triples[i].subject) ++j;
      if (i > 0) out += ',';
      node(out, graph, i, j);
      i = j;
    }
    out += "]}";
  }

 private:
  static void check(bool ok) {
    if (!ok) throw Error(ErrorCode::kOutput, "JSON-LD writer failed (invalid UTF-8 in a value?)");
  }
  static void string(std::string& out, std::string_view s) { check(append_json_string(out, s)); }

  // What a property key resolves to: the context's term for the value, if one fits, and the
  // key (as written, and as a JSON string).
  struct Property {
    const TermDefinition* term;
    std::string key;
    std::string key_json;
  };
  // One member of a node object before it is written: the key and one value.
  struct Member {
    const Property* property;
    TermGraph::Id value;
  };
  struct Slice {
    std::uint32_t offset = 0, size = kUnset;
  };
  static constexpr std::uint32_t kUnset = static_cast<std::uint32_t>(-1);

  void start_article(const TermGraph& graph) {
    ids_text_.clear();
    ids_.assign(graph.term_count(), Slice{});
    kinds_.assign(graph.term_count(), kUnset);
    properties_by_id_.clear();
  }

  // Each node of the default graph as a member of the top-level @graph, comma-separated.
  void default_graph(const TermGraph& graph, std::string& out) {
    const auto& triples = graph.triples();
    for (std::size_t i = 0; i < triples.size();) {
      std::size_t j = i;
      while (j < triples.size() && triples[j].subject == triples[i].subject) ++j;
      if (i > 0) out += ',';
      node(out, graph, i, j);
      i = j;
    }
  }

  // A node's @id as a JSON string: its IRI compacted, or "_:label" for a blank node. Made
  // once per term and article.
  void write_id(std::string& out, const TermGraph& graph, TermGraph::Id id) {
    Slice& slice = ids_[id];
    if (slice.size == kUnset) {
      TermGraph::TermView t = graph.term(id);
      std::string text = t.is_blank() ? "_:" + std::string(t.value) : context_.compact(std::string(t.value));
      auto offset = static_cast<std::uint32_t>(ids_text_.size());
      string(ids_text_, text);
      slice = {offset, static_cast<std::uint32_t>(ids_text_.size() - offset)};
    }
    out.append(ids_text_, slice.offset, slice.size);
  }

  // term_for() depends on the property and, of the value, only on whether it is a literal,
  // its language and datatype: values are sorted into kinds, each (property, kind) resolved
  // once an article here and once a run in properties_.
  std::uint32_t kind_of(const TermGraph& graph, TermGraph::Id id) {
    if (kinds_[id] == kUnset) {
      TermGraph::TermView t = graph.term(id);
      std::string kind = !t.is_literal()           ? std::string("@id")
                         : !t.language.empty() ? "@" + std::string(t.language)
                                               : "^" + std::string(t.datatype);
      auto [it, added] = kinds_by_name_.try_emplace(kind, static_cast<std::uint32_t>(kinds_by_name_.size()));
      kinds_[id] = it->second;
    }
    return kinds_[id];
  }
  const Property& property(const TermGraph& graph, TermGraph::Id predicate, TermGraph::Id value) {
    std::uint64_t key = (std::uint64_t{predicate} << 32) | kind_of(graph, value);
    auto found = properties_by_id_.find(key);
    if (found != properties_by_id_.end()) return *found->second;
    std::string iri(graph.term(predicate).value);
    auto& resolved = properties_[iri + '\n' + std::to_string(kind_of(graph, value))];
    if (!resolved) {
      const TermDefinition* term = context_.term_for(iri, graph.term(value));
      resolved = std::make_unique<Property>(Property{term, term ? term->name : context_.compact(iri), {}});
      string(resolved->key_json, resolved->key);
    }
    properties_by_id_.emplace(key, resolved.get());
    return *resolved;
  }

  void node(std::string& out, const TermGraph& graph, std::size_t first, std::size_t last) {
    const auto& triples = graph.triples();
    out += "{\"@id\":";
    write_id(out, graph, triples[first].subject);
    // keys in a fixed order: @type first, then by key name
    types_.clear();
    members_.clear();
    for (std::size_t k = first; k < last; ++k) {
      const TermGraph::IdTriple& t = triples[k];
      if (graph.term(t.predicate).value == vocab::rdf::type && !graph.term(t.object).is_literal()) {
        types_.push_back(t.object);
        continue;
      }
      members_.push_back({&property(graph, t.predicate, t.object), t.object});
    }
    if (!types_.empty()) {
      out += ",\"@type\":";
      if (types_.size() == 1) {
        write_id(out, graph, types_.front());
      } else {
        out += '[';
        for (std::size_t k = 0; k < types_.size(); ++k) {
          if (k > 0) out += ',';
          write_id(out, graph, types_[k]);
        }
        out += ']';
      }
    }
    // By key, values of one key in the order of their triples.
    std::stable_sort(members_.begin(), members_.end(),
                     [](const Member& a, const Member& b) { return a.property->key < b.property->key; });
    for (std::size_t i = 0; i < members_.size();) {
      std::size_t j = i;
      // Two properties may share a key (a term and a compacted IRI alike): one member, as a map would.
      while (j < members_.size() && members_[j].property->key == members_[i].property->key) ++j;
      // The last one resolved for the key carries the term, as the map's entry.first was.
      const TermDefinition* term = members_[j - 1].property->term;
      out += ',';
      out += members_[i].property->key_json;
      out += ':';
      bool array = j - i > 1 || (term && term->set);
      if (array) out += '[';
      for (std::size_t k = i; k < j; ++k) {
        if (k > i) out += ',';
        value(out, graph, term, members_[k].value);
      }
      if (array) out += ']';
      i = j;
    }
    out += '}';
  }

  void value(std::string& out, const TermGraph& graph, const TermDefinition* term, TermGraph::Id id) {
    static const std::string kNone;
    const std::string& coercion = term ? term->coercion : kNone;
    TermGraph::TermView v = graph.term(id);
    if (!v.is_literal()) {
      if (coercion == "@id") {
        write_id(out, graph, id);
        return;
      }
      out += "{\"@id\":";
      write_id(out, graph, id);
      out += '}';
      return;
    }
    bool plain = v.language.empty() && (v.datatype.empty() || v.datatype == vocab::xsd::string);
    if ((plain && coercion.empty()) || (!coercion.empty() && coercion == v.datatype)) {
      string(out, v.value);
      return;
    }
    out += "{\"@value\":";
    string(out, v.value);
    if (!v.language.empty()) {
      out += ",\"@language\":";
      string(out, v.language);
    } else if (!v.datatype.empty() && v.datatype != vocab::xsd::string) {
      out += ",\"@type\":";
      string(out, context_.compact(std::string(v.datatype)));
    }
    out += '}';
  }

  std::string context_iri_;
  Context context_;
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
                    rapidjson::kWriteValidateEncodingFlag>
      writer_;
  // Scratch for one article, by term number: @ids as JSON strings (in ids_text_) and value kinds.
  std::string ids_text_;
  std::vector<Slice> ids_;
  std::vector<std::uint32_t> kinds_;
  std::unordered_map<std::uint64_t, const Property*> properties_by_id_;  // (predicate, kind)
  // For the whole run: value kinds by name and resolved properties by IRI and kind.
  std::unordered_map<std::string, std::uint32_t> kinds_by_name_;
  std::unordered_map<std::string, std::unique_ptr<Property>> properties_;
  std::vector<TermGraph::Id> types_;
  std::vector<Member> members_;
};

}  // namespace

std::unique_ptr<GraphEncoder> make_jsonld_encoder(const WriterOptions& options) {
  return std::make_unique<JsonLdEncoder>(options);
}

}  // namespace newskg
