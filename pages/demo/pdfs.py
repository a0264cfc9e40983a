"""Printable blanketter as small, fillable PDF files, drawn with reportlab.

Each form has the municipality's name, the department, the form number, labelled
boxes (also real form fields with a tooltip, so it can be filled in on a computer),
the address to send it to and a short note on personal data. The document carries
its title, author, subject, keywords and language (sv-SE).

These PDFs are not tagged (reportlab writes no structure tree); the accessibility
statement lists that as a known problem, as a real municipality would.
"""

import re
import unicodedata
from collections import Counter
from io import BytesIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER = 16 * mm
COLUMN_GAP = 6 * mm
FIELD_HEIGHT = 7.5 * mm
LINE_HEIGHT = 6 * mm
BOX = 3.8 * mm

INK = HexColor("#1b1b1b")
ACCENT = HexColor("#0b4f6c")
BAND = HexColor("#e8f0f3")
FIELD_FILL = HexColor("#ffffff")
FIELD_BORDER = HexColor("#5a5a5a")

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"

SIGNATURE = ("Underskrift", [("pair", "Ort och datum", "Namnteckning"), ("field", "Namnförtydligande")])
INSTRUCTIONS = (
    "Fyll i blanketten på datorn eller skriv tydligt med bläck. Skicka den till adressen "
    "längst ned, eller lämna den i kontaktcenter i Stadshuset. Behöver du hjälp? Ring "
    "kontaktcenter, så hjälper vi dig."
)
PRIVACY = (
    "Personuppgifter: kommunen behandlar uppgifterna på blanketten för att handlägga ditt "
    "ärende, enligt dataskyddsförordningen. Blanketten blir en allmän handling. Läs mer om "
    "dina rättigheter på webbplatsen under ”Så behandlar vi dina personuppgifter”."
)


