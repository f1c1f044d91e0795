"""OFAC Enhanced XML in its zip."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import detect, parse_paths

from ..conftest import need


def test_cons_enhanced_zip(lists_dir: Path) -> None:
    path = need(lists_dir, "ofac_cons_enhanced_2025-01-10.zip")
    assert detect([path]) == [("us_ofac_enhanced", [path])]
    parsed = parse_paths([path])[0]
    assert parsed.published == date(2025, 1, 10) and len(parsed.entries) == 443
    huawei = next(e for e in parsed.entries if e.source_id == "30947")
    assert huawei.name == "HUAWEI TECHNOLOGIES CO., LTD." and huawei.list_code == "CMIC"
    assert "HUAWEI INVESTMENT & HOLDING CO LTD" in huawei.aliases
    assert huawei.countries == ("CN",) and huawei.entity_type == "company"
    haniya = next(e for e in parsed.entries if e.source_id == "9639")
    assert haniya.entity_type == "person" and haniya.list_code == "PLC"


def test_zip_with_two_files_refused(tmp_path: Path) -> None:
    z = tmp_path / "x.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.xml", "<sanctionsData/>")
        zf.writestr("b.xml", "<sanctionsData/>")
    with pytest.raises(ListFormatError, match="one XML file"):
        parse_paths([z], "us_ofac_enhanced")
