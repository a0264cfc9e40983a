"""The demo municipality's e-service pages, added to ``seed_demo`` as a builder extension.

Each entry places one registered e-service under its service-area page, links the
service page that describes it and the blankett it replaces ("Fill in online").
"""

from eservices.models import EServicePage
from pages.models import Blankett, ServicePage

EServiceDemo = dict

EXAMPLES = [
    EServiceDemo(
        eservice="fraga-kontaktcenter",
        parent="allmanna-fragor",
        slug="fraga-kontaktcenter",
        title="Fråga kontaktcenter",
        intro=(
            "<p>Ställ en fråga om kommunens service. "
            "Vi svarar med e-post, telefon eller brev, som du vill.</p>"
        ),
        before_you_start="<p>Det tar ungefär fem minuter. Du behöver inte logga in.</p>",
        service_pages=[],
        blanketter=[],
    ),
]

HELP_TEXT = (
    "<p>Behöver du hjälp att fylla i? Ring kontaktcenter på 08-465 004 00 eller besök oss på "
    "Stadshusplatsen 1. Vi kan fylla i e-tjänsten tillsammans med dig.</p>"
)


def build_eservice_pages(builder):
    for example in EXAMPLES:
        parent = builder.pages[example["parent"]]
        page = builder.page(
            parent,
            {
                "type": EServicePage,
                "slug": example["slug"],
                "title": example["title"],
                "fields": {
                    "eservice": example["eservice"],
                    "intro": example["intro"],
                    "before_you_start": example["before_you_start"],
                    "help_text": HELP_TEXT,
                },
            },
        )
        for slug in example["service_pages"]:
            service_page = ServicePage.objects.filter(slug=slug, locale=builder.locale).first()
            if service_page and service_page.eservice_page_id is None:
                # Through a revision, so the link is also in what editors open next.
                service_page.eservice_page = page
                service_page.save_revision().publish()
                builder.mark_updated(service_page)
        for code in example["blanketter"]:
            blankett = Blankett.objects.filter(code=code, locale=builder.locale).first()
            if blankett and blankett.eservice_page_id is None:
                Blankett.objects.filter(pk=blankett.pk).update(eservice_page=page)
                builder.mark_updated(blankett)
    builder.publish_new_pages()
