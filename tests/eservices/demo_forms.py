"""The demo's e-services as the tests read them: built from their pages (``demo/data/eservices/``)."""

from demo.content import load
from eservices import catalogue
from tests.factories import ESERVICES


def eservice(slug):
    return catalogue.get(slug)


def form_class(slug, step):
    """The form class of one step of the e-service ``slug``, as the wizard and the API use it."""
    return eservice(slug).step(step).form_class


def choices(slug, step, field) -> list[tuple]:
    return list(form_class(slug, step)().fields[field].choices)


def label_of(slug, step, field, value) -> str:
    """A choice's label, as the Swedish page has it."""
    return str(dict(choices(slug, step, field))[value])


# Known without a database, for parametrize: the six e-services and their steps, from the data files.
SLUGS = sorted(ESERVICES)


def steps() -> list[tuple[str, str]]:
    """(e-service id, step name) of every step of the six, exit pages left out."""
    return [
        (slug, step["name"])
        for slug in SLUGS
        for step in load(f"eservices/{slug}")["steps"]
        if step["type"] == "step"
    ]
