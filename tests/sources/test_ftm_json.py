"""FollowTheMoney entity JSON (lines or array)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import detect, parse_paths

ENTITIES = [
    {
        "id": "NK-abc",
        "schema": "Company",
        "target": True,
        "datasets": ["us_ofac_sdn"],
        "first_seen": "2021-03-01T00:00:00",
        "properties": {
            "name": ["Acme Export LLC", "ACME EXPORT"],
            "alias": ["Acme Ltd"],
            "weakAlias": ["Acme"],
            "country": ["ru", "suhh"],
            "program": ["RUSSIA-EO14024"],
            "registrationNumber": ["1027739609391"],
        },
    },
    {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-abc"]}},
    {"id": "p-1", "schema": "Person", "target": False, "properties": {"name": ["Not Target"]}},
]


def test_lines(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(json.dumps(e) for e in ENTITIES) + "\n", encoding="utf-8")
    assert detect([path]) == [("ftm_json", [path])]
    (e,) = parse_paths([path])[0].entries
    assert e.name == "Acme Export LLC" and e.aliases == ("ACME EXPORT", "Acme Ltd")
    assert e.countries == ("RU",) and e.programs == ("RUSSIA-EO14024",)
    assert e.start_date == date(2021, 3, 1) and e.extra["weak_aliases"] == "Acme"
    assert e.entity_type == "company" and e.ids == ("1027739609391",)


def test_array_and_bad_line(tmp_path: Path) -> None:
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps(ENTITIES), encoding="utf-8")
    assert len(parse_paths([arr])[0].entries) == 1
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps(ENTITIES[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match=r"b.json:2: malformed JSON"):
        parse_paths([bad])
