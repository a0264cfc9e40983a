"""The test settings' login backend: django-axes, except for ``client.login()``.

``client.login()`` authenticates without a request, which django-axes refuses; a login through
a request (the login pages, every lockout test) goes through django-axes as in production.
"""

from axes.backends import AxesStandaloneBackend


class AxesUnlessNoRequestBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
