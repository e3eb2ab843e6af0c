// Extractor behaviour on short invented texts, with the real lexicon.
#include <gtest/gtest.h>

#include <algorithm>

#include "newskg/pipeline.hpp"

namespace newskg {
namespace {

const Pipeline& pipeline() {
  static Pipeline p(load_lexicon(NEWSKG_TEST_ONTOLOGY));
  return p;
}

Facts extract(const std::string& text, const std::string& published = "") {
  Article a;
  a.id = "test";
  a.text = text;
  a.published = published;
  return pipeline().run(a);
}

const Entity* find(const Facts& f, EntityKind kind, const std::string& label) {
  for (const auto& e : f.entities) {
    if (e.kind != kind) continue;
    if (e.label == label || std::find(e.alt_labels.begin(), e.alt_labels.end(), label) != e.alt_labels.end()) return &e;
  }
  return nullptr;
}

EntityId id_of(const Facts& f, const Entity* e) { return static_cast<EntityId>(e - f.entities.data()); }

std::size_t count(const Facts& f, EntityKind kind) {
  return std::count_if(f.entities.begin(), f.entities.end(), [&](const Entity& e) { return e.kind == kind; });
}

// An article may stop anywhere: "..., the" as its last words once read a token past the end.
// Every prefix of rich text, cut at every space, must extract with every mention inside it
// (the sanitizer build, with library assertions, turns any read past the end into a failure).
TEST(Pipeline, EveryPrefixOfAnArticleExtracts) {
  const std::string text =
      "Amara Okonkwo, the Nigerian defence minister, said on Tuesday that the agreement on the "
      "Lagos-based Gulf Maritime Centre, signed by the foreign ministers of Ghana and Togo in "
      "Accra, would last 10 years. \u201cWe welcome it,\u201d said Kwame Mensah, a senior analyst at "
      "Harbour Research, according to officials of the African Union. Later came Tomas Varga, the";
  std::size_t cuts = 0;
  for (std::size_t end = 0; end <= text.size(); ++end) {
    if (end != text.size() && text[end] != ' ') continue;
    std::string prefix = text.substr(0, end);
    Facts f = extract(prefix);
    const auto length = static_cast<std::uint32_t>(prefix.size());  // ASCII but for the quotes: an upper bound
    for (const Entity& e : f.entities)
      for (const Evidence& m : e.mentions) {
        EXPECT_LE(m.span.begin, m.span.end) << prefix;
        EXPECT_LE(m.span.end, length) << prefix;
      }
    ++cuts;
  }
  EXPECT_GT(cuts, 50u);
  Facts whole = extract(text);
  EXPECT_NE(find(whole, EntityKind::kPerson, "Kwame Mensah"), nullptr);
}

TEST(NameExtractor, TitleBeforeNameGivesPersonAndPost) {
  Facts f = extract("Norwegian Fisheries Minister Kari Holm arrived in Oslo on Monday.");
  const Entity* holm = find(f, EntityKind::kPerson, "Kari Holm");
  ASSERT_NE(holm, nullptr);
  ASSERT_EQ(f.posts.size(), 1u);
  EXPECT_EQ(f.posts[0].label, "Fisheries Minister");
  EXPECT_EQ(f.posts[0].holder, id_of(f, holm));
  ASSERT_TRUE(f.posts[0].post_in);
  EXPECT_EQ(f.entities[*f.posts[0].post_in].label, "Norway");
}

TEST(NameExtractor, TitleAfterNameInApposition) {
  Facts f = extract("Ana Ruiz, Chile's mining minister, said the deal was fair.");
  const Entity* ruiz = find(f, EntityKind::kPerson, "Ana Ruiz");
  ASSERT_NE(ruiz, nullptr);
  ASSERT_EQ(f.posts.size(), 1u);
  EXPECT_EQ(f.posts[0].holder, id_of(f, ruiz));
  ASSERT_TRUE(f.posts[0].post_in);
  EXPECT_EQ(f.entities[*f.posts[0].post_in].label, "Chile");
}

TEST(NameExtractor, MultiWordHonorificsAreNotPartOfTheName) {
  Facts f = extract("Tan Sri Rahim Osman met Datuk Seri Lim Wei Han and Eng. Amani Njoroge in Penang.");
  EXPECT_NE(find(f, EntityKind::kPerson, "Amani Njoroge"), nullptr);
  EXPECT_NE(find(f, EntityKind::kPerson, "Rahim Osman"), nullptr);
  EXPECT_NE(find(f, EntityKind::kPerson, "Lim Wei Han"), nullptr);
  EXPECT_EQ(find(f, EntityKind::kPerson, "Seri Lim Wei Han"), nullptr);
}

TEST(NameExtractor, BankNamesHoldTheirCountryAndOwnTheTitleAfterThem) {
  Facts f = extract("Bank Kenya Governor Dr Amos Kariuki and Bank of Peru Governor Rosa Quispe spoke.");
  const Entity* kenya_bank = find(f, EntityKind::kOrganization, "Bank Kenya");
  const Entity* peru_bank = find(f, EntityKind::kOrganization, "Bank of Peru");
  ASSERT_NE(kenya_bank, nullptr);
  ASSERT_NE(peru_bank, nullptr);
  const Entity* kariuki = find(f, EntityKind::kPerson, "Amos Kariuki");
  ASSERT_NE(kariuki, nullptr);
  auto post = std::find_if(f.posts.begin(), f.posts.end(), [&](const Post& p) { return p.holder == id_of(f, kariuki); });
  ASSERT_NE(post, f.posts.end());
  ASSERT_TRUE(post->post_in);
  EXPECT_EQ(*post->post_in, id_of(f, kenya_bank));
}

// A title is tried at every token, "Korea" inside "North Korea" too: a country before an
// office that turns out to be no title ("Transport Ministers'") leaves no entity behind.
TEST(NameExtractor, ACountryBeforeWhatIsNoTitleLeavesNoEntityBehind) {
  Facts f = extract(
      "The ASEAN–North Korea Transport Ministers’ Informal Meeting opened in Vilnius on Monday.");
  EXPECT_NE(find(f, EntityKind::kCountry, "North Korea"), nullptr);
  EXPECT_EQ(find(f, EntityKind::kCountry, "South Korea"), nullptr);
  for (const Entity& e : f.entities) {
    if (e.kind == EntityKind::kCountry) {
      EXPECT_FALSE(e.mentions.empty()) << e.label << " has no mention";
    }
  }
}

// A dateline naming a known place ("THIMPHU:") makes its country the article's home: a title
// with no country in its sentence is that country's, even when another is named more often.
TEST(NameExtractor, ADatelinePlaceGivesTheHomeCountryOfATitle) {
  const std::string body =
      "Defence Minister Karma Dorji said on Monday that the talks would go on.\n\n"
      "India sent a delegation. India and Bhutan will meet again, India said.";
  auto country_of_post = [](const Facts& f) -> std::string {
    if (f.posts.size() != 1 || !f.posts[0].post_in) return "(none)";
    return f.entities[*f.posts[0].post_in].label;
  };
  EXPECT_EQ(country_of_post(extract("THIMPHU: " + body)), "Bhutan");
  EXPECT_EQ(country_of_post(extract(body)), "India");  // without it, the most named
}

TEST(NameExtractor, AnOfficeComplementMayStandBeforeTheNameInApposition) {
  Facts f = extract("The UN special envoy for the Horn of Africa, Lena Okoro, arrived on Monday.");
  const Entity* okoro = find(f, EntityKind::kPerson, "Lena Okoro");
  ASSERT_NE(okoro, nullptr);
  ASSERT_EQ(f.posts.size(), 1u);
  EXPECT_EQ(f.posts[0].holder, id_of(f, okoro));
}

TEST(NameExtractor, ABodyOfAKnownOrganizationAfterATitleIsNoPerson) {
  Facts f = extract("The President of the OPEC Council, Dr Omar Haddad, opened the session.");
  EXPECT_EQ(find(f, EntityKind::kPerson, "Council"), nullptr);
  const Entity* council = find(f, EntityKind::kOrganization, "OPEC Council");
  ASSERT_NE(council, nullptr);
  const Entity* haddad = find(f, EntityKind::kPerson, "Omar Haddad");
  ASSERT_NE(haddad, nullptr);
  ASSERT_EQ(f.posts.size(), 1u);
  EXPECT_EQ(f.posts[0].holder, id_of(f, haddad));
  EXPECT_EQ(f.posts[0].post_in, id_of(f, council));
}

// The organization a title belongs to, read around it once all names are known.
const Entity* post_in_of(const Facts& f, const std::string& holder) {
  const Entity* person = find(f, EntityKind::kPerson, holder);
  if (!person) return nullptr;
  for (const Post& p : f.posts)
    if (p.holder == id_of(f, person) && p.post_in) return &f.entities[*p.post_in];
  return nullptr;
}

TEST(NameExtractor, TheOrganizationOfATitleAfterItBeforeItOrAsItsPossessive) {
  Facts f = extract(
      "\"It is a start,\" said Ana Lima, coordinator of the Lagos-based Women for Justice Network. "
      "The Green Harbour Party voted against it. Its leader, Ben Osei, said so. "
      "The deal was signed by Tollan Minerale's chief executive, Dr Eva Roth, and by Sam Pike, "
      "spokesman for the opposition Civic Union Party.");
  const Entity* network = post_in_of(f, "Ana Lima");
  ASSERT_NE(network, nullptr);
  EXPECT_EQ(network->label, "Women for Justice Network");
  const Entity* party = post_in_of(f, "Ben Osei");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->label, "Green Harbour Party");
  const Entity* company = post_in_of(f, "Eva Roth");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->label, "Tollan Minerale");
  EXPECT_EQ(company->kind, EntityKind::kOrganization);
  const Entity* union_party = post_in_of(f, "Sam Pike");
  ASSERT_NE(union_party, nullptr);
  EXPECT_EQ(union_party->label, "Civic Union Party");
}

