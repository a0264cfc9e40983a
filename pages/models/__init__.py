"""Wagtail page models and snippets, one module per kind of content."""

from pages.models.api_clients import HeadlessClient
from pages.models.contact import ContactCentrePage, DepartmentDirectoryPage
from pages.models.home import HomePage
from pages.models.legal import AccessibilityStatementPage, PrivacyNoticePage
from pages.models.libraries import BlankettLibraryPage, FAQPage
from pages.models.officials import Assignment, ElectedOfficial, OfficialsRegisterPage, Party
from pages.models.opening_hours import (
    OpeningHours,
    OpeningHoursException,
    SeasonalHours,
    WeeklyHours,
)
from pages.models.review import ContentFlag
from pages.models.search_log import SearchMiss
from pages.models.services import (
    InformationPage,
    ServiceAreaPage,
    ServicePage,
    ServicePageBlankett,
    ServicePageFAQ,
)
from pages.models.site_settings import MunicipalitySettings
from pages.models.snippets import (
    FAQ,
    Blankett,
    BlankettCategory,
    Committee,
    Department,
    FAQFeedback,
    ServiceArea,
)
from pages.models.variants import EasyReadPage, OtherLanguagePage

__all__ = [
    "FAQ",
    "AccessibilityStatementPage",
    "Assignment",
    "Blankett",
    "BlankettCategory",
    "BlankettLibraryPage",
    "EasyReadPage",
    "OtherLanguagePage",
    "Committee",
    "ContactCentrePage",
    "ContentFlag",
    "Department",
    "DepartmentDirectoryPage",
    "ElectedOfficial",
    "FAQFeedback",
    "FAQPage",
    "HeadlessClient",
    "HomePage",
    "InformationPage",
    "MunicipalitySettings",
    "OfficialsRegisterPage",
    "OpeningHours",
    "SearchMiss",
    "OpeningHoursException",
    "Party",
    "PrivacyNoticePage",
    "SeasonalHours",
    "ServiceArea",
    "ServiceAreaPage",
    "ServicePage",
    "ServicePageBlankett",
    "ServicePageFAQ",
    "WeeklyHours",
]
