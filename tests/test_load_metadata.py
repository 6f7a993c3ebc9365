"""Metadata: manifest entries, front matter (which wins), or unknown; ids, folders and lookup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimcheck.load import bundled_corpus_dir, find_article, load_articles

MANIFEST = """articles:
  - id: a
    file: a.txt
    title: {value: "반도체 수출 증가", line: 1, quote: "반도체 수출 증가"}
    outlet: {value: "한빛일보", line: 3}
    author: {value: null, reason: "no byline on the page"}
    published: {value: "2025-02-03", line: 2}
    kind: {value: news, line: 1}
    language: {value: ko, reason: "written in Korean"}
"""
TEXT = "반도체 수출 증가\n2025.02.03\nⓒ 한빛일보\n수출이 8% 늘었다.\n"


def folder_with_manifest(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


def test_manifest_values_and_reasons(tmp_path):
    (article,) = load_articles([folder_with_manifest(tmp_path)])
    meta = article.meta
    assert meta.source == "manifest"
    assert (meta.title, meta.outlet, meta.kind, meta.language) == (
        "반도체 수출 증가",
        "한빛일보",
        "news",
        "ko",
    )
    assert meta.published == dt.date(2025, 2, 3)
    assert meta.author is None and meta.unknown["author"] == "no byline on the page"
    assert "url" in meta.unknown


def test_manifest_applies_to_a_file_named_directly(tmp_path):
    folder_with_manifest(tmp_path)
    (article,) = load_articles([tmp_path / "a.txt"])
    assert article.meta.source == "manifest" and article.meta.outlet == "한빛일보"


def test_front_matter_wins_over_the_manifest(tmp_path):
    folder_with_manifest(tmp_path)
    (tmp_path / "a.txt").write_text(
        "---\ntitle: 다른 제목\npublished: 2025-03-01T09:00:00\nurl: https://example.com/a\n---\n"
        + TEXT,
        encoding="utf-8",
    )
    (article,) = load_articles([tmp_path])
    meta = article.meta
    assert meta.source == "front_matter"
    assert meta.title == "다른 제목"
    assert meta.published == dt.date(2025, 3, 1)
    assert meta.url == "https://example.com/a"
    assert meta.outlet is None and "outlet" in meta.unknown


def test_no_metadata_is_unknown_but_the_headline_is_the_title(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (article,) = load_articles([tmp_path / "b.txt"])
    meta = article.meta
    assert meta.source == "none"
    assert meta.title == "반도체 수출 증가"
    assert meta.published is None and meta.outlet is None
    assert set(meta.unknown) == {"outlet", "author", "published", "url", "kind", "language"}


def test_front_matter_file_from_fixtures():
    path = Path(__file__).parent / "fixtures" / "load" / "article.md"
    article = find_article(str(path))
    assert article.id == "article"
    assert article.meta.source == "front_matter"
    assert (article.meta.outlet, article.meta.author) == ("데이터저널", "박서연")
    assert article.meta.published == dt.date(2025, 3, 10)


def test_folder_listing_is_sorted_and_skips_non_articles(tmp_path):
    for name in ("b.md", "a.txt", "c.html", "README.md", "notes.csv"):
        (tmp_path / name).write_text(
            "<p>본문이다.</p>" if name.endswith("html") else "본문이다.\n", encoding="utf-8"
        )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("하위 폴더는 읽지 않는다.\n", encoding="utf-8")
    assert [a.id for a in load_articles([tmp_path])] == ["a", "b", "c"]


def test_find_article_by_id_within_paths(tmp_path):
    folder_with_manifest(tmp_path)
    assert find_article("a", [tmp_path]).meta.outlet == "한빛일보"


def test_bundled_corpus():
    folder = bundled_corpus_dir()
    assert sorted(p.name for p in folder.glob("*.txt")) == [
        "000_3b08953fffa97431.txt",
        "001_f7a9af24cacc642e.txt",
        "002_0e2b5449ce5aef5f.txt",
        "003_c74ff3c273b5c269.txt",
        "004_f05803455ba62a11.txt",
    ]
    articles = load_articles()
    assert [a.id for a in articles] == sorted(a.id for a in articles)
    assert len(articles) == 5
    assert find_article("003_c74ff3c273b5c269").meta.author == "긴기다림"
