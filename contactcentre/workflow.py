"""The allowed status transitions of a case, in one place."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from contactcentre.models.cases import Status

TRANSITIONS = {
    Status.NEW: {Status.IN_PROGRESS, Status.WAITING, Status.FORWARDED, Status.RESOLVED, Status.CLOSED},
    Status.IN_PROGRESS: {Status.WAITING, Status.FORWARDED, Status.RESOLVED, Status.CLOSED},
    Status.WAITING: {Status.IN_PROGRESS, Status.FORWARDED, Status.RESOLVED, Status.CLOSED},
    Status.FORWARDED: {Status.IN_PROGRESS, Status.WAITING, Status.RESOLVED, Status.CLOSED},
    Status.RESOLVED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: set(),
}


def allowed(current: str) -> set[str]:
    return set(TRANSITIONS[Status(current)])


def check(current: str, new: str) -> None:
    if new not in allowed(current):
        raise ValidationError(
            _("A case cannot go from %(current)s to %(new)s.")
            % {"current": Status(current).label, "new": Status(new).label},
            code="transition",
        )
