"""The question types an editor builds an e-service from: StreamField blocks that make form fields.

Each block holds what the citizen reads (label, hint, the message when it is missing) and
makes the Django form field the wizard, the API's JSON Schema and the printable PDF already
read (``fields()``), so a question built in the admin behaves exactly as one written in code.
Its machine name (the key in the answers and in the API) is made from the label the first time
the block is saved and then kept, so an editor never types one and a changed label does not
change the answers' shape.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from core.forms import messages
from eservices import call_back
from eservices.forms import (
    NO_SENSITIVE_DETAILS,
    DateInput,
    IdentityNumberField,
    PhoneNumberField,
    PhotoField,
    StepForm,
)
from pages.models import ServiceArea

NAME_MAX = 40


def machine_name(label: str) -> str:
    """A stable key from a label: ``Vad gäller det?`` → ``vad_galler_det``."""
    return slugify(str(label)).replace("-", "_")[:NAME_MAX].strip("_") or "fraga"


class MachineNameBlock(blocks.CharBlock):
    """A key in the answers: the same in every language, so wagtail-localize leaves it out."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


def _in_text(value):
    """Lazy translations made text, as a block's saved value holds them."""
    if isinstance(value, dict):
        return {key: _in_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_text(item) for item in value]
    return str(value) if isinstance(value, Promise) else value


