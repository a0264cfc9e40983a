"""Factories for tests: pages, snippets, staff per role and cases, built in a few queries.

Tests build what they need here instead of starting from the whole demo municipality. The names and
keys (department names, phone-menu digits, page slugs, user names) are the demo's, so a test written
against the demo reads the same, and ``seed_demo`` run on top of a factory-built site completes it
instead of building a second one.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from contactcentre.models import ContactCentreSettings, DepartmentGroup, ServiceLevel
from contactcentre.services import NewCase, open_case
from demo import eservices as demo_eservices
from eservices.models import EServicePage
from pages import models as m
from portal.roles import setup_roles

DEMO_PASSWORD = "Demo-lösenord-2026"


def locale(code="sv"):
    return Locale.objects.get_or_create(language_code=code)[0]


# --- snippets -----------------------------------------------------------------------------------


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = m.Committee
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Nämnd {n}")


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = m.Department
        django_get_or_create = ("name", "locale")

    name = factory.Sequence(lambda n: f"Förvaltning {n}")
    locale = factory.LazyFunction(locale)
    committee = factory.SubFactory(CommitteeFactory)
    phone = "08-465 004 00"
    # A valid address (an ASCII local part): "Vård- och omsorgsförvaltningen" → vardochomsorgsforvaltningen@…
    email = factory.LazyAttribute(lambda o: f"{slugify(o.name).replace('-', '')}@exempelkommun.example")


class ServiceAreaFactory(DjangoModelFactory):
    class Meta:
        model = m.ServiceArea
        django_get_or_create = ("menu_digit", "locale")

    name = factory.Sequence(lambda n: f"Område {n}")
    menu_digit = 9
    locale = factory.LazyFunction(locale)
    default_department = factory.SubFactory(DepartmentFactory)
    confidential = False


class FAQFactory(DjangoModelFactory):
    class Meta:
        model = m.FAQ

    question = factory.Sequence(lambda n: f"Fråga nummer {n}?")
    answer = "<p>Ett svar.</p>"
    locale = factory.LazyFunction(locale)
    service_area = factory.SubFactory(ServiceAreaFactory)


class BlankettCategoryFactory(DjangoModelFactory):
    class Meta:
        model = m.BlankettCategory
        django_get_or_create = ("name", "locale")

    name = "Ansökan"
    locale = factory.LazyFunction(locale)


class BlankettFactory(DjangoModelFactory):
    class Meta:
        model = m.Blankett

    code = factory.Sequence(lambda n: f"TST-{n:03}")
    title = factory.Sequence(lambda n: f"Blankett {n}")
    locale = factory.LazyFunction(locale)
    category = factory.SubFactory(BlankettCategoryFactory)
    service_area = factory.SubFactory(ServiceAreaFactory)
    document = factory.SubFactory(wagtail_factories.DocumentFactory)


def opening_hours(channel, weekly, *, digits=(), seasonal=(), exceptions=()):
    """One channel's opening hours: ``weekly`` rows are (first day, last day, "08:00", "16:45")."""
    hours = m.OpeningHours(channel=channel, closed_on_public_holidays=True, closed_on_eves=True)
    hours.service_areas = list(m.ServiceArea.objects.filter(menu_digit__in=digits, locale=locale()))
    hours.weekly = [
        m.WeeklyHours(first_day=first, last_day=last, opens=_time(opens), closes=_time(closes), sort_order=i)
        for i, (first, last, opens, closes) in enumerate(weekly)
    ]
    hours.seasonal = [
        m.SeasonalHours(
            name=name,
            start_month=start[0],
            start_day=start[1],
            end_month=end[0],
            end_day=end[1],
            first_day=first,
            last_day=last,
            opens=_time(opens),
            closes=_time(closes),
            sort_order=i,
        )
        for i, (name, start, end, first, last, opens, closes) in enumerate(seasonal)
    ]
    hours.exceptions = [
        m.OpeningHoursException(
            date=date, closed=opens is None, opens=_time(opens), closes=_time(closes), note=note, sort_order=i
        )
        for i, (date, opens, closes, note) in enumerate(exceptions)
    ]
    hours.save()
    return hours


def _time(text):
    return dt.time.fromisoformat(text) if text else None


# --- pages --------------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = m.HomePage

    title = "Exempelkommun"
    slug = "exempelkommun"
    locale = factory.LazyFunction(locale)


class ServiceAreaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = m.ServiceAreaPage

    title = factory.LazyAttribute(lambda o: o.service_area.name)
    slug = factory.Sequence(lambda n: f"omrade-{n}")
    service_area = factory.SubFactory(ServiceAreaFactory)


class ServicePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = m.ServicePage

    title = factory.Sequence(lambda n: f"Tjänst {n}")
    intro = "Vad tjänsten är och hur du använder den."


class InformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = m.InformationPage

    title = factory.Sequence(lambda n: f"Information {n}")


class ContactCentrePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = m.ContactCentrePage

    title = "Kontakta oss"
    slug = "kontakta-oss"


class EServicePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EServicePage

    title = factory.Sequence(lambda n: f"E-tjänst {n}")
    slug = factory.LazyAttribute(lambda o: o.eservice_slug or o.eservice)
    eservice = ""


def publish(page):
    """One revision, published: what an editor's first 'Publish' leaves."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


# --- people -------------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@exempelkommun.example")
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        """``UserFactory(groups=["Editors"])``: member of these (real, set up) groups."""
        self.save()
        for name in names or ():
            self.groups.add(Group.objects.get_or_create(name=name)[0])


# --- cases --------------------------------------------------------------------------------------


def case(**fields):
    """A case opened the one way every channel opens one (``open_case``); fields as ``NewCase``."""
    fields.setdefault("title", "Gatlampa släckt")
    if "service_area" not in fields:
        fields["service_area"] = m.ServiceArea.objects.get(menu_digit=4, locale=locale())
    opened, _ = open_case(NewCase(**fields))
    return opened


# --- the minimal site ------------------------------------------------------------------------------

COMMITTEES = {
    "Kontaktcenter": "Kommunstyrelsen",
    "Kommunledningsförvaltningen": "Kommunstyrelsen",
    "Socialförvaltningen": "Socialnämnden",
    "Vård- och omsorgsförvaltningen": "Vård- och omsorgsnämnden",
    "Utbildningsförvaltningen": "Barn- och utbildningsnämnden",
    "Teknik": "Tekniska nämnden",
    "Bygg och miljö": "Bygg- och miljönämnden",
    "Kultur- och fritidsförvaltningen": "Kultur- och fritidsnämnden",
}
# digit: (name, default department, confidential, page slug)
AREAS = {
    1: (
        "Äldreomsorg och funktionsnedsättning",
        "Vård- och omsorgsförvaltningen",
        True,
        "aldreomsorg-och-funktionsnedsattning",
    ),
    2: ("Socialtjänst", "Socialförvaltningen", True, "socialtjanst"),
    3: ("Förskola, skola, utbildning", "Utbildningsförvaltningen", False, "forskola-skola-och-utbildning"),
    4: (
        "Bygg och miljö, vägar, vatten, avlopp, avfall",
        "Teknik",
        False,
        "bygg-miljo-vagar-vatten-och-avfall",
    ),
    5: ("Kultur och fritid", "Kultur- och fritidsförvaltningen", False, "kultur-och-fritid"),
    9: ("Allmänna frågor", "Kontaktcenter", False, "allmanna-fragor"),
}
DEPARTMENT_GROUPS = {
    "Handläggare Kommunledning": "Kommunledningsförvaltningen",
    "Handläggare Socialtjänst": "Socialförvaltningen",
    "Handläggare Vård och omsorg": "Vård- och omsorgsförvaltningen",
    "Handläggare Utbildning": "Utbildningsförvaltningen",
    "Handläggare Teknik": "Teknik",
    "Handläggare Bygg och miljö": "Bygg och miljö",
    "Handläggare Kultur och fritid": "Kultur- och fritidsförvaltningen",
    "Kontaktcenter": "Kontaktcenter",
}
# username: (first name, last name, groups, superuser)
STAFF = {
    "admin": ("", "", [], True),
    "editor": ("Elin", "Sandberg", ["Editors", "Moderators"], False),
    "agent": ("Jonas", "Ek", ["Kontaktcenter"], False),
    "agent2": ("Sara", "Holm", ["Kontaktcenter"], False),
    "chef": ("Maria", "Lindqvist", ["Kontaktcenter", "Kontaktcenterchef"], False),
    "teknik": ("Anders", "Nyberg", ["Handläggare Teknik"], False),
    "utbildning": ("Fatima", "Hassan", ["Handläggare Utbildning"], False),
    "social": ("Karin", "Wallin", ["Handläggare Socialtjänst"], False),
    "omsorg": ("Lars", "Öberg", ["Handläggare Vård och omsorg"], False),
}
# e-service: (digit of the area page it sits under, slug)
# The six e-services of the demo, as its data files build them: form (id): (area digit, page slug).
ESERVICES = {
    "fraga-kontaktcenter": (9, "fraga-kontaktcenter"),
    "ring-upp-mig": (9, "ring-upp-mig"),
    "felanmalan": (4, "gor-en-felanmalan"),
    "synpunkter-och-klagomal": (9, "lamna-synpunkter"),
    "begar-ut-allman-handling": (9, "begar-ut-allman-handling"),
    "forskoleplats": (3, "ansok-om-forskoleplats"),
}
# digit: (first response in working hours, resolution in working days)
SERVICE_LEVELS = {1: (16, 10), 2: (8, 10), 3: (16, 10), 4: (16, 15), 5: (24, 10), 9: (8, 5)}
SUMMER = ("Sommartider", (6, 1), (8, 31), 0, 4, "07:00", "16:00")
EVE = (dt.date(2027, 1, 5), "08:00", "13:00", "Trettondagsafton")


def build_minimal_site():
    """Home page, the six area pages with their e-services, the contact page, settings, roles, staff.

    The skeleton of the demo municipality (its keys and routing) without its content: no service
    pages, FAQ, blanketter, officials, translations or cases. Takes about a second.
    """
    sv = locale("sv")
    locale("en")
    departments = {
        name: DepartmentFactory(name=name, committee=CommitteeFactory(name=committee))
        for name, committee in COMMITTEES.items()
    }
    areas = {
        digit: ServiceAreaFactory(
            menu_digit=digit, name=name, default_department=departments[department], confidential=secret
        )
        for digit, (name, department, secret, _slug) in AREAS.items()
    }
    for digit, (hours, days) in SERVICE_LEVELS.items():
        ServiceLevel.objects.get_or_create(
            service_area=areas[digit],
            defaults={"first_response_working_hours": hours, "resolution_working_days": days},
        )
    contact_centre = ContactCentreSettings.load()
    contact_centre.department = departments["Kontaktcenter"]
    contact_centre.web_editor_email = "webbredaktionen@exempelkommun.example"
    contact_centre.save()
    for group_name, department_name in DEPARTMENT_GROUPS.items():
        group = Group.objects.get_or_create(name=group_name)[0]
        DepartmentGroup.objects.get_or_create(
            group=group, defaults={"department": departments[department_name]}
        )
    for username, (first, last, groups, superuser) in STAFF.items():
        UserFactory(
            username=username,
            first_name=first,
            last_name=last,
            is_superuser=superuser,
            is_staff=superuser,
            groups=groups,
        )
    setup_roles()

    opening_hours(
        "phone", [(0, 3, "08:00", "16:45"), (4, 4, "08:00", "16:00")], seasonal=[SUMMER], exceptions=[EVE]
    )
    opening_hours(
        "phone_menu",
        [(0, 2, "08:00", "16:45"), (3, 3, "08:00", "19:00"), (4, 4, "08:00", "16:00")],
        digits=[1, 2],
        seasonal=[SUMMER],
        exceptions=[EVE],
    )
    opening_hours(
        "visit", [(0, 3, "08:00", "16:45"), (4, 4, "08:00", "16:00")], seasonal=[SUMMER], exceptions=[EVE]
    )

    root = Page.get_first_root_node()
    home = publish(HomePageFactory(parent=root, locale=sv))
    area_pages = {
        digit: publish(
            ServiceAreaPageFactory(parent=home, title=name, slug=slug, service_area=areas[digit], locale=sv)
        )
        for digit, (name, _department, _secret, slug) in AREAS.items()
    }
    contact = publish(ContactCentrePageFactory(parent=home, locale=sv))
    for form, (digit, slug) in ESERVICES.items():
        title = demo_eservices.example(form)["title"]
        fields = demo_eservices.form_fields(form, sv)
        publish(EServicePageFactory(parent=area_pages[digit], title=title, slug=slug, locale=sv, **fields))

    Site.objects.filter(root_page__depth=2).exclude(root_page=home).delete()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()  # Wagtail's welcome page
    from pages.base_url import site_address

    hostname, port = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": hostname, "port": port, "site_name": "Exempelkommun"},
    )
    municipality = m.MunicipalitySettings.load()
    municipality.name = "Exempelkommun"
    municipality.phone = "08-465 004 00"
    municipality.voice_switchboard_phone = "08-465 004 01"
    municipality.email = "kontaktcenter@exempelkommun.example"
    municipality.visiting_address = "Stadshusplatsen 1, 123 45 Exempelstad"
    municipality.postal_address = "Exempelkommun, Box 100, 123 21 Exempelstad"
    municipality.contact_page = contact
    municipality.save()
    return home
