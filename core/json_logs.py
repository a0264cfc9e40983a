"""Structured logs (``LOG_FORMAT=json``): one JSON object a line, each with the request's id.

Several app servers write to one log store; the request id ties a request's lines together
across them (the load balancer's ``X-Request-ID``, or one made here), and is sent back in the
response so a citizen's "something went wrong" can be found. Personal data is masked as in the
security log (core.masking): a personnummer typed into a URL never reaches the log store.
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.signals import request_finished
from django.dispatch import receiver

from pythonjsonlogger.json import JsonFormatter

from core.masking import mask

request_id_var = contextvars.ContextVar("request_id", default="-")
# (the request's path, what the log says instead) once the URL is resolved: see loggable_path.
path_var = contextvars.ContextVar("logged_path", default=None)
request_logger = logging.getLogger("kommunportal.request")

# An id from the load balancer is kept only when it looks like one: anything else is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
REQUEST_ID_HEADER = "X-Request-ID"
# Loggers that mask their own fields (their lines carry timestamps and ids that must stay).
MASKED_AT_SOURCE = frozenset({"kommunportal.security", "kommunportal.request"})


class RequestIdMiddleware:
    """First in the chain: every line logged while answering carries the same ``request_id``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        # Kept until the response is finished, not only while the middleware runs: Django logs
        # a 4xx/5xx answer ("Not Found: …") after the middleware returned.
        request_id_var.set(request.id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.id
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs):
    request_id_var.set("-")
    path_var.set(None)


def loggable_path(request):
    """A route with parameters (a status link's reference and token) as its pattern; others masked."""
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None and match.kwargs else mask(request.path)


class RequestLogMiddleware:
    """One line per request: method, path (``loggable_path``), status, time taken, staff user's id.

    Once the URL is resolved, every other line of the request that quotes its path (Django's
    "Not Found: …") shows the loggable path instead (``MaskingJsonFormatter``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        path_var.set((request.path, loggable_path(request)))

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "path": loggable_path(request),
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class MaskingJsonFormatter(JsonFormatter):
    """Every field masked (core.masking), the message, extras (Django's ``request``) and tracebacks.

    Fields this module writes itself (time, level, logger, request id) and loggers that mask
    their own fields keep theirs: masking would blank their timestamps and ids.
    """

    OWN_FIELDS = frozenset({"time", "level", "logger", "request_id"})

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        if record.name in MASKED_AT_SOURCE:
            return
        path, instead = path_var.get() or ("", "")
        for key, value in log_data.items():
            if key in self.OWN_FIELDS or value is None or isinstance(value, bool | int | float):
                continue
            text = value if isinstance(value, str) else str(value)
            if path and path != instead:
                text = text.replace(path, instead)
            log_data[key] = mask(text)

    def formatException(self, ei):  # noqa: N802 (logging's name)
        return mask(super().formatException(ei))


def json_logging(level: str) -> dict:
    """``LOGGING`` for ``LOG_FORMAT=json``: everything to stderr as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "core.json_logs.RequestIdFilter"},
        },
        "formatters": {
            "json": {
                "()": "core.json_logs.MaskingJsonFormatter",
                "fmt": ["levelname", "name", "message", "request_id"],
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",  # ISO 8601 in UTC, whatever TIME_ZONE says
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            # Our request line replaces the server's access log; gunicorn's is off (Containerfile).
            "django.server": {"level": "WARNING"},
        },
    }
