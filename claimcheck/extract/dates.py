"""Dates in a sentence, resolved against the publication date (issue 14): days, months, years,
weeks of a month, spans of days and relative words (이날, 전날, 지난달 30일, 같은 날). A figure's
frame (claimcheck.extract.frames) reads its `as_of` from these; the words are in
claimcheck/data/ko/frames.yaml."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from claimcheck import regexcache as rx
from claimcheck.extract.frames import frame_data, update_tag_end


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence, and the day, month or year it resolves to."""

    start: int
    end: int
    value: str | None  # resolved: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-W4; None when it cannot be


# (not "28일자 1면 기사": the day of a paper's issue, not of what it reports)
_FULL = rx.compile(r"(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일(?!자[\s,의])")
_DAY = rx.compile(
    r"(?<![\d.])(\d{1,2})일(?!\s*(?:간|동안|만에|만의|째|치|이내|내|새|사이|연속|분))(?!자[\s,의])"
)
# "27~30일", "3~6일": a span of days of one month
_DAY_SPAN = rx.compile(r"(?<![\d.])(\d{1,2})\s*[~∼-]\s*(\d{1,2})일")
_MONTH = rx.compile(r"(?:(\d{4})년\s*)?(?<![\d.])(\d{1,2})월(?!\s*\d{1,2}일)(?!\s*(?:간|동안))")


@functools.cache
def _weekday() -> re.Pattern[str]:
    data = frame_data().weekdays
    weeks = data.last_week + data.this_week + data.last
    weeks_alt = rx.alternation(sorted(weeks, key=len, reverse=True))
    names = rx.alternation(data.names)
    return rx.compile(rf"(?<![가-힣])({weeks_alt})\s*({names})")


def _weekday_date(week: str, name: str, published: dt.date) -> str:
    """ "지난주 금요일" written on Tuesday 28 January 2025 is Friday the 24th."""
    data = frame_data().weekdays
    day = data.names[name]
    monday = published - dt.timedelta(days=published.weekday())
    if week in data.last_week:
        return (monday - dt.timedelta(days=7 - day)).isoformat()
    if week in data.this_week:
        return (monday + dt.timedelta(days=day)).isoformat()
    back = (published.weekday() - day) % 7 or 7  # "지난 금요일": the latest one before
    return (published - dt.timedelta(days=back)).isoformat()


@functools.cache
def _days_later() -> re.Pattern[str]:
    data = frame_data().days_later
    counts = rx.alternation(sorted(data.counts, key=len, reverse=True))
    after = rx.alternation(data.after)
    return rx.compile(rf"(?<![가-힣])({counts})\s*(?:{after})(?![가-힣])")


@functools.cache
def _days_ago() -> re.Pattern[str]:
    later, ago = frame_data().days_later, frame_data().days_ago
    days = rx.alternation(sorted(later.counts, key=len, reverse=True))
    weeks = rx.alternation(sorted(ago.week_counts, key=len, reverse=True))
    before = rx.alternation(ago.before)
    return rx.compile(
        rf"(?<![가-힣\d])(?:({days})|(\d{{1,2}})\s?일|({weeks}|\d)\s?주)\s*(?:{before})"
        # (a particle or copula may follow: "2주 전이다", "사흘 전에"; not "전망", "전체")
        r"(?=이|에|의|인|엔|까지|[^가-힣]|$)"
    )


def _ago_window(m: re.Match[str], published: dt.date) -> str:
    """The window around so many days or weeks before publication that `m` names."""
    later, ago = frame_data().days_later, frame_data().days_ago
    if m.group(3):
        weeks = ago.week_counts.get(m.group(3)) or int(m.group(3))
        centre, spread = published - dt.timedelta(days=7 * weeks), ago.week_spread
    else:
        days = later.counts[m.group(1)] if m.group(1) else int(m.group(2))
        centre, spread = published - dt.timedelta(days=days), ago.spread
    first, last = centre - dt.timedelta(days=spread), centre + dt.timedelta(days=spread)
    return f"{first.isoformat()}/{last.isoformat()}"


@functools.cache
def _week() -> re.Pattern[str]:
    words = sorted((w for ws in frame_data().weeks.values() for w in ws), key=len, reverse=True)
    alternatives = rx.alternation(words)
    return rx.compile(
        rf"(?:(\d{{4}})년\s*)?(?<![\d.])(\d{{1,2}})월\s*({alternatives})\s*주(?!\s*(?:간|동안))"
    )


