// A SHACL Core subset over newskg's own terms: the shapes graph is read with raptor
// (parse_rdf), compiled once into Shape structs, and each data graph is indexed by subject.
// The tests run the same positive and negative cases through rdf-validate-shacl, so this
// engine and an independent one must agree.
#include "newskg/shacl.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "newskg/dataset.hpp"
#include "newskg/error.hpp"
#include "newskg/vocab/standard.hpp"

namespace newskg::shacl {
namespace {

const std::string kSh = "http://www.w3.org/ns/shacl#";
const std::string kXsd(vocab::xsd::ns);
const std::string kRdfType(vocab::rdf::type), kRdfFirst(vocab::rdf::first),
    kRdfRest(vocab::rdf::rest), kRdfNil(vocab::rdf::nil), kSubClassOf(vocab::rdfs::subClassOf);

std::string id_of(const Term& t) {
  return t.is_blank() ? "_:" + t.value : t.value;
}

std::string show(const Term& t) {
  if (t.is_blank()) return "_:" + t.value;
  if (t.is_iri()) return "<" + t.value + ">";
  std::string s = "\"" + t.value + "\"";
  if (!t.language.empty()) return s + "@" + t.language;
  if (!t.datatype.empty()) return s + "^^<" + t.datatype + ">";
  return s;
}

// Subjects -> predicates -> objects, for the shapes graph and for each data graph.
class Index {
 public:
  explicit Index(const std::vector<Triple>& triples) {
    for (const Triple& t : triples) {
      by_subject_[id_of(t.subject)][t.predicate.value].push_back(t.object);
      by_predicate_[t.predicate.value].push_back(t);
    }
  }
  const std::vector<Term>& objects(const std::string& subject, const std::string& predicate) const {
    static const std::vector<Term> none;
    auto s = by_subject_.find(subject);
    if (s == by_subject_.end()) return none;
    auto p = s->second.find(predicate);
    return p == s->second.end() ? none : p->second;
  }
  const std::vector<Triple>& with_predicate(const std::string& predicate) const {
    static const std::vector<Triple> none;
    auto p = by_predicate_.find(predicate);
    return p == by_predicate_.end() ? none : p->second;
  }
  const std::map<std::string, std::vector<Term>>* properties(const std::string& subject) const {
    auto s = by_subject_.find(subject);
    return s == by_subject_.end() ? nullptr : &s->second;
  }
  const std::map<std::string, std::map<std::string, std::vector<Term>>>& subjects() const {
    return by_subject_;
  }

