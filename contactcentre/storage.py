"""Where case attachments live: outside MEDIA_ROOT, with no public URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files are only ever streamed by a view that checks who asks."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    def url(self, name):
        raise NotImplementedError("Private files have no public URL.")


def private_storage():
    # A callable, so tests that change PRIVATE_MEDIA_ROOT get a storage that follows.
    return PrivateStorage()
