"""EU Financial Sanctions Files XML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import detect, parse_paths

from ..conftest import need


def test_sample(lists_dir: Path) -> None:
    path = need(lists_dir, "eu_fsf_sample_2020-04-15.xml")
    assert detect([path]) == [("eu_fsf", [path])]
    parsed = parse_paths([path])[0]
    assert parsed.published == date(2020, 4, 15) and len(parsed.entries) == 7
    e = next(x for x in parsed.entries if x.source_id == "5295")
    assert e.name == "Abid Hammadou" and "Abdelhamid Abou Zeid" in e.aliases
    assert e.countries == ("DZ",) and e.programs == ("TAQA",)
    assert e.start_date == date(2008, 7, 3) and e.extra["euReferenceNumber"] == "EU.2026.82"


def test_entities_refused(tmp_path: Path) -> None:
    bad = tmp_path / "eu.xml"
    bad.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export">&a;</export>'
    )
    with pytest.raises(ListFormatError):
        parse_paths([bad], "eu_fsf")
