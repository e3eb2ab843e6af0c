#!/usr/bin/env node
// Checks that newskg's JSON-LD means the same RDF dataset as its N-Quads, using
// jsonld.js (an implementation independent of newskg) to read the JSON-LD.
// Usage: node jsonld_roundtrip.mjs OUTPUT.jsonld EXPECTED.nq
// EXPECTED.nq is read by rdf-canonize, whose reader rejects N-Quads comments:
// formats_test.sh passes serdi's re-serialisation of newskg's N-Quads.
// Exit: 0 same dataset, 1 datasets differ or either is empty, 2 usage/read error.
import {readFileSync} from 'node:fs';
import jsonld from 'jsonld';
import canonize from 'rdf-canonize';

const MAX_DIFF_LINES = 40;

function die(code, msg) {
  console.error(`jsonld_roundtrip: ${msg}`);
  process.exit(code);
}

if (process.argv.length !== 4) {
  die(2, 'usage: node jsonld_roundtrip.mjs OUTPUT.jsonld EXPECTED.nq');
}
const [jsonldPath, nquadsPath] = process.argv.slice(2);

let doc, expectedNq;
try {
  doc = JSON.parse(readFileSync(jsonldPath, 'utf8'));
  expectedNq = readFileSync(nquadsPath, 'utf8');
} catch (e) {
  die(2, `cannot read input: ${e.message}`);
}

// newskg inlines its context, so any fetch means the output points at a remote
// context: that would make the test depend on the network (and on whatever is
// published there), so it is an error, never a silent download.
const offlineLoader = async url => {
  throw new Error(
    `refusing to fetch remote document ${url}: the JSON-LD must carry its ` +
    'context inline (this test never uses the network)');
};

// jsonld.js drops data it cannot map (undefined terms, relative IRIs) with only
// an event; surface those so a diff below comes with its likely cause.
// Counted per distinct event, as one bad term repeats in every graph.
const events = new Map();
const eventHandler = ({event, next}) => {
  const key = `${event.code}: ${event.message}` +
    (event.details ? ` ${JSON.stringify(event.details).slice(0, 300)}` : '');
  events.set(key, (events.get(key) ?? 0) + 1);
  next();
};

const canon = nq => canonize.canonize(nq, {
  algorithm: 'RDFC-1.0',
  inputFormat: 'application/n-quads',
  format: 'application/n-quads',
});

let fromJsonld, actual, expected;
try {
  fromJsonld = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    documentLoader: offlineLoader,
    eventHandler,
  });
} catch (e) {
  // jsonld.js wraps loader errors; the cause holds our message.
  let msg = e.message, c = e;
  while ((c = c.details?.cause ?? c.cause)) msg += ` <- ${c.message}`;
  die(1, `jsonld.toRDF failed on ${jsonldPath}: ${msg}`);
}
const distinct = [...events];
for (const [ev, n] of distinct.slice(0, 20)) console.error(`jsonld.js event (x${n}): ${ev}`);
if (distinct.length > 20) console.error(`... ${distinct.length - 20} more distinct events`);

try {
  actual = await canon(fromJsonld);
} catch (e) {
  die(1, `cannot canonicalise jsonld.js output: ${e.message}`);
}
try {
  expected = await canon(expectedNq);
} catch (e) {
  die(1, `cannot canonicalise ${nquadsPath}: ${e.message}`);
}

// Canonical N-Quads is one quad per line, sorted: compare as sets of lines.
const lines = s => new Set(s.split('\n').filter(l => l !== ''));
const a = lines(actual), b = lines(expected);
if (a.size === 0) die(1, `${jsonldPath} yields no quads`);
if (b.size === 0) die(1, `${nquadsPath} holds no quads`);

const onlyJsonld = [...a].filter(l => !b.has(l)).sort();
const onlyNq = [...b].filter(l => !a.has(l)).sort();
if (onlyJsonld.length === 0 && onlyNq.length === 0) {
  console.log(`jsonld_roundtrip: same dataset (${a.size} quads)`);
  process.exit(0);
}

console.error(`jsonld_roundtrip: datasets differ: ${onlyJsonld.length} quads ` +
  `only in JSON-LD, ${onlyNq.length} only in N-Quads ` +
  `(${a.size} vs ${b.size} quads)`);
const show = (label, arr) => {
  if (arr.length === 0) return;
  console.error(`--- only in ${label} (first ${Math.min(arr.length, MAX_DIFF_LINES)} of ${arr.length}):`);
  for (const l of arr.slice(0, MAX_DIFF_LINES)) console.error(`  ${l}`);
};
show(`JSON-LD (${jsonldPath})`, onlyJsonld);
show(`N-Quads (${nquadsPath})`, onlyNq);
process.exit(1);
