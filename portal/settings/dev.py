"""Local development: DEBUG on, an insecure key when none is set, mail to the console."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, INSTALLED_APPS, SECRET_KEY, env_bool, env_int

# The demo municipality (manage.py seed_demo); production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-dev-only-kommunportal-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# A template or code change shows at the next reload: no page cache unless asked for.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
