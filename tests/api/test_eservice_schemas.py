"""GET /api/v1/eservices: every e-service with the JSON Schema of its submissions."""

import pytest
from jsonschema import Draft202012Validator

from core.uploads import MAX_BYTES
from eservices import catalogue
from eservices.schema import base64_length
from tests.api.conftest import API, check_response, file_object, png_bytes, schema_errors

pytestmark = pytest.mark.django_db


def listing(client, openapi, **headers):
    response = client.get(f"{API}/eservices", **headers)
    assert response.status_code == 200
    return {item["slug"]: item for item in check_response(openapi, response, "/eservices")}


def test_every_registered_eservice_is_listed_with_a_valid_schema(client, openapi):
    items = listing(client, openapi, HTTP_ACCEPT_LANGUAGE="en")
    assert set(items) == {eservice.slug for eservice in catalogue.all_eservices()}
    for slug, item in items.items():
        eservice = catalogue.get(slug)
        assert set(item) == {"slug", "title", "service_area", "schema"}
        assert item["service_area"]["digit"] == eservice.service_area_digit
        assert item["service_area"]["name"], slug
        schema = item["schema"]
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["type"] == "object"
        assert schema["additionalProperties"] is False
        assert list(schema["properties"]) == [step.name for step in eservice.steps]
        assert schema["x-schema-version"] == eservice.version
        for step in eservice.steps:
            step_schema = schema["properties"][step.name]
            assert step_schema["type"] == "object"
            assert step_schema["additionalProperties"] is False
            assert list(step_schema["properties"]) == list(step.form_class().fields)
            for name, field in step_schema["properties"].items():
                assert field["title"], (slug, step.name, name)
            if step.condition is None:
                assert (step.name in schema["required"]) == bool(step_schema.get("required"))
            else:
                assert step.name not in schema["required"]
                if step.schema_if is None:
                    assert "leave the step out" in step_schema["description"], (slug, step.name)


def test_fraga_kontaktcenter_schema_in_swedish_by_default(client, openapi):
    # Asked in English first: the e-service built then must not hand its English hints on.
    listing(client, openapi, HTTP_ACCEPT_LANGUAGE="en")
    item = listing(client, openapi)["fraga-kontaktcenter"]
    assert item["title"] == "Fråga kontaktcenter"
    assert item["service_area"] == {"digit": 9, "name": "Allmänna frågor"}
    schema = item["schema"]
    assert schema["required"] == ["fraga", "kontakt"]
    question = schema["properties"]["fraga"]
    assert question["required"] == ["subject", "question"]
    assert question["properties"]["subject"] == {
        "type": "string",
        "maxLength": 150,
        "minLength": 1,
        "title": "Vad gäller din fråga?",
    }
    assert "känsliga" in question["properties"]["question"]["description"]
    contact = schema["properties"]["kontakt"]["properties"]
    assert contact["email"]["format"] == "email"
    assert contact["answer_by"]["enum"] == ["email", "phone", "letter"]
    assert contact["answer_by"]["x-labels"]["letter"] == "Brev"
    # The rule of ContactDetailsForm.clean() is described, since JSON Schema does not have it.
    assert schema["properties"]["kontakt"]["description"]


