// LeakSanitizer's suppressions, built into every program of a sanitizer or fuzz build (see
// CMakeLists.txt), so ctest, tests/fuzz/run.sh and a newskg run by hand need no LSAN_OPTIONS.
//
// raptor 2.0.15's N-Triples and N-Quads parser keeps a reference to the datatype URI of each
// typed literal it reads (`<s> <p> "1"^^<dt> .` leaks one). raptor interns URIs, so the report
// names whoever made that URI first: the parser, or raptor_world_open / rasqal_world_open for
// the XSD and RDF terms they make at start-up; and raptor has no frame pointers, so the fast
// unwinder stops in raptor. What every such report shares, and all that can be matched, is the
// allocation of a raptor URI. newskg holds raptor URIs only in RAII handles (rdf/librdf.hpp).
//
// The same parser drops the terms it has read from a line it then rejects (`<s> <p>` and the
// line ends; `<s> <p> "o" "g" .`, a literal as graph name); those reports stop at the raptor
// function that made the term, from a URI, a literal or a blank node. newskg's own raptor
// terms live in RAII handles too.
//
// rasqal's leaks are not suppressed here but left out where they happen (sparql/query.cpp).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:raptor_new_uri_from_counted_string\n"
         "leak:raptor_new_term_from_uri\n"
         "leak:raptor_new_term_from_counted_literal\n"
         "leak:raptor_new_term_from_counted_blank\n";
}

// Without the "Suppressions used:" table at exit, which would end up in output that tests read.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
