"""Charts drawn on the server as SVG: no JavaScript, readable in print, and always next to a table.

Each chart is an image with a title and a description (``role="img"``); the exact numbers
are in the table beside it, which is what a screen reader user reads. Colours meet the 3:1
contrast of WCAG 1.4.11 against white, segments are separated by white lines, and a
target is drawn as a labelled dashed line, so nothing depends on colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

# Contrast against white: all at least 4.5:1.
PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#334155", "#0e7490", "#a16207"]
WIDTH = 640
# Axis labels are 12px (statistics.css); 0.65em is wider than any digit, dash or lower-case
# letter of a sans-serif face, so a label is never wider than its estimate.
LABEL_CHAR_WIDTH = 12 * 0.65
LABEL_GAP = 8


def label_width(text: str) -> float:
    """The most room ``text`` takes as an axis label, in the chart's units."""
    return len(text) * LABEL_CHAR_WIDTH


def nice_ceiling(value: float) -> float:
    """A round axis maximum at or above ``value``: 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def short(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def axis_text(value: float, unit: str) -> str:
    digits = 0 if float(value).is_integer() else 1
    return f"{number_format(value, digits)}{unit}"


@dataclass
class BarChart:
    """Horizontal bars, one per row: shares by channel, cases by area."""

    id: str
    title: str
    description: str
    items: list[tuple[str, float | None]]  # label, value (None: no data)
    unit: str = ""  # "%" for shares
    maximum: float | None = None  # 100 for shares
    target: float | None = None
    target_label: str = ""
    label_width: int = 230
    row_height: int = 28

    @property
    def scale(self) -> float:
        largest = max([value or 0 for _label, value in self.items] + [self.target or 0])
        return self.maximum or nice_ceiling(largest)

    @property
    def plot_width(self) -> int:
        return WIDTH - self.label_width - 70

    @property
    def height(self) -> int:
        return 24 + self.row_height * len(self.items) + 28

    def bars(self):
        for index, (label, value) in enumerate(self.items):
            y = 24 + index * self.row_height
            width = 0 if value is None else self.plot_width * min(value, self.scale) / self.scale
            yield {
                "label": short(label),
                "full_label": label,
                "y": y,
                "text_y": y + self.row_height / 2 + 5,
                "bar_y": y + 4,
                "bar_height": self.row_height - 8,
                "width": round(width, 1),
                "value_x": self.label_width + round(width, 1) + 6,
                "value_text": "–" if value is None else axis_text(round(value, 1), self.unit_suffix),
            }

    @property
    def unit_suffix(self) -> str:
        return "\u00a0%" if self.unit == "%" else self.unit

    @property
    def target_x(self) -> float | None:
        if self.target is None:
            return None
        return round(self.label_width + self.plot_width * self.target / self.scale, 1)

    @property
    def axis_y(self) -> int:
        return 24 + self.row_height * len(self.items)


@dataclass
class ColumnChart:
    """Columns over time, stacked when there is more than one series."""

    id: str
    title: str
    description: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    colours: list[str] = field(default_factory=list)  # one per series; the palette otherwise
    unit: str = ""
    maximum: float | None = None
    target: float | None = None
    target_label: str = ""
    height: int = 260
    left: int = 56
    top: int = 32  # room for the title
    bottom: int = 44
    legend: list = field(default_factory=list)

    @property
    def plot_width(self) -> int:
        return WIDTH - self.left - 12

    @property
    def legend_rows(self) -> int:
        return max((item["row"] for item in self.legend_items()), default=-1) + 1

    @property
    def total_height(self) -> int:
        return self.height + 20 * self.legend_rows

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    @property
    def scale(self) -> float:
        totals = [
            sum(values[index] or 0 for _name, values in self.series) for index in range(len(self.labels))
        ]
        return self.maximum or nice_ceiling(max(totals + [self.target or 0, 0]))

    def y_of(self, value: float) -> float:
        return round(self.top + self.plot_height * (1 - min(value, self.scale) / self.scale), 1)

    @property
    def base_y(self) -> float:
        return self.top + self.plot_height

    def ticks(self):
        for step in range(5):
            value = self.scale * step / 4
            yield {"y": self.y_of(value), "text": axis_text(value, self.unit_suffix)}

    @property
    def unit_suffix(self) -> str:
        return "\u00a0%" if self.unit == "%" else self.unit

    def columns(self):
        count = max(len(self.labels), 1)
        slot = self.plot_width / count
        width = max(slot * 0.7, 1)
        placed = self.axis_labels()
        for index, label in enumerate(self.labels):
            x = self.left + slot * index + (slot - width) / 2
            segments, stacked = [], 0.0
            for number, (name, values) in enumerate(self.series):
                value = values[index] or 0
                if value <= 0:
                    continue
                top = self.y_of(stacked + value)
                segments.append(
                    {
                        "y": top,
                        "height": round(self.y_of(stacked) - top, 1),
                        "colour": self.colour(number),
                        "name": name,
                    }
                )
                stacked += value
            yield {
                "x": round(x, 1),
                "width": round(width, 1),
                "centre": round(x + width / 2, 1),
                "label": label if index in placed else "",
                "label_x": placed.get(index, 0),
                "segments": segments,
            }

    def axis_labels(self) -> dict[int, float]:
        """Column index -> centre x of its label under the axis, for the columns that get one.

        Every n-th column, n just large enough for the widest label, each kept inside the
        chart; a label that would then touch the one before it is left out. So no two labels
        ever overlap, whatever their number or length (the table has them all).
        """
        count = len(self.labels)
        if not count:
            return {}
        slot = self.plot_width / count
        widest = max(label_width(label) for label in self.labels)
        step = max(1, math.ceil((widest + LABEL_GAP) / slot))
        placed, right_edge = {}, -math.inf
        for index in range(0, count, step):
            half = label_width(self.labels[index]) / 2
            centre = self.left + slot * (index + 0.5)
            centre = min(max(centre, self.left + half), WIDTH - half)
            if centre - half < right_edge + LABEL_GAP:
                continue
            placed[index] = round(centre, 1)
            right_edge = centre + half
        return placed

    def colour(self, number: int) -> str:
        if number < len(self.colours):
            return self.colours[number]
        return PALETTE[number % len(PALETTE)]

    @property
    def target_y(self) -> float | None:
        return None if self.target is None else self.y_of(self.target)

    def legend_items(self):
        """One swatch and name per series, wrapped onto rows below the axis labels."""
        if len(self.series) < 2:
            return []
        items, x, row = [], self.left, 0
        for number, (name, _values) in enumerate(self.series):
            text = short(name, 22)
            width = 20 + 7 * len(text) + 16
            if x + width > WIDTH and x > self.left:
                x, row = self.left, row + 1
            items.append(
                {
                    "x": x,
                    "y": self.height - 8 + 20 * row,
                    "row": row,
                    "colour": self.colour(number),
                    "name": text,
                }
            )
            x += width
        return items
