"""The seeded generator of the contact centre's demo data, a ``seed_demo`` builder extension.

Its numbers and words are data files in ``demo/data/cases/``; this module makes the story.

- ``DepartmentGroup`` rows: which staff group works for which department (the groups and
  their users are in ``demo/data/municipality.yaml``, created by the builder).
- Svarsmallar: a few Swedish canned replies.
- Service levels for the six service areas (created only when missing).
- About 300 cases over the past 90 days, across channels, service areas and statuses,
  each with a timeline and its due dates (computed after the arrival times are backdated).
- A few content flags from those cases on pages and FAQ, one already handled
  (``build_demo_content_flags``; rows written directly, so no e-mail goes out).

Cases are opened with ``open_case`` and worked with the staff actions in
``contactcentre.actions``, so references, routing, transitions, access rules and the
timeline entries are the real ones. Only the clock is faked, and only here: a case's
arrival time is set once by ``open_case`` and ``Case.save`` refuses to change it, so the
demo rewrites ``received_at`` and the events' ``created_at`` afterwards with bulk
updates, which bypass ``save()``. Nothing else may do that. References are numbered by
the year the seed runs, whatever the backdated arrival time says.

No e-mail is sent: a case gets its contact e-mail address only after its timeline has
been written (a receipt or reply e-mail is enqueued only when a case has an address),
and the "e-mail sent" entries are written directly.

Idempotent by a simple rule: if there are cases already (an earlier seed, or real
ones), no demo cases are added.
"""

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils import timezone, translation

from contactcentre import actions, service_levels
from contactcentre.canned import fill, render
from contactcentre.content_flags import flag_source
from contactcentre.models import (
    CannedReply,
    Case,
    CaseEvent,
    ContactCentreSettings,
    DepartmentGroup,
    SecrecyMarking,
    ServiceLevel,
    Tally,
)
from contactcentre.models.cases import Channel, Priority, Status
from contactcentre.services import NewCase, open_case
from demo import content
from demo.content import load
from eservices import catalogue
from eservices.call_back import CallWindow, half_days, next_working_day
from pages.models import ContentFlag, MunicipalitySettings
from portal.models import GroupSecurity

# The numbers and the words live in demo/data/cases/: settings.yaml, canned_replies.sv.yaml,
# scenarios.sv.yaml, words.sv.yaml and content_flags.sv.yaml.
_settings = load("cases/settings")
SEED = _settings["seed"]
CASE_COUNT = _settings["case_count"]
# E-services whose cases go straight to a department rather than to the contact centre first.
STRAIGHT_TO_DEPARTMENT = tuple(_settings["straight_to_department"])
# The latest contacts, still unclaimed in the contact centre's queue whatever day the seed runs:
# which cases the random story leaves new depends on the date, and an agent opening the demo
# (and the browser tests) must always find new work of each common channel.
FRESH = [(Channel(channel), count) for channel, count in _settings["fresh"].items()]
DAYS = _settings["days"]  # arrival times fall within the past 90 days
CONTACT_CENTRE = _settings["contact_centre"]

# --- Svarsmallar ----------------------------------------------------------------------------------

CANNED_REPLIES = load("cases/canned_replies")

# --- What people contact the municipality about ----------------------------------------------


@dataclass
class Scenario:
    area: int
    title: str
    text: str
    eservice: str = ""  # the e-service a web or API case came through
    faq: str = ""  # the FAQ (key in content.FAQS) that answers it, if one does
    answer: str = ""  # the reply that resolves it
    canned: str = "received"  # the canned reply of a first answer
    priority: int = Priority.NORMAL
    language: str = "sv"
    registry: str = ""  # registered with a diarienummer in this series (committee's abbreviation)
    anonymous_ok: bool = False
    kind: str = ""  # synpunkter och klagomål: "complaint", "suggestion" or "praise"


SCENARIOS = [
    Scenario(**{**spec, "priority": Priority[spec.get("priority", "normal").upper()]})
    for spec in load("cases/scenarios")
]

_words = load("cases/words")
EXAMPLE_WORDS = _words["example_words"]
ESERVICE_TITLES = _words["eservice_titles"]
CHANNEL_TITLES = {Channel(channel): title for channel, title in _words["channel_titles"].items()}
FIRST_NAMES = _words["first_names"]
LAST_NAMES = _words["last_names"]
NOTES = _words["notes"]
DEPARTMENT_NOTES = _words["department_notes"]
CONFIDENTIAL_NOTES = _words["confidential_notes"]
FORWARD_NOTES = _words["forward_notes"]
CITIZEN_MESSAGES = _words["citizen_messages"]
UNANSWERED = _words["unanswered"]