class QuestionBlock(blocks.StructBlock):
    """Label, hint, required and its message, and a machine name the editor does not type."""

    label = blocks.CharBlock(label=_("Question"), max_length=200)
    hint = blocks.TextBlock(label=_("Hint"), required=False, default="", rows=2)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    required_message = blocks.CharBlock(
        label=_("Message when it is missing"),
        required=False,
        default="",
        max_length=200,
        help_text=_('Say what to do, for example "Enter your name" or "Select what kind of fault it is".'),
    )
    invalid_message = blocks.CharBlock(
        label=_("Message when the answer is wrong"),
        required=False,
        default="",
        max_length=200,
        help_text=_("Optional: say how to write it, for example “Enter the date like 2027-03-01”."),
    )
    name = MachineNameBlock(
        label=_("Machine name"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("Made from the question the first time you save. Change it only before publishing."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("name"):
            value["name"] = machine_name(value["label"])
        elif machine_name(value["name"]) != value["name"]:
            raise StructBlockValidationError(
                block_errors={
                    "name": ValidationError(_("Use only small letters a–z, digits and underscores."))
                }
            )
        if value.get("required") and not (value.get("required_message") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "required_message": ValidationError(
                        _("A required question needs its own message, for example “Enter your name”.")
                    )
                }
            )
        return value

    def error_messages(self, value, **extra):
        if value.get("invalid_message"):
            extra["invalid"] = value["invalid_message"]
        return messages(value.get("required_message") or value["label"], **extra)

    def common(self, value) -> dict:
        return {
            "label": value["label"],
            "help_text": value.get("hint") or "",
            "required": bool(value.get("required")),
        }

    def fields(self, value) -> dict[str, forms.Field]:
        """The form fields of this question, by name (an address is three)."""
        return {value["name"]: self.field(value)}

    def field(self, value) -> forms.Field:
        raise NotImplementedError

    def names(self, value) -> list[str]:
        return list(self.fields(value))

    def answer_options(self, value) -> list[tuple[str, str]]:
        """(value, label) of a question a condition can test; empty for free answers."""
        return []

    # --- the preview in the admin's block picker: the question as a citizen sees it -----------------
    example: dict = {}

    def get_preview_value(self):
        example = {
            "label": _("Your question"),
            "hint": _("A hint under the question."),
            "required": True,
            "required_message": _("Answer the question"),
            "name": "example",
            **self.example,
        }
        return self.to_python(_in_text(example))

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        return {**context, "form": type("Preview", (StepForm,), self.fields(value))()}

    def title_text(self, value, answer) -> str:
        """The answer as a case title shows it (a choice by its label), in the active language."""
        labels = {str(key): label for key, label in self.answer_options(value)}
        if isinstance(answer, list):
            return ", ".join(str(labels.get(str(item), item)) for item in answer)
        if hasattr(answer, "isoformat"):
            return answer.isoformat()
        return str(labels.get(str(answer), answer))

    class Meta:
        icon = "form"
        preview_template = "eservices/blocks/question_preview.html"


class ShortTextBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(label=_("At most characters"), default=200, min_value=1, max_value=1000)
    autocomplete = blocks.ChoiceBlock(
        label=_("What it asks for"),
        required=False,
        choices=[
            ("name", _("The citizen's name")),
            ("street-address", _("A street address")),
            ("organization", _("An organisation")),
            ("off", _("Someone else's details (browsers do not fill it in)")),
        ],
        help_text=_("Lets browsers fill it in. The citizen's name is also the case's contact name."),
    )
    warn_sensitive = blocks.BooleanBlock(
        label=_("Warn against sensitive details"), required=False, default=False
    )

    def field(self, value):
        return forms.CharField(
            max_length=value.get("max_length") or 200,
            widget=forms.TextInput(attrs=_autocomplete(value)),
            error_messages=self.error_messages(value),
            **sensitive_hint(self.common(value), value),
        )

    class Meta:
        icon = "pilcrow"
        label = _("Short text")


class LongTextBlock(QuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("At most characters"), default=4000, min_value=1, max_value=20000
    )
    warn_sensitive = blocks.BooleanBlock(
        label=_("Warn against sensitive details"), required=False, default=True
    )
    autocomplete = blocks.ChoiceBlock(
        label=_("What it asks for"),
        required=False,
        choices=[
            ("street-address", _("The citizen's address")),
            ("off", _("Someone else's details (browsers do not fill it in)")),
        ],
    )

    def field(self, value):
        length = value.get("max_length") or 4000
        return forms.CharField(
            max_length=length,
            widget=forms.Textarea(attrs={"rows": 3 if length <= 300 else 5, **_autocomplete(value)}),
            error_messages=self.error_messages(value),
            **sensitive_hint(self.common(value), value),
        )

    class Meta:
        icon = "doc-full"
        label = _("Long text")


def _autocomplete(value) -> dict:
    return {"autocomplete": value["autocomplete"]} if value.get("autocomplete") else {}


def sensitive_hint(common: dict, value) -> dict:
    """The hint, followed by "do not write sensitive details" when the question warns."""
    if value.get("warn_sensitive"):
        common["help_text"] = " ".join(
            str(part) for part in (common["help_text"], NO_SENSITIVE_DETAILS) if part
        )
    return common


class NumberBlock(QuestionBlock):
    example = {"min_value": 1, "max_value": 10}

    min_value = blocks.IntegerBlock(label=_("At least"), required=False)
    max_value = blocks.IntegerBlock(label=_("At most"), required=False)

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("min_value"), value.get("max_value")
        if low is not None and high is not None and low > high:
            raise StructBlockValidationError(
                block_errors={"max_value": ValidationError(_("“At most” must not be less than “at least”."))}
            )
        return value

    def field(self, value):
        low, high = value.get("min_value"), value.get("max_value")
        between = _("Enter a number from %(min)s to %(max)s") % {"min": low, "max": high}
        found = self.error_messages(value, invalid=_("Enter a whole number, like 3"))
        found["min_value"] = between if high is not None else _("Enter %(limit_value)s or more")
        found["max_value"] = between if low is not None else _("Enter %(limit_value)s or less")
        return forms.IntegerField(
            min_value=low,
            max_value=high,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            error_messages=found,
            **self.common(value),
        )

    class Meta:
        icon = "order"
        label = _("Number")


class DateField(forms.DateField):
    """A date the rule allows: any, in the past (today included) or from today on."""

    def __init__(self, *, when="any", **kwargs):
        self.when = when
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        today = timezone.localdate()  # the municipality's day, not the server's
        if self.when == "past" and value > today:
            raise ValidationError(_("Enter a date that is today or earlier"), code="future")
        if self.when == "future" and value < today:
            raise ValidationError(_("Enter a date that is today or later"), code="past")


class DateBlock(QuestionBlock):
    when = blocks.ChoiceBlock(
        label=_("Which dates"),
        default="any",
        choices=[("any", _("Any date")), ("past", _("Today or earlier")), ("future", _("Today or later"))],
    )

    def field(self, value):
        return DateField(
            when=value.get("when") or "any",
            widget=DateInput(),
            error_messages=self.error_messages(value, invalid=_("Enter the date like 2026-03-31")),
            **self.common(value),
        )

    class Meta:
        icon = "date"
        label = _("Date")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Option"), max_length=200)
    # Not "value": wagtail-localize reads a struct child of that name as the block's own value.
    key = MachineNameBlock(
        label=_("Machine value"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("Made from the option the first time you save."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("key"):
            value["key"] = machine_name(value["label"])
        return value


class ChoiceQuestionBlock(QuestionBlock):
    example = {"options": [{"label": _("Street"), "key": "street"}, {"label": _("Park"), "key": "park"}]}

    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=0)

    def clean(self, value):
        value = super().clean(value)
        values = [option["key"] for option in value.get("options") or []]
        if len(values) < 2:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("A choice question needs at least two options."))}
            )
        if len(set(values)) != len(values):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Two options have the same machine value."))}
            )
        return value

    def answer_options(self, value):
        return [(option["key"], option["label"]) for option in value.get("options") or []]


