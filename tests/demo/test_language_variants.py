"""Issue 12's remaining parts in the demo: the accessibility statement in every language, canned
replies in the case's language, and lättläst versions of e-service start pages."""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page

import pytest
from wagtail_localize.models import TranslationSource

from contactcentre import canned
from contactcentre.models import CannedReply
from contactcentre.services import NewCase, open_case
from demo.translations import FOLDER
from eservices.models import EServicePage
from pages.models import AccessibilityStatementPage, EasyReadPage, ServiceArea

pytestmark = pytest.mark.usefixtures("demo")
LANGUAGES = [code for code in ("en", "ar", "fi") if (FOLDER / f"{code}.po").exists()]
# What part 5 of the issue asks the statement to say, in each language.
STATEMENT_SAYS = {
    "sv": ["svenska, engelska, arabiska och finska", "lättläst", "E-tjänsterna testas"],
    "en": ["Swedish, English, Arabic and Finnish", "easy-to-read Swedish", "The e-services are tested"],
    "ar": ["السويدية والإنجليزية والعربية والفنلندية", "السهلة القراءة", "تُختبر الخدمات الإلكترونية"],
    "fi": ["ruotsiksi, englanniksi, arabiaksi ja suomeksi", "selkoruotsinkielinen", "E-palvelut testataan"],
}


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


# --- The accessibility statement ---------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_accessibility_statement_is_published_in_every_language(client, code):
    swedish = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    statement = swedish.get_translation(Locale.objects.get(language_code=code))
    assert statement.live
    # A wagtail-localize translation of the Swedish page, in sync with it: an editor sees it as one.
    source = TranslationSource.objects.get(object_id=swedish.translation_key, locale=swedish.locale)
    assert source.translations.filter(target_locale=statement.locale, enabled=True).exists()

    response = client.get(statement.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html_tag(html).startswith(f'<html lang="{code}"')
    for words in STATEMENT_SAYS[code]:
        assert words in html, (code, words)
    assert "Tillgänglighetsredogörelse" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_swedish_statement_says_the_same():
    page = Page.objects.get(slug="tillganglighetsredogorelse", locale__language_code="sv").specific
    text = f"{page.intro} {page.assessment_description}"
    for words in STATEMENT_SAYS["sv"]:
        assert words in text


# --- Canned replies in the case's language ----------------------------------------------------


def case_in(language, digit=4):
    case, _ = open_case(
        NewCase(
            title="Gatlampa släckt",
            service_area=ServiceArea.objects.get(menu_digit=digit, locale__language_code="sv"),
            contact_name="Tolvan Tolvansson",
            contact_email="tolvan@example.com",
            language=language,
        )
    )
    return case


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_canned_reply_is_translated_through_wagtail_localize(code):
    swedish = CannedReply.objects.filter(locale__language_code="sv")
    translated = CannedReply.objects.filter(locale__language_code=code)
    assert swedish.count() >= 10
    assert set(translated.values_list("translation_key", flat=True)) == set(
        swedish.values_list("translation_key", flat=True)
    )
    for reply in translated:
        source = reply.get_translation(Locale.objects.get(language_code="sv"))
        assert reply.title != source.title
        # The placeholders survive translation, and the lines stay lines.
        for key in ("{name}", "{reference}", "{department}"):
            assert (key in reply.body) == (key in source.body), (reply, key)
        assert reply.body.count("\n") == source.body.count("\n"), reply
        assert "<br>" not in reply.body


@pytest.mark.parametrize("code", LANGUAGES)
def test_staff_are_offered_the_canned_replies_in_the_case_language(client, code):
    case = case_in(code)
    offered = list(canned.for_case(case))
    assert offered and {reply.locale.language_code for reply in offered} == {code}
    # The area's own reply first, here the fault report's.
    assert offered[0].service_area.menu_digit == 4

    client.force_login(get_user_model().objects.get(username="agent"))
    page = client.get(f"/admin/arenden/{case.pk}/", {"svarsmall": offered[0].pk}).content.decode()
    assert f'value="{offered[0].pk}" lang="{code}" selected' in page
    assert offered[0].get_translation(Locale.objects.get(language_code="sv")).title not in page
    first_line = canned.render(offered[0], case).split("\n")[0]
    assert "Tolvan Tolvansson" in first_line
    assert first_line in page.replace("&#x27;", "'")


def test_a_swedish_case_is_offered_the_swedish_replies():
    offered = list(canned.for_case(case_in("sv")))
    assert offered and {reply.locale.language_code for reply in offered} == {"sv"}


def test_a_language_without_canned_replies_falls_back_to_swedish():
    CannedReply.objects.filter(locale__language_code="en").delete()
    offered = list(canned.for_case(case_in("en")))
    assert offered and {reply.locale.language_code for reply in offered} == {"sv"}


# --- Lättläst on the e-services' start pages ----------------------------------------------------


@pytest.mark.parametrize("slug", ["gor-en-felanmalan", "ansok-om-forskoleplats"])
def test_an_eservice_start_page_links_to_its_easy_read_version(client, slug):
    eservice = EServicePage.objects.get(slug=slug, locale__language_code="sv")
    easy_read = EasyReadPage.objects.child_of(eservice).live().get()
    html = client.get(eservice.get_url()).content.decode()
    assert f'<a href="{easy_read.get_url()}" lang="sv">Lättläst</a>' in html

    # The e-service's own routes (starta/, steg/…) do not hide the child page.
    response = client.get(easy_read.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<article class="easy-read" lang="sv">' in html
    assert html_tag(html).startswith('<html lang="sv"')
    assert f'href="{eservice.get_url()}"' in html  # and back to the e-service
    # Lättläst: short sentences (the guidelines; here at most 15 words each, on average fewer than 10).
    text = " ".join(str(block.value) for block in easy_read.body if block.block_type == "paragraph")
    sentences = [s for s in re.split(r"[.?!]\s", re.sub(r"<[^>]+>", " ", text)) if s.strip()]
    lengths = [len(sentence.split()) for sentence in sentences]
    assert lengths and max(lengths) <= 15 and sum(lengths) / len(lengths) < 10, lengths


def test_the_eservice_steps_do_not_offer_lattlast_mid_form(client):
    """Only the start page links to it: leaving a step for it would lose what was typed there."""
    eservice = EServicePage.objects.get(slug="gor-en-felanmalan", locale__language_code="sv")
    step = client.get(eservice.get_url() + "starta/", follow=True)
    assert step.status_code == 200 and "/steg/" in step.redirect_chain[-1][0]
    assert 'class="easy-read-link"' not in step.content.decode()
