"""Qualitative claims: techniques, hardware, bans, allegations, comparisons, releases, quotes."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from claimcheck import regexcache as rx
from claimcheck.extract.context import SentenceContext
from claimcheck.extract.figures import Draft
from claimcheck.extract.frames import frame_data
from claimcheck.extract.frames import negated as negated_name
from claimcheck.extract.lexicon import topic_data
from claimcheck.extract.mentions import Mention
from claimcheck.extract.stance import is_negated

_LIST_JOINERS = {"와", "과", "나", "이나", ",", "및", "와 같은", "또는", "혹은", "/", "·"}
GENERIC = {"gpu"}  # a bare "GPU" says nothing about which hardware was used
_QUOTED = rx.compile(r'"([^"]{4,})"')
_BASED_ON = rx.compile(r"(?:바탕|기반|토대|베이스)(?:으로|로|삼아)")
_DISTILLED_FROM = rx.compile(r"의\s*(?:모델|LLM|AI|언어모델|거대언어모델)?\s*(?:을|를|의)?")


def statement_drafts(ctx: SentenceContext, figure_drafts: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    text = ctx.text
    for cues, quoted, entity_types, maker in _statement_topics():
        if cues is not None and not cues.search(text):
            continue
        if quoted and not _QUOTED.search(text):
            continue
        mentions = [m for m in ctx.mentions if m.type in entity_types]
        drafts.extend(maker(ctx, mentions, figure_drafts))
    return drafts


_StatementTopic = tuple[re.Pattern[str] | None, bool, frozenset[str], Callable[..., list[Draft]]]
# The statement topics as statement_drafts reads them (in topics.yaml's order, those with a
# maker), worked out once per loaded topic data.
_STATEMENT_TOPICS: list = []


def _statement_topics() -> list[_StatementTopic]:
    from claimcheck.extract.frames import held_beside

    data = topic_data()
    return held_beside(
        _STATEMENT_TOPICS,
        (data,),
        lambda: [
            (
                _cue_pattern(name) if topic.cues else None,
                topic.requires_quote_marks,
                frozenset(topic.entity_types),
                _MAKERS[name],
            )
            for name, topic in data.statement_topics.items()
            if name in _MAKERS
        ],
    )


@functools.cache
def _cue_pattern(topic: str) -> re.Pattern[str]:
    """Any of a statement topic's cue words, in one search instead of one per cue."""
    cues = topic_data().statement_topics[topic].cues
    return rx.compile(rx.alternation(cues))


def _technique(ctx: SentenceContext, mentions: list[Mention], _figures) -> list[Draft]:
    out = []
    named = {m.entity for m in mentions}
    general = topic_data().technique_specialisations
    seen = {g for g, specific in general.items() if named & set(specific)}
    for mention in mentions:
        if mention.entity in seen:
            continue
        seen.add(mention.entity)
        attributes = {
            "polarity": "false" if is_negated(ctx.text, mention.start, mention.end) else "true"
        }
        if mention.entity == "knowledge-distillation":
            source = _distilled_from(ctx, mention)
            if source:
                attributes["distilled_from"] = source
                attributes["distilled_into"] = ctx.story_subject or "unknown"
        out.append(
            Draft(
                "technique",
                ctx.story_subject,
                mention.entity,
                None,
                (mention.start, mention.end),
                attributes,
            )
        )
    return out


def _distilled_from(ctx: SentenceContext, mention: Mention) -> str | None:
    """'오픈AI의 LLM을 증류해' → openai: the company or model owning what is distilled."""
    window_start = max(0, mention.start - 30)
    for other in reversed(ctx.mentions):
        if other.end > mention.start or other.start < window_start:
            continue
        if other.type in ("company", "model") and other.entity != ctx.story_subject:
            between = ctx.text[other.end : mention.start]
            if _BASED_ON.search(between):
                continue  # "라마를 바탕으로 한 증류 모델": the base the student is built on
            if _DISTILLED_FROM.match(between) or between.startswith(("의", "을", "를")):
                return other.entity
    return None


