"""``/healthz`` and ``/readyz`` answered before anything else in the middleware chain.

A load balancer probes each app server by its address over plain HTTP: Host is that address
(not in ALLOWED_HOSTS) and the scheme is http (SECURE_SSL_REDIRECT would answer 301). Neither
says anything about the server's health, so the probes are answered here, first, and are not
logged as requests (one a few seconds from each balancer would drown the request log).
"""

from portal import views

PROBES = {"/healthz": views.healthz, "/readyz": views.readyz}


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        return probe(request) if probe is not None else self.get_response(request)