TEST(NameExtractor, PortfolioListsWithCommasStayInTheTitle) {
  Facts f = extract(
      "It was signed by Peru's Minister of Transport, Communications and Digital Affairs, Rosa Quispe, "
      "and by Chile's Minister of Mines, Tomas Vidal, at the palace.");
  const Entity* quispe = find(f, EntityKind::kPerson, "Rosa Quispe");
  ASSERT_NE(quispe, nullptr);
  auto post = std::find_if(f.posts.begin(), f.posts.end(), [&](const Post& p) { return p.holder == id_of(f, quispe); });
  ASSERT_NE(post, f.posts.end());
  EXPECT_EQ(post->label, "Minister of Transport, Communications and Digital Affairs");
  // a comma before a name in apposition ends the portfolio
  const Entity* vidal = find(f, EntityKind::kPerson, "Tomas Vidal");
  ASSERT_NE(vidal, nullptr);
  post = std::find_if(f.posts.begin(), f.posts.end(), [&](const Post& p) { return p.holder == id_of(f, vidal); });
  ASSERT_NE(post, f.posts.end());
  EXPECT_EQ(post->label, "Minister of Mines");
}

TEST(NameExtractor, TitleCaseHeadlineVerbsAreNoNamesAndPrinceIsNoOffice) {
  Facts f = extract("Energy Minister Seals Crude Deal\n\nEnergy Minister Prince Faisal bin Omar signed the deal on Monday.");
  EXPECT_EQ(find(f, EntityKind::kPerson, "Seals"), nullptr);
  const Entity* faisal = find(f, EntityKind::kPerson, "Faisal bin Omar");
  ASSERT_NE(faisal, nullptr);
  for (const Post& p : f.posts) EXPECT_NE(p.label, "Prince");
}

