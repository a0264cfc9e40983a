"""Settings shared by every environment.

Every deploy-time value is read from the environment here and nowhere else;
``dev``, ``production`` and ``test`` only decide what to do with them.
"""

import datetime as dt
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import csp.constants as csp
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
# Site search past one machine: Elasticsearch or OpenSearch at SEARCH_URL (docs/deploy.md).
SEARCH_URL = env_str("SEARCH_URL")  # https://user:password@search.internal:9200 when set
SEARCH_ENGINE = env_str("SEARCH_ENGINE", "elasticsearch9")
PAGE_CACHE_DIR = env_str("PAGE_CACHE_DIR")  # the page cache's folder without CACHE_URL (var/cache/pages)
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
# Past one machine (docs/deploy.md, decision 0015). Tasks: "db" (django-tasks-db, the default)
# or "rq" (django-tasks-rq on the Redis at TASKS_URL, workers on any machine).
TASKS_BACKEND = env_str("TASKS_BACKEND", "db")
TASKS_URL = env_str("TASKS_URL")  # redis://redis:6379/2 with TASKS_BACKEND=rq
# /readyz fails when more than TASKS_BACKLOG_MAX tasks have waited TASKS_BACKLOG_MINUTES or longer.
TASKS_BACKLOG_MINUTES = env_int("TASKS_BACKLOG_MINUTES", 10)
TASKS_BACKLOG_MAX = env_int("TASKS_BACKLOG_MAX", 50)
# Object storage (django-storages' S3 backend; any S3-compatible server). Credentials come
# from boto3's own environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or role.
S3_BUCKET = env_str("S3_BUCKET")  # public media: images, renditions, documents
S3_PRIVATE_BUCKET = env_str("S3_PRIVATE_BUCKET")  # case attachments and e-service uploads
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")  # e.g. https://s3.example.se; unset for AWS
S3_REGION = env_str("S3_REGION")
S3_CUSTOM_DOMAIN = env_str("S3_CUSTOM_DOMAIN")  # media.exempelkommun.se: a CDN in front of S3_BUCKET
# "text" (the default) or "json": one JSON object a line with the request's id.
LOG_FORMAT = env_str("LOG_FORMAT", "text")

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
    # /healthz and /readyz for load balancers: by address and over http (portal/health.py).
    "portal.health.HealthProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Gzip only where it cannot leak a secret (BREACH): core/compression.py says which.
    "core.compression.CompressPublicAnswersMiddleware",
    # Security headers (portal/headers.py): before whitenoise, so static files get them too.
    "portal.headers.SecurityHeadersMiddleware",
    "portal.headers.ContentSecurityPolicyMiddleware",
    "core.middleware.UnreadableCharsetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and CSRF: a stored page costs a cache look-up (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # 401/403 for anyone, 404 for a signed-in user in the admin: an access.denied security event.
    "core.middleware.DeniedAccessLogMiddleware",
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
                "pages.chrome.context_processor",
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
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL},
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "pages",
        },
    }
