"""Claim extraction: each story of an article → structured claims (figures and statements)."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter

import claimcheck.api as _api
from claimcheck import regexcache as rx
from claimcheck.extract.context import SentenceContext, build_context
from claimcheck.extract.figures import Draft, figure_drafts, in_money
from claimcheck.extract.frames import (
    MARKET_TOPICS,
    SUBJECT_ENDINGS,
    heads_company,
    public_body_speaks,
    story_events,
)
from claimcheck.extract.lexicon import stance_data
from claimcheck.extract.mentions import confirmed, find_mentions
from claimcheck.extract.stance import (
    own_report,
    read_stance,
    retracted,
    stance_of_figure,
    taken_back,
)
from claimcheck.extract.statements import statement_drafts
from claimcheck.models import Article, Claim, Frame, Quantity, copied_with, from_checked_parts
from claimcheck.textnorm import normalize

__all__ = ["extract_claims"]

_SUBJECT_TYPES = {"company"}


def extract_claims(article: Article) -> list[Claim]:
    """Every check-worthy statement of every story, in file order. Boilerplate yields nothing."""
    contexts: dict[int, list[SentenceContext]] = {}
    for sentence in article.sentences:
        ctx = build_context(article, sentence, None)
        contexts.setdefault(sentence.story, []).append(ctx)
    claims: list[dict] = []
    for _story, story_contexts in sorted(contexts.items()):
        _confirm_mentions(story_contexts)
        names = _introduced_names(story_contexts)
        subject = _story_subject(story_contexts, names)
        interview, interviewee = _interviewee(story_contexts)
        models = Counter(m.entity for c in story_contexts for m in c.mentions if m.type == "model")
        story_model = models.most_common(1)[0][0] if models else None
        previous = None
        model = None  # the last model named so far
        market_owner: tuple[int, str | None] = (-1, None)  # (paragraph, owner)
        market_frame: tuple[int, Frame | None] = (-1, None)  # (paragraph, frame)
        closed = -1  # the paragraph that has stated a session's close
        close_frame: tuple[int, Frame | None] = (-1, None)  # (paragraph, its last close)
        labelled_close = -1  # the paragraph a label says is of a close ("31일 SK하이닉스 종가.")
        fleet: tuple[int, Draft | None] = (-1, None)  # (paragraph, a count of chips held)
        move_days: dict[tuple[str, str], set[str]] = {}  # (owner, direction): days dated
        named_events = story_events([c.text for c in story_contexts])
        corrected = _correction_blocks(story_contexts)
        corrects_itself = bool(corrected)
        closing = _closing_report(story_contexts)
        live_entries, closing_entries = _live_entries(story_contexts)
        earlier: SentenceContext | None = None  # the sentence before, in its paragraph
        dateline: dict[int, str] = {}  # by paragraph
        latest: dict[int, str] = {}  # by paragraph: the last full date written so far
        month_named: dict[int, str] = {}  # by paragraph: a month it named, where it named no day
        section_day: str | None = None  # "■ 1월 27일": a timeline's day, over its paragraphs
        section_closed = False  # …whose line says its figures are closes ("31일 종가")
        for ctx in story_contexts:
            ctx.introduced_names = names
            ctx.closing_report = closing
            ctx.live_entry = ctx.sentence.block in live_entries
            # an interviewee's answer speaks of their own organisation's figures
            ctx.story_subject = interviewee if interview and _answers(ctx) else subject
            day_line = _day_line(ctx)
            if day_line is not None:
                section_day = day_line
                # "▶ 4/7 오늘 서울은(31일 종가)": the lines under a day line that says it gives
                # closes are closes
                section_closed = _CLOSE_LABEL.search(ctx.text.rstrip(" )")) is not None
            # the paragraph's dateline, or a later day its sentences have moved on to since (a
            # timeline: "1월 31일 문을 열자마자 흔들렸다. 코스피가 0.77% 내렸고"); an earlier day
            # named since is a look back, not the paragraph's day
            block = ctx.sentence.block
            days = [d for d in (dateline.get(block), latest.get(block)) if d]
            # ("단연 1월의 딥시크 쇼크죠. 엔비디아 시가총액이 하루에 1000억 달러 넘게 …": the
            # month the paragraph has named, in an answer that names no day)
            ctx.inherited_date = max(days) if days else month_named.get(block) or section_day
            # 이날 in a paragraph that has named no day yet is the story's day: the first one
            # its paragraphs named ("27일(현지시간) 뉴욕증시에서 …" then "이날 하루 동안 …")
            first = dateline[min(dateline)] if dateline else None
            ctx.anchor_date = latest.get(ctx.sentence.block) or first
            ctx.anchor_in_paragraph = ctx.sentence.block in latest
            # an undated paragraph of a market report is about the story's session, the day its
            # paragraphs named first ("27일(현지시간) 뉴욕증시에서 …" then "브로드컴은 17.4% 내린
            # …"); a later dated paragraph is mostly a look back ("1월 31일 … 급락했었다")
            ctx.session_date = section_day or first
            # before any model is named (a deck line), the one the story names most
            ctx.recent_model = model or story_model
            # the model the sentence is about: one it makes its subject ("R1은 V3-Base를 토대로
            # 한 모델로": R1, not the base it names), else the last it names
            named = [m for m in ctx.mentions if m.type == "model"]
            subjects = [m for m in named if ctx.text.startswith(SUBJECT_ENDINGS, m.end)]
            model = (subjects or named)[-1].entity if named else model
            _remember_date(ctx, dateline, latest, month_named)
            ctx.stance = read_stance(ctx.text, ctx.mentions, previous)
            ctx.in_correction = ctx.sentence.block in corrected
            if ctx.in_correction or corrects_itself and own_report(ctx.text):
                reading = retracted(ctx.text, ctx.stance, own=ctx.sentence.block not in corrected)
                ctx.retracted = reading is not ctx.stance
                ctx.stance = reading
            previous = ctx.stance
            block = ctx.sentence.block
            ctx.previous = earlier if earlier and earlier.sentence.block == block else None
            ctx.recent_market_owner = market_owner[1] if market_owner[0] == block else None
            ctx.recent_market_frame = market_frame[1] if market_frame[0] == block else None
            # (an intraday low recalled after it does not end the close: "…19만9200원에 장을
            # 마쳤다. 개장 직후 11%대까지 밀렸다가 … 삼성전자는 2.42% 떨어진 5만2400원")
            ctx.recent_close = close_frame[1] if close_frame[0] == block else None
            ctx.close_labelled = (
                labelled_close == block or block in closing_entries or section_closed
            )
            if closed == block:
                # "…118.42달러에 마감했다. 장중 한때 18% 넘게 밀리기도 했다. 하루 새 시가총액
                # 5890억 달러가 사라졌는데": after the close, an intraday low is a look back,
                # no live report the paragraph goes on with
                ctx.recent_market_frame = None
            ctx.move_days = move_days
            ctx.named_events = named_events
            if public_body_speaks(ctx.text):
                # "시는 … GPU 3천 장을": the figures are the city's, not the company's (what it
                # does to the company, a ban of its app, still is about the company)
                ctx.story_subject, own = None, ctx.story_subject
                figures = figure_drafts(ctx)
                ctx.story_subject = own
            else:
                figures = figure_drafts(ctx)
            owners = [d.subject for d in figures if d.topic in MARKET_TOPICS and d.subject]
            _remember_move_days(figures, move_days)
            if owners and _LABEL_LINE.match(ctx.text) and len(ctx.text) <= _LABEL_LINE_LENGTH:
                # "▶ 엔비디아: -16.97%, 118.42달러 마감" over a paragraph that names no one: the
                # label's company is whose value the paragraph under it tells
                market_owner = (block + 1, owners[0])
            elif owners:
                market_owner = (block, owners[-1])
            elif (labelled := _price_label(ctx, figures)) is not None:
                market_owner = (block, labelled)  # "SK하이닉스 19만9200원. 전 거래일 … 내린 채"
            elif not figures and (opening := _opening_owner(ctx)):
                market_owner = (block, opening)  # "SK하이닉스 선은 … 꺾인다. 10.6% 밀린 …"
                if _CLOSE_LABEL.search(ctx.text):
                    labelled_close = block  # "31일 SK하이닉스 종가. … 5% 넘게 빠졌다": closes
            earlier = ctx
            frames = [d.frame for d in figures if d.topic in MARKET_TOPICS and d.frame]
            if frames:
                market_frame = (block, frames[-1])
            if frames and frames[-1].moment == "close":
                closed = block  # (a look back at another day's close before a live figure is not)
                close_frame = (block, frames[-1])
            figures, whole = _parts_of_whole(figures, fleet[1] if fleet[0] == block else None)
            fleet = (block, whole)
            # Headings count too: a deck line under a headline may be the only place a figure or a
            # ban is stated.
            for draft in figures + statement_drafts(ctx, figures):
                claims.append(_claim_fields(ctx, draft))
    return _unique_ids(claims)


# a label line of a briefing: (a bullet,) the name, a colon, its figures ("▶ 엔비디아: -16.97%,
# 118.42달러 마감"; the loader has taken the bullet off)
_LABEL_LINE = rx.compile(
    r"^\s*(?:[▶►■◆●◇□▷※-]\s*)?[^\s:：.。!?]{1,20}(?: [^\s:：.。!?]{1,20})?\s*[:：]\s"
)
_LABEL_LINE_LENGTH = 60


def _remember_move_days(figures: list[Draft], move_days: dict[tuple[str, str], set[str]]) -> None:
    """Record the day of each dated market move (a session's close, or a move of a past day)."""
    for d in figures:
        frame, direction = d.frame, d.attributes.get("direction")
        if d.topic not in MARKET_TOPICS or not d.subject or frame is None or not direction:
            continue
        if frame.measure == "change" and frame.as_of and len(frame.as_of) == 10:
            if frame.moment in (None, "close"):
                move_days.setdefault((d.subject, direction), set()).add(frame.as_of)


def _correction_blocks(contexts: list[SentenceContext]) -> set[int]:
    """The paragraphs of a correction box: those holding a marker ("바로잡습니다") and the one
    right after a marker's own line."""
    markers = stance_data().corrections.markers
    marked = {ctx.sentence.block for ctx in contexts if any(m in ctx.text for m in markers)}
    return marked | {block + 1 for block in marked}


_CARD_NUMBER = rx.compile(r"^\W*\d{1,2}/\d{1,2}\s")


def _day_line(ctx: SentenceContext) -> str | None:
    """The day of a line that says nothing but a day ("■ 1월 27일", "[2월 17일]"), or a short
    subhead with one day and no figure ("오늘 장 기록"): it dates the paragraphs under it."""
    from claimcheck.extract.dates import date_mentions

    if len(ctx.text) > 24:
        return None
    # not ctx.dates(): it keeps its reading, which must wait for the paragraph's anchor day
    written = date_mentions(ctx.text, ctx.article.meta.published)
    days = [d for d in written if d.value and len(d.value) == 10]
    if len({d.value for d in days}) != 1:
        return None  # (one day, maybe said twice: "오늘 서울은(31일 종가)")
    rest = ctx.text
    for day in reversed(days):
        rest = rest[: day.start] + rest[day.end :]
    # (a card's number is no figure: "▶ 4/7 오늘 서울은(31일 종가)")
    rest = _CARD_NUMBER.sub("", rest, count=1)
    if not any(ch.isalnum() for ch in rest):
        return days[0].value
    # a subhead, not a sentence: no figure besides its day, no sentence ending
    from claimcheck.load.rules import sentence_data

    # a line that ends as a sentence does ("…했다.", "…요", "…까?") is prose, not a subhead
    last = ctx.text.rstrip(" \"'”’)]")[-1:]
    # (a line that closes a bracket with no stop is a label: "오늘 서울은(31일 종가)")
    labelled = ctx.text.rstrip().endswith(")")
    ends = last in ".!?…" or (last in sentence_data().final_syllables and not labelled)
    return days[0].value if not ends and not any(ch.isdigit() for ch in rest) else None


def _remember_date(
    ctx: SentenceContext, dateline: dict[int, str], latest: dict[int, str], months: dict[int, str]
) -> None:
    # "전날" looks back from the day the paragraph reports: it is never the day a later
    # "이날" or "전날" counts from ("…마감했다. 전날 16.97% 폭락하며 … 전날 7.9% 급락했던")
    from claimcheck.extract.dates import looks_back, recalls_a_cause

    looking_back = _looking_back_words()
    days = [
        d.value
        for d in ctx.dates()
        if ctx.text[d.start : d.end] not in looking_back
        and not looks_back(ctx.text, d.end)
        and not recalls_a_cause(ctx.text, d.end)
        # a filing stamp ("최유진 기자 | 2025년 2월 27일 08:10", "1월 28일(화) 오전 7시 발송") dates
        # the copy, not its session
        and not _CLOCK.match(ctx.text, d.end)
        # the day a move starts from ("직전 거래일(24일) 142.62달러에서 하루 만에 주저앉았다"):
        # the paragraph tells of the day after it
        and not _move_start().match(ctx.text, d.end)
    ]
    full = [d for d in days if d and len(d) == 10]
    published = ctx.article.meta.published
    if published is not None:
        # a day still to come ("31일 개장 앞두고", "31일 문을 연다") is no day the story's figures
        # hold on
        full = [d for d in full if d <= published.isoformat()]
    # the paragraph's first date is its dateline ("이날 유가증권시장에서"); a later one is
    # mostly a look back ("연휴 직전인 24일 … 마감했었다")
    if full and ctx.sentence.block not in dateline:
        dateline[ctx.sentence.block] = full[0]
    if full:
        latest[ctx.sentence.block] = full[-1]
    named = [d for d in days if d and len(d) == 7]
    if named and not full and (published is None or named[-1] <= published.isoformat()[:7]):
        months[ctx.sentence.block] = named[-1]


@functools.cache
def _move_start() -> re.Pattern[str]:
    """A day followed by the price a move starts from (frames.yaml days: move_start_*)."""
    from claimcheck.extract.frames import frame_data

    days = frame_data().days
    words = rx.alternation(days.get("move_start_words", [])) or "(?!)"
    units = rx.alternation(days.get("move_start_units", [])) or "(?!)"
    starts = rx.alternation(days.get("move_start_from", [])) or "(?!)"
    return rx.compile(rf"\)?\s*(?:(?:{words})\s*)?\(?[\d,.]+\s*(?:{units})\)?\s*(?:{starts})\s")


_CLOCK = rx.compile(
    r"\s*(?:\([월화수목금토일]\)\s*)?"
    r"(?:\d{1,2}:\d{2}|(?:오전|오후)\s?\d{1,2}시(?:\s?\d{1,2}분)?\s?(?:발송|송고|입력|수정|업데이트))"
)


@functools.cache
def _looking_back_words() -> frozenset[str]:
    from claimcheck.extract.frames import frame_data

    days = frame_data().days
    return frozenset(days["yesterday"] + days["previous_trading_day"])


def _confirm_mentions(contexts: list[SentenceContext]) -> None:
    story_ids = {m.entity for ctx in contexts for m in ctx.mentions if m.rule is None}
    # "딥시크-V3를 예로 …": a model named in full names its maker too, so a later bare "V3"
    # (near: 딥시크) is the model, not a name of its own
    story_ids |= {m.parent for ctx in contexts for m in ctx.mentions if m.rule is None and m.parent}
    story_text = "\n".join(ctx.text for ctx in contexts)
    for ctx in contexts:
        ctx.mentions = confirmed(ctx.mentions, ctx.text, story_ids, story_text)


def _story_subject(contexts: list[SentenceContext], names: frozenset[str]) -> str | None:
    """The company a story is about: the one named most often (first named breaks ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ctx in contexts:
        for mention in ctx.mentions:
            entity = mention.entity if mention.type in _SUBJECT_TYPES else mention.parent
            if entity is None:
                continue
            counts[entity] += 1
            first.setdefault(entity, ctx.sentence.start + mention.start)
    publisher = _publisher(contexts)
    if publisher is not None:
        return publisher
    if not counts:
        return _unknown_story_subject(contexts, names, 0)
    known = min(counts, key=lambda e: (-counts[e], first[e]))
    return _unknown_story_subject(contexts, names, counts[known]) or known


def _parts_of_whole(figures: list[Draft], held: Draft | None) -> tuple[list[Draft], Draft | None]:
    """Chips counted after a count of the chips a company holds, in its sentence or paragraph, each
    smaller than it and of no scope of their own, are its parts ("보유 GPU: 호퍼 계열 약 5만 장.
    H800 1만 장, H100 1만 장, 나머지는 H20"): the fleet's, never a training cluster's. Returns the
    figures and the last such whole."""
    for draft in figures:
        frame, quantity = draft.frame, draft.quantity
        if draft.topic != "gpu_count" or frame is None or quantity is None:
            continue
        if frame.scope == "fleet" and frame.measure == "level":
            held = draft
            continue
        size = held.quantity.value or held.quantity.high if held and held.quantity else None
        if size is not None and not frame.scope and (quantity.value or size) < size:
            draft.frame = frame.model_copy(update={"scope": "fleet", "measure": "part"})
    return figures, held


def _interviewee(contexts: list[SentenceContext]) -> tuple[bool, str | None]:
    """Whether the story is an interview with someone who runs an organisation, and that
    organisation where the title or headline names a known one (else None: unknown)."""
    if not contexts:
        return False, None
    data = stance_data().interviews
    article = contexts[0].article
    heads = [article.meta.title or ""] + [c.text for c in contexts[:3] if c.is_heading]
    marked = any(word in head for head in heads for word in data.markers)
    if article.meta.kind != "interview" and not marked:
        return False, None
    titles = rx.alternation(sorted(data.titles, key=len, reverse=True))
    if not any(re.search(titles, head) for head in heads):
        return False, None  # an expert's interview: answers speak of the story's company
    # "네이버 하정우 대표", "하정우 네이버 대표": a known organisation, a name, the title
    titled = re.compile(rf"\s*(?:[\w·]{{2,5}}\s+)?(?:{titles})")
    for head in heads:
        for mention in find_mentions(head):
            if mention.type in ("company", "organisation", "government") and titled.match(
                head, mention.end
            ):
                return True, mention.entity
    # one the alias table does not know ("정하윤 모아랩스 대표", "모아랩스 정하윤 대표 인터뷰")
    return True, next(filter(None, map(heads_company, heads)), None)


def _answers(ctx: SentenceContext) -> bool:
    """Whether the sentence's paragraph is an answer: it opens with a quote or an answer tag."""
    block = ctx.article.blocks[ctx.sentence.block]
    opening = normalize(block.text).text.lstrip()
    return opening.startswith(tuple(stance_data().interviews.answer_openers))


def _publisher(contexts: list[SentenceContext]) -> str | None:
    """The company that publishes the story itself ("outlet: 한빛랩스 홍보팀" of a press release,
    a company's newsroom), when the story names it: its own story, whatever rival it names more."""
    from claimcheck.extract.lexicon import topic_data
    from claimcheck.extract.mentions import find_mentions

    if not contexts:
        return None
    meta = contexts[0].article.meta
    outlet = (meta.outlet or "").strip()
    # a company's own desk ("홍보팀", "뉴스룸"), not a platform hosting others ("네이버 블로그")
    if not outlet or not any(word in outlet for word in topic_data().publisher_desks):
        return None
    named = [m.entity for m in find_mentions(outlet) if m.type in _SUBJECT_TYPES and m.start == 0]
    if named:
        return named[0]
    # the publisher's name as the story writes it, with a particle ("솔빛에이아이는 … 밝혔다")
    word = outlet.split()[0]
    said = re.compile(rf"{re.escape(word)}(?:은|는|이|가|의)\s")
    if any(said.search(ctx.text + " ") for ctx in contexts):
        return word
    # a company's own blog signs its posts with its name ("소담AI 학습인프라팀입니다")
    return word if sum(ctx.text.count(word) for ctx in contexts) >= 2 else None


# a company or index that opens a sentence as its subject, maybe through its line or share
# ("SK하이닉스 선은 개장하자마자 꺾인다", "엔비디아 주가는 …")
# (or a label: "31일 SK하이닉스 종가." over the fact box's next sentence)
_OWNER_OPENING = rx.compile(
    r"\s*(?:(?:선|주가|주식|주|차트)\s?)?(?:은|는|이|가|도)\s|\s*(?:종가|주가|시가총액|시총)\.?\s*$"
)


def _opening_owner(ctx: SentenceContext) -> str | None:
    """The company or index a sentence without figures opens with as its subject: the owner of
    the market figures the paragraph's next sentences leave ownerless."""
    if not ctx.mentions:
        return None
    first = ctx.mentions[0]
    if first.type not in ("company", "market_index"):
        return None
    lead = ctx.text[: first.start].strip()
    # (or after a short description of it: "정작 충격의 진원지인 엔비디아는 …", or its day)
    described = len(lead) <= 20 and _DESCRIBED.search(lead) and not _LEAD_BREAK.search(lead)
    if lead and not (described or _A_DAY.fullmatch(lead)):
        return None
    return first.entity if _OWNER_OPENING.match(ctx.text, first.end) else None


def _price_label(ctx: SentenceContext, figures: list) -> str | None:
    """The company a fact box's line names with its price and nothing else ("SK하이닉스
    19만9200원."): the owner of the moves the next sentence of the paragraph leaves ownerless."""
    if len(ctx.mentions) != 1 or len(figures) != 1 or figures[0].quantity is None:
        return None
    name, figure = ctx.mentions[0], figures[0]
    # a company's price in any currency, an index's level in points or none ("코스피 2517.37.")
    priced = in_money(figure.quantity.unit) and name.type == "company"
    level = figure.quantity.unit in (None, "point") and name.type == "market_index"
    if not (priced or level):
        return None
    rest = ctx.text[: name.start] + ctx.text[name.end : figure.span[0]] + ctx.text[figure.span[1] :]
    return name.entity if not _LABEL_REST.search(rest) else None


_LABEL_REST = rx.compile(r"\w")
_DESCRIBED = rx.compile(r"(?:인|이던|였던|이었던)$")
_CLOSE_LABEL = rx.compile(r"종가\.?\s*$")
_A_DAY = rx.compile(r"(?:\d{1,2}월\s*)?\d{1,2}일(?:\s*\(현지시간\))?")
_LEAD_BREAK = rx.compile(r"[,\"'“”‘’\d]")


# a live blog's entry stamp: "[28일 00:20]", "[오후 1시 40분]", "【14:05】"
_LIVE_STAMP = rx.compile(
    r"\s*[\[【]\s*(?:\d{1,2}일\s*)?(?:(?:오전|오후)\s?)?\d{1,2}(?::\d{2}|시(?:\s?\d{1,2}분)?)\s*[\]】]"
)


def _live_entries(contexts: list[SentenceContext]) -> tuple[set[int], set[int]]:
    """A live blog's paragraphs, those that open with a clock time in brackets: the entries during
    the session, which say nothing of a close ("[28일 00:20] 낙폭 확대. 엔비디아 -14.8%"), and the
    closing entries, whose first sentence says the session closed ("[15:30] 장 마감. … 삼성전자는
    2.42% 내린 5만2400원": their moves are closes)."""
    from claimcheck.extract.frames import frame_data

    closing_words = frame_data().moments["close"]
    firsts: dict[int, SentenceContext] = {}
    texts: dict[int, list[str]] = {}
    for ctx in contexts:
        firsts.setdefault(ctx.sentence.block, ctx)
        texts.setdefault(ctx.sentence.block, []).append(ctx.text)
    during, closing = set(), set()
    for block, first in firsts.items():
        stamp = _LIVE_STAMP.match(first.text)
        if stamp is None:
            continue
        if any(word in first.text[stamp.end() : stamp.end() + 12] for word in closing_words):
            closing.add(block)
        elif not any(word in text for text in texts[block] for word in closing_words):
            during.add(block)
    return during, closing


def _closing_report(contexts: list[SentenceContext]) -> bool:
    """Whether the story's title or headline says it reports a session's close ("[마감시황]",
    "…하락 마감")."""
    from claimcheck.extract.frames import frame_data

    meta = contexts[0].article.meta if contexts else None
    heads = [meta.title or ""] if meta else []
    heads += [c.text for c in contexts if c.sentence.section == "headline"]
    data = frame_data()
    closed = any(word in head for head in heads for word in data.moments["close"])
    # not a live report updated through the session ("[실시간 시황]" under a title that ends it)
    return closed and not any(word in head for head in heads for word in data.live_reports)


def _introduced_names(contexts: list[SentenceContext]) -> frozenset[str]:
    """The names the alias table does not know that some sentence of the story makes entities
    (frames.unknown_entities: "스타트업 노바브레인은", "노바브레인(대표 이서준)은"): the same name
    is an owner wherever the story writes it with a particle ("노바브레인은 300만 달러를 썼다")."""
    from claimcheck.extract.frames import unknown_entities

    return frozenset(word for ctx in contexts for _, word, _ in unknown_entities(ctx.text + " "))


def _unknown_story_subject(
    contexts: list[SentenceContext], names: frozenset[str], known: int
) -> str | None:
    """A company the alias table does not know ("한결랩스는 … 밝혔다") is the story's subject when
    it is named more often than any known one, at least three times: a startup's own press
    release is not the story of the rival it compares itself with."""
    text = "\n".join(ctx.text for ctx in contexts)
    counted = sorted(((text.count(name), name) for name in names), reverse=True)
    if counted and counted[0][0] >= 3 and counted[0][0] > known:
        return counted[0][1]
    # the headline leads with it ("모아랩스, '훈련비 12억 원' 경량 모델 공개"), as a story about
    # a company opens, and the story names it again
    headline = next((ctx for ctx in contexts if ctx.sentence.section == "headline"), None)
    lead = _HEADLINE_LEAD.match(headline.text) if headline else None
    if lead is None or lead.group(1) not in names or text.count(lead.group(1)) < 3:
        return None
    known = any(m.start <= lead.start(1) < m.end for m in headline.mentions)  # type: ignore[union-attr]
    return None if known else lead.group(1)


_HEADLINE_LEAD = rx.compile(r"^\W*([0-9A-Za-z\uac00-\ud7a3&]{2,}?)(?:,|은 |는 |이 |가 )")


def _claim_fields(ctx: SentenceContext, draft: Draft) -> dict:
    """The fields of a draft's claim (its id is given once all the article's claims are known)."""
    sentence = ctx.sentence
    reading = ctx.stance
    if draft.quantity is not None:
        reading = stance_of_figure(ctx.text, ctx.mentions, reading, draft.span)
    stance = reading.stance
    attributed_to = reading.attributed_to
    attributes = dict(draft.attributes)
    if draft.topic == "quote":
        # A quote is what its speaker said, whatever the sentence does with it.
        stance, attributed_to = "attributed", draft.subject
    if stance == "disputed" and attributed_to:
        attributes["disputed_by"] = attributed_to
        attributed_to = None
    if stance == "asserted":
        attributed_to = None
    if reading.cue:
        attributes["stance_cue"] = reading.cue
    if draft.quantity is not None and ctx.in_correction:
        if taken_back(ctx.text, draft.span):
            stance, attributed_to = "disputed", None
            attributes["retracted"] = "true"
    if ctx.retracted:
        attributes["retracted"] = "true"  # a correction takes it back: not even its arithmetic
    quantity = _in_file(draft.quantity, sentence.start) if draft.quantity else None
    return dict(
        article=ctx.article.id,
        story=sentence.story,
        topic=draft.topic,
        subject=draft.subject,
        object=draft.object,
        quantity=quantity,
        stance=stance,
        attributed_to=attributed_to,
        section=sentence.section,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        line=sentence.line,
        sentence=sentence.text,
        frame=draft.frame,
        attributes=dict(sorted(attributes.items())),
    )


def _in_file(quantity: Quantity, offset: int) -> Quantity:
    return copied_with(quantity, start=quantity.start + offset, end=quantity.end + offset)


def identity(claim: Claim) -> str:
    """The stable parts a claim's id is made of: what it is about, never its figure or wording.

    Article, topic, subject, object and the figure's unit (a dollar amount and its won conversion
    in one sentence are two claims; an edited figure keeps its unit). The sentence, the figure's
    value and the claim's position are left out, so editing them keeps the id.
    """
    return _identity(claim.article, claim.topic, claim.subject, claim.object, claim.quantity)


def _identity(
    article: str, topic: str, subject: str | None, obj: str | None, quantity: Quantity | None
) -> str:
    unit = quantity.unit if quantity else ""
    parts = [article, topic, subject or "", obj or "", unit or ""]
    return "\x1f".join(parts)


def _unique_ids(claims: list[dict]) -> list[Claim]:
    """Ids from stable parts (see `identity`); claims sharing them are numbered in file order.

    `<article>:<topic>:<digest>` for the first such claim, `~2`, `~3`… after it. Inserting or
    deleting a sentence elsewhere changes no id; only a claim about the same thing added before
    another renumbers those after it (within that one group).

    The claims are built here, once, with their ids, from the extractor's own checked parts.
    """
    seen: Counter[str] = Counter()
    out = []
    for fields in claims:
        parts = _identity(
            fields["article"],
            fields["topic"],
            fields["subject"],
            fields["object"],
            fields["quantity"],
        )
        digest = hashlib.sha1(parts.encode("utf-8")).hexdigest()[:10]
        base = f"{fields['article']}:{fields['topic']}:{digest}"
        seen[base] += 1
        claim_id = base if seen[base] == 1 else f"{base}~{seen[base]}"
        out.append(from_checked_parts(Claim, {"id": claim_id, **fields}))
    return out


# `claimcheck.extract(...)` is the API function (claimcheck/api.py), imported or not.
_api.callable_package(__name__)
