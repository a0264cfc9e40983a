"""Settings shared by every environment.

Every deploy-time value is read from the environment here and nowhere else;
``dev``, ``production`` and ``test`` only decide what to do with them.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"


def env_str(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name, default=()):
    value = os.environ.get(name)
    if value in (None, ""):
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Deploy-time values: the environment, read in one place ----------------
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
CACHE_URL = env_str("CACHE_URL")  # redis://127.0.0.1:6379/1 when set
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Exempelkommun <noreply@exempelkommun.se>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds to wait for the mail server at each step. Django waits for ever by default, and a
# server that accepts and never answers would hold the task worker and every task behind it.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# How many proxies in front of the app append to X-Forwarded-For (rate limits count per client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Applications -----------------------------------------------------------
INSTALLED_APPS = [
    "portal",
    "pages",
    "eservices",
    "contactcentre",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail: its ready() changes how Wagtail's reference index hears of inline rows.
    "core",
    "modelcluster",
    "taggit",
    "django_filters",
    "formtools",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.UnreadableCharsetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE transactions and WAL avoid "database is locked" under concurrent writers.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches -----------------------------------------------------------------
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The statistics page keeps the numbers of a period this many seconds (0: never), so a
# manager's CSV downloads and second look do not recount a year of cases.
STATISTICS_CACHE_SECONDS = env_int("STATISTICS_CACHE_SECONDS", 300)

# --- Rate limits (core.ratelimit): scope -> (attempts, window in seconds) per client
# address. Counted in the database, or in the cache when CACHE_URL (Redis) is set.
RATE_LIMITS = {
    "case-status": (20, 10 * 60),
    "submission": (30, 60 * 60),
    # The web pages count only failed look-ups: a library's shared address must not lock out readers.
    "case-lookup-failure": (20, 10 * 60),
    "citizen-message": (10, 60 * 60),
}

# --- Background tasks (django-tasks; Wagtail 8 queues its own work here too) -
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still RUNNING after this many minutes was left by a dead worker: requeue_stale_tasks
# (a periodic job) runs it again. Far above the longest task, so a live one is never run twice.
TASKS_STALE_AFTER_MINUTES = env_int("TASKS_STALE_AFTER_MINUTES", 30)

# --- Passwords --------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fi", "Suomi"),
]
# Right-to-left languages get dir="rtl" on <html> (Django's LANGUAGES_BIDI covers Arabic).
LOCALE_PATHS = [BASE_DIR / "locales"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation starts as a draft: never the Swedish text live under /en/ before a translator
# has translated and published it (wagtail-localize would copy the source's live status).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = PROJECT_DIR / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Exempelkommun"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents go through Wagtail's view, so permissions and the allowlist apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "ods", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: staff machines may be offline (a broken image) and it sends a hash of each
# staff member's e-mail address to a third party. Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Security defaults that hold everywhere --------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A failed CSRF check shows our page in the visitor's language, not Django's English one.
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task is noise next to the server's log; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}

PORTAL_MUNICIPALITY_NAME = _("Exempelkommun")

# --- Status links and personal data (issue 13, "Secrets out of logs") -------
# How long the session a status link opens stays open after its last use (contactcentre/status.py):
# the link itself is exchanged on every click, so a citizen never needs longer.
CASE_STATUS_SESSION_SECONDS = env_int("CASE_STATUS_SESSION_SECONDS", 30 * 60)