# --- Service levels: first response in working hours, resolution in working days, by menu digit ---

SERVICE_LEVELS = _settings["service_levels"]

# --- Builder extension ----------------------------------------------------------------------------


def build_demo_cases(builder):
    build_contact_centre_settings(builder)
    build_service_levels(builder)
    replies = build_canned_replies(builder)
    build_demo_tallies(builder)  # kontaktstatistik: independent of the cases
    existing = Case.objects.count()
    if existing:
        builder.say(f"Cases: {existing} exist already, so no demo cases were added.")
        return
    with translation.override(settings.LANGUAGE_CODE):
        CaseFactory(builder, replies).build(CASE_COUNT)
        build_demo_callbacks(builder)  # "Ring upp mig" requests, newest of all
    build_demo_content_flags(builder)  # agents' flags on pages and FAQ, from the cases just made


def build_contact_centre_settings(builder):
    """Which department is the contact centre, and where unowned content flags go (set once)."""
    current = ContactCentreSettings.load()
    if current.department_id is None:
        current.department = builder.departments[CONTACT_CENTRE["department"]]
        current.save()
        # Content review's setting (pages); set here with the contact centre's, as before.
        municipality = MunicipalitySettings.load()
        municipality.web_editor_email = CONTACT_CENTRE["web_editor_email"]
        municipality.save(update_fields=["web_editor_email"])


def build_department_groups(builder):
    """The demo's case officers' groups, under its own names; ``setup_roles`` gives their permissions."""
    for group_name, department_name in content.DEPARTMENT_GROUPS.items():
        group = builder.get_or_create(Group, {"name": group_name}, {})
        if not DepartmentGroup.objects.filter(group=group).exists():
            link = DepartmentGroup.objects.create(
                group=group, department=builder.departments[department_name]
            )
            builder.mark_created(link, reindex=False)
        if group_name in content.TWO_FACTOR_GROUPS and not GroupSecurity.objects.filter(group=group).exists():
            # Only when unset: an administrator's later choice is kept.
            security = GroupSecurity.objects.create(group=group, requires_two_factor=True)
            builder.mark_created(security, reindex=False)


def build_service_levels(builder):
    for digit, targets in SERVICE_LEVELS.items():
        builder.get_or_create(ServiceLevel, {"service_area": builder.areas[digit]}, targets)


def build_canned_replies(builder):
    replies = {}
    for spec in CANNED_REPLIES:
        replies[spec["key"]] = builder.get_or_create(
            CannedReply,
            {"title": spec["title"], "locale": builder.locale},
            {"body": spec["body"], "service_area": builder.areas[spec["area"]] if spec["area"] else None},
        )
    return replies


# --- The cases ----------------------------------------------------------------------------------------


class OutOfTime(Exception):
    """The next step of a case's story lies in the future: the case stays where it is."""


@dataclass
class Story:
    case: Case
    scenario: Scenario
    email: str
    times: list = field(default_factory=list)  # (event pk, when) for every event of the case
    first_response_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    last: dt.datetime | None = None
    replies: list = field(default_factory=list)  # (event pk, when) of replies


def closing_hour(day: dt.date) -> int:
    """When the demo's staff stop for the day: 16 on Fridays, 17 otherwise."""
    return 16 if day.weekday() == 4 else 17


