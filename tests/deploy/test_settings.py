"""The production settings past one machine: each environment variable picks its backend.

Run in a fresh interpreter each, as a server starts: settings are read once at start-up.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-key-for-the-deploy-check-0123456789"
PAST_ONE_MACHINE = {
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "www.exempelkommun.se",
    "DATABASE_URL": "postgresql://kommunportal@db.internal:5432/kommunportal",
    "CACHE_URL": "redis://redis.internal:6379/1",
    "TASKS_BACKEND": "rq",
    "TASKS_URL": "redis://redis.internal:6379/2",
    "S3_BUCKET": "kommunportal-media",
    "S3_PRIVATE_BUCKET": "kommunportal-private",
    "S3_ENDPOINT_URL": "https://s3.example.se",
    "S3_CUSTOM_DOMAIN": "media.exempelkommun.se",
    "LOG_FORMAT": "json",
    "BEHIND_TLS_PROXY": "1",
}
# Variables of the deployment that the test process itself may have set.
OURS = {*PAST_ONE_MACHINE, "S3_REGION", "DJANGO_SETTINGS_MODULE"}

SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "session": settings.SESSION_ENGINE,
    "cache": settings.CACHES["default"]["BACKEND"],
    "tasks": settings.TASKS["default"]["BACKEND"],
    "rq": getattr(settings, "RQ_QUEUES", None),
    "apps": settings.INSTALLED_APPS,
    "storages": settings.STORAGES,
    "middleware": settings.MIDDLEWARE[:3],
    "formatter": settings.LOGGING.get("formatters", {}).get("json", {}).get("()"),
}))
"""


def run(args, **env):
    base = {k: v for k, v in os.environ.items() if k not in OURS}
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "portal.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_with(**env):
    result = run([sys.executable, "manage.py", "shell", "-c", SHOW], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_each_variable_selects_its_backend():
    chosen = settings_with(**PAST_ONE_MACHINE)
    assert chosen["engine"] == "django.db.backends.postgresql"
    assert chosen["session"] == "django.contrib.sessions.backends.cached_db"
    assert chosen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["tasks"] == "django_tasks_rq.RQBackend"
    assert chosen["rq"]["default"]["URL"] == "redis://redis.internal:6379/2"
    assert "django_rq" in chosen["apps"]

    media, private = chosen["storages"]["default"], chosen["storages"]["private"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "kommunportal-media"
    assert media["OPTIONS"]["custom_domain"] == "media.exempelkommun.se"
    assert media["OPTIONS"]["querystring_auth"] is False
    assert private["BACKEND"] == "core.s3_storage.PrivateS3Storage"
    assert private["OPTIONS"] == {
        "bucket_name": "kommunportal-private",
        "file_overwrite": False,
        "endpoint_url": "https://s3.example.se",
    }
    assert (
        chosen["storages"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )

    assert chosen["middleware"] == [
        "portal.health.HealthProbeMiddleware",  # probes first: not logged as requests
        "core.json_logs.RequestIdMiddleware",
        "core.json_logs.RequestLogMiddleware",
    ]
    assert chosen["formatter"] == "core.json_logs.MaskingJsonFormatter"


def test_one_machine_needs_none_of_them():
    chosen = settings_with(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="www.exempelkommun.se")
    assert chosen["session"] == "django.contrib.sessions.backends.db"
    assert chosen["tasks"] == "django_tasks_db.DatabaseBackend"
    assert chosen["rq"] is None and "django_rq" not in chosen["apps"]
    assert chosen["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "private" not in chosen["storages"]
    assert chosen["middleware"][:2] == [
        "portal.health.HealthProbeMiddleware",
        "django.middleware.security.SecurityMiddleware",
    ]
    assert chosen["formatter"] is None


def test_redis_tasks_without_their_redis_refuse_to_start():
    env = {**PAST_ONE_MACHINE}
    del env["TASKS_URL"]
    result = run([sys.executable, "manage.py", "check"], **env)
    assert result.returncode != 0
    assert "TASKS_URL" in result.stderr


def test_check_deploy_is_clean_past_one_machine():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PAST_ONE_MACHINE
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_variable_the_settings_read_is_in_the_deploy_table():
    import re

    names = set(
        re.findall(
            r'env_(?:str|int|bool|list)\("([A-Z0-9_]+)"', (ROOT / "portal/settings/base.py").read_text()
        )
    )
    assert {"TASKS_BACKEND", "TASKS_URL", "S3_PRIVATE_BUCKET", "LOG_FORMAT"} <= names
    table = (ROOT / "docs" / "deploy.md").read_text().split("## Environment variables", 1)[1]
    missing = sorted(name for name in names if f"`{name}`" not in table)
    assert missing == [], "add these to docs/deploy.md, 'Environment variables'"
