"""``clearance check`` and ``clearance law test`` through the real console entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from clearance.cli import main

QUESTION: dict[str, Any] = {
    "date": "2020-06-20",
    "destination": "CN",
    "parties": [{"name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "end_user"}],
    "item": {"type": "technology", "eccn": "EAR99", "published": False,
             "us_content_percent": None, "foreign_produced": False},
    "activity": {"kind": "release", "purpose": "standards_development",
                 "standards_body": {"name": "3GPP", "recognized": True, "topic": "5G"}},
}  # fmt: skip
FLAGS = [
    "check", "--party", "Huawei Technologies Co., Ltd.", "--party-country", "CN",
    "--item-type", "technology", "--eccn", "EAR99", "--activity", "release",
    "--purpose", "standards_development", "--standards-body", "3GPP", "--topic", "5G",
    "--date", "2020-06-20",
]  # fmt: skip


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["clearance", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out.out, out.err


def test_input_file_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "q.json"
    path.write_text(json.dumps(QUESTION), encoding="utf-8")
    code, out, _ = run(["check", "--input", str(path), "--json"], capsys, monkeypatch)
    assert code == 0
    d = json.loads(out)
    assert d["outcome"] == "NO_LICENSE_REQUIRED" and d["license_required"] is False
    assert "85 FR 36719" in d["citations"]
    assert d["parties"][0]["hits"] and d["trace"] and d["lists"] and d["notice"]
    assert d["rules_version"]["sha256"]


def test_input_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    question = {**QUESTION, "date": "2019-09-15"}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(question)))
    code, out, _ = run(["check", "--input", "-", "--json"], capsys, monkeypatch)
    assert code == 0
    d = json.loads(out)
    assert d["outcome"] == "LICENSE_REQUIRED" and "84 FR 43487" in d["citations"]


def test_flag_form_matches_json_form(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run([*FLAGS, "--json"], capsys, monkeypatch)
    assert code == 0
    d = json.loads(out)
    assert d["outcome"] == "NO_LICENSE_REQUIRED" and "85 FR 36719" in d["citations"]
    code, text, _ = run(FLAGS, capsys, monkeypatch)
    assert code == 0
    assert text.startswith("NO_LICENSE_REQUIRED") and "85 FR 36719" in text
    assert "rules: us-ear" in text and "not legal advice" in text


def test_text_output_carries_unsure(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [*FLAGS[:-2], "--date", "2020-08-15", "--purpose", "vulnerability_disclosure"]
    code, text, _ = run(args, capsys, monkeypatch)
    assert code == 0 and text.startswith("LICENSE_REQUIRED") and "UNSURE:" in text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (["--eccn", "5X002"], "item.eccn"),
        (["--party-country", "China"], "bad country 'China'"),
        (["--destination", "ZZ"], "destination: 'ZZ' is not a Country Chart destination"),
        (["--date", "2020-13-01"], "date"),
        (["--role", "buyer"], "parties[0].role"),
        (["--item-type", "hardware"], "item.type"),
    ],
)
def test_bad_flags_exit_2_naming_the_field(
    change: list[str],
    field: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run([*FLAGS, *change], capsys, monkeypatch)
    assert code == 2, out
    assert field in err


def test_bad_input_file_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run(["check", "--input", str(bad)], capsys, monkeypatch)
    assert code == 2 and "--input" in err
    q = {**QUESTION, "parties": [{"name": "X", "role": "owner"}]}
    bad.write_text(json.dumps(q), encoding="utf-8")
    code, _, err = run(["check", "--input", str(bad)], capsys, monkeypatch)
    assert code == 2 and "parties[0].role" in err


def test_law_test_runs_every_golden_case(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["law", "test"], capsys, monkeypatch)
    assert code == 0
    assert out.strip().splitlines()[-1] == "72 passed, 0 failed"  # 47 EAR + 25 UK HRV


def test_law_test_fails_on_a_wrong_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearance.determination.law import US_LAW

    law = tmp_path / "us"
    (law / "ear").mkdir(parents=True)
    (law / "_ruleset.yml").write_bytes((US_LAW / "_ruleset.yml").read_bytes())
    for rule in (US_LAW / "ear").rglob("*.yml"):
        if not rule.name.endswith(".cases.yml"):
            target = law / "ear" / rule.relative_to(US_LAW / "ear")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(rule.read_bytes())
    cases = (US_LAW / "ear" / "determination.cases.yml").read_text(encoding="utf-8")
    wrong = cases.replace("outcome: PROHIBITED", "outcome: NO_LICENSE_REQUIRED", 1)
    assert wrong != cases
    (law / "ear" / "determination.cases.yml").write_text(wrong, encoding="utf-8")
    code, out, _ = run(["law", "test", str(law)], capsys, monkeypatch)
    assert code == 1
    assert "FAIL" in out and "#44" in out and "46 passed, 1 failed" in out


def test_flag_form_deemed_export(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """#20: a Huawei engineer at a US-hosted IETF meeting (deemed export to CN)."""
    args = [*FLAGS[:-6], "--standards-body", "IETF", "--date", "2021-03-01", "--deemed-export"]
    code, out, _ = run([*args, "--json"], capsys, monkeypatch)
    assert code == 0
    d = json.loads(out)
    assert d["outcome"] == "NO_LICENSE_REQUIRED"
    assert {"15 CFR 734.13(b)", "85 FR 36719"} <= set(d["citations"])


def test_text_output_lists_uncertain_candidates(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [
        "check",
        "--party",
        "Huawey Tech Indya",  # name-v2 scores it 0.84: between the threshold and CONFIDENT
        "--party-country",
        "IN",
        "--date",
        "2021-01-10",
    ]
    code, out, _ = run([*args, "--json"], capsys, monkeypatch)
    d = json.loads(out)
    assert d["parties"][0]["uncertain_candidates"]
    assert code == 0 and d["outcome"] == "MANUAL_REVIEW"
    code, text, _ = run(args, capsys, monkeypatch)
    assert "candidate for 'Huawey Tech Indya': Huawei Technologies India" in text
