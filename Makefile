.PHONY: install test lint bench extract

install:
	pip install -e '.[test,dev]'

test:
	python -m pytest

lint:
	ruff check claimcheck tests benchmarks
	mypy

bench:
	python benchmarks/normalizer.py
