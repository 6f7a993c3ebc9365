"""claimcheck: turn news articles about AI into structured claims and check them."""

__version__ = "0.1.0"
