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

from pythonjsonlogger.json import JsonFormatter

from core.masking import mask

request_id_var = contextvars.ContextVar("request_id", default="-")
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
        token = request_id_var.set(request.id)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.id
            return response
        finally:
            request_id_var.reset(token)


class RequestLogMiddleware:
    """One line per request: method, path (masked), status, time taken and the staff user's id.

    A route with parameters (a status link's token) is logged as its pattern, not its values.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        path = match.route if match is not None and match.kwargs else mask(request.path)
        user = getattr(request, "user", None)
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "path": path,
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


class MaskPersonalData(logging.Filter):
    """The message with personnummer, phone numbers, references and e-mail addresses masked."""

    def filter(self, record):
        if record.name not in MASKED_AT_SOURCE:
            record.msg = mask(record.getMessage())
            record.args = ()
        return True


class MaskingJsonFormatter(JsonFormatter):
    """Tracebacks masked too: an exception's message may quote what a citizen typed."""

    def formatException(self, ei):  # noqa: N802 (logging's name)
        return mask(super().formatException(ei))


def json_logging(level: str) -> dict:
    """``LOGGING`` for ``LOG_FORMAT=json``: everything to stderr as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "core.json_logs.RequestIdFilter"},
            "mask": {"()": "core.json_logs.MaskPersonalData"},
        },
        "formatters": {
            "json": {
                "()": "core.json_logs.MaskingJsonFormatter",
                "fmt": ["asctime", "levelname", "name", "message", "request_id"],
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id", "mask"],
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
