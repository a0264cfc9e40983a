"""E-services built by editors as page content: the same wizard, API, case and versions as coded ones.

The e-service here is built as the admin saves it: the steps' StreamField value goes through
``StepsBlock.clean`` (which names the questions), then the page is saved as a revision and
published.
"""

import copy

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

import pytest
from jsonschema import Draft202012Validator
from wagtail_localize.segments.extract import extract_segments

from contactcentre.models import Case
from eservices.builder import ExitForm
from eservices.models import EServicePage, FormVersion
from eservices.questions import machine_name
from eservices.steps import StepsBlock
from pages.models import ServiceArea, ServiceAreaPage
from tests.eservices.wizard_helpers import WizardRun, assert_field_error, field_errors
from tests.factories import publish

pytestmark = pytest.mark.django_db
API = "/api/v1/eservices"


def question(kind, label, *, required=True, message="", **more):
    value = {"label": label, "hint": "", "required": required, "required_message": message, "name": ""}
    return {"type": kind, "value": {**value, **more}}


def options(*labels):
    return [{"label": label, "key": ""} for label in labels]


def condition(name="", value="", operator="is"):
    return {"question": name, "operator": operator, "answer": value}


def step(title, questions, *, when=None, rules=()):
    value = {"title": title, "questions": questions, "condition": when or condition(), "rules": list(rules)}
    return {"type": "step", "value": {**value, "name": ""}}


STEPS = [
    step(
        "Vad gäller det?",
        [
            {"type": "information", "value": {"text": "Beskriv felet så noga du kan."}},
            question(
                "single_choice",
                "Var är felet?",
                message="Välj var felet är",
                options=options("Gata", "Park"),
                widget="radio",
                none_of_these="",
            ),
            question("yes_no", "Är det akut?", message="Välj ja om det är akut"),
            question(
                "long_text", "Beskriv felet", message="Beskriv felet", max_length=500, warn_sensitive=True
            ),
        ],
    ),
    {
        "type": "exit",
        "value": {
            "title": "Ring oss direkt",
            "text": "<p>Ring 08-465 004 90 eller 112 om någon är skadad.</p>",
            "condition": condition("ar_det_akut", "yes"),
            "name": "",
        },
    },
    step("Svar", [question("yes_no", "Vill du bli kontaktad?", message="Välj ja om du vill bli kontaktad")]),
    step(
        "Dina kontaktuppgifter",
        [
            question(
                "short_text", "Ditt namn", message="Skriv ditt namn", max_length=200, autocomplete="name"
            ),
            question("email", "E-postadress", required=False),
            question("phone", "Telefonnummer", required=False),
        ],
        when=condition("vill_du_bli_kontaktad", "yes"),
        rules=["email_or_phone"],
    ),
]


def cleaned_steps(raw):
    """The steps as the admin saves them: through the block's ``clean``."""
    block = StepsBlock()
    return block.clean(block.to_python(raw))


@pytest.fixture
def area():
    return ServiceArea.objects.get(menu_digit=4, locale__language_code="sv")


@pytest.fixture
def built_page(area):
    parent = ServiceAreaPage.objects.filter(locale__language_code="sv").first()
    page = EServicePage(
        title="Felanmälan park",
        slug="felanmalan-park",
        summary="Anmäl ett fel i en park eller på en gata.",
        steps=cleaned_steps(STEPS),
        case_title="Felanmälan park: {beskriv_felet}",
        statistics_question="var_ar_felet",
        service_area=area,
        handling_time="Vi lagar felet inom en vecka.",
        next_steps="Teknik planerar lagningen.",
        data_collected="Felet och, om du vill, ditt namn och hur vi når dig.",
        purpose="Att laga felet.",
        legal_basis="Allmänt intresse.",
        controller="Tekniska nämnden",
        retention_days=730,
        retention_rule="Gallras efter två år.",
    )
    parent.add_child(instance=page)
    return publish(page)


FAULT = {"var_ar_felet": "gata", "ar_det_akut": "no", "beskriv_felet": "Lampan vid lekplatsen är trasig."}


def test_questions_and_steps_get_machine_names_from_their_labels():
    steps = cleaned_steps(STEPS)
    assert [child.value["name"] for child in steps] == [
        "vad_galler_det",
        "ring_oss_direkt",
        "svar",
        "dina_kontaktuppgifter",
    ]
    names = [
        child.value["name"] for child in steps[0].value["questions"] if child.block_type != "information"
    ]
    assert names == ["var_ar_felet", "ar_det_akut", "beskriv_felet"]
    assert [option["key"] for option in steps[0].value["questions"][1].value["options"]] == ["gata", "park"]
    assert machine_name("Är det akut?") == "ar_det_akut"