TEST(NameExtractor, APersonNounWithAnEmployerIsAPost) {
  Facts f = extract("\"Prices will fall,\" said Lea Brandt, a shipping analyst at Nordhavn Research.");
  ASSERT_EQ(f.posts.size(), 1u);
  EXPECT_EQ(f.posts[0].label, "shipping analyst");
  EXPECT_EQ(f.entities[f.posts[0].holder].label, "Lea Brandt");
  ASSERT_TRUE(f.posts[0].post_in);
  EXPECT_EQ(f.entities[*f.posts[0].post_in].label, "Nordhavn Research");
}

TEST(NameExtractor, APluralTitleWithTwoNamesInAppositionGivesEachAPost) {
  Facts f = extract("On Tuesday, the two trade ministers, Ana Ruiz and Tomas Vidal, met in Lima.");
  ASSERT_EQ(f.posts.size(), 2u);
  for (const Post& p : f.posts) {
    EXPECT_EQ(p.label, "trade minister");
    EXPECT_FALSE(p.post_in);  // which country is whose, the title does not say
  }
  EXPECT_NE(find(f, EntityKind::kPerson, "Ana Ruiz"), nullptr);
  EXPECT_NE(find(f, EntityKind::kPerson, "Tomas Vidal"), nullptr);
}

