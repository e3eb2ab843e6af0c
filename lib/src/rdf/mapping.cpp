// The RDF mapping: Facts in, triples out. It never looks at the text beyond the spans the
// extractors handed it; every term IRI comes from the vocab headers.
#include "newskg/mapping.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <cstdio>

#include "newskg/vocab/nkg.hpp"
#include "newskg/vocab/standard.hpp"
#include "rdf/iri.hpp"

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

// Sorts the triples and drops repeats. A Triple is a dozen strings, so the sort moves indices
// and each triple moves once: the same result as std::sort + std::unique, a good deal faster.
void sort_unique(std::vector<Triple>& triples) {
  std::vector<std::uint32_t> order(triples.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return triples[a] < triples[b]; });
  std::vector<Triple> sorted;
  sorted.reserve(triples.size());
  for (std::uint32_t i : order)
    if (sorted.empty() || !(sorted.back() == triples[i])) sorted.push_back(std::move(triples[i]));
  triples = std::move(sorted);
}

class Mapper {
 public:
  Mapper(const Facts& facts, const MappingOptions& options) : facts_(facts), base_(options.base) {
    std::string id = facts.article.id.empty() ? content_hash(facts.article.text) : iri_segment(facts.article.id);
    article_ = base_ + "article/" + id;
    graph_.name = base_ + "graph/" + id;
    activity_ = base_ + "activity/newskg-" + version();
  }

  Graph run() {
    article();
    for (EntityId e = 0; e < facts_.entities.size(); ++e) entity(e);
    for (const Post& post : facts_.posts) this->post(post);
    for (const AgreementFacts& a : facts_.agreements) agreement(a);
    for (const Meeting& m : facts_.meetings) meeting(m);
    for (std::size_t q = 0; q < facts_.quotations.size(); ++q) quotation(q);
    for (const Stance& s : facts_.stances) stance(s);
    sort_unique(graph_.triples);
    return std::move(graph_);
  }

 private:
  void add(const std::string& s, std::string_view p, Term o) {
    graph_.triples.push_back({Term::iri(s), Term::iri(std::string(p)), std::move(o)});
  }
  void add_iri(const std::string& s, std::string_view p, std::string_view o) { add(s, p, Term::iri(std::string(o))); }
  void add_text(const std::string& s, std::string_view p, const std::string& o) { add(s, p, Term::literal(o)); }
  void add_count(const std::string& s, std::string_view p, std::uint32_t n) {
    add(s, p, Term::literal(std::to_string(n), std::string(xsd::nonNegativeInteger)));
  }

  std::string entity_iri(EntityId id) const {
    const Entity& e = facts_.entities[id];
    return base_ + kind_path(e.kind) + iri_segment(e.key);
  }
  std::string span_iri(const Span& span) const {
    return article_ + "#char=" + std::to_string(span.begin) + "," + std::to_string(span.end);
  }

