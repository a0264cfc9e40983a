"""Content flags: an agent flags a page or FAQ from a case; its editor hears of it and reviews it."""

import datetime as dt
from unittest import mock

from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from contactcentre import content_flags
from contactcentre.models import Tally
from contactcentre.services import NewCase, open_case
from core import retries
from pages import review
from pages.models import FAQ, ContentFlag, InformationPage, MunicipalitySettings, ServicePage
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

CITIZEN_NAME = "Tolvan Tolvansson"
CITIZEN_EMAIL = "tolvan@example.com"
WEB_EDITORS = "webbredaktionen@exempelkommun.example"
REVIEW_URL = "/admin/innehall-att-se-over/"


@pytest.fixture
def editor(django_user_model):
    """An editor (Wagtail's Editors group: pages, and FAQ through the demo's permissions)."""
    person = django_user_model.objects.create_user(
        "test-redaktor", email="redaktor.test@exempelkommun.example", password="x", first_name="Rut"
    )
    person.groups.add(Group.objects.get(name="Editors"))
    return person


@pytest.fixture
def page(editor):
    """The live Bygglov page, with ``editor`` responsible for it."""
    bygglov = ServicePage.objects.live().get(slug="bygglov", locale__language_code="sv")
    ServicePage.objects.filter(pk=bygglov.pk).update(responsible_editor=editor)
    bygglov.refresh_from_db()
    return bygglov


@pytest.fixture
def faq():
    """An FAQ nobody is responsible for: its flags go to the web editors' address."""
    altan = FAQ.objects.get(question="Behöver jag bygglov för en altan?", locale__language_code="sv")
    FAQ.objects.filter(pk=altan.pk).update(responsible_editor=None)
    altan.refresh_from_db()
    return altan


@pytest.fixture
def case():
    """A case with the citizen's name and e-mail, which must never reach the editor."""
    made, _ = open_case(
        NewCase(
            title="Fråga om altan",
            service_area=area(4),
            contact_name=CITIZEN_NAME,
            contact_email=CITIZEN_EMAIL,
        )
    )
    mail.outbox.clear()  # the citizen's receipt
    return made


def other_case():
    made, _ = open_case(NewCase(title="Ännu en fråga om bygglov", service_area=area(4)))
    mail.outbox.clear()
    return made


def flag_url(case):
    return reverse("contactcentre_admin:flag", args=[case.pk])


def post_flag(client, case, **fields):
    data = {"flag-reason": "outdated", "flag-comment": "Handläggningstiden är ändrad."}
    data.update({f"flag-{name}": value for name, value in fields.items()})
    return client.post(flag_url(case), data)


# --- Flagging from a case ------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_flag_from_a_case_reaches_the_responsible_editor_by_email(signed_in, staff, case, page, editor):
    client = signed_in("agent")
    response = post_flag(client, case, page=page.pk, comment="Avgiften på sidan gäller 2025.")

    assert response.status_code == 302
    assert response["Location"].endswith(
        reverse("contactcentre_admin:detail", args=[case.pk]) + "#flags-heading"
    )
    flag = content_flags.flags_from_case(case).get()
    assert (flag.page_id, flag.faq_id, flag.reason) == (page.pk, None, "outdated")
    assert flag.flagged_by == staff["agent"] and flag.handled_at is None

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert message.subject == "Sida flaggad (Inaktuell): Bygglov"
    body = message.body
    assert "Sida: Bygglov" in body
    assert "Anledning: Inaktuell" in body
    assert "Avgiften på sidan gäller 2025." in body
    assert f"Flaggad från ärende {case.reference}." in body
    assert "Den har 1 öppen flaggning." in body
    assert "De kommer från 1 ärende." in body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in body
    assert "http://testserver" + REVIEW_URL in body
    # The reference only: nothing that identifies the citizen.
    assert CITIZEN_NAME not in body and CITIZEN_EMAIL not in body and CITIZEN_NAME not in message.subject