TEST(NameExtractor, SurnameAndHonorificCoreferToTheFullName) {
  Facts f = extract("Trade Minister Lars Dahl arrived. Mr Dahl said little. Later Dahl left.");
  EXPECT_EQ(count(f, EntityKind::kPerson), 1u);
  const Entity* dahl = find(f, EntityKind::kPerson, "Lars Dahl");
  ASSERT_NE(dahl, nullptr);
  EXPECT_NE(find(f, EntityKind::kPerson, "Mr Dahl"), nullptr);
  EXPECT_EQ(dahl->mentions.size(), 3u);
}

TEST(NameExtractor, AcronymInBracketsIsTheSameOrganization) {
  Facts f = extract("The Korea Trade Agency (KTA) opened an office. KTA will hire staff.");
  const Entity* kta = find(f, EntityKind::kOrganization, "Korea Trade Agency");
  ASSERT_NE(kta, nullptr);
  EXPECT_NE(std::find(kta->alt_labels.begin(), kta->alt_labels.end(), "KTA"), kta->alt_labels.end());
  EXPECT_EQ(count(f, EntityKind::kOrganization), 1u);
}

// Later uses are found through an index of all-caps words: a use of several tokens, one
// before the definition, and one written differently must come out as the scan gave them.
TEST(NameExtractor, EveryLaterUseOfABracketedAcronymIsAMention) {
  Facts f = extract(
      "AFM-Plus talks began. The Andes Fisheries Meeting-Plus (AFM-Plus) opened on Monday. "
      "AFM-Plus members agreed, and the AFM-Plus chair spoke. Afm-Plus was misspelt once. "
      "AFM-Plus closed.");
  const Entity* afm = find(f, EntityKind::kEvent, "Andes Fisheries Meeting-Plus");
  ASSERT_NE(afm, nullptr);
  std::size_t uses = 0;
  for (const Evidence& m : afm->mentions) uses += m.anchor == "AFM-Plus";
  EXPECT_EQ(uses, 4u);  // the definition and three later uses; not the one before it
}

