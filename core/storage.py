"""Where case attachments live: outside MEDIA_ROOT, with no public URL.

On one machine a folder (``PRIVATE_MEDIA_ROOT``); with several app servers the private bucket
(``S3_PRIVATE_BUCKET``, the ``private`` entry of ``STORAGES``: core/s3_storage.py), so an
upload on one server is there for the next step of the form on another.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """Files are only ever streamed by a view that checks who asks.

    The location is read from ``PRIVATE_MEDIA_ROOT`` on every use, not once at import,
    so a changed setting (in tests, or per deployment) is always followed.
    """

    def __init__(self, subdir=""):
        super().__init__(base_url=None)
        self.subdir = subdir

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, self.subdir)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Private files have no public URL.")


def private_storage(subdir=""):
    """The private bucket when ``STORAGES`` has one, under ``subdir``; the folder otherwise."""
    if "private" not in settings.STORAGES:
        return PrivateStorage(subdir)
    if not subdir:
        return storages["private"]
    entry = settings.STORAGES["private"]
    return storages.create_storage({**entry, "OPTIONS": {**entry.get("OPTIONS", {}), "location": subdir}})
