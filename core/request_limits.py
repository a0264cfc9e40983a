"""Oversized requests: a clear message, never a 500 and never a gigabyte on the server's disk.

Django limits a form's fields (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but not its files: an upload of
any size is streamed to a temporary file. ``LimitedUploadHandler`` (first in
``FILE_UPLOAD_HANDLERS``) closes that gap:

- a multipart body over ``REQUEST_MAX_BODY_SIZE`` is refused before it is read, with Django's
  ``RequestDataTooBig``, which the site answers with its 413 page (``portal.errors.bad_request``);
- a single file over ``UPLOAD_MAX_FILE_SIZE`` is not kept: the form gets an empty stand-in
  of the size that was sent, so the field's own check says "too large" beside the field.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class TooLargeUpload(SimpleUploadedFile):
    """What is left of a file over the limit: its name, type and the size that was sent."""

    def __init__(self, name, content_type, size):
        super().__init__(name, b"", content_type)
        self.size = size


class LimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.REQUEST_MAX_BODY_SIZE:
            raise RequestDataTooBig("The request body is larger than REQUEST_MAX_BODY_SIZE.")

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        # Past the limit the next handlers get nothing more: the rest is counted, not kept.
        return raw_data if self.received <= settings.UPLOAD_MAX_FILE_SIZE else None

    def file_complete(self, file_size):
        if self.received > settings.UPLOAD_MAX_FILE_SIZE:
            return TooLargeUpload(self.file_name, self.content_type, self.received)
        return None