def test_titles_follow_accept_language_and_lang(client, openapi, in_english):
    in_english("fraga-kontaktcenter")
    english = listing(client, openapi, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["fraga-kontaktcenter"]
    assert english["title"] == "Ask the contact centre"
    assert english["schema"]["properties"]["fraga"]["properties"]["subject"]["title"] == (
        "What is your question about?"
    )
    response = client.get(f"{API}/eservices?lang=en", HTTP_ACCEPT_LANGUAGE="sv")
    assert response["Content-Language"] == "en"
    titles = {item["slug"]: item["title"] for item in response.json()}
    assert titles["fraga-kontaktcenter"] == "Ask the contact centre"
    unsupported = listing(client, openapi, HTTP_ACCEPT_LANGUAGE="de-DE")["fraga-kontaktcenter"]
    assert unsupported["title"] == "Fråga kontaktcenter"


def test_field_types_formats_files_and_conditions(client, openapi, test_eservice):
    schema = listing(client, openapi)["api-test"]["schema"]
    applicant = schema["properties"]["sokande"]["properties"]
    assert applicant["personal_number"]["type"] == "string"
    assert (
        "check digit" in applicant["personal_number"]["description"]
        or "kontrollsiffr" in (applicant["personal_number"]["description"])
    )
    assert applicant["kind"]["enum"] == ["a", "b"]
    assert applicant["kind"]["x-labels"] == {"a": "Kind A", "b": "Kind B"}
    assert applicant["has_second"] == {"type": "boolean", "title": "There is a second person"}
    assert applicant["agree"]["const"] is True
    assert applicant["start"]["format"] == "date"
    assert applicant["units"]["type"] == "array"
    assert applicant["units"]["items"]["enum"] == ["x", "y"]
    assert applicant["units"]["minItems"] == 1
    assert applicant["children"] == {"type": "integer", "minimum": 1, "maximum": 10, "title": "Children"}
    assert applicant["email"]["format"] == "email"
    assert schema["properties"]["sokande"]["required"] == [
        "personal_number",
        "kind",
        "start",
        "units",
        "children",
        "agree",
    ]
    photo = schema["properties"]["foto"]["properties"]["photo"]
    assert photo["type"] == "object"
    assert photo["required"] == ["name", "content_base64"]
    assert photo["properties"]["content_base64"]["contentEncoding"] == "base64"
    assert photo["properties"]["content_base64"]["maxLength"] == base64_length(MAX_BYTES)
    assert "8,0\xa0MB" in photo["description"]  # the size limit, in Swedish
    # The photo step has no required field, so it may be left out.
    assert schema["required"] == ["sokande"]
    # A condition with schema_if: if/then/else; without: prose from the condition's docstring.
    assert schema["allOf"] == [
        {
            "if": {
                "required": ["sokande"],
                "properties": {
                    "sokande": {"required": ["has_second"], "properties": {"has_second": {"const": True}}}
                },
            },
            "then": {"required": ["andra"]},
            "else": {"not": {"required": ["andra"]}},
        }
    ]
    assert "the applicant chose kind B" in schema["properties"]["extra"]["description"]


def test_the_schema_requires_and_forbids_conditional_steps(test_eservice):
    from eservices.schema import submission_schema

    schema = submission_schema(test_eservice)
    applicant = {
        "personal_number": "19121212-1212",
        "kind": "a",
        "start": "2030-01-31",
        "units": ["x"],
        "children": 2,
        "agree": True,
    }
    assert schema_errors(schema, {"sokande": applicant}) == []
    assert schema_errors(schema, {"sokande": {**applicant, "has_second": True}})  # "andra" missing
    assert (
        schema_errors(
            schema,
            {"sokande": {**applicant, "has_second": True}, "andra": {"personal_number": "19121212-1212"}},
        )
        == []
    )
    assert schema_errors(schema, {"sokande": applicant, "andra": {"personal_number": "19121212-1212"}})
    assert schema_errors(schema, {"sokande": {**applicant, "kind": "c"}})
    assert schema_errors(schema, {"sokande": {**applicant, "agree": False}})
    assert schema_errors(schema, {"sokande": {**applicant, "unknown": 1}})
    assert schema_errors(schema, {"sokande": applicant, "foto": {"photo": file_object(png_bytes())}}) == []
    assert schema_errors(schema, {"sokande": applicant, "foto": {"photo": {"name": "x.png"}}})


def test_one_eservice_and_an_unknown_one(client, openapi):
    response = client.get(f"{API}/eservices/fraga-kontaktcenter")
    assert check_response(openapi, response, "/eservices/{slug}")["slug"] == "fraga-kontaktcenter"
    response = client.get(f"{API}/eservices/finns-inte")
    assert response.status_code == 404
    check_response(openapi, response, "/eservices/{slug}")
