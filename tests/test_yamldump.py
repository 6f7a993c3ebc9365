"""Claim tables are written with libyaml's C emitter where it exists; the pure-Python emitter is
the fallback. Both must give the bytes `yaml.safe_dump` gave before (the tables in claims/ and
every user's tables were written that way), on every real table and on awkward strings."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import yamldump
from claimcheck.extract import extract_claims
from claimcheck.load import load_article, load_articles
from claimcheck.tables import table_body

ROOT = Path(__file__).resolve().parent.parent
needs_c = pytest.mark.skipif(not yamldump.HAS_C_EMITTER, reason="PyYAML built without libyaml")

# How claim tables were written before the C emitter: the reference for the bytes.
SAFE_DUMP = dict(allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


def _generated_articles(folder: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec and spec.loader
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scale.generate(folder, count)
    return sorted(folder.glob("*.txt"))


def _bodies(articles) -> list[dict]:
    return [table_body(article, extract_claims(article)) for article in articles]


def _same_bytes_every_way(body: dict) -> str:
    before = yaml.safe_dump(body, **SAFE_DUMP)
    pure = yamldump.dump(body, c_emitter=False)
    assert pure == before
    if yamldump.HAS_C_EMITTER:
        assert yamldump.dump(body, c_emitter=True) == before
    return before


def test_every_bundled_table_is_written_the_same_by_both_emitters_and_as_before():
    bodies = _bodies(load_articles(None))
    assert len(bodies) == 5 and all(body["claims"] for body in bodies)
    for body in bodies:
        _same_bytes_every_way(body)


def test_generated_tables_are_written_the_same_by_both_emitters_and_as_before(tmp_path):
    paths = _generated_articles(tmp_path, 40)
    for body in _bodies(load_article(path) for path in paths):
        _same_bytes_every_way(body)


def test_real_tables_are_laid_out_directly_with_the_bytes_of_safe_dump(tmp_path):
    # Claim tables take the direct layout (each distinct scalar written once by the emitter,
    # the lines put together here), not the events: it must give the same bytes.
    bodies = _bodies(load_articles(None)) + _bodies(
        load_article(path) for path in _generated_articles(tmp_path, 20)
    )
    for body in bodies:
        before = yaml.safe_dump(body, **SAFE_DUMP)
        assert yamldump._block_text(body, use_c=False) == before
        if yamldump.HAS_C_EMITTER:
            assert yamldump._block_text(body, use_c=True) == before


def test_what_the_direct_layout_does_not_cover_goes_through_the_events():
    # a list in a list, a line break, a long string, an empty key
    for body in ({"a": [[1]]}, {"a": "x\ny"}, {"a": "가" * 600}, {"": 1}, {}):
        assert yamldump._block_text(body, use_c=False) is None


def test_the_bundled_tables_on_disk_are_what_the_writer_gives():
    # The committed tables were written by yaml.safe_dump; reading one back and writing it
    # again must give its body byte for byte, with either emitter.
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        if path.name in ("reference.yaml", "overrides.yaml"):
            continue
        body_text = path.read_text(encoding="utf-8").split("\n", 3)[3]
        body = yaml.safe_load(body_text)
        assert _same_bytes_every_way(body) == body_text


AWKWARD = [
    "",
    " leading and trailing spaces ",
    "tab\there",
    "double \"quotes\" and 'single'",
    "- a leading dash",
    "? a leading question mark",
    ": colon first",
    "# not a comment",
    "&anchor-like *alias-like !tag-like %directive-like @at `backtick",
    "[flow] {like}, commas",
    "key: value inside",
    "line one\nline two\n\nline four",
    "ends with a newline\n",
    "carriage\rreturn and \u2028 line separator",
    "yes",
    "null",
    "~",
    "123",
    "1.5e3",
    "0x1F",
    "2025-01-27",
    "엔비디아 H800 칩 2천여 대와 약 560만 달러(약 85억 원)",
    "“곡선 따옴표”와 『겹낫표』",
    "non-breaking\u00a0space and zero\u200bwidth",
    "control \x07 bell \x1b escape \x7f delete",
    "NEL \x85 next line",
    "emoji 😀 beyond the BMP 𠀀",
    "\ufeffbyte order mark",
    "긴 문장 " * 200,  # 1,000 characters: over the length the C emitter is trusted with
    '"' * 700,  # escaped throughout and long
]


@needs_c
@pytest.mark.parametrize("text", AWKWARD, ids=range(len(AWKWARD)))
def test_awkward_strings_give_the_same_bytes_with_either_emitter(text):
    body = {"quote": text, "rows": [{"id": text, "line": 3, "value": 0.1}], "empty": []}
    _same_bytes_every_way(body)


def test_strings_libyaml_would_write_otherwise_go_through_the_pure_python_emitter():
    # libyaml escapes characters beyond the BMP; PyYAML writes them as they are. The fallback
    # keeps the emoji as written, so the table is the same on every machine.
    written = yamldump.dump({"quote": "반응 😀"}, c_emitter=True)
    assert written == "quote: 반응 😀\n"


AWKWARD_CHARACTERS = "ab 가나\n\t'\"#:-?&*!|>%@`{}[],\\\x85\u2028\ufeff😀é"


@needs_c
@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(
    st.dictionaries(
        st.from_regex(r"\A[a-z_]{1,12}\Z"),
        st.recursive(
            st.one_of(
                st.text(),
                st.text(alphabet=AWKWARD_CHARACTERS, max_size=40),
                st.builds(lambda a, n: a * n, st.text(min_size=1, max_size=4), st.integers(1, 900)),
                st.integers(),
                st.floats(),
                st.none(),
                st.booleans(),
            ),
            lambda inner: st.one_of(
                st.lists(inner, max_size=3),
                st.dictionaries(st.from_regex(r"\A[a-z_]{1,12}\Z"), inner, max_size=3),
            ),
            max_leaves=10,
        ),
        max_size=4,
    )
)
def test_any_plain_data_gives_the_same_bytes_with_either_emitter(body):
    _same_bytes_every_way(body)


def test_a_bare_scalar_is_refused_since_the_two_emitters_end_it_differently():
    with pytest.raises(TypeError):
        yamldump.dump("text")  # type: ignore[arg-type]


def test_many_generated_strings_of_news_text(tmp_path):
    # Lines of generated articles, cut at random places (leading symbols, half quotes).
    rng = random.Random(7)
    lines = [
        line
        for path in _generated_articles(tmp_path, 15)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for line in lines:
        cut = line[rng.randrange(len(line)) :]
        _same_bytes_every_way({"quote": cut, "sentence": line, "words": cut.split()})
