from django.core.management import call_command

import pytest

DEMO_PASSWORD = "Demo-lösenord-2026"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo municipality, built once per run."""
    with django_db_blocker.unblock():
        call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0)


# Test modules written when the demo had no cases: they count cases from zero and fetch
# "the" case with Case.objects.get(). They start from an empty case table (inside the
# test's transaction, so the demo cases are back for the next test). Better, in time:
# assertions relative to a count taken at the start, and then this can go.
WITHOUT_DEMO_CASES = {"api", "eservices"}


@pytest.fixture(autouse=True)
def _without_demo_cases(request):
    if request.node.path.parent.name not in WITHOUT_DEMO_CASES:
        return
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction") or "transactional_db" in request.fixturenames:
        return  # no database, or a transactional test, which must not delete for good
    request.getfixturevalue("db")
    from contactcentre.models import Case

    Case.objects.all().delete()