TEST(NameExtractor, NumbersPricesAndQuotasAreNotEntities) {
  Facts f = extract("Output rose 5% to 1,200 barrels a day, and prices hit $84.50.");
  EXPECT_TRUE(f.entities.empty());
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(NameExtractor, MentionSpansCountCodePoints) {
  std::string text = "Z\u00fcrich talks: Foreign Minister Jos\u00e9 \u00c1lvarez met reporters.";
  Facts f = extract(text);
  const Entity* alvarez = find(f, EntityKind::kPerson, "Jos\u00e9 \u00c1lvarez");
  ASSERT_NE(alvarez, nullptr);
  const auto& m = alvarez->mentions.front();
  EXPECT_EQ(m.span.begin, 31u);
  EXPECT_EQ(m.span.end - m.span.begin, code_points(m.anchor));
}

TEST(StatementExtractor, AttributionAfterADirectQuote) {
  Facts f = extract("Defence Minister Kari Holm spoke. \u201cWe will sign the accord,\u201d said Ms Holm.");
  ASSERT_FALSE(f.quotations.empty());
  const auto& q = f.quotations.front();
  EXPECT_EQ(q.kind, QuoteKind::kDirect);
  EXPECT_EQ(q.text, "We will sign the accord");
  EXPECT_EQ(f.entities[q.speaker].label, "Kari Holm");
}

TEST(StatementExtractor, ReportedSpeechAfterSaidThat) {
  Facts f = extract("Finance Minister Lars Dahl said that the budget would stay balanced this year.");
  ASSERT_EQ(f.quotations.size(), 1u);
  EXPECT_EQ(f.quotations[0].kind, QuoteKind::kReported);
  EXPECT_EQ(f.quotations[0].text, "the budget would stay balanced this year");
}

TEST(StatementExtractor, TheSubjectOfCoordinatedVerbsSpeaks) {
  Facts f = extract("The regional envoy, Marta Silva, welcomed the truce and said the monitors would arrive soon.");
  ASSERT_EQ(f.quotations.size(), 2u);
  EXPECT_EQ(f.quotations[0].text, "welcomed the truce");
  EXPECT_EQ(f.quotations[1].text, "the monitors would arrive soon");
  EXPECT_EQ(f.entities[f.quotations[1].speaker].label, "Marta Silva");
}

TEST(StatementExtractor, APersonOfAnOrganizationSpeaksNotTheOrganization) {
  Facts f = extract("Investors were calm. Nora Vance of Kestrel Asset Management said the ruling was expected.");
  EXPECT_NE(find(f, EntityKind::kOrganization, "Kestrel Asset Management"), nullptr);
  EXPECT_EQ(find(f, EntityKind::kOrganization, "Nora Vance of Kestrel Asset Management"), nullptr);
  ASSERT_EQ(f.quotations.size(), 1u);
  EXPECT_EQ(f.entities[f.quotations[0].speaker].label, "Nora Vance");
}

TEST(StatementExtractor, UnnamedSpeakersAreLeftOut) {
  Facts f = extract("Analysts said that the market would fall sharply next year.");
  EXPECT_TRUE(f.quotations.empty());
}

TEST(AgreementExtractor, PartiesDurationDateAndPlaceOfASigning) {
  Facts f = extract("Norway and Iceland signed a 10-year fisheries accord in Reykjavik on 3 June 2024.");
  ASSERT_EQ(f.agreements.size(), 1u);
  const auto& a = f.agreements[0];
  EXPECT_EQ(a.parties.size(), 2u);
  EXPECT_EQ(a.duration, "P10Y");
  EXPECT_EQ(a.signed_on, "2024-06-03");
  ASSERT_TRUE(a.signed_at);
  EXPECT_EQ(f.entities[*a.signed_at].label, "Reykjav\u00edk");
  EXPECT_TRUE(a.signed_);
}

TEST(AgreementExtractor, PluralOfficesOfCountriesSignThroughTheirHolders) {
  Facts f = extract(
      "Peru's Prime Minister, Rosa Quispe, arrived first. Chile's Prime Minister, Tomas Vidal, followed. "
      "The Andean Water Pact was signed by the prime ministers of Peru and Chile.");
  ASSERT_EQ(f.agreements.size(), 1u);
  const AgreementFacts& a = f.agreements[0];
  auto has = [](const std::vector<EntityId>& ids, const Entity* e, const Facts& f) {
    return e && std::find(ids.begin(), ids.end(), id_of(f, e)) != ids.end();
  };
  EXPECT_TRUE(has(a.parties, find(f, EntityKind::kCountry, "Peru"), f));
  EXPECT_TRUE(has(a.parties, find(f, EntityKind::kCountry, "Chile"), f));
  EXPECT_TRUE(has(a.signatories, find(f, EntityKind::kPerson, "Rosa Quispe"), f));
  EXPECT_TRUE(has(a.signatories, find(f, EntityKind::kPerson, "Tomas Vidal"), f));
}

TEST(AgreementExtractor, AHostIsNoSignatoryAndATruceIsTheCeasefire) {
  Facts f = extract(
      "The two sides signed a 60-day ceasefire in Lusaka on 3 May 2024, the first truce since March. "
      "The Lusaka Ceasefire Agreement was signed by rebel leader Paul Mbeki and Defence Minister John Banda "
      "at a ceremony hosted by Zambia's foreign minister, Grace Tembo.");
  ASSERT_EQ(f.agreements.size(), 1u);
  const AgreementFacts& a = f.agreements[0];
  std::vector<std::string> signers;
  for (EntityId id : a.signatories) signers.push_back(f.entities[id].label);
  std::sort(signers.begin(), signers.end());
  EXPECT_EQ(signers, (std::vector<std::string>{"John Banda", "Paul Mbeki"}));
  EXPECT_EQ(a.signed_on, "2024-05-03");
  // the ceremony is one meeting of the signers and the host, where and when they signed
  ASSERT_EQ(f.meetings.size(), 1u);
  EXPECT_EQ(f.meetings[0].attendees.size(), 3u);
  EXPECT_EQ(f.meetings[0].date, "2024-05-03");
}

TEST(AgreementExtractor, AGenericDescriptionAndTheNameAfterItAreOneAgreement) {
  Facts f = extract(
      "Ministers from Peru and Chile signed an intergovernmental agreement in Lima on Friday, 4 July 2025. "
      "The Andean Grid Agreement was signed at the foreign ministry.");
  ASSERT_EQ(f.agreements.size(), 1u);
  EXPECT_EQ(f.entities[f.agreements[0].agreement].label, "Andean Grid Agreement");
  EXPECT_EQ(f.agreements[0].signed_on, "2025-07-04");
}

TEST(MeetingExtractor, ThoseWhoChairSpeakAtOrLeaveAGatheringAttendedIt) {
  Facts f = extract(
      "Oil Minister Omar Fahd, who chaired the meeting, spoke first. "
      "Energy Minister Lina Haddad said at the meeting that prices were low. "
      "Petroleum Minister Yusuf Bello left the talks early.");
  ASSERT_EQ(f.meetings.size(), 1u);
  EXPECT_EQ(f.meetings[0].attendees.size(), 3u);
  ASSERT_EQ(f.quotations.size(), 1u);
  EXPECT_EQ(f.quotations[0].text, "prices were low");
}

TEST(AgreementExtractor, DescriptionsCoreferToTheAgreement) {
  Facts f = extract("Norway and Iceland signed a fisheries accord on Monday. The accord sets quotas. Critics said the deal was weak.");
  EXPECT_EQ(count(f, EntityKind::kAgreement), 1u);
}

TEST(DateExtractor, WeekdaysResolveAgainstThePublishedDate) {
  Facts f = extract("Norway and Iceland signed a fisheries accord on Friday.", "2024-06-05T10:00:00Z");
  ASSERT_EQ(f.agreements.size(), 1u);
  EXPECT_EQ(f.agreements[0].signed_on, "2024-05-31");
}

TEST(DateExtractor, UnanchoredWeekdaysAreLeftOut) {
  Facts f = extract("Norway and Iceland signed a fisheries accord on Friday.");
  ASSERT_EQ(f.agreements.size(), 1u);
  EXPECT_EQ(f.agreements[0].signed_on, "");
}

TEST(MeetingExtractor, WhoMetWhomWhereAndWhen) {
  Facts f = extract("Foreign Minister Kari Holm met Trade Minister Lars Dahl in Oslo on 3 June 2024.");
  ASSERT_EQ(f.meetings.size(), 1u);
  EXPECT_EQ(f.meetings[0].attendees.size(), 2u);
  ASSERT_TRUE(f.meetings[0].place);
  EXPECT_EQ(f.entities[*f.meetings[0].place].label, "Oslo");
  EXPECT_EQ(f.meetings[0].date, "2024-06-03");
}

}  // namespace
}  // namespace newskg

