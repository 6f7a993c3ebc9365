.PHONY: install test test-latest test-oldest constraints lint bench extract

install:
	pip install -c constraints.txt -e '.[test,dev]'

test:
	python -m pytest

# The suite in a fresh temporary virtualenv, against the newest versions pyproject.toml allows
# (or every lower bound); prints what differs from constraints.txt. See .ci/test-against.
test-latest:
	python3 .ci/test-against latest

test-oldest:
	python3 .ci/test-against oldest

# Re-lock: newest allowed versions in a fresh virtualenv; constraints.txt is rewritten only if
# the suite passes there. Commit the file.
constraints:
	python3 .ci/test-against latest --freeze

lint:
	ruff check claimcheck tests benchmarks
	mypy

bench:
	python benchmarks/normalizer.py --repeat 15
	python benchmarks/extraction.py
	python benchmarks/verdicts.py
	python benchmarks/cold_start.py
	python benchmarks/scale.py --max 1000
	python benchmarks/rates.py
