"""DDTC ITAR debarred parties CSV (Latin-1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clearance.sources import detect, parse_paths

from ..conftest import need


def test_itar_csv(lists_dir: Path) -> None:
    path = need(lists_dir, "ddtc_itar_debarred_2019-11-06.csv")
    assert detect([path]) == [("us_ddtc_itar", [path])]
    parsed = parse_paths([path])[0]
    assert len(parsed.entries) == 707
    assert any("cp1252" in r for r in parsed.repairs)
    acety = next(e for e in parsed.entries if e.name == "Acety, Edwin")
    assert acety.aliases == ("Edwin Acety",) and acety.list_code == "DTC"
    assert acety.federal_register_notice == "83 FR 18112"  # no-break space stripped
    assert acety.start_date == date(2018, 4, 25)
    company = next(e for e in parsed.entries if e.name == "A & C International Trade, Inc.")
    assert company.aliases == ()  # "Inc." is a legal form, not a first name
    assert len({e.source_id for e in parsed.entries}) == 707
