"""What the extractor knows of one sentence: its normalised text, mentions, figures and stance."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from claimcheck.extract.mentions import Mention, find_mentions
from claimcheck.extract.stance import StanceReading
from claimcheck.models import Article, Frame, Quantity, Sentence
from claimcheck.textnorm import NormalizedText, normalize


@dataclass
class SentenceContext:
    """Everything the extractor reads about one sentence before it drafts claims from it."""

    article: Article
    sentence: Sentence
    norm: NormalizedText
    mentions: list[Mention]
    quantities: list[
        tuple[Quantity, int, int]
    ]  # quantity (sentence-relative) and its normalised span
    stance: StanceReading
    story_subject: str | None
    is_heading: bool
    # the first full date written earlier in the same paragraph: a market report dates its first
    # sentence ("27일(현지시간) 뉴욕증시에서") and not the ones after it
    inherited_date: str | None = None
    # the last full date the paragraph's earlier sentences wrote: what "이날" refers back to
    anchor_date: str | None = None
    anchor_in_paragraph: bool = False  # the anchor is a day this paragraph named
    # the dateline of the last earlier paragraph that had one: an undated market figure's session
    session_date: str | None = None
    # the last model the story's earlier sentences named: what an unnamed spec figure is of
    recent_model: str | None = None
    # whose share price or value the paragraph's previous sentence moved ("엔비디아가 … 밀렸다.
    # 시가총액 4890억 달러가 사라졌다"): the owner of a market figure that names none
    recent_market_owner: str | None = None
    # the frame of the last market figure of the paragraph's earlier sentences
    recent_market_frame: Frame | None = None
    # …when that figure was a close: the paragraph's close, which a next move with no moment of its
    # own goes on with ("…8.96% 내린 19만9200원에 마감했다. 삼성전자도 2.42% 하락했다")
    recent_close: Frame | None = None
    # the days the story's earlier sentences dated each owner's moves, by (owner, direction):
    # what a one-day move told again without its day is of ("27일 16.97% 폭락했다 … 엔비디아 시총이
    # 하루에 2000억 달러 이상 날아간 충격")
    move_days: dict[tuple[str, str], set[str]] = field(default_factory=dict, compare=False)
    # the market events the story names anywhere (frames.story_events), by day
    named_events: frozenset[str] = frozenset()
    # the paragraph's previous sentence (previous_owner: what "이 회사는" points back to)
    previous: SentenceContext | None = field(default=None, repr=False, compare=False)
    # the story is a closing report ("[마감시황] 코스피 0.77% 하락"): its session's moves are closes
    closing_report: bool = False
    # the paragraph is a live blog's entry stamped with a clock time and says no close ("[28일
    # 00:20] 낙폭 확대. 엔비디아 -14.8%"): its moves are of that moment of the session
    live_entry: bool = False
    # the names the story makes entities somewhere (frames.unknown_entities): an owner in any
    # sentence that writes them with a particle, introduced or not
    introduced_names: frozenset[str] = frozenset()
    # in a correction box, what the outlet reported before and now takes back
    retracted: bool = False
    in_correction: bool = False  # the sentence is in a correction box
    # a label before it in the paragraph says its moves are a session's close ("31일 SK하이닉스
    # 종가. 연휴 동안 쌓인 악재가 … 5% 넘게 빠졌다")
    close_labelled: bool = False
    _dates: list | None = None  # dates.DateMention, read once per sentence
    _entities: list | None = None  # frames.unknown_entities, read once per sentence

    def previous_owner(self) -> str | None:
        """The company the paragraph's previous sentence named last, known to the alias table or
        not, else the one it pointed back to in turn; read only when a sentence points back."""
        earlier = self.previous
        if earlier is None:
            return None
        mentions = earlier.mentions
        named = [(m.start, m.entity) for m in mentions if m.type in ("company", "organisation")]
        named += [
            (at, word)
            for at, word, _ in earlier.entities()
            if not any(m.start <= at < m.end for m in mentions)
        ]
        return max(named)[1] if named else earlier.previous_owner()

    def previous_topic(self) -> str | None:
        """The company the paragraph's previous sentence is about: the first the alias table
        knows that it names with the topic particle 은/는 ("메타는 지난해 라마 3.1을 공개했다");
        None when it has none. (Names the table does not know are left out: a word with 은/는 may
        be a person, "글쓴이는", as well as a company.)"""
        earlier = self.previous
        if earlier is None:
            return None
        text = earlier.text
        named = [
            (m.start, m.end, m.entity)
            for m in earlier.mentions
            if m.type in ("company", "organisation")
        ]
        for _start, end, entity in sorted(named):
            if text[end : end + 1] in ("은", "는") and text[end + 1 : end + 2] in (" ", ""):
                return entity
        return None

    def dates(self) -> list:
        """The dates the sentence writes (dates.date_mentions), read once."""
        if self._dates is None:
            from claimcheck.extract.dates import date_mentions

            self._dates = date_mentions(
                self.text, self.article.meta.published, self.anchor_date, self.anchor_in_paragraph
            )
        return self._dates

    def entities(self) -> list:
        """The sentence's names that own figures though the alias table may not know them
        (frames.unknown_entities, with the story's introduced names), read once."""
        if self._entities is None:
            from claimcheck.extract.frames import unknown_entities

            self._entities = unknown_entities(self.text + " ", self.introduced_names)
        return self._entities

    _inverse: list[int] = field(default_factory=list)
    # the normalised text (norm.text), an attribute rather than a property: the rules read it
    # about fifty times per sentence
    text: str = field(init=False, default="", repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.norm.text

    def to_file_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised sentence span → offsets in the article file."""
        s, e = self.norm.span_to_original(start, end)
        return self.sentence.start + s, self.sentence.start + e

    def date_near(self, position: int) -> str | None:
        """The day written nearest a position in the sentence ("27일", "지난해 6월 18일"), as
        dates.date_mentions resolves it, or None where no day is written or resolved."""
        days = [d for d in self.dates() if d.value and len(d.value) == 10]
        if not days:
            return None
        return min(days, key=lambda d: abs(d.start - position)).value


def _to_normalised(norm: NormalizedText, original_index: int) -> int:
    return bisect.bisect_left(norm.offsets, original_index)


def build_context(
    article: Article, sentence: Sentence, story_subject: str | None
) -> SentenceContext:
    from claimcheck.quantities import find_quantities

    norm = normalize(sentence.text)
    mentions = _without_store_owners(find_mentions(norm.text), norm.text)
    quantities = []
    for quantity in find_quantities(sentence.text):
        start = _to_normalised(norm, quantity.start)
        end = _to_normalised(norm, quantity.end)
        quantities.append((quantity, start, end))
    block = article.blocks[sentence.block]
    return SentenceContext(
        article=article,
        sentence=sentence,
        norm=norm,
        mentions=mentions,
        quantities=quantities,
        stance=StanceReading("asserted", None, None),  # set once mentions are confirmed
        story_subject=story_subject,
        is_heading=block.kind == "heading",
    )


def _without_store_owners(mentions: list, text: str) -> list:
    """ "애플 앱스토어", "구글 플레이": a company named as part of its app store's name is the
    store, where an app ranks, not a company the sentence is about."""
    from claimcheck.extract.frames import store_words

    stores = store_words()
    return [
        m
        for m in mentions
        if not (
            m.type == "company"
            and (text.startswith(stores, m.start) or text[m.end :].lstrip(" ").startswith(stores))
        )
    ]