else:
    CACHES = {
        # Room for the site chrome (pages/chrome.py: a few dozen values per language and content
        # generation) beside the rest; Django's default of 300 entries would keep evicting it.
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # Shared by the server's processes (per-process memory would keep a page an editor changed).
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": PAGE_CACHE_DIR or str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# The page cache (core/page_cache.py): whole anonymous pages, at most this many seconds
# (0: off); any publish or content change forgets them all at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Each server process also keeps the pages it served lately and trusts the generation it read
# for this many seconds (0: off): an editor's change reaches the other processes that much later.
PAGE_CACHE_LOCAL_SECONDS = env_int("PAGE_CACHE_LOCAL_SECONDS", 1)
PAGE_CACHE_LOCAL_PAGES = env_int("PAGE_CACHE_LOCAL_PAGES", 500)
# Models besides pages, snippets, settings, images and documents whose change a page shows.
PAGE_CACHE_INVALIDATED_BY = [
    # An opening-hours snippet's rows: saved with it from the admin, but a script may write one.
    "pages.WeeklyHours",
    "pages.SeasonalHours",
    "pages.OpeningHoursException",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
]

# The statistics page keeps the numbers of a period this many seconds (0: never), so a
# manager's CSV downloads and second look do not recount a year of cases.
STATISTICS_CACHE_SECONDS = env_int("STATISTICS_CACHE_SECONDS", 300)
# The queue counts the cases it may show up to this many, then says "more than"
# (contactcentre/admin_views/pagination.py): an exact count of a million cases is slow.
QUEUE_COUNT_CAP = 10_000

# --- Rate limits (core.ratelimit): scope -> (attempts, window in seconds) per client
# address. Counted in the database, or in the cache when CACHE_URL (Redis) is set.
RATE_LIMITS = {
    "case-status": (20, 10 * 60),
    "submission": (30, 60 * 60),
    # The web pages count only failed look-ups: a library's shared address must not lock out readers.
    "case-lookup-failure": (20, 10 * 60),
    "citizen-message": (10, 60 * 60),
    # --- Abuse (docs/security.md, "Abuse"): the web form's final "send" shares "submission"
    # with the API. Save-for-later mails: per client, and per recipient (a keyed hash of the
    # address, from any client). FAQ votes: a budget per client, and one vote per FAQ per
    # client a day (and per session).
    "resume-email": (10, 60 * 60),
    "resume-email-address": (3, 60 * 60),
    "faq-vote": (30, 60 * 60),
    "faq-vote-once": (1, 24 * 60 * 60),
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
# Our date formats where Django's for a language are wrong for the portal (portal/formats/<code>/).
FORMAT_MODULE_PATH = ["portal.formats"]
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
# Documents go through Wagtail's view, so permissions and the allowlist apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "ods", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Site search (docs/decisions/0012-swedish-search.md) ----------------------
# Without SEARCH_URL: the database. Wagtail's database backend, with core.stemming's stems
# as prefix queries (core/search_backend.py); PostgreSQL stems the index and the query with
# its "swedish" text-search configuration as well. Changing it needs `manage.py update_index`.
SEARCH_ENGINES = ["elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]
if SEARCH_URL:
    if SEARCH_ENGINE not in SEARCH_ENGINES:
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}.")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_ENGINE}",
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": "kommunportal_",
            # Swedish stems and stop words for every text field (the engine's built-in
            # "swedish" analyser); Wagtail's own n-gram analysers stay for autocomplete.
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "swedish"}}}}},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "swedish"}}

# --- Oversized requests (core/request_limits.py; docs/security.md, "Abuse") ----
# Form fields without files: Django's own limit (its default, said here). A multipart body
# over REQUEST_MAX_BODY_SIZE gets the 413 page before it is read; a file over
# UPLOAD_MAX_FILE_SIZE is not kept and its field says it is too large. Five photos of 8 MB
# (core.uploads.MAX_BYTES) fit; so do the admin's documents (WAGTAILDOCS_MAX_UPLOAD_SIZE).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
REQUEST_MAX_BODY_SIZE = 50 * 1024 * 1024
UPLOAD_MAX_FILE_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE
FILE_UPLOAD_HANDLERS = [
    "core.request_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
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

# --- Security headers (portal/headers.py; docs/security.md, "Headers") -------
# The public site: no inline script or style, nothing from another origin, framed by no one.
# A view that needs an inline script takes request.csp_nonce (django-csp adds it to the header).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# The admin (Wagtail's and Django's), as strict as Wagtail 8 allows, found by loading its pages
# in chromium under the public policy: its templates have inline <script> blocks (page
# listings, users, inline panels, date pickers) and its vendor.js inserts <script> and <style>
# elements, so scripts and styles need 'unsafe-inline'; the image uploader previews blob: URLs.
# No 'unsafe-eval', no other origin, and the rest as on the public site. Never add a nonce here:
# a browser ignores 'unsafe-inline' next to a nonce, and Wagtail's inline scripts carry none.
PORTAL_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [csp.SELF, csp.UNSAFE_INLINE],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "blob:"],
}
PORTAL_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
# Features no page of ours uses. A photo question's <input type=file> is a file picker, which
# Permissions-Policy does not govern, so camera=() leaves "take a photo" on phones working.
PORTAL_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), "
    "browsing-topics=(), interest-cohort=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Staff accounts (sec-accounts; docs/security.md "Staff accounts") -------
