"""Korean quantity normaliser: find every figure in a text with its unit, qualifier and interval."""

from __future__ import annotations

import functools
import unicodedata
from types import SimpleNamespace
from typing import Any

from claimcheck import regexcache as rx
from claimcheck.models import Quantity

# Text made only of these characters is left as it is by claimcheck.textnorm.normalize
# (printable ASCII, Hangul syllables, a few signs it does not map), so its offsets are
# the identity and the normaliser's per-character work can be skipped.
_UNCHANGED = rx.compile(r"[\x20-\x7e\n\r가-힣·…※•◆◇▶►■□○●→「」『』【】〈〉《》]*")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start and non-overlapping.

    Offsets are into `text` itself, so `text[q.start:q.end] == q.text` always.
    """
    st = _stages()
    if _UNCHANGED.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        nt = _Unchanged(text)
    else:
        nt = st.normalize(text)
    mentions = st.scan(nt.text)
    if not mentions:
        alone = st.whole(nt.text) if len(nt.text) <= _WHOLE_MAX else None
        return [st.to_quantity(nt, alone)] if alone is not None else []
    # (a range needs two figures, a qualifier carried past a bracket a closing bracket)
    if len(mentions) > 1:
        mentions = st.join_ranges(nt.text, mentions)
    if ")" in nt.text:
        st.carry_parenthesis(nt.text, mentions)
    mentions = st.per_unit(nt.text, mentions)
    mentions = st.finish(nt.text, mentions)
    found = [m for m in mentions if not m.provisional]
    if not found and len(nt.text) <= _WHOLE_MAX:
        alone = st.whole(nt.text)  # "-3", "1": a small number alone is still a number
        return [st.to_quantity(nt, alone)] if alone is not None else []
    return [st.to_quantity(nt, m) for m in found]


# A text this short that is only a number word is a number ("한", "스물", "억이", "-3").
_WHOLE_MAX = 40


@functools.cache
def _stages() -> Any:
    # Imported on first use so that `import claimcheck.quantities` stays cheap.
    from claimcheck.quantities.assemble import (
        carry_parenthesis,
        finish,
        join_ranges,
        per_unit,
        to_quantity,
    )
    from claimcheck.quantities.recognise import recogniser
    from claimcheck.textnorm import normalize

    # the pipeline's stages by name, looked up once (find_quantities runs per sentence)
    return SimpleNamespace(
        carry_parenthesis=carry_parenthesis,
        join_ranges=join_ranges,
        per_unit=per_unit,
        finish=finish,
        to_quantity=to_quantity,
        scan=recogniser().scan,
        whole=recogniser().whole,
        normalize=normalize,
    )


class _Unchanged:
    """A text normalising leaves as it is, standing for its NormalizedText: `original is text`
    tells to_quantity that offsets are the text's own, so no offsets are kept (building the
    frozen NormalizedText cost about 2% of reading a news sentence)."""

    __slots__ = ("original", "text")

    def __init__(self, text: str) -> None:
        self.original = self.text = text


__all__ = ["find_quantities", "Quantity"]
