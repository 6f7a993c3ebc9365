"""`claimcheck normalize`: every figure in Korean text, as a table or as JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from claimcheck.cli.common import BadInput, format_option, reports_input_errors, stdout_console
from claimcheck.errors import InputError

STDIN = "<stdin>"


def _stdin_lines() -> Iterator[str]:
    """One text per line of standard input, decoded strictly as UTF-8."""
    stream = click.get_binary_stream("stdin")
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(STDIN, f"line {number} is not UTF-8 ({exc.reason})") from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield line.rstrip("\r\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"  # 5,600,000 reads at a glance; 5600000 does not
    return f"{value:,.6g}" if isinstance(value, float) and abs(value) >= 1e6 else str(value)


@click.command()
@click.argument("texts", nargs=-1, metavar="[TEXT]...")
@format_option(
    ["table", "json"], help="table for people; json prints one object per input line, in order."
)
@reports_input_errors
def normalize(texts: tuple[str, ...], fmt: str) -> None:
    """Find every figure in Korean TEXT: value, interval, unit, qualifier.

    With no TEXT, reads one text per line from standard input. Approximate figures
    (약, 가량 …) are given a ±5% interval; 여, 이상, 미만 … give open or half-open ones.
    Words of emphasis (불과, 밖에, 무려 …) are shown as "only" or "as many as" and bound
    nothing. Signs (-4.21%, △3.2%, 마이너스 3%) are part of the value.

    \b
    Examples:
      claimcheck normalize "딥시크는 약 560만 달러(약 77억 원)를 들였다"
      claimcheck normalize "코스피는 -1.8% 내려 2,500선이 무너졌다" "단 이틀 만에"
      claimcheck normalize --format json < sentences.txt | jq '.quantities[].value'
    """
    from claimcheck.api import normalize as find_quantities

    if texts:
        inputs: Iterator[str] = iter(texts)
    elif sys.stdin is None or sys.stdin.isatty():
        raise BadInput("give TEXT arguments, or pipe one text per line on standard input")
    else:
        inputs = _stdin_lines()

    if fmt == "json":
        out = click.get_text_stream("stdout")
        for text in inputs:
            record = {"input": text, "quantities": [q.model_dump() for q in find_quantities(text)]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    _table([(text, find_quantities(text)) for text in inputs])


def _interval(q: Any) -> str:
    if q.qualifier == "exact":
        return ""  # the value itself
    return f"{_cell(q.low) or '…'} – {_cell(q.high) or '…'}"


def _qualifier(q: Any) -> str:
    word = f" {q.qualifier_word}" if q.qualifier_word else ""
    bound = "" if q.inclusive or q.qualifier == "exact" else " (open)"
    stress = f", {q.emphasis.replace('_', ' ')}" if q.emphasis else ""  # 불과: "exact, only"
    return f"{q.qualifier}{word}{bound}{stress}"


def _table(results: list[tuple[str, list[Any]]]) -> None:
    from rich.table import Table

    console = stdout_console()
    many = len(results) > 1
    found = sum(len(qs) for _, qs in results)
    if not found:
        console.print("no quantities found")
        return
    # The rule names are long: on a narrow terminal they are left to --format json.
    with_rule = console.width >= 120
    table = Table(title=f"{found} quantities in {len(results)} texts" if many else None)
    if many:
        table.add_column("#", justify="right")
    table.add_column("text")
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("interval", justify="right")
    table.add_column("unit", no_wrap=True)
    table.add_column("qualifier")
    if with_rule:
        table.add_column("rule", overflow="fold", style="dim")
    for number, (_text, quantities) in enumerate(results, start=1):
        for q in quantities:
            unit = f"{q.unit or ''} {q.counter or ''}".strip()
            row = [q.text, _cell(q.value), _interval(q), unit, _qualifier(q)]
            if with_rule:
                row.append(q.rule)
            table.add_row(*([str(number)] if many else []), *row)
    console.print(table)