# Lockouts (django-axes), a second factor per group (django-otp, TOTP with recovery codes) and
# idle admin sessions that end. Kept in one block so the lists above stay as they were.
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
_after_messages = MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1
MIDDLEWARE[_after_messages:_after_messages] = [
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "portal.staff_accounts.idle.IdleStaffSessionMiddleware",
    "portal.staff_accounts.two_factor.RequireSecondFactorMiddleware",
]
# Last, as django-axes asks: it turns a refused login into the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out username and client before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked per username *and* client address together: one address failing against every user
# locks none of the others out, and a user is still let in from their own desk while an
# attacker elsewhere is locked (docs/decisions/0010-staff-accounts.md).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5  # the 5th wrong password locks
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
# The address the rate limits use (TRUSTED_PROXY_COUNT), an IPv6 client by its /64.
AXES_CLIENT_IP_CALLABLE = "portal.staff_accounts.login.client_address"
AXES_LOCKOUT_CALLABLE = "portal.staff_accounts.login.locked_out"
AXES_RESET_ON_SUCCESS = True
# Successful logins go to the security log (a hashed client), not to a table of addresses in clear.
AXES_DISABLE_ACCESS_LOG = True
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# An admin session ends after this many minutes without a request; citizens have no accounts,
# so their sessions (e-service runs, status links) are not touched.
STAFF_IDLE_TIMEOUT_MINUTES = env_int("STAFF_IDLE_TIMEOUT_MINUTES", 30)

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

# --- Past one machine (docs/deploy.md; docs/decisions/0015-past-one-machine.md) ----------
# Several stateless app servers behind a load balancer: nothing a request needs may live on
# one server's disk or memory. Each part below is switched on by its environment variable.
if CACHE_URL:
    # Sessions read from Redis, written through to the database: a restarted Redis logs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

if TASKS_BACKEND == "rq":
    if not TASKS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs TASKS_URL, the Redis of the task queue.")
    INSTALLED_APPS += ["django_rq"]
    # Worker: manage.py rqworker default --with-scheduler (the scheduler runs retries' run_after).
    RQ_QUEUES = {"default": {"URL": TASKS_URL, "DEFAULT_TIMEOUT": 10 * 60}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND != "db":
    raise ImproperlyConfigured(f"TASKS_BACKEND is 'db' or 'rq', not {TASKS_BACKEND!r}.")


def _s3_options(bucket):
    options = {"bucket_name": bucket, "file_overwrite": False}
    if S3_ENDPOINT_URL:
        options["endpoint_url"] = S3_ENDPOINT_URL
    if S3_REGION:
        options["region_name"] = S3_REGION
    return options


if S3_BUCKET:
    # Public media: readable by anyone who has the URL (bucket policy), so no signed URLs.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options(S3_BUCKET),
            "querystring_auth": False,
            "default_acl": None,
            **({"custom_domain": S3_CUSTOM_DOMAIN} if S3_CUSTOM_DOMAIN else {}),
        },
    }
if S3_PRIVATE_BUCKET:
    # Case attachments: private objects with no URL; staff read them through the app's
    # permission-checked view (core/s3_storage.py, core/storage.py).
    STORAGES["private"] = {
        "BACKEND": "core.s3_storage.PrivateS3Storage",
        "OPTIONS": _s3_options(S3_PRIVATE_BUCKET),
    }

if LOG_FORMAT == "json":
    # One JSON line per request and per log record, each with the request's id (X-Request-ID
    # from the load balancer, or a new one); personal data masked (core/json_logs.py).
    from core.json_logs import json_logging

    MIDDLEWARE[1:1] = ["core.json_logs.RequestIdMiddleware", "core.json_logs.RequestLogMiddleware"]
    LOGGING = json_logging(LOG_LEVEL)
elif LOG_FORMAT != "text":
    raise ImproperlyConfigured(f"LOG_FORMAT is 'text' or 'json', not {LOG_FORMAT!r}.")
