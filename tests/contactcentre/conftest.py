import smtplib

from django.contrib.auth.models import Group, Permission
from django.core.mail.backends.locmem import EmailBackend

import pytest

from contactcentre.models import DepartmentGroup
from contactcentre.services import NewCase, open_case
from pages.models import Department, ServiceArea


def department(name):
    return Department.objects.get(name=name, locale__language_code="sv")


def area(digit):
    return ServiceArea.objects.get(menu_digit=digit, locale__language_code="sv")


@pytest.fixture
def staff(django_user_model):
    """An agent, case officers of Teknik and of Socialförvaltningen, an outsider, an admin."""

    def user(username, *, department_name=None, agent=False, superuser=False):
        person = django_user_model.objects.create_user(
            username=f"test-{username}", password="x", is_superuser=superuser, first_name=username.title()
        )
        person.user_permissions.add(Permission.objects.get(codename="access_admin"))
        if agent:
            person.user_permissions.add(Permission.objects.get(codename="work_queue"))
        if department_name:
            group, _ = Group.objects.get_or_create(name=f"Test {department_name}")
            DepartmentGroup.objects.get_or_create(
                group=group, defaults={"department": department(department_name)}
            )
            person.groups.add(group)
        return person

    return {
        "agent": user("agent", agent=True),
        "teknik": user("teknik", department_name="Teknik"),
        "social": user("social", department_name="Socialförvaltningen"),
        "outsider": user("outsider"),
        "admin": user("admin", superuser=True),
    }


@pytest.fixture
def cases(staff):
    """A street-light report (Teknik) and a social-services case logged by the agent (confidential)."""
    lamp, _ = open_case(
        NewCase(title="Gatlampa släckt", service_area=area(4), contact_email="tolvan@example.com")
    )
    social, _ = open_case(
        NewCase(title="Ekonomiskt bistånd", service_area=area(2), opened_by=staff["agent"], channel="phone")
    )
    return {"lamp": lamp, "social": social}


@pytest.fixture
def signed_in(client, staff):
    """``signed_in("agent")``: the test client, signed in as that member of ``staff``."""

    def sign_in(role):
        client.force_login(staff[role])
        return client

    return sign_in


@pytest.fixture
def answered_case():
    """A fault report with the labelled snapshot an e-service leaves, including an address answer."""
    snapshot = {
        "version": "felanmalan@1",
        "title": "Felanmälan",
        "steps": [
            {
                "name": "fel",
                "title": "Vad är fel?",
                "fields": [
                    {"name": "kind", "label": "Typ av fel", "type": "ChoiceField", "display": "Gatlampa"},
                    {
                        "name": "description",
                        "label": "Beskriv felet",
                        "type": "CharField",
                        "display": "Släckt",
                    },
                ],
            },
            {
                "name": "kontakt",
                "title": "Dina uppgifter",
                "fields": [
                    {
                        "name": "postal_address",
                        "label": "Postadress",
                        "type": "CharField",
                        "display": "Storgatan 1",
                    },
                ],
            },
        ],
    }
    case, _ = open_case(
        NewCase(
            title="Lampa vid skolan",
            eservice="felanmalan",
            service_area=area(4),
            form_snapshot=snapshot,
            answers={"fel": {"kind": "lamp"}},
            contact_name="Tolvan Tolvansson",
        )
    )
    return case


# --- A mail server that fails on demand, for the e-mail tasks' retries -----------------------------

FAILURES = {"left": 0}


class FlakyBackend(EmailBackend):
    """Fails as long as FAILURES["left"] > 0, then delivers to the locmem outbox."""

    def send_messages(self, messages):
        if FAILURES["left"] > 0:
            FAILURES["left"] -= 1
            raise smtplib.SMTPServerDisconnected("mail server went away")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    """Tasks in the database backend (run by a worker in the test) and the flaky mail server."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.contactcentre.conftest.FlakyBackend"
    FAILURES["left"] = 0
    yield FAILURES
    FAILURES["left"] = 0
