"""Where each page type may go, and that factory-built pages of each type render and are editable.

Wagtail's own page assertions on pages built by ``tests/factories.py``, on the minimal site.
"""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from eservices.models import EServicePage
from pages import models as m
from tests import factories


class PageTypeRulesTests(WagtailPageTestCase):
    def test_the_home_page_sits_at_the_root_and_holds_the_top_level_pages(self):
        self.assertCanCreateAt(Page, m.HomePage)
        self.assertAllowedSubpageTypes(
            m.HomePage,
            {
                m.ServiceAreaPage,
                m.ContactCentrePage,
                m.DepartmentDirectoryPage,
                m.FAQPage,
                m.BlankettLibraryPage,
                m.OfficialsRegisterPage,
                m.AccessibilityStatementPage,
                m.PrivacyNoticePage,
                m.InformationPage,
                EServicePage,
                m.EasyReadPage,
            },
        )

    def test_a_service_area_holds_its_services_information_and_e_services(self):
        self.assertAllowedSubpageTypes(
            m.ServiceAreaPage, {m.ServicePage, m.InformationPage, EServicePage, m.EasyReadPage}
        )
        self.assertCanNotCreateAt(m.HomePage, m.ServicePage)

    def test_an_e_service_sits_under_an_area_or_the_home_page_and_has_only_a_lattlast_child(self):
        self.assertAllowedParentPageTypes(EServicePage, {m.ServiceAreaPage, m.HomePage})
        self.assertAllowedSubpageTypes(EServicePage, {m.EasyReadPage})

    def test_lattlast_sits_under_the_page_it_explains_and_other_languages_under_an_information_page(self):
        self.assertAllowedSubpageTypes(m.EasyReadPage, set())
        self.assertAllowedParentPageTypes(m.OtherLanguagePage, {m.InformationPage})

    def test_the_contact_page_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(m.ContactCentrePage, {m.HomePage})


class FactoryPagesTests(WagtailPageTestCase):
    def setUp(self):
        self.home = m.HomePage.objects.get(depth=2)
        self.area_page = m.ServiceAreaPage.objects.get(service_area__menu_digit=4)

    def test_a_service_page_renders(self):
        page = factories.publish(
            factories.ServicePageFactory(parent=self.area_page, title="Bygglov", slug="bygglov")
        )
        self.assertPageIsRenderable(page)

    def test_the_minimal_site_pages_render(self):
        for page in (self.home, self.area_page, m.ContactCentrePage.objects.get()):
            self.assertPageIsRenderable(page)

    def test_an_e_service_page_renders_its_start_page(self):
        page = EServicePage.objects.get(eservice_slug="fraga-kontaktcenter")
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)
