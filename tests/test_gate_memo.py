"""The cross-source comparison works out the gate once per kind of pair (reconcile.cross._Gates):
every passage it gives is what the gate itself gives for that pair of figures."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace

from claimcheck.models import Frame
from claimcheck.reconcile.cross import _gate, _Gates, _Member


def _members(rng: random.Random, count: int) -> list[_Member]:
    frames = [None] + [
        Frame(
            measure=rng.choice([None, "level", "change", "plan", "generic"]),
            as_of=rng.choice([None, "2025-01", "2025-01-27", "2025-01-28", "2025"]),
            since=rng.choice([None, None, "발표 이후"]),
            moment=rng.choice([None, "intraday", "close"]),
            scope=rng.choice([None, None, "final training run", "hardware"]),
            subject_basis=rng.choice(["named", "story", "none"]),
        )
        for _ in range(12)
    ]
    whats = [(), (("model", "deepseek-v3"),), (("counted", "users"),), (("model", "gpt-4o"),)]
    return [
        _Member(
            id=f"c{n}",
            article=f"a{rng.randrange(5)}",
            object=None,
            stance="asserted",
            polarity="",
            value=SimpleNamespace(unit=rng.choice(["USD", "percent", "KRW/USD"])),
            figure=True,
            side=rng.choice(["", "", "input", "output"]),
            frame=rng.choice(frames),
            what=rng.choice(whats),
        )
        for n in range(count)
    ]


def test_every_passage_is_the_gates_own():
    rng = random.Random(12)
    for topic in ("market_value", "stock_change", "training_cost", "adoption", "earnings"):
        items = _members(rng, 40)
        gates = _Gates(topic, items)
        for i, k in itertools.product(range(len(items)), repeat=2):
            a, b = items[i], items[k]
            own = _gate(topic, a, b)
            assert gates.passage(i, k) == own
            apart = a.article == b.article or (a.side and b.side and a.side != b.side)
            assert gates.pairing(i, k) == (None if apart or not own.comparable else own)
        assert len(gates.known) < len(items) ** 2  # kinds of pairs were met again


def test_equal_frames_built_apart_are_one_kind_and_a_rate_is_another():
    frame = dict(measure="level", as_of="2025-01-27", moment="close", subject_basis="named")
    items = [
        _Member("x", "a1", None, "asserted", "", SimpleNamespace(unit=u), True, "", Frame(**frame))
        for u in ("USD", "USD", "KRW/USD")
    ]
    gates = _Gates("market_value", items)
    assert gates.kinds[0] == gates.kinds[1] != gates.kinds[2]
