"""The generator of the known-places list (scripts/make_places.py), on invented data."""

from __future__ import annotations

from scripts.make_places import names


def _city(name, population, country="XQ", alternates=()):
    return {"name": name, "population": population, "countrycode": country,
            "alternatenames": list(alternates)}


def test_big_cities_and_capitals_with_their_cased_or_arabic_names_of_up_to_three_words():
    cities = {
        "1": _city("Velmar City", 250_000, alternates=["Velmarstadt", "velmar-gorod",
                                                       "Big Old Velmar Town", "Вельмар",
                                                       "فيلمار"]),
        "2": _city("Quessa", 20_000),  # small, but the capital
        "3": _city("Lowtown", 20_000),  # small, and no capital
        "4": _city("Quessa", 30_000, country="XR"),  # the capital's namesake elsewhere: no
    }
    countries = {"XQ": {"iso": "XQ", "capital": "Quessa"}, "XR": {"iso": "XR", "capital": ""}}
    assert names(cities, countries, 100_000) == [
        "Quessa", "Velmar City", "Velmarstadt", "Вельмар", "فيلمار"
    ]


def test_the_shipped_list_is_sorted_and_one_name_a_line():
    from importlib import resources

    text = resources.files("site_gen").joinpath("data/places.txt").read_text("utf-8")
    listed = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert listed == sorted(set(listed)) and len(listed) > 10_000
