"""What the statistics page is made of: sections with key figures, charts and tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from contactcentre.statistics.tables import Table


@dataclass
class Figure:
    """A key figure at the top of a section, with its target when it has one."""

    label: str
    value: object
    target: int | None = None
    detail: str = ""

    @property
    def met(self) -> bool | None:
        percent = getattr(self.value, "percent", None)
        if self.target is None or percent is None:
            return None
        return percent >= self.target


@dataclass
class Section:
    key: str
    heading: str
    intro: str = ""
    figures: list[Figure] = field(default_factory=list)
    charts: list = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Each chart drawn just above its own table (one pair per e-service), not all charts first.
    paired: bool = False

    @property
    def pairs(self):
        return list(zip(self.charts, self.tables, strict=True))
