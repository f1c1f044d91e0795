"""Render a :class:`Timeline` as a standalone SVG (no dependencies), HTML, or PNG.

Small multiples: one panel per network x function, one coloured line per provider (the same
colour in every panel), the tightest cap in force as a stepped line (red dashed = binding law,
orange dotted = advice or policy) and a marker at every deadline that concerns the panel.
PNG needs ``rsvg-convert`` (package librsvg2-bin) on PATH.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from clearance import NOT_LEGAL_ADVICE
from clearance.errors import InputError
from clearance.hrv.timeline import Deadline, Timeline

W = 1120
HEADER, PANEL_H, FOOTER = 128, 250, 36
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000", "#999999")
LAW, ADVICE, GRID = "#c0392b", "#e08a00", "#e8e8e8"
FONT = "font-family='Helvetica, Arial, sans-serif'"
ORDER = ("5G", "full_fibre", "4G", "3G", "2G", "other")
FN_ORDER = ("access", "core", "transmission", "other")


def _text(x: float, y: float, s: str, size: int = 12, **attrs: str) -> str:
    extra = " ".join(f"{k.replace('_', '-')}='{v}'" for k, v in attrs.items())
    return f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' {FONT} {extra}>{escape(s)}</text>"


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, **attrs: str) -> str:
    extra = " ".join(f"{k.replace('_', '-')}='{v}'" for k, v in attrs.items())
    return (
        f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{colour}' {extra}/>"
    )


def segment_label(net: str, fn: str) -> str:
    return f"{'full fibre' if net == 'full_fibre' else net} {fn}"


@dataclass(frozen=True)
class Panel:
    """Plot area of one segment's panel and its scales."""

    tl: Timeline
    left: float
    top: float
    width: float
    height: float
    ymax: float

    def x(self, d: dt.date) -> float:
        span = (self.tl.end - self.tl.start).days or 1
        return self.left + self.width * (d - self.tl.start).days / span

    def y(self, v: float) -> float:
        return self.top + self.height * (1 - v / self.ymax)


def _axes(p: Panel, title: str) -> list[str]:
    out = [_text(p.left, p.top - 26, title, 14, font_weight="bold", fill="#222")]
    step = 0.1 if p.ymax > 0.3 else 0.05
    for i in range(round(p.ymax / step) + 1):
        y = p.y(i * step)
        out.append(_line(p.left, y, p.left + p.width, y, GRID))
        out.append(
            _text(p.left - 6, y + 4, f"{i * step * 100:.0f}%", 10, text_anchor="end", fill="#666")
        )
    for year in range(p.tl.start.year, p.tl.end.year + 1):
        d = dt.date(year, 1, 1)
        if p.tl.start <= d <= p.tl.end:
            x = p.x(d)
            out.append(_line(x, p.top + p.height, x, p.top + p.height + 4, "#666"))
            out.append(
                _text(x, p.top + p.height + 16, str(year), 10, text_anchor="middle", fill="#666")
            )
    out.append(_line(p.left, p.top + p.height, p.left + p.width, p.top + p.height, "#888"))
    return out


