"""Tests: fast hashing, local-memory cache and mail, tasks run at once.

``DATABASE_URL`` still decides the database, so the same suite runs on PostgreSQL in CI.
"""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, PAGE_CACHE_DIR

# The suite runs on the demo municipality (manage.py seed_demo); production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # In-process tests: local memory, emptied before each test (tests/conftest.py). The browser
    # tests' server shares a folder with the scripts that change its content.
    "pages": (
        {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": PAGE_CACHE_DIR,
        }
        if PAGE_CACHE_DIR
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    ),
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser tests serve the site with DEBUG off: whitenoise serves static files from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A file-based SQLite test database, so tests with parallel threads see real locking;
# one per process, so two runs at once (or a stale WAL file) never share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"kommunportal-test-{os.getpid()}.sqlite3")
    }
STATISTICS_CACHE_SECONDS = 0  # every test counts its own data

# Staff accounts: django-axes as in production for every login through a request; the
# suite's ``client.login()`` (no request) skips it (tests/axes_backend.py).
AUTHENTICATION_BACKENDS = [
    "tests.axes_backend.AxesUnlessNoRequestBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Tests change content from other processes (the browser tests' scripts) and read the next page
# at once: no process keeps its own copy of pages (tests/pages/test_page_cache.py turns it on).
PAGE_CACHE_LOCAL_SECONDS = 0