class CaseFactory:
    def __init__(self, builder, replies):
        self.builder = builder
        self.replies = replies
        self.rng = random.Random(SEED)  # noqa: S311 -- reproducible demo data, not secrets
        self.now = timezone.now()
        self.tz = timezone.get_default_timezone()
        users = builder.users
        self.agents = [users["agent"], users["agent2"], users["chef"]]
        self.officers = {}  # department pk -> the department's demo case officer
        for spec in content.USERS:
            for group in spec["groups"]:
                department = content.DEPARTMENT_GROUPS.get(group)
                if department and group != "Kontaktcenter":
                    self.officers[builder.departments[department].pk] = users[spec["username"]]
        self.contact_centre = builder.departments["Kontaktcenter"]
        self.mark = CaseEvent.objects.aggregate(last=Max("pk"))["last"] or 0
        self.by_area = {}
        for scenario in SCENARIOS:
            self.by_area.setdefault(scenario.area, []).append(scenario)

    def build(self, count):
        # Planned first and opened in order of arrival, so references follow arrival times.
        plans = [self.plan() for _ in range(count)] + self.fresh_plans()
        plans.sort(key=lambda plan: plan["received"])
        stories = [self.play(plan) for plan in plans]
        self.write_clock(stories)
        # open_case computed the due dates from the present; count them from the backdated arrival.
        service_levels.recompute_due_dates(Case.objects.filter(pk__in=[story.case.pk for story in stories]))
        self.builder.created[Case._meta.label] += len(stories)
        self.builder.created[CaseEvent._meta.label] += sum(len(story.times) for story in stories)

    # --- one case ---

    def plan(self):
        """Who got in touch about what, how and when."""
        rng = self.rng
        area = rng.choices([4, 9, 3, 5, 2, 1], weights=[30, 20, 18, 10, 12, 10])[0]
        scenario = rng.choice(self.by_area[area])
        channel = self.channel(scenario, self.builder.areas[area].confidential)
        received = self.arrival(channel)
        words = self.words()
        name, email, phone = self.contact(scenario, channel)
        staff_logged = channel in (Channel.PHONE, Channel.VISIT, Channel.LETTER, Channel.EMAIL)
        return {
            "scenario": scenario,
            "channel": channel,
            "received": received,
            "words": words,
            "contact": (name, email, phone),
            "logger": rng.choice(self.agents[:2]) if staff_logged else None,
        }

    def fresh_plans(self):
        """The newest contacts, which no one has picked up yet (see ``FRESH``).

        Drawn from a generator of their own, so the rest of the demo stays as it was.
        """
        rng = random.Random(SEED + 2)  # noqa: S311 -- reproducible demo data, not secrets
        plans = []
        open_areas = [area for area in self.by_area if not self.builder.areas[area].confidential]
        for channel, count in FRESH:
            scenarios = [
                scenario
                for area in open_areas
                for scenario in self.by_area[area]
                if channel != Channel.WEB or scenario.eservice not in ("", *STRAIGHT_TO_DEPARTMENT)
            ]
            # Calls in the last open hour of the contact centre; e-mail and web at any hour.
            latest = self.last_open_moment() if channel == Channel.PHONE else self.now
            for _ in range(count):
                scenario = rng.choice(scenarios)
                plans.append(
                    {
                        "scenario": scenario,
                        "channel": channel,
                        "received": latest - dt.timedelta(minutes=rng.uniform(5, 55)),
                        "words": self.words(rng),
                        "contact": self.contact(scenario, channel, rng),
                        "logger": rng.choice(self.agents[:2]) if channel != Channel.WEB else None,
                        "fresh": True,
                    }
                )
        return plans

    def last_open_moment(self):
        """The latest moment, an hour past opening at least, when the contact centre was open."""
        local = timezone.localtime(self.now, self.tz)
        day = local.date()
        closes = dt.time(closing_hour(day))
        if day.weekday() < 5 and dt.time(9) <= local.time() < closes:
            return self.now
        if day.weekday() >= 5 or local.time() < dt.time(9):
            day -= dt.timedelta(days=1)
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
        closes = dt.time(closing_hour(day))
        return dt.datetime.combine(day, closes, self.tz) - dt.timedelta(minutes=1)

    def eservice(self, slug):
        """The e-service (built from its demo page) a case comes through; looked up once per seed."""
        found = self.__dict__.setdefault("_eservices", {})
        if slug not in found:
            found[slug] = catalogue.get(slug)
        return found[slug]

    def play(self, plan):
        """Open the case and work it with the staff actions, as far as the present allows."""
        scenario, channel, words, logger = plan["scenario"], plan["channel"], plan["words"], plan["logger"]
        name, email, phone = plan["contact"]
        area = self.builder.areas[scenario.area]
        title = scenario.title.format(**words)
        text = scenario.text.format(**words)
        # Web and API cases come through an e-service; so do visits where an agent fills one in.
        eservice = scenario.eservice if channel in (Channel.WEB, Channel.API, Channel.VISIT) else ""
        # Fault reports and preschool applications go straight to their department; the rest
        # of what is not confidential starts with the contact centre.
        # Comments and complaints go to the department of the area the citizen chose.
        contact_centre_first = not area.confidential and eservice not in STRAIGHT_TO_DEPARTMENT
        answers = {"arende": {"arende": title, "beskrivning": text}}
        if eservice == "synpunkter-och-klagomal":
            answers["synpunkt"] = {"kind": scenario.kind}
        case, _ = open_case(
            NewCase(
                title=title,
                eservice=eservice,
                **(self.eservice(eservice).case_facts(answers) if eservice else {}),
                answers=answers,
                form_snapshot=snapshot(eservice, channel, title, text),
                channel=channel,
                language=scenario.language,
                service_area=area,
                department=self.contact_centre if contact_centre_first else None,
                contact_name=name,
                contact_phone=phone,
                opened_by=logger,
                visitor_consent=channel == Channel.VISIT and bool(eservice),
            )
        )
        story = Story(case=case, scenario=scenario, email=email, last=plan["received"])
        self.record(story, plan["received"])
        if plan.get("fresh"):
            return story
        try:
            if contact_centre_first:
                self.contact_centre_handles(story, logger, channel, words)
            else:
                self.department_handles(story, words)
        except OutOfTime:
            pass
        return story

    def contact_centre_handles(self, story, logger, channel, words):
        rng, case, scenario = self.rng, story.case, story.scenario
        agent = logger or rng.choices(self.agents, weights=[45, 45, 10])[0]
        in_person = channel in (Channel.PHONE, Channel.VISIT)
        forward_to = self.builder.areas[scenario.area].default_department
        can_forward = forward_to.pk in self.officers and forward_to != self.contact_centre
        path = rng.random()
        if rng.random() < 0.02:
            return  # never claimed: the odd case that fell through the cracks
        if in_person:
            when = self.at(story.last, 0.5, 3, office=False)
        else:
            when = self.at(story.last, 10, 60 * 20)
        self.step(story, when, actions.claim, agent, case)
        first_contact = 0.52 if in_person else 0.3  # about 45 % of what the contact centre handles
        if path < first_contact:
            # Resolved at first contact: answered on the spot, often from an FAQ.
            if not in_person or story.email:
                when = self.at(when, 2, 30, office=not in_person)
                self.reply(story, when, agent, scenario.answer or self.faq_answer(story), words)
            faq = self.builder.faqs.get(scenario.faq) if scenario.faq and rng.random() < 0.7 else None
            when = self.at(when, 1, 15, office=not in_person)
            self.step(story, when, actions.resolve, agent, case, first_contact=True, faq=faq)
            story.resolved_at = when
            self.close(story, agent, when)
            return
        if rng.random() < 0.4:
            when = self.at(when, 5, 240)
            self.step(story, when, actions.add_note, agent, case, rng.choice(NOTES))
        if can_forward and path < first_contact + 0.35:
            when = self.at(when, 5, 180)
            self.step(story, when, actions.forward, agent, case, forward_to, rng.choice(FORWARD_NOTES))
            if rng.random() < 0.7:
                when = self.at(when, 2, 60)
                self.reply(story, when, agent, self.canned("forwarded", case), words)
            self.department_handles(story, words, claimed_after=when)
            return
        self.agent_follows_up(story, agent, when, words)

    def agent_follows_up(self, story, agent, when, words):
        rng, case = self.rng, story.case
        if rng.random() < 0.5:
            when = self.at(when, 10, 60 * 24)
            self.reply(story, when, agent, self.canned("more_information", case), words, wait=True)
            if rng.random() < 0.2:
                when = self.at(when, 60 * 24 * 28, 60 * 24 * 32)
                self.step(story, when, actions.add_note, agent, case, UNANSWERED)
                self.step(story, when, actions.change_status, agent, case, Status.CLOSED)
                return
            when = self.at(when, 60 * 2, 60 * 24 * 3, office=False)
            message = fill(rng.choice(CITIZEN_MESSAGES), words)
            self.step(story, when, actions.citizen_message, case, message)
        if rng.random() < 0.04:
            return  # still being worked on
        when = self.at(when, 30, 60 * 24 * 3)
        self.reply(story, when, agent, story.scenario.answer or self.faq_answer(story), words)
        faq = self.builder.faqs.get(story.scenario.faq) if story.scenario.faq and rng.random() < 0.3 else None
        when = self.at(when, 1, 60)
        self.step(story, when, actions.resolve, agent, case, first_contact=False, faq=faq)
        story.resolved_at = when
        self.close(story, agent, when)

    def department_handles(self, story, words, claimed_after=None):
        rng, case, scenario = self.rng, story.case, story.scenario
        case.refresh_from_db(fields=["department"])  # the actions work on their own copies
        officer = self.officers.get(case.department_id)
        if officer is None:
            return  # no demo officer in that department: it waits in their queue
        start = claimed_after or story.last
        if rng.random() < (0.12 if claimed_after else 0.03):
            return  # not yet claimed: in the department's queue
        when = self.at(start, 30, 60 * 24 * 2)
        self.step(story, when, actions.claim, officer, case)
        if scenario.canned != "received" and rng.random() < 0.8:
            when = self.at(when, 5, 120)
            self.reply(story, when, officer, self.canned(scenario.canned, case), words)
        notes = CONFIDENTIAL_NOTES if case.confidential else DEPARTMENT_NOTES
        for _ in range(rng.choice([0, 1, 1, 2])):
            when = self.at(when, 30, 60 * 24 * 3)
            self.step(story, when, actions.add_note, officer, case, rng.choice(notes))
        if rng.random() < 0.2:
            when = self.at(when, 60, 60 * 24 * 2)
            self.reply(story, when, officer, self.canned("more_information", case), words, wait=True)
            when = self.at(when, 60 * 3, 60 * 24 * 4, office=False)
            message = fill(rng.choice(CITIZEN_MESSAGES), words)
            self.step(story, when, actions.citizen_message, case, message)
        if rng.random() < 0.06:
            return  # a long investigation, still in progress
        when = self.at(when, 60 * 4, 60 * 24 * 10)
        self.reply(story, when, officer, scenario.answer or self.faq_answer(story), words)
        when = self.at(when, 1, 30)
        self.step(story, when, actions.resolve, officer, case, first_contact=False, faq=None)
        story.resolved_at = when
        self.close(story, officer, when)

    def close(self, story, user, when):
        if self.rng.random() < 0.9:
            when = self.at(when, 60 * 24 * 4, 60 * 24 * 12)
            self.step(story, when, actions.change_status, user, story.case, Status.CLOSED)

    # --- steps and the clock ---

    def step(self, story, when, action, *args, **kwargs):
        """Run a real staff action and note when it happened, for the clock written afterwards."""
        result = action(*args, **kwargs)
        new = list(CaseEvent.objects.filter(pk__gt=self.mark).order_by("pk").values_list("pk", "kind"))
        for pk, kind in new:
            story.times.append((pk, when))
            if kind == CaseEvent.REPLY:
                story.replies.append((pk, when))
                if story.first_response_at is None:
                    story.first_response_at = when
        if new:
            self.mark = new[-1][0]
        story.last = when
        return result

    def record(self, story, when):
        self.step(story, when, lambda: None)

    def reply(self, story, when, user, text, words, wait=False):
        text = fill(text, words)  # a scenario's answer may name the street, the preschool…
        self.step(story, when, actions.reply, user, story.case, text, wait_for_citizen=wait)

    def canned(self, key, case):
        case.refresh_from_db(fields=["department"])
        return render(self.replies[key], case)

    def faq_answer(self, story):
        faq = self.builder.faqs.get(story.scenario.faq)
        if faq is None:
            return self.canned("closed", story.case)
        answer = re.sub(r"<[^>]+>", "", faq.answer)
        return re.sub(r"\s+", " ", answer).strip()

    def at(self, after, low_minutes, high_minutes, office=True):
        """A moment between ``low`` and ``high`` minutes after ``after``; staff act in office hours."""
        when = after + dt.timedelta(minutes=self.rng.uniform(low_minutes, high_minutes))
        if office:
            when = self.office(when)
        if when >= self.now - dt.timedelta(minutes=1):
            raise OutOfTime
        return when

    def office(self, when):
        local = timezone.localtime(when, self.tz)
        closes = closing_hour(local.date())
        if local.weekday() < 5 and 8 <= local.hour < closes:
            return when
        day = local.date() + dt.timedelta(days=0 if local.hour < 8 else 1)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        start = dt.datetime.combine(day, dt.time(8), self.tz)
        return start + dt.timedelta(minutes=self.rng.uniform(0, 90))

    def arrival(self, channel):
        """When a case arrived: web, API and e-mail at any hour; phone, visit and letter in office hours."""
        rng = self.rng
        while True:
            day = timezone.localdate(self.now, self.tz) - dt.timedelta(days=rng.randint(0, DAYS))
            if channel in (Channel.WEB, Channel.API, Channel.EMAIL):
                hour = rng.choices(range(24), weights=HOURLY_WEB)[0]
            else:
                if day.weekday() >= 5:
                    continue
                hour = rng.choices(range(8, 16), weights=[8, 10, 10, 8, 7, 9, 8, 5])[0]
            when = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)), self.tz)
            if when < self.now - dt.timedelta(minutes=10) and when > self.now - dt.timedelta(days=DAYS + 1):
                return when

    def channel(self, scenario, confidential):
        if confidential:
            options = {Channel.PHONE: 45, Channel.VISIT: 15, Channel.LETTER: 10, Channel.EMAIL: 10}
            if scenario.eservice:
                options[Channel.WEB] = 20
        else:
            options = {Channel.PHONE: 25, Channel.EMAIL: 15, Channel.VISIT: 8, Channel.LETTER: 5}
            if scenario.eservice:
                options.update({Channel.WEB: 45, Channel.API: 8})
            else:
                options[Channel.PHONE] += 15
        return self.rng.choices(list(options), weights=list(options.values()))[0]

    def contact(self, scenario, channel, rng=None):
        rng = rng or self.rng
        if scenario.anonymous_ok and channel in (Channel.WEB, Channel.API) and rng.random() < 0.3:
            return "", "", ""
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        wants_email = {
            Channel.WEB: 0.85,
            Channel.API: 0.7,
            Channel.EMAIL: 1.0,
            Channel.PHONE: 0.3,
            Channel.VISIT: 0.3,
            Channel.LETTER: 0.1,
        }[channel]
        email = ""
        if rng.random() < wants_email:
            suffix = str(rng.randint(1, 99)) if rng.random() < 0.3 else ""
            email = f"{_ascii(first)}.{_ascii(last)}{suffix}@example.com"
        # Numbers in the range PTS reserves for fiction (070-174 06 05 – 070-174 06 99).
        phone = (
            f"070-174 06 {rng.randint(5, 99):02d}" if channel != Channel.EMAIL or rng.random() < 0.3 else ""
        )
        return name, email, phone

    def words(self, rng=None):
        rng = rng or self.rng
        words = {key: rng.choice(values) for key, values in EXAMPLE_WORDS.items()}
        words["street2"] = rng.choice([s for s in EXAMPLE_WORDS["street"] if s != words["street"]])
        words["school2"] = rng.choice([s for s in EXAMPLE_WORDS["school"] if s != words["school"]])
        words.update(
            number=rng.randint(1, 64),
            amount=rng.choice(["1 240", "865", "2 310", "412"]),
            year=rng.choice([2024, 2025]),
            km=rng.choice([3, 4, 6, 9]),
            day=rng.randint(1, 28),
        )
        return words

    # --- afterwards: the clock and what would have set off e-mails ---

    def write_clock(self, stories):
        """Backdate what the actions stamped with the present (demo only; see the module's docstring)."""
        cases, events, emails, markings = [], [], [], []
        registered = {}  # (series, year) -> last number
        for story in sorted(stories, key=lambda story: story.times[0][1]):
            case, scenario = story.case, story.scenario
            protected = case.confidential and self.rng.random() < 0.04
            registry = ""
            if scenario.registry and (story.resolved_at or self.rng.random() < 0.5):
                key = (scenario.registry, timezone.localtime(story.times[0][1], self.tz).year)
                registered[key] = registered.get(key, 0) + 1
                registry = f"{key[0]}/{key[1]}/{registered[key]:04d}"
            cases.append(
                Case(
                    pk=case.pk,
                    received_at=story.times[0][1],
                    created_at=story.times[0][1],
                    updated_at=story.last,
                    first_response_at=story.first_response_at,
                    resolved_at=story.resolved_at,
                    contact_email="" if protected else story.email,
                    protected_identity=protected,
                    priority=scenario.priority,
                    registry_number=registry,
                )
            )
            events.extend(CaseEvent(pk=pk, created_at=when) for pk, when in story.times)
            if story.email and not protected:
                sent = story.times[0][1] + dt.timedelta(minutes=1)
                emails.append(
                    (CaseEvent(case=case, kind=CaseEvent.EMAIL_SENT, data={"template": "receipt"}), sent)
                )
                for pk, when in story.replies:
                    emails.append(
                        (
                            CaseEvent(
                                case=case, kind=CaseEvent.EMAIL_SENT, data={"template": "reply", "event": pk}
                            ),
                            when + dt.timedelta(minutes=1),
                        )
                    )
            if case.confidential and self.rng.random() < 0.3 and len(story.times) > 1:
                marker = self.officers[case.department_id]
                markings.append((SecrecyMarking(case=case, marked_by=marker), story.times[1][1]))
        # Case.save() refuses to change received_at; a bulk update does not call it.
        fields = [
            "received_at",
            "created_at",
            "updated_at",
            "first_response_at",
            "resolved_at",
            "contact_email",
            "protected_identity",
            "priority",
            "registry_number",
        ]
        Case.objects.bulk_update(cases, fields, batch_size=200)
        created = CaseEvent.objects.bulk_create([event for event, _ in emails], batch_size=500)
        for event, (_, when) in zip(created, emails, strict=True):
            events.append(CaseEvent(pk=event.pk, created_at=when))
        CaseEvent.objects.bulk_update(events, ["created_at"], batch_size=500)
        self.builder.created[CaseEvent._meta.label] += len(created)
        marked = SecrecyMarking.objects.bulk_create([marking for marking, _ in markings])
        SecrecyMarking.objects.bulk_update(
            [SecrecyMarking(pk=m.pk, marked_at=when) for m, (_, when) in zip(marked, markings, strict=True)],
            ["marked_at"],
        )
        self.builder.created[SecrecyMarking._meta.label] += len(marked)


