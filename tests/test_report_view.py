"""The default terminal view of `claimcheck report` on the bundled corpus, as properties that
hold whatever findings the reconciler makes: every problem is shown, the first one early, the
whole within its limits, worst first; --all shows every finding; Korean all the way."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.render.common import SEVERITY
from claimcheck.render.textwidth import width

ENV = {"COLUMNS": "100", "CLAIMCHECK_CACHE_DIR": "off", "NO_COLOR": "1"}
# The verdicts the issue names as problems, and the new `disputed`.
PROBLEM_VERDICTS = {
    "refuted",
    "contradiction",
    "misattributed",
    "misleading",
    "inconsistent",
    "disputed",
}
# A block starts with a verdict badge: one glyph, a space and a capitalised word (English).
BADGE = re.compile(r"^\S (?:[A-Z]|[가-힣])")


def _run(*args: str) -> str:
    result = CliRunner(env=ENV).invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def report_json():
    return json.loads(_run("report", "--format", "json", "--single-source"))


@pytest.fixture(scope="module")
def view():
    return _run("report")


@pytest.fixture(scope="module")
def view_ko():
    return _run("report", "--lang", "ko")


@pytest.fixture(scope="module")
def view_all():
    return _run("report", "--all")


def _problems(report_json):
    return [f for f in report_json["findings"] if f["verdict"] in PROBLEM_VERDICTS]


def _blocks(text: str) -> list[list[str]]:
    """The compact blocks: from a badge line to its `id:` (or `판정 번호:`) line."""
    blocks, current = [], None
    for line in text.splitlines():
        if current is None and BADGE.match(line) and " · " in line:
            current = [line]
        elif current is not None:
            current.append(line)
            if re.match(r"^  (id|판정 번호): ", line):
                blocks.append(current)
                current = None
    return blocks


def _block_id(block: list[str]) -> str:
    return block[-1].split(": ", 1)[1].strip()


def test_the_corpus_has_problems_to_show(report_json):
    # The properties below mean something only if there are problems (and more than fit a screen).
    assert len(_problems(report_json)) >= 5


def test_default_view_is_at_most_200_lines_of_at_most_100_columns(view):
    lines = view.splitlines()
    assert len(lines) <= 200
    assert max(width(line) for line in lines) <= 100


def test_every_problem_appears_in_the_default_view(view, report_json):
    shown = {_block_id(block) for block in _blocks(view)}
    for finding in _problems(report_json):
        assert finding["id"] in shown, finding["id"]


def test_only_problems_are_drawn_in_the_default_view(view, report_json):
    verdicts = {f["id"]: f["verdict"] for f in report_json["findings"]}
    assert all(verdicts[_block_id(b)] in PROBLEM_VERDICTS for b in _blocks(view))


def test_first_problem_within_the_first_40_lines(view):
    lines = view.splitlines()
    first_id = _block_id(_blocks(view)[0])
    block_start = next(
        i for i, line in enumerate(lines) if BADGE.match(line) and " · " in line and i > 0
    )
    assert block_start < 40
    assert any(first_id in line for line in lines[block_start : block_start + 10])


def test_blocks_are_at_most_ten_lines(view, view_all):
    for block in _blocks(view) + _blocks(view_all):
        assert len(block) <= 10, block


def test_problems_worst_first(view, report_json):
    verdicts = {f["id"]: f["verdict"] for f in report_json["findings"]}
    ranks = [SEVERITY.index(verdicts[_block_id(b)]) for b in _blocks(view)]
    assert ranks == sorted(ranks)
    # refuted is the worst verdict there is: when the corpus has one, it leads.
    if any(f["verdict"] == "refuted" for f in report_json["findings"]):
        assert verdicts[_block_id(_blocks(view)[0])] == "refuted"


def test_the_story_comes_first_with_three_to_seven_sentences(view):
    lines = view.splitlines()
    assert lines[2] == "What stands out"
    items = [line for line in lines[3:] if re.match(r"^\d+\. ", line)]
    story_end = lines.index("", 3)
    items = [line for line in lines[3:story_end] if re.match(r"^\d+\. ", line)]
    assert 3 <= len(items) <= 7
    assert lines[story_end + 1].startswith("Problems, worst first")
    # Sentences carry figures: at least one digit in the story.
    assert re.search(r"\d", " ".join(lines[3:story_end]))


def test_the_tally_counts_the_rest_and_says_how_to_see_it(view, report_json):
    tail = view[view.index("The rest") :]
    assert "claimcheck report --all" in tail and "claimcheck explain ID" in tail
    supported = sum(1 for f in report_json["findings"] if f["verdict"] == "supported")
    assert f"Supported {supported}" in tail


def test_each_source_line_marks_the_figure(view, report_json):
    by_id = {f["id"]: f for f in report_json["findings"]}
    for block in _blocks(view):
        finding = by_id[_block_id(block)]
        marked = [line for line in block if "«" in line and "»" in line]
        shown = min(len(finding["sources"]), len(marked))
        assert shown >= 1 or not finding["sources"], block


def test_all_shows_every_finding_in_the_same_order_as_the_exports(view_all, report_json):
    ids = [_block_id(b) for b in _blocks(view_all)]
    # Single-source findings are listed only with --single-source, as in the JSON.
    listed = [f["id"] for f in report_json["findings"] if f["verdict"] != "single_source"]
    assert sorted(ids) == sorted(listed)
    markdown = _run("export", "--format", "markdown", "--all")
    exported = re.findall(r"^\| `([^`]+)` \|", markdown, flags=re.M)
    # The export's --all includes single-source findings, which report --all leaves out.
    assert [i for i in exported if i in set(ids)] == ids
    csv_text = _run("export", "--format", "csv", "--all")
    csv_ids = list(dict.fromkeys(line.split(",")[0] for line in csv_text.splitlines()[1:]))
    assert [i for i in csv_ids if i in set(ids)] == ids


def test_verdict_filter_draws_what_was_asked_for():
    text = _run("report", "--verdict", "supported")
    blocks = _blocks(text)
    assert blocks and all("Supported" in b[0] for b in blocks)


# --- Korean all the way ------------------------------------------------------------------------


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z0-9]*", text))


def _allowed(report_json) -> set[str]:
    """Latin words a Korean view may show: ids, URLs, names of models and other entities as
    the tables write them in Korean, and what sources wrote (article sentences, the titles and
    locators of reference sources, the exchange-rate source). Reference quotes are checked
    separately: they are shown in “” and stripped before the check."""
    from claimcheck.entities_data import load_entity_table
    from claimcheck.fx_tables import fx_sources
    from claimcheck.reference import load_reference

    allowed = {"claimcheck", "report", "explain", "all"}  # the commands a reader can type
    for claim in report_json["claims"]:
        allowed |= _tokens(claim["sentence"]) | _tokens(claim["id"])
        allowed |= _tokens(claim["attributed_to"] or "")  # an id when no entity has it
    for article in report_json["articles"]:
        allowed |= _tokens(" ".join(str(v) for v in article.values() if v))
    for finding in report_json["findings"]:
        allowed |= _tokens(finding["id"])
    for fact in load_reference().all_facts():
        allowed |= _tokens(f"{fact.id} {fact.statement_ko} {fact.source_title}")
        allowed |= _tokens(fact.source_locator)
    for entity in load_entity_table().entities:
        allowed |= _tokens(entity.name_ko)
        if entity.type in ("model", "chip", "product"):
            allowed |= _tokens(entity.name_en)
    allowed |= {word for table in fx_sources().tables for word in _tokens(table.cite)}
    return allowed


def _reference_quotes() -> list[str]:
    from claimcheck.reference import load_reference

    return sorted(
        (" ".join(f"“{fact.quote}”".split()) for fact in load_reference().all_facts()),
        key=len,
        reverse=True,
    )


def _english_left(text: str, allowed: set[str]) -> list[str]:
    # A reference's quote is the source's own words; it may hold quote marks of its own, so
    # it is taken out whole (explain wraps it over lines: compare with spaces collapsed).
    lines = text.splitlines()
    if any(line.startswith("  “") for line in lines):
        text = "\n".join(" ".join(line.split()) for line in lines)
        joined = " ".join(text.split())
        for quote in _reference_quotes():
            joined = joined.replace(quote, "")
        text = joined
    # Quotes of sources are their own words (a quote clipped at the line's end has no ”).
    text = re.sub(r"“[^”\n]*…$", "", text, flags=re.M)
    text = re.sub(r"“[^”]*”", "", text)
    text = re.sub(r"https?://\S+", "", text)
    left = []
    for match in re.finditer(r"[A-Za-z][A-Za-z0-9]*", text):
        word = match.group()
        # A word cut by an ellipsis is a part of an allowed one.
        cut_after = text[match.end() : match.end() + 1] == "…"
        cut_before = text[match.start() - 1 : match.start()] == "…"
        if word in allowed:
            continue
        if cut_after and any(a.startswith(word) for a in allowed):
            continue
        if cut_before and any(a.endswith(word) for a in allowed):
            continue
        left.append(word)
    return left


def test_korean_view_has_no_english_left(view_ko, report_json):
    left = _english_left(view_ko, _allowed(report_json))
    assert left == [], left


def test_korean_all_and_explain_have_no_english_left(report_json):
    allowed = _allowed(report_json)
    text = _run("report", "--lang", "ko", "--all", "--single-source")
    assert _english_left(text, allowed) == [], _english_left(text, allowed)
    from claimcheck.render.explain import full

    data = _korean_view_data(report_json)
    from claimcheck.cli.report_view import as_text
    from claimcheck.models import Finding

    for row in report_json["findings"]:
        text = as_text(full(Finding.model_validate(row), data), colour=False)
        assert _english_left(text, allowed) == [], (row["id"], _english_left(text, allowed))


def _korean_view_data(report_json):
    from claimcheck.models import Claim
    from claimcheck.reference import load_reference
    from claimcheck.render.view import ViewData

    return ViewData(
        lang="ko",
        width=100,
        articles={a["id"]: a for a in report_json["articles"]},
        claims={c["id"]: Claim.model_validate(c) for c in report_json["claims"]},
        facts={f.id: f for f in load_reference().all_facts()},
    )


def test_korean_labels_for_topics_diagnoses_heads_and_provenance(view_ko):
    assert view_ko.splitlines()[2] == "핵심 문제"
    assert "문제, 심각한 순" in view_ko and "나머지" in view_ko
    assert "판정 번호: " in view_ko
    assert "추정 원인: " in view_ko and "stance conflict" not in view_ko
    assert "hardware" not in view_ko and "하드웨어" in view_ko
    assert "line " not in view_ko and "행 · " in view_ko


def test_json_keeps_slugs_and_adds_words(report_json):
    for finding in report_json["findings"]:
        labels = finding["labels"]
        assert "_" not in labels["topic"] + labels["topic_ko"]  # words, not the slug
        assert labels["verdict_ko"] and labels["topic_ko"]
        assert bool(labels["diagnosis"]) == bool(finding["diagnosis"])
    chips = next(f for f in report_json["findings"] if f["topic"] == "gpu_count")
    assert chips["labels"]["topic"] == "GPU count" and chips["labels"]["topic_ko"] == "GPU 수량"
    assert chips["subject"] == "deepseek" and chips["labels"]["about_ko"].startswith("딥시크")
