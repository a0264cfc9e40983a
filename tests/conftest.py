from django.core.management import call_command

import pytest

DEMO_PASSWORD = "Demo-lösenord-2026"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo municipality, built once per run."""
    with django_db_blocker.unblock():
        call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0)
