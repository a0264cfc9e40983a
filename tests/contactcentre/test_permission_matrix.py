"""The permission matrix: each role × each department's case × every way in.

Listing, search, export, case page, each action, bulk assign, the citizen API (which
needs the secret token whoever asks) and Wagtail's site history.
"""

from django.urls import reverse

import pytest

from contactcentre import access

pytestmark = pytest.mark.django_db

# role → (sees the Teknik street-light case, sees the confidential social-services case)
MATRIX = {
    "agent": (True, False),
    "teknik": (True, False),
    "social": (False, True),
    "outsider": (False, False),
    "admin": (True, True),
}
ACTION_URLS = {
    "claim": ("ta", {}),
    "note": ("anteckning", {"note-text": "Matris"}),
    "reply": ("svar", {"reply-text": "Matris"}),
    "status": ("status", {"status-status": "in_progress"}),
    # "Visa": the personnummer in clear, recorded on the case (only where the case may be seen).
    "reveal": ("visa-personnummer", {}),
}


@pytest.fixture
def as_role(client, staff):
    def login(role):
        client.force_login(staff[role])
        return client

    return login


@pytest.mark.parametrize("role", MATRIX)
def test_listing_search_and_export(as_role, cases, role):
    sees_lamp, sees_social = MATRIX[role]
    client = as_role(role)
    listing = client.get(reverse("contactcentre_admin:index"))
    if not (sees_lamp or sees_social):
        assert listing.status_code in (302, 403)
        assert client.get(reverse("contactcentre_admin:export")).status_code in (302, 403)
        return
    html = listing.content.decode()
    assert (cases["lamp"].reference in html) is sees_lamp
    # The agent who logged the social case sees its reference only in the handed-over list.
    assert (f"/admin/arenden/{cases['social'].pk}/" in html) is sees_social
    for case_name, visible in (("lamp", sees_lamp), ("social", sees_social)):
        found = client.get(
            reverse("contactcentre_admin:index"), {"q": cases[case_name].reference}
        ).content.decode()
        assert (f"/admin/arenden/{cases[case_name].pk}/" in found) is visible
    export = client.get(reverse("contactcentre_admin:export")).getvalue().decode("utf-8-sig")
    assert (cases["lamp"].reference in export) is sees_lamp
    assert (cases["social"].reference in export) is sees_social
    assert "tolvan@example.com" not in export  # no personal data leaves in an export


@pytest.mark.parametrize("role", MATRIX)
@pytest.mark.parametrize("case_name", ["lamp", "social"])
def test_case_page_and_actions(as_role, cases, role, case_name):
    visible = MATRIX[role][0 if case_name == "lamp" else 1]
    client = as_role(role)
    case = cases[case_name]
    page = client.get(reverse("contactcentre_admin:detail", args=[case.pk]))
    if role == "outsider":
        assert page.status_code in (302, 403, 404)
    else:
        assert page.status_code == (200 if visible else 404)
    for _name, (path, data) in ACTION_URLS.items():
        before = case.events.count()
        response = client.post(f"/admin/arenden/{case.pk}/{path}/", data)
        if not visible:
            assert response.status_code in (302, 403, 404)
            assert case.events.count() == before, f"{role} changed {case_name} through {path}"


@pytest.mark.parametrize("role", ["agent", "teknik", "social"])
def test_bulk_assign_only_touches_visible_cases(as_role, staff, cases, role):
    client = as_role(role)
    url = "/admin/bulk/contactcentre/case/assign/"
    ids = [cases["lamp"].pk, cases["social"].pk]
    client.post(f"{url}?" + "&".join(f"id={pk}" for pk in ids), {"assignee": staff["admin"].pk})
    for name, case in cases.items():
        case.refresh_from_db()
        assigned = case.assignee_id == staff["admin"].pk
        assert assigned is access.can_view(staff[role], case), f"{role}, {name}"


@pytest.mark.parametrize("role", ["agent", "teknik", "social"])
def test_bulk_status_only_touches_visible_cases(as_role, staff, cases, role):
    client = as_role(role)
    url = "/admin/bulk/contactcentre/case/status/"
    ids = [cases["lamp"].pk, cases["social"].pk]
    client.post(f"{url}?" + "&".join(f"id={pk}" for pk in ids), {"status": "closed"})
    for name, case in cases.items():
        case.refresh_from_db()
        assert (case.status == "closed") is access.can_view(staff[role], case), f"{role}, {name}"


def test_the_citizen_api_needs_the_token_whoever_asks(as_role, cases):
    client = as_role("admin")
    case = cases["lamp"]
    assert client.get(f"/api/v1/cases/{case.reference}").status_code == 404
    token = case.status_token()
    assert client.get(f"/api/v1/cases/{case.reference}", headers={"X-Status-Token": token}).status_code == 200


def test_site_history_never_lists_cases(as_role, staff, cases):
    from contactcentre import actions

    actions.claim(staff["agent"], cases["lamp"])
    actions.reply(staff["agent"], cases["lamp"], "Svar")
    html = as_role("teknik").get("/admin/reports/site-history/").content.decode()
    assert cases["lamp"].reference not in html
    assert cases["lamp"].title not in html
