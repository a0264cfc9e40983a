"""Production: refuses to start without a secret key and allowed hosts."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, BEHIND_TLS_PROXY, SECRET_KEY, STORAGES

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable (50+ random characters).")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS, a comma-separated list of the site's host names.")

# Media and attachments as base.py chose them (local folders, or S3 buckets); hashed static files.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
