from __future__ import annotations

import gzip
import hashlib
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import us_csl
from clearance.sources.base import check_bounds, load_meta

from ..conftest import need

HEADER = ",".join(us_csl.HEADER)


def _row(**kw: str) -> str:
    rec = {h: "" for h in us_csl.HEADER}
    rec.update(
        {
            "_id": "x1",
            "source": "Entity List (EL) - Bureau of Industry and Security",
            "name": "ACME Co.",
        }
    )
    rec.update(kw)
    return ",".join(f'"{rec[h]}"' for h in us_csl.HEADER)


def _write(tmp_path: Path, text: str, name: str = "csl.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8", newline="")
    return p


@pytest.mark.slow
def test_full_csl_2022(lists_dir: Path) -> None:
    path = need(lists_dir, "us_trade_csl_consolidated_2022-05.csv.gz")
    t0 = time.perf_counter()
    parsed = us_csl.parse([path])
    assert time.perf_counter() - t0 < 5
    assert parsed.source == "us_csl"
    assert parsed.published is None
    assert len(parsed.entries) == 14160
    codes = Counter(e.list_code for e in parsed.entries)
    assert codes == {
        "SDN": 10026,
        "EL": 2001,
        "DTC": 727,
        "DPL": 462,
        "SSI": 290,
        "UVL": 201,
        "ISN": 163,
        "PLC": 78,
        "MEU": 71,
        "CMIC": 68,
        "CAP": 53,
        "NS-MBS": 17,
        "FSE": 3,
    }
    huawei_el = [e for e in parsed.entries if e.list_code == "EL" and "huawei" in e.name.lower()]
    assert len(huawei_el) == 136
    # PROVENANCE counts 133 distinct raw names; two differ only by a trailing space,
    # which the parser strips.
    assert len({e.name for e in huawei_el}) == 132
    assert all(e.entity_type == "company" for e in huawei_el)
    huawei_all = [e for e in parsed.entries if "huawei" in e.name.lower()]
    assert len(huawei_all) == 138
    # trade.gov reuses some _id values (14,048 distinct over 14,160 rows): not unique
    assert len({e.source_id for e in parsed.entries}) == 14048
    assert parsed.files[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    check_bounds(parsed, load_meta("us_csl"))
    # first data row starts on physical line 2
    assert parsed.entries[0].line == 2
    first = parsed.entries[0]
    assert first.list_code == "DPL" and first.entity_type == "unknown"
    assert first.countries == ("US",)
    assert first.start_date == date(2003, 6, 19)
    assert max(e.start_date for e in parsed.entries if e.start_date) == date(2022, 4, 21)


def test_csl_fields(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        HEADER
        + "\n"
        + _row(
            type="",
            alt_names="A1; A2;;  ",
            addresses="Rd 1, Beijing, CN; Kowloon, HK",
            programs="EAR; X",
            start_date="2020-01-02",
            ids="id1; id2",
            citizenships="RU",
            title="Boss",
            remarks=" r ",
        )
        + "\n",
    )
    e = us_csl.parse([p]).entries[0]
    assert e.entity_type == "company"
    assert e.aliases == ("A1", "A2")
    assert e.countries == ("CN", "HK", "RU")
    assert e.addresses == ("Rd 1, Beijing, CN", "Kowloon, HK")
    assert e.programs == ("EAR", "X")
    assert e.ids == ("id1", "id2")
    assert e.remarks == "r"
    assert e.extra["title"] == "Boss"
    assert e.start_date == date(2020, 1, 2)
    assert e.line == 2


def test_gzip_transparent(tmp_path: Path) -> None:
    text = HEADER + "\n" + _row() + "\n"
    p = tmp_path / "c.csv.gz"
    p.write_bytes(gzip.compress(text.encode()))
    assert us_csl.parse([p]).entries[0].name == "ACME Co."


def test_sample_2019_layout_and_mojibake(lists_dir: Path) -> None:
    path = need(lists_dir, "us_trade_csl_sample_2019-12.csv")
    parsed = us_csl.parse([path])
    assert len(parsed.entries) == 115
    assert sum(e.list_code == "EL" for e in parsed.entries) == 22
    hw = [e for e in parsed.entries if e.list_code == "EL" and "Huawei" in e.name]
    assert [e.name for e in hw] == [
        "Gui\u2019an New District Huawei Investment Co., Ltd., Guiyang, Guizhou"
    ]
    assert len(parsed.repairs) == 2
    assert all("U+0092" in r for r in parsed.repairs)
    assert any(":97:" in r for r in parsed.repairs)
    assert not any("\x92" in e.name for e in parsed.entries)
    # synthesized id: sha1 of source + entity_number + name, stable
    e = hw[0]
    basis = f"csl2019|{e.list_name}|{e.extra.get('entity_number', '')}|{e.name}"
    assert e.source_id == hashlib.sha1(basis.encode()).hexdigest()
    assert us_csl.parse([path]).entries[96].source_id == parsed.entries[96].source_id
    with pytest.raises(ListFormatError, match="115 entries"):
        check_bounds(parsed, load_meta("us_csl"))


def test_mojibake_en_dash(tmp_path: Path) -> None:
    p = _write(tmp_path, HEADER + "\n" + _row(name="A \x96 B") + "\n")
    parsed = us_csl.parse([p])
    assert parsed.entries[0].name == "A \u2013 B"
    assert parsed.repairs and "csl.csv:2:" in parsed.repairs[0]


def test_duplicated_header_real_file(lists_dir: Path) -> None:
    path = need(lists_dir, "us_trade_csl_consolidated_2023-11_truncated.csv")
    with pytest.raises(ListFormatError, match="duplicated header at line 2") as ei:
        us_csl.parse([path])
    assert ei.value.line == 2 and ei.value.path == str(path)


def test_truncated_real_file_without_duplicate_header(lists_dir: Path, tmp_path: Path) -> None:
    path = need(lists_dir, "us_trade_csl_consolidated_2023-11_truncated.csv")
    data = path.read_bytes()
    fixed = data.split(b"\n", 1)[1]  # drop one of the two header lines
    p = tmp_path / "trunc.csv"
    p.write_bytes(fixed)
    with pytest.raises(ListFormatError, match="cut off") as ei:
        us_csl.parse([p])
    assert ei.value.line == fixed.count(b"\n") + 1  # the last, incomplete line


def test_truncated_inside_quotes(tmp_path: Path) -> None:
    p = _write(tmp_path, HEADER + "\n" + _row() + "\n" + _row()[:40])
    with pytest.raises(ListFormatError, match="cut off") as ei:
        us_csl.parse([p])
    assert ei.value.line == 3


def test_wrong_column_count(tmp_path: Path) -> None:
    p = _write(tmp_path, HEADER + "\n" + _row() + ",extra\n" + _row() + "\n")
    with pytest.raises(ListFormatError, match="expected 29 columns, found 30") as ei:
        us_csl.parse([p])
    assert ei.value.line == 2


def test_bad_date(tmp_path: Path) -> None:
    p = _write(tmp_path, HEADER + "\n" + _row() + "\n" + _row(start_date="2020-13-45") + "\n")
    with pytest.raises(ListFormatError, match="start_date") as ei:
        us_csl.parse([p])
    assert ei.value.line == 3


def test_invalid_utf8(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    good = (HEADER + "\n" + _row() + "\n").encode()
    p.write_bytes(good + b'"x1","Entity List (EL)",,,,"AC\xff"\n')
    with pytest.raises(ListFormatError, match="invalid UTF-8.*offset") as ei:
        us_csl.parse([p])
    assert ei.value.line == 3


def test_multiline_record_line_numbers(tmp_path: Path) -> None:
    p = _write(tmp_path, HEADER + "\n" + _row(remarks="a\nb\nc") + "\n" + _row(_id="x2") + "\n")
    es = us_csl.parse([p]).entries
    assert [e.line for e in es] == [2, 5]


def test_sample_source(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        HEADER
        + "\n"
        + _row(source="SAMPLE - Entity List (EL) - Bureau of Industry and Security")
        + "\n",
    )
    parsed = us_csl.parse([p])
    assert parsed.source == "sample"
    assert parsed.entries[0].source == "sample" and parsed.entries[0].list_code == "EL"


def test_list_codes() -> None:
    code = us_csl.list_code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury")
    assert code == "NS-MBS"
    assert us_csl.list_code("Military End User (MEU) List - Bureau of Industry") == "MEU"


def test_not_csl(tmp_path: Path) -> None:
    p = _write(tmp_path, "a,b,c\n1,2,3\n")
    with pytest.raises(ListFormatError, match="not a CSL header"):
        us_csl.parse([p])
