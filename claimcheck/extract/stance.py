"""How an article stands to a claim (asserted, attributed, disputed, alleged, hedged), and whose."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimcheck.extract.lexicon import stance_data
from claimcheck.extract.mentions import Mention

SPEAKER_TYPES = {"person", "company", "government", "organisation", "place"}


@dataclass(frozen=True)
class StanceReading:
    stance: str
    cue: str | None
    attributed_to: str | None


def read_stance(
    sentence: str, mentions: list[Mention], previous: StanceReading | None = None
) -> StanceReading:
    """Stance from cue words in the normalised sentence; the source: the speaker before the verb."""
    data = stance_data()
    if previous is not None and previous.stance != "asserted":
        if sentence.lstrip().startswith(tuple(data.continuations)):
            return previous
    if not _any_cue().search(sentence):
        return StanceReading("asserted", None, None)  # most sentences: one search says so
    for family in data.order:
        for cue in data.families[family]:
            at = sentence.find(cue)
            while at >= 0:
                if family != "attributed" or _reported(sentence, at, cue):
                    speaker = find_speaker(sentence, mentions, at)
                    return StanceReading(family, cue, speaker)
                at = sentence.find(cue, at + 1)
    return StanceReading("asserted", None, None)


@functools.cache
def _any_cue() -> re.Pattern[str]:
    data = stance_data()
    cues = sorted({cue for family in data.order for cue in data.families[family]})
    return re.compile("|".join(re.escape(cue) for cue in cues))


def _reported(sentence: str, at: int, cue: str) -> bool:
    """A reporting verb attributes only what a quotative hands it; evidential cues stand alone."""
    data = stance_data()
    if cue in data.evidential:
        return True
    before = sentence[max(0, at - 8) : at]
    return any(q in before for q in data.quotatives)


def find_speaker(sentence: str, mentions: list[Mention], cue_at: int | None = None) -> str | None:
    """The source of a reported claim: 'X에 따르면', else the topic (X은/는) before the verb,
    people first; else a generic source noun (전문가들은 …)."""
    data = stance_data()
    limit = len(sentence) if cue_at is None else cue_at
    for mention in mentions:
        if sentence.startswith("에 따르면", mention.end):
            return mention.entity
    speakers = [m for m in mentions if m.type in SPEAKER_TYPES and m.end <= limit]
    topic_marked = [
        m for m in speakers if _followed_by(sentence, m.end, ("은", "는", "측은", "측도"))
    ]
    for group in ([m for m in topic_marked if m.type == "person"], topic_marked):
        if group:
            return group[0].entity
    for noun in data.generic_sources:
        at = sentence.find(noun)
        if 0 <= at < limit and _followed_by(
            sentence, at + len(noun), tuple(data.speaker_particles)
        ):
            return noun
    return None


def _followed_by(sentence: str, end: int, particles: tuple[str, ...]) -> bool:
    rest = sentence[end : end + 4]
    # A title between name and particle ("김정호 교수는") still marks the speaker.
    for title in (
        " 교수",
        " 대표",
        " 회장",
        " 의원",
        " 장관",
        " 박사",
        " 연구원",
        " CEO",
        " 최고경영자",
    ):
        if sentence.startswith(title, end):
            rest = sentence[end + len(title) : end + len(title) + 4]
            break
    return rest.startswith(particles)


def is_negated(sentence: str, start: int, end: int, window: int = 12) -> bool:
    """A negation word just after a mention ('HBM 없이', 'GPU를 사용하지 않고'), unless its clause
    negates again ('HBM 없이는 딥시크도 없었다': HBM was needed)."""
    after = sentence[end : end + window]
    negation = next((neg for neg in stance_data().negations if neg in after), None)
    if negation is None:
        return False
    from claimcheck.extract.frames import clause_after

    at = end + after.index(negation) + len(negation)
    clause = clause_after(sentence, at, len(sentence))
    return not any(word in clause for word in stance_data().double_negations)
