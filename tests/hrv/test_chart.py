"""The timeline chart renders: valid SVG with one line per provider x segment, caps, deadlines."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clearance.errors import InputError
from clearance.hrv.chart import render_html, render_svg, write_chart
from clearance.hrv.inventory import read_inventory
from clearance.hrv.synthetic import write_inventory
from clearance.hrv.timeline import Timeline, build_timeline
from clearance.hrv.vendors import VendorRegister

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory, register: VendorRegister) -> Timeline:
    path = write_inventory(tmp_path_factory.mktemp("chart") / "inv.csv", 6_000, 300, seed=3)
    inv = read_inventory(path, register)
    return build_timeline(inv, dt.date(2020, 1, 1), dt.date(2028, 6, 30), register)


def test_timeline_data(timeline: Timeline) -> None:
    assert timeline.dates[0] == dt.date(2020, 1, 1) and timeline.dates[-1] == dt.date(2028, 6, 30)
    assert dt.date(2023, 8, 1) in timeline.dates  # day after the D5 deadline is sampled
    five_g = [s for (p, n, f), s in timeline.shares.items() if (n, f) == ("5G", "access")]
    assert five_g and all(v is None or 0 <= v <= 1 for s in five_g for v in s)
    caps = timeline.caps[("5G", "access")]
    at = {d: c for d, c in zip(timeline.dates, caps, strict=True)}
    assert at[dt.date(2021, 1, 1)] == (0.35, False)
    assert at[dt.date(2023, 1, 1)] is None
    assert at[dt.date(2023, 8, 1)] == (0.35, True)
    assert at[dt.date(2028, 1, 1)] == (0.0, True)
    assert {d.requirement.rsplit(".", 1)[1][:2] for d in timeline.deadlines} >= {
        "d2",
        "d4",
        "d5",
        "d8",
    }


def test_svg_is_valid_and_complete(timeline: Timeline) -> None:
    svg = render_svg(timeline)
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    series = [e for e in root.iter(f"{NS}polyline") if e.get("class") == "series"]
    assert len({e.findtext(f"{NS}title") for e in series}) == len(timeline.shares)
    texts = " ".join(t.text or "" for t in root.iter(f"{NS}text"))
    for want in (
        "5G access",
        "full fibre access",
        "cap 35% (law)",
        "D5 31 Jul 2023",
        "D8 31 Dec 2027",
        "Alpha Mobile",
        "not legal advice",
    ):
        assert want in texts
    dashed = [e for e in root.iter(f"{NS}line") if e.get("stroke-dasharray") == "7 4"]
    assert dashed  # binding cap lines drawn


def test_html_embeds_svg(timeline: Timeline, tmp_path: Path) -> None:
    html = render_html(timeline)
    assert html.startswith("<!doctype html>") and "<svg" in html and "2027-12-31" in html
    out = write_chart(timeline, tmp_path / "t.html")
    assert out.read_text(encoding="utf-8") == html


def test_png_when_renderer_available(timeline: Timeline, tmp_path: Path) -> None:
    if shutil.which("rsvg-convert") is None:
        pytest.skip("rsvg-convert not installed (apt package librsvg2-bin)")
    out = write_chart(timeline, tmp_path / "t.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_suffix(timeline: Timeline, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=".svg, .html or .png"):
        write_chart(timeline, tmp_path / "t.pdf")
