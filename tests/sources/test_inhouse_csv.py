"""The in-house list CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import FORMATS, detect, parse_paths

HEAD = "list_code,id,name,type,aliases,countries,programs,start_date,remarks,owner\n"


def test_inhouse(tmp_path: Path) -> None:
    path = tmp_path / "ours.csv"
    path.write_text(
        HEAD + "BLOCK,1,Shady Freight Ltd,company,Shady Frt; SF Ltd,HK;CN,fraud,2024-02-01,,ops\n",
        encoding="utf-8",
    )
    assert detect([path]) == [("inhouse_csv", [path])]
    assert "inhouse_csv" not in FORMATS  # no publisher: not an official format
    (e,) = parse_paths([path])[0].entries
    assert e.list_code == "BLOCK" and e.aliases == ("Shady Frt", "SF Ltd")
    assert e.countries == ("HK", "CN") and e.start_date == date(2024, 2, 1)
    assert e.extra == {"owner": "ops"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("BLOCK,,X,company,,,,,,\n", "empty list_code, id or name"),
        ("BLOCK,2,X,thing,,,,,,\n", "type"),
        ("BLOCK,2,X,company,,XX,,,,\n", "not ISO2"),
        ("BLOCK,2,X,company,,,,1/2/2024,,\n", "start_date"),
    ],
)
def test_bad_rows_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "ours.csv"
    path.write_text(HEAD + row, encoding="utf-8")
    with pytest.raises(ListFormatError, match=rf"ours.csv:2: .*{message}"):
        parse_paths([path], "inhouse_csv")
