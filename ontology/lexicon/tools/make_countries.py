#!/usr/bin/env python3
"""Generate ../countries.ttl (the lex:countries concept scheme) from Debian's iso-codes.

Every sovereign state gets one skos:Concept, IRI lex:country/<alpha-2>, with its ISO 3166-1 codes
(skos:notation alpha-2, nkg:alpha3), a short English name as skos:prefLabel, the ISO names and
the common short forms below as skos:altLabel, and its demonyms (adjective forms) as nkg:demonym.

The ISO data comes from iso-codes (Debian package `iso-codes`); the names and demonyms ISO does not
give are data in this file. Edit them here and re-run; the library reads only countries.ttl.

    python3 make_countries.py [--iso PATH] [--out PATH]

Python 3 standard library only. Output is deterministic (sorted by alpha-2, no timestamps).
"""

import argparse
import json
import os
import sys

DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, os.pardir, "countries.ttl")

# ISO 3166-1 entries that are not sovereign states: dependencies, territories, uninhabited
# islands, Antarctica, and Western Sahara (disputed). Everything else in ISO 3166-1 is one of
# the 193 UN members, an observer state (the Holy See, Palestine), or Taiwan.
NOT_SOVEREIGN = set("""
AW AI AX AS AQ TF BQ BL BM BV CC CK CW CX KY EH FK FO GG GI GP GL GF GU HK HM IM IO JE MO MF MP
MS MQ YT NC NF NU PN PR PF RE GS SH SJ PM SX TC TK UM VG VI WF
""".split())

# States that ISO 3166-1 does not list (user-assigned codes in common use).
EXTRA_STATES = [
    {"alpha_2": "XK", "alpha_3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo"},
]

# prefLabel: the short English name news uses, where ISO's name is inverted ("Korea, Republic
# of") or formal ("Russian Federation"). ISO's own name then becomes an altLabel.
PREF_LABEL = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VN": "Vietnam",
}

