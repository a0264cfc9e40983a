"""The content API's answers, as they appear in the OpenAPI document."""

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

# --- StreamField blocks: {"type", "id", "value"} ------------------------------------------------


class LinkOut(Schema):
    text: str = Field(..., examples=["Boverket"])
    url: str = Field(..., description="Absolute address.", examples=["https://www.boverket.se"])
    page_id: int | None = Field(None, description="The page linked to, when it is a page of this site.")


class HeadingValue(Schema):
    text: str = Field(..., examples=["Så här ansöker du"])
    level: Literal["h2", "h3"]


class HeadingBlockOut(Schema):
    type: Literal["heading"]
    id: str | None
    value: HeadingValue


class ParagraphBlockOut(Schema):
    type: Literal["paragraph"]
    id: str | None
    value: str = Field(
        ...,
        description="HTML; links to pages and documents are their public, absolute addresses.",
        examples=['<p>Läs mer om <a href="https://exempelkommun.se/forskola/">förskola</a>.</p>'],
    )


class NoticeValue(Schema):
    kind: Literal["info", "warning"]
    heading: str
    text: str = Field(..., description="HTML.")


class NoticeBlockOut(Schema):
    type: Literal["notice"]
    id: str | None
    value: NoticeValue


class StepsValue(Schema):
    heading: str
    steps: list[str] = Field(..., description="Each step as HTML, in order.")


class StepsBlockOut(Schema):
    type: Literal["steps"]
    id: str | None
    value: StepsValue


class LinksValue(Schema):
    heading: str
    links: list[LinkOut] = Field(..., description="Links to pages that are not public are left out.")


class LinksBlockOut(Schema):
    type: Literal["links"]
    id: str | None
    value: LinksValue


class LinkBlockOut(Schema):
    type: Literal["link"]
    id: str | None
    value: LinkOut


class OtherBlockOut(Schema):
    """A block type not described above (added to the content model after this version)."""

    type: str
    id: str | None
    value: Any


BlockOut = (
    HeadingBlockOut
    | ParagraphBlockOut
    | NoticeBlockOut
    | StepsBlockOut
    | LinksBlockOut
    | LinkBlockOut
    | OtherBlockOut
)

# --- pages --------------------------------------------------------------------------------------


class PageRefOut(Schema):
    id: int
    title: str
    url: str = Field(..., examples=["https://exempelkommun.se/bygga-och-bo/bygglov/"])


class TranslationOut(Schema):
    locale: str = Field(..., examples=["en"])
    id: int
    url: str


class ServiceAreaRefOut(Schema):
    digit: int = Field(..., description="The phone menu's digit: the same in every language.", examples=[4])
    name: str = Field(..., examples=["Bygga och bo"])


class DepartmentOut(Schema):
    id: int
    name: str = Field(..., examples=["Samhällsbyggnadsförvaltningen"])
    committee: str | None = Field(None, examples=["Samhällsbyggnadsnämnden"])
    description: str
    phone: str
    email: str
    postal_address: str
    visiting_address: str


class DocumentOut(Schema):
    id: int
    title: str
    url: str = Field(..., description="Absolute download address.")
    file_size: int | None = Field(None, description="Bytes.")
    file_extension: str = Field(..., examples=["pdf"])
    content_type: str = Field(..., examples=["application/pdf"])


class BlankettOut(Schema):
    id: int
    locale: str
    title: str = Field(..., examples=["Ansökan om bygglov"])
    code: str = Field(..., description="The form's number.", examples=["SBF-101"])
    description: str
    category: str | None
    service_area: ServiceAreaRefOut | None
    document: DocumentOut
    fill_in_online: PageRefOut | None = Field(None, description="The e-service that replaces the form.")
    updated_at: dt.datetime


class FAQOut(Schema):
    id: int
    locale: str
    translation_key: str = Field(..., description="The same question in every language shares this key.")
    question: str = Field(..., examples=["Hur lång tid tar ett bygglov?"])
    answer: str = Field(..., description="HTML with public, absolute links.")
    service_area: ServiceAreaRefOut | None
    url: str | None = Field(None, description="The question on the public FAQ page, when there is one.")
    updated_at: dt.datetime


class PageSummaryOut(Schema):
    id: int
    type: str = Field(..., description="app_label.ModelName", examples=["pages.ServicePage"])
    locale: str = Field(..., examples=["sv"])
    title: str = Field(..., examples=["Bygglov"])
    slug: str
    url: str = Field(..., description="The public address.")
    html_path: str = Field(
        ..., description="The path of the public address.", examples=["/bygga-och-bo/bygglov/"]
    )
    parent_id: int | None
    search_description: str
    first_published_at: dt.datetime | None
    last_published_at: dt.datetime | None


class PageDetailOut(PageSummaryOut):
    seo_title: str
    draft: bool = Field(..., description="True only in a preview: the latest unpublished changes.")
    shows_leave_quickly: bool = Field(
        ..., description='Whether the public page shows the "Leave this page quickly" button.'
    )
    fields: dict[str, Any] = Field(
        ...,
        description=(
            "The page type's own content fields: text as text, rich text as HTML, dates as ISO dates, "
            "further StreamFields as lists of blocks, links to pages as {id, title, url} "
            "(null if not public)."
        ),
    )
    body: list[BlockOut] = Field(..., description="The page's body (StreamField), block by block.")
    service_area: ServiceAreaRefOut | None
    contact_department: DepartmentOut | None
    eservice: PageRefOut | None
    children: list[PageRefOut] = Field(..., description="Public child pages, in the tree's order.")
    faqs: list[FAQOut] = Field(..., description="The questions the page shows.")
    blanketter: list[BlankettOut] = Field(..., description="The forms (blanketter) the page shows.")
    translations: list[TranslationOut] = Field(..., description="Public translations of the page.")


# --- lists --------------------------------------------------------------------------------------


class ServiceAreaWithPageOut(Schema):
    digit: int = Field(..., examples=[4])
    locale: str
    name: str = Field(..., examples=["Bygga och bo"])
    summary: str
    page: PageRefOut


class PartyOut(Schema):
    name: str = Field(..., examples=["Centerpartiet"])
    abbreviation: str = Field(..., examples=["C"])


class AssignmentOut(Schema):
    committee: str = Field(..., examples=["Kommunfullmäktige"])
    role: str = Field(..., examples=["member"])
    role_label: str = Field(..., examples=["Ledamot"])
    term_start: dt.date
    term_end: dt.date


class OfficialOut(Schema):
    id: int
    first_name: str
    last_name: str
    party: PartyOut | None
    district: str
    email: str
    assignments: list[AssignmentOut]


class Paged(Schema):
    count: int = Field(..., description="All matching items, across every page of results.")
    limit: int
    offset: int


class PageListOut(Paged):
    items: list[PageSummaryOut]


class ServiceAreaListOut(Paged):
    items: list[ServiceAreaWithPageOut]


class FAQListOut(Paged):
    items: list[FAQOut]


class BlankettListOut(Paged):
    items: list[BlankettOut]


class DepartmentListOut(Paged):
    items: list[DepartmentOut]


class OfficialListOut(Paged):
    items: list[OfficialOut]
    register_page: PageRefOut | None = Field(None, description="The public register page.")
