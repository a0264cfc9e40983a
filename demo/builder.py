"""Builds Exempelkommun from the data files in ``demo/data/`` (read by ``demo/content.py``).

Idempotent by design: every object is looked up by a stable key (a slug under its
parent, a name, a form number, a phone-menu digit) and created only if it is missing.
An existing object is never overwritten; only its empty fields are filled in, so an
editor's changes survive a second run. Pages get one revision and are published once,
when they are created. A second run on a complete site writes nothing.
"""

import contextlib
import datetime as dt
import logging
import re
import secrets
import unicodedata
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models, transaction

from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo import blanketter, content, search_misses
from demo.bodies import DOC_REF, PAGE_REF
from pages import models as m
from pages.base_url import site_address

PAGE_TYPES = {
    model.__name__: model
    for model in (
        m.HomePage,
        m.ServiceAreaPage,
        m.ServicePage,
        m.InformationPage,
        m.ContactCentrePage,
        m.DepartmentDirectoryPage,
        m.FAQPage,
        m.BlankettLibraryPage,
        m.OfficialsRegisterPage,
        m.AccessibilityStatementPage,
        m.PrivacyNoticePage,
        m.EasyReadPage,
        m.OtherLanguagePage,
    )
}
# Pages are checked again a year after their last review; these few, whose rules change
# often, every quarter, so the demo has some pages past their review date (the specs were
# reviewed in August to November 2026).
REVIEW_INTERVAL = dt.timedelta(days=365)
QUARTERLY_REVIEW = {"personuppgifter", "parkeringstillstand", "familjeradgivning"}
PAGE_LINK = re.compile(r'<a href="page:([a-z0-9-]+)">')
DOC_LINK = re.compile(r'<a href="doc:([A-Z0-9-]+)">')