 private:
  std::map<std::string, std::map<std::string, std::vector<Term>>> by_subject_;
  std::map<std::string, std::vector<Triple>> by_predicate_;
};

// XML Schema lexical forms of the datatypes the shapes ask for: a literal with the right
// datatype but an ill-formed value is not a valid member of it.
bool well_formed(const std::string& lexical, const std::string& datatype) {
  static const std::map<std::string, std::regex> forms = {
      {kXsd + "date",
       std::regex(
           "-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?")},
      {kXsd + "dateTime",
       std::regex(
           "-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-4]):[0-5][0-9]:"
           "[0-5][0-9](\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?")},
      {kXsd + "duration",
       std::regex("-?P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?"
                  "([0-9]+(\\.[0-9]+)?S)?)?")},
      {kXsd + "nonNegativeInteger", std::regex("\\+?[0-9]+|-0+")},
      {kXsd + "integer", std::regex("[+-]?[0-9]+")},
      {kXsd + "boolean", std::regex("true|false|1|0")},
  };
  auto form = forms.find(datatype);
  return form == forms.end() || std::regex_match(lexical, form->second);
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::optional<double> number(const Term& t) {
  if (!t.is_literal()) return std::nullopt;
  static const std::set<std::string> numeric = {kXsd + "integer", kXsd + "nonNegativeInteger",
                                                kXsd + "decimal", kXsd + "double",
                                                kXsd + "float",   kXsd + "int",
                                                kXsd + "long"};
  if (!numeric.count(t.datatype)) return std::nullopt;
  try {
    return std::stod(t.value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

// A compiled shape: node shape (no path) or property shape (path set).
struct Shape {
  std::string name;  // IRI or "_:label"
  std::string path;  // property shapes: the predicate IRI
  std::vector<Term> target_classes, target_nodes;
  std::vector<std::string> target_subjects_of, target_objects_of;
  std::optional<std::size_t> min_count, max_count, min_length, max_length;
  std::string node_kind, datatype, less_than;
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::regex>> patterns;  // (source, compiled)
  std::vector<Term> has_values;
  std::optional<std::vector<Term>> in;
  std::vector<std::vector<std::shared_ptr<Shape>>> ors;
  std::vector<std::shared_ptr<Shape>> properties;
};

struct Shapes::Impl {
  std::vector<std::shared_ptr<Shape>> node_shapes;
};

namespace {

class Compiler {
 public:
  Compiler(const Index& shapes, std::string file) : shapes_(shapes), file_(std::move(file)) {}

  std::shared_ptr<Shape> compile(const Term& node) {
    auto shape = std::make_shared<Shape>();
    shape->name = id_of(node);
    const auto* properties = shapes_.properties(shape->name);
    if (!properties) return shape;
    for (const auto& [predicate, values] : *properties) {
      if (!predicate.starts_with(kSh)) continue;  // rdfs:comment, owl:..., rdf:type
      std::string key = predicate.substr(kSh.size());
      for (const Term& v : values) apply(*shape, key, v);
    }
    return shape;
  }

 private:
  void apply(Shape& s, const std::string& key, const Term& v) {
    auto count = [&](std::optional<std::size_t>& field) {
      field = static_cast<std::size_t>(std::stoul(v.value));
    };
    if (key == "targetClass")
      s.target_classes.push_back(v);
    else if (key == "targetNode")
      s.target_nodes.push_back(v);
    else if (key == "targetSubjectsOf")
      s.target_subjects_of.push_back(v.value);
    else if (key == "targetObjectsOf")
      s.target_objects_of.push_back(v.value);
    else if (key == "path") {
      if (!v.is_iri()) unsupported("sh:path other than a single predicate", s);
      s.path = v.value;
    } else if (key == "minCount")
      count(s.min_count);
    else if (key == "maxCount")
      count(s.max_count);
    else if (key == "minLength")
      count(s.min_length);
    else if (key == "maxLength")
      count(s.max_length);
    else if (key == "nodeKind")
      s.node_kind = v.value.substr(kSh.size());
    else if (key == "datatype")
      s.datatype = v.value;
    else if (key == "class")
      s.classes.push_back(v.value);
    else if (key == "lessThan")
      s.less_than = v.value;
    else if (key == "hasValue")
      s.has_values.push_back(v);
    else if (key == "pattern")
      s.patterns.emplace_back(v.value, std::regex(v.value, std::regex::ECMAScript));
    else if (key == "in")
      s.in = list(v);
    else if (key == "or") {
      std::vector<std::shared_ptr<Shape>> alternatives;
      for (const Term& member : list(v)) alternatives.push_back(compile(member));
      s.ors.push_back(std::move(alternatives));
    } else if (key == "property")
      s.properties.push_back(compile(v));
    else if (key == "name" || key == "description" || key == "message" || key == "order" ||
             key == "group") {
      // documentation only
    } else
      unsupported("sh:" + key, s);
  }

  std::vector<Term> list(Term node) {
    std::vector<Term> items;
    while (!(node.is_iri() && node.value == kRdfNil)) {
      const auto& first = shapes_.objects(id_of(node), kRdfFirst);
      const auto& rest = shapes_.objects(id_of(node), kRdfRest);
      if (first.size() != 1 || rest.size() != 1)
        throw Error(ErrorCode::kRdf, file_ + ": a malformed RDF list");
      items.push_back(first.front());
      node = rest.front();
    }
    return items;
  }

  [[noreturn]] void unsupported(const std::string& what, const Shape& s) {
    throw Error(ErrorCode::kRdf, file_ + ": " + what + " (in shape " + s.name +
                                     ") is outside the SHACL subset newskg validate implements");
  }

  const Index& shapes_;
  std::string file_;
};

class Validator {
 public:
  explicit Validator(const std::vector<Triple>& data) : data_(data) {
    for (const Triple& t : data_.with_predicate(kSubClassOf))
      if (!t.object.is_literal()) superclasses_[id_of(t.subject)].push_back(id_of(t.object));
  }

  void run(const Shape& shape, std::vector<Violation>& out) {
    for (const Term& focus : targets(shape)) check_node(shape, shape.name, focus, out);
  }

  bool conforms(const Shape& shape, const Term& value) {
    std::vector<Violation> scratch;
    check_node(shape, shape.name, value, scratch);
    return scratch.empty();
  }

 private:
  std::vector<Term> targets(const Shape& s) {
    std::map<std::string, Term> focus;  // by id: each focus node once
    for (const Term& n : s.target_nodes) focus.emplace(id_of(n), n);
    for (const auto& p : s.target_subjects_of)
      for (const Triple& t : data_.with_predicate(p)) focus.emplace(id_of(t.subject), t.subject);
    for (const auto& p : s.target_objects_of)
      for (const Triple& t : data_.with_predicate(p)) focus.emplace(id_of(t.object), t.object);
    if (!s.target_classes.empty())
      for (const Triple& t : data_.with_predicate(kRdfType))
        for (const Term& c : s.target_classes)
          if (!t.object.is_literal() && is_subclass(id_of(t.object), c.value))
            focus.emplace(id_of(t.subject), t.subject);
    std::vector<Term> nodes;
    for (auto& [id, term] : focus) nodes.push_back(term);
    return nodes;
  }

  bool is_subclass(const std::string& cls, const std::string& of) {
    std::set<std::string> seen;
    std::vector<std::string> todo = {cls};
    while (!todo.empty()) {
      std::string c = todo.back();
      todo.pop_back();
      if (c == of) return true;
      if (!seen.insert(c).second) continue;
      if (auto it = superclasses_.find(c); it != superclasses_.end())
        todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
    return false;
  }

  bool is_instance(const Term& node, const std::string& cls) {
    if (node.is_literal()) return false;
    for (const Term& type : data_.objects(id_of(node), kRdfType))
      if (is_subclass(id_of(type), cls)) return true;
    return false;
  }

  // A node shape's own constraints on `focus`, then each of its property shapes.
  void check_node(const Shape& shape, const std::string& report_as, const Term& focus,
                  std::vector<Violation>& out) {
    if (!shape.path.empty()) {
      check_property(shape, report_as, focus, out);
      return;
    }
    check_values(shape, report_as, focus, {focus}, out);
    for (const auto& property : shape.properties) check_property(*property, report_as, focus, out);
  }

  void check_property(const Shape& p, const std::string& report_as, const Term& focus,
                      std::vector<Violation>& out) {
    const std::vector<Term>& values = data_.objects(id_of(focus), p.path);
    auto report = [&](const std::string& component, const std::string& message) {
      out.push_back({id_of(focus), p.path, component, report_as, message});
    };
    if (p.min_count && values.size() < *p.min_count)
      report("MinCountConstraintComponent", "less than " + std::to_string(*p.min_count) +
                                                " values (" + std::to_string(values.size()) + ")");
    if (p.max_count && values.size() > *p.max_count)
      report("MaxCountConstraintComponent", "more than " + std::to_string(*p.max_count) +
                                                " values (" + std::to_string(values.size()) + ")");
    for (const Term& required : p.has_values)
      if (std::find(values.begin(), values.end(), required) == values.end())
        report("HasValueConstraintComponent", "missing the value " + show(required));
    if (!p.less_than.empty())
      for (const Term& v : values)
        for (const Term& w : data_.objects(id_of(focus), p.less_than)) {
          auto a = number(v), b = number(w);
          if (!a || !b || !(*a < *b))
            report("LessThanConstraintComponent",
                   show(v) + " is not less than " + show(w) + " (<" + p.less_than + ">)");
        }
    check_values(p, report_as, focus, values, out);
  }

  // The value-type, string and logical constraints, on each value node.
  void check_values(const Shape& s, const std::string& report_as, const Term& focus,
                    const std::vector<Term>& values, std::vector<Violation>& out) {
    auto report = [&](const Term& value, const std::string& component, const std::string& message) {
      out.push_back({id_of(focus), s.path, component, report_as, show(value) + ": " + message});
    };
    for (const Term& v : values) {
      if (!s.node_kind.empty() && !node_kind_matches(s.node_kind, v))
        report(v, "NodeKindConstraintComponent", "not of node kind sh:" + s.node_kind);
      if (!s.datatype.empty()) {
        std::string datatype = v.language.empty()
                                   ? (v.datatype.empty() ? kXsd + "string" : v.datatype)
                                   : std::string(vocab::rdf::langString);
        if (!v.is_literal() || datatype != s.datatype || !well_formed(v.value, datatype))
          report(v, "DatatypeConstraintComponent", "not a valid <" + s.datatype + ">");
      }
      for (const std::string& c : s.classes)
        if (!is_instance(v, c))
          report(v, "ClassConstraintComponent", "not an instance of <" + c + ">");
      for (const auto& [source, pattern] : s.patterns)
        if (v.is_blank() || !std::regex_search(v.value, pattern))
          report(v, "PatternConstraintComponent", "does not match \"" + source + "\"");
      if (s.min_length && (v.is_blank() || code_points(v.value) < *s.min_length))
        report(v, "MinLengthConstraintComponent", "shorter than " + std::to_string(*s.min_length));
      if (s.max_length && (v.is_blank() || code_points(v.value) > *s.max_length))
        report(v, "MaxLengthConstraintComponent", "longer than " + std::to_string(*s.max_length));
      if (s.in && std::find(s.in->begin(), s.in->end(), v) == s.in->end())
        report(v, "InConstraintComponent", "not one of the allowed values");
      for (const auto& alternatives : s.ors)
        if (std::none_of(alternatives.begin(), alternatives.end(),
                         [&](const auto& a) { return conforms(*a, v); }))
          report(v, "OrConstraintComponent", "conforms to none of the sh:or shapes");
    }
  }

  static bool node_kind_matches(const std::string& kind, const Term& v) {
    if (kind == "IRI") return v.is_iri();
    if (kind == "BlankNode") return v.is_blank();
    if (kind == "Literal") return v.is_literal();
    if (kind == "BlankNodeOrIRI") return !v.is_literal();
    if (kind == "BlankNodeOrLiteral") return !v.is_iri();
    if (kind == "IRIOrLiteral") return !v.is_blank();
    return false;
  }

  Index data_;
  std::map<std::string, std::vector<std::string>> superclasses_;
};

}  // namespace

Shapes Shapes::load(const std::string& path) {
  auto format = format_from_file_name(path).value_or(Format::kTurtle);
  std::vector<Triple> triples;
  for (Quad& q : parse_rdf(path, format)) triples.push_back(std::move(q.triple));
  Index index(triples);
  Compiler compiler(index, path);
  auto impl = std::make_shared<Impl>();
  // Node shapes: declared sh:NodeShape, or anything with a target.
  std::set<std::string> names;
  for (const auto& [subject, properties] : index.subjects()) {
    bool node_shape = false;
    if (auto types = properties.find(kRdfType); types != properties.end())
      for (const Term& t : types->second) node_shape |= t.value == kSh + "NodeShape";
    for (const char* target : {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"})
      node_shape |= properties.count(kSh + target) > 0;
    if (node_shape) names.insert(subject);
  }
  for (const std::string& name : names)
    impl->node_shapes.push_back(
        compiler.compile(name.starts_with("_:") ? Term::blank(name.substr(2)) : Term::iri(name)));
  if (impl->node_shapes.empty()) throw Error(ErrorCode::kRdf, path + ": no SHACL node shapes");
  Shapes shapes;
  shapes.impl_ = std::move(impl);
  return shapes;
}

std::vector<Violation> Shapes::validate(const std::vector<Triple>& data) const {
  Validator validator(data);
  std::vector<Violation> violations;
  for (const auto& shape : impl_->node_shapes) validator.run(*shape, violations);
  return violations;
}

std::size_t Shapes::size() const {
  return impl_->node_shapes.size();
}

}  // namespace newskg::shacl
