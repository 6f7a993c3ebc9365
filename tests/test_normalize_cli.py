"""`claimcheck normalize` through click's CliRunner: JSON lines, stdin mode, table, exit codes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.models import Quantity


def run(args: list[str], stdin: bytes | str | None = None):
    return CliRunner().invoke(main, ["normalize", *args], input=stdin)


def test_json_one_line_per_text_in_order() -> None:
    result = run(["--format", "json", "약 560만 달러", "이 모델은 새롭다", "2천여 대"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["input"] for r in records] == ["약 560만 달러", "이 모델은 새롭다", "2천여 대"]
    assert records[1]["quantities"] == []
    first = records[0]["quantities"][0]
    assert list(first) == list(Quantity.model_fields)  # keys are exactly the Quantity fields
    assert (first["value"], first["unit"], first["qualifier"]) == (5600000, "USD", "approx")
    assert records[2]["quantities"][0]["high"] == 3000


def test_stdin_keeps_every_line_even_empty_ones() -> None:
    stdin = "85억 원\n\n5% 이상\r\n".encode()
    result = run(["--format", "json"], stdin)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == ["85억 원", "", "5% 이상"]
    assert records[0]["quantities"][0]["value"] == 8_500_000_000
    assert records[2]["quantities"][0]["qualifier"] == "at_least"


def test_stdin_with_byte_order_mark() -> None:
    result = run(["--format", "json"], "\ufeff10%\n".encode())
    assert json.loads(result.stdout)["input"] == "10%"


def test_offsets_point_into_each_input() -> None:
    text = "매출은 약 1조 4000억 원이다"
    result = run(["--format", "json", text])
    q = json.loads(result.stdout)["quantities"][0]
    assert text[q["start"] : q["end"]] == q["text"] == "약 1조 4000억 원"


def test_table_shows_the_figure() -> None:
    result = run(["딥시크는 약 560만 달러를 들였다"])
    assert result.exit_code == 0, result.output
    assert "약 560만 달러" in result.stdout
    assert "5,600,000" in result.stdout
    assert "USD" in result.stdout


def test_table_says_when_nothing_is_found() -> None:
    result = run(["이 모델은 한 전문가가 만들었다"])
    assert result.exit_code == 0
    assert "no quantities" in result.stdout


def test_undecodable_stdin_exits_2_with_one_line() -> None:
    result = run([], b"10%\n\xff\xfe broken\n")
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message
    assert "<stdin>" in message and "line 2" in message and "UTF-8" in message


def test_unknown_format_is_a_usage_error() -> None:
    result = run(["--format", "csv", "10%"])
    assert result.exit_code == 2


def test_help_has_an_example() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    assert "claimcheck normalize" in result.stdout and "--format json" in result.stdout


def test_no_text_on_a_terminal_exits_2(monkeypatch) -> None:
    import types

    import claimcheck.cli.normalize as command

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(command, "sys", types.SimpleNamespace(stdin=Terminal()))
    result = run([])
    assert result.exit_code == 2
    assert "TEXT" in result.stderr


def test_table_shows_emphasis_and_sign() -> None:
    result = run(["불과 560만 달러", "무려 17%", "△3.2%"])
    assert result.exit_code == 0, result.output
    assert "exact, only" in result.stdout
    assert "exact, as many as" in result.stdout
    assert "-3.2" in result.stdout
    record = json.loads(run(["--format", "json", "560만 달러에 불과"]).stdout)
    (q,) = record["quantities"]
    assert (q["qualifier"], q["emphasis"], q["low"], q["high"]) == (
        "exact",
        "only",
        5600000,
        5600000,
    )
