"""The admin shows no Gravatar: it is unreachable offline (a broken image) and leaks e-mail hashes."""

from django.contrib.auth import get_user_model

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/users/", "/admin/account/"])
def test_admin_renders_no_gravatar_url(client, url):
    admin = get_user_model().objects.get(username="admin")
    assert admin.email, "the test needs a user with an e-mail address, or Gravatar is never asked"
    client.force_login(admin)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    # The sidebar and the users' listing still show an avatar: Wagtail's own default image.
    assert "default-user-avatar" in html
