"""The API's shared schemas: every router answers an error the same way."""

from ninja import Schema


class ErrorOut(Schema):
    """An error that concerns the whole request."""

    detail: str
