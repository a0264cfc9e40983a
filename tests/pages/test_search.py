import pytest

from pages.models import FAQ

pytestmark = pytest.mark.django_db


def test_site_search_finds_an_faq_by_a_word_in_its_answer(client):
    faq = FAQ.objects.get(answer__icontains="hämtningsschema")
    assert "hämtningsschema" not in faq.question.lower()
    response = client.get("/sok/", {"q": "hämtningsschema"})
    assert response.status_code == 200
    assert faq in response.context["faqs"]
    assert faq.question in response.content.decode()


def test_faq_page_search_finds_by_answer(client):
    response = client.get("/vanliga-fragor/", {"q": "hämtningsschema"})
    assert [f.question for f in response.context["results"]] == [
        FAQ.objects.get(answer__icontains="hämtningsschema").question
    ]


def test_site_search_finds_pages_and_blanketter(client):
    response = client.get("/sok/", {"q": "bygglov"})
    assert response.status_code == 200
    assert any("Bygglov" in p.title for p in response.context["pages"])
    assert response.context["blanketter"]


def test_search_without_results_says_so(client):
    response = client.get("/sok/", {"q": "xyzzyqwerty"})
    assert response.status_code == 200
    assert response.context["result_count"] == 0


def test_empty_and_overlong_queries_do_not_fail(client):
    assert client.get("/sok/").status_code == 200
    assert client.get("/sok/", {"q": "å" * 5000}).status_code == 200
    assert client.get("/sok/", {"q": "bygglov", "sida": "999"}).status_code == 200
