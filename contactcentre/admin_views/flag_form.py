"""The form on the case page that flags a page or FAQ, and what the case page's flag section shows.

Apart from the view it posts to (``flags.py``), which is a case page: the case page imports this.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from contactcentre import content_flags
from contactcentre.admin_views.forms import working_language
from pages import review
from pages.models import FAQ, ContentFlag

PREFIX = "flag"


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class FlagForm(forms.Form):
    page = PageChoiceField(
        label=_("Service or information page"), queryset=Page.objects.none(), required=False, empty_label="–"
    )
    faq = forms.ModelChoiceField(
        label=_("or FAQ"), queryset=FAQ.objects.none(), required=False, empty_label="–"
    )
    reason = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=ContentFlag.REASONS,
        initial=ContentFlag.OUTDATED,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What is wrong"),
        max_length=2000,
        help_text=_("What the editor needs to know. No personal data: the editor may not see the case."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        # Set here, not at import: choosing pages by type asks the database for content types.
        self.fields["page"].queryset = review.flaggable_pages().only("pk", "title")
        faqs = working_language(FAQ.objects.only("pk", "question"))
        self.fields["faq"].queryset = faqs.order_by("question")

    def clean(self):
        data = super().clean()
        page, faq = data.get("page"), data.get("faq")
        if page and faq:
            raise forms.ValidationError(_("Choose a page or an FAQ, not both: flag them one at a time."))
        if not page and not faq and "page" not in self.errors and "faq" not in self.errors:
            raise forms.ValidationError(_("Choose the page or the FAQ that is outdated or wrong."))
        return data


def case_page_context(case, form=None) -> dict:
    """What the case page's flag section needs: the form and the flags made from this case."""
    return {"flag_form": form or FlagForm(), "case_flags": list(content_flags.flags_from_case(case))}
