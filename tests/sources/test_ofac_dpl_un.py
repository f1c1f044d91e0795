from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.sources import un_sc, us_bis_dpl, us_ofac_legacy
from clearance.sources.base import check_bounds, load_meta

from ..conftest import need

SDN = [
    "ofac_sdn_2021-07_sdn.csv",
    "ofac_sdn_2021-07_add.csv",
    "ofac_sdn_2021-07_alt.csv",
    "ofac_sdn_2021-07_sdn_comments.csv",
]
CONS = [
    "ofac_cons_2025-12_cons_prim.csv",
    "ofac_cons_2025-12_cons_add.csv",
    "ofac_cons_2025-12_cons_alt.csv",
    "ofac_cons_2025-12_cons_comments.csv",
]


# ---------------------------------------------------------------- OFAC legacy
def test_sdn_2021(lists_dir: Path) -> None:
    paths = [need(lists_dir, n) for n in SDN]
    parsed = us_ofac_legacy.parse(list(reversed(paths)))  # any order
    assert parsed.source == "us_ofac_sdn"
    assert len(parsed.entries) == 8976
    assert sum(int(e.extra.get("alt_rows", 0)) for e in parsed.entries) == 11910
    assert sum(int(e.extra.get("address_rows", 0)) for e in parsed.entries) == 13837
    assert {e.list_code for e in parsed.entries} == {"SDN"}
    assert max(int(e.source_id) for e in parsed.entries) == 32391
    bnc = next(e for e in parsed.entries if e.source_id == "306")
    assert bnc.entity_type == "company"
    assert "NATIONAL BANK OF CUBA" in bnc.aliases and "BNC" in bnc.aliases  # weak a.k.a.
    assert bnc.extra["weak_aliases"] == "BNC"
    assert "CH" in bnc.countries and bnc.programs == ("CUBA",)
    # comments continuation appended to the remarks
    e = next(e for e in parsed.entries if e.source_id == "28263")
    assert (e.remarks or "").endswith("Linked To: LAZARUS GROUP.")
    types = Counter(e.entity_type for e in parsed.entries)
    assert types["vessel"] == 406 and types["aircraft"] == 277
    multi = next(e for e in parsed.entries if len(e.programs) > 1)
    assert all("[" not in p and "]" not in p for p in multi.programs)
    check_bounds(parsed, load_meta("us_ofac_sdn"))


def test_cons_2025(lists_dir: Path) -> None:
    parsed = us_ofac_legacy.parse([need(lists_dir, n) for n in CONS])
    assert parsed.source == "us_ofac_cons"
    assert len(parsed.entries) == 442
    assert max(int(e.source_id) for e in parsed.entries) == 50476
    codes = Counter(e.list_code for e in parsed.entries)
    assert codes["CMIC"] == 68 and codes["PLC"] == 78 and codes["SSI"] == 286
    hw = next(e for e in parsed.entries if e.source_id == "30947")
    assert hw.name.startswith("HUAWEI TECHNOLOGIES") and hw.list_code == "CMIC"
    check_bounds(parsed, load_meta("us_ofac_cons"))


def test_cons_list_code() -> None:
    assert us_ofac_legacy.cons_list_code(["SDGT", "NS-PLC"]) == "PLC"
    assert us_ofac_legacy.cons_list_code(["FSE-IR"]) == "FSE"
    assert us_ofac_legacy.cons_list_code(["RUSSIA-EO14024"]) == "NON-SDN"


def test_partial_set_refused(lists_dir: Path) -> None:
    paths = [need(lists_dir, n) for n in SDN]
    with pytest.raises(ListFormatError, match="partial.*alias"):
        us_ofac_legacy.parse([p for p in paths if "_alt" not in p.name])
    with pytest.raises(ListFormatError, match="partial.*main"):
        us_ofac_legacy.parse(paths[1:])


def test_concatenated_file_refused(lists_dir: Path) -> None:
    path = need(lists_dir, "ofac_sdn_plus_cons_prim_2022-11_concatenated.csv")
    with pytest.raises(ListFormatError, match="not an original OFAC file") as ei:
        us_ofac_legacy.parse([path])
    assert ei.value.line == 11119


def _ofac_set(tmp_path: Path, main: str) -> list[Path]:
    files = {
        "sdn.csv": main,
        "add.csv": '1,1,"Street","City","Region: Crimea",-0- \r\n\x1a',
        "alt.csv": '1,1,"aka","ALIAS ONE",-0- \r\n\x1a',
    }
    out = []
    for name, text in files.items():
        p = tmp_path / name
        p.write_bytes(text.encode("cp1252"))
        out.append(p)
    return out


GOOD = '1,"ACME",-0- ,"SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'AC\'."\r\n'


def test_small_set_and_unmapped_country(tmp_path: Path) -> None:
    parsed = us_ofac_legacy.parse(_ofac_set(tmp_path, GOOD + "\x1a"))
    e = parsed.entries[0]
    assert e.programs == ("SDGT", "IRGC")
    assert e.aliases == ("ALIAS ONE", "AC")
    assert e.countries == () and e.extra["unmapped_countries"] == "Region: Crimea"
    assert not parsed.repairs