def _runs(values: list[tuple[float, bool] | None]) -> list[tuple[int, int]]:
    """Index ranges [i, j] of consecutive equal, non-None values."""
    runs, i = [], 0
    while i < len(values):
        if values[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        runs.append((i, j))
        i = j + 1
    return runs


def _caps(p: Panel, caps: list[tuple[float, bool] | None]) -> list[str]:
    out = []
    dates = p.tl.dates
    for i, j in _runs(caps):
        value, law = caps[i] or (0.0, False)
        x1 = p.x(dates[i])
        x2 = p.x(dates[j + 1]) if j + 1 < len(dates) else p.x(p.tl.end)
        colour, dash = (LAW, "7 4") if law else (ADVICE, "2 3")
        y = p.y(value)
        out.append(_line(x1, y, x2, y, colour, stroke_width="2", stroke_dasharray=dash))
        if x2 - x1 > 70:
            label = f"cap {value * 100:.0f}% ({'law' if law else 'advice/policy'})"
            out.append(_text(x1 + 3, y - 4 if value > 0 else y - 4, label, 9, fill=colour))
    return out


def _deadlines(p: Panel, deadlines: list[Deadline]) -> list[str]:
    out: list[str] = []
    taken: list[list[tuple[float, float]]] = [[], [], [], []]
    for d in deadlines:
        x = p.x(d.on)
        colour = LAW if d.binding else ADVICE
        short = d.requirement.rsplit(".", 1)[-1].split("_", 1)[0].upper()
        label = f"{short} {d.on:%d %b %Y}"
        width = 5.4 * len(label) + 6
        anchor = "end" if x + width > p.left + p.width + 20 else "start"
        span = (x - width, x) if anchor == "end" else (x, x + width)
        free = [
            r for r, spans in enumerate(taken) if all(span[1] < a or span[0] > b for a, b in spans)
        ]
        row = free[0] if free else len(taken) - 1
        taken[row].append(span)
        out.append(
            _line(
                x,
                p.top - 4,
                x,
                p.top + p.height,
                colour,
                stroke_opacity="0.6",
                stroke_dasharray="1 3",
            )
        )
        dx = -3 if anchor == "end" else 3
        out.append(_text(x + dx, p.top - 6 + 11 * row, label, 9, fill=colour, text_anchor=anchor))
    return out


def _series(p: Panel, shares: list[float | None], colour: str, name: str) -> list[str]:
    out, pts = [], []
    for d, v in [*zip(p.tl.dates, shares, strict=True), (p.tl.end, None)]:
        if v is not None:
            pts.append(f"{p.x(d):.1f},{p.y(v):.1f}")
        elif pts:
            out.append(
                f"<polyline class='series' points='{' '.join(pts)}' fill='none' "
                f"stroke='{colour}' stroke-width='2.2' stroke-linejoin='round'>"
                f"<title>{escape(name)}</title></polyline>"
            )
            pts = []
    return out


def _applies(d: Deadline, net: str, fn: str) -> bool:
    return d.network in (net, "any") and d.function in (fn, "any")


def render_svg(
    tl: Timeline, title: str = "High-risk vendor share against UK caps and deadlines"
) -> str:
    """The chart as an SVG document string."""
    segs = sorted(
        {(n, f) for _, n, f in tl.shares}, key=lambda s: (ORDER.index(s[0]), FN_ORDER.index(s[1]))
    )
    providers = sorted({p for p, _, _ in tl.shares})
    colour = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(providers)}
    cols = 1 if len(segs) <= 1 else 2 if len(segs) <= 4 else 3
    rows = max(1, -(-len(segs) // cols))
    height = HEADER + rows * PANEL_H + FOOTER
    cell_w = (W - 40) / cols
    body = [
        f"<rect width='{W}' height='{height}' fill='white'/>",
        _text(40, 32, title, 20, font_weight="bold", fill="#111"),
        _text(
            40,
            52,
            f"{tl.start} to {tl.end} · share of {tl.unit} with high-risk vendor "
            "equipment in service · per provider, never aggregated",
            12,
            fill="#555",
        ),
    ]
    x = 40.0
    for prov in providers:
        body += [
            _line(x, 76, x + 22, 76, colour[prov], stroke_width="3"),
            _text(x + 27, 80, prov, 12, fill="#222"),
        ]
        x += 40 + 7 * len(prov)
    body += [
        _line(40, 98, 62, 98, LAW, stroke_width="2", stroke_dasharray="7 4"),
        _text(67, 102, "cap, binding law (DVD)", 11, fill="#222"),
        _line(220, 98, 242, 98, ADVICE, stroke_width="2", stroke_dasharray="2 3"),
        _text(247, 102, "cap, advice or policy", 11, fill="#222"),
        _line(400, 91, 400, 105, LAW, stroke_dasharray="1 3"),
        _text(407, 102, "deadline: must be met by the end of that day", 11, fill="#222"),
    ]
    for i, (net, fn) in enumerate(segs):
        ymax = max(
            [
                0.4,
                *(
                    v
                    for (_, n, f), s in tl.shares.items()
                    if (n, f) == (net, fn)
                    for v in s
                    if v is not None
                ),
            ]
        )
        ymax = min(1.0, (int(ymax * 10 + 0.999)) / 10)
        p = Panel(
            tl,
            40 + (i % cols) * cell_w + 42,
            HEADER + (i // cols) * PANEL_H + 34,
            cell_w - 72,
            PANEL_H - 88,
            ymax,
        )
        body += _axes(p, segment_label(net, fn))
        body += _caps(p, tl.caps.get((net, fn), []))
        body += _deadlines(p, [d for d in tl.deadlines if _applies(d, net, fn)])
        for prov in providers:
            if (prov, net, fn) in tl.shares:
                body += _series(
                    p,
                    tl.shares[(prov, net, fn)],
                    colour[prov],
                    f"{prov} · {segment_label(net, fn)}",
                )
    if not segs:
        body.append(
            _text(
                W / 2,
                HEADER + 80,
                "no high-risk vendor equipment in this period",
                14,
                text_anchor="middle",
                fill="#555",
            )
        )
    body.append(_text(40, height - 14, NOT_LEGAL_ADVICE, 9, fill="#888"))
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{height}' "
        f"viewBox='0 0 {W} {height}' role='img'><title>{escape(title)}</title>\n"
        + "\n".join(body)
        + "\n</svg>\n"
    )


def render_html(tl: Timeline) -> str:
    """A standalone page: the SVG inline, then the deadlines as a table."""
    rows = "".join(
        f"<tr><td>{d.on}</td><td>{escape(d.title)}</td>"
        f"<td>{'law' if d.binding else 'advice/policy'}</td></tr>"
        for d in tl.deadlines
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>clearance: UK high-risk vendor timeline</title>"
        "<style>body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}"
        "svg{max-width:100%;height:auto}"
        "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}</style></head>"
        f"<body>{render_svg(tl)}<h2>Deadlines</h2><table><tr><th>Met by</th>"
        f"<th>Requirement</th><th>Binding</th></tr>{rows}</table>"
        f"<p><small>{escape(NOT_LEGAL_ADVICE)}</small></p></body></html>\n"
    )


def write_chart(tl: Timeline, output: Path) -> Path:
    """Write ``.svg``, ``.html`` or ``.png`` (the last needs rsvg-convert)."""
    suffix = output.suffix.lower()
    if suffix == ".svg":
        output.write_text(render_svg(tl), encoding="utf-8")
    elif suffix in (".html", ".htm"):
        output.write_text(render_html(tl), encoding="utf-8")
    elif suffix == ".png":
        exe = shutil.which("rsvg-convert")
        if exe is None:
            raise InputError(
                "PNG output needs rsvg-convert (apt package librsvg2-bin); "
                "write .svg or .html instead"
            )
        subprocess.run(
            [exe, "-f", "png", "-o", str(output)], input=render_svg(tl).encode(), check=True
        )
    else:
        raise InputError(f"{output}: output must end in .svg, .html or .png")
    return output
