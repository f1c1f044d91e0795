"""The command line as a user meets it: exit codes, JSON contract, batch files, fail closed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.screening import sample_list_path


def run(*args: str, input_: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clearance", *args],
        capture_output=True,
        text=True,
        input=input_,
        timeout=120,
    )


def test_screening_an_empty_store_fails_closed_with_exit_3(home: Path) -> None:
    res = run("screen", "Huawei")
    assert res.returncode == 3
    assert "no list versions imported" in res.stderr and "no match" not in res.stdout.lower()


def test_import_then_screen_json_contract(home: Path) -> None:
    assert run("lists", "import", str(sample_list_path())).returncode == 0
    res = run("screen", "Huawei Technologies Co., Ltd.", "--country", "CN", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["query"]["name"] == "Huawei Technologies Co., Ltd."
    (lst,) = data["lists"]
    assert {"source", "version", "sha256", "published"} <= set(lst)
    top = data["matches"][0]
    for key in (
        "source_id",
        "list",
        "name",
        "matched_name",
        "score",
        "explanation",
        "programs",
        "license_requirement",
        "federal_register_notice",
        "start_date",
    ):
        assert key in top
    assert 0 <= top["score"] <= 1 and top["explanation"]["pairs"]


def test_fail_on_match_exits_1_and_no_match_exits_0(home: Path) -> None:
    run("lists", "import", str(sample_list_path()))
    assert run("screen", "Huawei", "--fail-on-match").returncode == 1
    assert run("screen", "Acme Widgets GmbH", "--fail-on-match").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "Huawei", "--as-of", "2020-13-01"], "YYYY-MM-DD"),
        (["screen", "Huawei", "--country", "China"], "country"),
        (["screen", "Huawei", "--type", "robot"], "type"),
        (["screen", "Huawei", "--threshold", "1.5"], "threshold"),
        (["screen"], "NAME or --input"),
        (["screen", "Huawei", "--matcher", "name-v9"], "--matcher: unknown matcher 'name-v9'"),
    ],
)
def test_bad_input_exits_2_naming_the_field(home: Path, args: list[str], message: str) -> None:
    run("lists", "import", str(sample_list_path()))
    res = run(*args)
    assert res.returncode == 2
    assert message in res.stderr


def test_matcher_version_can_be_chosen_to_replay(home: Path) -> None:
    run("lists", "import", str(sample_list_path()))
    for version in ("name-v1", "name-v2"):
        res = run("screen", "Huawei Technolgies", "--json", "--matcher", version)
        assert res.returncode == 0 and json.loads(res.stdout)["matcher"] == version


def test_stale_lists_exit_3(home: Path) -> None:
    run("lists", "import", "--published", "2022-05-16", str(sample_list_path()))
    res = run("screen", "Huawei", "--max-list-age", "30")
    assert res.returncode == 3 and "max-list-age" in res.stderr


def test_bad_list_file_is_refused_with_its_line(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    lines = sample_list_path().read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join(lines[:5]) + "\n" + lines[5][: len(lines[5]) // 2], encoding="utf-8")
    res = run("lists", "import", str(bad))
    assert res.returncode == 2 and "bad.csv:" in res.stderr
    assert "no list versions stored" in run("lists", "show").stdout


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_batch_one_output_row_per_input_row(home: Path, tmp_path: Path, suffix: str) -> None:
    run("lists", "import", str(sample_list_path()))
    rows = [
        {"id": "c1", "name": "Huawei Technologies Co Ltd", "country": "CN"},
        {"id": "c2", "name": "Acme Widgets GmbH", "country": "DE"},
        {"id": "c3", "name": "华为技术有限公司", "country": "CN"},
    ]
    src, dst = tmp_path / f"in{suffix}", tmp_path / f"out{suffix}"
    table = pa.Table.from_pylist(rows)
    if suffix == ".parquet":
        pq.write_table(table, src)
    elif suffix == ".jsonl":
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    else:
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, src)
    res = run(
        "screen",
        "--input",
        str(src),
        "--output",
        str(dst),
        "--id-column",
        "id",
        "--country-column",
        "country",
    )
    assert res.returncode == 0, res.stderr
    if suffix == ".parquet":
        out = pq.read_table(dst).to_pylist()
    elif suffix == ".jsonl":
        out = [json.loads(line) for line in dst.read_text("utf-8").splitlines()]
    else:
        import pyarrow.csv as pacsv

        out = pacsv.read_csv(dst).to_pylist()
    assert [str(r["id"]) for r in out] == ["c1", "c2", "c3"]
    assert [bool(r["matched"]) for r in out] == [True, False, True]
    for key in ("id", "name", "matched", "score", "source_id", "list_name", "list", "hits"):
        assert key in out[0]
    assert out[0]["list_versions"].startswith("sample:")


def test_batch_missing_column_names_it(home: Path, tmp_path: Path) -> None:
    run("lists", "import", str(sample_list_path()))
    src = tmp_path / "in.csv"
    src.write_text("who\nHuawei\n", encoding="utf-8")
    res = run("screen", "--input", str(src), "--output", str(tmp_path / "o.csv"))
    assert res.returncode == 2 and "'name' is not a column" in res.stderr


def test_demo_runs_the_quickstart_job(home: Path) -> None:
    res = run("demo")
    assert res.returncode == 0, res.stderr
    assert "SAMPLE" in res.stdout and "华为技术有限公司" in res.stdout
    assert "not legal advice" in res.stdout
