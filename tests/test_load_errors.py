"""Bad input: every problem is one line that names the file and says what is wrong."""

from __future__ import annotations

import pytest

from claimcheck.errors import InputError
from claimcheck.load import find_article, load_articles

GOOD_ENTRY = """
  - id: a
    file: a.txt
    title: {value: "수출 증가", line: 1}
    outlet: {value: null, reason: "not stated"}
    author: {value: null, reason: "no byline"}
    published: {value: "2025-02-03", line: 2}
    kind: {value: news, line: 1}
    language: {value: ko, reason: "Korean"}
"""


def fails(paths, *fragments):
    with pytest.raises(InputError) as caught:
        load_articles(paths)
    message = caught.value.message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def article(folder, name="a.txt", text="수출 증가\n수출이 늘었다.\n"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_path(tmp_path):
    fails([tmp_path / "nope.txt"], "nope.txt", "no such file or folder")


def test_folder_without_articles(tmp_path):
    (tmp_path / "README.md").write_text("# 설명\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    fails([tmp_path], str(tmp_path), "no articles")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    fails([path], "empty.txt", "empty file")


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    fails([path], "image.txt", "binary file")


def test_undecodable_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Ça coûte 5 francs, déjà payé".encode("latin-1"))
    fails([path], "latin.txt", "cannot decode")


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    fails([path], "report.pdf", "not an article file")


def test_manifest_with_an_unknown_key(tmp_path):
    article(tmp_path)
    (tmp_path / "manifest.yaml").write_text(
        "articles:" + GOOD_ENTRY + "    pubisher: {value: x, line: 1}\n", encoding="utf-8"
    )
    fails([tmp_path], "manifest.yaml", "articles.0.pubisher")


def test_manifest_with_a_wrong_type(tmp_path):
    article(tmp_path)
    text = "articles:" + GOOD_ENTRY.replace('title: {value: "수출 증가", line: 1}', "title: 5")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "articles.0.title")


def test_manifest_that_is_not_a_mapping(tmp_path):
    article(tmp_path)
    (tmp_path / "manifest.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "mapping")


def test_manifest_with_invalid_yaml(tmp_path):
    article(tmp_path)
    (tmp_path / "manifest.yaml").write_text("articles: [\n  - id: a\n", encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "invalid manifest")


def test_manifest_entry_whose_file_is_missing(tmp_path):
    article(tmp_path)
    text = "articles:" + GOOD_ENTRY + GOOD_ENTRY.replace("id: a", "id: b").replace("a.txt", "b.txt")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "'b'", "b.txt", "does not exist")


def test_manifest_aliases_are_refused(tmp_path):
    article(tmp_path)
    text = "articles:" + GOOD_ENTRY.replace(
        'outlet: {value: null, reason: "not stated"}',
        'outlet: &o {value: null, reason: "not stated"}',
    ).replace('author: {value: null, reason: "no byline"}', "author: *o")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "not allowed")


def test_billion_laughs_is_refused_quickly(tmp_path):
    article(tmp_path)
    lines = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)
    ]
    (tmp_path / "manifest.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fails([tmp_path], "manifest.yaml", "not allowed")


def test_two_articles_with_the_same_id(tmp_path):
    article(tmp_path / "one")
    article(tmp_path / "two")
    fails([tmp_path / "one", tmp_path / "two"], "same id", "'a'")


def test_same_id_with_two_extensions(tmp_path):
    article(tmp_path, "a.txt")
    article(tmp_path, "a.md")
    fails([tmp_path], "same id")


def test_the_same_file_twice_is_one_article(tmp_path):
    path = article(tmp_path)
    assert [a.id for a in load_articles([tmp_path, path])] == ["a"]


def test_bad_front_matter(tmp_path):
    path = article(tmp_path, "fm.md", "---\ntitle: 제목\nauthr: 누구\n---\n본문이다.\n")
    fails([path], "fm.md", "front matter", "authr")


def test_front_matter_with_a_bad_date(tmp_path):
    path = article(tmp_path, "fm.md", "---\npublished: 지난주\n---\n본문이다.\n")
    fails([path], "fm.md", "published")


def test_unknown_article_id():
    with pytest.raises(InputError, match="no such article"):
        find_article("999_not_an_article")
