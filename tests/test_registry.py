"""The outlet registry: shipped entries, lookups by name/alias/domain/URL, user overrides."""

from __future__ import annotations

import pickle

import pytest

from site_gen.reader import license_info
from site_gen.registry import Registry, RegistryError, default_registry, load_registry


@pytest.mark.parametrize(
    "query, name",
    [
        ("Press Tv", "Press TV"),
        ("PressTV", "Press TV"),
        ("presstv.com", "Press TV"),
        ("https://www.presstv.ir/Detail/2023/06/21/1", "Press TV"),
        ("Mehr", "Mehr News Agency"),
        ("en.mehrnews.com", "Mehr News Agency"),
        ("the new york times", "The New York Times"),
        ("Reuters", "Reuters"),
        ("AP", "Associated Press"),
        ("ТАСС", "TASS"),
        ("РИА Новости", "RIA Novosti"),
        ("Saudi Press Agency", "Saudi Press Agency"),
        ("Tehran Times", "Tehran Times"),
    ],
)
def test_lookup(query, name):
    found = default_registry().lookup(query)
    assert found is not None and found.name == name


def test_unknown_outlet_is_cleaned_not_invented():
    reg = default_registry()
    assert reg.lookup("Some Local Paper") is None
    assert reg.canonical("  Some   Local Paper. ") == "Some Local Paper"
    assert reg.canonical("http://www.tmz.com") == "TMZ"
    assert reg.canonical("http://www.unknown-site.org/") == "unknown-site.org"
    assert reg.canonical("Radio Example (REX)") == "Radio Example (REX)"  # its bracket kept
    assert reg.canonical("(REX)") == "REX"


def test_registry_is_picklable_and_frozen():
    reg = default_registry()
    again = pickle.loads(pickle.dumps(reg))
    assert again.lookup("PressTV").name == "Press TV"
    with pytest.raises(AttributeError):
        reg.sources = ()  # type: ignore[misc]


def test_user_sources_win_and_extend():
    user = """
[[outlet]]
name = "PressTV English"
aliases = ["Press TV"]
country = "IR"

[[outlet]]
name = "Example Gazette"
domains = ["gazette.example"]
lang = "en"
"""
    reg = load_registry(user, "sources.toml")
    assert reg.lookup("Press Tv").name == "PressTV English"
    assert reg.lookup("presstv.ir").name == "PressTV English"
    assert reg.lookup("https://news.gazette.example/a").name == "Example Gazette"
    assert isinstance(reg, Registry)


def test_bad_user_sources_name_the_file():
    with pytest.raises(RegistryError, match="sources.toml"):
        load_registry("[[outlet]]\nname = \n", "sources.toml")
    with pytest.raises(RegistryError, match="no name"):
        load_registry("[[outlet]]\naliases = ['x']\n", "sources.toml")


def test_license_info():
    assert license_info("CC-BY-4.0") == (
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert license_info("all-rights-reserved") == ("All rights reserved", None)
    assert (
        license_info("CC-BY-NC-ND-2.5")[1] == "https://creativecommons.org/licenses/by-nc-nd/2.5/"
    )


def test_load_from_file(tmp_path):
    path = tmp_path / "sources.toml"
    text = '[[outlet]]\nname = "Local Gazette"\ndomains = ["gazette.test"]\n'
    path.write_text(text, encoding="utf-8")
    reg = Registry.load(str(path))
    assert reg.lookup("gazette.test").name == "Local Gazette"
    assert Registry.load(str(tmp_path / "missing.toml")).lookup("Reuters").name == "Reuters"


def test_license_short_form() -> None:
    from site_gen.reader.licenses import license_short

    assert license_short("CC-BY-SA-4.0") == "CC BY-SA 4.0"
    assert license_short("CC-BY-4.0") == "CC BY 4.0"
    assert license_short("all-rights-reserved") is None and license_short("MIT") is None
