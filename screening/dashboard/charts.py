"""Charts drawn on the server as SVG: no script, no network, and they print.

Each chart is an image with a title for assistive technology; the same figures follow it in a
real table. Bars are sized in percent of the chart's width and the text is never scaled, so a
chart stays readable on a 360-pixel screen: text is broken into lines short enough for that
width, never clipped. Counts that are not shown get no bar, only their label, which comes from
the one suppression function like everywhere else.
"""

import unicodedata

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from screening.dashboard.suppression import Count, label

LINE_HEIGHT = 18  # one line of text
BAR_HEIGHT = 10
BAR_GAP = 3
FONT_SIZE = 14
# Characters per line: a 360-pixel phone leaves about 320 pixels for a chart, and at 14 pixels
# 34 characters of the scripts served stay within it (combining marks count as characters).
LINE_CHARACTERS = 34
MAX_LABEL = 60
INK = "#1b1b1b"
# Text starts a little right of the edge: a glyph's side bearing can reach left of its origin.
TEXT_INSET = "2"
# Contrast with white is above 3:1 for each, as WCAG asks of graphics (7.6, 4.3 and 7.8).
FILLS = ("#0b4f6c", "#5f7f8f", "#a4161a")
# The trend chart: one group of columns per quarter, its name in two lines below.
PLOT_HEIGHT = 140
SMALL_FONT = 12
SPARK_WIDTH = 80  # a table row's small chart, in pixels


def lines(text: str, width: int = LINE_CHARACTERS) -> list[str]:
    """Break text into lines of at most width characters, at spaces where there are any.

    A word longer than a line (scripts written without spaces) is cut, never before a
    combining mark, so no letter loses its vowel sign.
    """
    result: list[str] = []
    current = ""
    for word in str(text).split():
        while len(word) > width:
            cut = width
            while cut > 1 and unicodedata.category(word[cut])[0] == "M":
                cut -= 1
            if current:
                result.append(current)
                current = ""
            result.append(word[:cut])
            word = word[cut:]
        if current and len(current) + 1 + len(word) > width:
            result.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        result.append(current)
    return result or [""]


def _text_lines(chunks: list[str], *, top: int, x: str = TEXT_INSET, anchor: str = "start") -> str:
    return "".join(
        format_html(
            '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}">{}</text>',
            x,
            top + (index + 1) * LINE_HEIGHT - 4,
            FONT_SIZE,
            INK,
            anchor,
            chunk,
        )
        for index, chunk in enumerate(chunks)
    )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: list[tuple[str, list[Count]]],
    series: list[str],
    threshold: int,
) -> SafeString:
    """Return an SVG bar chart: each row its label and counts in lines, then one bar per series."""
    shown = [c.value for _, counts in rows for c in counts if c.shown]
    largest = max(shown, default=0) or 1
    parts = []
    top = 0
    for row_label, counts in rows:
        values = ", ".join(
            f"{name} {label(count, threshold=threshold)}"
            if len(series) > 1
            else label(count, threshold=threshold)
            for name, count in zip(series, counts, strict=True)
        )
        chunks = lines(f"{_shorten(row_label)}: {values}")
        parts.append(_text_lines(chunks, top=top))
        top += len(chunks) * LINE_HEIGHT + 2
        for position, count in enumerate(counts):
            if count.shown and count.value:
                parts.append(
                    format_html(
                        '<rect x="0" y="{}" width="{}%" height="{}" fill="{}"></rect>',
                        top + position * (BAR_HEIGHT + BAR_GAP),
                        f"{100 * count.value / largest:.2f}",
                        BAR_HEIGHT,
                        FILLS[position % len(FILLS)],
                    )
                )
        top += len(series) * (BAR_HEIGHT + BAR_GAP) + 8
    legend, top = _legend(series, top=top) if len(series) > 1 else ("", top)
    return _svg(chart_id, title, top, SafeString("".join(parts) + legend))


