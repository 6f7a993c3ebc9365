"""The Python API: load, extract, reconcile, normalize (re-exported as claimcheck.load, …).

Each name is also one of claimcheck's packages (`claimcheck.load` loads articles,
`claimcheck.extract` extracts claims, `claimcheck.reconcile` reconciles them). Importing a package
makes it the package's attribute in place of the function, so each of those packages is made
callable (`callable_package`): `claimcheck.load(...)` is this module's `load` whichever of the
two the name holds, and `import claimcheck.load as load; load.load_article` still works.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # for annotations only: `import claimcheck` stays as light as `--help` needs
    import datetime as dt
    from collections.abc import Iterable

    from claimcheck.models import Article, Claim, Finding, Quantity
    from claimcheck.reference import ReferenceTable

__all__ = ["callable_package", "extract", "load", "normalize", "reconcile"]

ArticleFormat = Literal["txt", "md", "html"]
# A string this long, or with a line break, is text, not a file name.
_LONGEST_PATH = 4096


def load(
    path_or_text: str | Path,
    published: dt.date | str | None = None,
    *,
    article_id: str = "text",
    fmt: ArticleFormat = "txt",
) -> Article:
    """An article from a file (.txt, .md, .html) or from its text.

    A `Path`, or a string naming an existing file, is read as `claimcheck articles` reads it
    (its encoding detected, its folder's manifest.yaml or its front matter giving the metadata).
    Any other string is the article's text, in `fmt` ("txt", "md" or "html"), with the id
    `article_id`. `published` (a date or "YYYY-MM-DD") sets the publication date, which decides
    the exchange rate money is compared at. Bad input raises `claimcheck.errors.InputError`.
    """
    from claimcheck.discover import article_files
    from claimcheck.errors import InputError
    from claimcheck.load import article_from_text, find_article

    if isinstance(path_or_text, Path) or _names_a_file(path_or_text):
        path = Path(path_or_text)
        if path.is_dir():
            raise InputError(path, "a folder: load one article file at a time")
        article_files([path])  # a missing file, or not an article, is refused as the CLI does
        article = find_article(str(path))
    else:
        if fmt not in ("txt", "md", "html"):
            raise ValueError(f"fmt must be txt, md or html, not {fmt!r}")
        article = article_from_text(path_or_text, article_id, fmt)
    if published is None:
        return article
    import datetime as dt

    date = published if isinstance(published, dt.date) else dt.date.fromisoformat(published)
    unknown = {k: v for k, v in article.meta.unknown.items() if k != "published"}
    meta = article.meta.model_copy(update={"published": date, "unknown": unknown})
    return article.model_copy(update={"meta": meta})


def _names_a_file(value: str) -> bool:
    if "\n" in value or len(value) > _LONGEST_PATH:
        return False
    try:
        return Path(value).is_file()
    except OSError:  # a name too long for the file system, say
        return False


def extract(article: Article) -> list[Claim]:
    """Every check-worthy claim of the article, in file order (what `claimcheck extract` writes
    to its claim table, before the editor's overrides)."""
    from claimcheck.extract import extract_claims

    return extract_claims(article)


def reconcile(
    claims: Iterable[Claim],
    reference: ReferenceTable | str | Path | None = None,
    articles: Iterable[Article] = (),
) -> list[Finding]:
    """The findings about these claims: across sources, within each article, and against the
    reference table (None: the bundled one; a path: that reference.yaml, `extends: bundled`
    honoured). Give the `articles` the claims come from for their dates and outlets: money is
    compared at the rate of each article's publication date. Findings come in the order of
    `claimcheck report --format json`."""
    from claimcheck.reconcile import build_report_from_claims
    from claimcheck.reference import load_reference

    table = load_reference(Path(reference)) if isinstance(reference, (str, Path)) else reference
    meta = {article.id: article.meta for article in articles}
    from claimcheck.models import FindingLabels
    from claimcheck.render.words import finding_labels

    findings = build_report_from_claims(list(claims), meta, table).findings
    # with their slugs in words, as the CLI's JSON gives them
    return [
        f.model_copy(
            update={
                "labels": FindingLabels.model_validate(finding_labels(f.model_dump(mode="json")))
            }
        )
        for f in findings
    ]


def normalize(text: str) -> list[Quantity]:
    """Every figure in `text` with its unit, qualifier and the interval it denotes (what
    `claimcheck normalize --format json` prints under "quantities")."""
    from claimcheck.quantities import find_quantities

    return find_quantities(text)


def callable_package(name: str) -> None:
    """Make the package `name` (claimcheck.load, .extract, .reconcile) callable as the API
    function of its last name, so `claimcheck.<name>(...)` works once the package is imported."""
    module = sys.modules[name]
    function = globals()[name.rsplit(".", 1)[1]]

    class CallablePackage(types.ModuleType):
        __call__ = staticmethod(function)

    module.__class__ = CallablePackage