# Other surface forms: short forms, abbreviations, older and alternative names.
ALIASES = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "AG": ["Antigua"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BS": ["The Bahamas"],
    "CD": ["DR Congo", "D.R. Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CF": ["CAR"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["PRC", "mainland China"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "GM": ["The Gambia"],
    "IE": ["Republic of Ireland", "Eire"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "ROK", "Korea"],
    "LA": ["Lao PDR"],
    "LC": ["St Lucia", "St. Lucia"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "NL": ["the Netherlands", "Holland"],
    "PG": ["PNG"],
    "SA": ["KSA"],
    "ST": ["São Tomé and Príncipe"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Turkey", "Turkiye"],
    "TT": ["Trinidad"],
    "TW": ["Chinese Taipei"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "the United States", "United States of America"],
    "VA": ["Vatican", "Holy See", "Vatican City State"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines", "Saint Vincent"],
}

# Demonyms: adjective forms (and, where news uses one, the noun for a national). Each is unique
# across countries. "Congolese" is given to the Democratic Republic of the Congo and "Dominican"
# to the Dominican Republic only, since a demonym must point at one country; the Republic of the
# Congo and Dominica have no demonym of their own in English.
DEMONYMS = {
    "AD": ["Andorran"], "AE": ["Emirati"], "AF": ["Afghan"], "AG": ["Antiguan", "Barbudan"],
    "AL": ["Albanian"], "AM": ["Armenian"], "AO": ["Angolan"], "AR": ["Argentine", "Argentinian"],
    "AT": ["Austrian"], "AU": ["Australian"], "AZ": ["Azerbaijani", "Azeri"],
    "BA": ["Bosnian", "Herzegovinian"], "BB": ["Barbadian", "Bajan"], "BD": ["Bangladeshi"],
    "BE": ["Belgian"], "BF": ["Burkinabe", "Burkinabè"], "BG": ["Bulgarian"], "BH": ["Bahraini"],
    "BI": ["Burundian"], "BJ": ["Beninese"], "BN": ["Bruneian"], "BO": ["Bolivian"],
    "BR": ["Brazilian"], "BS": ["Bahamian"], "BT": ["Bhutanese"],
    "BW": ["Botswanan", "Motswana", "Batswana"], "BY": ["Belarusian", "Belarussian"],
    "BZ": ["Belizean"], "CA": ["Canadian"], "CD": ["Congolese"], "CF": ["Central African"],
    "CG": [], "CH": ["Swiss"], "CI": ["Ivorian"], "CL": ["Chilean"], "CM": ["Cameroonian"],
    "CN": ["Chinese"], "CO": ["Colombian"], "CR": ["Costa Rican"], "CU": ["Cuban"],
    "CV": ["Cape Verdean", "Cabo Verdean"], "CY": ["Cypriot"], "CZ": ["Czech"], "DE": ["German"],
    "DJ": ["Djiboutian"], "DK": ["Danish"], "DM": [], "DO": ["Dominican"], "DZ": ["Algerian"],
    "EC": ["Ecuadorian", "Ecuadorean"], "EE": ["Estonian"], "EG": ["Egyptian"], "ER": ["Eritrean"],
    "ES": ["Spanish"], "ET": ["Ethiopian"], "FI": ["Finnish"], "FJ": ["Fijian"],
    "FM": ["Micronesian"], "FR": ["French"], "GA": ["Gabonese"], "GB": ["British"],
    "GD": ["Grenadian"], "GE": ["Georgian"], "GH": ["Ghanaian"], "GM": ["Gambian"],
    "GN": ["Guinean"], "GQ": ["Equatorial Guinean", "Equatoguinean"], "GR": ["Greek", "Hellenic"],
    "GT": ["Guatemalan"], "GW": ["Bissau-Guinean"], "GY": ["Guyanese"], "HN": ["Honduran"],
    "HR": ["Croatian", "Croat"], "HT": ["Haitian"], "HU": ["Hungarian"], "ID": ["Indonesian"],
    "IE": ["Irish"], "IL": ["Israeli"], "IN": ["Indian"], "IQ": ["Iraqi"], "IR": ["Iranian"],
    "IS": ["Icelandic"], "IT": ["Italian"], "JM": ["Jamaican"], "JO": ["Jordanian"],
    "JP": ["Japanese"], "KE": ["Kenyan"], "KG": ["Kyrgyz", "Kyrgyzstani"], "KH": ["Cambodian"],
    "KI": ["I-Kiribati"], "KM": ["Comorian", "Comoran"], "KN": ["Kittitian", "Nevisian"],
    "KP": ["North Korean"], "KR": ["South Korean", "Korean"], "KW": ["Kuwaiti"],
    "KZ": ["Kazakh", "Kazakhstani"], "LA": ["Laotian", "Lao"], "LB": ["Lebanese"],
    "LC": ["Saint Lucian", "St Lucian"], "LI": ["Liechtensteiner"], "LK": ["Sri Lankan"],
    "LR": ["Liberian"], "LS": ["Basotho", "Mosotho"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger"], "LV": ["Latvian"], "LY": ["Libyan"],
    "MA": ["Moroccan"], "MC": ["Monegasque", "Monégasque"], "MD": ["Moldovan"],
    "ME": ["Montenegrin"], "MG": ["Malagasy"], "MH": ["Marshallese"],
    "MK": ["Macedonian", "North Macedonian"], "ML": ["Malian"], "MM": ["Burmese", "Myanmarese"],
    "MN": ["Mongolian"], "MR": ["Mauritanian"], "MT": ["Maltese"], "MU": ["Mauritian"],
    "MV": ["Maldivian"], "MW": ["Malawian"], "MX": ["Mexican"], "MY": ["Malaysian"],
    "MZ": ["Mozambican"], "NA": ["Namibian"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "NI": ["Nicaraguan"], "NL": ["Dutch"], "NO": ["Norwegian"], "NP": ["Nepali", "Nepalese"],
    "NR": ["Nauruan"], "NZ": ["New Zealander"], "OM": ["Omani"], "PA": ["Panamanian"],
    "PE": ["Peruvian"], "PG": ["Papua New Guinean"], "PH": ["Filipino", "Philippine"],
    "PK": ["Pakistani"], "PL": ["Polish"], "PS": ["Palestinian"], "PT": ["Portuguese"],
    "PW": ["Palauan"], "PY": ["Paraguayan"], "QA": ["Qatari"], "RO": ["Romanian"],
    "RS": ["Serbian", "Serb"], "RU": ["Russian"], "RW": ["Rwandan"],
    "SA": ["Saudi", "Saudi Arabian"], "SB": ["Solomon Islander"], "SC": ["Seychellois"],
    "SD": ["Sudanese"], "SE": ["Swedish"], "SG": ["Singaporean"], "SI": ["Slovenian", "Slovene"],
    "SK": ["Slovak", "Slovakian"], "SL": ["Sierra Leonean"], "SM": ["Sammarinese"],
    "SN": ["Senegalese"], "SO": ["Somali"], "SR": ["Surinamese"], "SS": ["South Sudanese"],
    "ST": ["Santomean", "São Toméan"], "SV": ["Salvadoran", "Salvadorean"], "SY": ["Syrian"],
    "SZ": ["Swazi"], "TD": ["Chadian"], "TG": ["Togolese"], "TH": ["Thai"],
    "TJ": ["Tajik", "Tajikistani"], "TL": ["Timorese", "East Timorese"], "TM": ["Turkmen"],
    "TN": ["Tunisian"], "TO": ["Tongan"], "TR": ["Turkish"], "TT": ["Trinidadian", "Tobagonian"],
    "TV": ["Tuvaluan"], "TW": ["Taiwanese"], "TZ": ["Tanzanian"], "UA": ["Ukrainian"],
    "UG": ["Ugandan"], "US": ["American"], "UY": ["Uruguayan"], "UZ": ["Uzbek", "Uzbekistani"],
    "VA": ["Papal"], "VC": ["Vincentian"], "VE": ["Venezuelan"], "VN": ["Vietnamese"],
    "VU": ["Ni-Vanuatu", "Vanuatuan"], "WS": ["Samoan"], "XK": ["Kosovan", "Kosovar"],
    "YE": ["Yemeni"], "ZA": ["South African"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
}

# Demonyms deliberately absent (see DEMONYMS above).
NO_DEMONYM = {"CG", "DM"}

HEADER = """\
# The lex:countries concept scheme: every sovereign state, with ISO 3166-1 codes and demonyms.
# GENERATED by tools/make_countries.py from Debian's iso-codes (iso_3166-1.json) and the names and
# demonyms in that script. Do not edit by hand: edit the script and re-run it.

@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix nkg:     <https://w3id.org/newskg/ontology#> .
@prefix lex:     <https://w3id.org/newskg/lexicon/> .
@prefix country: <https://w3id.org/newskg/lexicon/country/> .
@prefix dcterms: <http://purl.org/dc/terms/> .

lex:countries a skos:ConceptScheme ;
    skos:prefLabel "Countries"@en ;
    skos:definition "Sovereign states (UN members, the Holy See, Palestine, Taiwan and Kosovo), one concept each, IRI lex:country/<ISO 3166-1 alpha-2>."@en ;
    dcterms:source <https://salsa.debian.org/iso-codes-team/iso-codes> .
"""


def turtle_string(text):
    """A Turtle string literal for text (double quotes, escaped)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    return '"' + escaped + '"'


def usable_name(name):
    """ISO gives some names inverted ("Korea, Republic of") or with notes in brackets; such a
    form never appears in running text, so it is not a label."""
    return name and "," not in name and "(" not in name


def strip_article(name):
    return name[4:] if name.startswith("the ") else name


def build(iso_path):
    with open(iso_path, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    states = [e for e in entries if e["alpha_2"] not in NOT_SOVEREIGN] + EXTRA_STATES
    states.sort(key=lambda e: e["alpha_2"])

    concepts = []
    for e in states:
        code = e["alpha_2"]
        pref = PREF_LABEL.get(code) or e.get("common_name") or e["name"]
        if not usable_name(pref):
            sys.exit(f"{code}: no usable prefLabel ({pref!r}); add one to PREF_LABEL")
        alts = []
        for candidate in ([e["name"], e.get("common_name", ""), strip_article(e.get("official_name", ""))]
                          + ALIASES.get(code, [])):
            if usable_name(candidate) and candidate != pref and candidate not in alts:
                alts.append(candidate)
        demonyms = DEMONYMS.get(code)
        if demonyms is None or (not demonyms and code not in NO_DEMONYM):
            sys.exit(f"{code} ({pref}): no demonym; add one to DEMONYMS")
        concepts.append({"code": code, "alpha3": e["alpha_3"], "pref": pref, "alts": alts,
                         "demonyms": demonyms})
    check(concepts)
    return concepts


def check(concepts):
    """Each label and demonym names one country only; no demonym is also a label."""
    seen = {}
    for c in concepts:
        for label in [c["pref"]] + c["alts"]:
            key = label.casefold()
            if key in seen and seen[key] != c["code"]:
                sys.exit(f"label {label!r} given to both {seen[key]} and {c['code']}")
            seen[key] = c["code"]
    demonym_seen = {}
    for c in concepts:
        for d in c["demonyms"]:
            key = d.casefold()
            if key in seen:
                sys.exit(f"demonym {d!r} of {c['code']} is also a label of {seen[key]}")
            if key in demonym_seen:
                sys.exit(f"demonym {d!r} given to both {demonym_seen[key]} and {c['code']}")
            demonym_seen[key] = c["code"]
    unknown = (set(DEMONYMS) | set(ALIASES) | set(PREF_LABEL)) - {c["code"] for c in concepts}
    if unknown:
        sys.exit(f"data for codes that are not states: {sorted(unknown)}")


def render(concepts):
    out = [HEADER]
    for c in concepts:
        lines = [f"country:{c['code']} a skos:Concept ;",
                 "    skos:inScheme lex:countries ;",
                 f"    skos:prefLabel {turtle_string(c['pref'])}@en ;"]
        if c["alts"]:
            lines.append("    skos:altLabel " + ", ".join(turtle_string(a) + "@en" for a in c["alts"]) + " ;")
        lines.append(f"    skos:notation {turtle_string(c['code'])} ;")
        if c["demonyms"]:
            lines.append(f"    nkg:alpha3 {turtle_string(c['alpha3'])} ;")
            lines.append("    nkg:demonym " + ", ".join(turtle_string(d) + "@en" for d in c["demonyms"]) + " .")
        else:
            lines.append(f"    nkg:alpha3 {turtle_string(c['alpha3'])} .")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iso", default=DEFAULT_ISO, help="iso-codes iso_3166-1.json")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output Turtle file")
    args = parser.parse_args()
    concepts = build(args.iso)
    text = render(concepts)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    n_dem = sum(len(c["demonyms"]) for c in concepts)
    print(f"{os.path.normpath(args.out)}: {len(concepts)} countries, {n_dem} demonyms", file=sys.stderr)


if __name__ == "__main__":
    main()
