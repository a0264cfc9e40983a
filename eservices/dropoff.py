"""Drop-off statistics from the wizard: each citizen's run counted once per step it reaches.

Which steps of a run were counted is kept in the run's own wizard storage (the citizen's
session, and a saved draft with it), so a reload, a step back or a resumed draft is not
counted twice. Only the totals per e-service, step and day are stored
(``contactcentre.models.dropoff``).

Assisted runs are left out: a staff member filling in a form with a walk-in visitor skips
around it and never abandons it the way a citizen does, so their runs would blur where
citizens give up. Runs sent again as a new case were never started, so they are left out too.
"""

from contactcentre.models import dropoff

COUNTED = "dropoff_counted"  # in the run's extra_data: the names of the steps counted


def counts(wizard) -> bool:
    return not wizard.assisted_by


def reached(wizard, step: str):
    """The run showed ``step`` (a GET): count it as started the first time, and the step once."""
    if not counts(wizard) or wizard.sent_case is not None:
        return
    storage = wizard.storage
    done = storage.extra_data.get(COUNTED)
    if done is None:
        dropoff.count_started(wizard.eservice.slug)
        done = []
    elif step in done:
        return
    position = list(wizard.form_list).index(step) + 1
    dropoff.count_step(wizard.eservice.slug, step, position)
    storage.extra_data = {**storage.extra_data, COUNTED: [*done, step]}


def sent(wizard, created: bool):
    """The run's case was made: count it if this run's start was counted."""
    if counts(wizard) and created and COUNTED in wizard.storage.extra_data:
        dropoff.count_sent(wizard.eservice.slug)
