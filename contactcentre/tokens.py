"""The secret in a citizen's status link, derived rather than stored."""

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "contactcentre.case-status"


def status_token(case) -> str:
    # Derived from a per-case random salt, so receipts and e-mail retries can rebuild the
    # link while the database holds nothing that opens it on its own.
    return salted_hmac(SALT, f"{case.pk}:{case.reference}:{case.token_salt}", algorithm="sha256").hexdigest()[
        :32
    ]


def check_status_token(case, token: str) -> bool:
    return bool(token) and constant_time_compare(status_token(case), token)


def status_code(case) -> str:
    """The token as receipts print it: groups of four, so a citizen can read it out and type it."""
    token = status_token(case)
    return " ".join(token[i : i + 4] for i in range(0, len(token), 4))


_HEX = frozenset("0123456789abcdef")


def code_from_input(text: str) -> str:
    """The token in what a citizen typed: the code with or without spaces and dashes, or the whole link.

    Anything else gives "", which no case accepts.
    """
    text = text.strip().lower()
    if "/" in text:
        # A pasted status link: the code is its last path segment.
        segments = [part for part in text.split("?")[0].split("/") if part]
        text = segments[-1] if segments else ""
    code = "".join(char for char in text if char not in " -\u00a0\t")
    return code if len(code) == 32 and set(code) <= _HEX else ""
