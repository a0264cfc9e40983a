"""gunicorn's settings for the production image: ``gunicorn -c portal/gunicorn_conf.py portal.wsgi``.

Each value from the environment (docs/deploy.md), so one image serves every size of server.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Processes: about two per core; threads let a process wait on the database and Redis.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (and a random few more): no slow leak lives long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The app logs each request itself (LOG_FORMAT=json: core/json_logs.py), with masked paths.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# X-Forwarded-* are trusted from these addresses only: the load balancer's.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Uploads are spooled to this folder, which is memory in a container (no slow overlay disk).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

if os.environ.get("LOG_FORMAT") == "json":
    # gunicorn's own lines (start, worker timeouts) as JSON too, like the app's (core/json_logs.py).
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["levelname", "name", "message"],
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
            }
        },
        # gunicorn updates its own defaults with these keys, so each keeps the defaults' names.
        "root": {"level": "INFO", "handlers": ["console"]},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }

# gunicorn 27's control socket (gunicornc) is not used; its default folder is not writable here.
control_socket_disable = True
