"""HTTP routes for the HRV report, chart and plan, ready to mount on the clearance service.

``make_router(api_auth, page_auth)`` returns an ``APIRouter``; the service decides who may
call it by passing its own dependencies (e.g. ``role("screener")`` and the cookie sign-in).

- ``POST /v1/hrv/report``   multipart ``inventory`` file + ``as_of`` (+ ``unit``) -> report JSON
- ``POST /v1/hrv/timeline`` ``inventory`` + ``start`` + ``end`` (+ ``format`` svg|html) -> chart
- ``POST /v1/hrv/plan``     ``inventory`` + ``capacity`` (+ ``as_of``) -> plan JSON
- ``GET /hrv`` and ``POST /hrv`` a web page: upload an inventory, see the report and the chart.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import HTMLResponse, Response

from clearance import NOT_LEGAL_ADVICE
from clearance.errors import InputError
from clearance.hrv.chart import render_html, render_svg
from clearance.hrv.evaluate import evaluate
from clearance.hrv.inventory import Inventory, read_inventory
from clearance.hrv.plan import plan_as_dict, plan_removals
from clearance.hrv.report import Report
from clearance.hrv.requirements import load_law
from clearance.hrv.timeline import build_timeline
from clearance.hrv.vendors import VendorRegister

MAX_BYTES = 512 * 1024 * 1024
Upload = Annotated[UploadFile, File(description="inventory .csv or .parquet")]


def _date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{field}: {value!r} is not a date YYYY-MM-DD") from None


@contextmanager
def _inventory(upload: UploadFile) -> Iterator[tuple[Inventory, VendorRegister]]:
    """Spool the upload to a temporary file with its suffix and read it with the real reader."""
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in (".csv", ".parquet", ".pq"):
        raise InputError("inventory: upload a .csv or .parquet file")
    register = VendorRegister(load_law())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"inventory{suffix}"
        size = 0
        with path.open("wb") as fh:
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InputError("inventory: file larger than 512 MiB")
                fh.write(chunk)
        yield read_inventory(path, register), register


def _page(body: str) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>clearance: UK HRV"
        "</title><style>body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}"
        "svg{max-width:100%;height:auto}td,th{padding:3px 8px;border-bottom:1px solid #ddd;"
        "text-align:left}.bad{color:#c0392b;font-weight:bold}</style></head><body>"
        "<h1>UK high-risk vendors</h1><form method='post' enctype='multipart/form-data'>"
        "<label>Inventory (CSV or Parquet) <input type='file' name='inventory' required></label> "
        "<label>As of <input type='date' name='as_of' required></label> "
        "<button>Report</button></form>"
        f"{body}<p><small>{escape(NOT_LEGAL_ADVICE)}</small></p></body></html>"
    )


def _report_html(rep: Report) -> str:
    parts = []
    for p in rep.providers:
        verdict = "compliant" if p.compliant else "<span class='bad'>NOT compliant</span>"
        rows = "".join(
            f"<tr><td>{escape(f.title)}</td><td>{f.network} {f.function}</td>"
            f"<td>{'' if f.share is None else f'{f.share:.1%}'}</td>"
            f"<td>{'' if f.cap is None else f'{f.cap:.0%}'}</td><td>{f.deadline or 'now'}</td>"
            f"<td>{f.level}</td><td{' class=bad' if f.breached else ''}>{f.status}</td></tr>"
            for f in p.findings
        )
        parts.append(
            f"<h2>{escape(p.provider)}: {verdict}</h2><table><tr><th>Requirement</th>"
            "<th>Segment</th><th>Share</th><th>Cap</th><th>Deadline</th><th>Binding</th>"
            f"<th>Status</th></tr>{rows}</table>"
        )
    return f"<p>As of {rep.as_of}, unit {rep.unit}.</p>" + "".join(parts)


def make_router(api_auth: Callable[..., Any], page_auth: Callable[..., Any]) -> APIRouter:
    """The HRV routes, each guarded by the given dependency."""
    router = APIRouter(tags=["uk-hrv"])

    @router.post("/v1/hrv/report", dependencies=[Depends(api_auth)])
    def report(
        inventory: Upload, as_of: Annotated[str, Form()], unit: Annotated[str, Form()] = "sites"
    ) -> dict[str, Any]:
        with _inventory(inventory) as (inv, register):
            return evaluate(inv, _date(as_of, "as_of"), register, unit).as_dict()

    @router.post("/v1/hrv/timeline", dependencies=[Depends(api_auth)])
    def timeline(
        inventory: Upload,
        start: Annotated[str, Form()],
        end: Annotated[str, Form()],
        format: Annotated[str, Form()] = "svg",
    ) -> Response:
        if format not in ("svg", "html"):
            raise InputError("format: must be svg or html")
        with _inventory(inventory) as (inv, register):
            tl = build_timeline(inv, _date(start, "start"), _date(end, "end"), register)
        if format == "svg":
            return Response(render_svg(tl), media_type="image/svg+xml")
        return HTMLResponse(render_html(tl))

    @router.post("/v1/hrv/plan", dependencies=[Depends(api_auth)])
    def plan(
        inventory: Upload,
        capacity: Annotated[int, Form()],
        as_of: Annotated[str | None, Form()] = None,
    ) -> dict[str, Any]:
        begin = _date(as_of, "as_of") if as_of else dt.date.today()
        with _inventory(inventory) as (inv, register):
            return plan_as_dict(plan_removals(inv, capacity, register, begin), begin, capacity)

    @router.get("/hrv", response_class=HTMLResponse, dependencies=[Depends(page_auth)])
    def page() -> HTMLResponse:
        return _page("")

    @router.post("/hrv", response_class=HTMLResponse, dependencies=[Depends(page_auth)])
    def page_report(inventory: Upload, as_of: Annotated[str, Form()]) -> HTMLResponse:
        on = _date(as_of, "as_of")
        with _inventory(inventory) as (inv, register):
            rep = evaluate(inv, on, register)
            start = min(on - dt.timedelta(days=3 * 365), dt.date(2020, 1, 1))
            tl = build_timeline(inv, start, max(on, dt.date(2028, 6, 30)), register)
        return _page(_report_html(rep) + render_svg(tl))

    return router