@functools.cache
def _bare_week() -> re.Pattern[str]:
    words = sorted((w for ws in frame_data().weeks.values() for w in ws), key=len, reverse=True)
    alternatives = rx.alternation(words)
    return rx.compile(rf"(?<![가-힣])({alternatives})\s*주(?![가-힣])")


def _week_number(word: str) -> str:
    key = next(key for key, words in frame_data().weeks.items() if word in words)
    return "L" if key == "last" else key


_YEAR = rx.compile(r"(?<!\d)(\d{4})년(?!\s*\d{1,2}월)(?!\s*(?:간|동안|만에|까지))")


def _relative_year(text: str, start: int, published: dt.date) -> int | None:
    data = frame_data().years
    before = text[max(0, start - 5) : start].rstrip()
    for key, shift in (("last", -1), ("next", 1), ("this", 0)):
        if any(before.endswith(word) for word in data[key]):
            return published.year + shift
    return None


@functools.cache
def _month_part() -> re.Pattern[str]:
    data = frame_data().months
    months = rx.alternation(data["this"] + data["last"])
    parts = rx.alternation(data["parts"])
    return rx.compile(
        rf"({months})\s*(?:{parts})(?:(?![\uac00-\ud7a3])|(?=까지|의|에|께|부터|엔|쯤|경|부|로))"
    )


def _relative_month(text: str, start: int, published: dt.date) -> tuple[int, int] | None:
    data = frame_data().months
    before = text[max(0, start - 6) : start].rstrip()
    if any(before.endswith(word) for word in data["last"]):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.year, first.month
    if any(before.endswith(word) for word in data["this"]):
        return published.year, published.month
    return None


# "불과 다섯 달 전", "3개월 전": a month counted back from the day of writing
_MONTHS_AGO = rx.compile(
    r"(?<![\uac00-\ud7a3\d])(\d{1,2}|[\uac00-\ud7a3]{1,2})\s?(?:달|개월)\s?전"
    r"(?!\s?(?:보다|대비|에 비해))"
)


