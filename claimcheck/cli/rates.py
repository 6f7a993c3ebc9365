"""`claimcheck rates`: where exchange rates come from, for which days, and the rate of one day."""

from __future__ import annotations

import datetime as dt
import sys

import click

from claimcheck.cli.common import (
    echo_json,
    format_option,
    overrides_folder_option,
    rates_option,
    reports_input_errors,
)


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command()
@click.option("--date", "day", metavar="YYYY-MM-DD", help="Show the rate used for this day.")
@click.option(
    "--pair",
    default="KRW/USD",
    show_default=True,
    help="Two currencies, in either order; the rate is shown both ways.",
)
@rates_option()
@overrides_folder_option()
@format_option(["text", "json"], help="text for people, json for scripts.")
@reports_input_errors
def rates(day: str | None, pair: str, rate_files, tables_dir: str, fmt: str) -> None:
    """Show each source of exchange rates with the days it covers, in the order they are tried,
    and with --date the rate a conversion of that day is checked against, its source and day.

    A rate is used only if it was quoted on the day or at most three weekdays before (weekends
    are free): past every source the answer is "no rate for DATE (data ends DATE)".

    \b
    Exit status: 0 shown, 1 no rate for --date, 2 bad input (a bad --rates file, a bad date).

    \b
    Examples:
      claimcheck rates
      claimcheck rates --date 2025-09-24 --pair KRW/USD
      claimcheck rates --rates DEXKOUS.csv --date 2026-11-20
    """
    from claimcheck import fx
    from claimcheck.cli.common import use_rate_files
    from claimcheck.errors import InputError
    from claimcheck.fx_tables import coverage

    wanted = _day(day)
    currencies = [code.strip().upper() for code in pair.split("/")]
    if len(currencies) != 2 or not all(currencies):
        raise click.BadParameter(
            f"{pair!r}: write two currency codes like KRW/USD", param_hint="--pair"
        )
    from claimcheck.discover import resolve_workspace

    use_rate_files(str(resolve_workspace((), tables_dir).tables), rate_files)
    sources = coverage()
    found = missing = None
    if wanted is not None:
        try:
            found = fx.rate(currencies[1], currencies[0], wanted)
            if found.rate < 1:  # shown the way newspapers write it: 1 USD = 1,399 KRW
                found = fx.rate(currencies[0], currencies[1], wanted)
        except fx.UnknownCurrencyError as exc:
            raise InputError(None, f"--pair {pair}: {exc}") from None
        except fx.RateUnavailableError as exc:
            missing = str(exc)
    if fmt == "json":
        data: dict = {"sources": [s.model_dump(mode="json") for s in sources]}
        if wanted is not None:
            data["rate"] = found.model_dump(mode="json") if found else None
            data["no_rate"] = missing
        echo_json(data)
    else:
        _print_text(sources, found, missing)
    if missing:
        sys.exit(1)


def _print_text(sources, found, missing) -> None:
    from claimcheck.fx import MAX_STALE_WEEKDAYS, format_rate

    click.echo("Exchange-rate sources, in the order they are tried:")
    for number, s in enumerate(sources, start=1):
        preferred = f"; first for {', '.join(s.preferred_for)}" if s.preferred_for else ""
        click.echo(
            f"{number}. {s.cite}: {s.start} to {s.end} ({s.rows} rows); "
            f"{s.base} against {', '.join(s.currencies)}{preferred}"
        )
        click.echo(f"   {s.origin}")
    click.echo(
        f"A rate is used only within {MAX_STALE_WEEKDAYS} weekdays after its day; "
        "other pairs are crossed through the table's base currency."
    )
    if found is not None:
        click.echo("")
        inverse = 1 / found.rate
        click.echo(
            f"{found.requested_date}: 1 {found.base} = {format_rate(found.rate)} {found.quote} "
            f"(1 {found.quote} = {format_rate(inverse)} {found.base})"
        )
        click.echo(f"source: {found.source}; quoted on {found.date_used}")
        click.echo(found.explanation_en)
    if missing:
        click.echo("")
        click.echo(missing)
