"""Helpers shared by the subcommands: error conversion and output consoles."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

import click

from claimcheck.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


class BadInput(click.ClickException):
    """Bad input exits 2 (a plain ClickException would exit 1, which means 'found something')."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"claimcheck: error: {self.format_message()}", err=True)


def reports_input_errors(func: F) -> F:
    """Turn core InputErrors into one-line messages with exit status 2.

    An OSError about a named file (a folder where a file was expected, a file that vanished or
    cannot be read) is bad input too, whichever module met it: the user gets the file and the
    reason, not a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise BadInput(exc.message) from None
        except OSError as exc:
            if exc.filename is None:
                raise  # not about a file the user named (a broken pipe, say)
            raise BadInput(InputError(exc.filename, exc.strerror or str(exc)).message) from None

    return wrapper  # type: ignore[return-value]


def stdout_console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False)


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def is_terminal() -> bool:
    return sys.stdout.isatty()


def echo_json(data: Any) -> None:
    """Print `data` as indented JSON, streamed piece by piece: the JSON of a report on thousands
    of articles never exists as one string (json.dumps with an indent builds it from millions
    of pieces, several times the memory of the report itself)."""
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# --- options several commands share ----------------------------------------------------------


def format_option(choices: Sequence[str], help: str, default: str | None = None) -> Any:
    """--format (and -f): the first choice is the default unless another is named."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(list(choices)),
        default=default or choices[0],
        show_default=True,
        help=help,
    )


def lang_option(
    help: str = "Language of labels and explanations (ko: SNU FactCheck labels).",
) -> Any:
    return click.option(
        "--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help=help
    )


def overrides_folder_option() -> Any:
    """--tables: where the editor's overrides.yaml and the user's rates.yaml live."""
    return click.option(
        "--tables",
        "tables_dir",
        default=None,
        type=click.Path(file_okay=False),
        help="Folder holding overrides.yaml, reference.yaml and rates.yaml [default: ./claims, "
        "or the bundled tables with the bundled corpus].",
    )


def workspace(paths: Sequence[str], tables: str | None) -> Any:
    """The articles and tables to use (claimcheck.discover.Workspace); with no PATHS, says on
    standard error, first, which were chosen."""
    from claimcheck.discover import resolve_workspace

    chosen = resolve_workspace(paths, tables)
    if chosen.chosen:
        click.echo(chosen.describe(), err=True)
    return chosen


def corpus(paths: Sequence[str]) -> list[str] | None:
    """The articles to read (None: the bundled corpus) by the same rule, for commands that use
    no tables; with no PATHS, says on standard error which."""
    from claimcheck.discover import resolve_workspace

    chosen = resolve_workspace(paths)
    if chosen.chosen:
        click.echo(chosen.describe_corpus(), err=True)
    return chosen.paths


def reference_of(chosen: Any) -> Any:
    """The reference table kept beside the tables, or None for the bundled one."""
    from claimcheck.reference import load_reference

    return load_reference(chosen.reference) if chosen.reference is not None else None


def rates_option() -> Any:
    """--rates FILE: a user's FRED or ECB CSV, tried before the shipped rate tables."""
    return click.option(
        "--rates",
        "rate_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="A FRED or ECB CSV of daily exchange rates, tried before the shipped ones "
        "(repeatable; rates.yaml in the tables folder lists files used on every run).",
    )


def use_rate_files(tables_dir: str, given: Sequence[str]) -> None:
    """Put the user's rate files (--rates, then rates.yaml in the tables folder) in force."""
    from claimcheck.fx_tables import rate_files, use_rates

    use_rates(rate_files(tables_dir, given))


def jobs_option() -> Any:
    """--jobs: extract articles in this many processes (the output is the same for any number)."""
    return click.option(
        "--jobs",
        "-j",
        default=1,
        show_default=True,
        type=click.IntRange(1, 64),
        help="Extract articles in this many processes.",
    )


def no_cache_option() -> Any:
    """--no-cache: compute afresh, neither replaying nor keeping the output."""
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Compute afresh; do not replay or keep the output (see README: the output cache).",
    )


def pager_option() -> Any:
    """--no-pager: print straight to the terminal even when the output is longer than it."""
    return click.option(
        "--no-pager",
        is_flag=True,
        help="Do not page long output on a terminal (it is never paged when piped).",
    )


def verdict_option(name: str, dest: str, help: str) -> Any:
    """A repeatable option whose values are verdicts (--verdict, --fail-on)."""
    from claimcheck.verdicts import VERDICTS_BY_KIND

    verdicts = sorted({v for vs in VERDICTS_BY_KIND.values() for v in vs})
    return click.option(name, dest, multiple=True, type=click.Choice(verdicts), help=help)


def echo_json_lists(lists: Sequence[tuple[str, Iterable[Any]]], out: TextIO | None = None) -> None:
    """Print {name: [item, ...], ...} as `echo_json` would print it, taking one item at a time
    from each iterable: the same bytes, with no list (or report) whole in memory. A dict is
    written as it is."""
    import json

    out = out or sys.stdout
    out.write("{")
    for number, (name, items) in enumerate(lists):
        out.write(("," if number else "") + f"\n  {json.dumps(name)}: ")
        if isinstance(items, dict):  # a record, such as the report's summary, not a list
            out.write(json_indented(items, 1))
            continue
        write_json_list(out, items, depth=1)
    out.write("\n}\n" if lists else "}\n")


