"""The report "Translations out of sync": what an editor must still do after a Swedish change.

Translations are made with wagtail-localize's own operations, as demo/translations.py makes them
(a translator's strings imported as a PO file, then published); a change reaches them through
wagtail-localize's own sync view, as an editor's click on "Synkronisera" does.
"""

import csv
import datetime as dt
from io import BytesIO, StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale, Page

import pytest
from openpyxl import load_workbook
from wagtail_localize.models import Translation, TranslationSource

from demo.translations import fill, translate
from pages import translation_status as ts
from pages.models import EasyReadPage, HomePage, InformationPage, ServiceAreaPage
from tests.factories import FAQFactory, InformationPageFactory, UserFactory, publish

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/oversattningar-i-otakt/"


class Translator(dict):
    """A translator's file that has every string: the English text is the Swedish one, marked."""

    def get(self, text, default=""):
        return f"EN {text}"


def in_english(instance):
    return translate(instance, Locale.objects.get(language_code="en"), Translator())


def retranslate(instance):
    """The translator translates what is left and publishes (a snippet: saves), from the synced source."""
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(instance), target_locale__language_code="en"
    )
    fill(translation, Translator())
    target = instance.get_translation(Locale.objects.get(language_code="en"))
    if isinstance(target, Page):
        target.specific.get_latest_revision().publish()


@pytest.fixture
def home():
    home = HomePage.objects.get(locale__language_code="sv")
    in_english(home)
    return home


@pytest.fixture
def page(home):
    page = publish(InformationPageFactory(parent=home, title="Teletal", slug="teletal", intro="Ring oss."))
    in_english(page)
    return InformationPage.objects.get(pk=page.pk)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.get(username="editor")
    client.force_login(user)
    return user


def rows(client, **filters):
    response = client.get(REPORT_URL, filters)
    assert response.status_code == 200
    return response.context["rows"]


def row_for(client, title, **filters):
    found = [row for row in rows(client, **filters) if row.title == title]
    assert len(found) <= 1
    return found[0] if found else None


def sync(client, instance, *, publish=False):
    """The editor's "Synkronisera": wagtail-localize's update view for the Swedish source."""
    source = TranslationSource.objects.get_for_instance(instance)
    data = {"publish_translations": "on"} if publish else {}
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)
    assert response.status_code == 302


def change_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return InformationPage.objects.get(pk=page.pk)


def test_a_changed_swedish_page_is_listed_until_synced_translated_and_published(client, editor, page):
    assert row_for(client, "Teletal", typ=ts.PAGE) is None  # just translated: in sync

    page = change_and_publish(page, intro="Ring oss på 08-465 004 00.")
    row = row_for(client, "Teletal", typ=ts.PAGE)
    assert row is not None and row.status == ts.SYNC and row.language == "en"
    source = TranslationSource.objects.get_for_instance(page)
    assert row.changed_at == page.last_published_at > source.last_updated_at == row.synced_at
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert row.edit_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert row.sync_url.startswith(reverse("wagtail_localize:update_translations", args=[source.pk]))
    html = client.get(REPORT_URL).content.decode()
    assert "Teletal" in html and row_for(client, "Teletal").sync_url in html

    # The row's "Synkronisera", "Publicera omgående" unticked as docs/languages.md asks: back to the report.
    response = client.post(row.sync_url)
    assert response.status_code == 302 and response["Location"] == f"{REPORT_URL}?typ={ts.PAGE}"
    row = row_for(client, "Teletal", typ=ts.PAGE)
    assert row.status == ts.TRANSLATE and row.untranslated == 1  # the changed intro
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english.locale
    )
    total, translated = translation.get_progress()
    assert row.untranslated == total - translated

    retranslate(page)
    assert row_for(client, "Teletal", typ=ts.PAGE) is None