def render_blankett(spec, *, municipality, department, postal_address, phone, email, edition):
    """Return the PDF for one blankett as bytes."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=True, lang="sv-SE")
    title = f"{spec['title']} ({spec['code']})"
    canvas.setTitle(title)
    canvas.setAuthor(f"{municipality}, {department}")
    canvas.setSubject(spec["description"])
    canvas.setKeywords(["blankett", spec["code"], spec["category"], municipality])
    canvas.setCreator("Kommunportal")
    canvas.setViewerPreference("DisplayDocTitle", "true")

    form = _Form(canvas, spec, municipality, department, postal_address, phone, email, edition)
    form.draw()
    canvas.save()
    return buffer.getvalue()


class _Form:
    def __init__(self, canvas, spec, municipality, department, postal_address, phone, email, edition):
        self.canvas = canvas
        self.spec = spec
        self.municipality = municipality
        self.department = department
        self.postal_address = postal_address
        self.phone = phone
        self.email = email
        self.edition = edition
        self.page = 1
        self.y = PAGE_HEIGHT - MARGIN
        self.names = Counter()

    # --- layout ---------------------------------------------------------------

    def draw(self):
        self.header()
        sections = list(self.spec["sections"])
        if self.spec.get("signature", True):
            sections.append(SIGNATURE)
        for heading, items in sections:
            self.section(heading, items)
        self.paragraph(PRIVACY, size=7.5, space_before=4 * mm)
        self.footer()

    def header(self):
        c = self.canvas
        c.setFillColor(ACCENT)
        c.setFont(BOLD, 15)
        c.drawString(MARGIN, self.y - 5 * mm, self.municipality)
        c.setFont(REGULAR, 9)
        c.setFillColor(INK)
        c.drawString(MARGIN, self.y - 10 * mm, self.department)
        c.setFont(BOLD, 10)
        c.drawRightString(PAGE_WIDTH - MARGIN, self.y - 5 * mm, f"Blankett {self.spec['code']}")
        c.setFont(REGULAR, 8)
        c.drawRightString(PAGE_WIDTH - MARGIN, self.y - 10 * mm, f"Utgåva {self.edition}")
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        c.line(MARGIN, self.y - 13 * mm, PAGE_WIDTH - MARGIN, self.y - 13 * mm)
        self.y -= 21 * mm
        self.paragraph(self.spec["title"], font=BOLD, size=16, leading=19, color=ACCENT)
        self.paragraph(self.spec["description"], size=10, space_before=2 * mm)
        self.paragraph(INSTRUCTIONS, size=9, space_before=2 * mm)
        self.y -= 2 * mm

    def continuation_header(self):
        c = self.canvas
        c.setFont(BOLD, 9)
        c.setFillColor(ACCENT)
        c.drawString(MARGIN, self.y - 4 * mm, self.municipality)
        c.setFillColor(INK)
        c.setFont(REGULAR, 9)
        c.drawRightString(PAGE_WIDTH - MARGIN, self.y - 4 * mm, f"{self.spec['title']} ({self.spec['code']})")
        self.y -= 10 * mm

    def footer(self):
        c = self.canvas
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.6)
        c.line(MARGIN, MARGIN + 8 * mm, PAGE_WIDTH - MARGIN, MARGIN + 8 * mm)
        c.setFillColor(INK)
        c.setFont(BOLD, 8)
        c.drawString(MARGIN, MARGIN + 4 * mm, "Skicka blanketten till:")
        c.setFont(REGULAR, 8)
        c.drawString(MARGIN + 31 * mm, MARGIN + 4 * mm, self.postal_address)
        c.drawString(MARGIN, MARGIN, f"Telefon {self.phone}  ·  E-post {self.email}")
        c.drawRightString(PAGE_WIDTH - MARGIN, MARGIN, f"{self.spec['code']}  ·  Sida {self.page}")

    def need(self, height):
        if self.y - height < MARGIN + FOOTER:
            self.footer()
            self.canvas.showPage()
            self.page += 1
            self.y = PAGE_HEIGHT - MARGIN
            self.continuation_header()

    def paragraph(self, text, *, font=REGULAR, size=10, leading=None, color=INK, space_before=0):
        leading = leading or size * 1.3
        lines = simpleSplit(text, font, size, WIDTH)
        self.need(space_before + leading * len(lines))
        self.y -= space_before
        self.canvas.setFillColor(color)
        self.canvas.setFont(font, size)
        for line in lines:
            self.y -= leading
            self.canvas.drawString(MARGIN, self.y + leading * 0.25, line)

    def section(self, heading, items):
        self.need(12.5 * mm + self.item_height(items[0]))  # keep a heading with its first item
        self.y -= 4 * mm
        c = self.canvas
        c.setFillColor(BAND)
        c.rect(MARGIN, self.y - 6.5 * mm, WIDTH, 6.5 * mm, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(BOLD, 11)
        c.drawString(MARGIN + 2 * mm, self.y - 4.7 * mm, heading)
        self.y -= 8.5 * mm
        for item in items:
            self.item(item)

    def item_height(self, item):
        kind = item[0]
        if kind in ("field", "pair"):
            return 4 * mm + FIELD_HEIGHT + 2.5 * mm
        if kind == "area":
            return 4 * mm + item[2] * LINE_HEIGHT + 2.5 * mm
        if kind == "choice":
            return 4 * mm + self.choice_rows(item[2]) * 6 * mm + 2 * mm
        return 12 * mm

    def item(self, item):
        kind = item[0]
        self.need(self.item_height(item))
        if kind == "field":
            self.field(item[1], MARGIN, WIDTH)
            self.y -= 4 * mm + FIELD_HEIGHT + 2.5 * mm
        elif kind == "pair":
            half = (WIDTH - COLUMN_GAP) / 2
            self.field(item[1], MARGIN, half)
            self.field(item[2], MARGIN + half + COLUMN_GAP, half)
            self.y -= 4 * mm + FIELD_HEIGHT + 2.5 * mm
        elif kind == "area":
            height = item[2] * LINE_HEIGHT
            self.field(item[1], MARGIN, WIDTH, height=height, multiline=True)
            self.y -= 4 * mm + height + 2.5 * mm
        elif kind == "choice":
            self.choice(item[1], item[2])
        elif kind == "text":
            self.paragraph(item[1], size=9, space_before=1 * mm)
            self.y -= 2 * mm
        else:
            raise ValueError(f"Unknown form item {kind!r}")

    def field(self, label, x, width, height=FIELD_HEIGHT, multiline=False):
        c = self.canvas
        c.setFillColor(INK)
        c.setFont(REGULAR, 8)
        c.drawString(x, self.y - 3 * mm, label)
        top = self.y - 4 * mm
        c.acroForm.textfield(
            name=self.field_name(label),
            tooltip=label,
            x=x,
            y=top - height,
            width=width,
            height=height,
            fontName=REGULAR,
            fontSize=10,
            borderWidth=0.8,
            borderColor=FIELD_BORDER,
            fillColor=FIELD_FILL,
            textColor=INK,
            forceBorder=True,
            maxlen=2000 if multiline else 200,
            fieldFlags="multiline" if multiline else "",
        )

    def choice_rows(self, options):
        rows, used = 1, 0.0
        for option in options:
            width = self.option_width(option)
            if used and used + width > WIDTH:
                rows, used = rows + 1, 0.0
            used += width
        return rows

    def option_width(self, option):
        return BOX + 2 * mm + self.canvas.stringWidth(option, REGULAR, 9) + 7 * mm

    def choice(self, question, options):
        c = self.canvas
        c.setFillColor(INK)
        c.setFont(REGULAR, 8)
        c.drawString(MARGIN, self.y - 3 * mm, question)
        self.y -= 4 * mm
        x = MARGIN
        row_top = self.y
        for option in options:
            width = self.option_width(option)
            if x > MARGIN and x + width > MARGIN + WIDTH:
                x = MARGIN
                row_top -= 6 * mm
            c.acroForm.checkbox(
                name=self.field_name(f"{question} {option}"),
                tooltip=f"{question}: {option}",
                x=x,
                y=row_top - 1 * mm - BOX,
                size=BOX,
                buttonStyle="check",
                borderWidth=0.8,
                borderColor=FIELD_BORDER,
                fillColor=FIELD_FILL,
                textColor=INK,
                forceBorder=True,
                fieldFlags="",
            )
            c.setFillColor(INK)
            c.setFont(REGULAR, 9)
            c.drawString(x + BOX + 2 * mm, row_top - 1 * mm - BOX + 0.8 * mm, option)
            x += width
        self.y = row_top - 6 * mm - 2 * mm

    def field_name(self, label):
        ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:40] or "falt"
        self.names[base] += 1
        count = self.names[base]
        return base if count == 1 else f"{base}_{count}"
