"""The numbers of the statistics page as tables: one object drawn on the page and written as CSV.

A value in a table is an ``int``, a ``Share`` (a part of a whole, shown as a percentage
with the counts behind it), ``Hours`` (working time), a ``str`` or ``None`` (no data).
The page and the CSV export format the same objects, so they never disagree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None

    @property
    def percent(self) -> float | None:
        return None if self.value is None else 100 * self.value

    def __str__(self):
        if self.percent is None:
            return "–"
        return f"{number_format(self.percent, 0)}\u00a0%"

    def csv(self) -> str:
        return "" if self.percent is None else number_format(self.percent, 1)


@dataclass(frozen=True)
class Hours:
    """Working time, kept in seconds and shown in hours."""

    seconds: float | None

    @property
    def hours(self) -> float | None:
        return None if self.seconds is None else self.seconds / 3600

    def __str__(self):
        if self.hours is None:
            return "–"
        return _("%(hours)s h") % {"hours": number_format(self.hours, 1)}

    def csv(self) -> str:
        return "" if self.hours is None else number_format(self.hours, 1)


def cell_text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return str(value)


def cell_csv(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "csv"):
        return value.csv()
    return str(value)


@dataclass
class Column:
    label: str
    numeric: bool = True


@dataclass
class Row:
    label: str
    values: list
    # Marks a row that misses its target; shown as text, not only as colour.
    flag: str = ""
    total: bool = False


@dataclass
class Table:
    key: str  # the name of its CSV export
    caption: str
    row_heading: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    flag_heading: str = ""  # the heading of the flag column, when rows can be flagged

    def body(self):
        """Each row with its cells as (text, numeric), for the page."""
        for row in self.rows:
            cells = [
                (cell_text(value), column.numeric)
                for value, column in zip(row.values, self.columns, strict=True)
            ]
            yield row, cells

    @property
    def has_flags(self) -> bool:
        return bool(self.flag_heading)

    def write_csv(self, response) -> None:
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = csv.writer(response, delimiter=";")
        header = [self.row_heading, *(column.label for column in self.columns)]
        if self.has_flags:
            header.append(self.flag_heading)
        writer.writerow(header)
        for row in self.rows:
            line = [row.label, *(cell_csv(value) for value in row.values)]
            if self.has_flags:
                line.append(row.flag)
            writer.writerow(line)