def _hardware(ctx: SentenceContext, mentions: list[Mention], figures) -> list[Draft]:
    out = []
    seen = set()
    for mention in mentions:
        if mention.entity in seen or mention.entity in GENERIC:
            continue
        seen.add(mention.entity)
        negated = is_negated(ctx.text, mention.start, mention.end, window=16)
        # "HBM은 엔비디아가 아니라 SK하이닉스가 만든다": the subject is the one denied
        negated = negated or any(
            m.entity == ctx.story_subject and negated_name(ctx.text, m.end) for m in ctx.mentions
        )
        attributes = {"polarity": "false" if negated else "true"}
        if "필수" in ctx.text and not negated:
            attributes["requirement"] = "essential"
        out.append(
            Draft(
                "hardware",
                ctx.story_subject,
                mention.entity,
                None,
                (mention.start, mention.end),
                attributes,
            )
        )
    return out


def _ban(ctx: SentenceContext, mentions: list[Mention], figures) -> list[Draft]:
    # Who is restricted: the story's subject (or its app/model), named here or by the story; a
    # restriction that names neither the target nor who imposes it is too vague to check.
    target = ctx.story_subject
    named = target is not None and any(
        m.entity == target or m.parent == target for m in ctx.mentions
    )
    if target is None or not (named or mentions):
        return []
    if any(d.topic == "ban" for d in figures):
        return []  # the figure claim carries it
    target = _restricted_product(ctx, target)
    if mentions:
        return [
            Draft(
                "ban", m.entity, target, None, (m.start, m.end), {"restricts": target or "unknown"}
            )
            for m in mentions
        ]
    return [
        Draft("ban", None, target, None, (0, len(ctx.text)), {"restricts": target or "unknown"})
    ]


def _restricted_product(ctx: SentenceContext, target: str) -> str:
    """What is restricted: the company's app or model where the sentence names it (or speaks of
    downloads), else the company."""
    from claimcheck.extract.mentions import entity_type

    for mention in ctx.mentions:
        if mention.parent == target and mention.type in ("product", "model"):
            return mention.entity
    app = f"{target}-app"
    if any(word in ctx.text for word in ("앱", "다운로드", "내려받")) and entity_type(app):
        return app
    return target


def _allegation(ctx: SentenceContext, mentions: list[Mention], _figures) -> list[Draft]:
    attributes = {}
    against = [
        m.entity for m in ctx.mentions if m.type == "company" and m.entity != ctx.story_subject
    ]
    if against:
        attributes["against"] = against[0]
    techniques = [m for m in ctx.mentions if m.type == "technique"]
    obj = techniques[0].entity if techniques else None
    if obj is None and "개인정보" in ctx.text:
        obj = "personal-data"
    if obj is None and not against:
        return []
    return [Draft("allegation", ctx.story_subject, obj, None, (0, len(ctx.text)), attributes)]


def _parity(ctx: SentenceContext, mentions: list[Mention], figures) -> list[Draft]:
    own = ctx.story_subject
    cue_at = min(
        (
            ctx.text.find(c)
            for c in topic_data().statement_topics["performance_parity"].cues
            if c in ctx.text
        ),
        default=len(ctx.text),
    )
    # What it is compared with is named just before ("o1에 필적", "구글보다 … 비슷한"),
    # with the names listed beside it ("GPT-4와 Claude 등").
    before = [
        m
        for m in mentions
        if m.entity != own and m.parent != own and m.end <= cue_at and cue_at - m.end <= 70
    ]
    compared = before[-1:]
    for mention in reversed(before[:-1]):
        gap = ctx.text[mention.end : compared[0].start].strip()
        if gap in _LIST_JOINERS:
            compared.insert(0, mention)
        else:
            break
    if not compared:
        return [Draft("performance_parity", own, None, None, (0, len(ctx.text)), {})]
    return [
        Draft(
            "performance_parity", own, m.entity, None, (m.start, m.end), {"compared_with": m.entity}
        )
        for m in compared
    ]


