from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList, SourceFile
from clearance.sources import FORMATS, check_bounds, detect, load_meta, parse_paths, sha256_file

from ..conftest import need

ALL = [
    "us_trade_csl_sample_2019-12.csv",
    "bis_dpl_2023-11.txt",
    "un_sc_consolidated_2026-02-27.xml",
    "ofac_sdn_2021-07_alt.csv",
    "ofac_cons_2025-12_cons_prim.csv",
    "ofac_sdn_2021-07_sdn.csv",
    "ofac_cons_2025-12_cons_add.csv",
    "ofac_sdn_2021-07_add.csv",
    "ofac_cons_2025-12_cons_alt.csv",
    "ofac_sdn_2021-07_sdn_comments.csv",
    "ofac_cons_2025-12_cons_comments.csv",
]


def test_detect_groups(lists_dir: Path) -> None:
    paths = [need(lists_dir, n) for n in ALL]
    groups = dict(detect(paths))
    assert set(groups) == {"us_csl", "us_bis_dpl", "un_sc", "us_ofac_sdn", "us_ofac_cons"}
    assert len(groups["us_ofac_sdn"]) == 4 and len(groups["us_ofac_cons"]) == 4
    results = {p.source: len(p.entries) for p in parse_paths(paths)}
    assert results == {
        "us_csl": 115,
        "us_bis_dpl": 665,
        "un_sc": 1003,
        "us_ofac_sdn": 8976,
        "us_ofac_cons": 442,
    }


def test_detect_by_content_not_name(lists_dir: Path, tmp_path: Path) -> None:
    for src, key in (
        ("bis_dpl_2023-11.txt", "us_bis_dpl"),
        ("us_trade_csl_sample_2019-12.csv", "us_csl"),
        ("un_sc_consolidated_2026-02-27.xml", "un_sc"),
    ):
        dst = tmp_path / f"renamed_{key}.bin"
        shutil.copy(need(lists_dir, src), dst)
        assert detect([dst]) == [(key, [dst])]


def test_forced_format(lists_dir: Path) -> None:
    p = need(lists_dir, "bis_dpl_2023-11.txt")
    assert len(parse_paths([p], fmt="us_bis_dpl")[0].entries) == 665
    with pytest.raises(ListFormatError, match="header"):
        parse_paths([p], fmt="us_csl")
    with pytest.raises(ListFormatError, match="unknown format"):
        parse_paths([p], fmt="nope")


def test_unknown_file(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("hello world\n")
    with pytest.raises(ListFormatError, match="unknown list file") as ei:
        detect([p])
    assert ei.value.path == str(p)
    q = tmp_path / "y.xml"
    q.write_text("<?xml version='1.0'?><sdnList/>")
    with pytest.raises(ListFormatError, match="sdnList"):
        detect([q])


def test_a_carriage_return_inside_the_first_line_is_no_header(tmp_path: Path) -> None:
    # found by the API schema fuzz: 0\r0 crashed the CSL and DPL header checks
    p = tmp_path / "files"
    p.write_bytes(b"0\r0")
    with pytest.raises(ListFormatError, match="unknown list file"):
        detect([p])


def test_metadata() -> None:
    for key in FORMATS:
        meta = load_meta(key)
        assert meta.key == key and meta.official_url.startswith("https://")
        assert meta.min_entries < meta.max_entries
    assert load_meta("us_csl").official_url == (
        "https://data.trade.gov/downloads/consolidated-screening-list/v1/consolidated.csv"
    )
    with pytest.raises(ListFormatError):
        load_meta("nope")


def test_check_bounds_names_file(tmp_path: Path) -> None:
    e = ListEntry(
        source="us_csl",
        source_id="1",
        list_code="EL",
        list_name="EL",
        entity_type="company",
        name="X",
    )
    parsed = ParsedList(source="us_csl", files=[SourceFile("small.csv", "0" * 64, 1)], entries=[e])
    with pytest.raises(ListFormatError, match="small.csv"):
        check_bounds(parsed, load_meta("us_csl"))


def test_sha256_file(tmp_path: Path) -> None:
    p = tmp_path / "a"
    p.write_bytes(b"abc")
    assert sha256_file(p) == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