class DemoBuilder:
    """Creates what is missing and reports what it did through ``stdout``."""

    def __init__(self, *, password=None, stdout=None, style=None, verbosity=1, extensions=()):
        self.password = password
        # Callables given this builder, run in the same transaction after the pages exist:
        # how other apps (e-services, cases) add their demo content without pages importing them.
        self.extensions = list(extensions)
        self.stdout = stdout
        self.style = style
        self.verbosity = verbosity
        self.created = Counter()
        self.created_now = set()  # (model label, pk) of what this run created
        self.updated = Counter()
        self.deleted = Counter()
        self.to_reindex = []
        self.files_written = []
        self.new_pages = []  # (page, fields that refer to other pages), in creation order
        self.pages = {}  # slug -> page
        self.generated_password = None
        self.new_users = []
        self.users_without_password = []
        self.passwords_changed = []

    # --- entry point ------------------------------------------------------------

    def build(self, *, index=True):
        _check_content()
        try:
            with transaction.atomic(), disable_reference_index_auto_update(), self.quiet_wagtail_log():
                self.build_locales()
                self.build_users()
                self.build_organisation()
                self.build_faqs()
                self.build_blanketter()
                self.build_officials()
                self.build_opening_hours()
                home = self.build_pages()
                self.build_site(home)
                self.build_settings()
                for extension in self.extensions:
                    extension(self)
                self.update_reference_index()
        except BaseException:
            # The database rolls back; remove the PDF files written for it.
            for document_file in self.files_written:
                document_file.storage.delete(document_file.name)
            raise
        changed = bool(self.created or self.updated or self.deleted)
        if index and changed:
            self.say("Rebuilding the search index…")
            call_command("update_index", verbosity=max(0, self.verbosity - 1))
        self.report(index_rebuilt=index and changed)

    @contextlib.contextmanager
    def quiet_wagtail_log(self):
        """Wagtail logs every page it creates and publishes, WeasyPrint every step of every PDF;
        show that only at -v 2 and up."""
        loggers = [logging.getLogger(name) for name in ("wagtail", "weasyprint", "weasyprint.progress")]
        levels = [logger.level for logger in loggers]
        if self.verbosity < 2:
            for logger in loggers:
                logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)

    # --- locales and users --------------------------------------------------------

    def build_locales(self):
        for code in [content.LANGUAGE, *content.OTHER_LANGUAGES]:
            self.get_or_create(Locale, {"language_code": code}, {})
        self.locale = Locale.objects.get(language_code=content.LANGUAGE)

    def build_users(self):
        if self.password is None and settings.DEBUG:
            new_password = secrets.token_urlsafe(12)
        else:
            new_password = self.password

        user_model = get_user_model()
        self.users = {}
        for spec in content.USERS:
            user = user_model.objects.filter(username=spec["username"]).first()
            if user is None:
                user = user_model(
                    username=spec["username"],
                    email=spec["email"],
                    first_name=spec["first_name"],
                    last_name=spec["last_name"],
                    is_superuser=spec["is_superuser"],
                    is_staff=spec["is_superuser"],
                )
                if new_password:
                    user.set_password(new_password)
                    if self.password is None:
                        self.generated_password = new_password
                else:
                    user.set_unusable_password()
                    self.users_without_password.append(user.username)
                user.save()
                self.new_users.append(user.username)
                self.mark_created(user)
            elif self.password and not user.check_password(self.password):
                user.set_password(self.password)
                user.save(update_fields=["password"])
                self.passwords_changed.append(user.username)
                self.mark_updated(user)
            for name in spec["groups"]:
                # Only the group: its permissions are the role's (portal/roles.py, set up after the users).
                group = self.get_or_create(Group, {"name": name}, {})
                if not user.groups.filter(pk=group.pk).exists():
                    user.groups.add(group)
                    self.mark_updated(user)
            self.users[user.username] = user
        self.editor = self.users[content.RESPONSIBLE_EDITOR]

    # --- snippets -------------------------------------------------------------------

    def build_organisation(self):
        self.committees = {
            spec["name"]: self.get_or_create(
                m.Committee, {"name": spec["name"]}, {"description": spec["description"]}
            )
            for spec in content.COMMITTEES
        }
        self.departments = {}
        for spec in content.DEPARTMENTS:
            values = {key: value for key, value in spec.items() if key not in ("name", "committee")}
            values["committee"] = self.committees[spec["committee"]]
            self.departments[spec["name"]] = self.get_or_create(
                m.Department, {"name": spec["name"], "locale": self.locale}, values
            )
        self.areas = {}
        for spec in content.SERVICE_AREAS:
            values = {
                "name": spec["name"],
                "summary": spec["summary"],
                "default_department": self.departments[spec["default_department"]],
                "confidential": spec["confidential"],
            }
            self.areas[spec["menu_digit"]] = self.get_or_create(
                m.ServiceArea, {"menu_digit": spec["menu_digit"], "locale": self.locale}, values
            )

    def build_faqs(self):
        self.faqs = {}
        for key, (digit, question, answer) in content.FAQS.items():
            self.faqs[key] = self.get_or_create(
                m.FAQ,
                {"question": question, "locale": self.locale},
                {"answer": answer, "service_area": self.areas[digit]},
            )
        search_misses.build_demo_search_statistics(self)

    def build_blanketter(self):
        categories = {
            name: self.get_or_create(m.BlankettCategory, {"name": name, "locale": self.locale}, {})
            for name in content.BLANKETT_CATEGORIES
        }
        self.blanketter = {}
        for spec in content.BLANKETTER:
            lookup = {"code": spec["code"], "locale": self.locale}
            values = {
                "title": spec["title"],
                "description": spec["description"],
                "category": categories[spec["category"]],
                "service_area": self.areas[spec["area"]],
                # No e-service replaces a form yet; the e-services come later.
            }
            blankett = m.Blankett.objects.filter(**lookup).first()
            if blankett is None:
                values["document"] = self.blankett_document(spec)
            self.blanketter[spec["code"]] = self.get_or_create(m.Blankett, lookup, values)

    def blankett_document(self, spec):
        """The blankett's PDF as a Wagtail document, generated only if there is none yet."""
        document_model = get_document_model()
        title = f"{spec['title']} ({spec['code']})"
        document = document_model.objects.filter(title=title).first()
        if document is not None:
            return document
        department = next(d for d in content.DEPARTMENTS if d["name"] == spec["department"])
        data = blanketter.render_blankett(
            spec,
            municipality=content.MUNICIPALITY,
            department=department["name"],
            postal_address=department["postal_address"],
            phone=department["phone"],
            email=department["email"],
            edition=content.BLANKETT_EDITION,
            texts=content.BLANKETT_TEXTS,
        )
        document = document_model(title=title)
        document.file.save(f"blankett-{spec['code'].lower()}.pdf", ContentFile(data), save=False)
        self.files_written.append(document.file)
        document._set_document_file_metadata()
        document.save()
        self.mark_created(document)
        return document

    def build_officials(self):
        parties = {
            spec["abbreviation"]: self.get_or_create(
                m.Party, {"name": spec["name"]}, {"abbreviation": spec["abbreviation"]}
            )
            for spec in content.PARTIES
        }
        for spec in content.OFFICIALS:
            first_name, last_name = spec["first_name"], spec["last_name"]
            official = self.get_or_create(
                m.ElectedOfficial,
                {"first_name": first_name, "last_name": last_name},
                {
                    "party": parties[spec["party"]],
                    "district": spec["district"],
                    "email": f"{_ascii(first_name)}.{_ascii(last_name)}@exempelkommun.example",
                },
            )
            for order, held in enumerate(spec["seats"]):
                term = content.TERMS[held["term"]]
                seat = {
                    "committee": self.committees[held["committee"]],
                    "role": held["role"],
                    "term_start": term["start"],
                }
                if not official.assignments.filter(**seat).exists():
                    assignment = m.Assignment.objects.create(
                        official=official, term_end=term["end"], sort_order=order, **seat
                    )
                    self.mark_created(assignment, reindex=False)
                    if official not in self.to_reindex:
                        self.to_reindex.append(official)

    def build_opening_hours(self):
        for spec in content.OPENING_HOURS:
            digits = set(spec["menu_digits"])
            existing = [
                hours
                for hours in m.OpeningHours.objects.filter(channel=spec["channel"])
                if {area.menu_digit for area in hours.service_areas.all()} == digits
            ]
            if existing:
                continue
            hours = m.OpeningHours(
                channel=spec["channel"],
                sort_order=spec["sort_order"],
                closed_on_public_holidays=True,
                closed_on_eves=True,
            )
            hours.service_areas = [self.areas[digit] for digit in sorted(digits)]
            hours.weekly = [
                m.WeeklyHours(
                    first_day=row["days"][0],
                    last_day=row["days"][1],
                    opens=_time(row["opens"]),
                    closes=_time(row["closes"]),
                    sort_order=order,
                )
                for order, row in enumerate(spec["weekly"])
            ]
            hours.seasonal = [
                m.SeasonalHours(
                    name=season["name"],
                    start_month=_month_day(season["from"])[0],
                    start_day=_month_day(season["from"])[1],
                    end_month=_month_day(season["to"])[0],
                    end_day=_month_day(season["to"])[1],
                    first_day=season["days"][0],
                    last_day=season["days"][1],
                    opens=_time(season["opens"]),
                    closes=_time(season["closes"]),
                    sort_order=order,
                )
                for order, season in enumerate(spec["seasonal"])
            ]
            hours.exceptions = [
                m.OpeningHoursException(
                    date=exception["date"],
                    closed=exception["opens"] is None,
                    opens=_time(exception["opens"]),
                    closes=_time(exception["closes"]),
                    note=exception["note"],
                    sort_order=order,
                )
                for order, exception in enumerate(spec["exceptions"])
            ]
            hours.save()
            self.mark_created(hours)

    # --- pages ---------------------------------------------------------------------

    def build_pages(self):
        home = self.home_page()
        for spec in content.HOME["children"]:
            self.page(home, spec)
        self.publish_new_pages()
        return home

    def home_page(self):
        home = m.HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            spec = content.HOME
            home = self.new_page(Page.get_first_root_node(), spec, locale=self.locale)
        self.pages[content.HOME["slug"]] = home
        return home

    def page(self, parent, spec):
        page = parent.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            page = self.new_page(parent, spec)
        self.pages[spec["slug"]] = page
        for child in spec.get("children", []):
            self.page(page, child)
        return page

    def new_page(self, parent, spec, **extra):
        # Another app's extension passes its page model itself, so pages need not import it.
        model = spec["type"] if isinstance(spec["type"], type) else PAGE_TYPES[spec["type"]]
        fields = self.page_fields(spec)
        now = {name: value for name, value in fields.items() if not _has_refs(value)}
        later = {name: value for name, value in fields.items() if _has_refs(value)}
        page = model(title=spec["title"], slug=spec["slug"], live=False, **now, **extra)
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create")
        self.new_pages.append((page, later))
        self.mark_created(page, reindex=False)
        return page

    def page_fields(self, spec):
        fields = dict(spec.get("fields", {}))
        if "area" in spec:
            fields["service_area"] = self.areas[spec["area"]]
        if "department" in spec:
            fields["contact_department"] = self.departments.get(spec["department"])
        if "reviewed" in spec:
            fields["last_reviewed"] = spec["reviewed"]
            quarterly = spec["slug"] in QUARTERLY_REVIEW
            fields["review_by"] = spec["reviewed"] + (dt.timedelta(days=90) if quarterly else REVIEW_INTERVAL)
            fields["responsible_editor"] = self.editor
        if "blanketter" in spec:
            fields["related_blanketter"] = [
                m.ServicePageBlankett(blankett=self.blanketter[code], sort_order=order)
                for order, code in enumerate(spec["blanketter"])
            ]
        if "faqs" in spec:
            fields["related_faqs"] = [
                m.ServicePageFAQ(faq=self.faqs[key], sort_order=order)
                for order, key in enumerate(spec["faqs"])
            ]
        return fields

    def publish_new_pages(self):
        """Give each new page its links to other pages, then one revision, published."""
        for created, later in self.new_pages:
            page = type(created).objects.get(pk=created.pk)
            for name, value in later.items():
                setattr(page, name, self.resolve_field(type(page), name, value))
            revision = page.save_revision()
            revision.publish()
            self.to_reindex.append(page)
        self.new_pages = []

    def resolve_field(self, model, name, value):
        field = model._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            return self.page_by_ref(value)
        if isinstance(field, StreamField):
            return self.resolve_stream(value)
        return self.resolve_html(value)

    def resolve_stream(self, value):
        if isinstance(value, dict):
            return {key: self.resolve_stream(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve_stream(item) for item in value]
        if isinstance(value, str) and value.startswith(PAGE_REF):
            return self.page_by_ref(value).pk
        if isinstance(value, str):
            return self.resolve_html(value)
        return value

    def resolve_html(self, html):
        html = PAGE_LINK.sub(
            lambda match: f'<a linktype="page" id="{self.page_by_ref(PAGE_REF + match[1]).pk}">', html
        )
        return DOC_LINK.sub(
            lambda match: f'<a linktype="document" id="{self.blanketter[match[1]].document_id}">', html
        )

    def page_by_ref(self, ref):
        return self.pages[ref.removeprefix(PAGE_REF)]

    # --- site and settings ---------------------------------------------------------------

    def build_site(self, home):
        """Point the default site at the home page and remove Wagtail's welcome page."""
        hostname, port = site_address()
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname=hostname, port=port).first()
        )
        if site is None:
            site = Site.objects.create(
                root_page=home, is_default_site=True, hostname=hostname, port=port, **content.SITE
            )
            self.mark_created(site)
        else:
            changed = []
            # Every absolute link (sitemap, PDFs, e-mails) must name the address that serves.
            if (site.hostname, site.port) != (hostname, port):
                site.hostname, site.port = hostname, port
                changed += ["hostname", "port"]
            if not isinstance(site.root_page.specific, m.HomePage):
                site.root_page = home
                changed.append("root_page")
            if not site.site_name:
                site.site_name = content.SITE["site_name"]
                changed.append("site_name")
            if not site.is_default_site:
                site.is_default_site = True
                changed.append("is_default_site")
            if changed:
                site.save()
                self.mark_updated(site)

        for page in Page.objects.filter(depth=2, numchild=0).exclude(pk=home.pk):
            is_welcome_page = page.specific_class is Page and (
                page.slug == "home" or page.title.startswith("Welcome to")
            )
            if is_welcome_page and not Site.objects.filter(root_page=page).exists():
                self.say(f"  - deleting Wagtail's default page “{page.title}”", level=2)
                page.delete()
                self.deleted[Page._meta.label] += 1

    def build_settings(self):
        existed = m.MunicipalitySettings.objects.exists()
        municipality = m.MunicipalitySettings.load()
        if not existed:
            self.mark_created(municipality)
        changed = []
        for name, value in content.SETTINGS.items():
            if isinstance(value, str) and value.startswith(PAGE_REF):
                value = self.page_by_ref(value)
            if _blank(getattr(municipality, name)):
                setattr(municipality, name, value)
                changed.append(name)
        if changed:
            municipality.save(update_fields=changed)
            if existed:
                self.mark_updated(municipality)

    def update_reference_index(self):
        """Index the references of what we wrote, instead of queueing a task per save."""
        for instance in self.to_reindex:
            if ReferenceIndex.is_indexed(type(instance)):
                ReferenceIndex.create_or_update_for_object(instance)

    # --- bookkeeping --------------------------------------------------------------------

    def get_or_create(self, model, lookup, values, reindex=True):
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup, **values)
            instance.save()
            self.mark_created(instance, reindex=reindex)
            return instance
        changed = [
            name for name, value in values.items() if _blank(getattr(instance, name)) and not _blank(value)
        ]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.save(update_fields=changed)
            self.mark_updated(instance, reindex=reindex)
        return instance

    def mark_created(self, instance, reindex=True):
        self.created[type(instance)._meta.label] += 1
        self.created_now.add((type(instance)._meta.label, instance.pk))
        if reindex:
            self.to_reindex.append(instance)
        self.say(f"  + {type(instance)._meta.label}: {instance}", level=2)

    def mark_updated(self, instance, reindex=True):
        if (type(instance)._meta.label, instance.pk) in self.created_now:
            return  # part of creating it, not a change
        self.updated[type(instance)._meta.label] += 1
        if reindex and instance not in self.to_reindex:
            self.to_reindex.append(instance)
        self.say(f"  ~ {type(instance)._meta.label}: {instance}", level=2)

    def say(self, message, level=1, style=None):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(style(message) if style else message)

    def report(self, index_rebuilt):
        success = self.style.SUCCESS if self.style else None
        warning = self.style.WARNING if self.style else None
        if not (self.created or self.updated or self.deleted):
            self.say(f"{content.MUNICIPALITY} is already complete; nothing to do.", style=success)
        else:
            counters = (("Created", self.created), ("Updated", self.updated), ("Deleted", self.deleted))
            for title, counter in counters:
                if counter:
                    self.say(f"{title}:")
                    for label, count in sorted(counter.items()):
                        self.say(f"  {count:4d}  {label}")
            if index_rebuilt:
                self.say("Search index rebuilt.")
            home = self.pages[content.HOME["slug"]]
            self.say(
                f"{content.MUNICIPALITY} is ready: {len(self.pages)} pages under “{home}”.", style=success
            )
        if self.passwords_changed:
            self.say(f"Password changed for: {', '.join(self.passwords_changed)}.")
        # Printed at every verbosity: without it nobody can sign in.
        if self.generated_password:
            self.say(
                f"Generated password for the new demo users ({', '.join(self.new_users)}): "
                f"{self.generated_password}",
                level=0,
                style=warning,
            )
        if self.users_without_password:
            self.say(
                f"The demo users {', '.join(self.users_without_password)} were created without a "
                "usable password (DEBUG is off). Run seed_demo again with --password to set one.",
                level=0,
                style=warning,
            )


# --- helpers ----------------------------------------------------------------------------


def _check_content():
    """Slugs are the keys for links between pages, so they must be unique in the demo."""
    slugs = []

    def collect(spec):
        slugs.append(spec["slug"])
        for child in spec.get("children", []):
            collect(child)

    collect(content.HOME)
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise ValueError(f"Duplicate slugs in the demo content: {duplicates}")


def _has_refs(value):
    if isinstance(value, dict):
        return any(_has_refs(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_has_refs(item) for item in value)
    if isinstance(value, str):
        return value.startswith(PAGE_REF) or f'href="{PAGE_REF}' in value or f'href="{DOC_REF}' in value
    return False


def _blank(value):
    return value is None or value == ""


def _time(value):
    return dt.time.fromisoformat(value) if value else None


def _month_day(value):
    """``"06-01"`` -> ``(6, 1)``."""
    month, day = value.split("-")
    return int(month), int(day)


def _ascii(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