@pytest.mark.usefixtures("demo")
def test_the_email_counts_open_flags_and_the_distinct_cases_behind_them(signed_in, case, page):
    client = signed_in("agent")
    second = other_case()
    post_flag(client, case, page=page.pk)
    post_flag(client, second, page=page.pk, reason="wrong")
    post_flag(client, second, page=page.pk, reason="unclear")

    assert len(mail.outbox) == 3
    last = mail.outbox[-1].body
    assert "Den har 3 öppna flaggningar." in last
    assert "De kommer från 2 ärenden." in last
    assert "Anledning: Svår att förstå" in last
    assert review.item_counts(page=page) == review.ItemCounts(open_flags=3, flagging_cases=2)


@pytest.mark.usefixtures("demo")
def test_an_faq_without_an_editor_goes_to_the_web_editors_with_its_use(signed_in, staff, case, faq):
    settings_row = MunicipalitySettings.load()
    settings_row.web_editor_email = WEB_EDITORS
    settings_row.save()
    # Used in the last 90 days: one more resolved case and two tallies; an old tally does not count.
    before = review.item_counts(faq=faq)  # the demo's own use of it
    resolved, _ = open_case(NewCase(title="Altan", service_area=area(4)))
    resolved.resolved_faq = faq
    resolved.resolved_at = timezone.now() - dt.timedelta(days=3)
    resolved.save()
    Tally.objects.create(agent=staff["agent"], faq=faq)
    Tally.objects.create(agent=staff["agent"], faq=faq, created_at=timezone.now() - dt.timedelta(days=10))
    Tally.objects.create(agent=staff["agent"], faq=faq, created_at=timezone.now() - dt.timedelta(days=100))
    mail.outbox.clear()

    response = post_flag(signed_in("agent"), case, faq=faq.pk, reason="wrong", comment="Gränsen är 1,8 m.")

    assert response.status_code == 302
    assert content_flags.flags_from_case(case).filter(faq=faq).count() == 1
    assert [message.to for message in mail.outbox] == [[WEB_EDITORS]]
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Vanlig fråga flaggad (Fel): Behöver jag bygglov för en altan?"
    assert "Vanlig fråga: Behöver jag bygglov för en altan?" in body
    cases, tallies = before.faq_cases + 1, before.faq_tallies + 2
    assert "Användning de senaste 90 dagarna:\n" in body
    assert f"- ärenden som lösts med den: {cases}\n" in body
    assert f"- räknade kontakter som använt den: {tallies}\n" in body
    assert f"http://testserver/admin/snippets/pages/faq/edit/{faq.pk}/" in body
    assert CITIZEN_NAME not in body and CITIZEN_EMAIL not in body
    assert review.item_counts(faq=faq) == review.ItemCounts(1, 1, faq_cases=cases, faq_tallies=tallies)


@pytest.mark.usefixtures("demo")
def test_an_inactive_responsible_editor_is_passed_over_for_the_web_editors(case, page, editor, staff):
    editor.is_active = False
    editor.save()
    MunicipalitySettings.objects.update(web_editor_email=WEB_EDITORS)
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    assert [message.to for message in mail.outbox] == [[WEB_EDITORS]]


@pytest.mark.usefixtures("demo")
def test_with_nobody_to_tell_the_flag_is_only_in_the_list(signed_in, case, faq):
    MunicipalitySettings.objects.update(web_editor_email="")
    client = signed_in("agent")
    response = post_flag(client, case, faq=faq.pk)
    assert response.status_code == 302
    assert content_flags.flags_from_case(case).filter(faq=faq).exists()
    assert mail.outbox == []
    page = client.get(response["Location"])
    assert "Det finns ingen redaktör att mejla" in page.content.decode()


@pytest.mark.parametrize("role", ["outsider", "social"])
@pytest.mark.usefixtures("demo")
def test_someone_who_may_not_see_the_case_cannot_flag_from_it(signed_in, staff, cases, page, role):
    case = cases["lamp"]  # Teknik's, not confidential: the outsider and Socialförvaltningen may not see it
    mail.outbox.clear()
    response = post_flag(signed_in(role), case, page=page.pk)
    assert response.status_code == 404
    assert not content_flags.flags_from_case(case).exists()
    with pytest.raises(PermissionDenied):
        content_flags.flag_from_case(staff[role], case, page=page, reason="outdated", comment="x")
    assert not content_flags.flags_from_case(case).exists()
    assert mail.outbox == []


