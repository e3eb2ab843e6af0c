// SHACL Core validation, the subset ontology/shapes.ttl uses: targets (class, subjects-of,
// objects-of, node), property shapes with predicate paths, and the components minCount,
// maxCount, nodeKind, class, datatype, pattern, minLength, maxLength, hasValue, in, or,
// lessThan. A shapes file that uses anything else is refused, never silently half-checked.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "newskg/graph.hpp"

namespace newskg::shacl {

// One validation result (SHACL's sh:ValidationResult, severity violation).
struct Violation {
  std::string focus;      // the focus node ("_:label" for a blank node)
  std::string path;       // the property path's IRI; empty for a node shape's own constraint
  std::string component;  // "MinCountConstraintComponent", ...
  std::string shape;      // the shape's IRI, or the node shape holding a blank property shape
  std::string message;    // what was expected and what was found
};

class Shapes {
 public:
  // Reads a shapes graph (Turtle or any syntax the file name tells). Throws Error naming the
  // file and the reason when it does not parse or uses a feature outside the subset.
  static Shapes load(const std::string& path);

  // Validates one data graph; no results means it conforms.
  std::vector<Violation> validate(const std::vector<Triple>& data) const;

  std::size_t size() const;  // how many node shapes

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace newskg::shacl
