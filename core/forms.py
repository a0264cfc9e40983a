"""GOV.UK errors for every form a citizen fills in: messages that name their field, and the summary."""

from django.utils.functional import lazy
from django.utils.translation import gettext


class ErrorSummaryMixin:
    """Adds ``error_summary()`` to a Django form: what the summary at the top of the page lists."""

    def error_summary(self):
        """(field id, message) pairs; a form-wide error links nowhere ("")."""
        items = [("", message) for message in self.non_field_errors()]
        for field in self:
            for message in field.errors:
                target = field.auto_id
                # Radios and checkboxes in a fieldset: the link goes to the first option.
                if field.use_fieldset and hasattr(field.field.widget, "input_type"):
                    target = f"{field.auto_id}_0"
                items.append((target, message))
        return items


def _too_long(ask) -> str:
    # Django fills in limit_value and show_value; the field's own message makes it name the field.
    template = gettext("%(ask)s: at most %(limit_value)d characters (you have written %(show_value)d)")
    return template.replace("%(ask)s", str(ask).replace("%", "%%"))


too_long_message = lazy(_too_long, str)


def messages(ask, *, invalid=None, too_long=None) -> dict:
    """A field's error messages, each naming the field (GOV.UK style).

    ``forms.CharField(label=_("Your name"), error_messages=messages(_("Enter your name")))``

    ``ask`` says what to do when the field is empty ("Enter …", "Select …", "Upload …",
    "Tick …"); it is also the message for a choice that is not offered and, unless
    ``invalid`` says how to write the answer, for a value of the wrong form. Too long
    an answer gets ``too_long``, or ``ask`` with the limit.
    """
    invalid = invalid or ask
    return {
        "required": ask,
        "invalid": invalid,
        "invalid_choice": invalid,
        "max_length": too_long or too_long_message(ask),
        # File fields: no file, an empty one, a file and "clear" at once.
        "missing": ask,
        "empty": invalid,
        "contradiction": invalid,
        "null_characters_not_allowed": invalid,
    }
