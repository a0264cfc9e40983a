"""StreamField blocks for service pages. Each renders through a component template."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/heading.html"
        description = _("A heading that structures the page for screen readers and skimmers.")
        preview_value = {"text": "Så här ansöker du", "level": "h2"}


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Important"))],
        default="info",
        label=_("Kind"),
    )
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Notice")
        template = "components/notice.html"
        description = _("A highlighted box for something the reader must not miss.")
        preview_value = {
            "kind": "warning",
            "heading": "Vid nödsituation",
            "text": "<p>Ring 112 vid brand, olycka eller akut sjukdom.</p>",
        }


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    steps = blocks.ListBlock(blocks.RichTextBlock(features=["bold", "link"]), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "components/steps.html"
        description = _("Numbered steps: how to apply, what happens next.")
        preview_value = {
            "heading": "Så går det till",
            "steps": ["<p>Fyll i ansökan.</p>", "<p>Vi handlägger den.</p>", "<p>Du får beslut.</p>"],
        }


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("or address"))
    text = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        """A link leads somewhere: a page or an address (the page wins when both are given)."""
        value = super().clean(value)
        page, url = value.get("page"), value.get("url")
        if not page and not url:
            message = _("Choose a page or write an address")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "components/link_list.html"
        description = _("Links to related pages here or on other sites.")
        preview_value = {
            "heading": "Mer information",
            "links": [{"url": "https://www.boverket.se", "text": "Boverket"}],
        }


class ServiceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        template="components/paragraph.html",
        description=_("Running text."),
        preview_value="<p>Du kan ansöka om plats från det att barnet är fyra månader.</p>",
    )
    notice = NoticeBlock()
    steps = StepsBlock()
    links = LinkListBlock()

    class Meta:
        block_counts = {}
