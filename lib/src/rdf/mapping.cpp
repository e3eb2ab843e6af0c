// The RDF mapping: Facts in, triples out. It never looks at the text beyond the spans the
// extractors handed it; every term IRI comes from the vocab headers.
#include "newskg/mapping.hpp"

#include <algorithm>
#include <charconv>

#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"
#include "rdf/iri.hpp"
#include "rdf/scratch.hpp"

#ifndef NEWSKG_VERSION
#define NEWSKG_VERSION "0.0.0"
#endif

namespace newskg {
namespace {

using namespace vocab;

const char* kind_path(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person/";
    case EntityKind::kOrganization: return "organization/";
    case EntityKind::kCountry: return "country/";
    case EntityKind::kPlace: return "place/";
    case EntityKind::kAgreement: return "agreement/";
    case EntityKind::kEvent: return "event/";
  }
  return "thing/";
}

std::string_view kind_class(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return schema::Person;
    case EntityKind::kOrganization: return schema::Organization;
    case EntityKind::kCountry: return schema::Country;
    case EntityKind::kPlace: return schema::Place;
    case EntityKind::kAgreement: return nkg::Agreement;
    case EntityKind::kEvent: return schema::Event;
  }
  return schema::Place;
}

// Term numbers of one article by an integer key (a span, a number, an address), so that a
// term the mapping makes again is found without building and hashing its text. Forgotten in
// O(1) per article: an entry counts only if it has the article's generation.
class IdCache {
 public:
  using Id = TermGraph::Id;
  void next_article() {
    if (oversized(slots_.size(), 2 * count_, sizeof(Slot))) slots_ = {};  // grow() makes it again
    count_ = 0;
    if (++generation_ == 0) {  // wrapped: wipe the stamps once
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  // The number kept for `key`; `make()` gives and keeps it the first time.
  template <typename Make>
  Id get(std::uint64_t key, Make&& make) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    Slot& slot = find(key);
    if (slot.generation != generation_) {
      Id id = make();
      slot = {key, generation_, id};  // make() must not use this cache: `slot` stays valid
      ++count_;
    }
    return slot.id;
  }
  // Whether `key` is new in this article (then it is kept).
  bool insert(std::uint64_t key) {
    bool added = false;
    get(key, [&] {
      added = true;
      return Id{0};
    });
    return added;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t generation = 0;
    Id id = 0;
  };
  Slot& find(std::uint64_t key) {
    std::size_t mask = slots_.size() - 1;
    std::size_t at = (key * 0x9E3779B97F4A7C15ull) >> 40 & mask;
    while (slots_[at].generation == generation_ && slots_[at].key != key) at = (at + 1) & mask;
    return slots_[at];
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(256, old.size() * 2), Slot{});
    for (const Slot& s : old)
      if (s.generation == generation_) find(s.key) = s;
  }
  std::vector<Slot> slots_;
  std::uint32_t generation_ = 1;
  std::size_t count_ = 0;
};

// What the mapping keeps between articles on one thread: its caches' memory.
struct MapperScratch {
  IdCache vocab, counts, spans, anchors, sentences, posts;
  std::vector<TermGraph::Id> entities;
  std::string text;
};

// Facts to a TermGraph. Each IRI the mapping mints (an article, a phrase, an entity) is
// numbered once and reused by number; vocabulary terms are numbered once per article. The
// triples come out sorted and without repeats (TermGraph::sort_unique).
class Mapper {
 public:
  using Id = TermGraph::Id;

  Mapper(const Facts& facts, const MappingOptions& options, TermGraph& graph)
      : facts_(facts), base_(options.base), g_(graph) {
    g_.clear();
    std::string id = facts.article.id.empty() ? content_hash(facts.article.text) : iri_segment(facts.article.id);
    article_iri_ = base_ + "article/" + id;
    g_.name = base_ + "graph/" + id;
    article_ = g_.iri(article_iri_);
    graph_ = g_.iri(g_.name);
    activity_ = g_.iri(base_ + "activity/newskg-" + version());
    for (IdCache* c : {&x_.vocab, &x_.counts, &x_.spans, &x_.anchors, &x_.sentences, &x_.posts}) c->next_article();
    x_.entities.assign(facts.entities.size(), kUnset);
  }