namespace newskg {
namespace {

TEST(NameExtractor, ShortCompanyNameIsTheFullCompany) {
  Facts f = extract("Northwind Petroleum Corp agreed to buy a rival. Northwind Chief Executive Dana Whitfield said it was a fit.");
  const Entity* northwind = find(f, EntityKind::kOrganization, "Northwind Petroleum Corp");
  ASSERT_NE(northwind, nullptr);
  EXPECT_EQ(northwind->key, "northwind-petroleum");  // the legal form is not identity
  EXPECT_EQ(count(f, EntityKind::kOrganization), 1u);
  ASSERT_EQ(f.posts.size(), 1u);
  ASSERT_TRUE(f.posts[0].post_in);
  EXPECT_EQ(f.posts[0].post_in, id_of(f, northwind));
}

TEST(NameExtractor, CommonAcronymsAndNumeralsAreNotOrganizations) {
  Facts f = extract("GDP grew while the CEO spoke about the museum of Mohammed VI.");
  EXPECT_EQ(count(f, EntityKind::kOrganization), 0u);
}

TEST(NameExtractor, PlaceNounsAndPlacesAfterIn) {
  Facts f = extract("The refinery in Tulsa will take crude from Zhejiang province.");
  EXPECT_NE(find(f, EntityKind::kPlace, "Tulsa"), nullptr);
  EXPECT_NE(find(f, EntityKind::kPlace, "Zhejiang province"), nullptr);
}

TEST(NameExtractor, OfficeQualifiersAndApposition) {
  Facts f = extract("Chinese Vice Premier Han Zhiyuan arrived. Tuvalu's Prime Minister, Simeona Laupepa, spoke.");
  ASSERT_EQ(f.posts.size(), 2u);
  EXPECT_EQ(f.posts[0].label, "Vice Premier");
  EXPECT_EQ(f.entities[f.posts[1].holder].label, "Simeona Laupepa");
}

TEST(NameExtractor, DescribedMinistryIsAnOrganization) {
  Facts f = extract("Oslo talks. \u201cWe are ready,\u201d the Norwegian foreign ministry said in a statement.");
  const Entity* ministry = find(f, EntityKind::kOrganization, "foreign ministry");
  ASSERT_NE(ministry, nullptr);
  ASSERT_EQ(f.quotations.size(), 1u);
  EXPECT_EQ(f.quotations[0].speaker, id_of(f, ministry));
}

TEST(NameExtractor, UnplacedTitleTakesTheOtherCountryOfItsSentence) {
  Facts f = extract("Defence Minister Rajiv Rao met his US counterpart Defence Secretary John Doe in Paris, France, "
                    "and said India would buy jets.");
  ASSERT_EQ(f.posts.size(), 2u);
  for (const Post& p : f.posts) {
    ASSERT_TRUE(p.post_in);
    EXPECT_EQ(f.entities[*p.post_in].label, f.entities[p.holder].label == "Rajiv Rao" ? "India" : "United States");
  }
}

}  // namespace
}  // namespace newskg

