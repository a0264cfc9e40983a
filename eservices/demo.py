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
    EServiceDemo(
        eservice="ring-upp-mig",
        parent="allmanna-fragor",
        slug="ring-upp-mig",
        title="Ring upp mig",
        intro=(
            "<p>Vill du hellre prata med oss än skriva? Lämna ditt telefonnummer och välj en tid, "
            "så ringer kontaktcenter upp dig.</p>"
        ),
        before_you_start=(
            "<p>Det tar ungefär en minut. Du behöver inte logga in. Vi ringer vardagar "
            "08.00–16.45, på fredagar till 16.00.</p>"
        ),
        service_pages=[],
        blanketter=[],
    ),
    EServiceDemo(
        eservice="felanmalan",
        parent="bygg-miljo-vagar-vatten-och-avfall",
        slug="gor-en-felanmalan",
        title="Gör en felanmälan",
        intro=(
            "<p>Anmäl fel på gator, gång- och cykelvägar, gatubelysning, parker och lekplatser, "
            "vatten och avlopp eller sophämtning. Du kan bifoga upp till tre foton.</p>"
        ),
        before_you_start=(
            "<p>Är felet farligt? Ring teknisk jour på 08-465 004 90, dygnet runt. "
            "Är någon skadad: ring 112.</p>"
            "<p>Det tar ungefär fem minuter. Du behöver inte logga in och du kan vara anonym. "
            "Ta gärna ett foto av felet och skriv upp adressen eller numret på lyktstolpen.</p>"
        ),
        service_pages=["felanmalan-gata-och-belysning"],
        blanketter=["TEK-101"],
    ),
    EServiceDemo(
        eservice="synpunkter-och-klagomal",
        parent="allmanna-fragor",
        slug="lamna-synpunkter",
        title="Lämna synpunkter och klagomål",
        intro=(
            "<p>Lämna beröm, förslag eller klagomål på kommunens service. "
            "Vi skickar det du skriver till den verksamhet som ansvarar.</p>"
        ),
        before_you_start=(
            "<p>Det du skriver blir en allmän handling. Du kan vara anonym, "
            "men då kan vi inte svara dig.</p>"
            "<p>Vill du ändra ett beslut som gäller dig? Då ska du överklaga beslutet i stället. "
            "Hur du gör står i beslutet.</p>"
        ),
        service_pages=["synpunkter-och-klagomal"],
        blanketter=["KS-101"],
    ),
    EServiceDemo(
        eservice="begar-ut-allman-handling",
        parent="allmanna-fragor",
        slug="begar-ut-allman-handling",
        title="Begär ut allmän handling",
        intro=(
            "<p>Begär att få läsa eller få en kopia av en allmän handling, till exempel ett protokoll, "
            "ett beslut eller ett brev. Vi hanterar din begäran skyndsamt, oftast samma arbetsdag.</p>"
        ),
        before_you_start=(
            "<p>Du behöver inte tala om vem du är eller varför du vill ha handlingen. "
            "Känner du till diarienumret eller datumet går det fortare att hitta handlingen.</p>"
        ),
        service_pages=["allmanna-handlingar"],
        blanketter=["KS-102"],
    ),
    EServiceDemo(
        eservice="forskoleplats",
        parent="forskola-skola-och-utbildning",
        slug="ansok-om-forskoleplats",
        title="Ansök om förskoleplats",
        intro=(
            "<p>Ansök om plats i förskola för ditt barn från ett års ålder. "
            "Du kan önska upp till tre förskolor. Vi erbjuder en plats inom fyra månader.</p>"
        ),
        before_you_start=(
            "<p>Du behöver personnummer för dig, för barnet och för barnets andra vårdnadshavare om "
            "det finns en. Ansök senast fyra månader innan barnet ska börja.</p>"
            "<p>Du loggar inte in med e-legitimation. Därför kontrollerar utbildningsförvaltningen att "
            "du är barnets vårdnadshavare innan vi erbjuder en plats.</p>"
        ),
        service_pages=["forskoleplats"],
        blanketter=["UTB-101"],
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