  void run() {
    article();
    for (EntityId e = 0; e < facts_.entities.size(); ++e) entity(e);
    for (const Post& post : facts_.posts) this->post(post);
    for (const AgreementFacts& a : facts_.agreements) agreement(a);
    for (const Meeting& m : facts_.meetings) meeting(m);
    for (std::size_t q = 0; q < facts_.quotations.size(); ++q) quotation(q);
    for (const Stance& s : facts_.stances) stance(s);
    g_.sort_unique();
  }

 private:
  static constexpr Id kUnset = static_cast<Id>(-1);

  // A vocabulary IRI (a constant of vocab/*.hpp, so its address identifies it): numbered once.
  Id v(std::string_view constant) {
    return x_.vocab.get(reinterpret_cast<std::uintptr_t>(constant.data()), [&] { return g_.iri(constant); });
  }
  void add(Id s, std::string_view p, Id o) { g_.add(s, v(p), o); }
  void add_iri(Id s, std::string_view p, std::string_view vocab_o) { add(s, p, v(vocab_o)); }
  void add_text(Id s, std::string_view p, std::string_view o) { add(s, p, g_.literal(o)); }
  void add_count(Id s, std::string_view p, std::uint32_t n) {
    add(s, p, x_.counts.get(n, [&] {
      char digits[16];
      auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
      return g_.literal(std::string_view(digits, end - digits), xsd::nonNegativeInteger);
    }));
  }

  Id entity_iri(EntityId id) {
    if (x_.entities[id] == kUnset) {
      const Entity& e = facts_.entities[id];
      x_.entities[id] = g_.iri(base_ + kind_path(e.kind) + iri_segment(e.key));
    }
    return x_.entities[id];
  }
  Id span_iri(const Span& span) {
    return x_.spans.get((std::uint64_t{span.begin} << 32) | span.end, [&] {
      x_.text.assign(article_iri_);
      x_.text += "#char=";
      append_number(x_.text, span.begin);
      x_.text += ',';
      append_number(x_.text, span.end);
      return g_.iri(x_.text);
    });
  }
  static void append_number(std::string& out, std::uint32_t n) {
    char digits[16];
    auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
  }

  // A nif:Phrase for the span, with its sentence; returns the phrase IRI.
  Id phrase(const Evidence& evidence) {
    Id iri = span_iri(evidence.span);
    add_iri(iri, rdf::type, nif::Phrase);
    add_count(iri, nif::beginIndex, evidence.span.begin);
    add_count(iri, nif::endIndex, evidence.span.end);
    // A span's anchor is its text, the same however many facts rest on it; checked, not hashed.
    Id anchor = x_.anchors.get((std::uint64_t{evidence.span.begin} << 32) | evidence.span.end,
                               [&] { return g_.literal(evidence.anchor); });
    if (g_.term(anchor).value != evidence.anchor) anchor = g_.literal(evidence.anchor);
    add(iri, nif::anchorOf, anchor);
    add(iri, nif::referenceContext, article_);
    if (evidence.sentence.end > evidence.sentence.begin) {
      Id sentence = span_iri(evidence.sentence);
      add(iri, nif::sentence, sentence);
      // each sentence is described once, however many phrases sit in it
      if (x_.sentences.insert(evidence.sentence.begin)) {
        add_iri(sentence, rdf::type, nif::Sentence);
        add_count(sentence, nif::beginIndex, evidence.sentence.begin);
        add_count(sentence, nif::endIndex, evidence.sentence.end);
        add_text(sentence, nif::anchorOf, sentence_text(evidence.sentence));
        add(sentence, nif::referenceContext, article_);
      }
    }
    return iri;
  }

