"""How an article stands to a claim (asserted, attributed, disputed, alleged, hedged), and whose."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from claimcheck import regexcache as rx
from claimcheck.extract.lexicon import stance_data
from claimcheck.extract.mentions import Mention

SPEAKER_TYPES = {"person", "company", "government", "organisation", "place"}


@dataclass(frozen=True)
class StanceReading:
    """A sentence's stance towards what it says, the cue word read, and who says it."""

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
    ending = sentence.rstrip(" \"')]")
    asked = ending.endswith(tuple(data.questions)) or ending.rstrip(".").endswith(
        tuple(data.question_endings)
    )
    if asked and not _asks_which(ending):
        return StanceReading("disputed", "?", None)  # a question asserts nothing
    myth = _myth_label().match(sentence)
    if myth:
        return StanceReading("disputed", myth.group(1), None)  # "오해 3. \"…\"": a myth named
    if not _any_cue().search(sentence):
        return StanceReading("asserted", None, None)  # most sentences: one search says so
    for family in data.order:
        if not _family_cue(family).search(sentence):
            continue  # one search for the family instead of a find for each of its cues
        for cue in data.families[family]:
            at = sentence.find(cue)
            while at >= 0:
                if family == "hedged" and _forecast_beaten(sentence, at + len(cue)):
                    at = sentence.find(cue, at + 1)
                    continue  # "365억 달러는 예상을 웃돌았지만": a result against the forecast
                if family != "attributed" or _reported(sentence, at, cue):
                    speaker = find_speaker(sentence, mentions, at)
                    return StanceReading(family, cue, speaker)
                at = sentence.find(cue, at + 1)
    return StanceReading("asserted", None, None)


@functools.cache
def _question_word() -> re.Pattern[str]:
    words = rx.alternation(sorted(stance_data().question_words, key=len, reverse=True))
    return rx.compile(rf"(?<![가-힣])(?:{words})(?=\s|[가-힣]{{0,2}}(?:\s|[?.]|$))")


def _asks_which(question: str) -> bool:
    """Whether a question asks for a missing word (몇, 언제, 누가 …), not whether it is so."""
    return _question_word().search(question) is not None


# right after a forecast word: its figure in brackets, then by how much the result beat it
_FORECAST_GLOSS = re.compile(
    r"^(?:치|치를|치보다)?\([^()]{1,20}\)(?:를|보다)?\s?(?:[\d.,]+\s?%(?:포인트|p)?\s)?"
)


def _forecast_beaten(sentence: str, end: int) -> bool:
    """Whether a forecast word ending at `end` is what a result beat or missed ("예상을
    웃돌았다", "전망치를 밑돌았다"; the forecast's own figure in brackets and by how much between:
    "시장 예상치(180억 원)를 18% 웃돌았다"): the result is stated, not hedged."""
    after = _FORECAST_GLOSS.sub("", sentence[end : end + 40], count=1)[:12]
    return any(word in after for word in stance_data().forecast_beaten)


@functools.cache
def _myth_label() -> re.Pattern[str]:
    labels = rx.alternation(stance_data().myth_labels)
    return rx.compile(rf"^\W*({labels})\s*\d{{0,2}}\s*[.:)]\s")


def retracted(sentence: str, reading: StanceReading, own: bool = False) -> StanceReading:
    """In a correction box, a sentence that says what the outlet reported before ("…라고
    보도했습니다") names a figure it takes back: rejected, not claimed; so does one that says
    what the outlet itself reported (`own`, "본지는 … 떨어졌다고 전했다")."""
    data = stance_data().corrections
    for verb in data.own_reports if own else data.retracted:
        if verb in sentence:
            return StanceReading("disputed", verb, None)
    return reading