class SingleChoiceBlock(ChoiceQuestionBlock):
    widget = blocks.ChoiceBlock(
        label=_("Shown as"),
        default="radio",
        choices=[("radio", _("Radio buttons")), ("select", _("A drop-down list"))],
    )
    none_of_these = blocks.CharBlock(
        label=_("“None of these” option"),
        required=False,
        default="",
        max_length=200,
        help_text=_("Optional, for example “Something else”. Shown last."),
    )
    placeholder = blocks.CharBlock(
        label=_("First line of a drop-down list"),
        required=False,
        default="",
        max_length=200,
        help_text=_(
            "For example “Choose a preschool”. For a question that is not required it is the answer "
            "“none”, for example “No second choice”."
        ),
    )

    def answer_options(self, value):
        found = super().answer_options(value)
        if value.get("none_of_these"):
            found.append(("none", value["none_of_these"]))
        return found

    def field(self, value):
        widget = forms.Select if value.get("widget") == "select" else forms.RadioSelect
        choices = self.answer_options(value)
        if widget is forms.Select:
            choices = [("", value.get("placeholder") or "—"), *choices]
        return forms.ChoiceField(
            choices=choices, widget=widget, error_messages=self.error_messages(value), **self.common(value)
        )

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    def field(self, value):
        return forms.MultipleChoiceField(
            choices=self.answer_options(value),
            widget=forms.CheckboxSelectMultiple,
            error_messages=self.error_messages(value),
            **self.common(value),
        )

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


YES, NO = "yes", "no"


class YesNoBlock(QuestionBlock):
    def answer_options(self, value):
        return [(YES, _("Yes")), (NO, _("No"))]

    def field(self, value):
        return forms.ChoiceField(
            choices=self.answer_options(value),
            widget=forms.RadioSelect,
            error_messages=self.error_messages(value),
            **self.common(value),
        )

    class Meta:
        icon = "help"
        label = _("Yes or no")


SOMEONE_ELSE_HELP = _(
    "Tick when the question asks for another person's details: browsers then do not fill it in."
)


class EmailBlock(QuestionBlock):
    someone_else = blocks.BooleanBlock(
        label=_("Someone else's"), required=False, default=False, help_text=SOMEONE_ELSE_HELP
    )

    def field(self, value):
        return forms.EmailField(
            widget=forms.EmailInput(attrs={"autocomplete": "off" if value.get("someone_else") else "email"}),
            error_messages=self.error_messages(
                value, invalid=_("Enter your e-mail address in the right format, like namn@exempel.se")
            ),
            **self.common(value),
        )

    class Meta:
        icon = "mail"
        label = _("E-mail address")


class PhoneBlock(QuestionBlock):
    someone_else = blocks.BooleanBlock(
        label=_("Someone else's"), required=False, default=False, help_text=SOMEONE_ELSE_HELP
    )

    def field(self, value):
        field = PhoneNumberField(
            error_messages=self.error_messages(
                value,
                invalid=_("Enter a phone number we can call you on, like 070-123 45 67 or +46 70 123 45 67"),
            ),
            **self.common(value),
        )
        if value.get("someone_else"):
            field.widget.attrs["autocomplete"] = "off"
        return field

    class Meta:
        icon = "mobile-alt"
        label = _("Phone number")


class PostcodeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        digits = value.replace(" ", "")
        if not (digits.isascii() and digits.isdigit() and len(digits) == 5):
            raise ValidationError(_("Enter the postcode as five digits, like 123 45"), code="invalid")
        return f"{digits[:3]} {digits[3:]}"


class AddressBlock(QuestionBlock):
    """A Swedish postal address: street, postcode and town, three fields named after the question."""

    def fields(self, value):
        name, common = value["name"], self.common(value)
        required, label = common["required"], value["label"]
        missing = value.get("required_message") or label
        return {
            f"{name}_street": forms.CharField(
                label=_("%(question)s: street and number") % {"question": label},
                help_text=common["help_text"],
                required=required,
                max_length=200,
                widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
                error_messages=messages(_("%(missing)s: enter the street") % {"missing": missing}),
            ),
            f"{name}_postcode": PostcodeField(
                label=_("%(question)s: postcode") % {"question": label},
                required=required,
                max_length=8,
                widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
                error_messages=messages(_("%(missing)s: enter the postcode") % {"missing": missing}),
            ),
            f"{name}_town": forms.CharField(
                label=_("%(question)s: town") % {"question": label},
                required=required,
                max_length=100,
                widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
                error_messages=messages(_("%(missing)s: enter the town") % {"missing": missing}),
            ),
        }

    class Meta:
        icon = "home"
        label = _("Postal address")


