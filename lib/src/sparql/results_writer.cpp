// Writing query results: an aligned table for people, CSV and TSV (SPARQL 1.1 Query Results
// CSV and TSV), SPARQL 1.1 Query Results JSON (RapidJSON), and raptor's RDF serializers for
// CONSTRUCT and DESCRIBE.
#include "jsonld/rapidjson_config.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "newskg/sparql.hpp"
#include "newskg/writer.hpp"
#include "rdf/librdf.hpp"

namespace newskg::sparql {
namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string escape_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Display prefixes for the table: newskg's own, and its default base for minted IRIs.
const std::vector<std::pair<std::string, std::string>>& display_prefixes() {
  static const auto list = [] {
    auto all = prefixes();
    all.emplace_back("id", "https://w3id.org/newskg/id/");
    return all;
  }();
  return list;
}

std::string shorten(const std::string& iri) {
  for (const auto& [prefix, ns] : display_prefixes())
    if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0)
      return prefix + ":" + iri.substr(ns.size());
  return "<" + iri + ">";
}

// Turtle-like, short: numbers and booleans bare, known datatypes and IRIs with prefixes.
std::string display(const std::optional<Value>& value) {
  if (!value) return "";
  switch (value->type) {
    case Value::Type::kIri:
      return shorten(value->value);
    case Value::Type::kBlank:
      return "_:" + value->value;
    case Value::Type::kLiteral:
      break;
  }
  const std::string& datatype = value->datatype;
  if (datatype.size() > kXsd.size() && datatype.compare(0, kXsd.size(), kXsd) == 0) {
    std::string local = datatype.substr(kXsd.size());
    if (local == "integer" || local == "decimal" || local == "boolean") return value->value;
  }
  std::string text = "\"" + escape_string(value->value) + "\"";
  if (!value->language.empty()) return text + "@" + value->language;
  if (!datatype.empty()) return text + "^^" + shorten(datatype);
  return text;
}

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void write_table(const Result& result, std::ostream& out) {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(result.rows.size());
  std::vector<std::size_t> widths;
  for (const auto& name : result.variables) widths.push_back(code_points(name));
  for (const auto& row : result.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(display(row[i]));
      widths[i] = std::max(widths[i], code_points(line.back()));
    }
  }
  auto write_line = [&](const std::vector<std::string>& line) {
    out << "|";
    for (std::size_t i = 0; i < line.size(); ++i)
      out << " " << line[i] << std::string(widths[i] - code_points(line[i]), ' ') << " |";
    out << "\n";
  };
  write_line(result.variables);
  out << "|";
  for (std::size_t width : widths) out << std::string(width + 2, '-') << "|";
  out << "\n";
  for (const auto& line : cells) write_line(line);
}

std::string csv_field(const std::optional<Value>& value) {
  if (!value) return "";
  std::string text = value->type == Value::Type::kBlank ? "_:" + value->value : value->value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void write_csv(const Result& result, std::ostream& out) {
  auto join = [&](const auto& items, auto field) {
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "," : "") << field(items[i]);
    out << "\r\n";
  };
  join(result.variables, [](const std::string& name) { return name; });
  for (const auto& row : result.rows) join(row, csv_field);
}

void write_tsv(const Result& result, std::ostream& out) {
  for (std::size_t i = 0; i < result.variables.size(); ++i)
    out << (i ? "\t" : "") << "?" << result.variables[i];
  out << "\n";
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i ? "\t" : "") << (row[i] ? to_ntriples(*row[i]) : "");
    out << "\n";
  }
}

using JsonWriter =
    rapidjson::Writer<rapidjson::OStreamWrapper, rapidjson::UTF8<>, rapidjson::UTF8<>,
                      rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

void write_json(const Result& result, std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  JsonWriter json(stream);
  bool ok = true;
  auto key = [&](std::string_view name) {
    ok = ok && json.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  };
  auto string = [&](const std::string& text) { ok = ok && json.String(text); };
  ok = json.StartObject();
  key("head");
  ok = ok && json.StartObject();
  if (result.kind == Result::Kind::kBindings) {
    key("vars");
    ok = ok && json.StartArray();
    for (const auto& name : result.variables) string(name);
    ok = ok && json.EndArray();
  }
  ok = ok && json.EndObject();
  if (result.kind == Result::Kind::kBoolean) {
    key("boolean");
    ok = ok && json.Bool(result.boolean);
  } else {
    key("results");
    ok = ok && json.StartObject();
    key("bindings");
    ok = ok && json.StartArray();
    for (const auto& row : result.rows) {
      ok = ok && json.StartObject();
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (!row[i]) continue;
        const Value& value = *row[i];
        key(result.variables[i]);
        ok = ok && json.StartObject();
        key("type");
        string(value.type == Value::Type::kIri     ? "uri"
               : value.type == Value::Type::kBlank ? "bnode"
                                                   : "literal");
        key("value");
        string(value.value);
        if (!value.language.empty()) {
          key("xml:lang");
          string(value.language);
        } else if (!value.datatype.empty()) {
          key("datatype");
          string(value.datatype);
        }
        ok = ok && json.EndObject();
      }
      ok = ok && json.EndObject();
    }
    ok = ok && json.EndArray();
    ok = ok && json.EndObject();
  }
  ok = ok && json.EndObject();
  if (!ok || !json.IsComplete())
    throw Error(ErrorCode::kOutput, "cannot write the results as JSON (invalid UTF-8?)");
  out << "\n";
}

// --- graph results through raptor's serializers ----------------------------------------------

