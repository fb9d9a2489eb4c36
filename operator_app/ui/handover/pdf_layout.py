"""A small paginating layout for printable reports (QPdfWriter + QPainter).

A report is a list of *rows* (``Row``: a height and a paint function). ``paginate`` places rows
top to bottom, starts a new page when one does not fit, repeats a table's header row on the
continuation page, and keeps a heading with the row that follows it. ``render`` then paints a
header and footer on every page (the page count is known by then: "page N of M").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter

Paint = Callable[[QPainter, QRectF], None]


@dataclass
class Row:
    height: float
    paint: Paint
    header: Row | None = None  # a table's header row, repeated on a new page
    keep_with_next: bool = False


@dataclass
class Page:
    rows: list[tuple[Row, float]] = field(default_factory=list)  # (row, y)


def paginate(rows: Sequence[Row], top: float, bottom: float) -> list[Page]:
    pages = [Page()]
    y = top
    i = 0
    while i < len(rows):
        row = rows[i]
        need = row.height
        if row.keep_with_next and i + 1 < len(rows):
            need += rows[i + 1].height
        if y + need > bottom and pages[-1].rows:
            pages.append(Page())
            y = top
            if row.header is not None:
                pages[-1].rows.append((row.header, y))
                y += row.header.height
        pages[-1].rows.append((row, y))
        y += row.height
        i += 1
    return pages


def render(
    painter: QPainter,
    pages: Sequence[Page],
    left: float,
    width: float,
    decorate: Callable[[QPainter, int, int], None],
    new_page: Callable[[], object],
) -> None:
    for n, page in enumerate(pages, start=1):
        if n > 1:
            new_page()
        decorate(painter, n, len(pages))
        for row, y in page.rows:
            row.paint(painter, QRectF(left, y, width, row.height))


class Fonts:
    """Fonts in points and their metrics on the paint device."""

    def __init__(self, device: QPaintDevice, family: str = "DejaVu Sans") -> None:
        self.device = device
        self.body = self._font(family, 9)
        self.small = self._font(family, 7.5)
        self.bold = self._font(family, 9, bold=True)
        self.h1 = self._font(family, 14, bold=True)
        self.h2 = self._font(family, 11, bold=True)
        self.italic = self._font(family, 9)
        self.italic.setItalic(True)

    @staticmethod
    def _font(family: str, size: float, bold: bool = False) -> QFont:
        f = QFont(family)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def line(self, font: QFont) -> float:
        return self.metrics(font).lineSpacing()


def text_row(
    fonts: Fonts,
    font: QFont,
    text: str,
    width: float,
    *,
    pad: float = 0.0,
    keep_with_next: bool = False,
    indent: float = 0.0,
) -> Row:
    """A wrapped paragraph."""
    m = fonts.metrics(font)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    rect = m.boundingRect(QRectF(0, 0, width - indent, 1e6), flags, text)
    height = rect.height() + pad

    def paint(p: QPainter, r: QRectF) -> None:
        p.setFont(font)
        p.drawText(QRectF(r.left() + indent, r.top(), r.width() - indent, r.height()), flags, text)

    return Row(height, paint, keep_with_next=keep_with_next)


def table_rows(
    fonts: Fonts,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    width: float,
    align_right: Sequence[bool] | None = None,
) -> list[Row]:
    """A simple ruled table; ``widths`` are fractions of ``width``; cells are elided."""
    h = fonts.line(fonts.body) * 1.35
    right = list(align_right or [False] * len(headers))
    xs = [0.0]
    for w in widths:
        xs.append(xs[-1] + w * width)

    def cells(values: Sequence[str], font: QFont, rule: bool) -> Paint:
        def paint(p: QPainter, r: QRectF) -> None:
            p.setFont(font)
            m = fonts.metrics(font)
            pad = h * 0.2
            for k, v in enumerate(values):
                cell = QRectF(
                    r.left() + xs[k] + pad, r.top(), xs[k + 1] - xs[k] - 2 * pad, r.height()
                )
                text = m.elidedText(v, Qt.TextElideMode.ElideRight, cell.width())
                align = Qt.AlignmentFlag.AlignRight if right[k] else Qt.AlignmentFlag.AlignLeft
                p.drawText(cell, int(align | Qt.AlignmentFlag.AlignVCenter), text)
            pen = p.pen()
            if rule:
                pen.setWidthF(h * 0.05)
            else:
                pen.setWidthF(h * 0.015)
            p.setPen(pen)
            p.drawLine(r.bottomLeft(), r.bottomRight())

        return paint

    head = Row(h, cells(headers, fonts.bold, True), keep_with_next=True)
    out = [head]
    for values in rows:
        out.append(Row(h, cells(values, fonts.body, False), header=head))
    return out


def kv_rows(
    fonts: Fonts, pairs: Sequence[tuple[str, str]], split: float, width: float
) -> list[Row]:
    """Key / value lines whose value wraps (a summary), ruled like a table."""
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    pad = fonts.line(fonts.body) * 0.25
    kw, vw = split * width - 2 * pad, (1 - split) * width - 2 * pad
    out = []
    for key, value in pairs:
        hk = fonts.metrics(fonts.bold).boundingRect(QRectF(0, 0, kw, 1e6), flags, key).height()
        hv = fonts.metrics(fonts.body).boundingRect(QRectF(0, 0, vw, 1e6), flags, value).height()

        def paint(p: QPainter, r: QRectF, key: str = key, value: str = value) -> None:
            p.setFont(fonts.bold)
            p.drawText(QRectF(r.left() + pad, r.top() + pad, kw, r.height()), flags, key)
            p.setFont(fonts.body)
            p.drawText(
                QRectF(r.left() + split * width + pad, r.top() + pad, vw, r.height()), flags, value
            )
            pen = p.pen()
            pen.setWidthF(pad * 0.1)
            p.setPen(pen)
            p.drawLine(r.bottomLeft(), r.bottomRight())

        out.append(Row(max(hk, hv) + 2 * pad, paint))
    return out


def spacer(height: float) -> Row:
    return Row(height, lambda _p, _r: None)