def _months_ago(word: str, published: dt.date) -> str | None:
    """The month `word` months before the day of writing ("다섯", "석", "3"), read by the
    normaliser's native numerals; None when the word is no numeral."""
    from claimcheck.quantities.numerals import reader

    if word.isdigit():
        back = int(word)
    else:
        native = reader().read_native(word, 0)
        if native is None or native.end != len(word):
            return None
        back = int(native.value)
    months = published.year * 12 + published.month - 1 - back
    return _iso(months // 12, months % 12 + 1)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return dt.date(year, month, day or 1).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def date_mentions(
    text: str, published: dt.date | None, anchor: str | None = None, in_paragraph: bool = False
) -> list[DateMention]:
    """Every date the sentence writes, resolved against the publication date where it can be.
    `anchor` is the day the paragraph's sentences before this one last named ("지난달 31일에야
    … . 이날 SK하이닉스는"): 이날, 전날 and 전 거래일 count from it rather than from the day of
    publication; `in_paragraph` says it was named in this very paragraph (not the story's first
    day), so that a later bare day may go on in its month."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    baselines = tuple(frame_data().baseline_after)
    tag = update_tag_end(text)  # "[2보·28일 오전 2시 30분]": when the update was filed

    def add(start: int, end: int, value: str | None) -> None:
        if start < tag or any(s < end and start < e for s, e in taken):
            return
        rest = _APPOSITIVE_DAY.sub("", text[end : end + 50], count=1)
        if rest.lstrip().startswith(baselines) or rest.startswith(baselines):
            taken.append((start, end))
            return  # "전 거래일보다 0.9% 내린": the baseline, not the figure's day
        taken.append((start, end))
        found.append(DateMention(start, end, value))

    # Each pattern needs its own character (일, 월, 주): a sentence without it is not searched.
    has_day, has_month, has_week = "일" in text, "월" in text, "주" in text
    for m in _DAY_SPAN.finditer(text) if has_day else ():  # a period, never a paragraph's day
        value = None
        if published is not None:
            first, last = int(m.group(1)), int(m.group(2))
            base = (
                published
                if last <= published.day
                else published.replace(day=1) - dt.timedelta(days=1)
            )
            start, end = _iso(base.year, base.month, first), _iso(base.year, base.month, last)
            value = f"{start}/{end}" if start and end else None
        add(m.start(), m.end(), value)
    for m in _FULL.finditer(text) if has_day and has_month else ():
        year = int(m.group(1)) if m.group(1) else None
        if year is None and published is not None:
            year = _relative_year(text, m.start(), published) or published.year
            if (int(m.group(2)), int(m.group(3))) > (published.month, published.day):
                year = _relative_year(text, m.start(), published) or published.year - 1
        add(m.start(), m.end(), _iso(year, int(m.group(2)), int(m.group(3))) if year else None)
    for m in _week().finditer(text) if has_week and has_month else ():  # "1월 넷째 주": a week
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2))
        if year is None and published is not None:
            year = _relative_year(text, m.start(), published)
            if year is None:
                year = published.year if month <= published.month else published.year - 1
        month_value = _iso(year, month) if year and 1 <= month <= 12 else None
        add(
            m.start(),
            m.end(),
            f"{month_value}-W{_week_number(m.group(3))}" if month_value else None,
        )
    for m in _MONTHS_AGO.finditer(text) if published is not None and "전" in text else ():
        month = _months_ago(m.group(1), published)
        if month is not None:
            add(m.start(), m.end(), month)
    # "셋째 주 3만 명에서 넷째 주 76만 명으로": the week of the month named before
    for m in _bare_week().finditer(text) if has_week else ():
        weeks = [d.value for d in found if d.end <= m.start() and d.value and "-W" in d.value]
        month_value = weeks[-1].split("-W")[0] if weeks else None
        add(
            m.start(),
            m.end(),
            f"{month_value}-W{_week_number(m.group(1))}" if month_value else None,
        )
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
            elif said := _going_on(_last_day_before(found, m.start()), day, published):
                # "1월 24일 142.62달러에서 27일 118.42달러로": the month the sentence wrote goes on
                value = said
            elif said := _earlier_in_month(
                text,
                m.start(),
                _last_day_before(found, m.start()) or (anchor if in_paragraph else None),
                day,
            ):
                value = said
            elif day <= published.day:
                value = _iso(published.year, published.month, day)
            elif in_paragraph and (said := _going_on(anchor, day, published)):
                # a day past the date of writing, in a paragraph that tells of an earlier month
                # day after day ("1월 24일 … 27일 … 이튿날 … . 국내는 31일에야", written 3 April):
                # that month goes on, rather than last month's 31st
                value = said
            else:
                # "27일(현지시간)" written on the 3rd is last month's 27th; "31일 개장" written
                # on the 28th is this month's 31st: a bare day is the nearer of the two
                prev = published.replace(day=1) - dt.timedelta(days=1)
                value = _iso(prev.year, prev.month, day)
                ahead = _iso(published.year, published.month, day)
                earlier = sorted(
                    (d.start, d.value)
                    for d in found
                    if d.value and len(d.value) == 10 and d.end <= m.start()
                )
                if earlier and earlier[-1][1][:7] == (value or "")[:7]:
                    ahead = None  # "지난달 27일 3만1000명에서 28일 19만2000명으로": a series
                # "27일(현지시간) 하루 17% 가까이 떨어진 직후다": done, not to come
                if _told_as_past(text, m.end()):
                    ahead = None
                if ahead and (
                    value is None
                    or (dt.date.fromisoformat(ahead) - published)
                    < (published - dt.date.fromisoformat(value))
                ):
                    value = ahead
        add(m.start(), m.end(), value)
    for m in _weekday().finditer(text) if published is not None and "요일" in text else ():
        add(m.start(), m.end(), _weekday_date(m.group(1), m.group(2), published))
    for m in _days_later().finditer(text) if "뒤" in text or "후" in text else ():
        # "1월 24일 … 사흘 뒤": so many calendar days after the last full date written before it
        written = [d.value for d in found if d.end <= m.start() and d.value and len(d.value) == 10]
        if written:
            later = dt.date.fromisoformat(written[-1])
            later += dt.timedelta(days=frame_data().days_later.counts[m.group(1)])
            add(m.start(), m.end(), later.isoformat())
    for m in _days_ago().finditer(text) if published is not None and "전" in text else ():
        # "딱 3주 전": a window around that day, never one day
        add(m.start(), m.end(), _ago_window(m, published))
    for m in _MONTH.finditer(text) if has_month else ():
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2))
        if year is None and published is not None:
            year = _relative_year(text, m.start(), published)
            if year is None and month <= published.month:
                year = published.year
        add(m.start(), m.end(), _iso(year, month) if year and 1 <= month <= 12 else None)
    # "지난달 말 … 16.97% 빠지고 … 지난달 31일 9.86%": a part of a month is the month, not the
    # sentence's one day
    for m in _month_part().finditer(text) if published is not None else ():
        first = published.replace(day=1)
        if m.group(1) in frame_data().months["last"]:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        add(m.start(), m.end(), _iso(first.year, first.month))
    for m in _YEAR.finditer(text) if "년" in text else ():
        add(m.start(), m.end(), m.group(1))
    data = frame_data().days
    for word in data.get("next", []):
        for m in re.finditer(re.escape(word), text) if word in text else ():
            days = [d.value for d in found if d.end <= m.start() and d.value and len(d.value) == 10]
            if not days and anchor and _FULL_DAY.fullmatch(anchor):
                # "27일(현지시간) 16.97% 떨어진 118.42달러로 마감했습니다. 이튿날에는 8.39%
                # 반등하며": the day after the one the paragraph has just told of
                days = [anchor]
            after = dt.date.fromisoformat(days[-1]) + dt.timedelta(days=1) if days else None
            add(m.start(), m.end(), after.isoformat() if after else None)
    events = frame_data().market_events
    for word in data.get("same", []):
        for m in re.finditer(re.escape(word), text) if word in text else ():
            earlier = [d for d in found if d.end <= m.start() and d.value and len(d.value) == 10]
            # not a day a -던 clause recalls ("1월 27일 16.97% 폭락했던 엔비디아 주가는 실적 발표
            # 당일 … 3.67% 오른"): the day is of another event
            earlier = [d for d in earlier if not looks_back(text, d.end, m.start())]
            # "딥시크 쇼크 당일": the day of the event named right before it
            named = text[max(0, m.start() - 12) : m.start()].rstrip()
            event = next((d for d, ns in sorted(events.items()) if named.endswith(tuple(ns))), None)
            add(m.start(), m.end(), event or (earlier[-1].value if earlier else anchor))
    for word in data["unresolved"]:
        for m in re.finditer(re.escape(word), text) if word in text else ():
            add(m.start(), m.end(), None)
    for word in data.get("before_event", []):
        pattern = rf"[0-9A-Za-z\uac00-\ud7a3]+\s?{re.escape(word)}(?!\s*거래일)"
        for m in re.finditer(pattern, text) if word in text else ():
            add(m.start(), m.end(), None)
    valued, then = data.get("before_event_value"), data.get("before_event_value_then", [])
    if valued and any(word in text for word in then):
        pattern = rf"[\uac00-\ud7a3]+\s?(?:{rx.alternation(valued)})\s?(?={rx.alternation(then)})"
        for m in rx.compile(pattern).finditer(text):
            add(m.start(), m.end(), None)
    writing_day = data.get("writing_day", [])
    for key, shift in (("today", 0), ("yesterday", -1), ("previous_trading_day", None)):
        for word in data[key]:
            for m in re.finditer(re.escape(word), text) if word in text else ():
                value = None
                counted_from = dt.date.fromisoformat(anchor) if anchor else published
                written = [
                    d for d in found if d.end <= m.start() and d.value and len(d.value) == 10
                ]
                # a day written in a clause that looks back ("지난달 31일 9.86% 급락했던
                # SK하이닉스는 이날 2.3% 올라") is not the day 이날 counts from
                written = [d for d in written if not looks_back(text, d.end, m.start())]
                if key == "today" and word in writing_day and not _quoted(text, m.start()):
                    counted_from = published  # the day of writing, whatever was written before
                elif key == "today" and written:
                    # "1월 27일(현지시간) … 마감했다며 "이날 사라진 시가총액은": the day the
                    # sentence has just written
                    counted_from = dt.date.fromisoformat(written[-1].value)
                elif (
                    key == "today"
                    and anchor
                    and _moved_past(text, m.start(), found, anchor, published)
                ):
                    # "1월 31일 코스피는 2517.37 … 4월 초 … 이달 사상 최고가를 새로 썼고, 코스피는
                    # 이날 3021.84로": the sentence has moved on from the paragraph's day to this
                    # month, so 이날 is the day of writing; to another month, it is unsaid
                    this_month = frame_data().months["this"]
                    said = text[: m.start()]
                    counted_from = published if any(w in said for w in this_month) else None
                if counted_from is not None:
                    then = counted_from + dt.timedelta(days=shift if shift is not None else -1)
                    while shift is None and then.weekday() >= 5:
                        then -= dt.timedelta(days=1)
                    value = then.isoformat()
                add(m.start(), m.end(), value)
    return sorted(found, key=lambda d: d.start)


_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day, not a week ("2025-01-W4") or a month


@functools.cache
def _past_endings() -> re.Pattern[str]:
    return rx.compile("|".join(frame_data().days["past_endings"]))


def _told_as_past(text: str, end: int) -> bool:
    """Whether a day written at `end` is told of as past, by the clause it stands in (up to a
    quote's end or a reported statement, "…한다고 말했다"): in the past tense, or of a foreign
    session ("27일(현지시간) … 떨어진 직후다"), and nothing in it of what is to come ("예정",
    "공개한다": a plain present tells of a day to come)."""
    data = frame_data().days
    clause = _REPORTED.split(text[end:], maxsplit=1)[0]
    before = text[max(0, end - 12) : end]
    if any(word in clause for word in data.get("to_come", [])) or _coming(before, clause):
        return False
    local = any(clause.lstrip().startswith(word) for word in data.get("foreign_session", []))
    return local or _past_endings().search(clause) is not None


_REPORTED = rx.compile(r"(?<=다)(?:고|며|는)\s|[\"“”]")


def _coming(before: str, clause: str) -> bool:
    """ "오는 26일", or a clause that ends in the plain present ("…실적을 공개한다")."""
    if before.rstrip().endswith(tuple(frame_data().days.get("coming_before", []))):
        return True
    last = clause.rstrip(" .\"'”’")
    if not last.endswith("다") or len(last) < 2:
        return False
    syllable = ord(last[-2]) - 0xAC00
    return 0 <= syllable < 11172 and syllable % 28 == 4  # a final ㄴ: 한다, 연다, 나온다


def _quoted(text: str, position: int) -> bool:
    """Whether `position` stands inside a quotation (an odd number of quote marks before it;
    textnorm has made every double quote a straight one)."""
    return text[:position].count('"') % 2 == 1


def _last_day_before(found: list[DateMention], position: int) -> str | None:
    days = [d for d in found if d.value and _ISO_DAY.fullmatch(d.value) and d.end <= position]
    return max(days, key=lambda d: d.end).value if days else None


_ISO_DAY = rx.compile(r"\d{4}-\d{2}-\d{2}")


def _earlier_in_month(text: str, start: int, anchor: str | None, day: int) -> str | None:
    """A bare day written right after a word that says it came earlier ("앞서 27일"), before the
    day named last (`anchor`) in that day's month: that month's day, else None."""
    if anchor is None or not _ISO_DAY.fullmatch(anchor):
        return None
    words = frame_data().days.get("earlier", [])
    if not text[max(0, start - 8) : start].rstrip().endswith(tuple(words)):
        return None
    last = dt.date.fromisoformat(anchor)
    return _iso(last.year, last.month, day) if day < last.day else None


def _going_on(anchor: str | None, day: int, published: dt.date) -> str | None:
    """A bare day after the last named day, in that day's month, when that month is before the
    month of publication: the day of that month, else None."""
    if anchor is None or not _ISO_DAY.fullmatch(anchor):
        return None
    last = dt.date.fromisoformat(anchor)
    if (last.year, last.month) >= (published.year, published.month) or day <= last.day:
        return None
    if day > calendar.monthrange(last.year, last.month)[1]:
        return None
    return _iso(last.year, last.month, day)


# a word closed by the retrospective ending -던 ("급락했던 ", "육박하던 ")
RETROSPECTIVE = rx.compile(r"[\uac00-\ud7a3]던\s")


# the date a day word is glossed with ("당일인 1월 27일 종가", "당일(1월 27일)"): one day
_APPOSITIVE_DAY = rx.compile(r"^(?:인\s*|\()(?:\d{4}년\s*)?\d{1,2}월\s*\d{1,2}일\)?")


def looks_back(text: str, end: int, limit: int | None = None) -> bool:
    """Whether the day written up to `end` stands in a clause that looks back, closed by the
    retrospective ending -던 before the sentence goes on ("지난달 31일 9.86% 급락했던
    SK하이닉스는"): a day recalled to describe something, not the day the sentence reports. A
    -던 word that names what something was called ("27일(현지시간) 뉴욕증시에서 'AI 수혜주'로
    묶였던 종목들이 … 무너졌다") is an epithet of the subject, not the day's predicate."""
    clause = _clause_after(text, end, limit)
    epithets = _epithet_words()
    for m in RETROSPECTIVE.finditer(clause):
        start = clause.rfind(" ", 0, m.start()) + 1
        if not clause[start : m.end()].rstrip().endswith(epithets):
            return True
    return False


@functools.cache
def _epithet_words() -> tuple[str, ...]:
    return tuple(frame_data().days.get("epithet_verbs", []))


def _clause_after(text: str, end: int, limit: int | None = None) -> str:
    """The words after `end` up to the clause's comma or full stop (not "9.86%"'s point)."""
    stop = len(text) if limit is None else limit
    return re.split(r"[,.](?!\d)", text[end:stop], maxsplit=1)[0]


def recalls_a_cause(text: str, end: int) -> bool:
    """Whether the day written up to `end` stands in a clause that ends in what came of its
    event ("엔비디아가 27일(현지시간) 16.97% 폭락한 충격이 … 반영됐다"): the paragraph goes on
    with the day of the aftermath, not the day recalled."""
    return _aftermath().search(_clause_after(text, end)) is not None


@functools.cache
def _aftermath() -> re.Pattern[str]:
    """An adnominal clause that ends in what came of its event ("…폭락한 충격이", "…급락한
    여파로"): the day inside it is recalled as a cause (frames.yaml days: aftermath_nouns)."""
    nouns = rx.alternation(frame_data().days.get("aftermath_nouns", [])) or "(?!)"
    return rx.compile(rf"[\uac00-\ud7a3](?:한|은|진|된|난|간)\s(?:{nouns})(?![\uac00-\ud7a3]{{2}})")


def told_of(text: str, dates: list[DateMention], at: int) -> list[DateMention]:
    """The dates that tell of what is written at `at`: not a day a -던 clause recalls
    before it ("1월 27일 … 폭락했던 엔비디아 주가는 … 다시 세계 1위를 다툰다"), but a day inside the
    clause that holds it ("1월 26일 … 2위까지 올랐던")."""
    return [d for d in dates if not looks_back(text, d.end, at if at > d.end else None)]


def _moved_past(
    text: str, position: int, found: list[DateMention], anchor: str, published: dt.date | None
) -> bool:
    """Whether the sentence, before `position`, names a month after the anchor's ("4월 초",
    "이달" written months later): it no longer tells of the paragraph's day."""
    months = [d.value for d in found if d.end <= position and d.value and len(d.value) == 7]
    if published is not None and any(w in text[:position] for w in frame_data().months["this"]):
        months.append(published.isoformat()[:7])
    return any(month > anchor[:7] for month in months)


def result_period(text: str, start: int, published: dt.date | None) -> str | None:
    """The period a company's result is of, written before it in its sentence: the months of a
    quarter ("1분기(2~4월)": 2025-02/2025-04, whatever the fiscal calendar calls it), a quarter
    ("지난해 4분기", "2025년 1분기": YYYY-Qn; one without a year is the latest of that number) or
    a year ("지난해 연간", "2018년": YYYY). Patterns: topics.yaml `earnings_*`."""
    from claimcheck.extract.lexicon import topic_data

    data = topic_data()
    before = text[max(0, start - 40) : start]
    months = list(rx.compile(data.earnings_months).finditer(before))
    if months and published is not None:
        m = months[-1]
        first, last = int(m.group("first")), int(m.group("last"))
        # the years as written ("지난해 11월~올해 1월", "2024년 11월~2025년 1월"), else the
        # latest such months
        end_year = published.year if last <= published.month else published.year - 1
        if m.group("last_year") or m.group("this_year_word"):
            end_year = int(m.group("last_year") or published.year)
        start_year = end_year if first <= last else end_year - 1
        if m.group("first_year") or m.group("last_year_word"):
            start_year = int(m.group("first_year") or published.year - 1)
        return f"{start_year}-{first:02d}/{end_year}-{last:02d}"
    quarters = list(rx.compile(data.earnings_quarter).finditer(before))
    if quarters:
        m = quarters[-1]
        quarter = int(m.group("quarter"))
        if m.group("year"):
            return f"{m.group('year')}-Q{quarter}"
        if published is None:
            return None
        year = _relative_year(before, m.start("quarter"), published)
        if year is None:
            current = (published.month - 1) // 3 + 1
            year = published.year if quarter < current else published.year - 1
        return f"{year}-Q{quarter}"
    years = list(rx.compile(data.earnings_year).finditer(before))
    if not years:
        return None
    m = years[-1]
    if m.group("year"):
        return m.group("year")
    year = _relative_year(before, m.end(), published) if published is not None else None
    return str(year) if year is not None else None
