// TermGraph: terms stored once in one buffer, found again through an open-addressing index,
// and sorted once per article so that the triples sort as integers.
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <numeric>

#include "newskg/error.hpp"
#include "newskg/graph.hpp"
#include "rdf/scratch.hpp"
#include "text/hash.hpp"

namespace newskg {
namespace {

constexpr TermGraph::Id kNoTerm = std::numeric_limits<TermGraph::Id>::max();

// The tail of a string (up to 8 bytes) and its length as one number: enough to tell apart the
// few datatypes and languages of one article; equal terms are still found by comparing them.
std::uint64_t tail(std::string_view s) {
  std::uint64_t t = s.size();
  std::size_t n = std::min<std::size_t>(s.size(), 7);
  std::memcpy(reinterpret_cast<char*>(&t) + 1, s.data() + s.size() - n, n);
  return t;
}

std::uint64_t hash_of(Term::Type type, std::string_view value, std::string_view datatype, std::string_view language) {
  std::uint64_t h =
      short_string_hash(value) ^ (static_cast<std::uint64_t>(type) * 0x9E3779B97F4A7C15ull);
  if (!datatype.empty()) h = (h ^ tail(datatype)) * 0xBF58476D1CE4E5B9ull;
  if (!language.empty()) h = (h ^ tail(language)) * 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

}  // namespace

void TermGraph::clear() {
  name.clear();
  // The index is cleared by filling it, so it is freed by what the terms needed of it.
  if (oversized(slots_.size(), 2 * terms_.size(), sizeof(Id)))
    slots_ = {};
  else
    std::fill(slots_.begin(), slots_.end(), kNoTerm);
  clear_for_next(text_);
  clear_for_next(terms_);
  last_datatype_ = last_language_ = {};
  clear_for_next(triples_);
  release_if_oversized(scratch_used_);
  release_if_oversized(scratch_order_);
  release_if_oversized(scratch_rank_);
  release_if_oversized(scratch_start_);
  release_if_oversized(scratch_triples_);
  release_if_oversized(scratch_keyed_);
}

TermGraph::Slice TermGraph::store(std::string_view bytes) {
  if (bytes.empty()) return {};
  // Offsets are 32-bit: 4 GB of distinct term text in one article is far beyond any article
  // newskg accepts (--max-article-bytes), but a limit is checked, not assumed.
  if (text_.size() + bytes.size() > std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::kRdf, "an article's terms exceed 4 GB");
  Slice s{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(bytes.size())};
  text_.append(bytes);
  return s;
}

TermGraph::Slice TermGraph::store_tag(std::string_view bytes, Slice& last) {
  if (bytes.empty()) return {};
  if (slice(last) != bytes) last = store(bytes);
  return last;
}

void TermGraph::rehash(std::size_t slots) {
  slots_.assign(slots, kNoTerm);
  std::size_t mask = slots - 1;
  for (Id id = 0; id < terms_.size(); ++id) {
    std::size_t at = terms_[id].hash & mask;
    while (slots_[at] != kNoTerm) at = (at + 1) & mask;
    slots_[at] = id;
  }
}

TermGraph::Id TermGraph::intern(Term::Type type, std::string_view value, std::string_view datatype,
                                std::string_view language) {
  if (slots_.size() < 2 * (terms_.size() + 1)) rehash(std::max<std::size_t>(1024, slots_.size() * 2));
  std::uint64_t hash = hash_of(type, value, datatype, language);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    Id id = slots_[at];
    if (id == kNoTerm) {
      if (terms_.size() >= kNoTerm) throw Error(ErrorCode::kRdf, "too many terms in one article");
      Record r{type, store(value), store_tag(datatype, last_datatype_),
               store_tag(language, last_language_), hash};
      slots_[at] = static_cast<Id>(terms_.size());
      terms_.push_back(r);
      return slots_[at];
    }
    const Record& r = terms_[id];
    if (r.hash == hash && r.type == type && slice(r.value) == value && slice(r.datatype) == datatype &&
        slice(r.language) == language)
      return id;
  }
}

// Sorts term numbers in Term order: by type, then value, eight bytes at a time. Each term
// gets the next eight bytes of its value as a big-endian number, so std::sort compares
// integers; terms still tied after those eight bytes are sorted again on the next eight.
// The long prefixes newskg's IRIs share (the base, the article's IRI) are skipped at once.
void TermGraph::sort_terms(std::vector<Id>& order) {
  std::vector<Keyed>& keyed = scratch_keyed_;
  keyed.resize(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) keyed[k].id = order[k];
  // How many more bytes from `depth` on every value of [first, last) shares.
  auto shared = [&](const Keyed* first, const Keyed* last, std::size_t depth) {
    const Slice& a = terms_[first->id].value;
    std::size_t common = a.size - std::min<std::size_t>(depth, a.size);
    for (const Keyed* x = first + 1; x < last && common > 0; ++x) {
      const Slice& b = terms_[x->id].value;
      common = std::min<std::size_t>(common, b.size - std::min<std::size_t>(depth, b.size));
      const char* p = text_.data() + a.offset + depth;
      const char* q = text_.data() + b.offset + depth;
      std::size_t i = 0;
      for (; i + 8 <= common; i += 8) {
        std::uint64_t u, v;
        std::memcpy(&u, p + i, 8);
        std::memcpy(&v, q + i, 8);
        if (u != v) break;
      }
      while (i < common && p[i] == q[i]) ++i;
      common = i;
    }
    return common;
  };
  // [first, last) share their type and the value's first `depth` bytes.
  auto sort = [&](auto& self, Keyed* first, Keyed* last, std::size_t depth) -> void {
    depth += shared(first, last, depth);
    for (Keyed* k = first; k != last; ++k) {
      const Slice& v = terms_[k->id].value;
      std::size_t rest = v.size - std::min<std::size_t>(depth, v.size);
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, text_.data() + v.offset + std::min<std::size_t>(depth, v.size),
                  std::min<std::size_t>(rest, 8));
      if constexpr (std::endian::native == std::endian::little) chunk = __builtin_bswap64(chunk);
      k->chunk = chunk;  // the first byte most significant; missing bytes 0
      k->rest = static_cast<std::uint32_t>(std::min<std::size_t>(rest, 9));  // 9: more than 8 left
    }
    // a value that ends sorts before any longer one with the same bytes
    std::sort(first, last, [](const Keyed& a, const Keyed& b) {
      return a.chunk != b.chunk ? a.chunk < b.chunk : a.rest < b.rest;
    });
    for (Keyed* run = first; run != last;) {
      Keyed* end = run + 1;
      while (end != last && end->chunk == run->chunk && end->rest == run->rest) ++end;
      if (end - run > 1) {
        if (run->rest > 8)
          self(self, run, end, depth + 8);
        else
          std::sort(run, end, [&](const Keyed& a, const Keyed& b) {
            return less(a.id, b.id);
          });  // equal values
      }
      run = end;
    }
  };
  Keyed* begin = keyed.data();
  Keyed* end = begin + keyed.size();
  for (Term::Type type : {Term::Type::kIri, Term::Type::kLiteral, Term::Type::kBlank}) {
    Keyed* group =
        std::partition(begin, end, [&](const Keyed& k) { return terms_[k.id].type == type; });
    if (group - begin > 1) sort(sort, begin, group, 0);
    begin = group;
  }
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = keyed[k].id;
}

