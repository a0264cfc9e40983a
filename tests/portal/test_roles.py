"""``manage.py setup_roles``: the staff groups production needs, not only the demo's.

A fresh database (migrated, nothing else) gets the groups with exactly their permissions; a
second run changes nothing; a person given only one of its groups can do what the README says.
"""

import json
import shutil

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page

import pytest

from contactcentre.models import Case, DepartmentGroup
from pages.models import Department
from portal import roles
from tests.conftest import run_manage

DUMP = """
import json
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission
print(json.dumps({
    group.name: {
        "model": sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()),
        "pages": sorted(
            f"{p.page.depth}:{p.permission.codename}" for p in GroupPagePermission.objects.filter(group=group)
        ),
        "collections": sorted(
            f"{p.collection.depth}:{p.permission.codename}"
            for p in GroupCollectionPermission.objects.filter(group=group)
        ),
    }
    for group in Group.objects.all()
}))
"""


SETUP_TWICE = f"""
import io, json
from django.core.management import call_command
outputs, dumps = [], []
for _ in range(2):
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    outputs.append(out.getvalue())
    exec({DUMP!r}.replace("print(", "dumps.append(", 1))
print(json.dumps({{"outputs": outputs, "dumps": [json.loads(dump) for dump in dumps]}}))
"""


@pytest.fixture(scope="module")
def fresh_database(migrated_sqlite, tmp_path_factory):
    """A database with the migrations only, and setup_roles run once and then again (one process)."""
    database = tmp_path_factory.mktemp("roles") / "fresh.sqlite3"
    shutil.copyfile(migrated_sqlite, database)
    found = json.loads(
        run_manage(database, "shell", "--no-imports", "-c", SETUP_TWICE).strip().splitlines()[-1]
    )
    first, second = found["dumps"]
    return {"first": first, "second": second, "outputs": tuple(found["outputs"])}


def test_a_fresh_database_gets_the_groups_with_exactly_their_permissions(fresh_database):
    groups = fresh_database["first"]
    assert set(groups) == {"Editors", "Moderators", "Kontaktcenter", "Kontaktcenterchef"}
    assert groups["Kontaktcenter"] == {
        "model": [
            "contactcentre.add_cannedreply",
            "contactcentre.change_cannedreply",
            "contactcentre.work_queue",
            "wagtailadmin.access_admin",
        ],
        "pages": [],
        "collections": [],
    }
    assert groups["Kontaktcenterchef"]["model"] == [
        "contactcentre.add_servicelevel",
        "contactcentre.change_contactcentresettings",
        "contactcentre.change_servicelevel",
        "contactcentre.export_registerutdrag",
        "contactcentre.view_statistics",
        "wagtailadmin.access_admin",
    ]
    editors = groups["Editors"]
    assert editors["model"] == sorted(roles.EDITORS.permissions)
    for expected in (
        "pages.add_faq",
        "pages.change_openinghours",
        "pages.add_blankett",
        "wagtaildocs.add_document",
    ):
        assert expected in editors["model"]
    assert "contactcentre.work_queue" not in editors["model"]
    # Pages everywhere (the root page has depth 1), images and documents in every collection.
    assert editors["pages"] == ["1:add_page", "1:change_page"]
    assert "1:publish_page" in groups["Moderators"]["pages"]
    assert editors["collections"] == sorted(
        f"1:{codename}" for codename in roles.EDITORS.collection_permissions
    )


def test_running_setup_roles_twice_changes_nothing(fresh_database):
    assert fresh_database["second"] == fresh_database["first"]
    first_output, second_output = fresh_database["outputs"]
    assert "changes" in first_output
    assert "no changes" in second_output


# --- The groups in use: the test database is the demo's, whose seed_demo runs setup_roles ----


@pytest.mark.django_db
def test_every_department_gets_a_case_officers_group():
    sv = Locale.objects.get(language_code="sv")
    department = Department.objects.create(name="Överförmyndarförvaltningen", locale=sv)
    call_command("setup_roles", verbosity=0)
    link = DepartmentGroup.objects.get(department=department)
    assert link.group.name == "Handläggare Överförmyndarförvaltningen"
    assert [p.codename for p in link.group.permissions.all()] == ["access_admin"]
    call_command("setup_roles", verbosity=0)
    assert DepartmentGroup.objects.filter(department=department).count() == 1


def person(username, *group_names):
    user = get_user_model().objects.create_user(username=f"role-{username}", password="x")
    user.groups.set(Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names)
    return user


def status(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


@pytest.mark.django_db
def test_an_editor_edits_pages_faq_blanketter_opening_hours_and_canned_replies(client):
    editor = person("editor", "Editors")
    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    assert status(client, editor, reverse("wagtailadmin_pages:edit", args=[home.pk])) == 200
    for model in ("pages/faq", "pages/blankett", "pages/openinghours", "contactcentre/cannedreply"):
        assert status(client, editor, f"/admin/snippets/{model}/add/") == 200, model
    assert status(client, editor, reverse("contactcentre_admin:index")) != 200


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_an_agent_works_the_queue_and_logs_contacts(client):
    agent = person("agent", "Kontaktcenter")
    open_case = Case.objects.filter(confidential=False).first()
    assert status(client, agent, reverse("contactcentre_admin:index")) == 200
    assert status(client, agent, reverse("contactcentre_admin:detail", args=[open_case.pk])) == 200
    assert status(client, agent, reverse("contactcentre_admin:add")) == 200
    assert status(client, agent, reverse("contactcentre_statistics:index")) != 200


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_a_case_officer_works_the_cases_of_their_department(client):
    teknik = Department.objects.get(name="Teknik", locale__language_code="sv")
    officer = person("teknik", DepartmentGroup.objects.get(department=teknik).group.name)
    case = Case.objects.filter(department=teknik).first()
    elsewhere = Case.objects.exclude(department=teknik).filter(confidential=True).first()
    assert status(client, officer, reverse("contactcentre_admin:index")) == 200
    assert status(client, officer, reverse("contactcentre_admin:detail", args=[case.pk])) == 200
    assert status(client, officer, reverse("contactcentre_admin:detail", args=[elsewhere.pk])) == 404


@pytest.mark.django_db
def test_a_manager_follows_statistics_and_sets_service_levels(client):
    manager = person("chef", "Kontaktcenter", "Kontaktcenterchef")
    assert status(client, manager, reverse("contactcentre_statistics:index")) == 200
    assert status(client, manager, "/admin/snippets/contactcentre/servicelevel/") == 200
    assert status(client, manager, reverse("contactcentre_admin:index")) == 200
