"""Settings for a real ``db_worker`` in a subprocess: the test settings with the database task
backend and SMTP (``EMAIL_HOST``/``EMAIL_PORT`` from the environment, as in production)."""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