class IdentityNumberBlock(QuestionBlock):
    """Personnummer or samordningsnummer: only with a stated reason (data minimisation, GDPR art. 5)."""

    example = {"why": _("We need it to check who you are.")}

    why = blocks.TextBlock(
        label=_("Why we need it"),
        rows=2,
        help_text=_("Shown under the question and in the data-protection facts. Required."),
    )

    def field(self, value):
        common = self.common(value)
        common["help_text"] = " ".join(
            part for part in (str(value.get("why") or ""), common["help_text"]) if part
        )
        return IdentityNumberField(error_messages=self.error_messages(value), **common)

    class Meta:
        icon = "user"
        label = _("Personal identity number")


class FileBlock(QuestionBlock):
    """Photos (JPEG, PNG, WebP), each checked by its content; up to five, each at most 8 MB."""

    example = {"count": 2, "required": False}

    count = blocks.IntegerBlock(label=_("How many files"), default=1, min_value=1, max_value=5)

    def fields(self, value):
        name, common = value["name"], self.common(value)
        count = value.get("count") or 1
        found = {}
        for number in range(1, count + 1):
            label = value["label"] if count == 1 else f"{value['label']} {number}"
            field = PhotoField(
                label=label,
                help_text=common["help_text"] if number == 1 else "",
                required=common["required"] and number == 1,
                error_messages=messages(value.get("required_message") or label),
            )
            field.widget.attrs["accept"] = "image/jpeg,image/png,image/webp,image/heic"
            found[name if count == 1 else f"{name}_{number}"] = field
        return found

    class Meta:
        icon = "image"
        label = _("Photos")


class ConsentBlock(QuestionBlock):
    def field(self, value):
        return forms.BooleanField(error_messages=self.error_messages(value), **self.common(value))

    def answer_options(self, value):
        return [(True, _("Yes")), (False, _("No"))]

    class Meta:
        icon = "tick"
        label = _("Consent (a box to tick)")


def service_area_choices():
    """The phone menu's service areas, by their digit (``pages.ServiceArea.menu_digit``)."""
    return [
        (area.menu_digit, f"{area.menu_digit} {area.name}")
        for area in ServiceArea.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "menu_digit"
        )
    ]


class AreaOptionBlock(blocks.StructBlock):
    area = blocks.ChoiceBlock(label=_("Service area"), choices=service_area_choices)
    label = blocks.CharBlock(label=_("Option"), max_length=200)


class ServiceAreaBlock(QuestionBlock):
    """The citizen chooses the area their message is about; the case goes to that area's department."""

    example = {
        "options": [{"area": 1, "label": _("Elderly care")}, {"area": 9, "label": _("Something else")}]
    }

    options = blocks.ListBlock(AreaOptionBlock(), label=_("Options"), min_num=2)

    def answer_options(self, value):
        return [(int(option["area"]), option["label"]) for option in value.get("options") or []]

    def field(self, value):
        return forms.TypedChoiceField(
            choices=self.answer_options(value),
            coerce=int,
            widget=forms.RadioSelect,
            error_messages=self.error_messages(value),
            **self.common(value),
        )

    class Meta:
        icon = "site"
        label = _("Service area (routes the case)")


class CallBackTimeBlock(QuestionBlock):
    """When the contact centre should call: the half days still possible in the phone's opening hours."""

    def field(self, value):
        return forms.ChoiceField(
            choices=call_back.choices,  # read again each time the form is shown or checked
            widget=forms.RadioSelect,
            error_messages=self.error_messages(
                value, invalid=_("The time you chose has passed: select another time we should call you")
            ),
            **self.common(value),
        )

    def title_text(self, value, answer):
        return call_back.title_text(answer)

    class Meta:
        icon = "time"
        label = _("Time to call back")


class InformationBlock(blocks.StructBlock):
    """Text shown on the step, not a question (GOV.UK "inset text")."""

    text = blocks.TextBlock(label=_("Text"), rows=3)

    class Meta:
        icon = "info-circle"
        label = _("Information text")


class QuestionsBlock(blocks.StreamBlock):
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    number = NumberBlock()
    date = DateBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    email = EmailBlock()
    phone = PhoneBlock()
    address = AddressBlock()
    identity_number = IdentityNumberBlock()
    photos = FileBlock()
    consent = ConsentBlock()
    service_area = ServiceAreaBlock()
    call_back_time = CallBackTimeBlock()
    information = InformationBlock()


def question_blocks(stream_value):
    """(block, value) of every question of a step's stream, information texts left out."""
    for child in stream_value:
        if isinstance(child.block, QuestionBlock):
            yield child.block, child.value