def _release(ctx: SentenceContext, mentions: list[Mention], _figures) -> list[Draft]:
    own = ctx.story_subject
    out = []
    for mention in mentions:
        if own is not None and mention.parent != own:
            continue
        attributes = {}
        date = ctx.date_near(mention.start)
        since = _SINCE_RELEASE.match(ctx.text, mention.end)
        if date and since is not None:
            # "R1을 공개한 지 엿새 만인 26일": the day is so many days after the release
            date = _days_before(date, since.group(1))
        if date:
            attributes["date"] = date
        out.append(
            Draft(
                "model_release", own, mention.entity, None, (mention.start, mention.end), attributes
            )
        )
    return out


# "…을 공개한 지 엿새 만인 26일", "출시한 지 10일 만에": a day counted from the release
_SINCE_RELEASE = rx.compile(r"[^.,]{0,6}?(?:공개|출시|발표|내놓|선보)\S{0,2}\s지\s+(\S+?)\s?만")


def _days_before(date: str, count: str) -> str | None:
    """`date` less a count of days written as a word ("엿새") or digits ("10일"); None when the
    count is not one of days or the date not a day."""
    import datetime as dt

    from claimcheck.extract.frames import frame_data

    counts = frame_data().days_later.counts
    days = counts.get(count)
    if days is None and count.endswith("일") and count[:-1].isdigit():
        days = int(count[:-1])
    if days is None or len(date) != 10:
        return None
    return (dt.date.fromisoformat(date) - dt.timedelta(days=days)).isoformat()


_TITLED_NAME = rx.compile(
    # a name, optionally the organisation, then the title: "박준형 한결투자증권 연구원은"
    r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,4})(?: [\uac00-\ud7a3A-Za-z]{2,12})? "
    r"(?:대표|교수|의원|장관|사장|부사장|회장|연구원|애널리스트|센터장|소장|위원장|"
    r"총리|대통령|CEO|최고경영자|이사|본부장|팀장|실장|국장|기자)(?:은|는|이|가)"
)


def _quote(ctx: SentenceContext, mentions: list[Mention], _figures) -> list[Draft]:
    quoted = _QUOTED.search(ctx.text)
    if not quoted:
        return []
    # The speaker is named outside the quotation marks: a known person, else a name with a title
    # ("한지훈 대표는 "…"고 말했다"), kept as written.
    outside = [m for m in mentions if not (quoted.start() <= m.start < quoted.end())]
    if not outside:
        titled = _TITLED_NAME.search(ctx.text, 0, quoted.start())
        if titled is None:
            return []
        words = {"words": quoted.group(1)}
        return [Draft("quote", titled.group(1), None, None, (titled.start(), quoted.end()), words)]
    speaker = outside[0]
    return [
        Draft(
            "quote",
            speaker.entity,
            None,
            None,
            (speaker.start, quoted.end()),
            {"words": quoted.group(1)},
        )
    ]


_RANK = rx.compile(r"(\d+)\s*위")
# after a name: it is ranked ahead of, or passed by, the one the rank is about
_NOT_THE_RANKED = (
    "에 이어",
    "에게 내주",
    "에 내주",
    "를 제치",
    "을 제치",
    "에 뒤",
    "에 밀려",
    "보다",
)
_RANK_SUBJECT = rx.compile(r"(?:\s*(?:시총|시가총액|주가))?(?:은|는|이|가)\s")
# a rank given up ("1위 자리를 … 내주며") is not the one held
_RANK_LOST = rx.compile(r"\s*(?:자리를|자리에서|에서 밀려|에서 내려|를 내주|을 내주)")


def _rank_reached(text: str):
    """The rank a sentence says is held ("1위 자리를 내주며 2위로": 2), not one given up."""
    ranks = [m for m in _RANK.finditer(text) if not _RANK_LOST.match(text, m.end())]
    return ranks[-1] if ranks else None


