"""The `claimcheck` command line: parses arguments and calls the core, nothing more.

Subcommands live in their own modules and are imported only when run, so that
`claimcheck --help` starts quickly.
"""

from __future__ import annotations

import atexit
import gc

# At exit the interpreter runs full garbage collections over every object still alive (modules,
# pydantic's validators, the language data: about 50,000, none of them garbage), about a tenth
# of a computed report. Frozen objects are skipped. Registered first, so it runs after every
# other exit handler; claimcheck closes its files itself, and the process's end frees the rest.
atexit.register(gc.freeze)
# A young-generation collection every 100,000 new objects instead of 700, set before the rest is
# imported: start-up makes tens of thousands of objects that live as long as the process
# (modules, validators, language data), and each collection walked them again (about 9 ms of a
# computed report on the bundled corpus, which now needs none). Garbage in cycles waits a little
# longer: on 1,000 generated articles (benchmarks/scale.py) peak memory was 51 MB for `extract`
# and 58 MB for `report` with this (53 and 60 MB before this work, with the default).
gc.set_threshold(100_000, 10, 10)

import importlib  # noqa: E402 - after the collector's settings, which the imports profit from
import sys  # noqa: E402
import types  # noqa: E402

import click  # noqa: E402

from claimcheck import __version__  # noqa: E402


def _no_pydantic_plugins() -> None:
    """Run no pydantic plugins in the command line, and skip looking for them.

    The first time pydantic builds a validator, it looks for plugins (other packages' hooks
    into every validation, found through installed packages' entry points): it imports
    importlib.metadata (with email, zipfile, csv) and reads every installed package's metadata,
    about 11 ms of a computed report, for none. Its own switch (PYDANTIC_DISABLE_PLUGINS) skips
    the reading but not the import, so the module that looks is stood in for by one that finds
    none. Only the command line does this: a program using claimcheck as a library keeps its
    plugins. tests/test_cli_basics.py checks that the stand-in is what pydantic asks.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name, "claimcheck's command line: no pydantic plugins")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]

    def _from_the_real_loader(attribute: str):
        # a name another pydantic asks of its loader: the stand-in steps aside for the real
        # module, so an untested version loses the saving, never the run (the import system's
        # own questions, "__path__" and the like, are answered as for any plain module)
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        if sys.modules.get(name) is loader:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    loader.__getattr__ = _from_the_real_loader  # type: ignore[attr-defined]
    sys.modules[name] = loader


_no_pydantic_plugins()

# name -> (module, function, one-line help shown in `claimcheck --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "articles": (
        "claimcheck.cli.articles",
        "articles",
        "List articles with their metadata and structure.",
    ),
    "show": ("claimcheck.cli.articles", "show", "Show one article with its structure visible."),
    "normalize": ("claimcheck.cli.normalize", "normalize", "Find every figure in Korean text."),
    "extract": (
        "claimcheck.cli.extract",
        "extract",
        "Extract claims into claim tables (claims/*.yaml).",
    ),
    "report": (
        "claimcheck.cli.report",
        "report",
        "Reconcile claims and show where sources agree or contradict.",
    ),
    "export": (
        "claimcheck.cli.export",
        "export",
        "Export findings as CSV, JSON, Markdown, HTML or ClaimReview.",
    ),
    "explain": (
        "claimcheck.cli.explain",
        "explain",
        "Show one finding in full: sources, arithmetic, reference.",
    ),
    "rates": (
        "claimcheck.cli.rates",
        "rates",
        "Show the exchange-rate sources, their coverage and the rate of a day.",
    ),
    "diff": ("claimcheck.cli.diff", "diff", "Show what changed between two sets of claim tables."),
    "init": (
        "claimcheck.cli.init",
        "init",
        "Set up a repository for your own articles (seeds/, claims/, CI).",
    ),
    "schema": (
        "claimcheck.cli.schema",
        "schema",
        "Print the JSON Schema of a claim, finding, report…",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attr, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so `--help` imports no subcommand module.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Fact-check news coverage of AI.

    claimcheck reads articles (Korean first), turns them into structured claims,
    normalises every figure and reports where sources agree or contradict.
    With no PATHS, commands work on ./seeds when the working folder has one (see
    `claimcheck init`), else on the bundled corpus of five articles about DeepSeek.

    \b
    Example:
      claimcheck report
      claimcheck explain reference:f51c0b6a39
      claimcheck report --lang ko --format markdown
      claimcheck show 002_0e2b5449ce5aef5f
    """
