"""Every decision names its list versions and rules version; same input -> same output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from clearance.determination import determine, us_ruleset
from clearance.determination.cases import _sample
from clearance.determination.law import US_LAW
from clearance.rules import load_ruleset
from clearance.rules.cases import case_files, load_case_file


def all_questions() -> list[dict[str, object]]:
    return [
        {**case.facts, "date": case.on.isoformat()}
        for path in case_files(US_LAW)
        for case in load_case_file(path).cases
    ]


def test_every_decision_names_rules_and_lists_and_replays() -> None:
    rs = us_ruleset()
    for q in all_questions():
        first = determine(q, rs, _sample).as_dict()
        again = determine(json.loads(json.dumps(q)), rs, _sample).as_dict()
        assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
        rv = first["rules_version"]
        assert rv["name"] == "us-ear" and rv["version"] and len(rv["sha256"]) == 64
        screened = any(p.get("lists") is None for p in q["parties"])  # type: ignore[attr-defined]
        if screened:
            assert first["lists"], q
            assert all(ref["version"] for ref in first["lists"])
        assert first["notice"] and first["date"] == q["date"]


def test_rules_version_changes_when_the_law_changes(tmp_path: Path) -> None:
    copy = tmp_path / "us"
    shutil.copytree(US_LAW, copy)
    same = load_ruleset(copy)
    assert same.as_dict() == us_ruleset().as_dict()
    rule = copy / "ear" / "affiliates.yml"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    assert load_ruleset(copy).as_dict()["sha256"] != same.as_dict()["sha256"]