def _stock_move(ctx: SentenceContext, mentions: list[Mention], figures) -> list[Draft]:
    if any(d.topic in ("stock_change", "market_value") for d in figures):
        return []  # the figure claim says it already
    from claimcheck.extract.figures import direction_after

    out = []
    for mention in mentions:
        after = ctx.text[mention.end : mention.end + 12]
        if not any(cue in after for cue in ("주가", "주식", "증시", "시가총액", "시총")):
            continue
        direction = direction_after(ctx, mention.end)
        if direction is None or _RANK.search(ctx.text, mention.end, mention.end + 25):
            continue  # "시가총액 1위에 오른": a rank reached, not a move of the price
        attributes = {"direction": direction}
        date = ctx.date_near(mention.start)
        if date:
            attributes["date"] = date
        out.append(
            Draft(
                "stock_change", mention.entity, None, None, (mention.start, mention.end), attributes
            )
        )
    return out


def _ranker(topic: str):
    """A rank ("시총 1위", "앱스토어 1위에 올랐다") owned by the name before it."""

    def make(ctx: SentenceContext, mentions: list[Mention], _figures) -> list[Draft]:
        rank = _rank_reached(ctx.text)
        if rank is None:
            return []
        elsewhere = topic_data().statement_topics[topic].ranked_elsewhere
        if elsewhere and any(
            w in ctx.text[max(0, rank.start() - 12) : rank.end()] for w in elsewhere
        ):
            return []  # "해시태그가 인기 검색어 1위에 올랐다": a place in another list
        # not the one ranked ahead or passed ("애플에 이어 2위로", "1위 자리를 애플에 내주며")
        owner = [
            m
            for m in mentions
            if m.end <= rank.start() and not ctx.text[m.end :].startswith(_NOT_THE_RANKED)
        ] or [
            # "1위는 딥시크가 차지했다"; not the object of what the rank did ("2위에 오르며
            # 챗GPT를 위협했다")
            m
            for m in mentions
            if m.start >= rank.end() and not ctx.text[m.end :].startswith(("을", "를"))
        ]
        if not owner:
            if ctx.story_subject is None:
                return []
            # the story's company, named in the sentences before ("딥시크는 … 26일에는 … 2위에")
            attributes = {"rank": rank.group(1)}
            return [Draft(topic, ctx.story_subject, None, None, rank.span(), attributes)]
        # the clause's subject first ("엔비디아 시총은 … 2위로 밀렸다")
        subjects = [m for m in owner if _RANK_SUBJECT.match(ctx.text, m.end)]
        first = owner[0] if topic == "adoption" else (subjects or owner)[-1]
        subject = first.parent or first.entity if topic == "adoption" else first.entity
        obj = first.entity if topic == "adoption" and first.parent else None
        attributes = {"rank": rank.group(1)}
        # a market's ranking is of a session: the day written, else the paragraph's or story's
        if topic == "market_value":
            # the day written nearest the rank ("1위에 오른 것은 지난해 6월 18일로")
            # (a month the sentence names is its time when it names no day)
            from claimcheck.extract.dates import told_of

            told = [d for d in told_of(ctx.text, ctx.dates(), rank.start()) if d.value]
            written = sorted(
                (abs(d.start - rank.start()), d.value) for d in told if len(d.value) == 10
            )
            months = [d.value for d in told if len(d.value) == 7]
            day = written[0][1] if written else (months or [None])[-1]
            windows = frame_data().windows
            if day is None and not any(w in ctx.text[: rank.start()] for w in windows):
                # (not "최근 … 다시 세계 1위 자리에 올랐다": a window the sentence opens, no day
                # of the paragraph's)
                day = ctx.inherited_date or ctx.session_date
            if day:
                attributes["date"] = day
        return [Draft(topic, subject, obj, None, (first.start, rank.end()), attributes)]

    return make


_MAKERS = {
    "stock_change": _stock_move,
    "market_value": _ranker("market_value"),
    "adoption": _ranker("adoption"),
    "technique": _technique,
    "hardware": _hardware,
    "ban": _ban,
    "allegation": _allegation,
    "performance_parity": _parity,
    "model_release": _release,
    "quote": _quote,
}
