"""The statistics: each measure's arithmetic on known data, the page, its CSV and the dashboard panel.

Known data lives in 2025, well before the demo's 90 days, so the demo's cases and tallies
never mix in. The contact centre's working time is the demo's phone hours: Monday–Friday
08.00–16.45 (Friday 16.00; talsvar 1 and 2 to 19.00 on Thursdays, so Thursdays are avoided),
closed on public holidays and on the eves (Christmas Eve, New Year's Eve).
"""

import datetime as dt

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from contactcentre import actions, service_levels
from contactcentre.models import Case, ContactCentreSettings, ServiceLevel, Tally
from contactcentre.models.cases import Channel, Status
from contactcentre.services import NewCase, open_case
from contactcentre.statistics import charts, measures
from contactcentre.statistics.period import Period, last_month, last_quarter, slice_label
from pages.hours import STOCKHOLM
from pages.models import FAQ, FAQFeedback, SearchMiss
from tests.contactcentre.conftest import area, department

pytestmark = pytest.mark.django_db

URL = reverse("contactcentre_statistics:index")
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=STOCKHOLM)
DECEMBER = Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
NOVEMBER = Period(dt.date(2025, 11, 1), dt.date(2025, 11, 30))


def at(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def case_at(when, *, first_response=None, resolved=None, status=None, **new):
    """A case opened through ``open_case``, its clock then set as the demo sets it (bulk updates)."""
    new.setdefault("title", "Testärende")
    new.setdefault("service_area", area(9))
    case, _ = open_case(NewCase(**new))
    fields = {"received_at": when, "first_response_at": first_response, "resolved_at": resolved}
    if status:
        fields["status"] = status
    Case.objects.filter(pk=case.pk).update(**fields)
    service_levels.recompute_due_dates(Case.objects.filter(pk=case.pk))
    return Case.objects.get(pk=case.pk)


def tally_at(when, **fields):
    fields.setdefault("service_area", area(9))
    tally = Tally.objects.create(**fields)
    Tally.objects.filter(pk=tally.pk).update(created_at=when)
    return tally


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user(username="test-chef", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_statistics")
    )
    return user


# --- e-mails answered within one and two working days ---------------------------------------------


def test_working_day_ends_skip_the_eve_holidays_and_weekend(staff):
    # Tuesday 23 December 2025, 10.00: the day has begun, so its first whole working day is
    # Monday 29 December (24th an eve, 25th-26th holidays, 27th-28th a weekend).
    case = case_at(at(2025, 12, 23, 10), channel=Channel.EMAIL, opened_by=staff["agent"])
    assert case.working_day_1_ends == at(2025, 12, 29, 16, 45)
    assert case.working_day_2_ends == at(2025, 12, 30, 16, 45)


def test_an_email_after_closing_time_gets_tomorrow_as_its_first_day(staff):
    # Friday 19 December 2025, 17.30: after closing; the weekend does not count.
    case = case_at(at(2025, 12, 19, 17, 30), channel=Channel.EMAIL, opened_by=staff["agent"])
    assert case.working_day_1_ends == at(2025, 12, 22, 16, 45)
    assert case.working_day_2_ends == at(2025, 12, 23, 16, 45)


def test_an_email_before_opening_counts_its_own_day(staff):
    case = case_at(at(2025, 12, 8, 7, 0), channel=Channel.EMAIL, opened_by=staff["agent"])
    assert case.working_day_1_ends == at(2025, 12, 8, 16, 45)


def test_emails_answered_within_one_and_two_working_days(staff):
    agent = staff["agent"]
    # Answered six calendar days later, yet within one working day (Christmas).
    case_at(at(2025, 12, 23, 10), first_response=at(2025, 12, 29, 15), channel=Channel.EMAIL, opened_by=agent)
    # After closing on a Friday, answered Tuesday morning: not within one, within two.
    case_at(
        at(2025, 12, 19, 17, 30), first_response=at(2025, 12, 23, 9), channel=Channel.EMAIL, opened_by=agent
    )
    # Never answered: counts against both once the deadlines passed.
    case_at(at(2025, 12, 15, 9), channel=Channel.EMAIL, opened_by=agent)
    # Not an e-mail: not counted.
    case_at(
        at(2025, 12, 15, 9), first_response=at(2025, 12, 15, 9, 5), channel=Channel.PHONE, opened_by=agent
    )

    section = measures.email_section(DECEMBER, NOW)
    one, two = section.figures[0].value, section.figures[1].value
    assert (one.part, one.whole) == (1, 3)
    assert (two.part, two.whole) == (2, 3)
    assert section.figures[0].target == 90 and section.figures[0].met is False


def test_an_unanswered_email_within_its_first_day_is_left_out(staff):
    now = at(2025, 12, 8, 12)
    case_at(at(2025, 12, 8, 9), channel=Channel.EMAIL, opened_by=staff["agent"])
    section = measures.email_section(DECEMBER, now)
    assert section.figures[0].value.whole == 0
    assert str(section.figures[0].value) == "–"


# --- resolution at first contact -----------------------------------------------------------------


def test_first_contact_resolution_counts_tallies_and_the_contact_centres_cases(staff):
    agent = staff["agent"]
    day = at(2025, 11, 10, 10)
    for _ in range(3):
        tally_at(day, agent=agent, answered_directly=True)
    tally_at(day, agent=agent, answered_directly=False)
    # A tally that needed follow-up, and its case: one contact, not resolved at first contact.
    follow_up = case_at(day, channel=Channel.PHONE, opened_by=agent)
    tally_at(day, agent=agent, answered_directly=False, case=follow_up)
    # A phone call the agent logged and resolved at once.
    resolved = case_at(day, channel=Channel.PHONE, opened_by=agent)
    actions.resolve(agent, resolved, first_contact=True)
    # An e-mail the contact centre is still working on: not resolved at first contact.
    case_at(day, channel=Channel.EMAIL, opened_by=agent)
    # A web fault report that went straight to Teknik: reported separately.
    direct = case_at(day, service_area=area(4), channel=Channel.WEB)
    assert not direct.handled_by_contact_centre

    share = measures.first_contact_resolution(NOVEMBER)
    assert (share.part, share.whole) == (4, 7)  # 3 tallies + 1 case of 5 tallies + 2 cases

    section = measures.resolution_section(NOVEMBER, NOW)
    by_channel = {row.label: row.values for row in section.tables[0].rows}
    assert by_channel["Telefon"][:3] == [5, 1, 4]  # tallies (channel phone by default), cases, resolved
    assert by_channel["E-post"][:3] == [0, 1, 0]
    direct_rows = {row.label: row.values[:2] for row in section.tables[3].rows}
    assert direct_rows == {"Teknik": [1, 0]}
    assert section.figures[0].target == 70 and section.figures[0].met is False


def test_the_target_is_a_setting():
    settings = ContactCentreSettings.load()
    settings.first_contact_resolution_target = 50
    settings.save()
    section = measures.resolution_section(NOVEMBER, NOW)
    assert section.figures[0].target == 50


def test_a_case_that_was_forwarded_or_waited_cannot_be_marked_first_contact(staff):
    from django.core.exceptions import ValidationError

    agent = staff["agent"]
    forwarded = case_at(at(2025, 11, 10, 10), channel=Channel.PHONE, opened_by=agent)
    actions.forward(agent, forwarded, department("Teknik"))
    with pytest.raises(ValidationError):
        actions.resolve(agent, forwarded, first_contact=True)
    waited = case_at(at(2025, 11, 10, 10), channel=Channel.PHONE, opened_by=agent)
    actions.reply(agent, waited, "Kan du skicka en bild?", wait_for_citizen=True)
    with pytest.raises(ValidationError):
        actions.resolve(agent, waited, first_contact=True)
    actions.resolve(agent, waited, first_contact=False)  # resolving as such still works
    assert Case.objects.get(pk=waited.pk).status == Status.RESOLVED


def test_a_call_back_is_never_first_contact(staff):
    agent = staff["agent"]
    call_back = case_at(
        at(2025, 11, 10, 10), eservice="ring-upp-mig", channel=Channel.WEB, first_contact_possible=False
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.resolve(agent, call_back, first_contact=True)
    assert measures.first_contact_resolution(NOVEMBER).part == 0


# --- service levels -------------------------------------------------------------------------------


def test_service_levels_count_working_time_from_an_arrival_after_closing(staff):
    ServiceLevel.objects.filter(service_area__translation_key=area(9).translation_key).update(
        first_response_working_hours=8, resolution_working_days=5
    )
    agent = staff["agent"]
    # Monday 1 December 2025, 17.00, after closing: 8 working hours end Tuesday 16.00.
    in_time = case_at(
        at(2025, 12, 1, 17), first_response=at(2025, 12, 2, 15, 30), channel=Channel.EMAIL, opened_by=agent
    )
    assert in_time.first_response_due == at(2025, 12, 2, 16)
    assert in_time.first_response_working_seconds == int(7.5 * 3600)
    # Answered Wednesday: late.
    case_at(at(2025, 12, 1, 17), first_response=at(2025, 12, 3, 9), channel=Channel.EMAIL, opened_by=agent)
    # Resolved on the phone without a written reply, at once: its resolution is its first response.
    case_at(
        at(2025, 12, 2, 9),
        resolved=at(2025, 12, 2, 9, 10),
        status=Status.RESOLVED,
        channel=Channel.PHONE,
        opened_by=agent,
    )
    # No response, due date passed: counted as missed.
    case_at(at(2025, 12, 8, 9), channel=Channel.EMAIL, opened_by=agent)

    section = measures.service_level_section(DECEMBER, NOW)
    row = next(row for row in section.tables[0].rows if row.label == area(9).name)
    total, _hours, response, _average, _days, resolution, _resolution_average, overdue = row.values
    assert total == 4
    assert (response.part, response.whole) == (2, 4)
    assert (resolution.part, resolution.whole) == (1, 4)  # only the phone call was resolved
    assert overdue == 3
    assert row.flag == "Uppfyller inte servicenivån"
    assert area(9).name in section.figures[0].detail


def test_an_area_that_meets_its_levels_is_not_flagged(staff):
    agent = staff["agent"]
    case_at(
        at(2025, 12, 2, 9),
        first_response=at(2025, 12, 2, 9, 30),
        resolved=at(2025, 12, 2, 10),
        status=Status.RESOLVED,
        service_area=area(5),
        channel=Channel.PHONE,
        opened_by=agent,
    )
    section = measures.service_level_section(DECEMBER, NOW)
    row = next(row for row in section.tables[0].rows if row.label == area(5).name)
    assert row.flag == ""
    assert str(row.values[3]) == "0,5 h"


# --- backlog, volumes, synpunkter, FAQ, searches ---------------------------------------------------


def test_backlog_by_age_counts_open_cases_by_days_since_arrival(staff):
    Case.objects.all().delete()  # the demo's open cases would mix in (the test's transaction restores them)
    now = at(2026, 11, 26, 10)
    for days in (0, 2, 3, 10, 100):
        case_at(now - dt.timedelta(days=days), channel=Channel.PHONE, opened_by=staff["agent"])
    case_at(
        now - dt.timedelta(days=5), status=Status.RESOLVED, channel=Channel.PHONE, opened_by=staff["agent"]
    )
    rows = {row.label: row.values for row in measures.backlog_section(DECEMBER, now).tables[0].rows}
    assert rows["0–2 dagar"][0] == 2
    assert rows["3–7 dagar"][0] == 1
    assert rows["8–14 dagar"][0] == 1
    assert rows["91+ dagar"][0] == 1
    assert rows["Alla öppna ärenden"][0] == 5
    assert rows["91+ dagar"][1] == 1  # 100 days old: overdue


def test_cases_over_time_respect_the_local_day_boundaries(staff):
    period = Period(dt.date(2025, 12, 1), dt.date(2025, 12, 14))
    case_at(at(2025, 12, 14, 23, 30), channel=Channel.LETTER, opened_by=staff["agent"])  # included
    case_at(at(2025, 12, 15, 0, 10), channel=Channel.LETTER, opened_by=staff["agent"])  # the day after
    case_at(at(2025, 12, 1, 0, 5), channel=Channel.LETTER, opened_by=staff["agent"])
    table, labels = measures.counts_over_time(period, "channel", measures.channel_label, "k", "c", "h")
    assert period.slice == "day" and len(labels) == 14
    letters = next(row for row in table.rows if row.label == "Brev")
    assert letters.values[0] == 1 and letters.values[13] == 1 and letters.values[-1] == 2


def test_long_periods_are_sliced_in_weeks_and_months():
    assert Period(dt.date(2025, 1, 1), dt.date(2025, 3, 31)).slice == "week"
    year = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert year.slice == "month" and len(year.slices()) == 12
    assert slice_label(dt.date(2025, 3, 1), "month") == "2025-03"
    assert last_month(dt.date(2026, 1, 15)) == Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert last_quarter(dt.date(2026, 2, 1)) == Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31))