int write_bytes(void* context, const void* bytes, size_t size, size_t count) {
  auto* out = static_cast<std::ostream*>(context);
  out->write(static_cast<const char*>(bytes), static_cast<std::streamsize>(size * count));
  return out->good() ? static_cast<int>(count) : -1;
}
int write_byte(void* context, const int byte) {
  auto* out = static_cast<std::ostream*>(context);
  out->put(static_cast<char>(byte));
  return out->good() ? 0 : 1;
}
const raptor_iostream_handler kOstreamHandler = {2,           nullptr, nullptr, write_byte,
                                                 write_bytes, nullptr, nullptr, nullptr};

const unsigned char* bytes(const std::string& text) {
  return reinterpret_cast<const unsigned char*>(text.c_str());
}

raptor_term* raptor_term_of(raptor_world* world, const Value& value) {
  switch (value.type) {
    case Value::Type::kIri:
      return raptor_new_term_from_uri_string(world, bytes(value.value));
    case Value::Type::kBlank:
      return raptor_new_term_from_blank(world, bytes(value.value));
    case Value::Type::kLiteral:
      break;
  }
  rdf::RaptorUri datatype;
  if (!value.datatype.empty()) datatype.reset(raptor_new_uri(world, bytes(value.datatype)));
  return raptor_new_term_from_counted_literal(
      world, bytes(value.value), value.value.size(), datatype.get(),
      value.language.empty() ? nullptr : bytes(value.language),
      static_cast<unsigned char>(value.language.size()));
}

void write_graph(const Result& result, ResultFormat format, std::ostream& out) {
  raptor_world* world = rdf::World::instance().raptor();
  const char* syntax = format == ResultFormat::kNTriples ? "ntriples"
                       : format == ResultFormat::kRdfXml ? "rdfxml"
                                                         : "turtle";
  rdf::RaptorSerializer serializer(
      rdf::checked(raptor_new_serializer(world, syntax), "raptor_new_serializer"));
  if (format != ResultFormat::kNTriples) {
    for (const auto& [prefix, ns] : prefixes()) {
      rdf::RaptorUri uri(raptor_new_uri(world, bytes(ns)));
      raptor_serializer_set_namespace(serializer.get(), uri.get(), bytes(prefix));
    }
  }
  rdf::RaptorIostream stream(
      rdf::checked(raptor_new_iostream_from_handler(world, &out, &kOstreamHandler),
                   "raptor_new_iostream_from_handler"));
  if (raptor_serializer_start_to_iostream(serializer.get(), nullptr, stream.get()))
    throw Error(ErrorCode::kRdf, "raptor could not start the serializer");
  for (const auto& triple : result.triples) {
    rdf::Handle<raptor_statement, raptor_free_statement> statement(
        rdf::checked(raptor_new_statement_from_nodes(world, raptor_term_of(world, triple.subject),
                                                     raptor_term_of(world, triple.predicate),
                                                     raptor_term_of(world, triple.object), nullptr),
                     "raptor_new_statement_from_nodes"));
    if (raptor_serializer_serialize_statement(serializer.get(), statement.get()))
      throw Error(ErrorCode::kRdf, "raptor could not serialize a result statement");
  }
  raptor_serializer_serialize_end(serializer.get());
}

}  // namespace

std::optional<ResultFormat> parse_result_format(std::string_view name) {
  if (name == "table") return ResultFormat::kTable;
  if (name == "csv") return ResultFormat::kCsv;
  if (name == "tsv") return ResultFormat::kTsv;
  if (name == "json") return ResultFormat::kJson;
  if (name == "turtle" || name == "ttl") return ResultFormat::kTurtle;
  if (name == "ntriples" || name == "nt") return ResultFormat::kNTriples;
  if (name == "rdfxml" || name == "xml") return ResultFormat::kRdfXml;
  return std::nullopt;
}

std::string to_ntriples(const Value& value) {
  switch (value.type) {
    case Value::Type::kIri:
      return "<" + value.value + ">";
    case Value::Type::kBlank:
      return "_:" + value.value;
    case Value::Type::kLiteral:
      break;
  }
  std::string text = "\"" + escape_string(value.value) + "\"";
  if (!value.language.empty()) return text + "@" + value.language;
  if (!value.datatype.empty()) return text + "^^<" + value.datatype + ">";
  return text;
}

void write(const Result& result, ResultFormat format, std::ostream& out) {
  bool graph_format = format == ResultFormat::kTurtle || format == ResultFormat::kNTriples ||
                      format == ResultFormat::kRdfXml;
  if (result.kind == Result::Kind::kGraph) {
    if (format == ResultFormat::kCsv || format == ResultFormat::kTsv)
      throw Error(ErrorCode::kUnknownFormat,
                  "a graph result is written as turtle, ntriples or rdfxml, not csv or tsv");
    write_graph(result, graph_format ? format : ResultFormat::kTurtle, out);
    return;
  }
  if (graph_format)
    throw Error(ErrorCode::kUnknownFormat, "table, csv, tsv or json for SELECT and ASK results");
  if (result.kind == Result::Kind::kBoolean && format != ResultFormat::kJson) {
    out << (result.boolean ? "true" : "false") << "\n";
    return;
  }
  switch (format) {
    case ResultFormat::kTable:
      write_table(result, out);
      break;
    case ResultFormat::kCsv:
      write_csv(result, out);
      break;
    case ResultFormat::kTsv:
      write_tsv(result, out);
      break;
    default:
      write_json(result, out);
      break;
  }
}

}  // namespace newskg::sparql
