#!/usr/bin/env python3
"""Writes a deterministic news-like corpus as JSON Lines, for benchmarks and scale tests.

Each article recombines sentences of the example and test articles (a base article with some
sentences swapped in from others) and substitutes people, countries, places, offices and dates
consistently within the article, so the extractors do real work on text that reads like news.
Countries, places and offices come from ontology/lexicon; people's names are built from a
small list of given and family names; the same --seed gives the same bytes.

    bench/make_corpus.py --articles 10000 --seed 1 > corpus.jsonl
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples" / "articles", ROOT / "tests" / "corpus", ROOT / "tests" / "golden" / "dev"]
GOLD = [ROOT / "tests" / "gold", ROOT.parent / "shared" / "eval" / "gold"]

GIVEN = """Amara Bilal Camila Dmitri Elena Farid Greta Hiroshi Ines Jonas Kwame Leila Mateo Nadia
Oskar Priya Rafael Sofia Tomas Usha Viktor Wanjiru Xavier Yasmin Zoran Adaeze Bongani Chloe Darius
Esra Felipe Gulnara Hamid Ingrid Jae-won Kofi Lucia Mehmet Nkechi Olga Pedro Rania Sven Tariq""".split()
FAMILY = """Abara Bergstrom Castellanos Dlamini Eriksen Fernandes Gorski Haddad Ivanova Jensen Kamau
Lindqvist Moreau Nakamura Okonkwo Petrov Quintero Rahman Santos Tanaka Uribe Varga Weber Xu Yilmaz
Zeller Achebe Barros Chaudhry Delgado Esposito Fontaine Grimaldi Halvorsen Iqbal Jovanovic Kowalski
Lemaire Mensah Novak Osei Pereira Rossi Sato Toure Vasquez Wojcik""".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PUBLISHERS = ["Meridian Wire", "The Daily Ledger", "Harbour Times", "Continental Post", "Global Dispatch"]

SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"'\u2018])")


def read_articles():
    """(title, paragraphs as lists of sentences, file stem) for every source article."""
    articles = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix == ".txt":
                text = path.read_text(encoding="utf-8")
                title, _, body = text.partition("\n")
            elif path.suffix == ".json":
                record = json.loads(path.read_text(encoding="utf-8"))
                title, body = record.get("title", ""), record.get("text", "")
            else:
                continue
            paragraphs = []
            for block in re.split(r"\n\s*\n|\n", body):
                sentences = [s.strip() for s in SENTENCE_END.split(block.strip()) if s.strip()]
                if sentences:
                    paragraphs.append(sentences)
            if paragraphs:
                articles.append((title.strip(), paragraphs, path.stem))
    return articles


def read_people():
    """Person names of the gold annotations: lists of variants, longest first."""
    people = []
    for folder in GOLD:
        for path in sorted(folder.glob("*.json")):
            for entity in json.loads(path.read_text(encoding="utf-8")).get("entities", []):
                if entity.get("type") == "Person" and entity.get("names"):
                    names = sorted(set(entity["names"]), key=lambda n: (-len(n), n))
                    if len(names[0].split()) >= 2:
                        people.append(names)
    return people


def read_labels(name):
    text = (ROOT / "ontology" / "lexicon" / name).read_text(encoding="utf-8")
    labels = sorted(set(re.findall(r'skos:prefLabel\s+"([^"]+)"@en', text)))
    # the scheme's own label ("Countries", "Offices") is not a member
    return [label for label in labels if label not in ("Countries", "Places", "Offices")]


class Substitution:
    """Whole-word replacements for one article, longest source string first."""

    def __init__(self, text):
        self.text = text
        self.pairs = {}

    def add(self, source, target):
        # only strings that occur keep the pattern small (a regex of 1000 alternatives is slow)
        if source and source not in self.pairs and source in self.text:
            self.pairs[source] = target

    def apply(self, text):
        if not self.pairs:
            return text
        keys = sorted(self.pairs, key=lambda k: (-len(k), k))
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")
        return pattern.sub(lambda m: self.pairs[m.group(1)], text)


def substitution_for(rng, text, people, countries, places, offices):
    sub = Substitution(text)
    for names in people:
        if names[0] in text or any(n in text for n in names[1:] if len(n.split()) >= 2):
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            full = names[0].split()
            for variant in names:
                words = variant.split()
                if variant == names[0]:
                    sub.add(variant, f"{given} {family}")
                elif words[-1] == full[-1]:
                    sub.add(variant, " ".join(words[:-2] + [given, family]) if len(words) > 2 else
                            (f"{given} {family}" if len(words) == 2 else family))
            sub.add(full[-1], family)
    for pool in (countries, places, offices):
        for label in pool:
            if label in text:
                sub.add(label, rng.choice(pool))
    for month in MONTHS:
        sub.add(month, rng.choice(MONTHS))
    for day in WEEKDAYS:
        sub.add(day, rng.choice(WEEKDAYS))
    for year in sorted(set(re.findall(r"\b20[0-3]\d\b", text))):
        sub.add(year, str(rng.randint(2015, 2030)))
    return sub


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    articles = read_articles()
    people = read_people()
    countries, places, offices = read_labels("countries.ttl"), read_labels("places.ttl"), read_labels("offices.ttl")
    all_sentences = [s for _, paragraphs, _ in articles for p in paragraphs for s in p]

    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    with out:
        for n in range(args.articles):
            title, paragraphs, stem = rng.choice(articles)
            body = []
            for paragraph in paragraphs:
                sentences = [rng.choice(all_sentences) if rng.random() < 0.25 else s for s in paragraph]
                body.append(" ".join(sentences))
            text = "\n\n".join(body)
            sub = substitution_for(rng, title + "\n" + text, people, countries, places, offices)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            record = {
                "id": f"bench-{args.seed}-{n:07d}",
                "url": f"https://news.example/{stem}/{n}",
                "title": sub.apply(title),
                "published": f"{rng.randint(2015, 2030)}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:00:00Z",
                "publisher": rng.choice(PUBLISHERS),
                "text": sub.apply(text),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
