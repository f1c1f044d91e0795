"""The strict loader accepts a good rule file and rejects each broken one with file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.errors import RuleDataError
from clearance.rules import load_rule_file, load_ruleset

HERE = Path(__file__).parent
BAD = HERE / "bad"

# file -> (keywords that must appear in the message, line number)
EXPECTED: dict[str, tuple[tuple[str, ...], int]] = {
    "unknown_key.yml": (("unknown key", "efective_to"), 10),
    "duplicate_key.yml": (("duplicate key", "summary", "first at line 8"), 9),
    "overlap.yml": (("overlapping", "v2", "v1"), 11),
    "open_ended_overlap.yml": (("overlapping", "open-ended"), 10),
    "missing_citation.yml": (("missing citation",), 9),
    "no_citation_key.yml": (("missing required key", "citations"), 6),
    "bad_date.yml": (("bad value", "2019-13-01"), 7),
    "bad_date_string.yml": (("bad date", "2019/05/16", "YYYY-MM-DD"), 7),
    "backwards.yml": (("before effective_from",), 8),
    "unknown_value.yml": (("unknown key", "kap", "known: cap"), 14),
    "wrong_type.yml": (("expected a number", "thirty-five"), 13),
    "syntax.yml": (("YAML syntax error",), 4),
    "top_unknown.yml": (("unknown key", "citation"), 5),
    "bad_enum.yml": (("XX9", "not one of"), 15),
}


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_rejected_with_file_and_line(name: str) -> None:
    keywords, line = EXPECTED[name]
    with pytest.raises(RuleDataError) as info:
        load_rule_file(BAD / name)
    err = info.value
    assert err.path == str(BAD / name)
    assert err.line == line, str(err)
    assert str(err).startswith(f"{BAD / name}:{line}: ")
    for word in keywords:
        assert word in err.message, (word, err.message)


def test_good_file_loads_with_versions_and_values() -> None:
    rule = load_rule_file(HERE / "good" / "sample.yml")
    assert rule.id == "demo.cap"
    assert [v.id for v in rule.versions] == ["v1", "v2"]
    assert rule.at(date(2020, 1, 27)) is None
    v1 = rule.at(date(2022, 10, 12))
    assert v1 is not None and v1.id == "v1" and v1.values["cap_percent"] == 35
    v2 = rule.at(date(2022, 10, 13))
    assert v2 is not None and v2.values["codes"] == {"GB": ["X", "Y"]}
    assert v2.citations[0].published == date(2022, 10, 13)
    assert v2.unsure == "date of one requirement"
    assert rule.verified_for(date(2030, 12, 31)) and not rule.verified_for(date(2031, 1, 1))


def test_ruleset_hash_and_duplicate_ids(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text((HERE / "good" / "sample.yml").read_text())
    (tmp_path / "_ruleset.yml").write_text("name: demo\nversion: '1'\n")
    rs = load_ruleset(tmp_path)
    assert rs.name == "demo" and len(rs.sha256) == 64 and "demo.cap" in rs.rules
    (tmp_path / "b.yml").write_text((HERE / "good" / "sample.yml").read_text())
    with pytest.raises(RuleDataError, match="duplicate rule id 'demo.cap'"):
        load_ruleset(tmp_path)


def test_missing_rule_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text((HERE / "good" / "sample.yml").read_text())
    rs = load_ruleset(tmp_path)
    with pytest.raises(RuleDataError, match="not defined"):
        rs.rule("nope")