def test_a_citizen_completes_a_built_eservice_and_it_becomes_a_case(client, built_page):
    run = WizardRun(client, built_page)
    first = client.get(run.first_url).content.decode()
    assert "Beskriv felet så noga du kan." in first  # the information text
    run.answer("vad_galler_det", FAULT, then="svar")  # "no" to urgent: the exit page is skipped
    run.answer("svar", {"vill_du_bli_kontaktad": "yes"}, then="dina_kontaktuppgifter")
    run.answer(
        "dina_kontaktuppgifter", {"ditt_namn": "Tolvan Tolvansson", "e_postadress": "tolvan@example.com"}
    )
    check = run.check_page()
    assert "Lampan vid lekplatsen är trasig." in check and "Gata" in check
    receipt = run.send().content.decode()

    case = Case.objects.get(run_id__isnull=False, eservice="felanmalan-park")
    assert case.reference in receipt
    assert case.title == "Felanmälan park: Lampan vid lekplatsen är trasig."
    assert case.contact_email == "tolvan@example.com" and case.contact_name == "Tolvan Tolvansson"
    assert case.service_area.menu_digit == 4
    assert case.statistics_category == "gata"
    assert case.answers["vad_galler_det"]["beskriv_felet"] == "Lampan vid lekplatsen är trasig."
    # Kept by the e-service's retention rule: 730 days from the day it came in.
    assert (case.retain_until - timezone.localdate(case.received_at)).days == 730


def test_an_urgent_answer_leads_to_the_exit_page_and_stops_there(client, built_page):
    run = WizardRun(client, built_page)
    run.answer("vad_galler_det", {**FAULT, "ar_det_akut": "yes"}, then="ring_oss_direkt")
    page = client.get(run.url("ring_oss_direkt")).content.decode()
    assert "Ring 08-465 004 90 eller 112" in page
    assert "-current_step" not in page and "Fortsätt" not in page  # no way on from an exit page
    response = run.post("ring_oss_direkt")
    assert response.status_code == 200  # posting anyway goes nowhere
    assert not Case.objects.filter(eservice="felanmalan-park").exists()


def test_a_step_whose_condition_does_not_hold_is_skipped(client, built_page):
    run = WizardRun(client, built_page)
    run.answer("vad_galler_det", FAULT)
    run.answer("svar", {"vill_du_bli_kontaktad": "no"}, then="kontrollera")
    run.send()
    case = Case.objects.get(eservice="felanmalan-park")
    assert "dina_kontaktuppgifter" not in case.answers and case.contact_email == ""


def test_each_question_has_the_editors_message_next_to_it(client, built_page):
    run = WizardRun(client, built_page)
    response = run.post("vad_galler_det", {"ar_det_akut": "no", "beskriv_felet": "x"})
    assert_field_error(response, "id_vad_galler_det-var_ar_felet", "Välj var felet är")


def test_a_named_rule_checks_across_questions(client, built_page):
    run = WizardRun(client, built_page)
    run.answer("vad_galler_det", FAULT)
    run.answer("svar", {"vill_du_bli_kontaktad": "yes"})
    response = run.post("dina_kontaktuppgifter", {"ditt_namn": "Tolvan"})
    assert response.status_code == 200, field_errors(response)
    assert_field_error(
        response,
        "id_dina_kontaktuppgifter-e_postadress",
        "Enter an e-mail address or a phone number, so that we can answer you.",
    )


def test_the_api_publishes_its_schema_and_validates_like_the_web_form(client, built_page):
    schema = client.get(f"{API}/felanmalan-park").json()["schema"]
    assert set(schema["properties"]) == {"vad_galler_det", "ring_oss_direkt", "svar", "dina_kontaktuppgifter"}
    assert schema["properties"]["vad_galler_det"]["properties"]["var_ar_felet"]["enum"] == ["gata", "park"]
    good = {"vad_galler_det": FAULT, "svar": {"vill_du_bli_kontaktad": "no"}}
    bad = {
        "vad_galler_det": {"ar_det_akut": "no", "beskriv_felet": "x"},
        "svar": {"vill_du_bli_kontaktad": "no"},
    }
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors(bad))
    # The condition, declared once, is the schema's if/then too: contact details when asked for.
    asked = {**good, "svar": {"vill_du_bli_kontaktad": "yes"}}
    assert list(validator.iter_errors(asked))

    created = client.post(f"{API}/felanmalan-park/submissions", good, content_type="application/json")
    assert created.status_code == 201, created.content
    refused = client.post(f"{API}/felanmalan-park/submissions", bad, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "vad_galler_det", "var_ar_felet"]
    assert refused.json()["detail"][0]["msg"] == "Välj var felet är"