def test_syncing_with_publish_clears_a_change_without_strings(
    client, editor, page, django_capture_on_commit_callbacks
):
    change_and_publish(page, review_by=dt.date(2027, 6, 1))  # a date: no string to translate
    assert row_for(client, "Teletal").status == ts.SYNC
    with django_capture_on_commit_callbacks(execute=True):  # the translation is published on commit
        sync(client, page, publish=True)
    assert row_for(client, "Teletal") is None
    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.review_by == dt.date(2027, 6, 1)


def test_a_synced_translation_not_yet_published_says_so(client, editor, page):
    change_and_publish(page, review_by=dt.date(2027, 6, 1))
    sync(client, page)  # unticked: nothing published
    assert row_for(client, "Teletal").status == ts.PUBLISH


def test_a_changed_snippet_is_listed_the_same_way(client, editor, home):
    faq = FAQFactory(question="Hur bokar jag tolk?", answer="<p>Ring kontaktcenter.</p>")
    in_english(faq)
    assert row_for(client, "Hur bokar jag tolk?", typ=ts.SNIPPET) is None

    faq.answer = "<p>Ring kontaktcenter, tolken är gratis.</p>"
    faq.save()
    row = row_for(client, "Hur bokar jag tolk?", typ=ts.SNIPPET)
    assert row.status == ts.SYNC and row.kind == ts.SNIPPET and row.changed_at == faq.updated_at
    english = faq.get_translation(Locale.objects.get(language_code="en"))
    assert row.edit_url == reverse(type(faq).snippet_viewset.get_url_name("edit"), args=[english.pk])
    assert row_for(client, "Hur bokar jag tolk?", typ=ts.PAGE) is None  # the kind filter

    sync(client, faq)
    row = row_for(client, "Hur bokar jag tolk?", typ=ts.SNIPPET)
    assert row.status == ts.TRANSLATE and row.untranslated == 1
    retranslate(faq)
    assert row_for(client, "Hur bokar jag tolk?") is None
    english.refresh_from_db()
    assert "tolken är gratis" in english.answer


def test_an_easy_read_page_is_listed_when_its_original_is_published_after_it_was_compared(
    client, editor, page
):
    easy = EasyReadPage(title="Teletal – lättläst", slug="lattlast")
    page.add_child(instance=easy)
    easy.save_revision().publish()
    assert row_for(client, "Teletal", typ=ts.EASY_READ) is None  # written after the original

    page = change_and_publish(page, intro="Ring oss på 08-465 004 00.")
    row = row_for(client, "Teletal", typ=ts.EASY_READ)
    assert row.status == ts.READ and row.translated_title == "Teletal – lättläst"
    assert row.edit_url == reverse("wagtailadmin_pages:edit", args=[easy.pk])

    easy = EasyReadPage.objects.get(pk=easy.pk)
    easy.reviewed_against_original = timezone.localdate()  # the editor read it today
    easy.save_revision().publish()
    assert row_for(client, "Teletal", typ=ts.EASY_READ) is None

    easy.reviewed_against_original = timezone.localdate() - dt.timedelta(days=1)
    easy.save_revision().publish()
    assert row_for(client, "Teletal", typ=ts.EASY_READ).synced_at == easy.reviewed_against_original
    # Lättläst is Swedish: not under a language.
    assert all(row.kind != ts.EASY_READ for row in rows(client, sprak="en"))


def test_the_easy_read_date_is_in_the_page_editor(client, editor, page):
    easy = EasyReadPage(title="Teletal – lättläst", slug="lattlast")
    page.add_child(instance=easy)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[easy.pk]))
    assert 'name="reviewed_against_original"' in response.content.decode()