@pytest.mark.usefixtures("demo")
def test_an_agent_cannot_flag_from_a_confidential_case_they_only_logged(signed_in, cases, page):
    social = cases["social"]  # logged by the agent, gone straight to Socialförvaltningen
    response = post_flag(signed_in("agent"), social, page=page.pk)
    assert response.status_code == 404
    assert not content_flags.flags_from_case(social).exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({}, "Välj sidan eller frågan som är inaktuell eller fel."),
        ({"both": True}, "Välj en sida eller en fråga, inte båda: flagga dem en i taget."),
        ({"page": True, "comment": ""}, "Det här fältet är obligatoriskt"),
        ({"page": True, "reason": "tycker-illa-om"}, "Välj ett giltigt alternativ."),
    ],
)
@pytest.mark.usefixtures("demo")
def test_an_invalid_flag_shows_the_case_page_with_the_error_and_creates_nothing(
    signed_in, case, page, faq, fields, error
):
    data = {}
    if fields.pop("both", False):
        data.update(page=page.pk, faq=faq.pk)
    if fields.pop("page", False):
        data["page"] = page.pk
    data.update(fields)
    response = post_flag(signed_in("agent"), case, comment=data.pop("comment", "Fel avgift."), **data)

    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert "Ingenting flaggades: kontrollera formuläret." in html
    assert case.reference in html  # the case page itself, the comment kept in the form
    assert not content_flags.flags_from_case(case).exists()
    assert mail.outbox == []


@pytest.mark.usefixtures("demo")
def test_flag_content_refuses_neither_or_both_items(staff, case, page, faq):
    from django.core.exceptions import ValidationError

    for items in ({}, {"page": page, "faq": faq}):
        with pytest.raises(ValidationError):
            content_flags.flag_from_case(staff["agent"], case, reason="outdated", comment="x", **items)
    assert not content_flags.flags_from_case(case).exists()


@pytest.mark.usefixtures("demo")
def test_the_case_page_has_the_form_and_lists_its_flags(signed_in, staff, case, page, faq):
    content_flags.flag_from_case(staff["agent"], case, faq=faq, reason="unclear", comment="Otydligt om tak.")
    response = signed_in("agent").get(reverse("contactcentre_admin:detail", args=[case.pk]))
    html = response.content.decode()
    assert "Flagga en sida eller vanlig fråga som inaktuell eller fel" in html
    assert f'action="{flag_url(case)}"' in html
    assert f'<option value="{page.pk}">Bygglov</option>' in html
    assert "Flaggat från det här ärendet" in html
    assert "Otydligt om tak." in html
    assert [flag.faq for flag in response.context["case_flags"]] == [faq]


