// The project's own vocabulary (ontology/newskg.ttl): every nkg: term the code emits or reads.
// A test checks each constant against the ontology, both ways.
#pragma once
#include <string_view>

namespace newskg::vocab::nkg {
inline constexpr std::string_view ns = "https://w3id.org/newskg/ontology#";

// Classes
inline constexpr std::string_view Agreement = "https://w3id.org/newskg/ontology#Agreement";
inline constexpr std::string_view Meeting = "https://w3id.org/newskg/ontology#Meeting";
inline constexpr std::string_view Stance = "https://w3id.org/newskg/ontology#Stance";
inline constexpr std::string_view Polarity = "https://w3id.org/newskg/ontology#Polarity";
inline constexpr std::string_view QuotationKind = "https://w3id.org/newskg/ontology#QuotationKind";
inline constexpr std::string_view AgreementStatus = "https://w3id.org/newskg/ontology#AgreementStatus";
inline constexpr std::string_view Office = "https://w3id.org/newskg/ontology#Office";
inline constexpr std::string_view InternationalOrganization =
    "https://w3id.org/newskg/ontology#InternationalOrganization";
inline constexpr std::string_view MilitaryOrganization = "https://w3id.org/newskg/ontology#MilitaryOrganization";
inline constexpr std::string_view PoliticalParty = "https://w3id.org/newskg/ontology#PoliticalParty";

// Individuals
inline constexpr std::string_view Supports = "https://w3id.org/newskg/ontology#Supports";
inline constexpr std::string_view Opposes = "https://w3id.org/newskg/ontology#Opposes";
inline constexpr std::string_view Neutral = "https://w3id.org/newskg/ontology#Neutral";
inline constexpr std::string_view DirectQuote = "https://w3id.org/newskg/ontology#DirectQuote";
inline constexpr std::string_view ReportedSpeech = "https://w3id.org/newskg/ontology#ReportedSpeech";
inline constexpr std::string_view Signed = "https://w3id.org/newskg/ontology#Signed";
inline constexpr std::string_view Negotiated = "https://w3id.org/newskg/ontology#Negotiated";

// Agreement properties
inline constexpr std::string_view party = "https://w3id.org/newskg/ontology#party";
inline constexpr std::string_view signatory = "https://w3id.org/newskg/ontology#signatory";
inline constexpr std::string_view signedOn = "https://w3id.org/newskg/ontology#signedOn";
inline constexpr std::string_view signedAt = "https://w3id.org/newskg/ontology#signedAt";
inline constexpr std::string_view duration = "https://w3id.org/newskg/ontology#duration";
inline constexpr std::string_view status = "https://w3id.org/newskg/ontology#status";

// Statements and stances
inline constexpr std::string_view quotationKind = "https://w3id.org/newskg/ontology#quotationKind";
inline constexpr std::string_view holder = "https://w3id.org/newskg/ontology#holder";
inline constexpr std::string_view topic = "https://w3id.org/newskg/ontology#topic";
inline constexpr std::string_view polarity = "https://w3id.org/newskg/ontology#polarity";

// Provenance and posts
inline constexpr std::string_view evidence = "https://w3id.org/newskg/ontology#evidence";
inline constexpr std::string_view office = "https://w3id.org/newskg/ontology#office";

// Lexicon properties (read, never emitted)
inline constexpr std::string_view alpha3 = "https://w3id.org/newskg/ontology#alpha3";
inline constexpr std::string_view demonym = "https://w3id.org/newskg/ontology#demonym";
inline constexpr std::string_view placeKind = "https://w3id.org/newskg/ontology#placeKind";
inline constexpr std::string_view inCountry = "https://w3id.org/newskg/ontology#inCountry";
inline constexpr std::string_view capitalOf = "https://w3id.org/newskg/ontology#capitalOf";
inline constexpr std::string_view entityClass = "https://w3id.org/newskg/ontology#entityClass";
inline constexpr std::string_view headWord = "https://w3id.org/newskg/ontology#headWord";
inline constexpr std::string_view prefixWord = "https://w3id.org/newskg/ontology#prefixWord";
inline constexpr std::string_view takesPortfolio = "https://w3id.org/newskg/ontology#takesPortfolio";
inline constexpr std::string_view form = "https://w3id.org/newskg/ontology#form";
inline constexpr std::string_view complement = "https://w3id.org/newskg/ontology#complement";
// Every term above, in order, for the test that checks them against ontology/newskg.ttl both
// ways (it also checks that this list names every constant of this header).
inline constexpr std::string_view all_terms[] = {
    Agreement, Meeting, Stance, Polarity, QuotationKind, AgreementStatus, Office,
    InternationalOrganization, MilitaryOrganization, PoliticalParty, Supports, Opposes, Neutral,
    DirectQuote, ReportedSpeech, Signed, Negotiated, party, signatory, signedOn, signedAt, duration,
    status, quotationKind, holder, topic, polarity, evidence, office, alpha3, demonym, placeKind,
    inCountry, capitalOf, entityClass, headWord, prefixWord, takesPortfolio, form, complement,
};
}  // namespace newskg::vocab::nkg