# Web traffic by hour of the day: some at night, most in the day and the evening.
HOURLY_WEB = [1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 6, 7, 7, 6, 6, 7, 7, 6, 6, 5, 5, 6, 6, 5, 3, 2]


def snapshot(eservice, channel, title, text):
    """A self-contained form snapshot: one step "arende" with the subject and the description."""
    return {
        "version": 1,
        "title": ESERVICE_TITLES.get(eservice) or CHANNEL_TITLES[channel],
        "steps": [
            {
                "name": "arende",
                "title": "Ärende",
                "fields": [
                    {"name": "arende", "label": "Ärende", "type": "CharField", "display": title},
                    {"name": "beskrivning", "label": "Beskrivning", "type": "CharField", "display": text},
                ],
            }
        ],
        "handling_time": "",
        "next_steps": "",
    }


def _ascii(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", folded.lower())


# --- Tallies and call-backs (kontaktstatistik; "Ring upp mig") -----------------------------------
#
# Tallies: about 2 000 simple contacts counted by the agents over the past 90 days, on weekdays
# in the phone's opening hours, about half answered directly. They hold no personal data, like
# the real ones. Added only when there are no tallies yet.
#
# Call-backs: 15 requests from the "Ring upp mig" e-service, waiting in the queue with their
# time window in the title. They are the newest cases (arrived after the last demo case), so
# references still follow arrival. Like the demo cases, they carry the one-step "arende"
# snapshot. Added with the demo cases, only when there are no call-back cases yet.

TALLY_SEED = _settings["tally_seed"]
TALLY_COUNT = _settings["tally_count"]
CALLBACK_COUNT = _settings["callback_count"]
CALL_BACK_ESERVICE = "ring-upp-mig"
CALLBACK_ABOUT = _words["callback_about"]


def build_demo_tallies(builder):
    existing = Tally.objects.count()
    if existing:
        builder.say(f"Tallies: {existing} exist already, so no demo tallies were added.")
        return
    rng = random.Random(TALLY_SEED)  # noqa: S311 -- reproducible demo data, not secrets
    tz = timezone.get_default_timezone()
    now = timezone.now()
    today = timezone.localdate(now, tz)
    agents = [builder.users["agent"], builder.users["agent2"], builder.users["chef"]]
    faqs_by_digit = {}
    for faq in builder.faqs.values():
        faqs_by_digit.setdefault(faq.service_area.menu_digit if faq.service_area_id else None, []).append(faq)
    channels = [Channel.PHONE, Channel.EMAIL, Channel.VISIT, Channel.CHAT, Channel.SMS, Channel.LETTER]
    digits = [9, 4, 3, 5, 1, 2]
    tallies = []
    while len(tallies) < TALLY_COUNT:
        day = today - dt.timedelta(days=rng.randint(0, DAYS))
        if day.weekday() >= 5:
            continue
        closes = 16 * 60 if day.weekday() == 4 else 16 * 60 + 45
        minute = rng.randrange(8 * 60, closes)
        when = dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randrange(60)), tz)
        if when >= now:
            continue
        digit = rng.choices(digits, weights=[32, 26, 16, 10, 8, 8])[0]
        simple = rng.random() < 0.75
        answered = rng.random() < (0.64 if simple else 0.15)  # about half, all told
        faqs = faqs_by_digit.get(digit) or []
        tallies.append(
            Tally(
                created_at=when,
                agent=rng.choices(agents, weights=[45, 45, 10])[0],
                channel=rng.choices(channels, weights=[68, 12, 9, 6, 3, 2])[0],
                service_area=builder.areas[digit],
                simple_question=simple,
                answered_directly=answered,
                faq=rng.choice(faqs) if answered and faqs and rng.random() < 0.35 else None,
            )
        )
    Tally.objects.bulk_create(tallies, batch_size=500)
    builder.created[Tally._meta.label] += len(tallies)