namespace newskg {
namespace {

TEST(NameExtractor, HyphenatedSurnamesAndShorterFormsCorefer) {
  Facts f = extract("Senegal's President, Aminata Diouf-Sall, arrived. Ms Diouf-Sall spoke. "
                    "Prime Minister Henrique Sá Nogueira replied, and Sá Nogueira left.");
  EXPECT_EQ(count(f, EntityKind::kPerson), 2u);
  EXPECT_NE(find(f, EntityKind::kPerson, "Ms Diouf-Sall"), nullptr);
}

TEST(NameExtractor, ParticlesInARowStayInsideNames) {
  Facts f = extract("The chief executive, Dr Mieke van der Berg, spoke first. Dr van der Berg said costs would fall.");
  EXPECT_EQ(count(f, EntityKind::kPerson), 1u);
  EXPECT_NE(find(f, EntityKind::kPerson, "Mieke van der Berg"), nullptr);
  EXPECT_NE(find(f, EntityKind::kPerson, "Dr van der Berg"), nullptr);
}

TEST(NameExtractor, ParticlesStayInsideNames) {
  Facts f = extract("Foreign Minister Luís de Sousa Vilar arrived. Mr de Sousa Vilar said the visit went well.");
  EXPECT_EQ(count(f, EntityKind::kPerson), 1u);
  EXPECT_NE(find(f, EntityKind::kPerson, "Luís de Sousa Vilar"), nullptr);
}

}  // namespace
}  // namespace newskg

namespace newskg {
namespace {

TEST(StanceExtractor, RejectingAnAgreementOpposesIt) {
  Facts f = extract("Norway and Iceland signed a fisheries accord. Opposition Leader Einar Holt rejected the fisheries accord.");
  ASSERT_EQ(f.stances.size(), 1u);
  EXPECT_EQ(f.stances[0].polarity, Polarity::kOpposes);
  EXPECT_EQ(f.entities[f.stances[0].topic].kind, EntityKind::kAgreement);
  EXPECT_EQ(f.entities[f.stances[0].holder].label, "Einar Holt");
}

TEST(StanceExtractor, FirstPersonSupportInAQuote) {
  Facts f = extract("Norway and Iceland signed a fisheries accord. \u201cWe welcome the accord,\u201d said Trade Minister Lars Dahl.");
  ASSERT_EQ(f.stances.size(), 1u);
  EXPECT_EQ(f.stances[0].polarity, Polarity::kSupports);
}

TEST(StanceExtractor, AVerbInsideTheReportedClauseIsNoStance) {
  Facts f = extract("Norway and Iceland signed a fisheries accord. Trade Minister Lars Dahl said that rejecting the accord would hurt Iceland.");
  EXPECT_TRUE(f.stances.empty());
}

}  // namespace
}  // namespace newskg
