#include "newskg/explain.hpp"

namespace newskg {
namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '"') out += "\\\"";
    else out += c;
  }
  return out + "\"";
}

void span(std::ostream& out, const Evidence& e) {
  out << " @" << e.span.begin << "-" << e.span.end << " " << quoted(e.anchor);
  if (!e.rule.empty()) out << " [" << e.rule << "]";
}

}  // namespace

void explain(const Facts& facts, std::ostream& out) {
  const std::string& id = facts.article.id;
  auto name = [&](EntityId e) { return quoted(facts.entities[e].label); };
  for (const Entity& e : facts.entities) {
    out << id << "\tentity\t" << kind_name(e.kind) << " " << quoted(e.label) << " key=" << e.key << " [" << e.rule
        << "]\n";
    for (const Evidence& m : e.mentions) {
      out << id << "\tmention\t" << quoted(e.label);
      span(out, m);
      out << "\n";
    }
  }
  for (const Post& p : facts.posts) {
    out << id << "\tpost\t" << name(p.holder) << " holds " << quoted(p.label);
    if (p.post_in) out << " in " << name(*p.post_in);
    span(out, p.evidence);
    out << "\n";
  }
  for (const AgreementFacts& a : facts.agreements) {
    out << id << "\tagreement\t" << name(a.agreement) << (a.signed_ ? " signed" : " negotiated");
    for (EntityId p : a.parties) out << " party=" << name(p);
    for (EntityId p : a.signatories) out << " signatory=" << name(p);
    if (!a.signed_on.empty()) out << " on=" << a.signed_on;
    if (a.signed_at) out << " at=" << name(*a.signed_at);
    if (!a.duration.empty()) out << " duration=" << a.duration;
    for (const Evidence& e : a.evidence) span(out, e);
    out << "\n";
  }
  for (const Meeting& m : facts.meetings) {
    out << id << "\tmeeting\t";
    for (EntityId p : m.attendees) out << name(p) << " ";
    if (m.place) out << "at=" << name(*m.place) << " ";
    if (!m.date.empty()) out << "on=" << m.date;
    for (const Evidence& e : m.evidence) span(out, e);
    out << "\n";
  }
  for (const Quotation& q : facts.quotations) {
    out << id << "\tquote\t" << name(q.speaker) << (q.kind == QuoteKind::kDirect ? " direct" : " reported");
    span(out, q.evidence);
    out << "\n";
  }
  for (const Stance& s : facts.stances) {
    out << id << "\tstance\t" << name(s.holder)
        << (s.polarity == Polarity::kSupports ? " supports " : s.polarity == Polarity::kOpposes ? " opposes " : " neutral on ")
        << name(s.topic) << " [" << s.rule << "]\n";
  }
}

}  // namespace newskg