  const std::string& sentence_text(const Span& span) const {
    static const std::string none;
    auto it = std::lower_bound(facts_.sentences.begin(), facts_.sentences.end(), span,
                               [](const SentenceText& s, const Span& x) { return s.span < x; });
    return it != facts_.sentences.end() && it->span == span ? it->text : none;
  }

  void article() {
    const Article& a = facts_.article;
    add(graph_, prov::wasDerivedFrom, article_);
    add(graph_, prov::wasGeneratedBy, activity_);
    add_iri(activity_, rdf::type, prov::Activity);
    add_text(activity_, rdfs::label, std::string("newskg ") + version());
    Id agent = g_.iri(base_ + "agent/newskg");
    add(activity_, prov::wasAssociatedWith, agent);
    add_iri(agent, rdf::type, prov::SoftwareAgent);
    add_text(agent, rdfs::label, "newskg");

    add_iri(article_, rdf::type, schema::NewsArticle);
    add_iri(article_, rdf::type, nif::Context);
    if (!a.id.empty()) add_text(article_, schema::identifier, a.id);
    if (!a.url.empty()) add(article_, schema::url, g_.iri(safe_iri(a.url)));
    if (!facts_.headline.empty()) add_text(article_, schema::headline, facts_.headline);
    if (!a.published.empty()) add(article_, schema::datePublished, date_literal(a.published));
    if (facts_.publisher) add(article_, schema::publisher, entity_iri(*facts_.publisher));
    add_text(article_, nif::isString, a.text);
    add_count(article_, nif::beginIndex, 0);
    add_count(article_, nif::endIndex, static_cast<std::uint32_t>(code_points(a.text)));
  }

  void entity(EntityId id) {
    const Entity& e = facts_.entities[id];
    Id iri = entity_iri(id);
    add_iri(iri, rdf::type, kind_class(e.kind));
    if (!e.extra_class.empty()) add(iri, rdf::type, g_.iri(e.extra_class));
    add_text(iri, rdfs::label, e.label);
    for (const auto& alt : e.alt_labels)
      if (alt != e.label) add_text(iri, skos::altLabel, alt);
    for (const Evidence& m : e.mentions) add(phrase(m), itsrdf::taIdentRef, iri);
  }

  void post(const Post& post) {
    std::string where = post.post_in ? facts_.entities[*post.post_in].key : "holder-" + facts_.entities[post.holder].key;
    std::string iri_text = base_ + "post/" + iri_segment(post.office_key) + "/" + iri_segment(where);
    Id iri = g_.iri(iri_text);
    add_iri(iri, rdf::type, org::Post);
    // Two posts of one article can share an IRI ("President" and "president" of Chile): the
    // post has one label per article (shapes.ttl), the first one written.
    if (x_.posts.insert(iri)) add_text(iri, rdfs::label, post.label);
    add(iri, org::heldBy, entity_iri(post.holder));
    if (post.post_in) add(iri, org::postIn, entity_iri(*post.post_in));
    if (!post.office.empty()) add(iri, nkg::office, g_.iri(post.office));
    add(iri, prov::wasDerivedFrom, article_);
    add(iri, nkg::evidence, phrase(post.evidence));
  }

  void agreement(const AgreementFacts& a) {
    Id iri = entity_iri(a.agreement);
    for (EntityId p : a.parties) add(iri, nkg::party, entity_iri(p));
    for (EntityId p : a.signatories) add(iri, nkg::signatory, entity_iri(p));
    if (!a.signed_on.empty()) add(iri, nkg::signedOn, g_.literal(a.signed_on, xsd::date));
    if (a.signed_at) add(iri, nkg::signedAt, entity_iri(*a.signed_at));
    if (!a.duration.empty()) add(iri, nkg::duration, g_.literal(a.duration, xsd::duration));
    add_iri(iri, nkg::status, a.signed_ ? nkg::Signed : nkg::Negotiated);
    add(iri, prov::wasDerivedFrom, article_);
    for (const Evidence& e : a.evidence) add(iri, nkg::evidence, phrase(e));
  }

