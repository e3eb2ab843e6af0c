#include "rdf/turtle_terms.hpp"

#include <cctype>
#include <cstdio>

#include "newskg/vocab/standard.hpp"
#include "newskg/writer.hpp"

namespace newskg::turtle {
namespace {

// A local name we can write unescaped: letters, digits, '_' and '-', not starting with
// '-' and never ending in '.', which every Turtle parser reads the same way.
bool safe_local(std::string_view local) {
  if (local.empty()) return false;
  if (!(std::isalpha(static_cast<unsigned char>(local[0])) || local[0] == '_')) return false;
  for (char c : local)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace

std::string iri(const std::string& value) {
  if (value == vocab::rdf::type) return "a";
  for (const auto& [prefix, ns] : prefixes()) {
    if (value.size() > ns.size() && value.compare(0, ns.size(), ns) == 0) {
      std::string_view local = std::string_view(value).substr(ns.size());
      if (safe_local(local)) return prefix + ":" + std::string(local);
    }
  }
  std::string out = "<";
  for (unsigned char c : value) {
    // Our IRIs never hold these, but an escape keeps the output valid whatever comes in.
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') {
      char buffer[12];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ">";
}

std::string literal(const Term& term) {
  std::string out = "\"";
  for (unsigned char c : term.value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += "\"";
  if (!term.language.empty()) out += "@" + term.language;
  else if (!term.datatype.empty() && term.datatype != vocab::xsd::string) out += "^^" + iri(term.datatype);
  return out;
}

std::string term(const Term& t) {
  if (t.is_blank()) return "_:" + t.value;
  if (!t.is_iri()) return literal(t);
  std::string s = iri(t.value);
  return s == "a" ? "<" + t.value + ">" : s;
}

void write_triples(std::ostream& out, const std::vector<Triple>& triples, const std::string& indent) {
  for (std::size_t i = 0; i < triples.size();) {
    const Term& subject = triples[i].subject;
    out << indent << term(subject);
    std::size_t j = i;
    bool first_predicate = true;
    while (j < triples.size() && triples[j].subject == subject) {
      const Term& predicate = triples[j].predicate;
      out << (first_predicate ? " " : " ;\n" + indent + "    ") << iri(predicate.value) << " ";
      first_predicate = false;
      bool first_object = true;
      while (j < triples.size() && triples[j].subject == subject && triples[j].predicate == predicate) {
        out << (first_object ? "" : ", ") << term(triples[j].object);
        first_object = false;
        ++j;
      }
    }
    out << " .\n";
    i = j;
  }
}

}  // namespace newskg::turtle
