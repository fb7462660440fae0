"""Charts drawn on the server as SVG documents by leather: shapes and text with presentation
attributes only, no ``style`` and no script, so a chart passes the pages' Content-Security-
Policy (``default-src 'self'``) wherever it is shown, and nothing is fetched from a network.
Each page serves a chart as its own ``image/svg+xml`` answer, shown in an ``<img>`` with a
text alternative and its figures in a table beside it."""

from __future__ import annotations

from collections.abc import Sequence

import leather
from leather import theme

# Leather's look is set through its theme module (its documented way): dark text on white,
# the system's fonts, and Tandem's accent colour for the bars.
theme.background_color = "#ffffff"
for _name in ("title", "legend", "axis_title", "tick"):
    setattr(theme, f"{_name}_font_family", "system-ui, sans-serif")
theme.title_color = "#1a1a1a"
theme.axis_title_color = "#333333"
theme.label_color = "#333333"
theme.tick_color = "#dddddd"
theme.zero_color = "#666666"
theme.title_font_char_width = 8

BAR_COLOUR = "#1d5a8c"
WIDTH = 720
#: Height of one bar (with its gap) and of what surrounds the bars.
BAR_HEIGHT = 34
FRAME_HEIGHT = 110


#: The least height of a bar chart: with fewer, leather leaves no room for the bars.
LEAST_HEIGHT = 200
#: Width given to each column of a time chart, so that the labels never overlap.
COLUMN_WIDTH = 56


def _svg(chart: leather.Chart, height: int, width: int = WIDTH) -> str:
    text: str = chart.to_svg(width=width, height=height)
    return text


def bars(
    title: str, values: Sequence[tuple[str, float]], axis: str, top: float | None = None
) -> str:
    """Horizontal bars, one per labelled value (in the order given, first at the top):
    long category names read best beside their bar. ``top``: the scale's end where it is
    fixed (100 for a share in per cent), else the largest value."""
    chart = leather.Chart(title)
    chart.add_bars([(value, label) for label, value in values], fill_color=BAR_COLOUR)
    chart.add_x_scale(0, top or _top(values))
    chart.add_x_axis(name=axis, ticks=None if top else _ticks(values))
    return _svg(chart, max(LEAST_HEIGHT, FRAME_HEIGHT + BAR_HEIGHT * len(values)))


def columns(
    title: str, values: Sequence[tuple[str, float]], axis: str, top: float | None = None
) -> str:
    """Vertical columns along a time axis (months), left to right; a long period makes a
    wider chart, which the page scales to fit."""
    chart = leather.Chart(title)
    chart.add_columns(list(values), fill_color=BAR_COLOUR)
    chart.add_y_scale(0, top or _top(values))
    chart.add_y_axis(name=axis, ticks=None if top else _ticks(values))
    return _svg(chart, 360, max(WIDTH, 120 + COLUMN_WIDTH * len(values)))


def _top(values: Sequence[tuple[str, float]]) -> float:
    """The scale's end: the largest value, at least 1 (an axis from 0 to 0 cannot be drawn)."""
    return max([1.0, *(float(v) for _label, v in values)])


def _ticks(values: Sequence[tuple[str, float]]) -> list[int] | None:
    """Whole numbers on the axis for small counts (no "1.5 placements"); leather's own ticks
    otherwise."""
    top = _top(values)
    if top <= 10 and all(float(v).is_integer() for _label, v in values):
        return list(range(int(top) + 1))
    return None
