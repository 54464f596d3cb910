"""Bar charts drawn on the server as SVG: no script, no network, and they print.

Each chart is an image with a title for assistive technology; the same figures follow it
in a real table. Bars are sized in percent of the chart's width and the text is never
scaled, so a chart stays readable on a 360-pixel screen. Counts that are not shown get no
bar, only their label, which comes from the one suppression function like everywhere else.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from screening.dashboard.suppression import Count, label

ROW_HEIGHT = 22  # one line of text
BAR_HEIGHT = 10
BAR_GAP = 3
FONT_SIZE = 14
MAX_LABEL = 60
# Contrast with white is above 3:1 for both, as WCAG asks of graphics.
FILLS = ("#0b4f6c", "#5f7f8f")


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: list[tuple[str, list[Count]]],
    series: list[str],
    threshold: int,
) -> SafeString:
    """Return an SVG bar chart: each row a label line, then one bar per series."""
    shown = [c.value for _, counts in rows for c in counts if c.shown]
    largest = max(shown, default=0) or 1
    step = ROW_HEIGHT + len(series) * (BAR_HEIGHT + BAR_GAP) + 6
    parts = []
    for index, (row_label, counts) in enumerate(rows):
        top = index * step
        values = ", ".join(
            f"{name} {label(count, threshold=threshold)}"
            if len(series) > 1
            else label(count, threshold=threshold)
            for name, count in zip(series, counts, strict=True)
        )
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="{}" fill="#1b1b1b">{}: {}</text>',
                top + FONT_SIZE + 2,
                FONT_SIZE,
                _shorten(row_label),
                values,
            )
        )
        for position, count in enumerate(counts):
            if not count.shown or not count.value:
                continue
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}%" height="{}" fill="{}"></rect>',
                    top + ROW_HEIGHT + position * (BAR_HEIGHT + BAR_GAP),
                    f"{100 * count.value / largest:.2f}",
                    BAR_HEIGHT,
                    FILLS[position % len(FILLS)],
                )
            )
    legend = ""
    if len(series) > 1:
        legend = format_html_join(
            "",
            '<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect>'
            '<text x="{}" y="{}" font-size="{}" fill="#1b1b1b">{}</text>',
            (
                (
                    position * 130,
                    len(rows) * step + 4,
                    FILLS[position % len(FILLS)],
                    position * 130 + 18,
                    len(rows) * step + 15,
                    FONT_SIZE,
                    name,
                )
                for position, name in enumerate(series)
            ),
        )
    height = len(rows) * step + (24 if legend else 0)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="100%" '
        'height="{}" aria-labelledby="{}-title" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title>{}{}</svg>',
        height,
        chart_id,
        chart_id,
        title,
        SafeString("".join(parts)),
        legend,
    )


def _shorten(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"
