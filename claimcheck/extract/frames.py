"""The frame of a figure: what it measures, when it holds, which moment of a market day, and an
owner the alias table does not know. Words in claimcheck/data/ko/frames.yaml."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from claimcheck.models import Frame, Quantity

MARKET_TOPICS = {"stock_change", "market_value"}
_CLAUSE_BREAKS = re.compile(r",|;|다가|지만|으나|는데|면서|반면")


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Before(_Data):
    window: int
    before: list[str] = []
    patterns: list[str] = []
    after_patterns: list[str] = []


class _After(_Data):
    window: int
    after: list[str]


class _Measures(_Data):
    salary: _Before
    generic: _Before
    per_unit: _Before
    plan: _After
    total_before: list[str]
    part_after: list[str]
    level_particles: list[str]


class FrameData(_Data):
    measures: _Measures
    days: dict[str, list[str]]
    months: dict[str, list[str]]
    years: dict[str, list[str]]
    windows: list[str]
    moments: dict[str, list[str]]
    entity_suffixes: list[str]
    appositive_nouns: list[str]
    anaphoric_owners: list[str]
    not_owners: list[str]
    baseline_after: list[str]
    counter_classes: dict[str, list[str]]
    counted: dict[str, list[str]]
    markets: dict[str, list[str]]
    stores: dict[str, list[str]]
    negated_after: list[str]


@functools.cache
def frame_data() -> FrameData:
    from claimcheck.extract.lexicon import _read

    return FrameData.model_validate(_read("frames.yaml"))


@functools.cache
def _per_unit() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in frame_data().measures.per_unit.patterns))


@functools.cache
def _per_unit_after() -> re.Pattern[str]:
    patterns = frame_data().measures.per_unit.after_patterns
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # resolved: YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be


_FULL = re.compile(r"(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일")
_DAY = re.compile(
    r"(?<![\d.])(\d{1,2})일(?!\s*(?:간|동안|만에|만의|째|치|이내|내|새|사이|연속|분))"
)
_MONTH = re.compile(r"(?:(\d{4})년\s*)?(?<![\d.])(\d{1,2})월(?!\s*\d{1,2}일)(?!\s*(?:간|동안))")
_YEAR = re.compile(r"(?<!\d)(\d{4})년(?!\s*\d{1,2}월)(?!\s*(?:간|동안|만에|까지))")


def _relative_year(text: str, start: int, published: dt.date) -> int | None:
    data = frame_data().years
    before = text[max(0, start - 5) : start].rstrip()
    for key, shift in (("last", -1), ("next", 1), ("this", 0)):
        if any(before.endswith(word) for word in data[key]):
            return published.year + shift
    return None


def _relative_month(text: str, start: int, published: dt.date) -> tuple[int, int] | None:
    data = frame_data().months
    before = text[max(0, start - 6) : start].rstrip()
    if any(before.endswith(word) for word in data["last"]):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.year, first.month
    if any(before.endswith(word) for word in data["this"]):
        return published.year, published.month
    return None


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return dt.date(year, month, day or 1).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def date_mentions(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date the sentence writes, resolved against the publication date where it can be."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    baselines = tuple(frame_data().baseline_after)

    def add(start: int, end: int, value: str | None) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        if text[end:].lstrip().startswith(baselines) or text[end:].startswith(baselines):
            taken.append((start, end))
            return  # "전 거래일보다 0.9% 내린": the baseline, not the figure's day
        taken.append((start, end))
        found.append(DateMention(start, end, value))

    # Each pattern needs its own character (일, 월, 년): a sentence without it is not searched.
    has_day, has_month = "일" in text, "월" in text
    for m in _FULL.finditer(text) if has_day and has_month else ():
        year = int(m.group(1)) if m.group(1) else None
        if year is None and published is not None:
            year = _relative_year(text, m.start(), published) or published.year
            if (int(m.group(2)), int(m.group(3))) > (published.month, published.day):
                year = _relative_year(text, m.start(), published) or published.year - 1
        add(m.start(), m.end(), _iso(year, int(m.group(2)), int(m.group(3))) if year else None)
    for m in _DAY.finditer(text) if has_day else ():
        value = None
        if published is not None:
            day = int(m.group(1))
            year_month = _relative_month(text, m.start(), published)
            if year_month is not None:
                value = _iso(*year_month, day)
            elif text[max(0, m.start() - 4) : m.start()].strip().endswith("오는"):
                nxt = published if day >= published.day else published + dt.timedelta(days=31)
                value = _iso(nxt.year, nxt.month, day)
            elif day <= published.day:
                value = _iso(published.year, published.month, day)
            else:  # "27일(현지시간)" written on the 3rd: last month's 27th
                prev = published.replace(day=1) - dt.timedelta(days=1)
                value = _iso(prev.year, prev.month, day)
        add(m.start(), m.end(), value)
    for m in _MONTH.finditer(text) if has_month else ():
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2))
        if year is None and published is not None:
            year = _relative_year(text, m.start(), published)
            if year is None and month <= published.month:
                year = published.year
        add(m.start(), m.end(), _iso(year, month) if year and 1 <= month <= 12 else None)
    for m in _YEAR.finditer(text) if "년" in text else ():
        add(m.start(), m.end(), m.group(1))
    data = frame_data().days
    for word in data.get("next", []):
        for m in re.finditer(re.escape(word), text) if word in text else ():
            earlier = [d for d in found if d.end <= m.start() and d.value and len(d.value) == 10]
            base = earlier[-1].value if earlier else None
            after = dt.date.fromisoformat(base) + dt.timedelta(days=1) if base else None
            add(m.start(), m.end(), after.isoformat() if after else None)
    for key, shift in (("today", 0), ("yesterday", -1), ("previous_trading_day", None)):
        for word in data[key]:
            for m in re.finditer(re.escape(word), text) if word in text else ():
                value = None
                if published is not None:
                    then = published + dt.timedelta(days=shift if shift is not None else -1)
                    while shift is None and then.weekday() >= 5:
                        then -= dt.timedelta(days=1)
                    value = then.isoformat()
                add(m.start(), m.end(), value)
    return sorted(found, key=lambda d: d.start)


# --- the frame ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure of the sentence, in normalised offsets."""

    quantity: Quantity
    start: int
    end: int


