"""Let tests import the shared scoring helper beside them, and let the `python -m claimcheck`
processes some tests start import this checkout (not whatever copy is installed elsewhere)."""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(HERE.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
)
# The output cache is off unless a test turns it on (tests/test_output_cache.py): a test that
# patches the pipeline must see it run, not a replay.
os.environ["CLAIMCHECK_CACHE_DIR"] = "off"
