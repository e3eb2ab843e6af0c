#!/usr/bin/env node
// Validates newskg output against ontology/shapes.ttl with rdf-validate-shacl, an engine
// independent of newskg. Each named graph (one article) is validated on its own, as the
// shapes ask; the data graph is the output alone (newskg states every class it relies on,
// e.g. a schema:GovernmentOrganization is also typed schema:Organization), so the result
// does not depend on what a validator infers from the ontology.
//
// Usage: node shacl_validate.mjs --shapes shapes.ttl [--expect-violations] FILE...
//   FILE is N-Quads (.nq) or Turtle/N-Triples (.ttl, .nt). A fixture may say which violation
//   it must cause with a line "# expect: <path IRI> <constraint component local name>".
// Exit: 0 as expected (no violations, or with --expect-violations each file has its expected
// ones), 1 not as expected, 2 usage or read error.
import {readFileSync} from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const MAX_SHOWN = 30;

function die(code, msg) {
  console.error(`shacl_validate: ${msg}`);
  process.exit(code);
}

const args = process.argv.slice(2);
let shapesPath, expectViolations = false;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--shapes') shapesPath = args[++i];
  else if (args[i] === '--expect-violations') expectViolations = true;
  else files.push(args[i]);
}
if (!shapesPath || files.length === 0)
  die(2, 'usage: node shacl_validate.mjs --shapes SHAPES.ttl [--expect-violations] FILE...');

function parse(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    die(2, `cannot read ${path}: ${e.message}`);
  }
  const format = path.endsWith('.nq') ? 'N-Quads' : path.endsWith('.nt') ? 'N-Triples' : 'Turtle';
  try {
    return {text, quads: new N3.Parser({format}).parse(text)};
  } catch (e) {
    die(2, `${path} does not parse as ${format}: ${e.message}`);
  }
}

const shapes = parse(shapesPath).quads;

const shortName = iri => iri.replace(/^.*[#/]/, '');

// One article graph: its triples, as the default graph.
async function validateGraph(quads) {
  const {DataFactory} = N3;
  const store = new N3.Store();
  for (const q of quads)
    store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph()));
  const validator = new SHACLValidator(shapes);
  return (await validator.validate(store)).results.map(r => ({
    focus: r.focusNode?.value ?? '?',
    path: r.path?.value ?? '',
    component: shortName(r.sourceConstraintComponent?.value ?? ''),
    shape: r.sourceShape?.termType === 'NamedNode' ? shortName(r.sourceShape.value) : '',
    message: (r.message ?? []).map(m => m.value).join('; '),
  }));
}

let failed = false, graphs = 0, triples = 0;
for (const path of files) {
  const {text, quads} = parse(path);
  const byGraph = new Map();
  for (const q of quads) {
    const name = q.graph.value;
    if (!byGraph.has(name)) byGraph.set(name, []);
    byGraph.get(name).push(q);
  }
  if (byGraph.size === 0) {
    console.error(`${path}: no triples`);
    failed = true;
    continue;
  }
  const violations = [];
  for (const [name, graphQuads] of byGraph) {
    ++graphs;
    triples += graphQuads.length;
    for (const v of await validateGraph(graphQuads)) violations.push({graph: name, ...v});
  }
  if (!expectViolations) {
    if (violations.length > 0) {
      failed = true;
      console.error(`${path}: ${violations.length} violations`);
      for (const v of violations.slice(0, MAX_SHOWN))
        console.error(`  <${v.focus}> ${v.shape} ${v.path ? `<${v.path}> ` : ''}${v.component}: ${v.message}`);
    }
    continue;
  }
  // A negative fixture: each "# expect: PATH COMPONENT" must be among its violations.
  const expected = [...text.matchAll(/^# expect: (\S+) (\S+)$/gm)].map(m => ({path: m[1], component: m[2]}));
  if (expected.length === 0) die(2, `${path}: a negative fixture needs "# expect: PATH COMPONENT" lines`);
  for (const e of expected) {
    const hit = violations.some(v => v.path === e.path && v.component === e.component);
    console.log(`${path}: ${hit ? 'caught' : 'MISSED'} ${e.component} on <${e.path}>`);
    if (!hit) failed = true;
  }
  if (violations.length === 0) failed = true;
}

if (!expectViolations && !failed)
  console.log(`shacl_validate: ${files.length} files, ${graphs} graphs, ${triples} triples: 0 violations`);
process.exit(failed ? 1 : 0);
