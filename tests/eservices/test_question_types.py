"""Every question type an editor can choose, fed what a stranger might type: its own message or a value.

The field a block makes is what the wizard and the API validate with, so a type that raised
anything but a ValidationError, or answered with Django's generic text, would be a 500 or an
unhelpful message on the web form and in the API alike.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eservices.questions import QuestionsBlock

TYPED = st.text(max_size=300) | st.from_regex(r"\A[0-9 +\-./:]{0,20}\Z")
ANYTHING = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MESSAGE = "Svara på frågan"
WRONG = "Skriv svaret rätt"

OPTIONS = [{"label": "Gata", "key": "gata"}, {"label": "Park", "key": "park"}]
QUESTIONS = {
    "short_text": {"max_length": 20},
    "long_text": {"max_length": 200, "warn_sensitive": True},
    "number": {"min_value": 1, "max_value": 10},
    "date": {"when": "future"},
    "single_choice": {"options": OPTIONS, "widget": "radio"},
    "multiple_choice": {"options": OPTIONS},
    "yes_no": {},
    "email": {},
    "phone": {},
    "identity_number": {"why": "För att vi ska veta vem du är."},
    "consent": {},
}


# Types whose own messages say more than the editor's "wrong" message could (which part is wrong).
OWN_MESSAGES = {
    "identity_number": ("Personnumret", "Samordningsnumret", "Skriv personnumret"),
    "number": ("Skriv ett tal från 1 till 10",),
    "date": ("Skriv ett datum som är i dag eller senare",),
}


def fields_of(kind):
    block = QuestionsBlock().child_blocks[kind]
    value = block.to_python(
        {
            "label": "Frågan",
            "name": "fragan",
            "required": True,
            "required_message": MESSAGE,
            **QUESTIONS[kind],
        }
    )
    value["invalid_message"] = WRONG
    return block.fields(value)


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
@ANYTHING
@given(typed=TYPED)
@example(typed="")
@example(typed="a\x00b")
@example(typed="2026-02-30")
def test_a_question_answers_anything_typed_with_a_value_or_its_own_message(kind, typed):
    with translation.override("sv"):  # OWN_MESSAGES are the Swedish site's, whatever ran before
        check_anything_typed(kind, typed)


def check_anything_typed(kind, typed):
    for field in fields_of(kind).values():
        submitted = [typed] if kind == "multiple_choice" else typed
        try:
            field.clean(submitted)
        except ValidationError as error:
            for message in error.messages:
                assert (
                    MESSAGE in message
                    or WRONG in message
                    or kind in OWN_MESSAGES
                    and message.startswith(OWN_MESSAGES[kind])
                ), (kind, typed, message)


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_an_empty_required_question_gets_the_editors_message(kind):
    for field in fields_of(kind).values():
        with pytest.raises(ValidationError) as refused:
            field.clean([] if kind == "multiple_choice" else "")
        assert refused.value.messages == [MESSAGE]


def test_a_wrong_answer_gets_the_editors_wrong_message():
    assert_wrong("email", "inte en adress")
    assert_wrong("phone", "12")
    assert_wrong("date", "31 februari")
    assert_wrong("number", "tre")


def assert_wrong(kind, typed):
    (field,) = fields_of(kind).values()
    with pytest.raises(ValidationError) as refused:
        field.clean(typed)
    assert refused.value.messages == [WRONG], (kind, refused.value.messages)


def test_a_future_date_question_refuses_yesterday():
    (field,) = fields_of("date").values()
    with pytest.raises(ValidationError):
        field.clean((dt.date.today() - dt.timedelta(days=2)).isoformat())


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(QuestionsBlock().child_blocks))
def test_the_block_picker_previews_each_question_as_a_citizen_sees_it(kind, rf, admin_user):
    """Wagtail's block picker shows a preview: the question's field, with the site's own styles."""
    block = QuestionsBlock().child_blocks[kind]
    if kind == "information":
        return  # a text, rendered by the global preview
    assert block.is_previewable
    value = block.get_preview_value()
    context = block.get_preview_context(value, {"request": rf.get("/"), "block_def": block})
    html = context["form"].render()
    for name in block.names(value):
        assert f'name="{name}"' in html or f'name="{name}_' in html, (kind, html[:300])


@pytest.mark.django_db
def test_the_admin_serves_the_preview_of_a_question(client, admin_user):
    client.force_login(admin_user)
    block = QuestionsBlock().child_blocks["single_choice"]
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/portal.css" in html and 'type="radio"' in html
