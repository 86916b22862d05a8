"""Horizontal bar charts as self-contained SVG: no scripts, no external fonts, no styles to load.

A chart carries its own near-white background, so it reads the same in the light and the dark
theme; its ``<title>`` and ``<desc>`` (named by ``aria-labelledby``) say what it shows and give
every value, for screen readers and for anyone who cannot see the bars.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Paul Tol's "bright" scheme: distinguishable with the common colour-vision deficiencies.
COLORS = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377")
_INK, _MUTED, _GRID, _PAPER = "#1f2328", "#57606a", "#d0d7de", "#fcfcfc"
_FONT = (
    "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', "
    "sans-serif"
)
_MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"
_WIDTH, _MIN_PLOT, _BAR, _GAP, _PAD = 760, 400, 14, 10, 16
_LABEL_CHAR, _VALUE_ROOM = 6.7, 70  # px per character of a 11px monospace label; value text


@dataclass(frozen=True)
class Row:
    label: str
    values: Sequence[float]


@dataclass(frozen=True)
class Chart:
    title: str  # the accessible name
    description: str  # what is measured and how, before the values
    axis: str  # the axis caption, with its unit
    series: Sequence[str]
    rows: Sequence[Row]
    value_text: Callable[[float], str]
    log: bool = False
    reference: float | None = None  # a value to mark with a line, such as 1 for ratios


def render(chart: Chart) -> str:
    label_width = max(len(row.label) for row in chart.rows) * _LABEL_CHAR + _PAD
    width = max(_WIDTH, round(_PAD + label_width + _MIN_PLOT + _VALUE_ROOM + _PAD))
    left, right = _PAD + label_width, width - _PAD - _VALUE_ROOM
    legend_height = 18 * len(chart.series) + 6 if len(chart.series) > 1 else 0
    top = _PAD + legend_height
    row_height = len(chart.series) * _BAR + _GAP
    plot_bottom = top + len(chart.rows) * row_height
    height = plot_bottom + 44
    scale = _Scale(
        [v for row in chart.rows for v in row.values] + [chart.reference or 0],
        left,
        right,
        chart.log,
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title desc" '
        f'font-family="{_FONT}" font-size="12" fill="{_INK}">',
        f'<title id="title">{escape(chart.title)}</title>',
        f'<desc id="desc">{escape(_describe(chart))}</desc>',
        f'<rect width="{width}" height="{height}" rx="6" fill="{_PAPER}" stroke="{_GRID}"/>',
    ]
    for tick in scale.ticks():
        x = scale(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{plot_bottom}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{plot_bottom + 14}" text-anchor="middle" '
            f'fill="{_MUTED}">{escape(_tick_text(tick))}</text>'
        )
    if chart.reference is not None:
        x = scale(chart.reference)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{plot_bottom}" '
            f'stroke="{_INK}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    parts.append(
        f'<text x="{(left + right) / 2:.1f}" y="{plot_bottom + 32}" text-anchor="middle" '
        f'fill="{_MUTED}">{escape(chart.axis)}</text>'
    )
    for index, name in enumerate(chart.series if legend_height else ()):
        y = _PAD + index * 18
        parts.append(
            f'<rect x="{left}" y="{y}" width="12" height="12" fill="{COLORS[index]}"/>'
            f'<text x="{left + 17}" y="{y + 10}">{escape(name)}</text>'
        )
    for row_index, row in enumerate(chart.rows):
        y = top + row_index * row_height
        middle = y + len(chart.series) * _BAR / 2
        parts.append(
            f'<text x="{left - 8}" y="{middle + 4:.1f}" text-anchor="end" font-family="{_MONO}" '
            f'font-size="11">{escape(row.label)}</text>'
        )
        for index, value in enumerate(row.values):
            bar_y = y + index * _BAR
            end = scale(value)
            parts.append(
                f'<rect x="{left}" y="{bar_y + 1}" width="{max(end - left, 1):.1f}" '
                f'height="{_BAR - 2}" fill="{COLORS[index]}"/>'
                f'<text x="{end + 4:.1f}" y="{bar_y + _BAR - 3}" font-size="11" '
                f'stroke="{_PAPER}" stroke-width="3" paint-order="stroke">'
                f"{escape(chart.value_text(value))}</text>"
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _describe(chart: Chart) -> str:
    rows = "; ".join(
        f"{row.label}: "
        + ", ".join(
            f"{name} {chart.value_text(value)}"
            for name, value in zip(chart.series, row.values, strict=True)
        )
        for row in chart.rows
    )
    return f"{chart.description} {rows}."


def _tick_text(tick: float) -> str:
    return f"{tick:.6g}"


class _Scale:
    """Maps values to x: linear from 0 in round steps, or logarithmic with 1-2-5 or decade ticks."""

    def __init__(self, values: Sequence[float], left: float, right: float, log: bool) -> None:
        self.left, self.right, self.log = left, right, log
        positive = [v for v in values if v > 0]
        if log:
            self.low = 10 ** math.floor(math.log10(min(positive)))
            self.high = _round_step(max(positive))
        else:
            self.step = _round_step(max(positive) / 5)
            self.low, self.high = 0.0, self.step * math.ceil(max(positive) / self.step)

    def __call__(self, value: float) -> float:
        if self.log:
            share = math.log10(value / self.low) / math.log10(self.high / self.low)
        else:
            share = value / self.high
        return self.left + share * (self.right - self.left)

    def ticks(self) -> list[float]:
        if not self.log:
            return [self.step * index for index in range(round(self.high / self.step) + 1)]
        decades = math.ceil(math.log10(self.high / self.low))
        steps = (1, 2, 5) if decades <= 2 else (1,)  # more would crowd the axis
        return [
            self.low * 10**decade * step
            for decade in range(decades + 1)
            for step in steps
            if self.low * 10**decade * step <= self.high * 1.0001
        ]


def _round_step(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value`."""
    power = 10 ** math.floor(math.log10(value))
    return next(power * step for step in (1, 2, 2.5, 5, 10) if power * step >= value * 0.9999)
