"""Past one machine: Redis for tasks, S3-compatible object storage, the production settings."""

import os
import signal
import socket

import pytest

# The staff and their signed-in clients of the contact-centre tests.
from tests.contactcentre.conftest import signed_in, staff  # noqa: F401

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def redis_url():
    """A Redis database of this test process's own, so parallel workers never share a queue."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = int(worker.removeprefix("gw") or 0) % 6
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{10 + number}"


@pytest.fixture
def rq_tasks(settings):
    """Tasks on django-tasks-rq with the local Redis, as TASKS_BACKEND=rq sets them up; its queue empty."""
    try:
        socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1).close()
    except OSError:
        pytest.skip(f"no Redis on {REDIS_HOST}:{REDIS_PORT} (the machine's service; see docs/deploy.md)")
    import django_rq

    settings.RQ_QUEUES = {"default": {"URL": redis_url()}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default")
    queue.connection.flushdb()
    yield queue
    queue.connection.flushdb()


def run_rq_worker(queue):
    """What ``manage.py rqworker default --burst`` does, in this process: every job now queued."""
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    # The worker takes SIGINT and SIGTERM for its warm shut-down: give them back to pytest.
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
