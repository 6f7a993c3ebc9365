"""claimcheck: turn news articles about AI into structured claims and check them.

The Python API, on which the command line is built::

    import claimcheck

    article = claimcheck.load("seeds/004_f05803455ba62a11.txt")   # or the text itself
    claims = claimcheck.extract(article)
    findings = claimcheck.reconcile(claims, articles=[article])
    quantities = claimcheck.normalize("엔비디아 H800 칩 2천여 대")

Every object is a pydantic model from `claimcheck.models`; its `model_dump(mode="json")` is
the JSON the command line prints. Nothing heavy is imported until a function is called, so
`import claimcheck` (and `claimcheck --help`) stays quick.
"""

from claimcheck.api import extract, load, normalize, reconcile

__version__ = "0.1.0"
__all__ = ["__version__", "extract", "load", "normalize", "reconcile"]
