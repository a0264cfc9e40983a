"""The demo municipality's e-service pages, a ``seed_demo`` builder extension.

The pages are data in ``demo/data/eservices.sv.yaml``.

Each entry places one registered e-service under its service-area page, links the
service page that describes it and the blankett it replaces ("Fill in online").
"""

from demo.content import load
from eservices.models import EServicePage
from pages.models import Blankett, ServicePage

_data = load("eservices")  # demo/data/eservices.sv.yaml
EXAMPLES = _data["eservices"]
HELP_TEXT = _data["help_text"]


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