bool TermGraph::less(Id a, Id b) const {
  const Record& x = terms_[a];
  const Record& y = terms_[b];
  if (x.type != y.type) return x.type < y.type;
  if (int c = slice(x.value).compare(slice(y.value))) return c < 0;
  if (int c = slice(x.datatype).compare(slice(y.datatype))) return c < 0;
  return slice(x.language) < slice(y.language);
}

void TermGraph::sort_unique() {
  // Only subjects and predicates are ranked (a hundred or so terms an article, most objects
  // are literals used once); the triples are then put in order of subject by counting, and
  // each subject's few triples by predicate rank and object.
  std::vector<std::uint8_t>& used = scratch_used_;
  used.assign(terms_.size(), 0);
  for (const IdTriple& t : triples_) used[t.subject] = used[t.predicate] = 1;
  std::vector<Id>& order = scratch_order_;
  order.clear();
  for (Id id = 0; id < terms_.size(); ++id)
    if (used[id]) order.push_back(id);
  sort_terms(order);
  std::vector<Id>& rank = scratch_rank_;
  rank.resize(terms_.size());
  for (Id i = 0; i < order.size(); ++i) rank[order[i]] = i;

  std::vector<std::uint32_t>& start = scratch_start_;  // where each subject's triples begin
  start.assign(order.size() + 1, 0);
  for (const IdTriple& t : triples_) ++start[rank[t.subject] + 1];
  for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  std::vector<IdTriple>& sorted = scratch_triples_;
  sorted.resize(triples_.size());
  for (const IdTriple& t : triples_) sorted[start[rank[t.subject]]++] = t;  // start[r] becomes the end of r
  auto by_predicate_object = [&](const IdTriple& a, const IdTriple& b) {
    if (a.predicate != b.predicate) return rank[a.predicate] < rank[b.predicate];
    return a.object != b.object && less(a.object, b.object);
  };
  for (std::size_t r = 0, from = 0; r < order.size(); from = start[r++])
    std::sort(sorted.begin() + from, sorted.begin() + start[r], by_predicate_object);
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  triples_.swap(sorted);
}

TermGraph TermGraph::from(const Graph& graph) {
  TermGraph g;
  g.name = graph.name;
  g.triples_.reserve(graph.triples.size());
  for (const Triple& t : graph.triples) g.add(g.term(t.subject), g.term(t.predicate), g.term(t.object));
  return g;
}

Graph TermGraph::to_graph() const {
  Graph graph;
  graph.name = name;
  graph.triples.reserve(triples_.size());
  auto term = [&](Id id) {
    TermView v = this->term(id);
    Term t;
    t.type = v.type;
    t.value = v.value;
    t.datatype = v.datatype;
    t.language = v.language;
    return t;
  };
  for (const IdTriple& t : triples_) graph.triples.push_back({term(t.subject), term(t.predicate), term(t.object)});
  return graph;
}

}  // namespace newskg
