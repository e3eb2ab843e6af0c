// What the extractors find in one article, as plain data: no RDF, no text analysis.
// The RDF mapping turns Facts into a graph; the extractors never see RDF.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "newskg/article.hpp"

namespace newskg {

// A half-open range of Unicode code points in the article text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// A stretch of text a fact rests on, with its exact characters.
struct Evidence {
  Span span;
  std::string anchor;    // text[span], exactly
  Span sentence;         // the sentence it sits in; its text is in Facts::sentences
  std::string rule;      // which rule found it, for --explain
};

enum class EntityKind { kPerson, kOrganization, kCountry, kPlace, kAgreement, kEvent };
const char* kind_name(EntityKind kind);  // "person", "organization", ...

using EntityId = std::size_t;

struct Entity {
  EntityKind kind;
  std::string key;                 // normalised identity key: same thing, same key, any article
  std::string label;               // the fullest name seen
  std::vector<std::string> alt_labels;  // every other surface form, in order of first use
  std::string extra_class;         // a more specific class IRI (e.g. a lexicon entity class); may be empty
  std::string rule;                // why it is this kind
  std::vector<Evidence> mentions;  // every span that names it
  std::optional<std::size_t> merged_into;  // set while extracting when co-reference found a fuller entity
};

struct Post {
  std::string label;                 // the office as written, e.g. "Defence Minister"
  std::string office;                // lexicon entry IRI, may be empty
  std::string office_key;            // normalised office, e.g. "defence-minister"
  EntityId holder;
  std::optional<EntityId> post_in;   // country or organization
  Evidence evidence;
};

struct AgreementFacts {
  EntityId agreement;
  std::vector<EntityId> parties;
  std::vector<EntityId> signatories;
  std::string signed_on;             // ISO date, may be empty
  std::optional<EntityId> signed_at;
  std::string duration;              // ISO 8601 duration, may be empty
  bool signed_ = false;              // signed (true) or only negotiated / hoped for
  std::vector<Evidence> evidence;
};

struct Meeting {
  std::vector<EntityId> attendees;   // sorted, unique, at least two
  std::optional<EntityId> place;
  std::string date;                  // ISO date, may be empty
  std::vector<Evidence> evidence;
};

enum class QuoteKind { kDirect, kReported };

struct Quotation {
  EntityId speaker;
  std::string text;                  // the quoted or reported words
  QuoteKind kind;
  Evidence evidence;                 // span of the words themselves
};

enum class Polarity { kSupports, kOpposes, kNeutral };

struct Stance {
  EntityId holder;
  EntityId topic;
  Polarity polarity;
  std::size_t quotation;             // index into Facts::quotations
  std::string rule;
};

// A sentence of the article with its exact text; evidence names it by span only, so a
// sentence is held once however many facts rest on it.
struct SentenceText {
  Span span;
  std::string text;
};

struct Facts {
  Article article;                   // metadata and text
  std::vector<SentenceText> sentences;  // every sentence of the text, in order
  std::string headline;              // from the title field, or the text's first line
  std::optional<EntityId> publisher; // an organization named by the metadata
  std::vector<Entity> entities;
  std::vector<Post> posts;
  std::vector<AgreementFacts> agreements;
  std::vector<Meeting> meetings;
  std::vector<Quotation> quotations;
  std::vector<Stance> stances;
};

}  // namespace newskg
