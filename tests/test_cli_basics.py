"""The command line itself: version, help with examples, articles and show, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import COMMANDS, main


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"claimcheck {command}" in result.output


def test_python_dash_m_works():
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "report" in done.stdout


def test_articles_json_lists_the_bundled_corpus():
    result = CliRunner().invoke(main, ["articles", "--format", "json"])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert len(rows) == 5
    news = rows["002_0e2b5449ce5aef5f"]
    assert news["published"] == "2025-04-28" and news["kind"] == "news" and news["outlet"] is None
    roundup = rows["004_f05803455ba62a11"]
    assert roundup["stories"] == 2 and roundup["outlet"] == "IT DAILY (아이티데일리)"
    assert rows["003_c74ff3c273b5c269"]["boilerplate_lines"] == 4


def test_articles_table_says_what_is_unknown(tmp_path):
    (tmp_path / "memo.txt").write_text("제목 없는 메모\n딥시크가 화제다.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["articles", str(tmp_path)])
    assert result.exit_code == 0
    assert "memo" in result.output and "No metadata" in result.output


def test_show_marks_furniture_with_its_reason():
    result = CliRunner().invoke(main, ["show", "002_0e2b5449ce5aef5f"])
    assert result.exit_code == 0
    assert "[boilerplate: poll" in result.output
    assert "[summary]" in result.output and "[title]" in result.output
    assert "outlet: unknown" in result.output


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["articles", "no/such/folder"], "no/such/folder"),
        (["show", "no-such-article"], "no-such-article"),
        (["report", "no/such/file.txt"], "no/such/file.txt"),
        (["extract", "no/such/file.txt", "--check"], "no/such/file.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, fragment):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in result.stderr


def test_report_json_is_streamed_item_by_item_with_the_same_bytes_as_one_dump(capsys):
    import json

    from claimcheck.cli.common import echo_json_lists
    from claimcheck.reconcile import store_for_paths

    with store_for_paths(None, "no-such-tables-folder") as store:
        report = store.to_report()
        assert report.claims and report.findings
        refuted = {"verdicts": ["refuted"]}
        cases = [
            (store.finding_rows(), report),
            (
                store.finding_rows(**refuted),
                report.model_copy(
                    update={"findings": [f for f in report.findings if f.verdict == "refuted"]}
                ),
            ),
            (iter(()), report.model_copy(update={"findings": []})),
        ]
        for findings, model in cases:
            echo_json_lists(
                [
                    ("articles", store.article_rows()),
                    ("claims", store.claim_rows()),
                    ("findings", findings),
                    ("summary", store.summary().model_dump(mode="json")),
                ]
            )
            streamed = capsys.readouterr().out
            expected = json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)
            assert streamed == expected + "\n"
    echo_json_lists([])
    assert capsys.readouterr().out == "{}\n"


@pytest.mark.parametrize(
    "items",
    [[], [1], [{"a": [1, {"b": "한글\n줄"}], "c": {}}, [], None], [{"x": []}, {"y": {"z": [2.5]}}]],
)
def test_a_json_list_written_item_by_item_is_what_one_dump_writes(items):
    import io
    import json

    from claimcheck.cli.common import write_json_list

    for depth in (0, 1, 2):
        out = io.StringIO()
        write_json_list(out, iter(items), depth)
        whole = json.dumps(items, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
        assert out.getvalue() == whole


def test_an_object_holding_iterators_is_written_as_one_dump_writes_it():
    import io
    import json

    from claimcheck.cli.common import write_json_list

    rows = [{"a": 1, "sources": [{"x": "딥"}, {"y": [1, 2]}], "z": []}, {"b": {}}]
    for depth in (0, 1):
        streamed = [
            {"a": 1, "sources": iter([{"x": "딥"}, {"y": [1, 2]}]), "z": iter([])},
            {"b": {}},
        ]
        out = io.StringIO()
        write_json_list(out, streamed, depth)
        whole = json.dumps(rows, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
        assert out.getvalue() == whole


@pytest.mark.parametrize(
    "setup, looked", [("import claimcheck.cli", False), ("import claimcheck", True)]
)
def test_the_command_line_runs_no_pydantic_plugins_and_does_not_look_for_them(setup, looked):
    # claimcheck.cli stands in for pydantic's plugin loader (reading every installed package's
    # metadata to find plugins): the first validator built must ask the stand-in, so that
    # importlib.metadata is never imported; a program using claimcheck as a library keeps
    # pydantic's own loader, which looks.
    code = (
        f"import sys\n{setup}\n"
        "from pydantic import BaseModel\n"
        "class Probe(BaseModel):\n"
        "    value: int\n"
        "assert Probe(value='3').value == 3\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == str(looked)


def test_the_stand_in_for_pydantics_plugin_loader_steps_aside_for_a_name_it_lacks():
    """Another pydantic version may ask its loader for a name the stand-in does not have: the
    stand-in then hands over to the real module instead of failing the run."""
    code = (
        "import sys, claimcheck.cli\n"
        "stand_in = sys.modules['pydantic.plugin._loader']\n"
        "assert stand_in.get_plugins() == ()\n"
        "plugins = stand_in._plugins\n"  # a name only the real loader has
        "real = sys.modules['pydantic.plugin._loader']\n"
        "assert real is not stand_in and hasattr(real, 'get_plugins')\n"
        "print('handed over')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "handed over"