def build_frame(
    text: str,
    figure: Figure,
    figures: list[Figure],
    topic: str,
    published: dt.date | None,
    dates: list[DateMention],
    inherited_date: str | None,
    scope: str | None,
    subject_basis: str,
) -> Frame:
    measure = measure_of(text, figure, figures, topic)
    as_of, since = _as_of(text, figure, figures, dates, inherited_date)
    moment = _moment(text, figure, figures) if topic in MARKET_TOPICS else None
    if moment == "intraday" and as_of is None and since is None and published is not None:
        as_of = published.isoformat()  # "오후 1시 40분 현재": a live report of its own day
    if moment is None and topic in MARKET_TOPICS and as_of and published and len(as_of) == 10:
        if as_of < published.isoformat():
            moment = "close"  # a past session's move, reported after it ended, is its close
    if (
        measure == "level"
        and subject_basis != "named"
        and figure.quantity.value is None
        and "vague" in figure.quantity.rule
    ):
        measure = "generic"  # "수백억 원대 개발비는 드문 일이 아니다": nobody's figure
    return Frame(
        measure=measure,  # type: ignore[arg-type]
        as_of=as_of,
        since=since,
        moment=moment,  # type: ignore[arg-type]
        scope=scope,
        subject_basis="none" if measure == "generic" else subject_basis,  # type: ignore[arg-type]
    )


def _previous_end(figure: Figure, figures: list[Figure]) -> int:
    ends = [f.end for f in figures if f.end <= figure.start]
    return max(ends, default=0)


def _next_start(text: str, figure: Figure, figures: list[Figure]) -> int:
    starts = [f.start for f in figures if f.start >= figure.end]
    return min(starts, default=len(text))


def _clause_after(text: str, end: int, limit: int) -> str:
    window = text[end:limit]
    cut = _CLAUSE_BREAKS.search(window)
    return window[: cut.start()] if cut else window


