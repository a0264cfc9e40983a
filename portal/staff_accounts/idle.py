"""Admin sessions end after ``STAFF_IDLE_TIMEOUT_MINUTES`` without a request."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from core import security_log

LAST_ACTIVITY_KEY = "staff_last_activity"
# The session is written at most this often, not on every request; the timeout is exact to it.
WRITE_EVERY_SECONDS = 60


def now() -> float:
    """The clock (a function, so tests can move it)."""
    return time.time()


class IdleStaffSessionMiddleware:
    """Logs a signed-in user out when their last request was too long ago.

    Only signed-in users (staff: citizens have no accounts) are looked at, so a citizen's session
    with an e-service run or a status link is never touched. A stolen laptop with an open admin
    is closed after the timeout whatever the session cookie's own age.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request, user)
        return self.get_response(request)

    def _check(self, request, user):
        current = now()
        last = request.session.get(LAST_ACTIVITY_KEY)
        timeout = settings.STAFF_IDLE_TIMEOUT_MINUTES * 60
        if last is not None and current - last > timeout:
            security_log.event(
                "session.idle_logout", request, user=user, idle_minutes=int((current - last) // 60)
            )
            logout(request)
            messages.info(
                request,
                _("You were signed out after %(minutes)s minutes without activity. Sign in again.")
                % {"minutes": settings.STAFF_IDLE_TIMEOUT_MINUTES},
            )
            return
        if last is None or current - last >= WRITE_EVERY_SECONDS:
            request.session[LAST_ACTIVITY_KEY] = current