def write_json_list(out: TextIO, items: Iterable[Any], depth: int = 0) -> None:
    """A JSON array as json.dump(list(items), indent=2) writes it at this depth of nesting,
    one item at a time. An item that is a dict may hold iterators (a finding's sources read from
    disk): they are written as arrays, item by item too."""
    pad = "\n" + "  " * (depth + 1)
    out.write("[")
    count = 0
    for count, item in enumerate(items, start=1):
        out.write(("," if count > 1 else "") + pad)
        if isinstance(item, dict) and any(
            type(v) not in _PLAIN and isinstance(v, Iterator) for v in item.values()
        ):
            _write_json_object(out, item, depth + 1)
        else:
            out.write(json_indented(item, depth + 1))
    out.write("\n" + "  " * depth + "]" if count else "]")


# Values that are no iterator, told apart without the slower check against the Iterator ABC.
_PLAIN = frozenset({str, int, float, bool, type(None), list, dict})


def _write_json_object(out: TextIO, item: dict, depth: int) -> None:
    import json

    pad = "\n" + "  " * (depth + 1)
    out.write("{")
    for number, (key, value) in enumerate(item.items()):
        out.write(("," if number else "") + pad + json.dumps(key, ensure_ascii=False) + ": ")
        if isinstance(value, Iterator):
            write_json_list(out, value, depth + 1)
        else:
            out.write(json_indented(value, depth + 1))
    out.write("\n" + "  " * depth + "}" if item else "}")


def json_indented(value: Any, level: int = 0) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2) with each line after the first indented
    `level` steps more: the same text in about two thirds of the time for the plain data of a
    report (the standard library's indenting encoder is Python generators; no library writes
    the same bytes). Anything but dicts, lists, tuples, strings, numbers, booleans and None goes
    to json.dumps."""
    import json

    try:
        return _indenter()(value, level)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


@functools.cache
def _indenter() -> Callable[[Any, int], str]:
    from json.encoder import encode_basestring as string  # the C escaper json.dumps uses

    def number(value: float) -> str:
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)

    def key_text(key: Any) -> str:
        # json.dumps turns a key that is not a string into one so (and refuses other kinds)
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return number(key)
        if key is True or key is False or key is None:
            return "true" if key else "false" if key is False else "null"
        if isinstance(key, int):
            return int.__repr__(key)
        raise TypeError(f"not a JSON key: {type(key).__name__}")

    # The indentation of each depth, and what stands between items there, made once.
    pads = ["\n" + "  " * level for level in range(64)]
    seps = ["," + pad for pad in pads]

    def indented(value: Any, level: int) -> str:
        # the plain types of parsed JSON first, by exact type; subclasses and tuples below
        kind = type(value)
        if kind is str:
            return string(value)
        if kind is dict or kind is list:
            if not value:
                return "{}" if kind is dict else "[]"
            if level >= 62:
                return _deep(value, level)
            inner = level + 1
            if kind is list:
                items = [
                    string(item) if type(item) is str else indented(item, inner) for item in value
                ]
                return "[" + pads[inner] + seps[inner].join(items) + pads[level] + "]"
            # strings, ints and None, nearly every value of a report, without a call each
            pairs = [
                string(key if type(key) is str else key_text(key))
                + ": "
                + (
                    string(item)
                    if type(item) is str
                    else int.__repr__(item)
                    if type(item) is int
                    else "null"
                    if item is None
                    else indented(item, inner)
                )
                for key, item in value.items()
            ]
            return "{" + pads[inner] + seps[inner].join(pairs) + pads[level] + "}"
        if kind is int:
            return int.__repr__(value)
        return _deep(value, level)

    def _deep(value: Any, level: int) -> str:
        # everything else, and containers too deep for the pads made above
        kind = type(value)
        if kind is str:
            return string(value)
        if kind is dict:
            if not value:
                return "{}"
            inner = "\n" + "  " * (level + 1)
            pairs = [
                string(key if type(key) is str else key_text(key))
                + ": "
                + indented(item, level + 1)
                for key, item in value.items()
            ]
            return "{" + inner + ("," + inner).join(pairs) + "\n" + "  " * level + "}"
        if kind is int:
            return int.__repr__(value)
        # json.encoder's order of checks: a bool is an int, and True is not the number 1
        if isinstance(value, str):
            return string(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return number(value)
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            inner = "\n" + "  " * (level + 1)
            items = [indented(item, level + 1) for item in value]
            return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
        if isinstance(value, dict):
            if not value:
                return "{}"
            inner = "\n" + "  " * (level + 1)
            pairs = [
                string(key_text(key)) + ": " + indented(item, level + 1)
                for key, item in value.items()
            ]
            return "{" + inner + ("," + inner).join(pairs) + "\n" + "  " * level + "}"
        raise TypeError(f"not plain JSON data: {type(value).__name__}")

    return indented


@contextmanager
def spooled_stdout() -> Iterator[TextIO]:
    """A file to write standard output to, copied there only when the block ends without error:
    a late error (a bad article, an unused override) prints its one line and nothing else.
    The spool is on disk, so a long output costs no memory."""
    import shutil
    import tempfile

    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
        yield spool
        spool.seek(0)
        sys.stdout.flush()
        shutil.copyfileobj(spool, sys.stdout)
        sys.stdout.flush()