def measure_of(text: str, figure: Figure, figures: list[Figure], topic: str) -> str:
    data = frame_data().measures
    before_all = text[_previous_end(figure, figures) : figure.start]
    if any(w in before_all[-data.generic.window :] for w in data.generic.before):
        return "generic"
    if any(w in before_all[-data.salary.window :] for w in data.salary.before):
        return "salary"
    rate = "/" in (figure.quantity.unit or "")  # a price per token already says per what
    window = text[max(0, figure.start - data.per_unit.window) : figure.start]
    if not rate and (
        _per_unit().search(window) or _per_unit_after().search(text[figure.end : figure.end + 16])
    ):
        return "per_unit"
    after = _clause_after(text, figure.end, min(len(text), figure.end + data.plan.window))
    if any(w in after for w in data.plan.after):
        return "plan"
    unit = figure.quantity.unit
    same_unit = [f for f in figures if f.quantity.unit == unit and f is not figure]
    # listed before a total: "A100 1만 장, H800 2만 장 등 3만 장"
    for other in same_unit:
        if other.start > figure.end:
            between = text[figure.end : other.start]
            words = between.split()
            if words and words[-1] in data.total_before and "," not in between[-6:]:
                return "part"
    # "연구원 140명 가운데 박사 60명"
    for other in same_unit:
        if other.end <= figure.start:
            between = text[other.end : figure.start]
            if any(f" {w} " in f" {between} " for w in data.part_after):
                return "part"
    if _is_change(text, figure, figures, topic):
        return "change"
    return "level"


def _is_change(text: str, figure: Figure, figures: list[Figure], topic: str) -> bool:
    from claimcheck.extract.lexicon import topic_data

    q = figure.quantity
    if q.unit == "percentage_point":
        return True
    after = _clause_after(text, figure.end, min(len(text), figure.end + 40))
    # "5890억 달러(약 856조 원)가 … 사라졌다": the bracket is the same sum, not the clause
    after = re.sub(r"^\s*\([^()]*\)", "", after)
    nxt = next((f.start for f in figures if f.start >= figure.end), len(text))
    after = after[: max(0, nxt - figure.end)] if nxt < len(text) else after
    stripped = after.lstrip(" )")
    particles = sorted(frame_data().measures.level_particles, key=len, reverse=True)
    if any(stripped.startswith(p) for p in particles) and not stripped.startswith("로 마감"):
        return False  # "2조9000억 달러로 줄었다": the level reached
    if after.startswith(")") and text[: figure.start].rstrip().endswith("("):
        pass  # "2만1800원(9.86%) 내린": the bracket shares the verb after it
    words = [w for ws in topic_data().directions.values() for w in ws]
    head = stripped[:20]
    if any(w in head for w in words):
        # the verb belongs to the next figure when one stands between ("9.86% 내린 19만9200원에")
        return True
    if q.unit == "percent" and topic in MARKET_TOPICS:
        return True  # a market figure in percent is a move
    return False


def _as_of(
    text: str,
    figure: Figure,
    figures: list[Figure],
    dates: list[DateMention],
    inherited: str | None,
) -> tuple[str | None, str | None]:
    others = [f for f in figures if f is not figure]
    # the date written right before the figure, with no other figure between them
    before = [d for d in dates if d.end <= figure.start]
    for d in reversed(before):
        if not any(d.end <= f.start and f.end <= figure.start for f in others):
            return d.value, None
        break
    # "180만 명(12일 기준)", "3000만 건(12일 기준)": a date right after it
    after = [d for d in dates if d.start >= figure.end and d.start - figure.end <= 4]
    if after:
        return after[0].value, None
    if len(dates) == 1:  # the sentence's one date; a series gives each figure its own
        return dates[0].value, None
    windows = frame_data().windows
    clause = text[_previous_end(figure, figures) : figure.start]
    for word in windows:
        at = clause.find(word)
        if at >= 0:
            # the window word with the whole word before it ("발표 이후"), or alone ("최근")
            words_before = clause[:at].split()
            spaced = clause[:at].endswith(" ")
            return None, f"{words_before[-1]} {word}" if words_before and spaced else word
    if not dates:
        return inherited, None
    return None, None


def _moment(text: str, figure: Figure, figures: list[Figure]) -> str | None:
    data = frame_data().moments
    start = _previous_end(figure, figures)
    before = text[start : figure.start]
    best: tuple[int, str] | None = None
    for moment, words in data.items():
        for word in words:
            at = before.rfind(word)
            if at >= 0:
                distance = len(before) - at
                if best is None or distance < best[0]:
                    best = (distance, moment)
    if best is not None:
        return best[1]
    after = _clause_after(text, figure.end, min(len(text), figure.end + 40))
    for moment, words in data.items():
        for word in words:
            at = after.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, moment)
    return best[1] if best else None


# --- owners the alias table does not know -------------------------------------------------------