def build_demo_callbacks(builder):
    if Case.objects.filter(eservice=CALL_BACK_ESERVICE).exists():
        return
    call_back = catalogue.get(CALL_BACK_ESERVICE)
    rng = random.Random(TALLY_SEED + 1)  # noqa: S311 -- reproducible demo data, not secrets
    tz = timezone.get_default_timezone()
    now = timezone.now()
    latest = Case.objects.aggregate(latest=Max("received_at"))["latest"] or now - dt.timedelta(hours=1)
    gap = (now - dt.timedelta(minutes=1) - latest) / (CALLBACK_COUNT + 1)
    area = builder.areas[call_back.service_area_digit]
    department = builder.departments[call_back.department]
    opened = []
    for number in range(1, CALLBACK_COUNT + 1):
        received = latest + gap * number
        day = next_working_day(timezone.localdate(received, tz))
        halves = half_days(day)
        half = rng.choice(sorted(halves))
        hours = CallWindow(half, day, *halves[half]).hours
        about = rng.choice(CALLBACK_ABOUT)
        title = f"Ring upp {day.day}/{day.month} {hours}: {about}"
        phone = f"070-174 06 {rng.randint(5, 99):02d}"
        text = f"Ring {phone} den {day.day}/{day.month} kl. {hours}. Gäller: {about}."
        case, _ = open_case(
            NewCase(
                title=title,
                eservice=call_back.slug,
                first_contact_possible=call_back.first_contact_possible,
                answers={"arende": {"arende": title, "beskrivning": text}},
                form_snapshot={**snapshot("", Channel.WEB, title, text), "title": "Ring upp mig"},
                channel=Channel.WEB,
                service_area=area,
                department=department,
                contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                contact_phone=phone,
                retain_for_days=call_back.retention_days,
            )
        )
        opened.append((case, received))
    # Backdated like the demo cases (see the module's docstring): bulk updates bypass save().
    Case.objects.bulk_update(
        [Case(pk=case.pk, received_at=when, created_at=when, updated_at=when) for case, when in opened],
        ["received_at", "created_at", "updated_at"],
    )
    CaseEvent.objects.bulk_update(
        [
            CaseEvent(pk=pk, created_at=when)
            for case, when in opened
            for pk in CaseEvent.objects.filter(case=case).values_list("pk", flat=True)
        ],
        ["created_at"],
    )
    # Due dates counted from the backdated arrival, as for the demo cases.
    service_levels.recompute_due_dates(Case.objects.filter(pk__in=[case.pk for case, _ in opened]))
    builder.created[Case._meta.label] += len(opened)
    builder.created[CaseEvent._meta.label] += len(opened)


