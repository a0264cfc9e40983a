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
    }
    submit = openapi["paths"][f"{API}/eservices/{{slug}}/submissions"]["post"]
    assert {"200", "201", "404", "409", "413", "422", "429"} <= set(submit["responses"])
    assert submit["requestBody"]["content"]["application/json"]["schema"]["type"] == "object"
    assert any(parameter["name"] == "Idempotency-Key" for parameter in submit["parameters"])
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
