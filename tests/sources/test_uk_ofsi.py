"""UK OFSI ConList: both layouts, grouping by Group ID, cp1252, truncation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import detect, parse_paths

from ..conftest import need


def test_2018_layout(lists_dir: Path) -> None:
    path = need(lists_dir, "uk_ofsi_conlist_2018-04-13.csv")
    assert detect([path]) == [("uk_ofsi", [path])]
    parsed = parse_paths([path])[0]
    assert parsed.published == date(2018, 4, 13)
    assert len(parsed.entries) == 2106  # 9,487 rows in 2,106 Group IDs
    assert any("decoded as cp1252" in r for r in parsed.repairs)
    e = next(x for x in parsed.entries if x.source_id == "13349")
    assert e.entity_type == "person" and e.list_code == "UK"
    assert "Sheikh Farooq AL-QAHTANI" in e.names
    assert e.countries == ("SA", "QA", "AF")  # nationalities, then the address country
    assert e.start_date == date(2016, 4, 1)
    assert e.programs == ("The ISIL (Da'esh) and Al-Qaida organisations",)
    assert all(e.entity_type in ("person", "company", "vessel") for e in parsed.entries)


def test_2020_layout_keeps_non_latin_names(lists_dir: Path) -> None:
    path = need(lists_dir, "uk_ofsi_conlist_sample_2020-04-27.csv")
    parsed = parse_paths([path])[0]
    assert parsed.published == date(2020, 4, 27) and len(parsed.entries) == 6
    hojati = next(e for e in parsed.entries if e.source_id == "9053")
    assert hojati.name == "Mohsen HOJATI" and "محسن حجتی" in hojati.aliases


def test_truncated_is_refused(lists_dir: Path, tmp_path: Path) -> None:
    data = need(lists_dir, "uk_ofsi_conlist_sample_2020-04-27.csv").read_bytes()
    cut = tmp_path / "ConList.csv"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFormatError, match=r"ConList.csv:\d+: .*(columns|line end)"):
        parse_paths([cut], "uk_ofsi")
