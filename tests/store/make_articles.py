#!/usr/bin/env python3
"""Writes N short news-like articles as JSON Lines, for the store's scale and crash tests.

Each article is four sentences drawn from the example articles, with the people in them
renamed consistently inside the article, so each has its own graph, entities and quotes.
The same --seed gives the same bytes. (bench/make_corpus.py makes longer, richer articles.)
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ["Rajnath Singh", "Pete Hegseth", "Piyush Goyal", "S. Jaishankar", "Marco Rubio", "Donald Trump",
          "Narendra Modi"]
GIVEN = "Amara Bilal Camila Dmitri Elena Farid Greta Hiroshi Ines Jonas Kwame Leila Mateo Nadia Oskar".split()
FAMILY = "Abara Bergstrom Castellanos Dlamini Eriksen Fernandes Gorski Haddad Ivanova Jensen Kamau".split()


def sentences():
    found = []
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").partition("\n")[2]
        for sentence in re.split(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c])", body):
            sentence = sentence.strip()
            if 40 < len(sentence) < 400 and any(p.split()[-1] in sentence for p in PEOPLE):
                found.append(sentence)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pool = sentences()
    rng = random.Random(args.seed)
    for number in range(args.articles):
        text = " ".join(rng.sample(pool, 4))
        for person in PEOPLE:
            new_name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            text = text.replace(person, new_name).replace(person.split()[-1], new_name.split()[-1])
        record = {"id": f"generated-{args.seed}-{number:05d}", "title": f"Generated article {number}",
                  "published": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}", "publisher": "Store Test Wire",
                  "text": text}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