  void meeting(const Meeting& m) {
    std::string key;
    for (EntityId p : m.attendees) key += (key.empty() ? "" : "--") + facts_.entities[p].key;
    Id iri = g_.iri(base_ + "meeting/" + iri_segment(key) + "/" + (m.date.empty() ? "article-" + article_id() : m.date));
    add_iri(iri, rdf::type, nkg::Meeting);
    for (EntityId p : m.attendees) add(iri, schema::attendee, entity_iri(p));
    if (m.place) add(iri, schema::location, entity_iri(*m.place));
    if (!m.date.empty()) add(iri, schema::startDate, g_.literal(m.date, xsd::date));
    add(iri, prov::wasDerivedFrom, article_);
    for (const Evidence& e : m.evidence) add(iri, nkg::evidence, phrase(e));
  }

  Id quotation_iri(std::size_t q) {
    const Span& s = facts_.quotations[q].evidence.span;
    return g_.iri(article_iri_ + "/quotation/" + std::to_string(s.begin) + "-" + std::to_string(s.end));
  }

  void quotation(std::size_t q) {
    const Quotation& quote = facts_.quotations[q];
    Id iri = quotation_iri(q);
    add_iri(iri, rdf::type, schema::Quotation);
    add(iri, schema::creator, entity_iri(quote.speaker));
    add_text(iri, schema::text, quote.text);
    add_iri(iri, nkg::quotationKind, quote.kind == QuoteKind::kDirect ? nkg::DirectQuote : nkg::ReportedSpeech);
    add(iri, prov::wasDerivedFrom, article_);
    add(iri, nkg::evidence, phrase(quote.evidence));
  }

  void stance(const Stance& s) {
    const Span& q = facts_.quotations[s.quotation].evidence.span;
    Id iri = g_.iri(article_iri_ + "/quotation/" + std::to_string(q.begin) + "-" + std::to_string(q.end) +
                    "/stance/" + iri_segment(facts_.entities[s.topic].key));
    add_iri(iri, rdf::type, nkg::Stance);
    add(iri, nkg::holder, entity_iri(s.holder));
    add(iri, nkg::topic, entity_iri(s.topic));
    add_iri(iri, nkg::polarity,
            s.polarity == Polarity::kSupports ? nkg::Supports : s.polarity == Polarity::kOpposes ? nkg::Opposes : nkg::Neutral);
    add(iri, prov::wasDerivedFrom, quotation_iri(s.quotation));
  }

  std::string article_id() const { return article_iri_.substr(article_iri_.rfind('/') + 1); }

  Id date_literal(const std::string& value) {
    if (is_iso_date(value)) return g_.literal(std::string_view(value).substr(0, 10), xsd::date);
    if (is_iso_date_time(value)) return g_.literal(value, xsd::dateTime);
    return g_.literal(value);
  }

  const Facts& facts_;
  std::string base_;
  TermGraph& g_;
  std::string article_iri_;
  Id article_, graph_, activity_;
  // Caches by key: vocab (a constant's address), counts (the number), spans (begin and end),
  // sentences described (by first code point), posts labelled (by IRI); entities by EntityId.
  MapperScratch& x_ = scratch();
  static MapperScratch& scratch() {
    thread_local MapperScratch kept;
    return kept;
  }
};

}  // namespace

const char* version() { return NEWSKG_VERSION; }

const char* kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kCountry: return "country";
    case EntityKind::kPlace: return "place";
    case EntityKind::kAgreement: return "agreement";
    case EntityKind::kEvent: return "event";
  }
  return "thing";
}

void to_graph(const Facts& facts, const MappingOptions& options, TermGraph& graph) { Mapper(facts, options, graph).run(); }

Graph to_graph(const Facts& facts, const MappingOptions& options) {
  TermGraph graph;
  to_graph(facts, options, graph);
  return graph.to_graph();
}

}  // namespace newskg