_WORD_BEFORE_BRACKET = re.compile(r"([0-9A-Za-z\uac00-\ud7a3&.·]+)\(\s*[-+△▲▼]?\s*$")
_SUBJECT_WORD = re.compile(r"([0-9A-Za-z\uac00-\ud7a3&]+?)(?:은|는|이|가|의|도)\s")


def bracket_owner(text: str, start: int) -> str | None:
    """The word right before the bracket that opens just before a figure ("리노공업(-4.3%)"), or
    None when there is no such bracket or the word is a label or a figure."""
    m = _WORD_BEFORE_BRACKET.search(text[max(0, start - 30) : start])
    if not m:
        return None
    word = m.group(1)
    if word[-1].isdigit() or re.search(r"\d", word) and not re.search(r"[A-Za-z]{2}", word):
        return None  # "2만1800원(9.86%)": a figure and its share
    if word in frame_data().not_owners or len(word) < 2:
        return None
    return word


def unknown_entity_before(text: str, start: int) -> tuple[int, str] | None:
    """The last word before `start` that names a company or index and carries a subject particle:
    by its ending ("리노공업은", "다우지수는"), by Latin letters in a Hangul name ("란징AI는"), or
    in apposition to a noun such as 업체 or 모회사 ("모회사 환팡이"): (its start, the word)."""
    data = frame_data()
    suffixes = tuple(data.entity_suffixes)
    found = None
    for m in _SUBJECT_WORD.finditer(text[:start] + " "):
        word = m.group(1)
        if m.end() > start + 1:
            break
        if word in data.not_owners or len(word) < 2:
            continue
        before = text[: m.start(1)].rstrip().rsplit(" ", 1)[-1]
        mixed = re.search(r"[A-Za-z]", word) and re.search(r"[\uac00-\ud7a3]", word)
        if word.endswith(suffixes) or mixed or before in data.appositive_nouns:
            found = (m.start(1), word)
    return found


def counter_class(counter: str | None) -> str | None:
    """The class of a count's counter word (people, events, things), or the word itself."""
    if counter is None:
        return None
    for name, words in frame_data().counter_classes.items():
        if counter in words:
            return name
    return counter


def counted_kind(text: str, start: int, end: int) -> str | None:
    """What an adoption figure counts (daily_users, downloads…): the cue nearest before the
    figure within its clause, else one right after it."""
    before = text[max(0, start - 30) : start]
    best: tuple[int, str] | None = None
    for kind, words in frame_data().counted.items():
        for word in words:
            at = before.rfind(word)
            if at >= 0 and (best is None or len(before) - at < best[0]):
                best = (len(before) - at, kind)
    if best is not None:
        return best[1]
    after = _clause_after(text, end, min(len(text), end + 12))
    for kind, words in frame_data().counted.items():
        if any(word in after for word in words):
            return kind
    return None


def market_of(text: str, start: int) -> str | None:
    """Where an adoption figure counts (korea, china, global…): the cue nearest before it."""
    best: tuple[int, str] | None = None
    for market, words in frame_data().markets.items():
        for word in words:
            at = text.rfind(word, 0, start)
            if at >= 0 and (best is None or at + len(word) > best[0]):
                best = (at + len(word), market)
    return best[1] if best else None


def store_of(text: str) -> str | None:
    """The app store a rank is in (app_store, google_play), when the text names one."""
    for store, words in frame_data().stores.items():
        if any(word in text for word in words):
            return store
    return None


def negated(text: str, end: int) -> bool:
    """Whether the name ending at `end` is denied ("R1이 아니라 V3의 최종 훈련비")."""
    rest = text[end : end + 6]
    return any(rest.startswith(word) for word in frame_data().negated_after)


_RELATIVE = re.compile(
    r"^[^,.()]{0,14}?(?:던|진|된|한|린|른|간|온|운|인)\s+([0-9A-Za-z\uac00-\ud7a3]+?)(?:은|는|이|가)\s"
)


def described_noun(text: str, end: int) -> tuple[int, str] | None:
    """The noun a relative clause ending after the figure describes ("2% 가까이 밀렸던 지수는"):
    (its start, the noun), or None."""
    m = _RELATIVE.match(text[end : end + 40])
    return (end + m.start(1), m.group(1)) if m else None


def anaphoric(noun: str) -> bool:
    return noun in frame_data().anaphoric_owners
