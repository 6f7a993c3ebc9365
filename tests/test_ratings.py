"""Every verdict has a ClaimReview rating, an SNU FactCheck label and a terminal badge."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.color import Color

from claimcheck.errors import InputError
from claimcheck.ratings import VERDICTS, load_ratings


@pytest.fixture(scope="module")
def table():
    return load_ratings()


@pytest.mark.parametrize(
    ("verdict", "value", "snu"),
    [
        ("supported", 5, "사실"),
        ("mostly_supported", 4, "대체로 사실"),
        ("misleading", 3, "절반의 사실"),
        ("misattributed", 2, "대체로 사실 아님"),
        ("refuted", 1, "전혀 사실 아님"),
        ("unverifiable", None, "판단 유보"),
    ],
)
def test_reference_verdicts_on_the_snu_scale(table, verdict, value, snu):
    rating = table.rating("reference", verdict)
    assert (rating.rating_value, rating.snu_label) == (value, snu)


def test_every_verdict_of_every_kind_is_rated(table):
    for kind, verdicts in VERDICTS.items():
        assert set(table.verdicts[kind]) == set(verdicts)
    assert set(VERDICTS["cross_source"]) == {
        "agree",
        "compatible",
        "discrepancy",
        "contradiction",
        "single_source",
        "disputed",
    }
    assert set(VERDICTS["internal"]) == {"consistent", "inconsistent", "disputed", "unverifiable"}


def test_disputed_is_undetermined_and_named_in_korean(table):
    # SNU FactCheck's 논쟁 중: a dispute between sources carries no truth rating.
    for kind in ("cross_source", "internal"):
        rating = table.rating(kind, "disputed")
        assert (rating.rating_value, rating.snu_label, rating.label_ko) == (None, "판단 유보", "논쟁 중")


def test_claimreview_rating_for_a_rated_verdict(table):
    assert table.claimreview("reference", "refuted") == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": table.rating("reference", "refuted").alternate_name,
    }


def test_claimreview_rating_for_an_unrated_verdict_has_no_numbers(table):
    out = table.claimreview("reference", "unverifiable")
    assert set(out) == {"@type", "alternateName"}
    assert "Unverifiable" in out["alternateName"]


def test_cross_source_verdicts_do_not_rate_truth(table):
    # Agreement among reports is not verification: all are 판단 유보 (documented in the YAML).
    for verdict in VERDICTS["cross_source"]:
        rating = table.rating("cross_source", verdict)
        assert rating.rating_value is None and rating.snu_label == "판단 유보"


def test_internal_inconsistency_is_half_true(table):
    assert table.rating("internal", "inconsistent").snu_label == "절반의 사실"
    assert table.rating("internal", "consistent").rating_value == 5


def test_colours_are_rich_colours_and_badges_differ_within_a_kind(table):
    for kind, ratings in table.verdicts.items():
        badges = [r.badge for r in ratings.values()]
        assert len(badges) == len(set(badges)), kind
        for rating in ratings.values():
            Color.parse(rating.colour)  # raises on an unknown name
            assert rating.label_en and rating.label_ko and rating.alternate_name


def test_scale_is_snu_six_labels(table):
    assert [label.label_ko for label in table.scale.labels] == [
        "사실",
        "대체로 사실",
        "절반의 사실",
        "대체로 사실 아님",
        "전혀 사실 아님",
        "판단 유보",
    ]
    assert (table.scale.best_rating, table.scale.worst_rating) == (5, 1)


def test_headline_prefers_reference_then_the_worst_rating(table):
    findings = [("cross_source", "agree"), ("internal", "consistent"), ("reference", "misleading")]
    assert table.headline(findings) == ("reference", "misleading")
    both = [("reference", "supported"), ("reference", "refuted")]
    assert table.headline(both) == ("reference", "refuted")
    only_unrated = [("reference", "unverifiable"), ("internal", "inconsistent")]
    assert table.headline(only_unrated) == ("internal", "inconsistent")
    assert table.headline([]) is None


def test_unknown_verdict_is_a_key_error(table):
    with pytest.raises(KeyError):
        table.rating("reference", "true")


# --- bad files --------------------------------------------------------------------------

BUNDLED = Path(__file__).resolve().parents[1] / "claimcheck" / "data" / "ratings.yaml"


def _variant(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "ratings.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _fails(path: Path, needle: str) -> None:
    with pytest.raises(InputError) as info:
        load_ratings(path)
    message = str(info.value)
    # Look past the path: tmp_path holds the test's name, which may contain the needle.
    assert message.startswith(f"{path}: ") and needle in message[len(str(path)) :]


def test_the_bundled_file_round_trips(tmp_path):
    assert load_ratings(_variant(tmp_path, lambda d: None)) == load_ratings()


def test_a_missing_verdict_fails(tmp_path):
    _fails(_variant(tmp_path, lambda d: d["verdicts"]["reference"].pop("refuted")), "refuted")


def test_a_value_that_disagrees_with_its_snu_label_fails(tmp_path):
    def edit(data):
        data["verdicts"]["reference"]["misleading"]["rating_value"] = 4

    _fails(_variant(tmp_path, edit), "절반의 사실")


def test_an_unknown_key_fails(tmp_path):
    def edit(data):
        data["verdicts"]["internal"]["consistent"]["color"] = "green"

    _fails(_variant(tmp_path, edit), "color")


def test_an_unknown_snu_label_fails(tmp_path):
    def edit(data):
        data["verdicts"]["internal"]["consistent"]["snu_label"] = "참"

    _fails(_variant(tmp_path, edit), "snu_label")


def test_aliases_are_refused(tmp_path):
    path = tmp_path / "ratings.yaml"
    path.write_text("version: 1\nx: &a 1\ny: *a\n", encoding="utf-8")
    _fails(path, "anchors")
