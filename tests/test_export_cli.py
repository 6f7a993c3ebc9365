"""`claimcheck export` through click: formats, -o written atomically, exit codes 0 and 2."""

from __future__ import annotations

import json

from click.testing import CliRunner
from render_report import report

from claimcheck.cli.export import export


def _saved_report(tmp_path):
    path = tmp_path / "report.json"
    path.write_text(report().model_dump_json(), encoding="utf-8")
    return path


def test_writes_the_file_only_with_o(tmp_path):
    saved = _saved_report(tmp_path)
    out = tmp_path / "findings.csv"
    result = CliRunner().invoke(export, ["--report", str(saved), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert result.stdout == ""  # the data went to the file; the note goes to stderr
    assert "3 findings written" in result.stderr


def test_standard_output_without_o(tmp_path):
    saved = _saved_report(tmp_path)
    result = CliRunner().invoke(
        export, ["--report", str(saved), "--format", "markdown", "--lang", "ko"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("### claimcheck 판정 결과")


def test_json_round_trips_and_all_keeps_every_finding(tmp_path):
    saved = _saved_report(tmp_path)
    result = CliRunner().invoke(export, ["--report", str(saved), "--format", "json", "--all"])
    data = json.loads(result.stdout)
    assert len(data["findings"]) == 5
    assert {a["id"] for a in data["articles"]} == {"hanbit_0128", "maeil_0131", "blog_0201"}
    again = tmp_path / "again.json"
    again.write_text(result.stdout, encoding="utf-8")
    default = CliRunner().invoke(export, ["--report", str(again), "--format", "json"])
    assert [f["verdict"] for f in json.loads(default.stdout)["findings"]] == [
        "refuted",
        "misattributed",
        "discrepancy",
    ]


def test_unwritable_output_exit_2_and_nothing_written(tmp_path):
    saved = _saved_report(tmp_path)
    target = tmp_path / "no-such-folder" / "out.html"
    result = CliRunner().invoke(
        export, ["--report", str(saved), "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert "no-such-folder" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


def test_bad_report_exit_2_names_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"articles": [], "claims": []}', encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(export, ["--report", str(bad), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 2
    assert "broken.json" in result.stderr and "findings" in result.stderr
    assert not out.exists()


def test_paths_and_report_together_is_a_usage_error(tmp_path):
    saved = _saved_report(tmp_path)
    result = CliRunner().invoke(export, ["--report", str(saved), "seeds"])
    assert result.exit_code == 2


def test_bundled_corpus_to_html(tmp_path):
    # Runs the whole pipeline on the five seed articles; the counts come from the JSON export
    # of the same run, so the test holds whatever the reconciler decides.
    data = json.loads(CliRunner().invoke(export, ["--format", "json"]).stdout)
    agreeing = {"agree", "consistent", "supported"}
    assert all(f["verdict"] not in agreeing for f in data["findings"])
    out = tmp_path / "page.html"
    result = CliRunner().invoke(export, ["--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<article class="finding') == len(data["findings"])
    assert "<script" not in page


def test_report_from_standard_input():
    result = CliRunner().invoke(
        export, ["--report", "-", "--format", "json", "--all"], input=report().model_dump_json()
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["findings"]) == 5