def own_report(sentence: str) -> bool:
    """Whether the sentence tells what the outlet itself reported before ("본지는 28일자 기사에서
    … 떨어졌다고 전했다"): in an article that corrects itself, something it takes back."""
    data = stance_data().corrections
    # (near the start: a byline may stand before it, "[코리아테크데일리 정다은 기자] 본지는")
    return any(w in sentence[:40] for w in data.own_outlet) and any(
        verb in sentence for verb in data.own_reports
    )


def taken_back(sentence: str, span: tuple[int, int]) -> bool:
    """In a correction ("…'12% 가까이 급락' 기사의 하락률을 16.97%로 바로잡습니다"), whether the
    figure at `span` is the one corrected: another figure stands between it and the verb."""
    for phrase in stance_data().corrections.corrected_to:
        at = sentence.find(phrase, span[1])
        if at >= 0 and any(ch.isdigit() for ch in sentence[span[1] : at]):
            return True
    return False


def stance_of_figure(
    sentence: str, mentions: list[Mention], reading: StanceReading, span: tuple[int, int]
) -> StanceReading:
    """A figure's stance when its sentence hedges: a contrast ("…지만,", "…와 달리") parts two
    clauses, and an estimate's cue on the other side of it leaves the figure's own clause to say
    what it is ("딥시크는 557만6000달러로 제시했지만, 보고서는 …5억 달러를 웃돌 것이라는 추정을
    실었다": the first figure is stated, the second estimated)."""
    start, end = span
    # "시장 예상치(180억 원)를 18% 웃돌았다": the forecast's own figure, whatever the result
    opened = sentence.rfind("(", max(0, start - 4), start)
    if opened >= 0:
        forecast = _forecast_bracket().search(sentence, max(0, opened - 8), start)
        if forecast and forecast.end() == start:
            return StanceReading("hedged", forecast.group(1), None)
    if reading.cue == "?":
        # "R1을 약 560만 달러에 만들었다는데, 왜 …못 하나?": only the last clause asks; a figure
        # before it is the premise the question stands on, read as that clause says it
        cut = sentence.rfind(", ")
        if cut < end:
            return reading
        own = [m for m in mentions if m.end <= cut]
        return read_stance(sentence[:cut], own)
    if reading.stance not in ("hedged", "attributed") or reading.cue is None:
        return reading
    cuts = [
        (at, at + len(word))
        for word in stance_data().contrasts
        for at in _occurrences(sentence, word)
    ]
    if not cuts:
        return reading
    clause_start = max((e for s, e in cuts if e <= start), default=0)
    clause_end = min((s for s, e in cuts if s >= end), default=len(sentence))
    if reading.cue in sentence[clause_start:clause_end]:
        return reading
    clause = sentence[clause_start:clause_end]
    own = [m for m in mentions if clause_start <= m.start and m.end <= clause_end]
    shifted = [replace(m, start=m.start - clause_start, end=m.end - clause_start) for m in own]
    mine = read_stance(clause, shifted)
    if reading.stance == "attributed" and mine.stance == "asserted":
        # '"…557만6000달러는 …"이라며 "…"고 말했다': a quote cut off from its verb is still said
        return reading
    # "…557만6000달러가 들었다고 밝혔는데, 한 업체는 \"…\"고 주장한다": each clause's own verb
    return mine


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


@functools.cache
def _any_cue() -> re.Pattern[str]:
    data = stance_data()
    cues = sorted({cue for family in data.order for cue in data.families[family]})
    return rx.compile(rx.alternation(cues))


@functools.cache
def _forecast_bracket() -> re.Pattern[str]:
    """A forecast noun with its figure's bracket opening right after it ("예상치(", "전망(약 ")."""
    nouns = rx.alternation(sorted(stance_data().forecast_nouns, key=len, reverse=True)) or "(?!)"
    return rx.compile(rf"({nouns})\(\s?(?:약\s?)?$")


@functools.cache
def _family_cue(family: str) -> re.Pattern[str]:
    return rx.compile(rx.alternation(stance_data().families[family]))


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
