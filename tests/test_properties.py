"""Laws for any text: no crash, quotes are the file's own characters, same input, same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.extract import extract_claims
from claimcheck.load import load_article
from claimcheck.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path(__file__).resolve().parent / "corpus" / "ko" / "articles"

# Real lines of news prose (seeds and the unseen-style corpus), so that random articles
# actually contain figures, names and quotes for the extractor to work on.
NEWS_LINES = sorted(
    {
        line.strip()
        for path in [*SEEDS.glob("*.txt"), *CORPUS.glob("*.txt")]
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 15
    }
)
# Pieces that sit on the edges of the rules: signs, full-width and odd spaces, stops, brackets.
EDGE_PIECES = [
    "약 ",
    "5,576,000달러",
    "５６０만 달러",
    "1조 4000억 원",
    "17%↓",
    "2,048개",
    "10~20%",
    "1.5배",
    "U.S.",
    "(a.m.)",
    "…",
    "...",
    '"',
    "“",
    "”",
    "「",
    "」",
    "(",
    ")",
    "\u00a0",
    "\u200b",
    "\u3000",
    "\t",
    "\r\n",
    "\n",
    "。",
    "?",
    "!",
    "― ",
    "딥시크는",
    "엔비디아",
    "밝혔다.",
    '했다"고',
    "\u0301",
    "\u1100\u1161",
    "🦉",
    "#",
    "- ",
    "> ",
    "---",
]
SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "", "\r\n"])


def _mutate(line: str, digit: int, cut: int) -> str:
    """Swap the figures of a line and cut it somewhere: the same prose, other numbers."""
    swapped = "".join(str((int(ch) + digit) % 10) if ch in "0123456789" else ch for ch in line)
    return swapped[: max(1, len(swapped) - cut)]


news_lines = st.builds(_mutate, st.sampled_from(NEWS_LINES), st.integers(0, 9), st.integers(0, 40))
# Control characters make the loader refuse a file as binary; test_any_unicode_text covers them.
printable = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12)
pieces = st.one_of(news_lines, news_lines, st.sampled_from(EDGE_PIECES), printable)
articles_text = st.lists(st.tuples(pieces, SEPARATORS), min_size=1, max_size=14).map(
    lambda parts: "".join(piece + sep for piece, sep in parts)
)

SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _load(text: str, suffix: str, times: int = 1):
    """Load `text` as an article file (`times` times, from the same path), or None when the
    loader refuses it with an InputError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            loaded = [load_article(path) for _ in range(times)]
        except InputError as exc:
            assert "\n" not in exc.message and "random" in exc.message
            return None
    return loaded[0] if times == 1 else loaded


# --- the normaliser --------------------------------------------------------------------------


def _check_offsets(text: str) -> None:
    result = normalize(text)
    assert len(result.offsets) == len(result.text)
    assert all(0 <= o < len(text) for o in result.offsets)
    assert list(result.offsets) == sorted(result.offsets)
    start, end = result.span_to_original(0, len(result.text))
    assert 0 <= start <= end <= len(text)


@SETTINGS
@given(st.text(max_size=200))
def test_normalize_maps_every_character_back_into_the_original(text):
    _check_offsets(text)


@SETTINGS
@given(articles_text)
def test_normalize_never_raises_on_news_like_text(text):
    _check_offsets(text)


# Printable ASCII, newlines and precomposed Hangul: nothing the normaliser is meant to change.
PLAIN = st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from(
    ["\n", "가", "힣", "딥", "시", "크"]
)


@SETTINGS
@given(st.text(PLAIN, max_size=200))
def test_normalize_leaves_plain_ascii_and_hangul_alone(text):
    result = normalize(text)
    assert result.text == text and list(result.offsets) == list(range(len(text)))


# --- loader and extractor --------------------------------------------------------------------


def _check_claims(article) -> None:
    text = article.text
    for claim in extract_claims(article):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.quote
        assert claim.article == article.id and claim.id.startswith(f"{article.id}:")
        quantity = claim.quantity
        if quantity is not None:
            assert claim.start <= quantity.start <= quantity.end <= claim.end
            assert text[quantity.start : quantity.end] == quantity.text


@SETTINGS
@given(articles_text, st.sampled_from([".txt", ".md"]))
def test_every_claim_quotes_the_file_exactly(text, suffix):
    article = _load(text, suffix)
    if article is not None:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
        _check_claims(article)


@SETTINGS
@given(st.text(max_size=300), st.sampled_from([".txt", ".md"]))
def test_any_unicode_text_loads_or_is_refused_and_never_crashes_the_extractor(text, suffix):
    article = _load(text, suffix)
    if article is not None:
        _check_claims(article)


@SETTINGS
@given(st.lists(pieces, max_size=8))
def test_html_pages_of_any_text_never_crash(paragraphs):
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    article = _load(f"<html><head><title>제목</title></head><body>{body}</body></html>", ".html")
    if article is not None:
        for claim in extract_claims(article):
            assert 0 <= claim.start <= claim.end <= len(article.text)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(articles_text)
def test_extraction_is_deterministic(text):
    loaded = _load(text, ".txt", times=2)
    if loaded is not None:
        first, second = loaded
        assert first == second
        assert extract_claims(first) == extract_claims(second)


# --- the seeds, byte for byte ----------------------------------------------------------------


def test_reextracting_the_seeds_changes_no_byte_even_in_another_process(tmp_path):
    """Two runs in separate processes with different hash seeds write identical tables.

    A set or dict iterated in hash order would change the bytes between processes even when
    one process is self-consistent.
    """
    shutil.copytree(SEEDS, tmp_path / "seeds")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"claims-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", "extract", "seeds", "--out", out.name],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.yaml"))})
    assert sorted(outputs[0]) == sorted(p.stem + ".yaml" for p in SEEDS.glob("*.txt"))
    assert outputs[0] == outputs[1]
    # And a second run into the same folder rewrites nothing.
    out = tmp_path / "claims-1"
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.yaml")}
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", "seeds", "--out", out.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "0 table(s) written" in done.stderr
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.yaml")} == before


def test_the_normalisers_shortcut_misses_no_character_it_would_change():
    """Text with none of the characters the normaliser changes is returned as it is; that
    shortcut is only right if it knows every such character."""
    from claimcheck import textnorm

    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        changed = textnorm._map_char(ch) != ch
        assert changed <= bool(textnorm._CHANGED.search(ch)), hex(code)
    assert normalize("딥시크\u00a0５６０만 달러").text == "딥시크 560만 달러"