def test_an_urgent_submission_through_the_api_is_refused_with_the_exit_page(client, built_page):
    body = {"vad_galler_det": {**FAULT, "ar_det_akut": "yes"}, "svar": {"vill_du_bli_kontaktad": "no"}}
    response = client.post(f"{API}/felanmalan-park/submissions", body, content_type="application/json")
    assert response.status_code == 422
    assert "Ring oss direkt" in response.content.decode()
    assert not Case.objects.filter(eservice="felanmalan-park").exists()


def test_a_run_keeps_its_version_when_the_editor_publishes_a_change(client, built_page):
    run = WizardRun(client, built_page)
    run.answer("vad_galler_det", FAULT)

    # The editor removes the contact question's step and publishes.
    page = EServicePage.objects.get(pk=built_page.pk)
    page.steps = cleaned_steps([STEPS[0], STEPS[1]])
    publish(page)

    run.answer("svar", {"vill_du_bli_kontaktad": "yes"}, then="dina_kontaktuppgifter")  # the old version
    run.answer("dina_kontaktuppgifter", {"ditt_namn": "Tolvan", "telefonnummer": "070-123 45 67"})
    run.send()
    case = Case.objects.get(eservice="felanmalan-park")
    assert case.contact_phone == "+46701234567"
    assert case.form_snapshot["version"] == "felanmalan-park@1"  # the version the run started on

    # A new run gets the new version: no "svar" step any more.
    fresh = WizardRun(client, EServicePage.objects.get(pk=built_page.pk))
    fresh.answer("vad_galler_det", FAULT, then="kontrollera")
    # And the old case still reads as it did.
    assert "Ditt namn" in str(case.form_snapshot)
    assert EServicePage.objects.get(pk=built_page.pk).definition.version == "felanmalan-park@2"


def test_a_new_text_keeps_the_version_a_new_shape_gets_the_next(client, built_page):
    assert built_page.definition.version == "felanmalan-park@1"
    page = EServicePage.objects.get(pk=built_page.pk)
    saved = copy.deepcopy(list(built_page.steps.raw_data))  # as the editor opens it: names kept
    reworded = copy.deepcopy(saved)
    reworded[0]["value"]["questions"][1]["value"]["hint"] = "Till exempel Storgatan 12."
    reworded[0]["value"]["title"] = "Vad har hänt?"
    page.steps = cleaned_steps(reworded)
    published = publish(page)
    assert published.definition.version == "felanmalan-park@1"  # texts only: API clients need nothing new
    assert published.definition.fingerprint != built_page.definition.fingerprint  # but a new wizard

    optional = copy.deepcopy(reworded)
    optional[0]["value"]["questions"][1]["value"]["required"] = False
    page.steps = cleaned_steps(optional)
    assert publish(page).definition.version == "felanmalan-park@2"
    # Back to the first shape: its number again, since a client may hold that schema.
    page.steps = cleaned_steps(saved)
    assert publish(page).definition.version == "felanmalan-park@1"
    assert FormVersion.objects.filter(translation_key=built_page.translation_key).count() == 2


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            [
                step(
                    "A",
                    [
                        question("short_text", "Namn", message="Skriv", max_length=20),
                        question("short_text", "Namn", message="Skriv", max_length=20),
                    ],
                ),
            ],
            "Två frågor på det här steget har maskinnamnet ”namn”",
        ),
        (
            [
                step(
                    "A",
                    [question("short_text", "Namn", message="Skriv", max_length=20)],
                    rules=["answer_channel"],
                )
            ],
            "behöver frågorna answer_by, email, phone, address på det här steget",
        ),
        (
            [step("A", [question("yes_no", "Akut?", message="Välj")], when=condition("finns_inte", "yes"))],
            "som inget tidigare steg ställer",
        ),
        (
            [
                step("A", [question("yes_no", "Akut?", message="Välj")]),
                step("B", [question("email", "E-post", required=False)], when=condition("akut", "kanske")),
            ],
            "är inte ett av frågans alternativ",
        ),
        (
            [
                step("A", [question("short_text", "Namn", message="Skriv", max_length=20)]),
                step("A", [question("email", "E-post", required=False)]),
            ],
            "Två steg heter ”a”",
        ),
    ],
)
def test_the_admin_refuses_an_inconsistent_form(steps, message):
    with pytest.raises(StreamBlockValidationError) as refused:
        cleaned_steps(steps)
    assert message in str(refused.value.as_json_data())