def _legend(series: list[str], *, top: int, dashed: str = "") -> tuple[str, int]:
    """Return one line per series (a swatch and its name), and the height below them."""
    parts = []
    for position, name in enumerate(series):
        chunks = lines(name, LINE_CHARACTERS - 3)
        parts.append(
            format_html(
                '<rect x="0" y="{}" width="12" height="12" fill="{}"></rect>',
                top + 3,
                FILLS[position % len(FILLS)],
            )
        )
        parts.append(_text_lines(chunks, top=top, x="18"))
        top += len(chunks) * LINE_HEIGHT + 2
    if dashed:
        chunks = lines(dashed, LINE_CHARACTERS - 3)
        parts.append(
            format_html(
                '<rect x="1" y="{}" width="10" height="10" fill="none" stroke="{}" '
                'stroke-dasharray="2 2"></rect>',
                top + 4,
                INK,
            )
        )
        parts.append(_text_lines(chunks, top=top, x="18"))
        top += len(chunks) * LINE_HEIGHT + 2
    return "".join(parts), top


def _svg(chart_id: str, title: str, height: int, body: str) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="100%" '
        'height="{}" aria-labelledby="{}-title" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title>{}</svg>',
        height,
        chart_id,
        chart_id,
        title,
        body,
    )


def trend_chart(
    *,
    chart_id: str,
    title: str,
    quarters: list[str],
    series: list[tuple[str, list[Count | None]]],
) -> SafeString:
    """Return columns for each quarter (oldest at the left), one per series, and a legend.

    A count that is not shown gets a dashed outline instead of a column; the table beside the
    chart says why.
    """
    values = [c.value for _, counts in series for c in counts if c is not None and c.shown]
    largest = max(values, default=0) or 1
    slot = 100 / max(1, len(quarters))
    width = slot * 0.8 / max(1, len(series))
    base = PLOT_HEIGHT + 4
    parts = [
        format_html(
            '<line x1="0" y1="{}" x2="100%" y2="{}" stroke="{}" stroke-width="1"></line>',
            base,
            base,
            "#6b6b6b",
        )
    ]
    any_hidden = False
    for index, name in enumerate(quarters):
        left = index * slot + slot * 0.1
        for position, (_name, counts) in enumerate(series):
            count = counts[index]
            x = f"{left + position * width:.2f}%"
            if count is None or not count.shown:
                any_hidden = True
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}%" height="8" fill="none" stroke="{}" '
                        'stroke-dasharray="2 2"></rect>',
                        x,
                        base - 8,
                        f"{width * 0.85:.2f}",
                        INK,
                    )
                )
                continue
            height = round(PLOT_HEIGHT * count.value / largest, 1)
            if count.value and height < 1:
                height = 1
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}%" height="{}" fill="{}"></rect>',
                    x,
                    base - height,
                    f"{width * 0.85:.2f}",
                    height,
                    FILLS[position % len(FILLS)],
                )
            )
        first, _space, second = str(name).rpartition(" ")
        centre = f"{index * slot + slot / 2:.2f}%"
        for row, text in enumerate(t for t in (first, second) if t):
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>',
                    centre,
                    base + 4 + (row + 1) * (SMALL_FONT + 3),
                    SMALL_FONT,
                    INK,
                    text,
                )
            )
    dashed = _("Dashed outline: not shown (see the table)") if any_hidden else ""
    legend, height = _legend([name for name, _ in series], top=base + 44, dashed=dashed)
    return _svg(chart_id, title, height, SafeString("".join(parts) + legend))


def sparkline(counts: list[Count | None]) -> SafeString:
    """Return a small column per quarter, for a table row whose numbers say the same.

    Hidden from assistive technology: the row's cells are the text. Two paths, not a shape per
    quarter, so that a table of many rows stays small.
    """
    values = [c.value for c in counts if c is not None and c.shown]
    largest = max(values, default=0) or 1
    slot = SPARK_WIDTH / max(1, len(counts))
    width = round(slot * 0.7, 1)
    bars, outlines = [], []
    for index, count in enumerate(counts):
        x = round(index * slot + slot * 0.15, 1)
        if count is None or not count.shown:
            outlines.append(f"M{x} 18h{width}v4h-{width}z")
        elif count.value:
            height = max(1.0, round(20 * count.value / largest, 1))
            bars.append(f"M{x} 22h{width}v-{height}h-{width}z")
    parts = []
    if bars:
        parts.append(format_html('<path d="{}" fill="{}"></path>', "".join(bars), FILLS[0]))
    if outlines:
        parts.append(
            format_html(
                '<path d="{}" fill="none" stroke="{}" stroke-dasharray="2 1"></path>',
                "".join(outlines),
                INK,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="{}" height="24" '
        'aria-hidden="true" focusable="false">{}</svg>',
        SPARK_WIDTH,
        SafeString("".join(parts)),
    )


def _shorten(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"
