"""Hostile input through the command line: one line naming the file, exit 2, nothing lost.

Every case runs a real command (click's CliRunner, and a real process where "no traceback on
stderr" must be seen as a user sees it).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck import fileio
from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.fileio import write_atomic

# One short article in plain Korean news prose, with a figure so that it yields a claim.
ARTICLE = (
    "딥시크, 엔비디아 칩 2048개로 훈련\n"
    "중국 AI 기업 딥시크는 엔비디아 H800 GPU 2048개로 V3 모델을 훈련했다고 밝혔다.\n"
    "회사는 훈련 비용이 약 560만 달러였다고 설명했다.\n"
)
MANIFEST_ENTRY = """\
  - id: a
    file: a.txt
    title: {value: "딥시크, 엔비디아 칩 2048개로 훈련", line: 1}
    outlet: {value: null, reason: "not stated"}
    author: {value: null, reason: "no byline"}
    published: {value: "2025-01-28", line: 2}
    kind: {value: news, reason: "a news report"}
    language: {value: ko, reason: "Korean"}
"""
# Thirty levels of three aliases each: 3**30 items if a loader expanded them.
BILLION_LAUGHS = 'a0: &a0 ["lol"]\n' + "".join(
    f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 30)
)
REFERENCE_FACT = """\
version: 1
facts:
  - id: v3-gpus
    topic: gpu_count
    subject: deepseek
    object: deepseek-v3
    quantity: {value: 2048, unit: count}
    frame: {measure: level}
    statement_en: DeepSeek-V3 was trained on 2,048 H800 GPUs.
    statement_ko: 딥시크-V3는 H800 GPU 2048개로 훈련됐다.
    as_of: '2024-12'
    confidence: high
    source_title: DeepSeek-V3 Technical Report
    source_locator: section 3.1
    quote: a cluster equipped with 2048 NVIDIA H800 GPUs
    reading: {subject: DeepSeek-V3, attribute: gpus, value: '2048', unit: GPUs, qualifier: null}
"""


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture()
def work(tmp_path, monkeypatch):
    """A working folder holding news/a.txt; commands run from it (claims/ is relative)."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_refused(result, *fragments: str) -> str:
    """Exit 2 with exactly one non-empty line on stderr that contains every fragment."""
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    # Exit 2 must come from click's own exit, not from an exception escaping the command.
    assert isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(f"*{fileio.TMP_SUFFIX}")]


# --- articles that are not there or not text -------------------------------------------------


@pytest.mark.parametrize("command", ["articles", "extract", "report", "export"])
def test_a_path_that_does_not_exist(work, command):
    assert_refused(cli(command, "nowhere/a.txt"), "nowhere/a.txt", "no such file or folder")


