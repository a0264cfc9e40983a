"""The API's shared schemas: every router answers an error the same way."""

from ninja import Schema


class ErrorOut(Schema):
    """An error that concerns the whole request."""

    detail: str


class ErrorItemOut(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    """What was wrong with the request, item by item (status 422)."""

    detail: list[ErrorItemOut]
