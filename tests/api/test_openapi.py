"""The API's own OpenAPI document: valid OpenAPI 3, complete, and served with its docs page."""

from django.contrib.staticfiles import finders

from openapi_spec_validator import validate

from tests.api.conftest import API


def test_openapi_document_is_valid_openapi_3(openapi):
    validate(openapi)
    assert openapi["openapi"].startswith("3.")
    assert openapi["info"]["title"] == "Kommunportal API"
    assert openapi["info"]["version"] == "1"


def test_every_endpoint_is_documented(openapi):
    assert {path: set(methods) for path, methods in openapi["paths"].items()} == {
        f"{API}/eservices": {"get"},
        f"{API}/eservices/{{slug}}": {"get"},
        f"{API}/eservices/{{slug}}/submissions": {"post"},
        f"{API}/cases/{{reference}}": {"get"},
        f"{API}/opening-hours": {"get"},
        f"{API}/pages": {"get"},
        f"{API}/pages/find": {"get"},
        f"{API}/pages/{{page_id}}": {"get"},
        f"{API}/service-areas": {"get"},
        f"{API}/faq": {"get"},
        f"{API}/blanketter": {"get"},
        f"{API}/departments": {"get"},
        f"{API}/officials": {"get"},
    }
    submit = openapi["paths"][f"{API}/eservices/{{slug}}/submissions"]["post"]
    assert {"200", "201", "404", "409", "413", "422", "429"} <= set(submit["responses"])
    assert submit["requestBody"]["content"]["application/json"]["schema"]["type"] == "object"
    [key] = [parameter for parameter in submit["parameters"] if parameter["name"] == "Idempotency-Key"]
    # Left out, or a UUID: never null (a generated null got 422 while the document allowed it).
    assert key["schema"]["type"] == "string" and key["schema"]["format"] == "uuid", key
    assert key["required"] is False and "anyOf" not in key["schema"]
    status = openapi["paths"][f"{API}/cases/{{reference}}"]["get"]
    assert {"200", "404", "429"} <= set(status["responses"])


def test_docs_page_serves_with_its_own_assets(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "openapi.json" in html
    for asset in ("ninja/swagger-ui.css", "ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), f"{asset}: is ninja in INSTALLED_APPS?"


CONTENT_LISTS = ["/pages", "/service-areas", "/faq", "/blanketter", "/departments", "/officials"]


def test_the_content_operations_are_documented_with_their_answers(openapi):
    for path in CONTENT_LISTS:
        operation = openapi["paths"][f"{API}{path}"]["get"]
        assert operation["tags"] == ["content"]
        assert {"200", "304", "422"} <= set(operation["responses"]), path
        parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
        assert parameters["limit"]["schema"]["maximum"] == 100, path
        assert parameters["lang"]["schema"]["anyOf"][0]["enum"] == ["sv", "en", "ar", "fi"], path
    for path in ("/pages/{page_id}", "/pages/find"):
        operation = openapi["paths"][f"{API}{path}"]["get"]
        assert {"200", "304", "401", "403", "404", "422"} <= set(operation["responses"]), path
        # The token is optional: only a preview needs it.
        assert operation["security"] == [{"HeadlessClientToken": []}, {}]
    assert openapi["components"]["securitySchemes"]["HeadlessClientToken"]["scheme"] == "bearer"
    detail = openapi["components"]["schemas"]["PageDetailOut"]
    block_types = {ref["$ref"].rsplit("/", 1)[-1] for ref in detail["properties"]["body"]["items"]["anyOf"]}
    assert {
        "HeadingBlockOut",
        "ParagraphBlockOut",
        "NoticeBlockOut",
        "StepsBlockOut",
        "LinksBlockOut",
    } <= block_types