def test_a_choice_question_needs_two_options_and_a_required_question_its_message():
    lonely = step(
        "A",
        [
            question(
                "single_choice",
                "Vad?",
                message="Välj",
                options=options("Bara en"),
                widget="radio",
                none_of_these="",
            )
        ],
    )
    with pytest.raises(StreamBlockValidationError) as refused:
        cleaned_steps([lonely])
    assert "minst två alternativ" in str(refused.value.as_json_data())
    silent = step("A", [question("short_text", "Namn", message="", max_length=20)])
    with pytest.raises(StreamBlockValidationError) as refused:
        cleaned_steps([silent])
    assert "behöver ett eget meddelande" in str(refused.value.as_json_data())


def test_the_page_refuses_a_case_title_with_a_question_that_does_not_exist(built_page):
    built_page.case_title = "Fel: {finns_inte}"
    with pytest.raises(ValidationError) as refused:
        built_page.full_clean()
    assert "case_title" in refused.value.message_dict


def test_machine_names_are_not_offered_to_translators(built_page):
    texts = {segment.string.data for segment in extract_segments(built_page) if hasattr(segment, "string")}
    assert "Var är felet?" in texts and "Gata" in texts and "Välj var felet är" in texts
    assert not {"var_ar_felet", "gata", "ar_det_akut", "vad_galler_det"} & texts


def test_the_exit_form_refuses_every_body():
    form = type("Exit", (ExitForm,), {"exit_title": "Ring 112", "exit_text": ""})(data={})
    assert not form.is_valid()


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("", ["Anmäl ett fel i en park eller på en gata."]),
        (
            "steps",
            [
                "Beskriv felet så noga du kan.",  # step 1, its information text
                "Visas när ”Är det akut?” är ”Ja”.",  # the exit page's condition, in words
                "Ring 08-465 004 90",
                "Kontrollera dina svar",
                "Vill du bli kontaktad?",
            ],
        ),
        ("receipt", ["KC-0000-000000", "Teknik planerar lagningen."]),
    ],
)
def test_the_editor_previews_every_step_the_check_page_and_the_receipt(built_page, mode, expected):
    response = built_page.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    html = response.rendered_content if hasattr(response, "rendered_content") else response.content.decode()
    for text in expected:
        assert text in html, text


def test_the_preview_shows_an_unpublished_change_and_the_live_form_does_not(client, built_page):
    page = EServicePage.objects.get(pk=built_page.pk)
    changed = copy.deepcopy(list(built_page.steps.raw_data))
    changed[0]["value"]["questions"][3]["value"]["label"] = "Berätta vad som är trasigt"
    page.steps = cleaned_steps(changed)
    page.save_revision()  # a draft: saved, not published
    draft = page.get_latest_revision_as_object()
    assert "Berätta vad som är trasigt" in draft.make_preview_request(preview_mode="steps").rendered_content
    live = WizardRun(client, EServicePage.objects.get(pk=built_page.pk))
    assert "Berätta vad som är trasigt" not in client.get(live.first_url).content.decode()


def test_the_printable_preview_is_the_pdf(built_page):
    response = built_page.make_preview_request(preview_mode="printable")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_condition_may_name_the_question_and_the_answer_by_their_text():
    """Before the first save an editor does not know the machine names: the label and the option do."""
    steps = cleaned_steps(
        [
            step("A", [question("yes_no", "Är det akut?", message="Välj")]),
            step("B", [question("email", "E-post", required=False)], when=condition("Är det akut?", "Ja")),
        ]
    )
    assert dict(steps[1].value["condition"]) == {"question": "ar_det_akut", "operator": "is", "answer": "yes"}


def test_a_change_sent_for_review_reaches_citizens_only_when_a_second_editor_approves(built_page):
    """The municipality's choice: a Wagtail workflow on its e-service pages (docs/eservices.md)."""
    users = get_user_model().objects
    author = users.create_user("skribent")
    author.groups.add(Group.objects.get(name="Editors"))
    reviewer = users.create_user("granskare")
    reviewer.groups.add(Group.objects.get(name="Moderators"))
    task = GroupApprovalTask.objects.create(name="Granskning av en annan redaktör")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="E-tjänster granskas")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=1)
    WorkflowPage.objects.create(workflow=workflow, page=built_page)

    page = EServicePage.objects.get(pk=built_page.pk)
    changed = copy.deepcopy(list(built_page.steps.raw_data))
    changed[0]["value"]["questions"][3]["value"]["label"] = "Berätta vad som är trasigt"
    page.steps = cleaned_steps(changed)
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    before = EServicePage.objects.get(pk=page.pk).definition.steps[0].form_class().fields.values()
    assert "Berätta vad som är trasigt" not in [str(field.label) for field in before]  # waiting for review

    state.current_task_state.approve(user=reviewer)
    live = EServicePage.objects.get(pk=page.pk)
    labels = [str(field.label) for field in live.definition.steps[0].form_class().fields.values()]
    assert "Berätta vad som är trasigt" in labels
