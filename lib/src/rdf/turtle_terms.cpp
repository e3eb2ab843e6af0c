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

void append_iri(std::string& out, std::string_view value) {
  if (value == vocab::rdf::type) {
    out += 'a';
    return;
  }
  for (const auto& [prefix, ns] : prefixes()) {
    // The namespace's last byte ('#' or '/') first: it rules out most pairs at once.
    if (value.size() > ns.size() && value[ns.size() - 1] == ns.back() && value.compare(0, ns.size(), ns) == 0) {
      std::string_view local = value.substr(ns.size());
      if (safe_local(local)) {
        out += prefix;
        out += ':';
        out += local;
        return;
      }
    }
  }
  out += '<';
  for (std::size_t i = 0; i < value.size();) {
    // Our IRIs never hold these, but an escape keeps the output valid whatever comes in.
    auto escaped = [](unsigned char c) {
      return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
             c == '`' || c == '\\';
    };
    std::size_t plain = i;
    while (plain < value.size() && !escaped(static_cast<unsigned char>(value[plain]))) ++plain;
    out.append(value.data() + i, plain - i);
    if (plain == value.size()) break;
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned char>(value[plain]));
    out += buffer;
    i = plain + 1;
  }
  out += '>';
}

std::string iri(std::string_view value) {
  std::string out;
  append_iri(out, value);
  return out;
}

namespace {

// Bytes a Turtle string holds as they are: all but controls, DEL, " and \\ (UTF-8 stays UTF-8).
bool plain_byte(unsigned char c) { return c >= 0x20 && c != 0x7F && c != '"' && c != '\\'; }

void append_literal(std::string& out, const TermGraph::TermView& term) {
  out += '"';
  std::string_view value = term.value;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (plain_byte(c)) {  // runs of plain bytes in one go
      std::size_t end = i + 1;
      while (end < value.size() && plain_byte(static_cast<unsigned char>(value[end]))) ++end;
      out.append(value.data() + i, end - i);
      i = end - 1;
      continue;
    }
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
  out += '"';
  if (!term.language.empty()) {
    out += '@';
    out += term.language;
  } else if (!term.datatype.empty() && term.datatype != vocab::xsd::string) {
    out += "^^";
    append_iri(out, term.datatype);
  }
}

}  // namespace

void append_term(std::string& out, const TermGraph::TermView& t) {
  if (t.is_blank()) {
    out += "_:";
    out += t.value;
  } else if (!t.is_iri()) {
    append_literal(out, t);
  } else if (t.value == vocab::rdf::type) {
    out += '<';
    out += t.value;
    out += '>';
  } else {
    append_iri(out, t.value);
  }
}

void TripleWriter::write(std::string& out, const TermGraph& graph, std::string_view indent) {
  terms_text_.clear();
  terms_.assign(graph.term_count(), Slice{});
  is_type_.assign(graph.term_count(), false);
  for (TermGraph::Id id = 0; id < graph.term_count(); ++id) {
    auto offset = static_cast<std::uint32_t>(terms_text_.size());
    TermGraph::TermView t = graph.term(id);
    append_term(terms_text_, t);
    terms_[id] = {offset, static_cast<std::uint32_t>(terms_text_.size() - offset)};
    is_type_[id] = t.is_iri() && t.value == vocab::rdf::type;
  }
  const auto& triples = graph.triples();
  for (std::size_t i = 0; i < triples.size();) {
    TermGraph::Id subject = triples[i].subject;
    out += indent;
    out += get(terms_text_, terms_[subject]);
    std::size_t j = i;
    bool first_predicate = true;
    while (j < triples.size() && triples[j].subject == subject) {
      TermGraph::Id predicate = triples[j].predicate;
      if (first_predicate) {
        out += ' ';
      } else {
        out += " ;\n";
        out += indent;
        out += "    ";
      }
      if (is_type_[predicate]) out += 'a';
      else out += get(terms_text_, terms_[predicate]);
      out += ' ';
      first_predicate = false;
      bool first_object = true;
      while (j < triples.size() && triples[j].subject == subject && triples[j].predicate == predicate) {
        if (!first_object) out += ", ";
        out += get(terms_text_, terms_[triples[j].object]);
        first_object = false;
        ++j;
      }
    }
    out += " .\n";
    i = j;
  }
}

}  // namespace newskg::turtle