def test_ofac_cut_off_record(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="cut off") as ei:
        us_ofac_legacy.parse(_ofac_set(tmp_path, GOOD + '2,"BROKEN,-0- ,"X'))
    assert ei.value.line == 2 and ei.value.path and ei.value.path.endswith("sdn.csv")


def test_ofac_wrong_columns(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="expected 12 columns, found 3") as ei:
        us_ofac_legacy.parse(_ofac_set(tmp_path, GOOD + '2,"X",-0- \r\n\x1a'))
    assert ei.value.line == 2


def test_ofac_cp1252_repair_recorded(tmp_path: Path) -> None:
    main = GOOD.replace("ACME", "ACM\u00c9") + "\x1a"
    parsed = us_ofac_legacy.parse(_ofac_set(tmp_path, main))
    assert parsed.entries[0].name == "ACM\u00c9"
    assert parsed.repairs and "cp1252" in parsed.repairs[0]


# ---------------------------------------------------------------- BIS DPL
def test_dpl(lists_dir: Path) -> None:
    parsed = us_bis_dpl.parse([need(lists_dir, "bis_dpl_2023-11.txt")])
    assert len(parsed.entries) == 665
    assert parsed.published is None
    assert {e.list_code for e in parsed.entries} == {"DPL"}
    assert {e.entity_type for e in parsed.entries} == {"unknown"}
    assert max(e.start_date for e in parsed.entries if e.start_date) == date(2023, 11, 16)
    typo = [e for e in parsed.entries if e.extra.get("last_update") == "3033-09-30"]
    assert len(typo) == 1
    again = us_bis_dpl.parse([need(lists_dir, "bis_dpl_2023-11.txt")])
    assert [e.source_id for e in again.entries] == [e.source_id for e in parsed.entries]
    check_bounds(parsed, load_meta("us_bis_dpl"))


def test_dpl_bad_date(tmp_path: Path) -> None:
    header = "\t".join(f'"{h}"' for h in us_bis_dpl.HEADER)
    row = ["X"] * 12
    row[6] = "13/45/2020"
    p = tmp_path / "dpl.txt"
    p.write_text(header + "\n" + "\t".join(f'"{v}"' for v in row) + "\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="Effective_Date") as ei:
        us_bis_dpl.parse([p])
    assert ei.value.line == 2


# ---------------------------------------------------------------- UN
def test_un(lists_dir: Path) -> None:
    parsed = un_sc.parse([need(lists_dir, "un_sc_consolidated_2026-02-27.xml")])
    assert len(parsed.entries) == 1003
    types = Counter(e.entity_type for e in parsed.entries)
    assert types == {"person": 730, "company": 273}
    assert parsed.published == date(2026, 2, 27)
    assert {e.list_code for e in parsed.entries} == {"UN"}
    first = parsed.entries[0]
    assert first.source_id == "CDi.001" and first.name == "ERIC BADEGE"
    assert first.start_date == date(2012, 12, 31) and first.programs == ("DRC",)
    assert first.countries == ("CD", "RW")
    assert first.line == 10
    arabic = [
        e for e in parsed.entries if any("\u0600" <= c <= "\u06ff" for a in e.aliases for c in a)
    ]
    assert arabic  # NAME_ORIGINAL_SCRIPT kept as an alias
    check_bounds(parsed, load_meta("un_sc"))


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>
</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize("doc", [BOMB, XXE], ids=["bomb", "external-entity"])
def test_un_unsafe_xml_refused(tmp_path: Path, doc: str) -> None:
    p = tmp_path / "un.xml"
    p.write_text(doc, encoding="utf-8")
    with pytest.raises(ListFormatError, match="unsafe XML"):
        un_sc.parse([p])


def test_un_malformed_and_wrong_root(tmp_path: Path) -> None:
    p = tmp_path / "un.xml"
    p.write_text("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</CONSOLIDATED_LIST>", encoding="utf-8")
    with pytest.raises(ListFormatError, match="malformed XML") as ei:
        un_sc.parse([p])
    assert ei.value.line == 3
    p.write_text("<other/>", encoding="utf-8")
    with pytest.raises(ListFormatError, match="root element"):
        un_sc.parse([p])


def test_un_invalid_utf8(tmp_path: Path) -> None:
    p = tmp_path / "un.xml"
    p.write_bytes(b"<CONSOLIDATED_LIST>\n<X>\xff</X></CONSOLIDATED_LIST>")
    with pytest.raises(ListFormatError, match="invalid UTF-8") as ei:
        un_sc.parse([p])
    assert ei.value.line == 2


def test_copy_keeps_working(lists_dir: Path, tmp_path: Path) -> None:
    # file names do not matter for the UN/DPL parsers
    src = need(lists_dir, "bis_dpl_2023-11.txt")
    dst = tmp_path / "whatever.dat"
    shutil.copy(src, dst)
    assert len(us_bis_dpl.parse([dst]).entries) == 665
