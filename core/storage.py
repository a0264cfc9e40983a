"""Where case attachments live: outside MEDIA_ROOT, with no public URL."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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


def private_storage():
    return PrivateStorage()
