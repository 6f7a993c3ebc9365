"""A minus sign is part of a figure; a fall written with a sign and a verb is negated once."""

from __future__ import annotations

import datetime as dt

from claimcheck.extract import extract_claims
from claimcheck.load import load_articles
from claimcheck.reconcile.values import comparable

FRONT = (
    "---\ntitle: 증시 소식\noutlet: 테스트일보\npublished: 2025-02-03\nkind: news\n---\n증시 소식\n"
)


def moves(tmp_path, body: str):
    path = tmp_path / "article.txt"
    path.write_text(FRONT + body, encoding="utf-8")
    (article,) = load_articles([path])
    return [c for c in extract_claims(article) if c.topic == "stock_change"]


def point(claim) -> float | None:
    value = comparable(claim, dt.date(2025, 2, 3))
    assert value is not None
    return value.interval.point


def test_a_signed_fall_with_a_falling_verb_is_negated_once(tmp_path):
    (claim,) = moves(tmp_path, "엔비디아 주가는 -4.21% 하락했다.\n")
    assert claim.quantity.value == -4.21 and claim.attributes["direction"] == "down"
    assert point(claim) == -4.21


def test_a_fall_said_only_by_the_verb_keeps_its_direction(tmp_path):
    (claim,) = moves(tmp_path, "엔비디아 주가는 4.21% 하락했다.\n")
    assert claim.quantity.value == 4.21 and claim.attributes["direction"] == "down"
    assert point(claim) == -4.21


def test_a_sign_alone_says_the_direction(tmp_path):
    (claim,) = moves(tmp_path, "엔비디아 주가는 전일 대비 △4.21%를 기록했다.\n")
    assert claim.quantity.value == -4.21 and claim.attributes["direction"] == "down"
    assert point(claim) == -4.21


def test_a_rise_stays_positive(tmp_path):
    (claim,) = moves(tmp_path, "엔비디아 주가는 4.21% 상승했다.\n")
    assert claim.attributes["direction"] == "up" and point(claim) == 4.21
