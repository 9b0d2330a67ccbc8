"""The lexicon as data: defaults, extension for another war, clear errors."""

import polars as pl
import pytest

import warclaims


def test_default_has_the_model_names():
    lex = warclaims.Lexicon.default()
    assert "Syrian Observatory for Human Rights" in lex.ids("source")
    assert {"Palmyra", "Tiyas air base", "Deir ez-Zor"} <= set(lex.ids("place"))


def test_another_war_lexicon_extracts(tmp_path):
    toml = tmp_path / "afghanistan.toml"
    toml.write_text(
        '[[party]]\nid = "Taliban"\nunit = "fighter"\naliases = ["Taliban", "insurgents"]\n'
        '[[place]]\nid = "Ghazni"\ncountry = "Afghanistan"\nlat = 33.55\nlon = 68.42\n'
        'aliases = ["Ghazni", "Ghazni province"]\n'
    )
    lex = warclaims.Lexicon.default().extend(toml)
    ex = warclaims.extract(
        [
            {
                "id": "isaf",
                "published": "2013-01-25",
                "text": "An Afghan and coalition force killed 12 Taliban insurgents "
                "in Ghazni yesterday.",
            }
        ],
        lexicon=lex,
    )
    row = ex.claims.row(0, named=True)
    assert (row["kind"], row["low"], row["actor"], row["place"]) == (
        "killed",
        12,
        "Taliban",
        "Ghazni",
    )
    assert str(row["date_start"]) == "2013-01-24"


def test_bad_lexicon_names_file_and_entry(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[place]]\nid = "X"\nlat = 123.0\nlon = 0.0\n')
    with pytest.raises(warclaims.LexiconError, match=r"bad\.toml.*place \"x\""):
        warclaims.Lexicon.default().extend(bad)
    with pytest.raises(warclaims.LexiconError, match="colour"):
        warclaims.Lexicon.default().extend({"party": [{"id": "X", "colour": "red"}]})


def test_round_trip(tmp_path):
    lex = warclaims.Lexicon.default()
    lex.save(tmp_path / "l.toml")
    again = warclaims.Lexicon.from_file(tmp_path / "l.toml")
    assert again.ids("party") == lex.ids("party")


def test_a_generic_party_needs_a_known_role():
    bad = {"party": [{"id": "the forces", "generic": "army", "aliases": ["the forces"]}]}
    with pytest.raises(warclaims.LexiconError, match="generic"):
        warclaims.Lexicon.default().extend(bad)


def test_a_users_party_takes_a_generic_role_in_its_war():
    lex = warclaims.Lexicon.default().extend(
        {
            "party": [
                {"id": "Mali", "country": "Mali", "unit": "soldier", "aliases": ["Malian army"]},
                {"id": "JNIM", "against": ["Mali"], "roles": ["armed"], "aliases": ["JNIM"]},
            ],
            "place": [{"id": "Mali", "country": "Mali", "aliases": ["Mali"]}],
        }
    )
    text = "JNIM attacked the Malian army in Mali. The army said it killed 30 militants."
    ex = warclaims.extract([{"id": "m", "text": text, "published": "2024-01-01"}], lexicon=lex)
    assert ex.claims.select("kind", "low", "actor").rows() == [("killed", 30, "JNIM")]


def test_the_documented_new_war_lexicon_works(tmp_path):
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "lexicon.md").read_text()
    toml = re.search(r"## A new war in a few lines\n\n```toml\n(.*?)```", doc, re.S).group(1)
    path = tmp_path / "sahel.toml"
    path.write_text(toml)
    lex = warclaims.Lexicon.default().extend(path)
    text = (
        "JNIM fighters attacked the Malian army near Menaka in Mali. "
        "The army said it killed 30 militants and retook Tessit."
    )
    ex = warclaims.extract([{"id": "m", "published": "2024-03-01", "text": text}], lexicon=lex)
    assert ex.claims.select("kind", "low", "actor", "agent").rows() == [
        ("killed", 30, "JNIM", "Mali")
    ]
    captured = ex.control.filter(pl.col("action") == "captured")
    assert captured.select("place", "actor").rows() == [("Tessit", "Mali")]


def test_an_extension_can_take_an_alias_away():
    # "the army" in another war should not name the default war's state forces.
    lex = warclaims.Lexicon.default().extend(
        {"party": [{"id": "state forces", "remove_aliases": ["the army", "army"]}]}
    )
    text = ["The army said 12 soldiers were killed near Palmyra."]
    assert warclaims.extract(text).claims.get_column("source").to_list() == ["Syrian government"]
    ex = warclaims.extract(text, lexicon=lex)
    assert ex.claims.get_column("source").to_list() == [None]


def test_an_alias_that_changes_hands_is_said():
    with pytest.warns(UserWarning, match='"the army": party "state forces" -> "Mali"'):
        warclaims.Lexicon.default().extend(
            {"party": [{"id": "Mali", "country": "Mali", "aliases": ["the army"]}]}
        )