  // A nif:Phrase for the span, with its sentence; returns the phrase IRI.
  std::string phrase(const Evidence& evidence) {
    std::string iri = span_iri(evidence.span);
    add_iri(iri, rdf::type, nif::Phrase);
    add_count(iri, nif::beginIndex, evidence.span.begin);
    add_count(iri, nif::endIndex, evidence.span.end);
    add_text(iri, nif::anchorOf, evidence.anchor);
    add_iri(iri, nif::referenceContext, article_);
    if (evidence.sentence.end > evidence.sentence.begin) {
      std::string sentence = span_iri(evidence.sentence);
      add_iri(iri, nif::sentence, sentence);
      // each sentence is described once, however many phrases sit in it
      if (described_sentences_.insert(evidence.sentence.begin).second) {
        add_iri(sentence, rdf::type, nif::Sentence);
        add_count(sentence, nif::beginIndex, evidence.sentence.begin);
        add_count(sentence, nif::endIndex, evidence.sentence.end);
        add_text(sentence, nif::anchorOf, sentence_text(evidence.sentence));
        add_iri(sentence, nif::referenceContext, article_);
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
    add_iri(graph_.name, prov::wasDerivedFrom, article_);
    add_iri(graph_.name, prov::wasGeneratedBy, activity_);
    add_iri(activity_, rdf::type, prov::Activity);
    add_text(activity_, rdfs::label, std::string("newskg ") + version());
    std::string agent = base_ + "agent/newskg";
    add_iri(activity_, prov::wasAssociatedWith, agent);
    add_iri(agent, rdf::type, prov::SoftwareAgent);
    add_text(agent, rdfs::label, "newskg");

    add_iri(article_, rdf::type, schema::NewsArticle);
    add_iri(article_, rdf::type, nif::Context);
    if (!a.id.empty()) add_text(article_, schema::identifier, a.id);
    if (!a.url.empty()) add_iri(article_, schema::url, safe_iri(a.url));
    if (!facts_.headline.empty()) add_text(article_, schema::headline, facts_.headline);
    if (!a.published.empty()) add(article_, schema::datePublished, date_literal(a.published));
    if (facts_.publisher) add_iri(article_, schema::publisher, entity_iri(*facts_.publisher));
    add_text(article_, nif::isString, a.text);
    add_count(article_, nif::beginIndex, 0);
    add_count(article_, nif::endIndex, static_cast<std::uint32_t>(code_points(a.text)));
  }

  void entity(EntityId id) {
    const Entity& e = facts_.entities[id];
    std::string iri = entity_iri(id);
    add_iri(iri, rdf::type, kind_class(e.kind));
    if (!e.extra_class.empty()) add_iri(iri, rdf::type, e.extra_class);
    add_text(iri, rdfs::label, e.label);
    for (const auto& alt : e.alt_labels)
      if (alt != e.label) add_text(iri, skos::altLabel, alt);
    for (const Evidence& m : e.mentions) {
      std::string p = phrase(m);
      add_iri(p, itsrdf::taIdentRef, iri);
    }
  }

  void post(const Post& post) {
    std::string where = post.post_in ? facts_.entities[*post.post_in].key : "holder-" + facts_.entities[post.holder].key;
    std::string iri = base_ + "post/" + iri_segment(post.office_key) + "/" + iri_segment(where);
    add_iri(iri, rdf::type, org::Post);
    // Two posts of one article can share an IRI ("President" and "president" of Chile): the
    // post has one label per article (shapes.ttl), the first one written.
    if (labelled_posts_.insert(iri).second) add_text(iri, rdfs::label, post.label);
    add_iri(iri, org::heldBy, entity_iri(post.holder));
    if (post.post_in) add_iri(iri, org::postIn, entity_iri(*post.post_in));
    if (!post.office.empty()) add_iri(iri, nkg::office, post.office);
    add_iri(iri, prov::wasDerivedFrom, article_);
    add_iri(iri, nkg::evidence, phrase(post.evidence));
  }

  void agreement(const AgreementFacts& a) {
    std::string iri = entity_iri(a.agreement);
    for (EntityId p : a.parties) add_iri(iri, nkg::party, entity_iri(p));
    for (EntityId p : a.signatories) add_iri(iri, nkg::signatory, entity_iri(p));
    if (!a.signed_on.empty()) add(iri, nkg::signedOn, Term::literal(a.signed_on, std::string(xsd::date)));
    if (a.signed_at) add_iri(iri, nkg::signedAt, entity_iri(*a.signed_at));
    if (!a.duration.empty()) add(iri, nkg::duration, Term::literal(a.duration, std::string(xsd::duration)));
    add_iri(iri, nkg::status, a.signed_ ? nkg::Signed : nkg::Negotiated);
    add_iri(iri, prov::wasDerivedFrom, article_);
    for (const Evidence& e : a.evidence) add_iri(iri, nkg::evidence, phrase(e));
  }

  void meeting(const Meeting& m) {
    std::string key;
    for (EntityId p : m.attendees) key += (key.empty() ? "" : "--") + facts_.entities[p].key;
    std::string iri = base_ + "meeting/" + iri_segment(key) + "/" +
                      (m.date.empty() ? "article-" + article_id() : m.date);
    add_iri(iri, rdf::type, nkg::Meeting);
    for (EntityId p : m.attendees) add_iri(iri, schema::attendee, entity_iri(p));
    if (m.place) add_iri(iri, schema::location, entity_iri(*m.place));
    if (!m.date.empty()) add(iri, schema::startDate, Term::literal(m.date, std::string(xsd::date)));
    add_iri(iri, prov::wasDerivedFrom, article_);
    for (const Evidence& e : m.evidence) add_iri(iri, nkg::evidence, phrase(e));
  }

  std::string quotation_iri(std::size_t q) const {
    const Span& s = facts_.quotations[q].evidence.span;
    return article_ + "/quotation/" + std::to_string(s.begin) + "-" + std::to_string(s.end);
  }

  void quotation(std::size_t q) {
    const Quotation& quote = facts_.quotations[q];
    std::string iri = quotation_iri(q);
    add_iri(iri, rdf::type, schema::Quotation);
    add_iri(iri, schema::creator, entity_iri(quote.speaker));
    add_text(iri, schema::text, quote.text);
    add_iri(iri, nkg::quotationKind, quote.kind == QuoteKind::kDirect ? nkg::DirectQuote : nkg::ReportedSpeech);
    add_iri(iri, prov::wasDerivedFrom, article_);
    add_iri(iri, nkg::evidence, phrase(quote.evidence));
  }

  void stance(const Stance& s) {
    std::string iri = quotation_iri(s.quotation) + "/stance/" + iri_segment(facts_.entities[s.topic].key);
    add_iri(iri, rdf::type, nkg::Stance);
    add_iri(iri, nkg::holder, entity_iri(s.holder));
    add_iri(iri, nkg::topic, entity_iri(s.topic));
    add_iri(iri, nkg::polarity,
            s.polarity == Polarity::kSupports ? nkg::Supports : s.polarity == Polarity::kOpposes ? nkg::Opposes : nkg::Neutral);
    add_iri(iri, prov::wasDerivedFrom, quotation_iri(s.quotation));
  }

  std::string article_id() const { return article_.substr(article_.rfind('/') + 1); }

  static Term date_literal(const std::string& value) {
    if (is_iso_date(value)) return Term::literal(value.substr(0, 10), std::string(xsd::date));
    if (is_iso_date_time(value)) return Term::literal(value, std::string(xsd::dateTime));
    return Term::literal(value);
  }

  const Facts& facts_;
  std::string base_;
  std::string article_;
  std::string activity_;
  Graph graph_;
  std::set<std::string> labelled_posts_;
  std::set<std::uint32_t> described_sentences_;  // sentences (by first code point) already described
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

Graph to_graph(const Facts& facts, const MappingOptions& options) { return Mapper(facts, options).run(); }

}  // namespace newskg