# --- Content flags ----------------------------------------------------------------------------------

# page:<slug> or faq:<key>, reason, comment, handled. No personal data: editors may not see the cases.
CONTENT_FLAGS = load("cases/content_flags")


def build_demo_content_flags(builder):
    """A few flags from demo cases, one already handled; rows written directly, so no e-mail is sent."""
    if ContentFlag.objects.exists():
        return
    cases = Case.objects.filter(confidential=False).order_by("received_at", "pk")
    if not cases.exists():
        return
    agents = [builder.users["agent"], builder.users["agent2"]]
    now = timezone.now()
    for number, spec in enumerate(CONTENT_FLAGS):
        reason, comment, handled = spec["reason"], spec["comment"], spec["handled"]
        kind, key = spec["item"].split(":", 1)
        page = builder.pages[key] if kind == "page" else None
        faq = builder.faqs[key] if kind == "faq" else None
        # A case the FAQ answered, or one of the page's department, else an earlier demo case.
        related = cases.filter(resolved_faq=faq) if faq else cases.filter(department=page.contact_department)
        case = (
            related[number : number + 1].first()
            or cases[number * 7 : number * 7 + 1].first()
            or cases.first()
        )
        flagged_at = min(case.received_at + dt.timedelta(hours=2), now - dt.timedelta(hours=1))
        flag = ContentFlag.objects.create(
            page=page,
            faq=faq,
            **flag_source(case),
            reason=reason,
            comment=comment,
            flagged_by=agents[number % 2],
            handled_at=min(flagged_at + dt.timedelta(days=1), now) if handled else None,
            handled_by=builder.editor if handled else None,
        )
        # created_at is set on insert (auto_now_add); backdated with an update, like the demo cases' clock.
        ContentFlag.objects.filter(pk=flag.pk).update(created_at=flagged_at)
        builder.created[ContentFlag._meta.label] += 1
