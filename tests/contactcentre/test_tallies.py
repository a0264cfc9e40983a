"""Tallies (kontaktstatistik): the one-click form on the admin home page, and the seeded tallies."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

import pytest

from contactcentre.models import Case, Tally
from contactcentre.models.cases import Channel
from pages.models import FAQ
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")
TALLY = reverse("contactcentre_admin:tally")
# What a tally is: nothing that names a person or a case.
# "case" is only the link to the follow-up case a contact became; the tally itself holds nothing
# about the person.
TALLY_FIELDS = {
    "id",
    "case",
    "created_at",
    "agent",
    "channel",
    "service_area",
    "simple_question",
    "answered_directly",
    "faq",
}


def posted(client, follow_up=False, **fields):
    data = {
        "tally-channel": Channel.PHONE,
        "tally-service_area": area(4).pk,
        "tally-simple_question": "yes",
        "tally-answered_directly": "yes",
        "tally-faq": "",
        **{f"tally-{key}": value for key, value in fields.items()},
    }
    if follow_up:
        data["follow_up"] = "1"
    return client.post(TALLY, data)


def test_the_url_is_under_the_queue():
    assert TALLY == "/admin/arenden/tally/"


def test_a_tally_has_no_field_for_personal_data_or_a_reference():
    assert {field.name for field in Tally._meta.concrete_fields} == TALLY_FIELDS


def test_the_panel_shows_for_an_agent_with_todays_count(signed_in, staff):
    Tally.objects.create(agent=staff["agent"], channel=Channel.PHONE, service_area=area(9))
    Tally.objects.create(
        agent=staff["agent"],
        channel=Channel.PHONE,
        service_area=area(9),
        created_at=timezone.now() - dt.timedelta(days=2),
    )
    response = signed_in("agent").get(HOME)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="contactcentre-tally-section"' in html
    assert f'action="{TALLY}"' in html
    assert 'name="follow_up"' in html
    assert html.count("<legend") >= 4  # channel, area, simple question, answered directly
    assert 'value="phone"' in html and "checked" in html
    form = response.context["panels"][0]
    assert form.name == "contactcentre_tally"
    assert "1" in html[html.index('id="contactcentre-tally-count"') :][:200]


@pytest.mark.parametrize("role", ["outsider", "teknik"])
def test_the_panel_is_not_shown_to_others(signed_in, role):
    response = signed_in(role).get(HOME)
    assert response.status_code == 200
    assert 'id="contactcentre-tally-section"' not in response.content.decode()


@pytest.mark.parametrize("role", ["outsider", "teknik"])
def test_others_may_not_count(signed_in, role):
    before = Tally.objects.count(), Case.objects.count()
    response = posted(signed_in(role))
    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect with a message
    assert (Tally.objects.count(), Case.objects.count()) == before


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = posted(client)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.usefixtures("demo")
def test_counting_stores_exactly_the_fields(signed_in, staff):
    faq = FAQ.objects.filter(locale__language_code="sv").first()
    before_cases = Case.objects.count()
    response = posted(
        signed_in("agent"),
        channel=Channel.EMAIL,
        service_area=area(3).pk,
        simple_question="no",
        answered_directly="yes",
        faq=faq.pk,
    )
    assert response.status_code == 302
    assert response["Location"] == HOME
    tally = Tally.objects.filter(agent=staff["agent"]).get()
    assert (tally.channel, tally.service_area, tally.simple_question, tally.answered_directly, tally.faq) == (
        Channel.EMAIL,
        area(3),
        False,
        True,
        faq,
    )
    assert timezone.now() - tally.created_at < dt.timedelta(minutes=1)
    assert Case.objects.count() == before_cases
    # The dashboard now says one.
    html = signed_in("agent").get(HOME).content.decode()
    count_text = html[html.index('id="contactcentre-tally-count"') :][:200]
    assert "1" in count_text


def test_an_invalid_tally_is_shown_with_its_error(signed_in):
    response = posted(signed_in("agent"), service_area="")
    assert response.status_code == 200
    assert response.context["form"].errors["service_area"]
    assert not Tally.objects.filter(agent__username="test-agent").exists()


def test_make_it_a_case_records_the_tally_and_opens_the_case(signed_in, staff):
    response = posted(signed_in("agent"), follow_up=True, channel=Channel.VISIT, service_area=area(4).pk)
    tally = Tally.objects.filter(agent=staff["agent"]).get()
    assert not tally.answered_directly  # it needs follow-up
    assert tally.channel == Channel.VISIT
    case = Case.objects.order_by("-pk").first()
    assert response.status_code == 302
    assert response["Location"] == reverse("contactcentre_admin:detail", args=[case.pk])
    assert case.channel == Channel.VISIT
    assert case.service_area == area(4)
    assert case.department == area(4).default_department
    assert case.opened_by == staff["agent"]
    assert case.handled_by_contact_centre  # an agent logged it
    assert tally.case == case  # the statistics count the contact once, as the tally
    assert case.events.count() == 1
    assert signed_in("agent").get(response["Location"]).status_code == 200


def test_make_it_a_case_in_a_confidential_area_hands_it_over(signed_in, staff):
    response = posted(signed_in("agent"), follow_up=True, service_area=area(2).pk)
    case = Case.objects.order_by("-pk").first()
    assert case.confidential and case.opened_by == staff["agent"]
    assert response["Location"] == reverse("contactcentre_admin:index")
    assert Tally.objects.filter(agent=staff["agent"], service_area=area(2)).count() == 1


# --- the seed -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_the_seed_counted_about_two_thousand_tallies_in_opening_hours():
    tallies = Tally.objects.filter(agent__username__in=["agent", "agent2", "chef"])
    assert 1800 <= tallies.count() <= 2200
    now = timezone.now()
    for created_at in tallies.values_list("created_at", flat=True):
        local = timezone.localtime(created_at)
        assert now - dt.timedelta(days=91) <= created_at <= now
        assert local.weekday() < 5
        assert dt.time(8) <= local.time() < dt.time(16, 45)
    answered = tallies.filter(answered_directly=True).count() / tallies.count()
    assert 0.4 <= answered <= 0.6, answered
    assert set(tallies.values_list("channel", flat=True)) == {
        Channel.PHONE,
        Channel.EMAIL,
        Channel.VISIT,
        Channel.CHAT,
        Channel.SMS,
        Channel.LETTER,
    }
    assert tallies.exclude(faq=None).exists()
    assert not tallies.filter(Q(service_area=None) | Q(agent=None)).exists()


def test_the_seeded_tallies_hold_no_personal_data():
    # Only the fields above exist; the values are choices, booleans and foreign keys.
    for row in Tally.objects.values(*[f for f in TALLY_FIELDS if f != "id"])[:200]:
        assert set(row) == TALLY_FIELDS - {"id"}
        assert row["channel"] in Channel.values


@pytest.mark.usefixtures("demo")
def test_the_seed_has_call_back_requests_in_the_queue_with_their_window(signed_in):
    callbacks = Case.objects.filter(eservice="ring-upp-mig")
    assert callbacks.count() >= 10
    for case in callbacks.select_related("department"):
        assert case.department.name == "Kontaktcenter"
        assert case.title.startswith("Ring upp ")
        assert "08–12" in case.title or "12–16.45" in case.title
        assert case.contact_phone.startswith("070-174 06")
    html = signed_in("agent").get(reverse("contactcentre_admin:index")).content.decode()
    assert callbacks.order_by("-received_at").first().title in html
