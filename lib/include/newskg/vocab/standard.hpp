// Well-known IRIs of the standard vocabularies newskg writes: schema.org, W3C ORG, PROV-O,
// NIF, ITS, SKOS, RDF(S), OWL and XSD. One constant per term; no IRI string anywhere else.
#pragma once
#include <string_view>

namespace newskg::vocab {
namespace rdf {
inline constexpr std::string_view ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view langString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
// Collections, JSON literals and compound literals, for JSON-LD fromRdf.
inline constexpr std::string_view first = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view rest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view nil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
inline constexpr std::string_view List = "http://www.w3.org/1999/02/22-rdf-syntax-ns#List";
inline constexpr std::string_view JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
inline constexpr std::string_view value = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
inline constexpr std::string_view language = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language";
inline constexpr std::string_view direction = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction";
}  // namespace rdf
// Datatypes for text with a base direction (JSON-LD 1.1 rdfDirection "i18n-datatype").
namespace i18n {
inline constexpr std::string_view ns = "https://www.w3.org/ns/i18n#";
}  // namespace i18n
namespace rdfs {
inline constexpr std::string_view ns = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view label = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view subClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
}  // namespace rdfs
namespace xsd {
inline constexpr std::string_view ns = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view string = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view date = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view dateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view duration = "http://www.w3.org/2001/XMLSchema#duration";
inline constexpr std::string_view nonNegativeInteger =
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
inline constexpr std::string_view boolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view integer = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view double_ = "http://www.w3.org/2001/XMLSchema#double";  // "double" is a keyword
}  // namespace xsd
namespace schema {
inline constexpr std::string_view ns = "http://schema.org/";
inline constexpr std::string_view Person = "http://schema.org/Person";
inline constexpr std::string_view Organization = "http://schema.org/Organization";
inline constexpr std::string_view Country = "http://schema.org/Country";
inline constexpr std::string_view Place = "http://schema.org/Place";
inline constexpr std::string_view Event = "http://schema.org/Event";
inline constexpr std::string_view NewsArticle = "http://schema.org/NewsArticle";
inline constexpr std::string_view Quotation = "http://schema.org/Quotation";
inline constexpr std::string_view attendee = "http://schema.org/attendee";
inline constexpr std::string_view location = "http://schema.org/location";
inline constexpr std::string_view startDate = "http://schema.org/startDate";
inline constexpr std::string_view creator = "http://schema.org/creator";
inline constexpr std::string_view text = "http://schema.org/text";
inline constexpr std::string_view url = "http://schema.org/url";
inline constexpr std::string_view headline = "http://schema.org/headline";
inline constexpr std::string_view datePublished = "http://schema.org/datePublished";
inline constexpr std::string_view publisher = "http://schema.org/publisher";
inline constexpr std::string_view identifier = "http://schema.org/identifier";
inline constexpr std::string_view name = "http://schema.org/name";
}  // namespace schema
namespace org {
inline constexpr std::string_view ns = "http://www.w3.org/ns/org#";
inline constexpr std::string_view Post = "http://www.w3.org/ns/org#Post";
inline constexpr std::string_view heldBy = "http://www.w3.org/ns/org#heldBy";
inline constexpr std::string_view postIn = "http://www.w3.org/ns/org#postIn";
}  // namespace org
namespace prov {
inline constexpr std::string_view ns = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view wasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom";
inline constexpr std::string_view wasGeneratedBy = "http://www.w3.org/ns/prov#wasGeneratedBy";
inline constexpr std::string_view wasAssociatedWith =
    "http://www.w3.org/ns/prov#wasAssociatedWith";
inline constexpr std::string_view Activity = "http://www.w3.org/ns/prov#Activity";
inline constexpr std::string_view SoftwareAgent = "http://www.w3.org/ns/prov#SoftwareAgent";
}  // namespace prov
namespace nif {
inline constexpr std::string_view ns =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view Context =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context";
inline constexpr std::string_view Phrase =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase";
inline constexpr std::string_view Sentence =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence";
inline constexpr std::string_view beginIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
inline constexpr std::string_view endIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
inline constexpr std::string_view anchorOf =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
inline constexpr std::string_view isString =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
inline constexpr std::string_view referenceContext =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
inline constexpr std::string_view sentence =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sentence";
inline constexpr std::string_view sourceUrl =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sourceUrl";
}  // namespace nif
namespace itsrdf {
inline constexpr std::string_view ns = "http://www.w3.org/2005/11/its/rdf#";
inline constexpr std::string_view taIdentRef = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
}  // namespace itsrdf
namespace skos {
inline constexpr std::string_view ns = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view Concept = "http://www.w3.org/2004/02/skos/core#Concept";
inline constexpr std::string_view prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view altLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view inScheme = "http://www.w3.org/2004/02/skos/core#inScheme";
inline constexpr std::string_view notation = "http://www.w3.org/2004/02/skos/core#notation";
}  // namespace skos
namespace owl {
inline constexpr std::string_view ns = "http://www.w3.org/2002/07/owl#";
}
}  // namespace newskg::vocab