def test_swedish_pages_missing_in_a_language_with_a_home_page_are_counted_and_listed(
    client, editor, home, page
):
    untranslated = publish(InformationPageFactory(parent=home, title="Om webbplatsen", slug="om-webbplatsen"))
    easy = EasyReadPage(title="Lättläst", slug="lattlast")
    home.add_child(instance=easy)
    easy.save_revision().publish()

    missing = rows(client, typ=ts.MISSING)
    titles = {row.title for row in missing}
    assert "Om webbplatsen" in titles and "Teletal" not in titles  # Teletal is translated
    assert "Lättläst" not in titles  # never translated (decision 0009)
    assert {row.language for row in missing} == {"en"}  # ar and fi have no home page
    row = next(row for row in missing if row.title == "Om webbplatsen")
    assert row.translate_url == reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk])

    response = client.get(REPORT_URL)
    counts = {language["code"]: language["count"] for language in response.context["missing"]}
    assert counts == {"en": len(missing)}
    assert rows(client, typ=ts.MISSING, sprak="ar") == []


def test_someone_who_may_not_edit_pages_is_refused_and_has_no_menu_item(client, page):
    client.force_login(get_user_model().objects.get(username="agent"))
    for query in ({}, {"export": "csv"}):
        # Wagtail's refusal: back to the dashboard with "Sorry, you do not have permission…".
        response = client.get(REPORT_URL, query)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert REPORT_URL not in client.get("/admin/").content.decode()
    assert client.get(reverse("translations_out_of_sync:results")).status_code == 302


def test_the_report_is_under_reports_for_editors(client, editor):
    response = client.get("/admin/")
    assert REPORT_URL in response.content.decode()


def test_an_editor_of_one_branch_sees_only_the_pages_they_may_edit(client, home, page):
    page = change_and_publish(page, intro="Ny text.")
    area = ServiceAreaPage.objects.filter(locale__language_code="sv").first()
    group = Group.objects.create(name="Redaktörer Bygg")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=area, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory(username="byggredaktor", groups=["Redaktörer Bygg"])
    client.force_login(user)
    assert client.get(REPORT_URL).status_code == 200
    seen = rows(client)
    assert all(row.title != "Teletal" for row in seen)  # out of sync, but not theirs
    assert {row.title for row in seen if row.kind == ts.MISSING} == {
        p.title for p in area.get_descendants(inclusive=True).live().not_type(EasyReadPage)
    }
    # Nor a snippet they may not change.
    faq = FAQFactory(question="Får jag elda?")
    in_english(faq)
    faq.answer = "<p>Nej.</p>"
    faq.save()
    assert all(row.kind != ts.SNIPPET for row in rows(client))


def test_the_report_exports_as_csv_and_xlsx_with_the_filters(client, editor, page):
    change_and_publish(page, intro="Ring oss på 08-465 004 00.")
    response = client.get(REPORT_URL, {"typ": ts.PAGE, "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="oversattningar-i-otakt.csv"'
    table = list(csv.reader(StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(table) == 2  # headings and the one page: the filter holds for the export
    assert "Teletal" in table[1] and "en" in table[1]
    xlsx = client.get(REPORT_URL, {"export": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="oversattningar-i-otakt.xlsx"'
    sheet = list(load_workbook(BytesIO(xlsx.getvalue())).active.values)
    assert any("Teletal" in (cell or "" for cell in map(str, line)) for line in sheet[1:])


def test_the_untranslated_count_is_wagtail_localizes_progress(editor, page):
    page = change_and_publish(page, title="Teletal för döva", intro="Ny text.")
    TranslationSource.objects.get_for_instance(page).update_from_db()
    row = next(row for row in ts.page_translations(editor) if row.title == "Teletal för döva")
    translation = Translation.objects.get(source__object_id=page.translation_key)
    total, translated = translation.get_progress()
    assert row.untranslated == total - translated == 2


def test_a_changed_eservice_is_listed_like_any_page(client, editor, home, in_english):
    """An e-service's questions and messages are strings of its page (docs/languages.md, step 7)."""
    english = in_english("felanmalan")
    swedish = english.get_translation(Locale.objects.get(language_code="sv")).specific
    assert row_for(client, swedish.title, typ=ts.PAGE) is None
    swedish.intro = "Berätta om det som är trasigt."
    swedish.save_revision().publish()
    row = row_for(client, swedish.title, typ=ts.PAGE)
    assert row.status == ts.SYNC and row.edit_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
