"""The updater against a loopback HTTP server: good, truncated, shrunk, hostile servers."""

from __future__ import annotations

import gzip
import io
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from clearance.errors import ListFormatError, ListsUnavailable
from clearance.lifecycle import guards
from clearance.lifecycle.fetch import FetchLimits
from clearance.lifecycle.sanity import UpdateRefused
from clearance.lifecycle.tables import downloads
from clearance.lifecycle.update import update_source
from clearance.sources import parse_paths
from clearance.store import Store

from .conftest import Server, drop_rows, need

FAST = FetchLimits(connect_timeout=2, read_timeout=1, total_timeout=10, retries=1, backoff=0.05)


def current(store: Store, source: str) -> str | None:
    return next((r.version for r in store.versions(source) if r.is_current), None)


def test_good_update_goes_live_then_truncated_is_refused(
    store: Store, server: Server, lists_dir: Path
) -> None:
    need(lists_dir, "us_trade_csl_consolidated_2022-05.csv.gz")
    res = update_source(
        store, "us_csl", server.url("us_trade_csl_consolidated_2022-05.csv.gz"), limits=FAST
    )
    assert res.outcome == "imported" and res.entries == 14160
    assert current(store, "us_csl") == res.version
    archived = list((store_home(store) / "archive" / "us_csl").glob("*.csv.gz"))
    assert len(archived) == 1 and archived[0].stat().st_size == 1386578

    with pytest.raises(UpdateRefused, match=r"duplicated header at line 2.*stays current"):
        update_source(
            store,
            "us_csl",
            server.url("us_trade_csl_consolidated_2023-11_truncated.csv"),
            limits=FAST,
        )
    assert current(store, "us_csl") == res.version
    assert len(store.versions("us_csl")) == 1
    with store.engine.connect() as conn:
        log = list(conn.execute(select(downloads.c.outcome, downloads.c.reason)))
    assert [r.outcome for r in log] == ["imported", "refused"]
    assert "duplicated header" in log[1].reason

    again = update_source(
        store, "us_csl", server.url("us_trade_csl_consolidated_2022-05.csv.gz"), limits=FAST
    )
    assert again.outcome == "unchanged" and again.version == res.version


def store_home(store: Store) -> Path:
    return Path(store.engine.url.database or "").parent


def test_third_removed_is_refused_unless_forced(
    store: Store, server: Server, lists_dir: Path, tmp_path: Path
) -> None:
    dpl = need(lists_dir, "bis_dpl_2023-11.txt")
    first = update_source(store, "us_bis_dpl", server.url(dpl.name), limits=FAST)
    assert first.outcome == "imported" and first.entries == 665
    drop_rows(dpl, tmp_path / "served" / "dpl_third.txt", every=3)
    assert len(parse_paths([tmp_path / "served" / "dpl_third.txt"])[0].entries) == 443
    with pytest.raises(UpdateRefused, match=r"443 entries against 665.*33.4% lost"):
        update_source(store, "us_bis_dpl", server.url("dpl_third.txt"), limits=FAST)
    assert current(store, "us_bis_dpl") == first.version
    forced = update_source(
        store, "us_bis_dpl", server.url("dpl_third.txt"), force=True, limits=FAST
    )
    assert forced.outcome == "imported" and current(store, "us_bis_dpl") == forced.version
    assert any("forced past" in n for n in forced.notes)


def test_hanging_server_times_out_with_retries(store: Store, server: Server) -> None:
    started = time.monotonic()
    with pytest.raises(ListsUnavailable, match=r"failed after 2 attempts: timeout"):
        update_source(store, "us_csl", server.url("hang"), limits=FAST)
    assert time.monotonic() - started < 5
    assert server.hits["/hang"] == 2
    assert store.versions() == []


def test_http_500_is_retried_then_fails(store: Store, server: Server) -> None:
    with pytest.raises(ListsUnavailable, match=r"failed after 2 attempts: HTTP 500"):
        update_source(store, "us_csl", server.url("500"), limits=FAST)
    assert server.hits["/500"] == 2


def test_html_error_page_and_checksum_refused(
    store: Store, server: Server, lists_dir: Path
) -> None:
    with pytest.raises(ListsUnavailable, match="refused content type 'text/html'"):
        update_source(store, "us_csl", server.url("html"), limits=FAST)
    dpl = need(lists_dir, "bis_dpl_2023-11.txt")
    with pytest.raises(ListsUnavailable, match="checksum mismatch"):
        update_source(store, "us_bis_dpl", server.url(dpl.name), limits=FAST, sha256="0" * 64)
    assert store.versions() == []


def test_ten_times_the_size_limit_is_cut_off(store: Store, server: Server, home: Path) -> None:
    limits = FetchLimits(read_timeout=2, retries=0, max_bytes=1_000_000)
    with pytest.raises(ListsUnavailable, match="body exceeds the 1000000-byte limit"):
        update_source(store, "us_csl", server.url("big/10000000"), limits=limits)
    assert not list((home / "archive" / ".incoming").glob(".download-*"))


def test_zip_bomb_and_gzip_bomb_refused(
    store: Store, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("CONS_ENHANCED.XML", b"\0" * 50_000_000)
    (tmp_path / "served" / "bomb.zip").write_bytes(buf.getvalue())
    with pytest.raises(UpdateRefused, match="zip bomb refused"):
        update_source(store, "us_csl", server.url("bomb.zip"), limits=FAST)
    monkeypatch.setattr(guards, "MAX_UNZIPPED", 20_000_000)  # the default is 512 MiB
    (tmp_path / "served" / "bomb.csv.gz").write_bytes(gzip.compress(b"a" * 30_000_000, 1))
    with pytest.raises(UpdateRefused, match="gzip bomb refused"):
        update_source(store, "us_csl", server.url("bomb.csv.gz"), limits=FAST)


def test_xml_entity_attack_refused(store: Store, server: Server, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        b"<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>\n"
    )
    (tmp_path / "served" / "laughs.xml").write_bytes(laughs)
    with pytest.raises(ListFormatError, match="XML entity attack refused"):
        update_source(store, "un_sc", server.url("laughs.xml"), limits=FAST)
    assert store.versions() == []


def test_cli_update_and_refusal(store: Store, server: Server, lists_dir: Path) -> None:
    from typer.testing import CliRunner

    from clearance.cli import app
    from clearance.errors import ClearanceError
    from clearance.lifecycle.scheduler import parse_interval

    dpl = need(lists_dir, "bis_dpl_2023-11.txt")
    runner = CliRunner()
    ok = runner.invoke(
        app, ["lists", "update", "--source", "us_bis_dpl", "--url", server.url(dpl.name)]
    )
    assert ok.exit_code == 0, ok.output
    assert "us_bis_dpl: imported" in ok.output
    url = server.url("us_trade_csl_consolidated_2023-11_truncated.csv")
    bad = runner.invoke(app, ["lists", "update", "--source", "us_csl", "--url", url])
    assert isinstance(bad.exception, ClearanceError)
    assert "duplicated header at line 2" in bad.output
    two = runner.invoke(
        app, ["lists", "update", "--source", "us_csl", "--source", "un_sc", "--url", url]
    )
    assert isinstance(two.exception, ClearanceError) and "exactly one --source" in str(
        two.exception
    )
    assert parse_interval("6h") == 21600
    with pytest.raises(ClearanceError):
        parse_interval("5s")