def test_synpunkter_per_committee_and_quarter(staff):
    period = Period(dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    for when, kind in (
        (at(2025, 8, 5, 10), "complaint"),
        (at(2025, 11, 5, 10), "complaint"),
        (at(2025, 11, 6, 10), "praise"),
    ):
        case_at(
            when,
            eservice="synpunkter-och-klagomal",
            service_area=area(3),
            answers={"synpunkt": {"kind": kind}},
            statistics_category=kind,
        )
    table = measures.synpunkter_section(period, NOW).tables[0]
    assert [column.label for column in table.columns[:2]] == ["K3 2025", "K4 2025"]
    committee = department("Utbildningsförvaltningen").committee.name
    row = next(row for row in table.rows if row.label == committee)
    # Q3, Q4, complaints, suggestions, praise, total
    assert row.values == [1, 2, 2, 0, 1, 3]


@pytest.mark.usefixtures("demo")
def test_faq_helpfulness_least_helpful_first_with_staff_use(staff):
    helpful, unhelpful = FAQ.objects.filter(locale__language_code="sv")[:2]
    given = [
        FAQFeedback.objects.create(faq=faq, helpful=value, language="sv").pk
        for faq, answers in ((helpful, [True, True, True]), (unhelpful, [False, False, True]))
        for value in answers
    ]
    FAQFeedback.objects.filter(pk__in=given).update(created_at=at(2025, 12, 3, 12))
    tally_at(at(2025, 12, 3, 10), agent=staff["agent"], faq=unhelpful)
    rows = measures.faq_section(DECEMBER, NOW).tables[0].rows
    assert rows[0].label == unhelpful.question
    assert rows[0].values[:2] == [1, 2] and rows[0].values[3] == 1
    assert rows[1].label == helpful.question and str(rows[1].values[2]) == "100\u00a0%"


def test_searches_that_found_nothing(staff):
    SearchMiss.objects.create(day=dt.date(2025, 12, 2), language="sv", query="båtplats", hits=3)
    SearchMiss.objects.create(day=dt.date(2025, 12, 9), language="sv", query="båtplats", hits=2)
    SearchMiss.objects.create(day=dt.date(2025, 11, 9), language="sv", query="tömning latrin", hits=9)
    section = measures.search_section(DECEMBER, NOW)
    assert [(row.label, row.values) for row in section.tables[0].rows] == [("båtplats", ["sv", 5])]


# --- the page, the CSV, the panel ------------------------------------------------------------------


def test_only_managers_see_the_statistics(client, staff, manager):
    client.force_login(staff["agent"])
    assert client.get(URL)["Location"] == reverse("wagtailadmin_home")  # Wagtail's "permission denied"
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Löst vid första kontakten" in html
    assert "Servicenivåer per verksamhetsområde" in html
    assert 'role="img"' in html and "<caption" in html


def test_the_default_period_is_last_month(client, manager):
    client.force_login(manager)
    response = client.get(URL)
    assert response.context["period"] == last_month(response.context["presets"][0][1].end)


def test_bad_dates_get_an_error_summary_and_keep_what_was_typed(client, manager):
    client.force_login(manager)
    response = client.get(URL, {"from": "2025-12-31", "to": "2025-12-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Det finns ett problem" in html
    assert 'href="#id_to"' in html
    assert "Slutdatumet får inte vara före startdatumet." in html
    assert 'value="2025-12-31"' in html
    assert response.context["sections"] == []
    response = client.get(URL, {"from": "inte ett datum", "to": "2025-12-01"})
    assert 'href="#id_from"' in response.content.decode()


def test_a_table_downloads_as_csv(client, staff, manager):
    case_at(at(2025, 12, 2, 9), channel=Channel.LETTER, opened_by=staff["agent"])
    client.force_login(manager)
    response = client.get(URL, {"from": "2025-12-01", "to": "2025-12-31", "csv": "cases-by-channel"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "statistik-cases-by-channel-20251201-20251231.csv" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Kanal;")
    assert "Brev;" in lines[1] and lines[1].endswith(";1")
    assert client.get(URL, {"from": "2025-12-01", "to": "2025-12-31", "csv": "nope"}).status_code == 404


def test_the_page_runs_a_fixed_number_of_queries(client, staff, manager, django_assert_max_num_queries):
    client.force_login(manager)
    query = {"from": "2025-12-01", "to": "2025-12-31"}
    client.get(URL, query)  # warm the settings and the session
    for day in range(1, 20):
        case_at(at(2025, 12, day, 10), channel=Channel.PHONE, opened_by=staff["agent"])
        tally_at(at(2025, 12, day, 10), agent=staff["agent"])
    with django_assert_max_num_queries(45):
        assert client.get(URL, query).status_code == 200


def test_the_panel_on_the_admin_home_page_is_for_managers(client, staff, manager):
    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hittills den här månaden" in html and URL in html
    client.force_login(staff["agent"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hittills den här månaden" not in html
    assert "statistik" not in html  # no menu item either
    assert client.get(URL).status_code == 302


# --- the demo's numbers say something ------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_the_demo_resolves_about_half_at_first_contact():
    from django.utils import timezone

    today = timezone.localdate()
    share = measures.first_contact_resolution(Period(today - dt.timedelta(days=89), today))
    assert share.whole > 1000
    assert 0.4 <= share.value <= 0.6


def test_the_manager_sets_the_targets_in_the_admin(client, django_user_model):
    url = reverse("wagtailsettings:edit", args=["contactcentre", "contactcentresettings"])
    client.force_login(django_user_model.objects.get(username="chef"))
    url = client.get(url)["Location"]  # generic settings live at their row's URL
    assert client.get(url).status_code == 200
    centre = ContactCentreSettings.load()
    response = client.post(
        url,
        {
            "department": centre.department_id or "",
            "first_contact_resolution_target": "75",
            "email_one_working_day_target": "80",
            "service_level_target": "85",
            "web_editor_email": "webb@exempelkommun.example",
        },
    )
    assert response.status_code == 302
    assert ContactCentreSettings.load().first_contact_resolution_target == 75
    response = client.post(
        url,
        {
            "first_contact_resolution_target": "101",
            "email_one_working_day_target": "80",
            "service_level_target": "85",
        },
    )
    assert response.status_code == 200 and ContactCentreSettings.load().first_contact_resolution_target == 75
    client.force_login(django_user_model.objects.get(username="agent"))
    assert client.get(url).status_code != 200


def test_the_page_says_when_the_contact_centres_department_is_not_set(client, manager):
    client.force_login(manager)
    assert "Kontaktcenters förvaltning är inte angiven" not in client.get(URL).content.decode()
    ContactCentreSettings.objects.update(department=None)
    assert "Kontaktcenters förvaltning är inte angiven" in client.get(URL).content.decode()


def test_the_resolve_form_offers_only_no_for_a_forwarded_case(client, staff):
    agent = staff["agent"]
    case = case_at(at(2025, 11, 10, 10), channel=Channel.PHONE, opened_by=agent)
    client.force_login(agent)
    page = client.get(reverse("contactcentre_admin:detail", args=[case.pk])).content.decode()
    assert 'name="resolve-first_contact" value="yes"' in page
    actions.forward(agent, case, department("Kontaktcenter"))
    page = client.get(reverse("contactcentre_admin:detail", args=[case.pk])).content.decode()
    assert 'name="resolve-first_contact" value="yes"' not in page
    assert "inte löst vid första kontakten" in page
    response = client.post(
        reverse("contactcentre_admin:resolve", args=[case.pk]), {"resolve-first_contact": "yes"}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status != Status.RESOLVED


def test_a_periods_numbers_are_kept_for_a_while_and_the_csv_reuses_them(client, staff, manager, settings):
    from django.core.cache import cache

    settings.STATISTICS_CACHE_SECONDS = 300
    cache.clear()
    client.force_login(manager)
    query = {"from": "2025-12-01", "to": "2025-12-31"}
    first = client.get(URL, query)
    assert "räknat kl." in first.content.decode()
    case_at(at(2025, 12, 2, 9), channel=Channel.LETTER, opened_by=staff["agent"])
    # Within the cache time the page and the CSV show the numbers counted first.
    lines = client.get(URL, {**query, "csv": "cases-by-channel"}).content.decode("utf-8-sig").splitlines()
    assert not any(line.startswith("Brev;") for line in lines)
    cache.clear()
    lines = client.get(URL, {**query, "csv": "cases-by-channel"}).content.decode("utf-8-sig").splitlines()
    assert any(line.startswith("Brev;") for line in lines)
    cache.clear()


# --- Chart geometry --------------------------------------------------------------------------------


# 12px labels: 0.6em is about the narrowest a digit or lower-case letter is drawn.
LABEL_EM = 12 * 0.6


def _label_extents(chart):
    """(left, right) of each label drawn under the axis of a column chart, at least."""
    extents = []
    for column in chart.columns():
        if column["label"]:
            half = len(column["label"]) * LABEL_EM / 2
            centre = column.get("label_x", column["centre"])
            extents.append((centre - half, centre + half))
    return extents


def _column_chart(labels):
    series = [("Ärenden", [1] * len(labels))]
    return charts.ColumnChart(id="c", title="t", description="d", labels=labels, series=series)


def _apart(extents):
    return all(right <= next_left for (_, right), (next_left, _) in zip(extents, extents[1:], strict=False))


@hypothesis_settings(max_examples=80, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=400),
    style=st.sampled_from(["day", "week", "month", "quarter", "area"]),
)
def test_column_chart_axis_labels_never_overlap_and_stay_inside(count, style):
    start = dt.date(2026, 1, 1)
    make = {
        "day": lambda i: (start + dt.timedelta(days=i)).isoformat(),
        "week": lambda i: f"v. {i % 52 + 1} 2026",
        "month": lambda i: f"{['jan', 'feb', 'mars', 'apr'][i % 4]} {2026 + i // 12}",
        "quarter": lambda i: f"{2026 + i // 4} K{i % 4 + 1}",
        "area": lambda i: f"Bygg och miljö, vägar, vatten {i}",
    }[style]
    extents = _label_extents(_column_chart([make(i) for i in range(count)]))
    assert extents, "the first column is always labelled"
    assert all(0 <= left and right <= charts.WIDTH for left, right in extents)
    assert _apart(extents)


def test_a_month_of_days_is_labelled_without_overlap():
    labels = [(dt.date(2026, 3, 1) + dt.timedelta(days=i)).isoformat() for i in range(31)]
    extents = _label_extents(_column_chart(labels))
    assert len(extents) >= 4
    assert _apart(extents)