@pytest.mark.usefixtures("demo")
def test_flag_and_email_task_commit_together(settings, staff, case, page):
    """With the database task backend the task row is written with the flag; a failure leaves neither."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    flag = content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    queued = DBTaskResult.objects.get(task_path="pages.review.send_content_flag_email")
    assert queued.args_kwargs["args"] == [flag.pk]
    assert mail.outbox == []  # sent by the worker, not in the request

    with (
        mock.patch.object(DatabaseBackend, "enqueue", side_effect=RuntimeError("queue down")),
        pytest.raises(RuntimeError),
    ):
        content_flags.flag_from_case(staff["agent"], case, page=page, reason="wrong", comment="y")
    assert content_flags.flags_from_case(case).count() == 1


# --- The e-mail's retries (the flaky mail server is in conftest.py) -----------------------------------


@pytest.mark.usefixtures("demo")
def test_the_email_is_retried_with_back_off_and_the_flag_survives(flaky_mail, staff, case, page, editor):
    flag = content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    DBTaskResult.objects.all().delete()  # the first attempt is run by hand below
    flaky_mail["left"] = 1

    assert review.send_content_flag_email.call(flag.pk, 1) == "retry"
    retry = DBTaskResult.objects.get(task_path="pages.review.send_content_flag_email", status="READY")
    assert retry.args_kwargs["args"] == [flag.pk, 2]
    assert retry.run_after > timezone.now() + dt.timedelta(seconds=30)
    assert ContentFlag.objects.filter(pk=flag.pk, handled_at__isnull=True).exists()
    assert mail.outbox == []

    assert review.send_content_flag_email.call(flag.pk, 2) == "sent"
    assert [message.to for message in mail.outbox] == [[editor.email]]


@pytest.mark.usefixtures("demo")
def test_after_the_last_attempt_it_gives_up_and_the_flag_stays_open(flaky_mail, staff, case, page):
    flag = content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    DBTaskResult.objects.all().delete()
    flaky_mail["left"] = 100
    assert review.send_content_flag_email.call(flag.pk, retries.MAX_ATTEMPTS) == "gave up"
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert ContentFlag.objects.filter(pk=flag.pk, handled_at__isnull=True).exists()
    assert review.flagged_items()[0].pk == page.pk


# --- The editors' list ---------------------------------------------------------------------------------


def item(response, kind, pk):
    found = [entry for entry in response.context["items"] if entry.kind == kind and entry.pk == pk]
    return found[0] if found else None


@pytest.mark.usefixtures("demo")
def test_the_editors_list_shows_each_item_with_its_counts(client, editor, staff, case, page, faq):
    second = other_case()
    before = review.item_counts(faq=faq)
    faq_case, _ = open_case(NewCase(title="Altan igen", service_area=area(4)))
    faq_case.resolved_faq, faq_case.resolved_at = faq, timezone.now()
    faq_case.save()
    Tally.objects.create(agent=staff["agent"], faq=faq)
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="Gammal taxa.")
    content_flags.flag_from_case(
        staff["agent"], second, page=page, reason="wrong", comment="Fel telefonnummer."
    )
    content_flags.flag_from_case(staff["agent"], second, faq=faq, reason="unclear", comment="Otydligt.")

    client.force_login(editor)
    response = client.get(REVIEW_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Innehåll att se över" in html

    on_page = item(response, "page", page.pk)
    assert (on_page.open_flags, on_page.flagging_cases, on_page.editor) == (2, 2, editor)
    assert (on_page.latest_reason_label, on_page.latest_comment) == ("Fel", "Fel telefonnummer.")
    assert on_page.faq_cases is None
    on_faq = item(response, "faq", faq.pk)
    cases, tallies = before.faq_cases + 1, before.faq_tallies + 1
    assert (on_faq.open_flags, on_faq.flagging_cases, on_faq.faq_cases, on_faq.faq_tallies) == (
        1,
        1,
        cases,
        tallies,
    )
    assert on_faq.editor is None
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert f'href="/admin/snippets/pages/faq/edit/{faq.pk}/"' in html
    assert f"Ärenden: {cases}, räknade kontakter: {tallies}" in html
    assert "Ingen: webbredaktionen" in html
    assert '<th scope="col">Öppna flaggningar</th>' in html
    # The demo's own flags (other pages and FAQ) are listed under "all".
    assert len(response.context["items"]) > 2


@pytest.mark.usefixtures("demo")
def test_mine_shows_only_the_editors_own_content(client, editor, staff, case, page, faq):
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    content_flags.flag_from_case(staff["agent"], case, faq=faq, reason="outdated", comment="y")
    client.force_login(editor)
    response = client.get(REVIEW_URL, {"visa": "mina"})
    assert [(entry.kind, entry.pk) for entry in response.context["items"]] == [("page", page.pk)]
    assert 'aria-current="page">Mitt innehåll' in response.content.decode()


@pytest.mark.usefixtures("demo")
def test_mark_as_handled_removes_the_item_from_the_open_list(client, editor, staff, case, page, faq):
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    content_flags.flag_from_case(staff["agent"], other_case(), page=page, reason="wrong", comment="y")
    content_flags.flag_from_case(staff["agent"], case, faq=faq, reason="wrong", comment="z")
    client.force_login(editor)

    response = client.post(reverse("content_review:handled"), {"kind": "page", "pk": page.pk, "visa": "mina"})

    assert response.status_code == 302 and response["Location"] == REVIEW_URL + "?visa=mina"
    handled = ContentFlag.objects.filter(page=page)
    assert handled.count() == 2 and not handled.filter(handled_at__isnull=True).exists()
    assert set(handled.values_list("handled_by", flat=True)) == {editor.pk}
    listing = client.get(REVIEW_URL)
    assert item(listing, "page", page.pk) is None
    assert item(listing, "faq", faq.pk) is not None  # only the page's flags were marked
    assert "”Bygglov”: 2 flaggningar markerade som hanterade." in listing.content.decode()
    # A new flag starts the counts again.
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="Igen.")
    assert review.item_counts(page=page) == review.ItemCounts(open_flags=1, flagging_cases=1)


@pytest.mark.usefixtures("demo")
def test_mark_handled_one_flag_and_refuse_non_editors(editor, staff, case, page):
    first = content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="wrong", comment="y")
    with pytest.raises(PermissionDenied):
        review.mark_handled(staff["agent"], first)
    assert review.mark_handled(editor, first) == 1
    assert review.mark_handled(editor, first) == 0  # already handled
    assert review.item_counts(page=page).open_flags == 1


@pytest.mark.usefixtures("demo")
def test_an_agent_cannot_mark_flags_handled(signed_in, staff, case, page):
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    response = signed_in("agent").post(reverse("content_review:handled"), {"kind": "page", "pk": page.pk})
    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect with a message
    assert response.get("Location") != REVIEW_URL
    assert ContentFlag.objects.filter(page=page, handled_at__isnull=True).count() == 1


@pytest.mark.usefixtures("demo")
def test_marking_an_unknown_item_changes_nothing(client, editor, staff, case, page):
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    client.force_login(editor)
    response = client.post(reverse("content_review:handled"), {"kind": "case", "pk": case.pk})
    assert response.status_code == 302
    assert client.post(reverse("content_review:handled"), {"kind": "faq", "pk": 0}).status_code == 404
    assert ContentFlag.objects.filter(page=page, handled_at__isnull=True).count() == 1


# --- Pages past their review date ----------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_pages_past_their_review_date_are_listed_mine_first(client, editor, page, django_user_model):
    today = timezone.localdate()
    other = django_user_model.objects.create_user("test-annan-redaktor", password="x")
    ServicePage.objects.filter(review_by__lt=today).update(review_by=today + dt.timedelta(days=30))
    InformationPage.objects.filter(review_by__lt=today).update(review_by=today + dt.timedelta(days=30))
    from pages.models import PrivacyNoticePage

    PrivacyNoticePage.objects.update(review_by=today + dt.timedelta(days=30))
    ServicePage.objects.filter(pk=page.pk).update(review_by=today - dt.timedelta(days=3))
    long_overdue = ServicePage.objects.live().get(slug="bibliotek", locale__language_code="sv")
    ServicePage.objects.filter(pk=long_overdue.pk).update(
        review_by=today - dt.timedelta(days=40), responsible_editor=other
    )
    not_due = ServicePage.objects.live().get(slug="skolskjuts", locale__language_code="sv")
    ServicePage.objects.filter(pk=not_due.pk).update(review_by=today, responsible_editor=editor)
    draft = ServicePage.objects.live().get(slug="lokalbokning", locale__language_code="sv")
    ServicePage.objects.filter(pk=draft.pk).update(review_by=today - dt.timedelta(days=9), live=False)

    client.force_login(editor)
    response = client.get(REVIEW_URL)
    overdue = [(entry.page.pk, entry.days_overdue) for entry in response.context["overdue"]]
    assert overdue == [(page.pk, 3), (long_overdue.pk, 40)]  # the editor's own first, though newer
    html = response.content.decode()
    assert "Sidor som passerat sitt granskningsdatum" in html
    assert not_due.title not in html and draft.title not in html
    assert review.past_review_count() == 2
    assert review.past_review_count(editor=editor) == 1


@pytest.mark.usefixtures("demo")
def test_the_demo_has_a_few_pages_past_review_and_most_not():
    # The demo's review dates are fixed (2026); on the day the demo describes, a few pages are due.
    day = dt.date(2026, 11, 26)
    total = sum(
        model.objects.live().filter(review_by__isnull=False).count() for model in review.REVIEWED_PAGE_TYPES
    )
    past = review.past_review_count(today=day)
    # Translations keep their Swedish page's review date, so a due page is due in each language.
    swedish = sum(
        model.objects.live().filter(locale__language_code="sv", review_by__lt=day).count()
        for model in review.REVIEWED_PAGE_TYPES
    )
    assert 2 <= swedish <= 3 and swedish <= past < total / 5
    for model in review.REVIEWED_PAGE_TYPES:
        for reviewed in model.objects.live().filter(last_reviewed__isnull=False):
            assert reviewed.review_by in (
                reviewed.last_reviewed + dt.timedelta(days=365),
                reviewed.last_reviewed + dt.timedelta(days=90),
            )


@pytest.mark.usefixtures("demo")
def test_the_flagged_items_export_as_xlsx_and_csv_without_the_agents_comments(
    client, editor, staff, case, page
):
    from io import BytesIO

    from openpyxl import load_workbook

    content_flags.flag_from_case(
        staff["agent"], case, page=page, reason="wrong", comment="Tolvan säger att numret är fel."
    )
    client.force_login(editor)
    html = client.get(REVIEW_URL, {"visa": "mina"}).content.decode()
    assert "?visa=mina&amp;export=xlsx" in html and "?visa=mina&amp;export=csv" in html

    xlsx = client.get(REVIEW_URL, {"visa": "mina", "export": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="innehall-att-se-over.xlsx"'
    rows = list(load_workbook(BytesIO(xlsx.getvalue())).active.values)
    assert rows[0][:4] == ("Sida eller fråga", "Titel", "Ansvarig redaktör", "Öppna flaggningar")
    assert rows[1][:5] == ("Sida", page.title, editor.get_full_name() or editor.get_username(), 1, 1)
    assert len(rows) == 2  # "mine" holds for the export too
    csv = client.get(REVIEW_URL, {"export": "csv"}).getvalue().decode()
    assert page.title in csv
    for body in (repr(rows), csv):
        assert "Tolvan" not in body  # a comment may quote a citizen: it stays in the admin


@pytest.mark.usefixtures("demo")
def test_someone_who_may_not_review_cannot_export(signed_in, staff, case, page):
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="wrong", comment="x")
    response = signed_in("agent").get(REVIEW_URL, {"export": "csv"})
    assert response.status_code in (302, 403)


# --- Who sees the list, and the dashboard ---------------------------------------------------------------


def test_an_agent_without_edit_rights_cannot_open_the_list_nor_sees_it(signed_in):
    client = signed_in("agent")
    response = client.get(REVIEW_URL)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert REVIEW_URL not in response["Location"]
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REVIEW_URL not in home  # no menu item, no dashboard panel
    assert "Innehåll att se över" not in home


def test_the_demo_editor_and_a_superuser_may_review(django_user_model, staff):
    assert review.may_review_content(django_user_model.objects.get(username="editor"))
    assert review.may_review_content(staff["admin"])
    assert not review.may_review_content(django_user_model.objects.get(username="agent"))
    assert not review.may_review_content(staff["teknik"])


@pytest.mark.usefixtures("demo")
def test_the_dashboard_panel_shows_the_editors_counts(client, editor, staff, case, page, faq):
    today = timezone.localdate()
    content_flags.flag_from_case(staff["agent"], case, page=page, reason="outdated", comment="x")
    content_flags.flag_from_case(staff["agent"], other_case(), page=page, reason="wrong", comment="y")
    content_flags.flag_from_case(staff["agent"], case, faq=faq, reason="wrong", comment="z")
    ServicePage.objects.filter(pk=page.pk).update(review_by=today - dt.timedelta(days=1))

    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="contactcentre-content-review' in html
    assert "2 flaggningar på ditt innehåll" in html
    assert "1 av dina sidor har passerat sitt granskningsdatum." in html
    assert f"Allt innehåll: {review.open_flag_count()} öppna flaggningar" in html
    assert f'href="{REVIEW_URL}?visa=mina"' in html
    assert REVIEW_URL in html


def test_the_dashboard_panel_shows_zeros_to_an_editor_with_nothing(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "0 flaggningar på ditt innehåll" in html
    assert "0 av dina sidor har passerat sitt granskningsdatum." in html
