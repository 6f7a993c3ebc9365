.PHONY: install test lint bench extract

install:
	pip install -e '.[test,dev]'

test:
	python -m pytest

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