def test_a_folder_with_no_articles(work):
    (work / "empty").mkdir()
    (work / "empty" / "README.md").write_text("# 기사 모음\n", encoding="utf-8")
    (work / "empty" / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    assert_refused(cli("extract", "empty"), "empty", "no articles")


def test_an_empty_file(work):
    (work / "news" / "a.txt").write_bytes(b"")
    assert_refused(cli("report", "news/a.txt"), "a.txt", "empty file")


def test_a_file_of_only_whitespace(work):
    (work / "news" / "a.txt").write_text(" \n\t\n\u3000\n", encoding="utf-8")
    assert_refused(cli("articles", "news"), "a.txt", "empty")


def test_a_binary_file_named_txt(work):
    (work / "news" / "a.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    assert_refused(cli("extract", "news"), "a.txt", "binary")


def test_undecodable_bytes(work):
    (work / "news" / "a.txt").write_bytes(
        "Le coût: 5,6 millions de dollars, déjà".encode("latin-1")
    )
    assert_refused(cli("articles", "news/a.txt"), "a.txt", "cannot decode")


def test_korean_utf8_with_one_corrupt_byte_is_refused_not_garbled(work):
    # Falling back to CP949 here would turn the whole article into mojibake.
    data = ARTICLE.encode("utf-8")
    (work / "news" / "a.txt").write_bytes(data[:40] + b"\xff" + data[40:])
    assert_refused(cli("articles", "news"), "a.txt", "cannot decode")


def test_a_real_process_prints_one_line_and_no_traceback(work):
    (work / "news" / "a.txt").write_bytes(bytes(range(256)) * 4)
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", "news"],
        capture_output=True,
        text=True,
        cwd=work,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("claimcheck: error: ") and "a.txt" in done.stderr


# --- big inputs ------------------------------------------------------------------------------

HUGE_BYTES = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def huge_article(tmp_path_factory) -> Path:
    """A 50 MB .txt of ordinary prose lines: a dump or a concatenated corpus, not an article."""
    path = tmp_path_factory.mktemp("huge") / "dump.txt"
    block = ARTICLE.encode("utf-8") * 1024
    with path.open("wb") as handle:
        for _ in range(HUGE_BYTES // len(block) + 1):
            handle.write(block)
    return path


def test_a_50_mb_article_is_refused_before_it_is_read(huge_article, monkeypatch):
    import claimcheck.load as load

    real_decode = load.decode_bytes

    def decode_unless_huge(data, path):
        # The size must be checked before the bytes are decoded and structured: that is the
        # work (minutes for 50 MB) the limit exists to prevent, and it keeps this test cheap.
        if len(data) > HUGE_BYTES // 2:
            raise AssertionError(f"the loader read all {len(data)} bytes of {path}")
        return real_decode(data, path)

    monkeypatch.setattr(load, "decode_bytes", decode_unless_huge)
    assert_refused(cli("articles", str(huge_article)), "dump.txt", "too large")


def _long_line(size: int) -> str:
    # Sentences closed inside quotes, brackets with abbreviations, and plain sentence ends:
    # every rule of the splitter fires once per repetition. Cut at a whole unit, so quotes pair.
    unit = (
        '그는 "비용은 ５６０만 달러였다. 정말이다."라고 말했다. '
        "U.S. 정부는 오전(a.m.) 회의를 열었다. "
        "딥시크는 엔비디아 H800 GPU ２０４８개로 V3를 훈련했다고 밝혔다. "
    )
    return unit * (size // len(unit))


def test_a_one_megabyte_line_normalises_with_every_offset_mapped():
    from claimcheck.textnorm import normalize

    line = _long_line(1_000_000)
    units = line.count("２０４８")
    result = normalize(line)
    # Full-width digits become ASCII one for one, so the text keeps its length.
    assert len(result.text) == len(line) and len(result.offsets) == len(result.text)
    assert result.text.count("2048개") == units and "２" not in result.text
    assert result.offsets[0] == 0 and result.offsets[-1] == len(line) - 1
    assert all(a < b for a, b in zip(result.offsets, result.offsets[1:], strict=False))


class _WorkBudget:
    """Counts the work the loader does on a text of `size` characters and stops it as soon as
    it exceeds a budget linear in `size`: Python lines run, characters offered to the splitter's
    regex searches, and characters of the article scanned by str.count (numbering lines).
    A quadratic rule trips it long before it would hang, so the test stays quick either way."""

    PER_CHAR = {
        "python_lines": 200,  # a linear loader runs ~75 per character of this line
        "regex_chars": 50,  # a linear splitter offers ~3: a short look-behind at each stop
        "counted_chars": 50,  # numbering lines needs one pass, not one per sentence
    }

    def __init__(self, size: int) -> None:
        self.size = size
        self.spent = dict.fromkeys(self.PER_CHAR, 0)

    def charge(self, what: str, amount: int) -> None:
        self.spent[what] += amount
        limit = self.PER_CHAR[what] * self.size
        if self.spent[what] > limit:
            raise AssertionError(f"{what} passed {limit} on {self.size} characters: not linear")

    def trace(self, frame, event, arg):
        self.charge("python_lines", 1)
        return self.trace

    def pattern(self, compiled):
        budget = self

        class Counted:
            def __getattr__(self, name):
                return getattr(compiled, name)

            def search(self, string, pos=0, endpos=sys.maxsize):
                budget.charge("regex_chars", max(0, min(endpos, len(string)) - pos))
                return compiled.search(string, pos, endpos)

            def finditer(self, string, pos=0, endpos=sys.maxsize):
                budget.charge("regex_chars", max(0, min(endpos, len(string)) - pos))
                return compiled.finditer(string, pos, endpos)

        return Counted()

    def text(self, plain: str) -> str:
        budget = self

        class Counted(str):
            def count(self, sub, start=0, end=sys.maxsize):
                budget.charge("counted_chars", max(0, min(end, len(self)) - (start or 0)))
                return str.count(self, sub, start, end)

        return Counted(plain)


def test_a_long_line_without_breaks_loads_in_linear_work(tmp_path, monkeypatch):
    import re

    import claimcheck.load as load
    import claimcheck.load.sentences as sentences

    line = _long_line(50_000)
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    warm = tmp_path / "warm.txt"
    warm.write_text(_long_line(1000), encoding="utf-8")
    load.load_article(warm)  # load the rule tables first, so only the article's own work counts
    budget = _WorkBudget(len(line))
    for name, value in list(vars(sentences).items()):
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(sentences, name, budget.pattern(value))
    real_decode = load.decode_bytes

    def decode_counted(data, where):
        text, encoding = real_decode(data, where)
        return budget.text(text), encoding

    monkeypatch.setattr(load, "decode_bytes", decode_counted)
    sys.settrace(budget.trace)
    try:
        article = load.load_article(path)
    finally:
        sys.settrace(None)
    # Each repetition holds three sentences; the stops inside quotes and brackets end none.
    assert len(article.sentences) == 3 * line.count("딥시크는")


def test_a_five_thousand_digit_figure_is_not_a_crash(work):
    digits = "7" * 5000
    (work / "news" / "a.txt").write_text(
        f"딥시크 비용 공개\n딥시크는 훈련 비용이 {digits}달러라고 밝혔다.\n", encoding="utf-8"
    )
    for args in (("normalize", f"비용은 {digits}달러"), ("extract", "news"), ("report", "news")):
        result = cli(*args)
        assert result.exit_code in (0, 2), (args, result.exception)
        assert "Traceback" not in result.stderr


def test_two_articles_converting_the_same_range_to_won(work):
    text = (
        "비용 비교\n"
        "미국 회사들은 AI 개발에 1억 달러에서 10억 달러(약 1400억~1조 4000억 원)를 쓴다.\n"
    )
    (work / "news" / "a.txt").write_text(text, encoding="utf-8")
    (work / "news" / "b.txt").write_text(text, encoding="utf-8")
    result = cli("report", "news", "--format", "json")
    assert result.exit_code == 0, result.exception
    # Both convert 1억 and 10억 dollars at 1,400 won, so the conversions agree.
    verdicts = {
        f["verdict"] for f in json.loads(result.stdout)["findings"] if f["kind"] == "cross_source"
    }
    assert "agree" in verdicts


# --- YAML: manifest, overrides, reference table ----------------------------------------------


def _manifest(work: Path, text: str) -> list[str]:
    (work / "news" / "manifest.yaml").write_text(text, encoding="utf-8")
    return ["articles", "news"]


def _overrides(work: Path, text: str) -> list[str]:
    (work / "claims").mkdir(exist_ok=True)
    (work / "claims" / "overrides.yaml").write_text(text, encoding="utf-8")
    return ["extract", "news"]


@pytest.fixture()
def reference_at(monkeypatch):
    """Point the report at a reference table of the test's making (the bundled one is cached)."""
    import claimcheck.reference as reference

    def use(path: Path) -> None:
        monkeypatch.setattr(reference, "default_reference_path", lambda: path)
        reference._bundled.cache_clear()

    yield use
    reference._bundled.cache_clear()


BAD_YAML = {
    "manifest": (_manifest, "articles:\n  - id: a\n    file: [a.txt\n", "manifest.yaml"),
    "overrides": (_overrides, "overrides:\n  - {claim: x, action: confirm\n", "overrides.yaml"),
}
LAUGHS = {
    "manifest": (_manifest, BILLION_LAUGHS, "manifest.yaml"),
    "overrides": (_overrides, BILLION_LAUGHS, "overrides.yaml"),
}
WRONG_TYPES = {
    "manifest": (
        _manifest,
        "articles:\n" + MANIFEST_ENTRY.replace('"2025-01-28", line: 2', '"2025-01-28", line: [2]'),
        "articles.0.published.line",
    ),
    "overrides": (_overrides, "overrides: {claim: x, action: confirm}\n", "overrides"),
}
UNKNOWN_KEYS = {
    "manifest": (
        _manifest,
        "articles:\n" + MANIFEST_ENTRY + "    publisher: {value: x, line: 1}\n",
        "articles.0.publisher",
    ),
    "overrides": (
        _overrides,
        "overrides:\n  - {claim: x, action: confirm, reason: typo}\n",
        "overrides.0.reason",
    ),
}


@pytest.mark.parametrize("where", sorted(BAD_YAML))
def test_malformed_yaml(work, where):
    write, text, name = BAD_YAML[where]
    assert_refused(cli(*write(work, text)), name, "invalid")


@pytest.mark.parametrize("where", sorted(LAUGHS))
def test_billion_laughs(work, where):
    write, text, name = LAUGHS[where]
    assert_refused(cli(*write(work, text)), name, "not allowed")


@pytest.mark.parametrize("where", sorted(WRONG_TYPES))
def test_wrong_types(work, where):
    write, text, field = WRONG_TYPES[where]
    assert_refused(cli(*write(work, text)), f"{where}.yaml", field)


@pytest.mark.parametrize("where", sorted(UNKNOWN_KEYS))
def test_unknown_keys(work, where):
    write, text, field = UNKNOWN_KEYS[where]
    assert_refused(cli(*write(work, text)), f"{where}.yaml", field, "Extra inputs")


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        (REFERENCE_FACT + "  - id: [v3\n", ("invalid YAML",)),
        (BILLION_LAUGHS + REFERENCE_FACT, ("not allowed",)),
        (REFERENCE_FACT.replace("version: 1", "version: first"), ("version", "integer")),
        (
            REFERENCE_FACT.replace("    confidence: high", "    confidence: high\n    sauce: x"),
            ("'v3-gpus'", "sauce", "Extra inputs"),
        ),
        (REFERENCE_FACT + REFERENCE_FACT.split("facts:\n")[1], ("duplicate fact id 'v3-gpus'",)),
        ("version: 1\nversion: 2\nfacts: []\n", ("duplicate key 'version'",)),
        (REFERENCE_FACT.replace("    frame: {measure: level}\n", ""), ("'v3-gpus'", "needs a frame")),
    ],
    ids=[
        "malformed",
        "billion-laughs",
        "wrong-type",
        "unknown-key",
        "duplicate-id",
        "duplicate-key",
        "figure-without-frame",
    ],
)
def test_a_bad_reference_table(work, reference_at, text, fragments):
    path = work / "reference.yaml"
    path.write_text(text, encoding="utf-8")
    reference_at(path)
    assert_refused(cli("report", "news"), "reference.yaml", *fragments)


def test_the_reference_fixture_table_itself_is_valid(work, reference_at):
    # Guards the cases above: each fails for its own defect, not for a broken base table.
    path = work / "reference.yaml"
    path.write_text(REFERENCE_FACT, encoding="utf-8")
    reference_at(path)
    assert cli("report", "news").exit_code == 0


def test_the_manifest_fixture_entry_itself_is_valid(work):
    assert cli(*_manifest(work, "articles:\n" + MANIFEST_ENTRY)).exit_code == 0


# --- duplicates and dangling references ------------------------------------------------------


def test_two_articles_with_the_same_id(work):
    (work / "more").mkdir()
    (work / "more" / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert_refused(cli("extract", "news", "more"), "same id 'a'")


def test_two_manifest_entries_with_the_same_id(work):
    assert_refused(
        cli(*_manifest(work, "articles:\n" + MANIFEST_ENTRY * 2)),
        "manifest.yaml",
        "two entries with id 'a'",
    )


def test_two_overrides_for_the_same_claim(work):
    assert cli("extract", "news").exit_code == 0
    table = yaml.safe_load((work / "claims" / "a.yaml").read_text(encoding="utf-8"))
    claim = next(row["id"] for rows in table["topics"].values() for row in rows)
    text = (
        f"overrides:\n  - {{claim: '{claim}', action: confirm}}\n"
        f"  - {{claim: '{claim}', action: reject}}\n"
    )
    assert_refused(cli(*_overrides(work, text)), "overrides.yaml", "same claim")


def test_an_override_pointing_at_nothing(work):
    text = "overrides:\n  - {claim: 'a:gpu_count:0000000000', action: reject}\n"
    for command in ("extract", "report"):
        assert_refused(
            cli(command, *_overrides(work, text)[1:]),
            "overrides.yaml",
            "a:gpu_count:0000000000",
            "matches no claim",
        )


def test_overrides_that_are_a_folder(work):
    (work / "claims" / "overrides.yaml").mkdir(parents=True)
    assert_refused(cli("extract", "news"), "overrides.yaml")


def test_overrides_that_are_not_utf8(work):
    (work / "claims").mkdir()
    (work / "claims" / "overrides.yaml").write_bytes("overrides: []  # 수정\n".encode("utf-16"))
    assert_refused(cli("extract", "news"), "overrides.yaml", "UTF-8")


def test_an_existing_claim_table_that_is_not_utf8(work):
    (work / "claims").mkdir()
    table = work / "claims" / "a.yaml"
    table.write_bytes(b"\xff\xfe garbage \x00\x01")
    before = snapshot(work / "claims")
    assert_refused(cli("extract", "news"), "a.yaml")
    assert snapshot(work / "claims") == before


def test_a_real_process_on_undecodable_overrides_prints_no_traceback(work):
    (work / "claims").mkdir()
    (work / "claims" / "overrides.yaml").write_bytes(b"overrides: [\xff]\n")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "report", "news"],
        capture_output=True,
        text=True,
        cwd=work,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "overrides.yaml" in done.stderr


# --- writing: missing and read-only folders, interrupted writes ------------------------------


@pytest.fixture()
def read_only(monkeypatch):
    """Make a folder read-only; as root (who may write anyway) also refuse creation in it."""

    made: list[Path] = []

    def make(folder: Path) -> Path:
        folder.mkdir(exist_ok=True)
        folder.chmod(0o555)
        made.append(folder)
        if os.access(folder, os.W_OK):
            real_open = os.open
            where = os.path.realpath(folder)

            def refuse(path, flags, mode=0o777, *args, **kwargs):
                if flags & os.O_CREAT and os.path.dirname(os.path.realpath(path)) == where:
                    raise PermissionError(errno.EACCES, "Permission denied", str(path))
                return real_open(path, flags, mode, *args, **kwargs)

            monkeypatch.setattr(os, "open", refuse)
        return folder

    yield make
    for folder in made:
        folder.chmod(0o755)


def test_export_into_a_missing_folder(work):
    assert_refused(
        cli("export", "news", "-f", "csv", "-o", "out/findings.csv"),
        "out/findings.csv",
        "does not exist",
    )
    assert not (work / "out").exists()


def test_export_into_a_read_only_folder(work, read_only):
    folder = read_only(work / "out")
    assert_refused(
        cli("export", "news", "-f", "csv", "-o", "out/findings.csv"),
        "findings.csv",
        "Permission denied",
    )
    assert list(folder.iterdir()) == []


def test_extract_into_a_read_only_folder_keeps_the_old_tables(work, read_only):
    assert cli("extract", "news").exit_code == 0
    before = snapshot(work / "claims")
    (work / "news" / "a.txt").write_text(ARTICLE.replace("2048개", "1024개"), encoding="utf-8")
    read_only(work / "claims")
    assert_refused(cli("extract", "news"), "a.yaml", "Permission denied")
    assert snapshot(work / "claims") == before


def _fail_the_rename(monkeypatch):
    def no_space(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", no_space)


def _fail_half_way(monkeypatch):
    """The disk fills up after half of the bytes went out."""
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(
        fileio.os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k))
    )


@pytest.mark.parametrize("failure", [_fail_the_rename, _fail_half_way], ids=["rename", "half-way"])
def test_an_interrupted_export_leaves_the_old_file(work, monkeypatch, failure):
    old = work / "findings.csv"
    old.write_bytes("지난주 결과, 손대지 말 것\n".encode())
    failure(monkeypatch)
    assert_refused(
        cli("export", "news", "-f", "csv", "-o", "findings.csv"), "findings.csv", "No space left"
    )
    assert old.read_bytes() == "지난주 결과, 손대지 말 것\n".encode()
    assert leftovers(work) == []


@pytest.mark.parametrize("failure", [_fail_the_rename, _fail_half_way], ids=["rename", "half-way"])
def test_an_interrupted_extract_leaves_the_old_tables(work, monkeypatch, failure):
    assert cli("extract", "news").exit_code == 0
    before = snapshot(work)
    (work / "news" / "a.txt").write_text(ARTICLE.replace("2048개", "1024개"), encoding="utf-8")
    failure(monkeypatch)
    assert_refused(cli("extract", "news"), "a.yaml", "No space left")
    after = snapshot(work)
    assert after.pop("news/a.txt") != before.pop("news/a.txt")
    assert after == before and leftovers(work) == []


def test_ctrl_c_during_a_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "claims.yaml"
    target.write_text("old: 1\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new: 2\n")
    assert target.read_text(encoding="utf-8") == "old: 1\n"
    assert leftovers(tmp_path) == []


def test_a_rewritten_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "findings.html"
    target.write_text("<p>old</p>", encoding="utf-8")
    target.chmod(0o644)
    write_atomic(target, "<p>new</p>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "<p>new</p>"


def test_a_new_file_gets_the_umask_mode_not_a_private_one(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "findings.csv", "a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "findings.csv").stat().st_mode) == 0o644


def test_a_symlinked_output_is_written_through(tmp_path):
    real = tmp_path / "shared" / "findings.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "findings.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


# --- one bad article among many: nothing is written ------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_article_late_in_a_folder_leaves_every_table_as_it_was(work, jobs):
    # Tables are made one article at a time; the bad one comes last (ids sort), after good
    # tables have been staged, and in a worker process with --jobs 2.
    news = work / "news"
    for name in ("b", "c", "d"):
        (news / f"{name}.txt").write_text(ARTICLE.replace("2048", "1024"), encoding="utf-8")
    result = cli("extract", "news", "--jobs", jobs)
    assert result.exit_code == 0, result.stderr
    before = snapshot(work / "claims")
    for name in ("a", "b", "c", "d"):
        (news / f"{name}.txt").write_text(ARTICLE.replace("2048", "4096"), encoding="utf-8")
    (news / "z.txt").write_bytes("Le coût: 5,6 millions de dollars, déjà".encode("latin-1"))
    assert_refused(cli("extract", "news", "--jobs", jobs), "z.txt", "cannot decode")
    assert snapshot(work / "claims") == before
    assert leftovers(work) == []


def test_an_unused_override_is_found_only_after_the_last_article_and_nothing_is_written(work):
    assert cli("extract", "news").exit_code == 0
    (work / "news" / "a.txt").write_text(ARTICLE.replace("2048", "4096"), encoding="utf-8")
    (work / "claims" / "overrides.yaml").write_text(
        "overrides:\n  - {claim: 'a:0000000000', action: reject}\n", encoding="utf-8"
    )
    before = snapshot(work / "claims")
    assert_refused(cli("extract", "news"), "overrides.yaml", "a:0000000000", "matches no claim")
    assert snapshot(work / "claims") == before
    assert leftovers(work) == []


# --- YAML that would crash the parser rather than fail -----------------------------------------


def test_front_matter_nested_a_hundred_thousand_levels_is_refused_not_a_crash(work):
    (work / "news" / "a.md").write_text(
        "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n" + ARTICLE, encoding="utf-8"
    )
    # claimcheck's own words, whichever parser stops first (newer libyaml builds have a
    # 1,000-level limit of their own and would say "exceeded maximum nesting depth")
    line = assert_refused(cli("report", "news/a.md"), "a.md", "nested more than 64 levels deep")
    assert "maximum nesting depth" not in line


def test_yaml_nested_past_our_limit_in_block_style_is_refused_in_our_words(work):
    # 70 levels of block lists (each "-" one indent deeper than the last), under any limit
    # a library has of its own: only claimcheck's 64 applies.
    nested = "".join("  " * level + "-\n" for level in range(70)) + "  " * 70 + "x\n"
    (work / "news" / "a.md").write_text(
        "---\ntags:\n" + nested + "---\n" + ARTICLE, encoding="utf-8"
    )
    assert_refused(cli("articles", "news/a.md"), "a.md", "nested more than 64 levels deep")


def test_a_list_as_a_mapping_key_is_refused_in_one_line(work):
    (work / "news" / "a.md").write_text("---\n[1, 2]: x\n---\n" + ARTICLE, encoding="utf-8")
    # claimcheck's own words, not Python's "unhashable type"
    assert_refused(cli("articles", "news/a.md"), "a.md", "a list or a mapping cannot be a key")


# --- a late error prints its one line and nothing else --------------------------------------


def _bad_late_article(work: Path) -> None:
    (work / "news" / "z.txt").write_bytes("Le coût: 5,6 millions, déjà".encode("latin-1"))


def test_a_check_with_an_unused_override_prints_no_diff_before_the_error(work):
    assert cli("extract", "news").exit_code == 0
    # The table is now stale (a diff would be due), but the override matches nothing.
    (work / "news" / "a.txt").write_text(ARTICLE.replace("2048", "4096"), encoding="utf-8")
    (work / "claims" / "overrides.yaml").write_text(
        "overrides:\n  - {claim: 'a:0000000000', action: reject}\n", encoding="utf-8"
    )
    result = cli("extract", "news", "--check")
    assert_refused(result, "overrides.yaml", "matches no claim")
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["--format", "json"], ["--check"]])
def test_a_bad_article_late_in_a_folder_prints_nothing_on_stdout(work, args):
    (work / "news" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    _bad_late_article(work)
    result = cli("extract", "news", *args)
    assert_refused(result, "z.txt", "cannot decode")
    assert result.stdout == ""


def test_a_failed_extract_into_a_new_folder_leaves_no_folder(work):
    _bad_late_article(work)
    assert_refused(cli("extract", "news", "--out", "fresh/tables"), "z.txt")
    assert not (work / "fresh").exists()
    # The same run without the bad article makes the folders and writes the table.
    (work / "news" / "z.txt").unlink()
    assert cli("extract", "news", "--out", "fresh/tables").exit_code == 0
    assert (work / "fresh" / "tables" / "a.yaml").is_file()


def test_a_folder_made_for_a_discarded_write_is_removed_but_not_one_holding_other_files(tmp_path):
    staged = fileio.StagedWrites()
    staged.stage(tmp_path / "new" / "deep" / "a.yaml", "x", make_folder=True)
    staged.discard()
    assert not (tmp_path / "new").exists()
    with pytest.raises(RuntimeError), fileio.StagedWrites() as staged:
        staged.stage(tmp_path / "new" / "deep" / "a.yaml", "x", make_folder=True)
        (tmp_path / "new" / "notes.txt").write_text("mine", encoding="utf-8")
        raise RuntimeError("a failure after the folders were made")
    assert (tmp_path / "new" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "new" / "deep").exists()


@pytest.mark.parametrize(
    "text",
    [
        "overrides: &all []\n",  # an anchor that nothing aliases
        "overrides:\n  - &one {claim: 'a:0000000000', action: reject}\n",
        "overrides: !!seq &s []\n",
    ],
)
def test_an_anchor_without_an_alias_is_refused_too(work, text):
    (work / "claims").mkdir()
    (work / "claims" / "overrides.yaml").write_text(text, encoding="utf-8")
    assert_refused(cli("extract", "news"), "overrides.yaml", "anchors and aliases")


def test_folders_made_before_a_failed_mkdir_are_removed(tmp_path):
    too_long = "x" * 300  # longer than a file name may be: mkdir fails after making "fresh"
    staged = fileio.StagedWrites()
    with pytest.raises(InputError, match="cannot write"):
        staged.stage(tmp_path / "fresh" / too_long / "a.yaml", "x", make_folder=True)
    staged.discard()
    assert not (tmp_path / "fresh").exists()


def test_a_correction_that_leaves_a_bound_without_its_edge_is_refused(work):
    assert cli("extract", "news").exit_code == 0
    table = yaml.safe_load((work / "claims" / "a.yaml").read_text(encoding="utf-8"))
    claim = next(
        row["id"] for rows in table["topics"].values() for row in rows if row.get("quantity")
    )
    text = (
        f"overrides:\n  - claim: '{claim}'\n    action: correct\n"
        "    set: {quantity: {qualifier: at_least, value: null, low: null}}\n"
    )
    for command in ("extract", "report"):
        assert_refused(cli(command, *_overrides(work, text)[1:]), "overrides.yaml", "at_least")
