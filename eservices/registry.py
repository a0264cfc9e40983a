"""What an e-service is at run time (``EService``), and the few written in code, registered by slug.

An e-service is its steps (one form class each, some shown only when a condition on
earlier answers holds), where its cases go, how long they are kept, and the
data-protection facts shown before the citizen starts. The wizard, the API and the
printable version all read the same object. Editors build e-services in the admin
(``eservices.builder`` makes the ``EService`` from the page); ``register`` is left for an
e-service a developer must write in code, such as the tests' own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms

SCHEMA_VERSION_SEPARATOR = "@"


@dataclass(frozen=True)
class Step:
    name: str
    form_class: type[forms.Form]
    title: str
    # Shown only when condition(answers_so_far) is true; answers are cleaned data per step.
    condition: Callable[[dict], bool] | None = None
    # The same condition as a JSON Schema fragment over the whole submission body, for the
    # API's published schema (``if``/``then``/``else``); see eservices.schema.answer_is.
    # Without it the condition is described in prose: give the condition a docstring.
    schema_if: dict | None = None

    def applies(self, answers: dict) -> bool:
        return self.condition is None or bool(self.condition(answers))


@dataclass(frozen=True)
class DataProtection:
    """What the citizen is told on the first step (GDPR art. 13)."""

    data_collected: str
    purpose: str
    legal_basis: str
    controller: str  # the responsible committee (nämnd)
    dpo_contact: str = "dataskyddsombud@exempelkommun.example"


@dataclass(frozen=True)
class EService:
    slug: str
    title: str
    summary: str
    service_area_digit: int
    steps: tuple[Step, ...]
    data_protection: DataProtection
    department: str = ""  # a department name; empty: the service area's default department
    handling_time: str = ""
    next_steps: str = ""
    # Days a case is kept before it is removed; None keeps it (official records).
    retention_days: int | None = None
    retention_rule: str = ""
    schema_version: int = 1
    sensitive: bool = False  # shows "exit this page"
    # What the case layer needs, copied onto the case when it opens (``case_facts``):
    # False for a kind of case that cannot be resolved at first contact (a call-back).
    first_contact_possible: bool = True
    # (step, field) of the answer that the statistics count the case by, if any.
    statistics_answer: tuple[str, str] | None = None
    # Builds the case title and contact details from all cleaned answers.
    describe: Callable[[dict], dict] = field(default=lambda answers: {})
    # The page revision an e-service built in the admin was made from (``eservices.builder``).
    revision: int | None = None
    fingerprint: str = ""  # a hash of its content: equal content, one wizard (``eservices.versions``)

    def case_facts(self, answers: dict) -> dict:
        """The NewCase fields this e-service declares, for cases opened from ``answers`` (by step)."""
        category = ""
        if self.statistics_answer:
            step, name = self.statistics_answer
            category = str((answers.get(step) or {}).get(name) or "")
        return {"first_contact_possible": self.first_contact_possible, "statistics_category": category}

    def applicable_steps(self, answers: dict) -> list[Step]:
        return [step for step in self.steps if step.applies(answers)]

    def step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)

    @property
    def version(self) -> str:
        return f"{self.slug}{SCHEMA_VERSION_SEPARATOR}{self.schema_version}"

    @property
    def key(self) -> str:
        """One form: a coded e-service's version, or a built one's content."""
        return f"{self.version}#{self.fingerprint}" if self.fingerprint else self.version


_REGISTRY: dict[str, EService] = {}


def register(eservice: EService) -> EService:
    if eservice.slug in _REGISTRY and _REGISTRY[eservice.slug] is not eservice:
        raise ValueError(f"E-service {eservice.slug!r} is registered twice")
    _REGISTRY[eservice.slug] = eservice
    return eservice


def get(slug: str) -> EService:
    return _REGISTRY[slug]


def all_eservices() -> list[EService]:
    return sorted(_REGISTRY.values(), key=lambda e: e.title)


def choices() -> list[tuple[str, str]]:
    return [(e.slug, e.title) for e in all_eservices()]
